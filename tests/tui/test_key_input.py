"""Keys as the terminal sends them, read by the app's parser: an Esc followed at once by
typing stays an Esc, however long the burst, and the terminal's own sequences still
read as the keys they are."""

from __future__ import annotations

from textual.events import Key

from pact_tui.tui.key_input import KeyParser

BURST = "Een burst van veertig tekens, zo snel!!"


def keys(data: str) -> list[str]:
    parser = KeyParser()
    return [event.key for event in parser.feed(data) if isinstance(event, Key)]


def test_esc_then_a_long_burst_is_esc_then_every_key() -> None:
    assert len(BURST) > 32  # more than Textual's parser waits for before it gives up
    assert keys("\x1b" + BURST) == ["escape", *keys(BURST)]
    assert keys("\x1b" + BURST)[1:4] == ["E", "e", "n"]


def test_esc_then_a_word_starting_with_o_is_esc_then_the_word() -> None:
    # Without care "\x1bOv" is read as the 6 of the number pad.
    assert keys("\x1bOverleg") == ["escape", "O", "v", "e", "r", "l", "e", "g"]


def test_the_terminals_own_sequences_still_read_as_keys() -> None:
    assert keys("\x1b[A\x1bOB\x1bOP\x1b[1;5C\x1b\x1bq") == [
        "up", "down", "f1", "ctrl+right", "escape", "escape", "q"]


def test_an_esc_at_the_end_of_one_read_and_typing_in_the_next() -> None:
    parser = KeyParser()
    assert list(parser.feed("\x1b")) == []
    assert [event.key for event in parser.feed("ab") if isinstance(event, Key)] == [
        "escape", "a", "b"]


def test_a_paste_is_left_whole() -> None:
    parser = KeyParser()
    pasted = [getattr(event, "text", None) for event in parser.feed(
        "\x1b[200~" + BURST + "\x1b[201~")]
    assert pasted == [BURST]
