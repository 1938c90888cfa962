"""The draft being written: headings, paragraphs, bullets and tables, always in named styles.

Chapters write through a Draft, which remembers the headings for the table of
contents and knows the width the current section leaves for tables. Headings and
the sentence introducing a table are kept with what follows them, so a page never
ends on a heading whose text or table is on the next page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docx.document import Document
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from pact_tui.export import document as setup
from pact_tui.export import fields, styles, tables
from pact_tui.export.comments import Comments
from pact_tui.export.house import house_table_style
from pact_tui.export.tables import Column
from pact_tui.export.text import clean
from pact_tui.model import Session


class Draft:
    """A python-docx document plus what the chapters share while writing it."""

    def __init__(self, document: Document, session: Session, author: str) -> None:
        self.document = document
        self.session = session
        self.profile = session.profile
        self.author = author
        self.headings: list[fields.Heading] = []
        self._landscape = False
        # At the top of a section that began on a new page, a page break would add a blank page.
        self._section_start = False
        self._style_ids: dict[styles.Style, str] = {}
        self._comments: Comments | None = None
        self._table_styles: tables.TableStyles | None = None
        # Kept, not asked per table: python-docx finds the sections by searching the whole body.
        self._text_width = setup.text_width(document.sections[-1])

    def _add(self, style: styles.Style | None) -> Paragraph:
        """A new paragraph in `style`, its id looked up once (a lookup walks all styles)."""
        paragraph = self.document.add_paragraph()
        if style:
            paragraph._p.style = self.style_id(style)
        self._section_start = False
        return paragraph

    def style_id(self, style: styles.Style) -> str:
        if style not in self._style_ids:
            self._style_ids[style] = styles.style_id(self.document, style)
        return self._style_ids[style]

    def heading(self, text: str, level: int, *, new_page: bool = False) -> Paragraph:
        """A heading (level 1–3) that the table of contents will list."""
        paragraph = self._add(styles.HEADING[level - 1])
        paragraph.add_run(clean(text))
        paragraph.paragraph_format.keep_with_next = True
        if new_page and not self._section_start:
            paragraph.paragraph_format.page_break_before = True
        self._section_start = False
        bookmark = f"_Toc{len(self.headings) + 1:05d}"
        fields.add_bookmark(paragraph, bookmark, len(self.headings) + 1)
        self.headings.append(fields.Heading(level, clean(text), bookmark))
        return paragraph

    def paragraph(self, text: str = "", style: styles.Style | None = None, *,
                  keep_with_next: bool = False) -> Paragraph:
        """`keep_with_next` for a sentence that introduces the table or list after it."""
        paragraph = self._add(style)
        if text:
            paragraph.add_run(clean(text))
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def bullet(self, text: str, lead: str = "") -> Paragraph:
        """A bullet; `lead` (a title) comes first in the Strong character style."""
        paragraph = self._add(styles.LIST_BULLET)
        if lead:
            paragraph.add_run(clean(lead))._r.style = self.style_id(styles.STRONG)
            if text:
                paragraph.add_run(" – ")
        if text:
            paragraph.add_run(clean(text))
        return paragraph

    def table(self, columns: Sequence[Column], rows: Iterable[Sequence[str]],
              caption: str = "") -> list[BaseOxmlElement]:
        """A table across the text width; empty cells say so; a `caption` repeats on every
        page the table runs onto. Returns its body rows."""
        if self._table_styles is None:
            house_table = house_table_style(self.document.styles.element)
            self._table_styles = tables.TableStyles(
                table=house_table or self.style_id(styles.TABLE),
                text=self.style_id(styles.TABLE_TEXT),
                heading=self.style_id(styles.TABLE_HEADING),
                missing=self.style_id(styles.MISSING))
        _, body_rows = tables.add_table(self.document, columns, rows, self._text_width,
                                        self._table_styles, caption)
        # A paragraph after each table keeps two tables from merging into one; a section
        # break that follows is placed in it, so no page holds only an empty paragraph.
        setup.add_spacer(self.document)
        self._section_start = False
        return body_rows

    def comment(self, row: BaseOxmlElement, text: str) -> None:
        if self._comments is None:
            self._comments = Comments(self.document, self.author)
        self._comments.add(tables.first_run(row), text)

    def landscape(self, on: bool) -> None:
        """Switch the following pages to landscape (wide tables) or back to portrait."""
        if on != self._landscape:
            self._text_width = setup.text_width(setup.new_section(self.document, landscape=on))
            self._landscape = on
            self._section_start = True
