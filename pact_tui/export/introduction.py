"""Inleiding: why the programme exists, the sessions held, who took part, what the programme
holds, how to read it."""

from __future__ import annotations

from pact_tui.export.draft import Draft
from pact_tui.export.grouping import horizon_groups, organisations, sessions_held
from pact_tui.export.wording import count, date_span, horizon_heading, joined, long_date
from pact_tui.i18n import t, tn
from pact_tui.model import Origin
from pact_tui.model.rules import open_points


def write_introduction(draft: Draft, chapters: dict[str, bool]) -> None:
    """`chapters` says which later chapters the draft has, for the reading guide."""
    session = draft.session
    draft.heading(t("export.intro.heading"), 1, new_page=True)
    _background(draft)
    _sessions(draft)
    facts = []
    organisation_count = len(organisations(session))
    if organisation_count == 1:
        facts.append(t("export.intro.one_organisation"))
    elif organisation_count:
        facts.append(t("export.intro.organisations", count=count(organisation_count)))
    if session.stakeholders:
        facts.append(t("export.intro.stakeholders", count=count(len(session.stakeholders))))
    if facts:
        draft.paragraph(" ".join(facts))
    _actions(draft)
    _reading_guide(draft, chapters)


def _background(draft: Draft) -> None:
    """The profile's own words on why the programme exists; without them, who works together."""
    profile = draft.profile
    paragraphs = [" ".join(part.split()) for part in profile.background.split("\n\n")]
    if not any(paragraphs):
        paragraphs = [t("export.intro.background", municipalities=joined(
            list(profile.municipalities)), region=profile.name,
            programme=profile.programme_title or draft.session.meta.title)]
    for paragraph in filter(None, paragraphs):
        draft.paragraph(paragraph)


def _sessions(draft: Draft) -> None:
    held = [origin for origin in sessions_held(draft.session) if not origin.imported]
    if not held:  # a list read from a spreadsheet only: no workshop to name
        return
    facilitator = draft.session.meta.facilitator
    if len(held) == 1:
        origin = held[0]
        date = long_date(origin.date) if origin.date else ""
        draft.paragraph(t("export.intro.one_session", title=origin.title, date=date))
    else:
        _session_list(draft, held)
    if facilitator:
        draft.paragraph(tn("export.intro.facilitator", len(held), name=facilitator))


def _session_list(draft: Draft, held: list[Origin]) -> None:
    dates = [origin.date for origin in held if origin.date]
    period = date_span(min(dates), max(dates)) if dates else ""
    text = t("export.intro.sessions", count=count(len(held)), period=period)
    draft.paragraph(text.replace("  ", " ").replace(" :", ":"), keep_with_next=True)
    for origin in held:
        date = long_date(origin.date) if origin.date else ""
        draft.bullet(t("export.intro.session_line", date=date, title=origin.title))


def _actions(draft: Draft) -> None:
    actions = draft.session.actions
    if not actions:
        return
    if len(actions) == 1:
        draft.paragraph(t("export.intro.one_action"))
    else:
        themes = len({action.theme for action in actions})
        key = "export.intro.actions" if themes > 1 else "export.intro.actions_one_theme"
        draft.paragraph(t(key, count=count(len(actions)), themes=count(themes)),
                        keep_with_next=True)
    for horizon_key, group in horizon_groups(draft.session, actions):
        if horizon_key is None:
            key = "export.intro.no_horizon_count"
            draft.bullet(t(key if len(group) > 1 else "export.intro.no_horizon_one",
                           count=count(len(group))))
        else:
            horizon = horizon_heading(draft.profile, horizon_key)
            key = "export.intro.horizon_one" if len(group) == 1 else "export.intro.horizon_count"
            draft.bullet(t(key, horizon=horizon, count=count(len(group))))


def _reading_guide(draft: Draft, chapters: dict[str, bool]) -> None:
    session = draft.session
    sentences = []
    if chapters["themes"]:
        sentences.append(t("export.intro.read_themes", chapter=t("export.themes.heading")))
    if chapters["cross"]:
        sentences.append(t("export.intro.read_cross", chapter=t("export.cross.heading")))
    if chapters["actions"]:
        sentences.append(t("export.intro.read_actions", chapter=t("export.actions.heading")))
    if chapters["partners"]:
        sentences.append(t("export.intro.read_partners", chapter=t("export.partners.heading")))
    if chapters["appendices"]:
        sentences.append(t("export.intro.read_appendices"))
    if any(open_points(action) for action in session.actions):
        sentences.append(t("export.intro.read_open_points"))
    if not sentences:
        return
    draft.heading(t("export.intro.reading_heading"), 2)
    draft.paragraph(" ".join(sentences))
