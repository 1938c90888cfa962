"""Reading a file: any layout of the same JSON reads the same; problems read the same too."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pact_tui.model import Action, PartyRef, Session
from pact_tui.store import InvalidFileError, SessionFile, read_session, write_session

LAYOUTS: dict[str, Callable[[bytes], bytes]] = {
    "one line, as TinyDB writes it": lambda content: json.dumps(json.loads(content)).encode(),
    "indented by an editor": lambda content: json.dumps(json.loads(content), indent=2).encode(),
    "Windows line ends": lambda content: content.replace(b"\n", b"\r\n"),
    "a byte order mark": lambda content: b"\xef\xbb\xbf" + content,
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_of_the_same_json_reads_the_same(session_path: Path, session: Session,
                                                      layout: str) -> None:
    session_path.write_bytes(LAYOUTS[layout](session_path.read_bytes()))
    assert read_session(session_path) == session
    with SessionFile.open(session_path) as opened:
        assert opened.snapshot() == session
        opened.add(Action(theme="zorg", title="Erbij"))
    assert read_session(session_path).actions[-1].title == "Erbij"


def broken_both_ways(path: Path, old: str, new: str) -> tuple[str, str]:
    """The message for a change made in the file's own lines, and for it on one line."""
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InvalidFileError) as in_lines:
        read_session(path)
    path.write_text(json.dumps(json.loads(path.read_bytes()), ensure_ascii=False),
                    encoding="utf-8")
    with pytest.raises(InvalidFileError) as on_one_line:
        read_session(path)
    return str(in_lines.value), str(on_one_line.value)


@pytest.mark.parametrize(("old", "new", "says"), [
    ('"theme": "wonen", "title": "Flexwoningen', '"theme": "sport", "title": "Flexwoningen',
     "veld ‘thema’"),
    ('"title": "Flexwoningen voor starters"', '"title": ""', "veld ‘titel’"),
    ('"revision": 1', '"revision": "een"', "revisie"),
])
def test_a_problem_in_one_line_is_named_as_in_any_layout(session_path: Path, old: str, new: str,
                                                         says: str) -> None:
    in_lines, on_one_line = broken_both_ways(session_path, old, new)
    assert in_lines == on_one_line
    assert says in in_lines


def test_a_broken_line_is_reported_where_it_is(session_path: Path) -> None:
    lines = session_path.read_bytes().split(b"\n")
    lines[1] = lines[1][:-40]  # the first action's line, cut short
    session_path.write_bytes(b"\n".join(lines))
    with pytest.raises(InvalidFileError, match="geen geldige JSON \\(regel 2"):
        read_session(session_path)


def test_a_doc_id_twice_reads_as_json_does(session_path: Path, session: Session) -> None:
    # JSON keeps the last of two equal keys; so must the store.
    content = session_path.read_text(encoding="utf-8")
    first = next(line for line in content.splitlines() if line.startswith('"1": {"ambition_ids"'))
    other = session.actions[0].model_copy(update={"title": "De tweede"}).model_dump(mode="json")
    twice = f'{first},\n"1": {json.dumps(other, sort_keys=True, ensure_ascii=False)}'
    session_path.write_text(content.replace(first, twice, 1), encoding="utf-8")
    assert [action.title for action in read_session(session_path).actions] == ["De tweede"]


def test_a_table_of_another_program_must_still_be_json(session_path: Path) -> None:
    content = session_path.read_text(encoding="utf-8")
    session_path.write_text(content.replace('"status": {', '"notities": {\n"1": {kapot\n},\n'
                                            '"status": {', 1), encoding="utf-8")
    with pytest.raises(InvalidFileError, match="geen geldige JSON"):
        read_session(session_path)


def test_equal_parties_read_as_one_and_stay_apart_when_edited(tmp_path: Path,
                                                              session: Session) -> None:
    hoorn = PartyRef(name="Gemeente Hoorn", stakeholder_id=session.stakeholders[0].id)
    actions = tuple(Action(theme="wonen", title=f"Actie {number}", parties=(hoorn,), lead=hoorn)
                    for number in range(3))
    path = tmp_path / "gedeeld.json"
    write_session(path, session.model_copy(update={"actions": actions}))
    with SessionFile.open(path) as opened:
        first, second, _third = opened.list(Action)
        assert first.parties[0] is second.parties[0] is second.lead  # one object in memory
        renamed = first.edited(parties=(PartyRef(name="Gemeente Enkhuizen"),))
        opened.update(renamed)
        assert opened.get(Action, second.id) == second
        assert second.model_fields_set == first.model_fields_set
    stored = read_session(path).actions
    assert [action.parties[0].name for action in stored] == [
        "Gemeente Enkhuizen", "Gemeente Hoorn", "Gemeente Hoorn"]
    assert stored[1].model_dump(exclude_unset=True) == stored[1].model_dump()


def test_items_read_without_a_trail_still_share_their_field_names(tmp_path: Path,
                                                                  session: Session) -> None:
    # An empty trail is left out of the file; the items must still share one set of field
    # names (2 KB an action), or a big file no longer fits in memory.
    actions = tuple(Action(theme="wonen", title=f"Actie {number}") for number in range(2))
    path = tmp_path / "zonder-spoor.json"
    write_session(path, session.model_copy(update={"actions": actions}))
    first, second = read_session(path).actions
    assert "trail" not in path.read_text(encoding="utf-8")
    assert first.model_fields_set is second.model_fields_set
