"""File names from titles, and names that never land on an existing file."""

from __future__ import annotations

from pathlib import Path

from pact_tui.model.file_names import free_path, title_slug


def test_a_title_becomes_plain_words_with_dashes_cut_at_the_limit() -> None:
    assert title_slug("Pact 7.1: Uitvoering — Één", 60) == "pact-7-1-uitvoering-een"
    assert title_slug("Werksessie wonen", 11) == "werksessie"  # no dash left at the end
    assert title_slug("¿¡!", 60) == ""


def test_a_taken_name_gets_a_number_before_its_suffix(tmp_path: Path) -> None:
    assert free_path(tmp_path, "verslag.md") == tmp_path / "verslag.md"
    (tmp_path / "verslag.md").write_text("", encoding="utf-8")
    (tmp_path / "verslag-2.md").write_text("", encoding="utf-8")
    assert free_path(tmp_path, "verslag.md") == tmp_path / "verslag-3.md"
