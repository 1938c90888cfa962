"""Phase 5, Partners: per action, who leads and who joins, and what each commits to (toezegging).

The actions are listed at the top (read-only here; they are edited in Acties); the
commitments of the action under the cursor are listed underneath, each a party with
a role (trekker, partner, financier) and the commitment in its own words. ctrl+w
moves between the two lists; n, e and Delete add, edit and delete a commitment.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Label, Static

from pact_tui.editor import SessionEditor
from pact_tui.i18n import t
from pact_tui.model import COMMITMENT_ROLES, Action, Commitment, PartyRef, Phase, Stakeholder
from pact_tui.model.parties import PartyLookup, linked, ranked_party_names
from pact_tui.model.rules import commitments_of, ordered_actions
from pact_tui.tui.modals.form import ChoiceField, Field, FormDialog, FormValues, TextField
from pact_tui.tui.screens.phase import PhaseScreen
from pact_tui.tui.text import visible_rich
from pact_tui.tui.widgets.action_list import ActionList
from pact_tui.tui.widgets.grid import CellKind, Column, EditGrid, join_parties
from pact_tui.tui.widgets.record_table import RecordTable
from pact_tui.tui.widgets.row_list import RowList


def role_label(role: str) -> str:
    return t(f"tui.partners.role.{role}")


class PartnersScreen(PhaseScreen):
    """Actions with their lead and partners, and the commitments per action."""

    PHASE = Phase.PARTNERS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+w", "switch_part", t("tui.key.switch_part"), id="partners.switch"),
    ]

    def __init__(self, editor: SessionEditor) -> None:
        super().__init__(editor)
        self._action_id: str | None = None
        # Commitments per action, counted once per change rather than once per drawn row.
        self._counts: Counter[str] = Counter()

    def compose_body(self) -> ComposeResult:
        yield Label(Text(t("tui.partners.actions_title")), id="partners-actions-title",
                    classes="section-title")
        grid = ActionList(self._columns(), empty_text=t("tui.partners.no_actions"),
                          id="partners-actions")
        yield grid
        yield Static("", id="partners-action")
        yield RecordTable(id="commitments")

    def on_mount(self) -> None:
        table = self.query_one("#commitments", RecordTable)
        table.add_column(t("tui.partners.col_party"), key="party")
        table.add_column(t("tui.partners.col_role"), key="role")
        table.add_column(t("tui.partners.col_text"), key="text")
        self.grid.focus()

    @property
    def grid(self) -> ActionList:
        return self.query_one("#partners-actions", ActionList)

    def _columns(self) -> list[Column]:
        profile = self.editor.meta.profile

        def commitments(action: Action) -> str:
            return str(self._counts.get(action.id, 0))

        return [
            Column("theme", t("tui.partners.col_theme"), lambda a: profile.theme_label(a.theme),
                   CellKind.TEXT, 8, 1.0, editable=False),
            Column("title", t("tui.partners.col_action"), lambda a: a.title, CellKind.TEXT,
                   12, 4.0, editable=False),
            Column("lead", t("tui.partners.col_lead"), lambda a: a.lead.name if a.lead else "",
                   CellKind.TEXT, 8, 1.5, editable=False),
            Column("commitments", t("tui.partners.col_count"), commitments, CellKind.TEXT, 5,
                   0.0, editable=False),
        ]

    # ---- drawing ---------------------------------------------------------------------------

    def show_session(self) -> None:
        if not self.is_mounted:
            return
        actions = ordered_actions(self.editor.items(Action))
        self._counts = Counter(c.action_id for c in self.editor.items(Commitment))
        self.grid.set_rows(actions)
        self.query_one("#partners-actions-title", Label).update(
            Text(t("tui.partners.actions_count", count=len(actions)))
        )
        current = self.grid.current_row
        self._action_id = current.id if current is not None else None
        self._show_action()

    def on_row_list_chosen(self, message: RowList.Chosen) -> None:
        message.stop()
        self.query_one("#commitments", RecordTable).focus()

    def on_edit_grid_cursor_moved(self, message: EditGrid.CursorMoved) -> None:
        message.stop()
        if message.row_key != self._action_id:
            self._action_id = message.row_key
            self._show_action()

    def _action(self) -> Action | None:
        return self.editor.get(Action, self._action_id) if self._action_id else None

    def _show_action(self) -> None:
        action = self._action()
        summary = self.query_one("#partners-action", Static)
        table = self.query_one("#commitments", RecordTable)
        if action is None:
            summary.update(Text(t("tui.partners.pick_action")))
            table.show_rows([])
            return
        lead = action.lead.name if action.lead else "—"
        parties = join_parties([p.name for p in action.parties]) or "—"
        text = Text(action.title, style="bold", no_wrap=True, overflow="ellipsis")
        text.append("\n" + t("tui.partners.lead_and_parties", lead=lead, parties=parties))
        summary.update(visible_rich(text))
        commitments = commitments_of(action.id, self.editor.items(Commitment))
        commitments.sort(key=lambda c: (COMMITMENT_ROLES.index(c.role), c.created_at))
        table.show_rows([
            (c.id, [Text(c.party.name), Text(role_label(c.role)), Text(c.text)])
            for c in commitments
        ])

    # ---- keys ------------------------------------------------------------------------------

    def action_switch_part(self) -> None:
        table = self.query_one("#commitments", RecordTable)
        if table.has_focus:
            self.grid.focus()
        else:
            table.focus()

    def on_record_table_requested(self, event: RecordTable.Requested) -> None:
        event.stop()
        action = self._action()
        commitment = self.editor.get(Commitment, event.row) if event.row else None
        if event.what == "delete" and commitment is not None:
            self.attempt(t("tui.record.delete"), lambda: self.editor.delete(commitment))
        elif event.what == "edit" and commitment is not None and action is not None:
            self._form(action, commitment)
        elif event.what == "add" and action is not None:
            self._form(action, None)

    def _names(self, action: Action) -> list[str]:
        """Who can commit: the action's lead and parties, then stakeholders, municipalities."""
        names = ([action.lead.name] if action.lead else []) + [p.name for p in action.parties]
        stakeholders, profile = self.editor.items(Stakeholder), self.editor.meta.profile
        names += ranked_party_names((), stakeholders, profile)
        # Each party once: "Hoorn" and "Gemeente Hoorn" are one.
        lookup = PartyLookup(stakeholders, profile.municipalities)
        once: dict[str, str] = {}
        for name in names:
            once.setdefault(lookup.key(name), name)
        return list(once.values())

    def _party(self, name: str) -> PartyRef:
        """A name as a party, linked to the stakeholder of that name when there is one."""
        return linked(name, self.editor.items(Stakeholder), self.editor.meta.profile.municipalities)

    def _first_uncommitted(self, action: Action) -> tuple[str, str]:
        """The party a new commitment most likely is for: the lead, then each party in turn."""
        done = {c.party.name.casefold()
                for c in commitments_of(action.id, self.editor.items(Commitment))}
        candidates: Sequence[tuple[str, str]] = (
            ([(action.lead.name, "trekker")] if action.lead else [])
            + [(p.name, "partner") for p in action.parties]
        )
        return next(((name, role) for name, role in candidates if name.casefold() not in done),
                    ("", "partner"))

    def _form(self, action: Action, commitment: Commitment | None) -> None:
        if commitment is not None:
            name, role = commitment.party.name, commitment.role
        else:
            name, role = self._first_uncommitted(action)

        def submit(values: FormValues) -> None:
            party = self._party(values["party"])
            if commitment is None:
                self.editor.add(Commitment(action_id=action.id, party=party,
                                           role=values["role"], text=values["text"]))
            else:
                self.editor.update(commitment, party=party, role=values["role"],
                                   text=values["text"])
            self.refresh_if_stale()

        fields: list[Field] = [
            TextField("party", t("tui.partners.col_party"), name, required=True,
                      suggestions=self._names(action)),
            ChoiceField("role", t("tui.partners.col_role"),
                        [(key, role_label(key)) for key in COMMITMENT_ROLES], (role,),
                        required=True),
            TextField("text", t("tui.partners.col_text"),
                      commitment.text if commitment else ""),
        ]
        title = t("tui.partners.new" if commitment is None else "tui.partners.edit",
                  action=action.title[:50])
        self.app.push_screen(FormDialog(title, fields, submit))
