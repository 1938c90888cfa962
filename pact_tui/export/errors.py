"""Errors a user can cause while exporting: a bad template, a folder that cannot be written."""

from __future__ import annotations

from pact_tui.model import UserError


class ExportError(UserError):
    """The Word draft could not be written; the message says what and where."""


class TemplateError(ExportError):
    """The house-style template is missing or is not a Word document."""


class OutputError(ExportError):
    """The output file or its folder cannot be written."""
