"""Two breakout groups count votes in the files the command line gave them; the merge adds
them up per round and keeps a round of one group apart."""

from __future__ import annotations

from pathlib import Path

from pact_tui.model import Action, VotingRound
from pact_tui.store import SessionFile, read_session


def _programme(sessions_dir: Path) -> Path:
    return next(p for p in sessions_dir.glob("*.json")
                if read_session(p).meta.kind == "programme")


def test_a_merge_of_two_voting_breakouts_sums_their_votes(cli, sessions_dir: Path,
                                                          tmp_path: Path) -> None:
    assert cli("demo", "--no-open").code == 0
    programme = _programme(sessions_dir)
    stippen = VotingRound(name="Stippen plakken")
    with SessionFile.open(programme) as opened:
        opened.update_meta(opened.meta.model_copy(update={"voting_rounds": (stippen,)}))
    paths = []
    for group in "AB":
        made = cli("session", "new", f"Breakout {group}", "--from", programme)
        assert made.code == 0, made.err
        paths.append(Path(made.out.strip()))
    extra = VotingRound(name="Alleen groep B")
    first_three = {}
    for path, counts in zip(paths, ([3, 0, 5], [4, 2, 0]), strict=True):
        with SessionFile.open(path) as opened:
            if counts[0] == 4:
                opened.update_meta(opened.meta.model_copy(
                    update={"voting_rounds": (*opened.meta.voting_rounds, extra)}))
            actions = sorted(opened.list(Action), key=lambda a: a.position)[:3]
            for action, number in zip(actions, counts, strict=True):
                votes = {stippen.id: number} if number else {}
                if counts[0] == 4:
                    votes[extra.id] = 1
                opened.update(action.edited(votes=votes))
                first_three[action.id] = action.title

    out = tmp_path / "programma.json"
    merged = cli("merge", *paths, "-o", out)

    assert merged.code == 0, merged.err
    result = read_session(out)
    assert {r.name for r in result.meta.voting_rounds} == {"Stippen plakken", "Alleen groep B"}
    tallies = {a.id: a.votes for a in result.actions if a.id in first_three}
    assert [tallies[key].get(stippen.id, 0) for key in first_three] == [7, 2, 5]
    assert [tallies[key].get(extra.id, 0) for key in first_three] == [1, 1, 1]
