"""The commitments sheet of a returned workbook, read against the programme it came from.

A row with a commitment's id and a changed action, party, role or text edits that
commitment (from the version written, so the merge sees a change the programme made
meanwhile as a conflict); a row without an id that names an action and a party adds a
commitment; a commitment whose row was deleted is removed; the order of the rows is no
change. What cannot be read is said by row and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pact_tui.i18n import t
from pact_tui.model import COMMITMENT_ROLES, Commitment, Origin, PartyRef, Session
from pact_tui.sheets.columns import HIDDEN_HEADERS, ID, VERSION, normalize_header
from pact_tui.sheets.matching import Matcher, name_matcher
from pact_tui.sheets.reading import SPREADSHEET_SUFFIXES, NoSuchSheetError, Row, read_table
from pact_tui.sheets.rows import RowNote

_ACTION, _PARTY, _ROLE, _TEXT = "action", "party", "role", "text"


@dataclass(frozen=True)
class CommitmentChange:
    """A commitment as the sheet has it, the row it is on and what changed (field names)."""

    number: int
    commitment: Commitment
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class CommitmentChanges:
    edited: tuple[CommitmentChange, ...] = ()
    added: tuple[CommitmentChange, ...] = ()
    removed: tuple[Commitment, ...] = ()
    notes: tuple[RowNote, ...] = ()

    def apply(self, commitments: Sequence[Commitment]) -> tuple[Commitment, ...]:
        """`commitments` with the edits, deletions and additions made."""
        edited = {change.commitment.id: change.commitment for change in self.edited}
        gone = {commitment.id for commitment in self.removed}
        kept = tuple(edited.get(c.id, c) for c in commitments if c.id not in gone)
        return (*kept, *(change.commitment for change in self.added))


def commitments_sheet(path: Path) -> tuple[Row, ...] | None:
    """The rows of the commitments sheet of a workbook pact-tui wrote, or None without one."""
    if path.suffix.casefold() not in SPREADSHEET_SUFFIXES:
        return None
    try:
        return read_table(path, t("sheets.commitments_sheet")).rows
    except NoSuchSheetError:
        return None


def _columns(header: Sequence[str]) -> dict[str, int]:
    names = {normalize_header(t(f"sheets.commitment.{key}")): key
             for key in (_ACTION, _PARTY, _ROLE, _TEXT)}
    names.update({normalize_header(HIDDEN_HEADERS[key]): key for key in (ID, VERSION)})
    columns: dict[str, int] = {}
    for index, text in enumerate(header):
        key = names.get(normalize_header(text))
        if key is not None:
            columns.setdefault(key, index)
    return columns


class _Reader:
    def __init__(self, programme: Session, origin: Origin) -> None:
        self.origin = origin
        self.current = {c.id: c for c in programme.commitments}
        self.actions = {normalize_header(a.title): a.id for a in programme.actions}
        self.titles = {a.id: a.title for a in programme.actions}
        self.names: Matcher = name_matcher([(s.id, s.name) for s in programme.stakeholders])
        self.roles = {normalize_header(t(f"sheets.role.{role}")): role for role in COMMITMENT_ROLES}
        self.roles.update({role: role for role in COMMITMENT_ROLES})
        self.notes: list[RowNote] = []

    def note(self, number: int, key: str, **values: Any) -> None:
        self.notes.append(RowNote(number, t(key, **values)))

    def party(self, name: str) -> PartyRef:
        match = self.names(name)
        return PartyRef(name=name) if match is None or not match.exact else PartyRef(
            name=match.label, stakeholder_id=match.key)

    def values(self, number: int, texts: Mapping[str, str]) -> dict[str, Any] | None:
        """The commitment's fields from a row's texts, or None (said) when the row names no
        action of the programme or no party."""
        action_id = self.actions.get(normalize_header(texts.get(_ACTION, "")))
        if action_id is None:
            self.note(number, "sheets.commitment_unknown_action", title=texts.get(_ACTION, ""))
            return None
        if not texts.get(_PARTY):
            self.note(number, "sheets.commitment_no_party")
            return None
        values: dict[str, Any] = {"action_id": action_id, "party": self.party(texts[_PARTY]),
                                  "text": texts.get(_TEXT, "")}
        role = texts.get(_ROLE, "")
        if role:
            key = self.roles.get(normalize_header(role))
            if key is None:
                self.note(number, "sheets.commitment_unknown_role", text=role,
                          roles=", ".join(t(f"sheets.role.{r}") for r in COMMITMENT_ROLES))
            else:
                values["role"] = key
        return values


def read_commitments(rows: Sequence[Row], programme: Session, origin: Origin) -> CommitmentChanges:
    """What the commitments sheet changes in `programme`'s commitments; `origin` is the
    session the changes are made in."""
    if not rows:
        return CommitmentChanges()
    columns = _columns(rows[0].cells)
    reader = _Reader(programme, origin)
    edited: list[CommitmentChange] = []
    added: list[CommitmentChange] = []
    seen: set[str] = set()
    for row in rows[1:]:
        if row.is_blank():
            continue
        texts = {key: row.cells[index] if index < len(row.cells) else ""
                 for key, index in columns.items()}
        current = reader.current.get(texts.get(ID, ""))
        if current is not None:
            seen.add(current.id)
        values = reader.values(row.number, texts)
        if values is None:
            continue
        if current is None:
            commitment = Commitment.model_validate({**values, "origins": (origin,)})
            added.append(CommitmentChange(row.number, commitment))
            continue
        changed = tuple(name for name, value in values.items()
                        if getattr(current, name) != value
                        and not (name == "party" and value.name == current.party.name))
        if not changed:
            continue
        commitment = current.edited(**{name: values[name] for name in changed})
        base = texts.get(VERSION) or commitment.base
        edited.append(CommitmentChange(row.number, commitment.model_copy(update={
            "base": base, "origins": (*current.origins, origin)}), changed))
    # Only a sheet that carries ids (one pact-tui wrote) can say a row was deleted.
    removed = tuple(c for c in programme.commitments if seen and c.id not in seen)
    return CommitmentChanges(tuple(edited), tuple(added), removed, tuple(reader.notes))
