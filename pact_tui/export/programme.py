"""`export_programme`: a session or programme becomes the Word draft municipalities receive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pact_tui.export import fields, styles
from pact_tui.export.actions import write_actions
from pact_tui.export.appendices import write_appendices
from pact_tui.export.base import Properties, start_document
from pact_tui.export.cover import write_cover
from pact_tui.export.draft import Draft
from pact_tui.export.introduction import write_introduction
from pact_tui.export.output import check_output, save_atomically
from pact_tui.export.partners import partner_groups, write_partners
from pact_tui.export.priorities import write_priorities
from pact_tui.export.themes import has_theme_content, write_cross_theme, write_themes
from pact_tui.i18n import t
from pact_tui.model import Session
from pact_tui.model.rules import cross_theme_challenges

Progress = Callable[[str, float], None]


def export_programme(session: Session, out: Path, *, template: Path | None = None,
                     progress: Progress | None = None, author: str | None = None,
                     force: bool = True) -> Path:
    """Write `session` as a Word draft to `out` and return `out`.

    `template`: a .docx or .dotx whose styles, page setup, headers and footers are used.
    `progress(message, fraction)` is called as the work goes on, fraction 0.0 to 1.0.
    `author`: the document's and the comments' author; the session's facilitator if None.
    `force`: replace an existing `out`; without it an existing file is an OutputError.
    Raises TemplateError or OutputError (both UserError) for a bad template or output
    path; the output path is checked before any work is done.
    """
    report = progress or (lambda message, fraction: None)
    check_output(out, force=force)
    report(t("export.progress.start"), 0.0)
    meta = session.meta
    author = (author or "").strip() or meta.facilitator or t("export.doc.author_fallback")
    document = start_document(template, Properties(
        title=meta.title,
        subject=meta.profile.programme_title or t("export.doc.subject", region=meta.profile.name),
        author=author, keywords=", ".join(theme.label for theme in meta.profile.themes),
        category=t("export.doc.concept"), comments=t("export.doc.comments", source=meta.title),
        footer=t("export.doc.footer", title=meta.title),
        created=meta.created_at, modified=meta.updated_at))
    fields.update_fields_on_open(document)

    draft = Draft(document, session, author)
    contents = write_cover(draft)
    partners = partner_groups(session)
    chapters = {
        "themes": has_theme_content(draft),
        "cross": bool(cross_theme_challenges(session.challenges)),
        "actions": bool(session.actions),
        "partners": bool(partners),
        "appendices": True,
    }
    report(t("export.progress.introduction"), 0.05)
    write_introduction(draft, chapters)
    report(t("export.progress.themes"), 0.1)
    write_themes(draft)
    write_cross_theme(draft)
    write_priorities(draft)
    report(t("export.progress.actions"), 0.2)
    write_actions(draft, lambda done: report(t("export.progress.actions"), 0.2 + 0.5 * done))
    report(t("export.progress.partners"), 0.7)
    write_partners(draft, partners)
    report(t("export.progress.appendices"), 0.75)
    write_appendices(draft)
    toc_styles = [draft.style_id(style) for style in styles.TOC_LEVELS[:2]]
    fields.fill_table_of_contents(contents, draft.headings, toc_styles)
    report(t("export.progress.saving"), 0.8)
    save_atomically(document, out)
    report(t("export.progress.done"), 1.0)
    return out
