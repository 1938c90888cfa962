"""Voting mode: a round's tally typed by keys only, saved at once, undone, sorted, filtered."""

from __future__ import annotations

from pathlib import Path

from pact_tui.model import Action, Challenge, SessionMeta, VotingRound
from pact_tui.store import SessionFile, read_session
from pact_tui.tui.follow import FollowState, read_follow
from pact_tui.tui.screens.voting import VotingScreen
from tests.tui.conftest import open_voting

SIZE = (100, 30)


def _actions(n: int) -> tuple[Action, ...]:
    return tuple(Action(theme="wonen", title=f"Actie {i:02d}", position=i) for i in range(n))


def _counts(path: Path) -> list[int]:
    session = read_session(path)
    (voting,) = session.meta.voting_rounds
    ordered = sorted(session.actions, key=lambda a: a.position)
    return [a.votes.get(voting.id, 0) for a in ordered]


async def test_a_round_of_30_counts_is_typed_by_keys_only_and_saved(ui, make_session) -> None:
    path = make_session(actions=_actions(30))
    counts = [(i * 7) % 10 for i in range(29)] + [12]
    app = ui.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_voting(app, pilot, ui, "acties", "Stippen plakken / 3")
        keys: list[str] = []
        for number in counts:
            keys += [*str(number), "enter"] if number else ["enter"]
        await pilot.press(*keys)
        assert "144 stemmen op 27 van de 30" in ui.text(app)
        assert "Stippen plakken" in ui.text(app) and "3 stippen per persoon" in ui.text(app)
        assert app.editor is not None
        app.editor.flush()
    assert _counts(path) == counts
    (voting,) = read_session(path).meta.voting_rounds
    assert (voting.name, voting.dots) == ("Stippen plakken", 3)


async def test_plus_minus_backspace_and_undo_of_a_count(ui, make_session, profile) -> None:
    voting = VotingRound(name="Ronde 1")
    meta = SessionMeta(profile=profile, title="Sessie", voting_rounds=(voting,))
    path = make_session(meta=meta, actions=_actions(3))
    app = ui.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_voting(app, pilot, ui, "acties")
        await pilot.press("4", "enter", "up", "plus", "plus", "down", "9", "enter",
                          "up", "backspace")
        assert app.editor is not None
        await pilot.press("ctrl+z")  # the cleared 9 comes back
        await pilot.press("ctrl+z")  # and then goes: the second row had no votes before
        assert "6 stemmen op 1 van de 3" in ui.text(app)
        await pilot.press("up", "minus", "minus", "minus", "minus", "minus")
        assert "1 stem op 1 van de 3" in ui.text(app)
        app.editor.flush()
    assert [a.votes.get(voting.id, 0) for a in read_session(path).actions] == [1, 0, 0]


async def test_sort_and_top_show_the_most_voted_first(ui, make_session, profile) -> None:
    voting = VotingRound(name="Ronde 1")
    meta = SessionMeta(profile=profile, title="Sessie", voting_rounds=(voting,))
    actions = tuple(a.model_copy(update={"votes": {voting.id: n} if n else {}})
                    for a, n in zip(_actions(12), [1, 0, 5, 3, 8, 0, 2, 4, 7, 6, 9, 10],
                                    strict=True))
    path = make_session(meta=meta, actions=actions)
    app = ui.app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_voting(app, pilot, ui, "acties")
        await pilot.press("s")
        assert screen.current is not None and screen.current.title == "Actie 11"
        await pilot.press("s", "t", "t")  # the top 5
        assert screen.top_size == 5
        rows = ui.text(app)
        shown = [line.split("│")[0].split()[-2:] for line in rows.splitlines()[4:10]]
        assert [" ".join(words) for words in shown] == [
            "Actie 11", "Actie 10", "Actie 04", "Actie 08", "Actie 09", ""]
        assert "alleen de top 5" in rows


async def test_challenges_are_counted_too(ui, make_session) -> None:
    path = make_session(challenges=(Challenge(title="Krapte", themes=("wonen",)),))
    app = ui.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_voting(app, pilot, ui, "opgaven", "Opgaven kiezen")
        await pilot.press("3", "enter")
        assert app.editor is not None
        app.editor.flush()
    session = read_session(path)
    assert session.challenges[0].votes == {session.meta.voting_rounds[0].id: 3}


async def test_a_read_only_session_refuses_voting_in_one_sentence(ui, make_session) -> None:
    path = make_session(actions=_actions(2))
    with SessionFile.open(path):  # another program holds the file
        app = ui.app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.show_phase("acties")
            await pilot.pause()
            await pilot.press("ctrl+g")
            await pilot.pause()
            assert not isinstance(app.screen, VotingScreen)
            assert [n.message for n in app._notifications] == [
                "Deze sessie is alleen-lezen, dus er kunnen geen stemmen bij."]


async def test_counts_typed_in_one_burst_with_the_key_that_opens_voting_all_land(
        ui, make_session, profile) -> None:
    from textual import events

    voting = VotingRound(name="Ronde 1")
    meta = SessionMeta(profile=profile, title="Sessie", voting_rounds=(voting,))
    path = make_session(meta=meta, actions=_actions(5))
    app = ui.app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_phase("acties")
        await pilot.pause()
        driver = app._driver
        assert driver is not None
        for key, character in [("ctrl+g", None), ("2", "2"), ("enter", "\r"), ("5", "5"),
                               ("enter", "\r"), ("1", "1"), ("0", "0"), ("enter", "\r")]:
            event = events.Key(key, character)
            event.set_sender(app)
            driver.send_message(event)
        await ui.wait_until(pilot, lambda: isinstance(app.screen, VotingScreen)
                            and "17 stemmen op 3 van de 5" in ui.text(app))
        assert app.editor is not None
        app.editor.flush()
    assert _counts(path) == [2, 5, 10, 0, 0]


async def test_voting_mode_tells_the_room_view_it_is_open(ui, make_session) -> None:
    path = make_session(actions=(Action(theme="wonen", title="Monitor"),))
    app = ui.app(path)
    async with app.run_test() as pilot:
        await open_voting(app, pilot, ui, "acties", "Stippen")
        await ui.wait_until(pilot, lambda: (read_follow(path) or FollowState()).voting,
                            "the sidecar says voting")
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: not (read_follow(path) or FollowState()).voting,
                            "the sidecar says voting is over")
