"""Bijlagen: the stakeholders, the workshop sessions and who took part, the open points.

Personal names of participants appear only when the session recorded their consent.
"""

from __future__ import annotations

from pact_tui.export.draft import Draft
from pact_tui.export.grouping import sessions_held, theme_keys
from pact_tui.export.tables import Column, columns
from pact_tui.export.wording import joined, long_date, theme_lines
from pact_tui.i18n import t
from pact_tui.model.rules import open_points, ordered_actions
from pact_tui.model.validation import field_label


def write_appendices(draft: Draft) -> None:
    """The appendices; always at least the sessions, so this chapter is never empty."""
    session = draft.session
    draft.heading(t("export.appendix.heading"), 1, new_page=True)
    if session.stakeholders:
        draft.heading(t("export.appendix.stakeholders"), 2)
        stakeholders = sorted(session.stakeholders, key=lambda item: item.name.casefold())
        draft.table(columns(("export.appendix.col.organisation", 5),
                            ("export.appendix.col.category", 3), ("export.appendix.col.themes", 5)),
                    ([item.name, _capital(item.category), theme_lines(draft.profile, item.themes)]
                     for item in stakeholders))
    _sessions(draft)
    _open_points(draft)


def _sessions(draft: Draft) -> None:
    meta = draft.session.meta
    draft.heading(t("export.appendix.sessions"), 2)
    held = sessions_held(draft.session)
    if held == [meta.as_origin()]:
        rows = [[long_date(meta.date), meta.title, meta.location]]
        heads = columns(("export.appendix.col.date", 3), ("export.appendix.col.session", 7),
                        ("export.appendix.col.location", 4))
    else:
        rows = [[long_date(origin.date) if origin.date else "", origin.title] for origin in held]
        heads = columns(("export.appendix.col.date", 3), ("export.appendix.col.session", 11))
    draft.table(heads, rows)
    if not meta.participants:
        return
    draft.heading(t("export.appendix.participants"), 2)
    participants = sorted(meta.participants, key=lambda p: (p.organisation.casefold(), p.role))
    heads = columns(("export.appendix.col.organisation", 6), ("export.appendix.col.role", 5))
    if meta.names_consent:
        heads.append(Column(t("export.appendix.col.name"), 4))
        draft.table(heads, ([p.organisation, p.role, p.name] for p in participants))
    else:
        # Without consent a participant is only a role at an organisation: one row per organisation,
        # spelled as it was first written.
        roles: dict[str, tuple[str, list[str]]] = {}
        for participant in meta.participants:
            key = " ".join(participant.organisation.casefold().split())
            _, found = roles.setdefault(key, (participant.organisation, []))
            if participant.role and participant.role not in found:
                found.append(participant.role)
        rows = sorted(([name, "\n".join(found)] for name, found in roles.values()),
                      key=lambda row: row[0].casefold())
        draft.table(heads, rows)


def _open_points(draft: Draft) -> None:
    session = draft.session
    rank = {key: index for index, key in enumerate(theme_keys(session))}
    actions = sorted(ordered_actions(session.actions), key=lambda action: rank[action.theme])
    gaps = [(action, open_points(action)) for action in actions if open_points(action)]
    if not gaps:
        return
    heads = columns(("export.appendix.col.action", 6), ("export.appendix.col.theme", 3.5),
                    ("export.appendix.col.missing", 3.5))
    # The facilitator's notes often say why something is still open, or who will find out.
    with_notes = any(action.notes for action, _ in gaps)
    if with_notes:
        heads += columns(("export.appendix.col.notes", 5))
    rows = [[action.title, draft.profile.theme_label(action.theme),
             joined([field_label(field) for field in fields]),
             *([action.notes or "–"] if with_notes else [])]
            for action, fields in gaps]
    draft.heading(t("export.appendix.open_points"), 2)
    draft.paragraph(t("export.appendix.open_points_intro"), keep_with_next=True)
    draft.table(heads, rows)


def _capital(text: str) -> str:
    """Kinds are typed in lower case ("gemeente"); in a column they start with a capital."""
    text = text.strip()
    return text[:1].upper() + text[1:]
