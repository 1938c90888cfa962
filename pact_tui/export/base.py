"""A new Word document set up the way every document of pact-tui is: the template's (or
A4) page, the draft's styles, Dutch language and number format, properties and footer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document

from pact_tui import __version__
from pact_tui.export import document as setup
from pact_tui.export import styles
from pact_tui.export.house import adopt_house_look
from pact_tui.export.template import open_base
from pact_tui.i18n import t


@dataclass(frozen=True)
class Properties:
    """What the document says about itself (File > Properties) and its footer line."""

    title: str
    subject: str
    author: str
    keywords: str
    category: str
    comments: str
    footer: str
    created: dt.datetime
    modified: dt.datetime


def start_document(template: Path | None, properties: Properties) -> Document:
    """The base document (the template, or python-docx's default made A4), set up.

    Raises TemplateError for a template that cannot be used.
    """
    document = open_base(template)
    own_layout = template is None
    language = t("export.doc.language")
    if own_layout:
        setup.set_up_page(document)
    styles.ensure_styles(document, own_layout=own_layout)
    if own_layout:
        styles.use_own_fonts(document)
    else:
        adopt_house_look(document)
    setup.set_language(document, language)
    setup.set_number_format(document, t("export.doc.decimal_symbol"),
                            t("export.doc.list_symbol"))
    setup.set_application(document, t("export.doc.application", version=__version__))
    setup.set_properties(
        document, title=properties.title, subject=properties.subject,
        author=properties.author, keywords=properties.keywords,
        category=properties.category, comments=properties.comments, language=language,
        created=properties.created, modified=properties.modified)
    setup.set_up_footer(document, properties.footer, own_layout=own_layout)
    return document
