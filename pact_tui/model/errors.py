"""The root of every error a user can cause (a bad file, a bad profile, a bad argument)."""


class UserError(Exception):
    """Its message is one clear sentence for the user: what is wrong and where.

    The edges show that sentence (the CLI on stderr with exit code 2, the TUI as a
    notification or an error screen); anything that is not a UserError is a bug.
    """
