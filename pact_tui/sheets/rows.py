"""Rows of a sheet, mapped to fields, read as actions: each value matched, each problem named.

A row that cannot become an action (no action text, a theme the profile does not know)
is reported with its row number and left out; a value that cannot be matched (a scale
level, a status) is reported too, and the row imports without it, its text kept in the
action's notes so no word is lost.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from pact_tui.i18n import t
from pact_tui.model import Action, PartyRef, Planning, RegionProfile, Stakeholder
from pact_tui.model.dates import read_date
from pact_tui.model.planning_text import PlanningTextError, parse_planning
from pact_tui.model.template import ACTION_TEMPLATE, FieldKind, template_field
from pact_tui.model.validation import problems_from_validation_error
from pact_tui.sheets.columns import CHECK, ID, VERSION, ColumnMap
from pact_tui.sheets.matching import (
    Match,
    Matcher,
    choice_matcher,
    light_matcher,
    name_matcher,
    status_matcher,
)
from pact_tui.sheets.reading import Row

_PARTY_SPLIT = re.compile(r"\s*[;\n]\s*|\s*,\s*")


@dataclass(frozen=True)
class RowNote:
    """Something the import says about one row: a problem (row left out) or a warning."""

    number: int
    message: str
    skipped: bool = False

    def __str__(self) -> str:
        return t("sheets.row_note", row=self.number, message=self.message)


@dataclass(frozen=True)
class MatchNote:
    """A value taken to mean a known one that is not spelled the same: shown, never silent."""

    number: int
    field: str
    match: Match

    def __str__(self) -> str:
        return t("sheets.match_note", row=self.number, field=template_field(self.field).label,
                 text=self.match.text, label=self.match.label, score=round(self.match.score))


@dataclass(frozen=True)
class SheetAction:
    """An action read from a row, with the hidden columns of an exported sheet if present."""

    number: int
    action: Action
    texts: Mapping[str, str]
    item_id: str = ""
    version: str = ""
    check: str = ""
    # Fields whose cell was not understood: the action holds the default there, not the
    # sheet's word, so they change nothing in an action the sheet came from.
    unread: frozenset[str] = frozenset()


@dataclass
class ReadResult:
    actions: list[SheetAction] = field(default_factory=list)
    notes: list[RowNote] = field(default_factory=list)
    matches: list[MatchNote] = field(default_factory=list)
    # The id in every row that named one, read or skipped: a row skipped is no deletion.
    ids: set[str] = field(default_factory=set)


def row_check(texts: Sequence[str]) -> str:
    """A short hash over a row's visible cells, written hidden, to see later if it changed."""
    return hashlib.sha256("\x1f".join(texts).encode("utf-8")).hexdigest()[:12]


class _Matchers:
    """One matcher per kind of value, built once per sheet."""

    def __init__(self, profile: RegionProfile, stakeholders: Sequence[Stakeholder]) -> None:
        # Statuses and lights are also known by their other language's word, a colour or a
        # symbol; every other choice by the key or label the template offers.
        special = {"status": status_matcher, "light": light_matcher}
        self.choices: dict[str, Matcher] = {
            spec.key: special[spec.key]() if spec.key in special
            else choice_matcher(spec.choices(profile))
            for spec in ACTION_TEMPLATE if spec.kind is FieldKind.CHOICE and spec.choices}
        self.theme = self.choices["theme"]
        self.name = name_matcher([(s.id, s.name) for s in stakeholders])
        self.parties: dict[str, tuple[PartyRef, Match | None]] = {}
        self.plannings: dict[str, Planning] = {}

    def party(self, text: str) -> tuple[PartyRef, Match | None]:
        """A named party: the stakeholder it matches, else the name as written."""
        if text not in self.parties:
            match = self.name(text)
            party = (PartyRef(name=text) if match is None
                     else PartyRef(name=match.label, stakeholder_id=match.key))
            self.parties[text] = (party, match)
        return self.parties[text]


class _RowReader:
    def __init__(self, profile: RegionProfile, matchers: _Matchers, result: ReadResult,
                 number: int, updates: bool) -> None:
        self.profile = profile
        self.match = matchers
        self.result = result
        self.number = number
        # A row with an id changes an action: a value not understood leaves it as it was.
        self.updates = updates
        self.kept: list[str] = []
        self.unread: set[str] = set()

    def warn(self, message: str) -> None:
        self.result.notes.append(RowNote(self.number, message))

    def matched(self, name: str, match: Match | None) -> Match | None:
        if match is not None and not match.exact:
            self.result.matches.append(MatchNote(self.number, name, match))
        return match

    def keep(self, name: str, text: str) -> None:
        """A value not taken: kept in the notes, and said as it is: left as it was, set to
        the field's default, or left empty."""
        spec = template_field(name)
        self.kept.append(f"{spec.label}: {text}")
        self.unread.add(name)
        default = Action.model_fields[name].default
        labels = {choice.key: choice.label for choice in spec.choices(self.profile)} \
            if spec.choices else {}
        if self.updates:
            self.warn(t("sheets.value_not_matched_unchanged", field=spec.label, text=text))
        elif default in labels:
            self.warn(t("sheets.value_not_matched_default", field=spec.label, text=text,
                        default=labels[default]))
        else:
            self.warn(t("sheets.value_not_matched", field=spec.label, text=text))

    def party(self, text: str, name: str) -> PartyRef:
        party, match = self.match.party(text)
        self.matched(name, match)
        return party

    def values(self, texts: Mapping[str, str]) -> dict[str, object]:
        """The action's fields from the row's texts, read by each template field's kind; a
        value that cannot be read is kept in the notes (a field the model cannot do without
        is handed on as written, for the model to refuse in words)."""
        values: dict[str, object] = {}
        for spec in ACTION_TEMPLATE:
            key, kind, text = spec.key, spec.kind, texts.get(spec.key, "")
            required = Action.model_fields[key].is_required()
            if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
                values[key] = text
            elif not text and not required:
                continue
            elif kind is FieldKind.CHOICE:
                found = self.matched(key, self.match.choices[key](text))
                if found or required:
                    values[key] = found.key if found else text
                else:
                    self.keep(key, text)
            elif kind is FieldKind.PLANNING:
                values[key] = self.planning(text)
            elif kind is FieldKind.PARTIES:
                names = [name for name in _PARTY_SPLIT.split(text) if name]
                values[key] = tuple(dict.fromkeys(self.party(n, key) for n in names))
            elif kind is FieldKind.PARTY:
                values[key] = self.party(text, key)
            elif kind is FieldKind.DATE:
                date = read_date(text)
                if date:
                    values[key] = date
                else:
                    self.keep(key, text)
        if self.kept:
            values["notes"] = "\n".join(self.kept)
        return values

    def planning(self, text: str) -> Planning:
        known = self.match.plannings
        if text not in known:
            try:
                known[text] = parse_planning(text, self.profile)
            except PlanningTextError:
                known[text] = Planning(timing=text)
        return known[text]


def row_texts(row: Row, mapping: ColumnMap) -> dict[str, str]:
    """Field -> the cell's text, for the mapped columns of `row`."""
    return {name: row.cells[index] if index < len(row.cells) else ""
            for index, name in mapping.items()}


def read_actions(rows: Sequence[Row], mapping: ColumnMap, profile: RegionProfile,
                 stakeholders: Sequence[Stakeholder] = ()) -> ReadResult:
    """The data rows below the header read as actions; blank rows are passed over."""
    result = ReadResult()
    matchers = _Matchers(profile, stakeholders)
    for row in rows:
        if row.is_blank():
            continue
        texts = row_texts(row, mapping)
        visible = {name: text for name, text in texts.items() if name not in (ID, VERSION, CHECK)}
        if not any(visible.values()):
            continue
        if texts.get(ID):
            result.ids.add(texts[ID])
        if not visible.get("title"):
            result.notes.append(RowNote(row.number, t("sheets.row_no_title"), skipped=True))
            continue
        if not visible.get("theme"):
            result.notes.append(RowNote(row.number, t("sheets.row_no_theme"), skipped=True))
            continue
        if matchers.theme(visible["theme"]) is None:
            result.notes.append(RowNote(row.number, t("sheets.row_unknown_theme",
                                                      text=visible["theme"]), skipped=True))
            continue
        reader = _RowReader(profile, matchers, result, row.number, bool(texts.get(ID)))
        values = reader.values(visible)
        try:
            action = Action.model_validate(values)
        except ValidationError as error:
            [problem, *_] = problems_from_validation_error(error, "actions", values)
            result.notes.append(RowNote(row.number, t(
                "sheets.row_invalid", field=problem.field, message=problem.message),
                skipped=True))
            continue
        result.actions.append(SheetAction(row.number, action, visible, texts.get(ID, ""),
                                          texts.get(VERSION, ""), texts.get(CHECK, ""),
                                          frozenset(reader.unread)))
    return result
