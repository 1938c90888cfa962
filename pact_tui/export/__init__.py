"""The Word draft: a session or programme written as the .docx municipalities receive.

Pure apart from writing the one file: `export_programme(session, out, template=...,
progress=...)`. `free_path` gives the default file name in a folder without ever
taking a name that is already used.
"""

from pact_tui.export.errors import ExportError, OutputError, TemplateError
from pact_tui.export.output import draft_name, free_path
from pact_tui.export.programme import Progress, export_programme

__all__ = [
    "ExportError",
    "OutputError",
    "Progress",
    "TemplateError",
    "draft_name",
    "export_programme",
    "free_path",
]
