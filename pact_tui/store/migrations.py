"""Schema migrations: raw file data of an older schema, upgraded one version at a time.

Each step is a pure function from the raw tables of version N to those of version
N + 1; steps run before validation, so they must cope with whatever a file holds and
leave anything they do not understand for validation to report.

Schema 1 is the prototype format the first facilitator files were written in:
themes by their label instead of their key, an action's parties as one comma-separated
string and its lead as a plain name, a commitment's party as a plain name, no `base`
or `origins` on items, no `sources` in meta, and the region profile stored as just the
key of a built-in profile. Schema 2 added all that. Schema 3 adds what a merge must not
lose: an item's `history` (versions that lost to it) and `kept_apart`, and in meta
`earlier_sessions`, `earlier_participants` and `removed`; all empty in a file of schema 2.
Schema 4 adds an action's progress: `status`, `light`, `progress_note` and `progress_date`;
an action of schema 3 has not started. Schema 5 adds priorities: `voting_rounds` in meta,
`votes` on actions and challenges, and an action's `impact` and `effort`; a file of schema 4
has no rounds, no votes and no scores. Schema 6 (the current one, see docs/file-format.md)
adds what lets two copies of one file be merged: an item's `trail` and the `deletions`
(tombstones) and `laptop` in meta; a file of schema 5 has no trail, no tombstones and no
laptop, so its copies share only the versions they hold.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from pact_tui.i18n import t
from pact_tui.model import SCHEMA_VERSION, Problem, RegionProfile
from pact_tui.model.validation import field_label
from pact_tui.store.profiles import builtin_profiles, load_profile

Raw = dict[str, Any]


class MigrationError(Exception):
    """A step cannot upgrade the file; `problem` says which item and field stopped it."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.message)


def migrate(raw: Raw, version: int) -> Raw:
    """`raw` (tables of schema `version`) upgraded to the current schema; `raw` is not changed."""
    data = copy.deepcopy(raw)
    while version < SCHEMA_VERSION:
        data = STEPS[version](data)
        version += 1
    return data


def _documents(data: Raw, table: str) -> list[dict[str, Any]]:
    documents = data.get(table)
    if not isinstance(documents, dict):
        return []
    return [doc for doc in documents.values() if isinstance(doc, dict)]


def v1_to_v2(data: Raw) -> Raw:
    """Embed the profile, store theme keys, and turn names of parties into references."""
    meta = _documents(data, "meta")
    if not meta:
        return data
    profile = _embedded_profile(meta[0])
    meta[0]["profile"] = profile.model_dump(mode="json")
    meta[0].setdefault("sources", [])
    meta[0]["schema_version"] = 2

    theme_keys: dict[str, str] = {}
    for theme in profile.themes:
        theme_keys[theme.key.casefold()] = theme.key
        theme_keys[theme.label.casefold()] = theme.key

    def key_of(theme: Any) -> Any:
        return theme_keys.get(theme.strip().casefold(), theme) if isinstance(theme, str) else theme

    stakeholder_ids: dict[str, str] = {}
    for stakeholder in _documents(data, "stakeholders"):
        name, ident = stakeholder.get("name"), stakeholder.get("id")
        if isinstance(name, str) and isinstance(ident, str):
            stakeholder_ids.setdefault(name.strip().casefold(), ident)

    def reference(name: Any) -> Any:
        if not isinstance(name, str):
            return name
        name = name.strip()
        return {"name": name, "stakeholder_id": stakeholder_ids.get(name.casefold())}

    for table in ("status", "ambitions", "actions"):
        for doc in _documents(data, table):
            if "theme" in doc:
                doc["theme"] = key_of(doc["theme"])
    for table in ("challenges", "stakeholders"):
        for doc in _documents(data, table):
            if isinstance(doc.get("themes"), list):
                doc["themes"] = [key_of(theme) for theme in doc["themes"]]
    for doc in _documents(data, "actions"):
        parties = doc.get("parties")
        if isinstance(parties, str):
            names = [name for name in parties.replace(";", ",").split(",") if name.strip()]
            doc["parties"] = [reference(name) for name in names]
        lead = doc.get("lead")
        if isinstance(lead, str):
            doc["lead"] = reference(lead) if lead.strip() else None
    for doc in _documents(data, "commitments"):
        doc["party"] = reference(doc.get("party"))
    return data


def _embedded_profile(meta: dict[str, Any]) -> RegionProfile:
    """Schema 1 named a built-in profile by its key; schema 2 embeds the whole profile."""
    spec = meta.get("profile")
    if isinstance(spec, str) and spec in builtin_profiles():
        return load_profile(spec)
    title = meta.get("title")
    raise MigrationError(Problem(
        table="meta", item=title if isinstance(title, str) else "-", field=field_label("profile"),
        message=t("store.v1_profile_unknown", key=str(spec))))


def v2_to_v3(data: Raw) -> Raw:
    """Nothing to convert: the new lists start empty, which their defaults say."""
    for meta in _documents(data, "meta"):
        meta["schema_version"] = 3
    return data


def v3_to_v4(data: Raw) -> Raw:
    """Every action not started, with no light, note or date: the fields' defaults."""
    for meta in _documents(data, "meta"):
        meta["schema_version"] = 4
    return data


def v4_to_v5(data: Raw) -> Raw:
    """No rounds, votes or scores yet: the fields' defaults."""
    for meta in _documents(data, "meta"):
        meta["schema_version"] = 5
    return data


def v5_to_v6(data: Raw) -> Raw:
    """No trails, tombstones or laptop yet: the fields' defaults."""
    for meta in _documents(data, "meta"):
        meta["schema_version"] = 6
    return data


STEPS: dict[int, Callable[[Raw], Raw]] = {1: v1_to_v2, 2: v2_to_v3, 3: v3_to_v4, 4: v4_to_v5,
                                          5: v5_to_v6}
