"""The progress report (voortgangsrapportage): per theme the count of actions per traffic
light, the actions not on track with their notes, and what changed since a date; in the
draft's house style (same page, styles, language and footer)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pact_tui.export import styles
from pact_tui.export.base import Properties, start_document
from pact_tui.export.draft import Draft
from pact_tui.export.output import save_atomically
from pact_tui.export.tables import Column
from pact_tui.export.wording import long_date
from pact_tui.i18n import t, tn
from pact_tui.model import PROGRESS_LIGHTS, Action, Session
from pact_tui.model.progress import NO_LIGHT, changed_since, light_counts, needs_attention
from pact_tui.model.template import light_text


def _status(action: Action) -> str:
    return t(f"model.progress.status.{action.status}")


def _light(light: str) -> str:
    return light_text(light) if light != NO_LIGHT else t("export.progress_report.no_light")


def _line(action: Action) -> str:
    date = long_date(action.progress_date) if action.progress_date else "–"
    return t("export.progress_report.action_line", status=_status(action),
             light=light_text(action.light) or t("export.progress_report.no_light"), date=date)


def export_progress(session: Session, out: Path, *, since: dt.date | None = None,
                    template: Path | None = None) -> Path:
    """Write the progress report of `session` to `out` and return `out`."""
    meta = session.meta
    profile = session.profile
    author = meta.facilitator or t("export.doc.author_fallback")
    title = t("export.progress_report.title", title=meta.title)
    document = start_document(template, Properties(
        title=title, subject=meta.profile.programme_title or meta.title, author=author,
        keywords=", ".join(theme.label for theme in profile.themes),
        category=t("export.progress_report.category"),
        comments=t("export.doc.comments", source=meta.title),
        footer=t("export.progress_report.footer", title=title),
        created=meta.created_at, modified=meta.updated_at))
    draft = Draft(document, session, author)
    draft.paragraph(title, styles.TITLE)
    draft.paragraph(t("export.progress_report.date", date=long_date(dt.date.today())),
                    styles.SUBTITLE)

    keys = [*PROGRESS_LIGHTS, NO_LIGHT]
    progress = light_counts(session.actions, [theme.key for theme in profile.themes])
    draft.heading(t("export.progress_report.overview"), 1)
    columns = [Column(t("model.template.theme"), 30), *(Column(_light(key), 14) for key in keys),
               Column(t("export.progress_report.total"), 14)]
    draft.table(columns, [[profile.theme_label(row.theme), *(str(row.counts[k]) for k in keys),
                           str(row.total)] for row in progress])

    by_theme: dict[str, list[Action]] = {}
    for action in needs_attention(session.actions):
        by_theme.setdefault(action.theme, []).append(action)
    for row in progress:
        draft.heading(profile.theme_label(row.theme), 1)
        draft.paragraph(tn("export.progress_report.theme_counts", row.total, total=row.total, **{
            key.replace("-", "_"): row.counts[key] for key in keys}))
        flagged = by_theme.get(row.theme, [])
        if not flagged:
            draft.paragraph(t("export.progress_report.all_on_track"))
        for action in flagged:
            draft.heading(action.title, 2)
            draft.paragraph(_line(action))
            draft.paragraph(action.progress_note or t("export.progress_report.no_note"))

    if since is not None:
        draft.heading(t("export.progress_report.since", date=long_date(since)), 1)
        changed = changed_since(session.actions, since)
        if not changed:
            draft.paragraph(t("export.progress_report.nothing_since"))
        for action in changed:
            draft.bullet(_line(action), lead=action.title)
    save_atomically(document, out)
    return out
