"""One merge conflict shown side by side, and a person's own text for it.

The base (the version every side started from) and each version in a pane of its own, the
fields they disagree on first and reversed; the chosen version framed. Editing asks which
text to start from (a version or the base), then opens the disputed text in a roomy editor
(one text) or a form (several). The merge screen and the sync-copy decisions both use it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.text import Text
from textual.app import App
from textual.containers import Horizontal
from textual.widgets import Static

from pact_tui.i18n import t
from pact_tui.merge import Conflict
from pact_tui.merge.report import field_text
from pact_tui.model import Item, RegionProfile
from pact_tui.model.template import ACTION_TEMPLATE
from pact_tui.model.validation import field_label
from pact_tui.tui.modals.form import ChoiceField, FormDialog, FormValues, TextField
from pact_tui.tui.modals.long_text import LongTextModal
from pact_tui.tui.text import visible_rich

# The free-text fields an edited conflict offers, in this order; choices (theme, scale)
# are kept from the newest version.
TEXT_FIELDS = ("title", "name", "text", "goal", "description", "notes", "category", "contact",
               "source")
REQUIRED_TEXT = frozenset({"title", "name", "text"})
# What a version shows, in this order (ids and positions say nothing to a person).
# An action shows every field of its template.
SHOWN_FIELDS = tuple(dict.fromkeys((
    "title", "name", "text", *(field.key for field in ACTION_TEMPLATE), "themes", "party",
    "role", "description", "notes", "category", "contact", "source")))


class ConflictVersions(Horizontal):
    """The base and every version of one conflict, side by side."""

    def show(self, conflict: Conflict, headings: Sequence[str], chosen: object,
             profile: RegionProfile, names: Mapping[str, str]) -> None:
        """Draw `conflict`: each version under its heading (in the order of its versions),
        the one whose key is `chosen` marked."""
        differing = {difference.field for difference in conflict.differences}
        panes = []
        if conflict.base is not None:
            base = Text(t("merge.screen.base"), style="bold")
            base.append_text(item_fields(conflict.base, differing, profile, names))
            panes.append(Static(visible_rich(base), classes="merge-version merge-base"))
        for heading, version in zip(headings, conflict.versions, strict=True):
            text = Text(heading, style="bold")
            if chosen == version.key:
                text.append("  " + t("merge.screen.chosen"), style="bold green")
            if version.item is not None:
                text.append_text(item_fields(version.item, differing, profile, names))
            pane = Static(visible_rich(text), classes="merge-version")
            pane.set_class(chosen == version.key, "-chosen")
            panes.append(pane)
        self.remove_children()
        self.mount_all(panes)


def item_fields(item: Item, highlight: set[str], profile: RegionProfile,
                names: Mapping[str, str]) -> Text:
    """The item's filled-in fields, one a line; those the versions disagree on stand out."""
    content = item.content()
    text = Text()
    shown_fields = [name for name in SHOWN_FIELDS if name in content]
    for name in sorted(shown_fields, key=lambda field: field not in highlight):
        shown = field_text(name, content[name], profile, names)
        if name not in highlight and shown == "—":
            continue
        text.append(f"\n{field_label(name)}: ", style="bold" if name in highlight else "dim")
        text.append(shown, style="reverse" if name in highlight else "")
    return text


def edit_conflict(app: App[object], conflict: Conflict, start_labels: Sequence[str],
                  settle: Callable[[Item], object], then: Callable[[], object]) -> None:
    """Ask which text to start from (a version, labelled by `start_labels` in the order of
    the versions, or the base; the newest is chosen unless another is picked), let the
    person edit it, `settle` the conflict with the edited item, then call `then`."""
    # The versions first, so that digit n picks version n; the base last.
    starts = [(version.key, label) for version, label
              in zip(conflict.versions, start_labels, strict=True) if version.item is not None]
    if conflict.base is not None:
        starts.append(("base", t("merge.screen.start_base")))
    chosen: list[str] = []

    def submit(values: FormValues) -> None:
        chosen.append(str(values["start"]))

    def done(picked: bool | None) -> None:
        if picked and chosen:
            _edit_from(app, conflict, chosen[-1], settle, then)

    field = ChoiceField("start", t("merge.screen.start_label"), starts,
                        value=(conflict.newest().key,), required=True)
    app.push_screen(FormDialog(t("merge.screen.edit_title", item=conflict.label()),
                               [field], submit), done)


def _edit_from(app: App[object], conflict: Conflict, start_key: str,
               settle: Callable[[Item], object], then: Callable[[], object]) -> None:
    """Edit the disputed texts starting from the base's or a version's; the item edited
    is the newest version, so what no one disputes stays as the sides left it."""
    newest = conflict.newest().item
    assert newest is not None
    picked = conflict.base if start_key == "base" else (conflict.version(start_key) or
                                                       conflict.newest()).item
    disputed = [d.field for d in conflict.differences]
    start = picked.content() if picked is not None else {}
    content = {**newest.content(), **{name: start[name] for name in disputed if name in start}}
    if len(disputed) == 1 and isinstance(content.get(disputed[0]), str):
        _edit_long(app, conflict, newest, disputed[0], str(content[disputed[0]]), settle, then)
        return
    fields = [TextField(name, field_label(name), value=content[name],
                        required=name in REQUIRED_TEXT)
              for name in TEXT_FIELDS if isinstance(content.get(name), str)]

    def submit(values: FormValues) -> None:
        settle(newest.edited(**values))

    def done(saved: bool | None) -> None:
        if saved:
            then()

    app.push_screen(
        FormDialog(t("merge.screen.edit_title", item=conflict.label()), fields, submit), done)


def _edit_long(app: App[object], conflict: Conflict, start: Item, name: str, text: str,
               settle: Callable[[Item], object], then: Callable[[], object]) -> None:
    """The one disputed text, whole, in a roomy editor (the versions stay on the screen)."""

    def done(text: str | None) -> None:
        if text is None:
            return
        if not text.strip() and name in REQUIRED_TEXT:
            app.notify(t("merge.screen.text_required", field=field_label(name)),
                       severity="warning")
            return
        settle(start.edited(**{name: text.strip()}))
        then()

    title = t("merge.screen.edit_field", item=conflict.label(), field=field_label(name))
    app.push_screen(LongTextModal(title, text), done)
