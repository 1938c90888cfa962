"""Footer, palette and help screen: the keys a facilitator needs are in sight at 80 columns,
every key of a screen is one `?` away, and the palette speaks Dutch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import CommandPalette

from pact_tui.i18n import t
from pact_tui.model import Action
from pact_tui.tui.app import PROJECTOR_THEMES
from pact_tui.tui.commands import PactCommands
from pact_tui.tui.modals.key_help import KeyHelpModal
from pact_tui.tui.screens.actions import ActionsScreen
from tests.tui.conftest import open_actions, open_voting

if TYPE_CHECKING:
    from tests.tui.conftest import MakeSession, Ui


def footer_line(ui: Ui, app: object) -> str:
    return ui.text(app).splitlines()[-1]  # type: ignore[arg-type]


async def test_the_acties_footer_shows_the_vote_count_and_help_at_80_columns(
        make_session: MakeSession, ui: Ui) -> None:
    app = ui.app(make_session(actions=(Action(theme="wonen", title="Bouwen"),)))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(app, pilot)
        await pilot.pause()
        footer = footer_line(ui, app)
        assert "^n Nieuwe actie" in footer and "^g Stemmen tellen" in footer
        assert "? help" in footer and "opdrachten" in footer
        app.show_phase("opgaven")
        await pilot.pause()
        assert "^g Stemmen tellen" in footer_line(ui, app)
        await open_voting(app, pilot, ui, "acties", "Stippen")
        await pilot.pause()
        footer = footer_line(ui, app)
        assert "m Impact/inspanning" in footer and "esc Terug" in footer and "? help" in footer


async def test_copy_from_above_is_offered_only_where_a_cell_can_be_typed(
        make_session: MakeSession, ui: Ui) -> None:
    app = ui.app(make_session(actions=(Action(theme="wonen", title="Bouwen"),)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for phase in ("partners", "overzicht"):
            app.show_phase(phase)
            await pilot.pause()
            assert "Kopieer van boven" not in footer_line(ui, app)
            titles = [str(hit.text) async for hit in PactCommands(app.screen).discover()]
            assert t("tui.grid.key.copy_above") not in titles, phase
        await open_actions(app, pilot)
        titles = [str(hit.text) async for hit in PactCommands(app.screen).discover()]
        assert t("tui.grid.key.copy_above") in titles


async def test_question_mark_lists_every_key_of_the_screen_and_types_in_a_cell(
        make_session: MakeSession, ui: Ui) -> None:
    app = ui.app(make_session(actions=(Action(theme="wonen", title="Bouwen"),)))
    async with app.run_test(size=(120, 70)) as pilot:
        screen = await open_actions(app, pilot)
        await pilot.press("question_mark")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, KeyHelpModal))
        shown = ui.text(app)
        for binding in ActionsScreen.BINDINGS:
            assert isinstance(binding, Binding)
            assert binding.description in shown, binding.description
        assert t("tui.grid.key.copy_above") in shown and t("tui.key.undo") in shown
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: app.screen is screen)

        await pilot.press("enter")  # editing the title: ? is a character like any other
        assert screen.grid.editing is not None
        await pilot.press("question_mark")
        assert screen.grid.editing is not None and screen.grid.editing.text.endswith("?")
        assert app.screen is screen


async def test_f1_on_the_home_screen_shows_its_keys(ui: Ui) -> None:
    app = ui.app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, KeyHelpModal))
        assert t("tui.home.key_merge") in ui.text(app)


async def test_the_palette_is_dutch_and_names_ctrl_x_as_the_filter_line_does(
        make_session: MakeSession, ui: Ui) -> None:
    app = ui.app(make_session(actions=(Action(theme="wonen", title="Bouwen"),)))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_actions(app, pilot)
        hits = [(str(hit.text), hit.help) async for hit in PactCommands(screen).discover()]
        titles = [title for title, _ in hits]
        for english in ("Copy selected text", "Cursor up", "Focus Next", "Move cursor left"):
            assert english not in titles
        columns = next(title for title, key in hits if key == "^x")
        assert columns.lower() in ui.text(app)  # "ctrl+x kolommen: prioriteit"

        system = [command.title for command in app.get_system_commands(app.screen)]
        colours = [title for title in system if title.startswith("Kleuren")]
        assert colours == ["Kleuren: donker", "Kleuren: licht"]
        assert len(PROJECTOR_THEMES) == 2

        await pilot.press("ctrl+p")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.pause()
        assert "Zoek een opdracht" in ui.text(app) and "Search" not in ui.text(app)
