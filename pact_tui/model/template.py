"""The action template, described once: Thema | Actie | Doel | Schaalniveau | Planning |
Betrokken partijen | Trekker, then the progress: Status | Stoplicht | Toelichting | Bijgewerkt.

Each field says how it is labelled, shown, sorted and searched, which choices it offers,
whether an action is incomplete without it and how wide it wants to be. The grid, its
sort, search and detail pane, the completeness rules, the merge screen and the Word table
all read `ACTION_TEMPLATE`, so a new field is one entry here (plus its model field, its
migration and its catalogue lines).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pact_tui.i18n import t
from pact_tui.model.items import PROGRESS_LIGHTS, PROGRESS_STATUSES, Action, PartyRef
from pact_tui.model.planning_text import format_planning
from pact_tui.model.profile import Choice, RegionProfile
from pact_tui.model.votes import SCORES

# Sorts after every real position, so empty cells come last.
_LAST = 10**6


class FieldKind(Enum):
    """How a field is typed in."""

    TEXT = "text"
    LONG_TEXT = "long-text"  # free text that may run to paragraphs
    CHOICE = "choice"  # one of a list (the profile's, or a fixed one)
    PLANNING = "planning"  # a horizon from the profile, years and timing, as one line
    PARTIES = "parties"  # several parties
    PARTY = "party"  # one party
    DATE = "date"  # a day, typed as 2026-05-14 or 14-5-2026


class FieldGroup(Enum):
    """Which columns the action grid shows together: what the room fills in during the
    workshop, the scores that set priorities, or how the action is doing once the
    programme runs."""

    WORKSHOP = "workshop"
    PRIORITY = "priority"
    PROGRESS = "progress"


@dataclass(frozen=True)
class TemplateField:
    """One field of the action template.

    `text(action, profile)` is the value as people read it; `sort_key(action, profile)`
    orders it (choices in profile order, empty values last); `filled(action)` says
    whether it has a value; `choices(profile)` lists what a choice field offers.
    `required` fields make an action incomplete when empty; `open_point` ones make it
    an open point of the programme. `min_width`/`ratio` size its grid column and
    `page_share` its column in the Word table (0: not in the table). The grid shows one
    `group` of fields at a time; `pinned` fields (which action it is) are always shown.
    """

    key: str
    kind: FieldKind
    text: Callable[[Action, RegionProfile], str]
    filled: Callable[[Action], bool]
    sort_key: Callable[[Action, RegionProfile], Any]
    choices: Callable[[RegionProfile], Sequence[Choice]] | None = None
    required: bool = False
    open_point: bool = False
    min_width: int = 6
    ratio: float = 1.0
    page_share: float = 0.0
    group: FieldGroup = FieldGroup.WORKSHOP
    pinned: bool = False

    @property
    def label(self) -> str:
        """The column heading: "Doel"."""
        return t(f"model.template.{self.key}")

    @property
    def short_label(self) -> str:
        """A heading for a narrow column: "Schaal"; the label when there is none."""
        key = f"model.template.{self.key}.short"
        short = t(key)
        return self.label if short == key else short

    @property
    def missing_label(self) -> str:
        """The field's name in a sentence about what is missing: "doel"."""
        return t(f"model.template.{self.key}.missing")


def _choice_position(
    choices: Callable[[RegionProfile], Sequence[Choice]], value: Callable[[Action], str | None],
) -> Callable[[Action, RegionProfile], Any]:
    def position(action: Action, profile: RegionProfile) -> Any:
        key = value(action)
        order = {choice.key: index for index, choice in enumerate(choices(profile))}
        return order.get(key, _LAST) if key else _LAST

    return position


def _text_order(value: Callable[[Action], str]) -> Callable[[Action, RegionProfile], Any]:
    return lambda action, profile: (not value(action), value(action).casefold())


def party_names(parties: Sequence[PartyRef]) -> str:
    """Parties as one line, in the order they were named: "Gemeente Hoorn; Provincie"."""
    return "; ".join(party.name for party in parties)


def _themes(profile: RegionProfile) -> Sequence[Choice]:
    return profile.themes


def _scales(profile: RegionProfile) -> Sequence[Choice]:
    return profile.scales


def _horizons(profile: RegionProfile) -> Sequence[Choice]:
    return profile.horizons


def _lead_name(action: Action) -> str:
    return action.lead.name if action.lead else ""


def progress_statuses(profile: RegionProfile | None = None) -> tuple[Choice, ...]:
    """The progress statuses, in the order an action goes through them."""
    return tuple(Choice(key=key, label=t(f"model.progress.status.{key}"))
                 for key in PROGRESS_STATUSES)


def progress_lights(profile: RegionProfile | None = None) -> tuple[Choice, ...]:
    """The traffic lights, each labelled with a symbol and a word, never by colour alone."""
    return tuple(Choice(key=key, label=light_text(key)) for key in PROGRESS_LIGHTS)


def light_text(light: str | None) -> str:
    """A light as a symbol and a word, "▲ aandacht"; empty when no light is set."""
    if light is None:
        return ""
    return f"{t(f'model.progress.light.{light}.symbol')} {t(f'model.progress.light.{light}')}"


def _status_text(action: Action, profile: RegionProfile) -> str:
    return t(f"model.progress.status.{action.status}")


def score_choices(profile: RegionProfile | None = None) -> tuple[Choice, ...]:
    """The scores of impact and effort, 1 (low) to 5 (high); the label is the digit."""
    return tuple(Choice(key=str(score), label=str(score)) for score in SCORES)


SCORE_WIDTH = 10
"""A score is one digit, but its column is as wide as its title, "Inspanning": a column
narrower than that shows a cut-off title at any terminal width."""


def _score_text(score: int | None) -> str:
    return str(score) if score is not None else ""


def _planning_order(action: Action, profile: RegionProfile) -> Any:
    horizon = _choice_position(_horizons, lambda a: a.planning.horizon)(action, profile)
    return horizon, action.planning.start_year or 0


ACTION_TEMPLATE: tuple[TemplateField, ...] = (
    TemplateField(
        "theme", FieldKind.CHOICE,
        text=lambda a, profile: profile.theme_label(a.theme),
        filled=lambda a: bool(a.theme),
        sort_key=_choice_position(_themes, lambda a: a.theme),
        choices=_themes, min_width=9, ratio=1.0, pinned=True),
    TemplateField(
        "title", FieldKind.LONG_TEXT,
        text=lambda a, profile: a.title,
        filled=lambda a: bool(a.title),
        sort_key=_text_order(lambda a: a.title),
        min_width=12, ratio=4.0, page_share=20, pinned=True),
    TemplateField(
        "goal", FieldKind.LONG_TEXT,
        text=lambda a, profile: a.goal,
        filled=lambda a: bool(a.goal),
        sort_key=_text_order(lambda a: a.goal),
        required=True, open_point=True, min_width=8, ratio=3.0, page_share=24),
    TemplateField(
        "scale", FieldKind.CHOICE,
        text=lambda a, profile: profile.scale_label(a.scale) if a.scale else "",
        filled=lambda a: a.scale is not None,
        sort_key=_choice_position(_scales, lambda a: a.scale),
        choices=_scales, required=True, open_point=True, min_width=7, ratio=0.8, page_share=12),
    TemplateField(
        "planning", FieldKind.PLANNING,
        text=lambda a, profile: format_planning(a.planning, profile),
        # Years or "jaarlijks" alone do not say short or medium term, which the programme
        # is split by: without a horizon the planning is still open.
        filled=lambda a: a.planning.horizon is not None,
        sort_key=_planning_order,
        choices=_horizons, required=True, open_point=True, min_width=7, ratio=0.8,
        page_share=10),
    TemplateField(
        "parties", FieldKind.PARTIES,
        text=lambda a, profile: party_names(a.parties),
        filled=lambda a: bool(a.parties),
        sort_key=_text_order(lambda a: party_names(a.parties)),
        required=True, open_point=True, min_width=8, ratio=2.0, page_share=19),
    TemplateField(
        "lead", FieldKind.PARTY,
        text=lambda a, profile: _lead_name(a),
        filled=lambda a: a.lead is not None,
        sort_key=_text_order(_lead_name),
        required=True, open_point=True, min_width=7, ratio=1.0, page_share=15),
    TemplateField(
        "status", FieldKind.CHOICE,
        text=_status_text,
        filled=lambda a: True,
        sort_key=_choice_position(progress_statuses, lambda a: a.status),
        choices=progress_statuses, min_width=12, ratio=0.8, group=FieldGroup.PROGRESS),
    TemplateField(
        "light", FieldKind.CHOICE,
        text=lambda a, profile: light_text(a.light),
        filled=lambda a: a.light is not None,
        sort_key=_choice_position(progress_lights, lambda a: a.light),
        choices=progress_lights, min_width=11, ratio=0.8, group=FieldGroup.PROGRESS),
    TemplateField(
        "progress_note", FieldKind.LONG_TEXT,
        text=lambda a, profile: a.progress_note,
        filled=lambda a: bool(a.progress_note),
        sort_key=_text_order(lambda a: a.progress_note),
        min_width=8, ratio=2.0, group=FieldGroup.PROGRESS),
    TemplateField(
        "progress_date", FieldKind.DATE,
        text=lambda a, profile: a.progress_date.isoformat() if a.progress_date else "",
        filled=lambda a: a.progress_date is not None,
        sort_key=lambda a, profile: (a.progress_date is None, a.progress_date or ""),
        min_width=10, ratio=0.6, group=FieldGroup.PROGRESS),
    TemplateField(
        "impact", FieldKind.CHOICE,
        text=lambda a, profile: _score_text(a.impact),
        filled=lambda a: a.impact is not None,
        sort_key=lambda a, profile: (a.impact is None, a.impact or 0),
        choices=score_choices, min_width=SCORE_WIDTH, group=FieldGroup.PRIORITY),
    TemplateField(
        "effort", FieldKind.CHOICE,
        text=lambda a, profile: _score_text(a.effort),
        filled=lambda a: a.effort is not None,
        sort_key=lambda a, profile: (a.effort is None, a.effort or 0),
        choices=score_choices, min_width=SCORE_WIDTH, group=FieldGroup.PRIORITY),
)

_BY_KEY: dict[str, TemplateField] = {field.key: field for field in ACTION_TEMPLATE}


def template_field(key: str) -> TemplateField:
    """The field named `key`; a KeyError names a field the template does not have."""
    return _BY_KEY[key]


def fields_of(group: FieldGroup) -> tuple[TemplateField, ...]:
    """The fields the grid shows for `group`: the pinned ones, then the group's own."""
    return tuple(field for field in ACTION_TEMPLATE if field.pinned or field.group is group)


def required_fields() -> tuple[str, ...]:
    """The fields an action is incomplete without, in template order."""
    return tuple(field.key for field in ACTION_TEMPLATE if field.required)


def open_point_fields() -> tuple[str, ...]:
    """The fields that make an action an open point of the programme while empty."""
    return tuple(field.key for field in ACTION_TEMPLATE if field.open_point)


def search_text(action: Action, profile: RegionProfile) -> str:
    """Everything a text filter looks in: every field as people read it, and the notes,
    folded."""
    parts = [field.text(action, profile) for field in ACTION_TEMPLATE]
    parts.append(action.notes)
    return " ".join(parts).casefold()
