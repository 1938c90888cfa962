"""The message catalogue: both languages say the same things, with the same blanks to fill."""

from __future__ import annotations

import string

from pact_tui.i18n import catalogue, set_language, t


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_dutch_and_english_have_the_same_keys() -> None:
    dutch, english = catalogue("nl"), catalogue("en")
    assert sorted(set(dutch) - set(english)) == []
    assert sorted(set(english) - set(dutch)) == []


def test_translations_fill_the_same_placeholders() -> None:
    dutch, english = catalogue("nl"), catalogue("en")
    differing = [key for key in dutch if placeholders(dutch[key]) != placeholders(english[key])]
    assert differing == []


def test_language_switches_every_message() -> None:
    assert t("model.field.goal") == "doel"
    set_language("en")
    assert t("model.field.goal") == "goal"


def test_unknown_key_shows_itself_instead_of_crashing() -> None:
    assert t("no.such.key") == "no.such.key"
