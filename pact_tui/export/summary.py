"""The session summary: one self-contained HTML page of what a session produced.

What is new or changed compared with the programme the session started from
(`model.produced`): the actions per theme with all their fields, the commitments,
the challenges, the open points, and who took part (organisations; names only with
consent, as in the Word draft's appendix). No external assets: the page opens the
same offline, in any browser, and prints to PDF with its own print styles.

Pure apart from writing the one file. Every text a user typed is escaped
(`html.escape`) and its control characters are made visible.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from pact_tui.export.actions import table_fields
from pact_tui.export.errors import OutputError
from pact_tui.export.grouping import organisations, theme_keys
from pact_tui.export.output import draft_name
from pact_tui.export.priorities import priority_text
from pact_tui.export.wording import horizon_heading, joined, long_date, planning_text
from pact_tui.i18n import t
from pact_tui.model import Action, RegionProfile, Session, now_utc
from pact_tui.model.produced import changed_fields, is_new, produced
from pact_tui.model.rules import is_cross_theme, open_points, ordered_actions
from pact_tui.model.template import FieldKind, TemplateField
from pact_tui.model.validation import field_label

# C0 and C1 control characters shown as visible symbols: most are not even allowed in HTML.
_CONTROLS = {code: 0x2400 + code for code in range(32) if chr(code) not in "\t\n"}
_CONTROLS |= {0x7F: 0x2421} | {code: 0xFFFD for code in range(0x80, 0xA0)}

STYLE = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #111; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; padding-bottom: .2rem;
     border-bottom: 2px solid #111; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
p.meta { margin: 0 0 1rem; color: #333; }
table { width: 100%; border-collapse: collapse; margin: .4rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border: 1px solid #777; }
thead th { background: #e6e6e6; }
td ul { margin: 0; padding-left: 1.1rem; }
th, td { box-sizing: border-box; overflow-wrap: break-word; hyphens: auto; }
table.actions { table-layout: fixed; }
table.actions th:nth-child(1) { width: 20%; } table.actions th:nth-child(2) { width: 25%; }
table.actions th:nth-child(3) { width: 12%; } table.actions th:nth-child(4) { width: 13%; }
table.actions th:nth-child(5) { width: 17%; } table.actions th:nth-child(6) { width: 13%; }
.mark { display: inline-block; font-size: .8em; font-weight: bold; text-transform: uppercase;
        border: 1.5px solid #111; border-radius: .25rem; padding: 0 .3rem; margin-left: .3rem; }
.none { color: #555; font-style: italic; }
footer { margin-top: 2.5rem; font-size: .9em; color: #333; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 9pt; }
  /* On paper the columns size to their words: no word is ever split across lines. */
  table.actions { table-layout: auto; }
  th, td { overflow-wrap: normal; padding: .25rem .35rem; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead th { background: #e6e6e6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _text(value: str) -> str:
    """User text as HTML: escaped, control characters visible, line breaks kept."""
    return escape(value.translate(_CONTROLS)).replace("\n", "<br>")


def _cells(tag: str, values: Iterable[str], scope: str = "") -> str:
    """A row of cells; `values` are HTML already."""
    attribute = f' scope="{scope}"' if scope else ""
    return "<tr>" + "".join(f"<{tag}{attribute}>{value}</{tag}>" for value in values) + "</tr>"


def _table(heads: Sequence[str], rows: Iterable[Sequence[str]], kind: str = "") -> str:
    """A table with real header cells; `rows` hold HTML already."""
    body = "\n".join(_cells("td", row) for row in rows)
    head = _cells("th", (escape(head) for head in heads), scope="col")
    opening = f'<table class="{kind}">' if kind else "<table>"
    return f"{opening}\n<thead>{head}</thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _none(text: str) -> str:
    return f'<p class="none">{escape(text)}</p>'


def _list(names: Sequence[str]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return _text(names[0])
    return "<ul>" + "".join(f"<li>{_text(name)}</li>" for name in names) + "</ul>"


def build_summary(session: Session, base: Session | None = None,
                  made_at: dt.datetime | None = None) -> str:
    """The summary of `session` as one HTML document; with `base`, the programme it started
    from, each changed action says which fields changed."""
    meta = session.meta
    title = t("export.summary.title", title=meta.title)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(t("export.summary.lang"))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_text(title)}</h1>",
        f'<p class="meta">{_text(_about(session))}</p>',
        f"<p>{_text(_comparison(session))}</p>",
        *_participants(session),
        *_actions(session, base),
        *_commitments(session),
        *_challenges(session),
        *_open_points(session),
        "<footer>" + escape(t("export.summary.made", date=long_date((made_at or now_utc())
                                                                     .astimezone().date()))),
        "</footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _about(session: Session) -> str:
    meta = session.meta
    bits = [long_date(meta.date), session.profile.name]
    if meta.location:
        bits.append(meta.location)
    if meta.facilitator:
        bits.append(t("export.summary.facilitator", name=meta.facilitator))
    return " · ".join(bits)


def _comparison(session: Session) -> str:
    actions = produced(session.actions)
    new = sum(is_new(action) for action in actions)
    counts = t("export.summary.counts", new=new, changed=len(actions) - new)
    sources = [origin.title for origin in session.meta.sources]
    if not sources:
        return t("export.summary.no_base", counts=counts)
    return t("export.summary.base", base=joined([f"‘{title}’" for title in sources]),
             counts=counts)


def _participants(session: Session) -> list[str]:
    meta = session.meta
    out = [f"<h2>{escape(t('export.summary.participants'))}</h2>"]
    if not meta.participants:
        return [*out, _none(t("export.summary.no_participants"))]
    if meta.names_consent:
        rows = [[_text(p.organisation), _text(p.role), _text(p.name)]
                for p in sorted(meta.participants, key=lambda p: p.organisation.casefold())]
        heads = [t("export.summary.col.organisation"), t("export.summary.col.role"),
                 t("export.summary.col.name")]
        return [*out, _table(heads, rows)]
    # Without consent only the organisations, each once.
    names = sorted(organisations(session), key=str.casefold)
    return [*out, "<ul>" + "".join(f"<li>{_text(name)}</li>" for name in names) + "</ul>"]


def _actions(session: Session, base: Session | None) -> list[str]:
    profile = session.profile
    actions = produced(ordered_actions(session.actions))
    out = [f"<h2>{escape(t('export.summary.actions'))}</h2>"]
    if not actions:
        return [*out, _none(t("export.summary.no_actions"))]
    with_notes = any(action.notes for action in actions)
    heads = [field.label for field in table_fields()]
    priority = priority_text(session)
    if priority is not None:
        heads.append(t("export.priorities.column"))
    if with_notes:
        heads.append(t("export.summary.col.notes"))
    earlier = {action.id: action for action in base.actions} if base is not None else {}
    for theme in theme_keys(session):
        in_theme = [action for action in actions if action.theme == theme]
        if not in_theme:
            continue
        out.append(f"<h3>{_text(profile.theme_label(theme))}</h3>")
        rows = []
        for action in in_theme:
            row = [_cell(field, action, profile) for field in table_fields()]
            row[0] += f' <span class="mark">{escape(_mark(action, earlier.get(action.id)))}</span>'
            if priority is not None:
                row.append(_text(priority(action)))
            if with_notes:
                row.append(_text(action.notes))
            rows.append(row)
        out.append(_table(heads, rows, kind="actions"))
    return out


def _mark(action: Action, earlier: Action | None) -> str:
    """"nieuw", or "gewijzigd: doel en stemmen" where the earlier version is known."""
    if is_new(action):
        return t("export.summary.new")
    if earlier is None:
        return t("export.summary.changed")
    fields = joined([field_label(name) for name in changed_fields(action, earlier)])
    return t("export.summary.changed_fields", fields=fields) if fields else t(
        "export.summary.changed")


def _cell(field: TemplateField, action: Action, profile: RegionProfile) -> str:
    """A field as HTML: parties as a list, planning with its horizon spelled out."""
    value = getattr(action, field.key)
    if field.kind is FieldKind.PARTIES:
        return _list([party.name for party in value])
    if field.kind is FieldKind.PLANNING:
        heading = horizon_heading(profile, value.horizon) if value.horizon is not None else ""
        return _text("\n".join(part for part in (heading, planning_text(value)) if part))
    return _text(field.text(action, profile))


def _commitments(session: Session) -> list[str]:
    titles = {action.id: action.title for action in session.actions}
    commitments = produced(session.commitments)
    out = [f"<h2>{escape(t('export.summary.commitments'))}</h2>"]
    if not commitments:
        return [*out, _none(t("export.summary.no_commitments"))]
    heads = [t("export.summary.col.action"), t("export.summary.col.party"),
             t("export.summary.col.role"), t("export.summary.col.commitment")]
    rows = [[_text(titles.get(c.action_id, "—")), _text(c.party.name),
             escape(t(f"export.role.{c.role}")), _text(c.text)] for c in commitments]
    return [*out, _table(heads, rows)]


def _challenges(session: Session) -> list[str]:
    profile = session.profile
    challenges = produced(session.challenges)
    out = [f"<h2>{escape(t('export.summary.challenges'))}</h2>"]
    if not challenges:
        return [*out, _none(t("export.summary.no_challenges"))]
    heads = [t("export.summary.col.challenge"), t("export.summary.col.themes"),
             t("export.summary.col.description")]
    rows = []
    for challenge in challenges:
        name = _text(challenge.title)
        if is_cross_theme(challenge):
            name += f' <span class="mark">{escape(t("export.summary.cross_theme"))}</span>'
        rows.append([name, _list([profile.theme_label(key) for key in challenge.themes]),
                     _text(challenge.description)])
    return [*out, _table(heads, rows)]


def _open_points(session: Session) -> list[str]:
    profile = session.profile
    gaps = [action for action in ordered_actions(session.actions) if open_points(action)]
    out = [f"<h2>{escape(t('export.summary.open_points'))}</h2>"]
    if not gaps:
        return [*out, _none(t("export.summary.no_open_points"))]
    heads = [t("export.summary.col.action"), t("export.summary.col.theme"),
             t("export.summary.col.missing")]
    rows = [[_text(action.title), _text(profile.theme_label(action.theme)),
             escape(joined([field_label(field) for field in open_points(action)]))]
            for action in gaps]
    return [*out, _table(heads, rows)]


def summary_path(folder: Path, session: Session) -> Path:
    """`<date>-<title>-samenvatting.html` in `folder`, with -2, -3 ... when that is taken."""
    stem = Path(draft_name(session.meta)).stem + t("export.summary.file_suffix")
    candidate, number = folder / f"{stem}.html", 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}-{number}.html"
    return candidate


def write_summary(session: Session, out: Path, base: Session | None = None) -> Path:
    """Write the summary to `out` atomically (whole or not at all); the path written."""
    data = build_summary(session, base).encode("utf-8")
    folder = out.parent
    if not folder.is_dir():
        raise OutputError(t("export.summary.folder_missing", folder=folder))
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(t("export.error.write_failed", path=out,
                            reason=error.strerror)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private; the summary is for sending round.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, out)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(t("export.error.write_failed", path=out,
                            reason=error.strerror)) from None
    return out
