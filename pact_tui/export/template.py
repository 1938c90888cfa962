"""The document the draft starts from: python-docx's own, or the user's house-style template.

A template's styles, page setup, headers and footers are kept and its body is
emptied. Word templates (.dotx) differ from documents only in their content type,
which is rewritten in memory so python-docx opens them. LibreOffice names the
relationship to the core properties in a spelling python-docx does not know; it
would then add a second docProps/core.xml, so that spelling is rewritten too.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml.ns import qn

from pact_tui.export.errors import TemplateError
from pact_tui.i18n import t

_CONTENT_TYPES = "[Content_Types].xml"
_TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"
_PACKAGE_RELS = "_rels/.rels"
_CORE_PROPERTIES_ALIAS = (
    b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
)
_CORE_PROPERTIES = (
    b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)


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
        rewrites = {_CONTENT_TYPES: (_TEMPLATE_TYPE, _DOCUMENT_TYPE),
                    _PACKAGE_RELS: (_CORE_PROPERTIES_ALIAS, _CORE_PROPERTIES)}
        names = set(source.namelist())
        if not any(name in names and old in source.read(name)
                   for name, (old, _) in rewrites.items()):
            return data
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                payload = source.read(info.filename)
                if info.filename in rewrites:
                    payload = payload.replace(*rewrites[info.filename])
                target.writestr(info, payload)
        return output.getvalue()


def _empty_body(document: Document) -> None:
    """Remove the template's text, keeping the final section (page setup, headers, footers).

    The template's comments go too: their text is gone, they would point at nothing.
    """
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    try:
        comments = document.part.part_related_by(RT.COMMENTS)
    except KeyError:
        return
    if isinstance(comments, XmlPart):
        for comment in comments.element.findall(qn("w:comment")):
            comments.element.remove(comment)
