"""A sync engine's conflict copy merged back into its file, by the laptop that keeps it.

The store finds the copies and reads them (`store/sync_copies.py`); the three-way merge
of two copies of one file is the merge's (`merge/copies.py`). Joining the two sits here,
above both, so the store never depends on the merge.
"""

from __future__ import annotations

from pact_tui.merge import Conflict
from pact_tui.merge.copies import merge_copies
from pact_tui.model import UserError
from pact_tui.store import SessionFile
from pact_tui.store.sync_copies import ConflictCopy, keep_and_remove, read_copy


def merge_conflict_copy(file: SessionFile, copy: ConflictCopy) -> tuple[Conflict, ...]:
    """Merge `copy` into the open, writable `file` (one atomic replace_all); the copy goes into
    the file's backups and is then removed; returns the conflicts a person still has to decide.

    CopyNotReadyError while the copy does not read whole (it stays where it is); a failing
    save raises as any save does, and leaves the copy too.
    """
    content, theirs = read_copy(copy, file.meta.id)
    merged = merge_copies(file.snapshot(), theirs)
    file.replace_all(merged.session)
    keep_and_remove(file.path, copy, content)
    return merged.conflicts


def merge_if_clean(copy: ConflictCopy) -> int | None:
    """Merge `copy` into its file, not open here, when this laptop may write the file and the
    merge leaves nothing for a person to decide; then 0. Otherwise the file is left as it is:
    the number of conflicts waiting for a person (who decides them where the file is open for
    editing), or None when the file is not this laptop's to write or the copy not whole yet.
    """
    try:
        with SessionFile.open(copy.original) as file:
            if file.read_only:
                return None
            content, theirs = read_copy(copy, file.meta.id)
            merged = merge_copies(file.snapshot(), theirs)
            if merged.conflicts:
                return len(merged.conflicts)
            file.replace_all(merged.session)
            keep_and_remove(file.path, copy, content)
            return 0
    except (UserError, OSError):
        return None  # not whole yet, or the file cannot be saved now: tried on a later look
