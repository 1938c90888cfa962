"""Per theme its ambitions, state of affairs and challenges; then the cross-theme challenges."""

from __future__ import annotations

from pact_tui.export.draft import Draft
from pact_tui.export.grouping import theme_keys
from pact_tui.export.tables import columns
from pact_tui.export.wording import joined, theme_lines
from pact_tui.i18n import t, tn
from pact_tui.model.rules import cross_theme_challenges, is_cross_theme, ordered_actions


def has_theme_content(draft: Draft) -> bool:
    session = draft.session
    return bool(session.ambitions or session.status
                or any(not is_cross_theme(challenge) for challenge in session.challenges))


def write_themes(draft: Draft) -> None:
    """One section per theme that has anything to say; empty themes and parts are left out."""
    if not has_theme_content(draft):
        return
    session = draft.session
    cross = cross_theme_challenges(session.challenges)
    draft.heading(t("export.themes.heading"), 1, new_page=True)
    for key in theme_keys(session):
        ambitions = [item for item in session.ambitions if item.theme == key]
        notes = [item for item in session.status if item.theme == key]
        challenges = [item for item in session.challenges
                      if key in item.themes and not is_cross_theme(item)]
        touching = [t("export.doc.quoted", text=challenge.title) for challenge in cross
                    if key in challenge.themes]
        if not (ambitions or notes or challenges):
            continue
        draft.heading(draft.profile.theme_label(key), 2)
        if ambitions:
            draft.heading(t("export.themes.ambitions"), 3)
            for ambition in ambitions:
                actions = [t("export.doc.quoted", text=action.title)
                           for action in ordered_actions(session.actions)
                           if ambition.id in action.ambition_ids]
                text = ambition.description
                if actions:
                    text += " " + tn("export.themes.ambition_actions", len(actions),
                                     actions=joined(actions))
                draft.bullet(text.strip(), lead=ambition.title)
        if notes:
            draft.heading(t("export.themes.status"), 3)
            for note in notes:
                source = t("export.themes.source", source=note.source) if note.source else ""
                draft.paragraph(f"{note.text} {source}".strip())
        if challenges or touching:
            draft.heading(t("export.themes.challenges"), 3)
            for challenge in challenges:
                draft.bullet(challenge.description, lead=challenge.title)
            if touching:
                draft.paragraph(t("export.themes.see_cross", titles=joined(touching)))


def write_cross_theme(draft: Draft) -> None:
    cross = cross_theme_challenges(draft.session.challenges)
    if not cross:
        return
    draft.heading(t("export.cross.heading"), 1, new_page=True)
    draft.paragraph(t("export.cross.intro"), keep_with_next=True)
    heads = columns(("export.cross.col.challenge", 3), ("export.cross.col.description", 5),
                    ("export.cross.col.themes", 3))
    draft.table(heads, ([challenge.title, challenge.description,
                           theme_lines(draft.profile, challenge.themes)]
                          for challenge in cross))
