"""Typing in one grid cell, without an app: choices, party completion, column widths."""

from __future__ import annotations

from pact_tui.tui.widgets.grid import CellKind, Column, Option, split_parties
from pact_tui.tui.widgets.grid.cell_editor import NO_CHANGE, CellEdit
from pact_tui.tui.widgets.grid.columns import layout

THEMES = [Option("wonen", "Wonen en Leefbaarheid"), Option("energie", "Energietransitie"),
          Option("zorg", "Zorg en Sociaal domein")]
NAMES = [Option(n, n) for n in ("Hoorn", "Intermaris", "Enkhuizen", "Woonstichting Het Grootslag")]


def column(kind: CellKind) -> Column:
    return Column("c", "C", str, kind)


def start(kind: CellKind, original: str, first_key: str | None,
          options: list[Option] | None = None) -> CellEdit:
    return CellEdit.start(column(kind), "r", original, first_key, lambda: options or [])


def typed(edit: CellEdit, text: str) -> CellEdit:
    for character in text:
        edit.insert(character)
    return edit


def test_a_first_key_replaces_the_text_and_enter_gives_it() -> None:
    edit = start(CellKind.TEXT, "oud", "n")
    typed(edit, "ieuw")
    assert edit.result() == "nieuw"


def test_editing_from_the_text_keeps_it_until_typed() -> None:
    edit = start(CellKind.TEXT, "oud", None)
    assert edit.result() is NO_CHANGE
    edit.end()
    typed(edit, "er")
    assert edit.result() == "ouder"
    edit.home()
    edit.delete()
    edit.move(3)
    edit.backspace()
    assert edit.result() == "udr"


def test_markup_is_just_text() -> None:
    edit = typed(start(CellKind.TEXT, "", None), "[bold]x[/x]")
    assert edit.result() == "[bold]x[/x]"


def test_a_choice_takes_a_digit() -> None:
    edit = start(CellKind.CHOICE, "", "3", THEMES)
    assert edit.result() == "zorg"


def test_a_choice_takes_fuzzy_type_ahead() -> None:
    assert typed(start(CellKind.CHOICE, "", None, THEMES), "ener").result(
    ) == "energie"
    assert typed(start(CellKind.CHOICE, "", None, THEMES), "sociaal"
                 ).result() == "zorg"
    assert typed(start(CellKind.CHOICE, "", None, THEMES), "enrgie"
                 ).result() == "energie"


def test_a_choice_that_matches_nothing_changes_nothing() -> None:
    edit = typed(start(CellKind.CHOICE, "", None, THEMES), "9")
    assert edit.result() is NO_CHANGE


def test_the_drop_down_can_be_walked() -> None:
    edit = start(CellKind.CHOICE, "", None, THEMES)
    edit.clear()
    assert edit.move_highlight(1)
    assert edit.move_highlight(1)
    assert [s.number for s in edit.suggestions] == [1, 2, 3]


def test_typed_party_names_are_kept_unless_a_suggestion_is_taken() -> None:
    edit = start(CellKind.PARTIES, "", "h", NAMES)
    typed(edit, "oo")
    assert edit.highlight is None and edit.suggestions[0].value == "Hoorn"
    assert edit.take_suggestion()  # → at the end of the name
    typed(edit, ";inter;Rabobank;Enkh")
    assert edit.result() == ["Hoorn", "inter", "Rabobank", "Enkh"]


def test_walking_the_list_then_enter_takes_that_suggestion() -> None:
    edit = typed(start(CellKind.PARTIES, "", None, NAMES), "Intermaris; h")
    assert edit.move_highlight(1)
    assert edit.result() == ["Intermaris", "Hoorn"]


def test_the_last_party_can_be_corrected() -> None:
    edit = typed(start(CellKind.PARTIES, "", None, NAMES), "Intermaris; Hoornn")
    edit.backspace()
    assert edit.result() == ["Intermaris", "Hoorn"]
    edit = typed(start(CellKind.PARTIES, "Intermaris; Enkhuizen", None, NAMES, ), "")
    edit.end()
    for _ in "Enkhuizen":
        edit.backspace()
    typed(edit, "IT-bedrijven")
    assert edit.result() == ["Intermaris", "IT-bedrijven"]


def test_a_party_group_becomes_its_members() -> None:
    groups = {"7g": ("Gemeente Hoorn", "Gemeente Enkhuizen")}
    grouped = Column("c", "C", str, CellKind.PARTIES, expand=groups.get)
    edit = CellEdit.start(grouped, "r", "", None, lambda: NAMES)
    typed(edit, "Intermaris;7g;")
    assert edit.text == "Intermaris; Gemeente Hoorn; Gemeente Enkhuizen; "
    edit = CellEdit.start(grouped, "r", "", None, lambda: NAMES)
    assert typed(edit, "7g").result() == ["Gemeente Hoorn", "Gemeente Enkhuizen"]


def test_a_completed_party_is_not_offered_twice() -> None:
    edit = typed(start(CellKind.PARTIES, "", None, NAMES), "Hoorn; ho")
    assert "Hoorn" not in [s.value for s in edit.suggestions]


def test_a_lead_completes_one_name_when_taken() -> None:
    edit = typed(start(CellKind.PARTY, "", None, NAMES), "enk")
    assert edit.result() == "enk"
    edit = typed(start(CellKind.PARTY, "", None, NAMES), "enk")
    assert edit.take_suggestion()
    assert edit.result() == "Enkhuizen"
    edit = typed(start(CellKind.PARTY, "", None, NAMES), "Zzyzx BV")
    assert edit.result() == "Zzyzx BV"


def test_a_longer_typed_name_is_never_cut_to_a_shorter_one() -> None:
    edit = typed(start(CellKind.PARTY, "", None, NAMES), "Gemeente Hoorn")
    assert edit.result() == "Gemeente Hoorn"
    edit = typed(start(CellKind.PARTIES, "", None, NAMES), "Intermaris; Gemeente Enkhuizen")
    assert edit.result() == ["Intermaris", "Gemeente Enkhuizen"]


def test_a_typo_is_offered_a_correction_but_kept_unless_taken() -> None:
    edit = typed(start(CellKind.PARTY, "", None, NAMES), "Intermars")
    assert edit.suggestions[0].value == "Intermaris"
    assert edit.result() == "Intermars"
    edit = typed(start(CellKind.PARTY, "", None, NAMES), "Intermars")
    edit.move_highlight(1)
    assert edit.result() == "Intermaris"


def test_split_parties_drops_empties_and_doubles() -> None:
    assert split_parties(" Hoorn ;; Intermaris; Hoorn ;") == ["Hoorn", "Intermaris"]


def test_columns_fill_the_width_exactly() -> None:
    columns = [Column("a", "A", str, min_width=8, ratio=1), Column("b", "B", str, min_width=10,
                                                                   ratio=3)]
    for width in (80, 120, 30, 12):
        widths = layout(columns, width)
        assert sum(widths) + 1 == width
    assert layout(columns, 120)[1] > layout(columns, 80)[1]
