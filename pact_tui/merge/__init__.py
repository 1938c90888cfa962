"""Several sessions -> one programme: pure functions over the models (no I/O, no Textual).

    result = merge_sessions(sessions)            # conflicts open, duplicates proposed
    result = resolve_conflict(result, conflict.id, version.key | KEEP_ALL | edited_item)
    result = combine_duplicate(result, proposal.id)   # or keep_apart(...)
    result.programme                              # a Session of kind "programme"

Two copies of one session file -> one session again (a sync client's conflict copy):

    merged = merge_copies(mine, theirs)           # only real conflicts left open
    merged = settle(merged, conflict.id, version.key | DELETED | edited_item)
    merged.session
"""

from pact_tui.merge.copies import CopiesMerge, merge_copies, settle
from pact_tui.merge.engine import (
    combine_all,
    combine_duplicate,
    combine_safe,
    keep_apart,
    merge_sessions,
    proposed_item,
    resolve_conflict,
    resolve_newest,
    retitled,
)
from pact_tui.merge.errors import MergeError, ProfileMismatchError, UnknownChoiceError
from pact_tui.merge.normalize import normalize_text
from pact_tui.merge.result import (
    DELETED,
    KEEP_ALL,
    Conflict,
    DuplicateProposal,
    FieldDifference,
    MergeReport,
    MergeResult,
    Outcome,
    ReportEntry,
    Version,
)
from pact_tui.merge.start import start_session_from

__all__ = [
    "DELETED",
    "KEEP_ALL",
    "Conflict",
    "CopiesMerge",
    "DuplicateProposal",
    "FieldDifference",
    "MergeError",
    "MergeReport",
    "MergeResult",
    "Outcome",
    "ProfileMismatchError",
    "ReportEntry",
    "UnknownChoiceError",
    "Version",
    "combine_all",
    "combine_duplicate",
    "combine_safe",
    "keep_apart",
    "merge_copies",
    "merge_sessions",
    "normalize_text",
    "proposed_item",
    "resolve_conflict",
    "resolve_newest",
    "retitled",
    "settle",
    "start_session_from",
]
