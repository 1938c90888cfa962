"""The document the draft starts from: python-docx's own, or the user's house-style template.

A template's styles, page setup, headers and footers are kept and its body is
emptied. Word templates (.dotx) differ from documents only in their content type,
which is rewritten in memory so python-docx opens them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

from pact_tui.export.errors import TemplateError
from pact_tui.i18n import t

_CONTENT_TYPES = "[Content_Types].xml"
_TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"


def open_base(template: Path | None) -> Document:
    """A new document: the default one, or `template` with its body removed."""
    if template is None:
        return docx.Document()
    if not template.is_file():
        raise TemplateError(t("export.error.template_missing", path=template))
    try:
        document = docx.Document(io.BytesIO(_as_document_package(template.read_bytes())))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise TemplateError(t("export.error.template_invalid", path=template)) from None
    _empty_body(document)
    return document


def _as_document_package(data: bytes) -> bytes:
    """The package bytes, with a template's main part declared as a document's."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        content_types = source.read(_CONTENT_TYPES)
        if _TEMPLATE_TYPE not in content_types:
            return data
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                payload = source.read(info.filename)
                if info.filename == _CONTENT_TYPES:
                    payload = payload.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                target.writestr(info, payload)
        return output.getvalue()


def _empty_body(document: Document) -> None:
    """Remove the template's text, keeping the final section (page setup, headers, footers)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
