"""Subcommands: session."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the `pact-tui` parser."""


def run_home(args: argparse.Namespace) -> int:
    """`pact-tui` without a subcommand: the home screen."""
    raise NotImplementedError
