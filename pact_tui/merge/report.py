"""The merge report in words: what was added, changed, combined, deleted and is in conflict.

Plain text for the terminal, or Markdown to keep next to the programme.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from pact_tui.i18n import t
from pact_tui.merge.result import Conflict, MergeResult, Outcome
from pact_tui.merge.signals import Signal
from pact_tui.model import Item, Origin, Planning, RegionProfile
from pact_tui.model.planning_text import format_planning
from pact_tui.model.rules import differing
from pact_tui.model.template import ACTION_TEMPLATE, FieldKind
from pact_tui.model.validation import field_label

_LONGEST = 100
_TEMPLATE = {field.key: field for field in ACTION_TEMPLATE}
# Fields that hold other items' ids: shown by those items' names, never as ids.
_REFERENCES = frozenset({"action_id", "challenge_ids", "ambition_ids"})


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"


def counted(key: str, n: int, **values: Any) -> str:
    """The message `key` for `n` things: its `.one` form for exactly one, if it has one."""
    if n == 1 and t(f"{key}.one") != f"{key}.one":
        return t(f"{key}.one", n=n, **values)
    return t(key, n=n, **values)


def _counts(counter: Counter[Outcome]) -> str:
    return ", ".join(counted(f"merge.outcome.{outcome.value}", counter[outcome])
                     for outcome in Outcome if counter[outcome])


def _origin(origin: Origin) -> str:
    date = origin.date.isoformat() if origin.date else "—"
    return t("merge.report.source", title=origin.title, date=date)


def show_value(value: Any) -> str:
    """A field value as one short line: a name, a list joined, a dash for nothing."""
    if value is None or value in ("", [], {}):
        return "—"
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"])
        shown = [show_value(v) for v in value.values() if v not in (None, "", [], {})]
        return ", ".join(shown) or "—"
    if isinstance(value, list):
        return "; ".join(show_value(v) for v in value)
    return " ".join(str(value).split())  # whole: a decision never hides a word


def item_names(result: MergeResult) -> dict[str, str]:
    """Every item's name by its id, those combined or deleted in the merge included; a
    commitment named with its action."""
    names = {entry.item_id: entry.label for entry in result.report.entries}
    for item in result.programme.all_items():
        names.setdefault(item.id, item.label())
    return names


def field_text(name: str, value: Any, profile: RegionProfile,
               names: Mapping[str, str] | None = None) -> str:
    """A field value in words: a choice (theme, scale, status, light) by its label,
    planning as a sentence, a link to another item by that item's name."""
    if name in _REFERENCES and names is not None:
        ids = value if isinstance(value, list) else [value]
        return "; ".join(names.get(str(item_id), t("merge.report.unknown_item"))
                         for item_id in ids if item_id) or "—"
    if name == "themes" and isinstance(value, list):
        return ", ".join(profile.theme_label(str(theme)) for theme in value) or "—"
    field = _TEMPLATE.get(name)
    if field is not None and field.kind is FieldKind.PLANNING and isinstance(value, dict):
        try:
            return format_planning(Planning.model_validate(value), profile) or "—"
        except ValueError:
            return show_value(value)
    if field is not None and field.choices is not None and isinstance(value, str):
        labels = {choice.key: choice.label for choice in field.choices(profile)}
        return labels.get(value, value)
    return show_value(value)


def promise_text(conflict: Conflict, *, decided: bool) -> str:
    """For an action deleted in some inputs, the commitments other inputs made to it
    meanwhile, which keep it while not `decided` ("" when there are none)."""
    if not conflict.commitments:
        return ""
    promises = ", ".join(t("merge.report.promise", party=commitment.label(),
                           sources=_titles(commitment.origins))
                         for commitment in conflict.commitments)
    key = "merge.report.promised_decided" if decided else "merge.report.promised"
    return counted(key, len(conflict.commitments), promises=promises)


def deletion_text(conflict: Conflict, sources: Iterable[Origin], *, decided: bool) -> str:
    """A deletion of `conflict` in words: where it was made, and the commitments that keep
    the action (`promise_text`)."""
    promised = promise_text(conflict, decided=decided)
    if not promised:
        return t("merge.report.conflict_deleted", sources=_titles(sources))
    return t("merge.report.conflict_deleted_promised", sources=_titles(sources),
             promised=promised)


def conflict_lines(conflict: Conflict, profile: RegionProfile,
                   names: Mapping[str, str] | None = None, *, decided: bool = False) -> list[str]:
    """One line per differing field and kept version (value and the inputs holding it), and
    one per deletion."""
    lines = []
    for difference in conflict.differences:
        if conflict.base is not None:
            lines.append(t("merge.report.conflict_base", field=field_label(difference.field),
                           value=field_text(difference.field, difference.base, profile, names)))
        for version, value in zip(conflict.versions, difference.values, strict=True):
            if not version.deleted:
                lines.append(t("merge.report.conflict_value", field=field_label(difference.field),
                               value=field_text(difference.field, value, profile, names),
                               sources=_titles(version.sources)))
    for version in conflict.versions:
        if version.deleted:
            lines.append(deletion_text(conflict, version.sources, decided=decided))
        elif not conflict.differences:
            # Kept as it was while deleted elsewhere (for a commitment made to it), or changed.
            same = version.key == conflict.base_fingerprint
            lines.append(t("merge.report.conflict_unchanged" if same
                           else "merge.report.conflict_changed", sources=_titles(version.sources)))
    return lines


def signal_text(signal: Signal) -> str:
    """One signal in words, with its score."""
    return t(f"merge.signal.{signal.kind}", score=round(signal.score),
             words=", ".join(signal.words))


def _version_text(content: dict[str, Any], kept: dict[str, Any], profile: RegionProfile,
                  names: Mapping[str, str]) -> str:
    """The fields in which a lost version differs from the one kept (the rest is the same)."""
    return "; ".join(t("merge.report.lost_value", field=field_label(name),
                       value=field_text(name, value, profile, names))
                     for name, value in content.items() if value != kept.get(name))


def _lost_lines(result: MergeResult, item_id: str, names: Mapping[str, str]) -> list[str]:
    """Every version a decision on `item_id` did not keep, whole."""
    kept = next((item for item in result.programme.all_items() if item.id == item_id), None)
    history = kept.history if kept is not None else ()
    lost = [v for v in (*history, *result.programme.meta.removed)
            if v.item_id == item_id and v.reason != "combined"]
    lines = []
    for version in lost:
        how = t(f"merge.report.how.{version.reason}")
        if version.content is None:
            lines.append(t("merge.report.lost_deleted", how=how,
                           sources=_titles(version.sources)))
        else:
            lines.append(t("merge.report.lost", how=how, version=_version_text(
                version.content, kept.content() if kept is not None else {},
                result.programme.profile, names)))
            lines.append(t("merge.report.in_sources", sources=_titles(version.sources)))
    return lines


def _alternative_lines(survivor: Item | None, other_id: str, profile: RegionProfile,
                       names: Mapping[str, str]) -> list[str]:
    """The values of a combined item that differ from its survivor's: alternatives. A link
    that the merge pointed at the survivor of a combined item is no alternative."""
    if survivor is None:
        return []
    return [t("merge.report.alternative", field=field_label(name),
              value=field_text(name, value, profile, names), sources=_titles(version.sources))
            for version in survivor.history
            if version.item_id == other_id and version.content is not None
            for name, value in differing(survivor, version.content).items()
            if name not in _REFERENCES]


def _titles(origins: Iterable[Origin]) -> str:
    return ", ".join(origin.title for origin in origins)


def _item(table: str, label: str) -> str:
    return t("merge.report.item", kind=t(f"model.table.{table}"), label=_short(label))


def render_report(result: MergeResult, *, markdown: bool = False) -> str:
    """The report of `result` as text (or Markdown)."""
    report = result.report
    profile = result.programme.profile
    bullet = "- " if markdown else "  - "
    lines: list[str] = []

    def section(heading: str, rows: Iterable[str | list[str]]) -> None:
        """A heading with one bullet per row; a list is a row with lines nested under it."""
        rows = list(rows)
        if not rows:
            return
        lines.extend(["", f"## {heading}" if markdown else f"{heading}:"])
        for row in rows:
            first, *nested = [row] if isinstance(row, str) else row
            lines.append(bullet + first)
            lines.extend(("  " + bullet if markdown else "      ") + line for line in nested)

    # The profile's theme order (first theme first); a theme it does not know comes last.
    order = {theme.key: index for index, theme in enumerate(profile.themes)}

    def theme_order(entry: tuple[str, Counter[Outcome]]) -> tuple[int, str]:
        return order.get(entry[0], len(order)), entry[0]

    head = counted("merge.report.heading", len(report.sources),
                   title=result.programme.meta.title)
    lines.append(f"# {head}" if markdown else head)
    section(t("merge.report.sources"), (_origin(origin) for origin in report.sources))
    section(t("merge.report.earlier"), (_origin(origin) for origin in result.programme.meta.sources
                                         if origin not in report.sources))
    section(t("merge.report.by_table"), (
        t("merge.report.count_line", name=t(f"model.table.{table}"), counts=_counts(counts))
        for table, counts in report.by_table().items()))
    section(t("merge.report.by_theme"), (
        t("merge.report.count_line", name=profile.theme_label(theme), counts=_counts(counts))
        for theme, counts in sorted(report.by_theme().items(), key=theme_order)))
    names = item_names(result)
    section(t("merge.report.open_conflicts"), (
        [_item(c.table, names.get(c.item_id, c.label())), *conflict_lines(c, profile, names)]
        for c in result.unresolved))
    section(t("merge.report.resolved_conflicts"), (
        [_item(c.table, names.get(c.item_id, c.label())),
         *conflict_lines(c, profile, names, decided=True), *_lost_lines(result, c.item_id, names)]
        for c in result.conflicts if c.id in result.resolutions))
    items = {item.id: item for item in result.programme.all_items()}
    section(t("merge.report.combined"), (
        [t("merge.report.combined_into", item=_item(entry.table, entry.label),
           into=_short(names.get(entry.into_id or "", t("merge.report.unknown_item")))),
         *_alternative_lines(items.get(entry.into_id or ""), entry.item_id, profile, names)]
        for entry in report.entries if entry.outcome == Outcome.COMBINED))

    def proposals(decision: bool | None) -> Iterable[list[str]]:
        return ([t("merge.report.duplicate", item=_item(p.table, names.get(p.keep_id, p.labels[0])),
                   other=_short(names.get(p.other_id, p.labels[1])), score=round(p.score)),
                 t("merge.report.signals", signals="; ".join(signal_text(s) for s in p.signals))]
                for p in result.duplicates if result.decisions.get(p.id) is decision)

    section(t("merge.report.undecided"), proposals(None))
    section(t("merge.report.apart"), proposals(False))
    section(t("merge.report.deleted"), (
        _item(entry.table, entry.label) for entry in report.entries
        if entry.outcome == Outcome.DELETED))
    return "\n".join(lines) + "\n"
