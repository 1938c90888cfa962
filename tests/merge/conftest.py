"""Building blocks for merge tests: a programme, sessions started from it, edits to them.

Tests reach them through the `mb` fixture (pytest runs with --import-mode=importlib, so
test modules cannot import each other).
"""

from __future__ import annotations

import datetime as dt
import sys
from types import ModuleType
from typing import Any

import pytest

from pact_tui.merge import start_session_from
from pact_tui.model import Action, Item, RegionProfile, Session, SessionMeta, Stakeholder

NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)


def programme(profile: RegionProfile, *items: Item, title: str = "Programma") -> Session:
    tables: dict[str, list[Item]] = {}
    for item in items:
        tables.setdefault(item.TABLE, []).append(item)
    meta = SessionMeta(profile=profile, title=title, kind="programme", date=dt.date(2026, 1, 1))
    return Session.model_validate({"meta": meta, **{k: tuple(v) for k, v in tables.items()}})


def fresh(profile: RegionProfile, title: str, *items: Item) -> Session:
    """A session that did not start from a programme."""
    tables: dict[str, list[Item]] = {}
    for item in items:
        tables.setdefault(item.TABLE, []).append(item)
    meta = SessionMeta(profile=profile, title=title, date=dt.date(2026, 2, 1))
    return Session.model_validate({"meta": meta, **{k: tuple(v) for k, v in tables.items()}})


def started(source: Session, title: str) -> Session:
    return start_session_from(source, title, dt.date(2026, 2, 1))


def edit(session: Session, item_id: str, **changes: Any) -> Session:
    """`session` with one item edited the way the app does it."""
    for table in ("stakeholders", "status", "challenges", "ambitions", "actions", "commitments"):
        items = session.items(table)
        if any(item.id == item_id for item in items):
            new = tuple(item.edited(**changes) if item.id == item_id else item for item in items)
            return session.model_copy(update={table: new})
    raise KeyError(item_id)


def drop(session: Session, item_id: str) -> Session:
    updates = {table: tuple(i for i in session.items(table) if i.id != item_id)
               for table in ("stakeholders", "status", "challenges", "ambitions", "actions",
                             "commitments")}
    return session.model_copy(update=updates)


def add(session: Session, *items: Item) -> Session:
    updates: dict[str, tuple[Item, ...]] = {}
    for item in items:
        updates[item.TABLE] = (*updates.get(item.TABLE, session.items(item.TABLE)), item)
    return session.model_copy(update=updates)


def action(title: str, theme: str = "wonen", **fields: Any) -> Action:
    return Action(theme=theme, title=title, **fields)


def stakeholder(name: str, **fields: Any) -> Stakeholder:
    return Stakeholder(name=name, **fields)


def by_id(session: Session, item_id: str) -> Item | None:
    return next((item for item in session.all_items() if item.id == item_id), None)


@pytest.fixture(scope="session")
def mb() -> ModuleType:
    """These builders."""
    return sys.modules[__name__]
