"""What can go wrong in a merge that the person merging can fix."""

from __future__ import annotations

from pact_tui.model import UserError


class MergeError(UserError):
    """Base of every merge error; its message is one sentence."""


class ProfileMismatchError(MergeError):
    """The inputs were made with different region profiles."""


class UnknownChoiceError(MergeError):
    """A conflict, duplicate proposal or version that the merge result does not hold."""
