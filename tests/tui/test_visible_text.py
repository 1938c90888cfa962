"""Stored text is never a terminal command: control characters show as symbols; files keep them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pact_tui.model import Action, Stakeholder
from pact_tui.model.visible_text import visible
from pact_tui.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from tests.tui.conftest import MakeSession, Ui

TITLE_ATTACK = "\x1b]2;gekaapt\x07"
HIDE = "\x1b[8m"


def test_control_characters_become_control_pictures() -> None:
    assert visible(f"Sessie {TITLE_ATTACK}") == "Sessie ␛]2;gekaapt␇"
    assert visible(f"{HIDE}weg") == "␛[8mweg"
    assert visible("a\x7fb\x9bc") == "a␡b␦c"
    assert visible("regel\nregel") == "regel␊regel"
    assert visible("regel\nregel\tx", lines=True) == "regel\nregel\tx"


def test_bidi_overrides_that_reorder_what_is_read_become_a_symbol() -> None:
    assert visible("factuur\u202egpj.exe") == "factuur␦gpj.exe"
    assert visible("a\u2066b\u2069c", lines=True) == "a␦b␦c"


def test_joiners_and_other_letters_of_normal_text_are_kept() -> None:
    family = "👩\u200d👩\u200d👧"
    persian = "می\u200cخواهم"
    for text in (family, persian, "Coöperatie", "Stede Broec – Hoorn", "\u200fعربى"):
        assert visible(text) == text


async def test_escape_sequences_in_a_file_show_as_symbols_in_grid_header_detail_and_home(
    make_session: MakeSession, ui: Ui
) -> None:
    path = make_session(
        title=f"Werksessie {TITLE_ATTACK}",
        actions=(Action(theme="wonen", title=f"Bouwen {HIDE}verborgen",
                        goal=f"Doel {TITLE_ATTACK}"),),
        stakeholders=(Stakeholder(name=f"Intermaris{HIDE}"),),
    )
    before = path.read_bytes()
    app = ui.app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HomeScreen)
                            and "Werksessie" in ui.text(app))
        home = ui.text(app)
        assert "Werksessie ␛]2;gekaapt␇" in home and "\x1b" not in home
        app.open_session(path, "acties")
        await ui.wait_until(pilot, lambda: "Bouwen" in ui.text(app))
        screen = ui.text(app)
        assert "\x1b" not in screen and "\x07" not in screen
        header = screen.splitlines()[0]
        assert "Werksessie ␛]2;gekaapt␇" in header
        assert "Bouwen ␛[8mverborgen" in screen  # the grid cell and the detail pane
        assert "Doel ␛]2;gekaapt␇" in screen
        app.show_phase("stakeholders")
        await ui.wait_until(pilot, lambda: "Intermaris" in ui.text(app))
        assert "Intermaris␛[8m" in ui.text(app) and "\x1b" not in ui.text(app)
        app.show_phase("sessie")  # the title in its field; passing through it changes nothing
        await ui.wait_until(pilot, lambda: any(
            line.strip().startswith("Titel") and "gekaapt␇" in line
            for line in ui.text(app).splitlines()))
        await pilot.press("tab", "tab", "tab")
        assert app.editor is not None and app.editor.flush()
        assert "\x1b" not in ui.text(app)
    assert path.read_bytes() == before  # shown differently, stored as it was
