"""The benchmark harness: growth exponents, emptied caches, and a table that leaves nothing out."""

from __future__ import annotations

import pytest

from bench.harness import Figure, clear_caches, fitted_exponent, step_exponents, table
from pact_tui.merge.normalize import normalize_text


def test_step_exponents_are_one_for_linear_and_two_for_quadratic_growth() -> None:
    sizes = (300, 3_000, 30_000)
    assert step_exponents([(n, n * 1e-5) for n in sizes]) == pytest.approx([1.0, 1.0])
    assert step_exponents([(n, n * n * 1e-9) for n in sizes]) == pytest.approx([2.0, 2.0])


def test_a_fixed_cost_cannot_hide_a_quadratic_step_at_the_large_end() -> None:
    series = [(300, 0.141), (3_000, 0.553), (30_000, 15.8)]
    assert fitted_exponent(series) < 1.1
    assert max(step_exponents(series)) > 1.4


def test_clear_caches_empties_the_name_normalising_cache() -> None:
    normalize_text("Gemeente Hoorn")
    assert normalize_text.cache_info().currsize > 0
    clear_caches()
    assert normalize_text.cache_info().currsize == 0


def test_the_table_shows_every_figure_with_its_target_and_the_growth_table() -> None:
    figures = [
        Figure(name="open", value=2.0, unit="s", baseline_name="json.loads",
               baseline_value=0.5, target_ratio=4.0, note="split: imports 1 ms"),
        Figure(name="growth: export", value=1.46, unit="", baseline_name="linear growth",
               baseline_value=1.0, target_ratio=1.1,
               series=((300, 0.141), (3_000, 0.553), (30_000, 15.8))),
    ]
    printed = table(figures)
    assert "<= 4x" in printed and "<= 1.1x" in printed
    assert "3,000->30,000" in printed and "15.8 s" in printed
    assert "split: imports 1 ms" in printed
    assert printed.count("NO") == 2  # 4.00x > 4x is not; 1.46 > 1.1 is, in both tables


def test_growth_in_files_and_growth_in_actions_get_a_table_each() -> None:
    figures = [
        Figure(name="growth: open", value=1.0, unit="", baseline_name="linear growth",
               baseline_value=1.0, target_ratio=1.1,
               series=((300, 0.01), (3_000, 0.1), (30_000, 1.0))),
        Figure(name="growth: merge files", value=1.07, unit="", baseline_name="linear growth",
               baseline_value=1.0, target_ratio=1.1, series=((20, 0.5), (40, 1.0), (80, 2.1))),
    ]
    printed = table(figures)
    assert "3,000->30,000" in printed and "40->80" in printed
    assert "300->3,000" in printed and "20->40" in printed
    assert "20->300" not in printed  # sizes of one kind never mixed with the other
