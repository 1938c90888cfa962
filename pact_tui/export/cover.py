"""The cover page and the table of contents after it."""

from __future__ import annotations

from docx.text.paragraph import Paragraph

from pact_tui.export import styles
from pact_tui.export.draft import Draft
from pact_tui.export.wording import clock_time, joined, long_date
from pact_tui.i18n import t


def write_cover(draft: Draft) -> Paragraph:
    """Title, subtitle, region, "Concept", date, version and who sends it; returns where the
    contents will go."""
    meta = draft.session.meta
    profile = draft.profile
    draft.paragraph(meta.title, styles.TITLE)
    if profile.subtitle:
        draft.paragraph(profile.subtitle, styles.SUBTITLE)
    draft.paragraph(t("export.doc.region", region=profile.name), styles.SUBTITLE)
    draft.paragraph(joined(list(profile.municipalities)), styles.COVER)
    draft.paragraph(t("export.doc.concept"), styles.COVER_STATUS)
    draft.paragraph(t("export.doc.date", date=long_date(meta.date)), styles.COVER)
    updated = meta.updated_at
    draft.paragraph(t("export.doc.version", date=long_date(updated.astimezone().date()),
                      time=clock_time(updated)), styles.COVER)
    if profile.sender:
        draft.paragraph(t("export.doc.sender", sender=profile.sender), styles.COVER)
    if meta.facilitator:
        draft.paragraph(t("export.doc.drawn_up", facilitator=meta.facilitator), styles.COVER)
    heading = draft.paragraph(t("export.doc.toc_heading"), styles.TOC_HEADING)
    heading.paragraph_format.page_break_before = True
    return draft.paragraph()
