"""Three breakout groups start from the demo programme, change it as groups do, and merge.

Through the command line: the right duplicates are suggested (a typo copy, a renamed
stakeholder, a paraphrase) and a look-alike is not; combining makes no mixture; the
losing side of every conflict is in the report and in the file, word for word; two groups
changing different fields of one action both count; an action kept over its deletion
keeps its commitments; and the programme's earlier sessions survive a merge without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pact_tui.model import Action, Commitment, PartyRef, Session, Stakeholder
from pact_tui.store import SessionFile, read_session

TYPO = "Regionale woningbouwmonitr opzetten"
LOKET_B = "Regionaal energieloket voor inwoners opzetten"
LOKET_C = "Eén energieloket voor alle inwoners van de regio"
STARTERS = "Starterslening in alle zeven gemeenten invoeren"
BLIJVERS = "Blijverslening in alle zeven gemeenten invoeren"
GOAL_A = "Elk half jaar een overzicht van plannen, bouwstarts en opleveringen per kern."
GOAL_B = ("Elk kwartaal een overzicht per gemeente, met de urgentieregeling en de wachttijden "
          "voor sociale huur erbij, zodat de raden kunnen bijsturen.")


def _action(session: SessionFile, title: str) -> Action:
    return next(a for a in session.list(Action) if a.title == title)


@pytest.fixture
def breakouts(cli, sessions_dir: Path, tmp_path: Path) -> dict[str, Path]:
    assert cli("demo", "--no-open").code == 0
    programme = next(p for p in sessions_dir.glob("*.json")
                     if read_session(p).meta.kind == "programme")
    paths = {}
    for group in "ABC":
        made = cli("session", "new", f"Breakout {group}", "--date", "2020-03-0" + str(
            "ABC".index(group) + 2), "--from", programme)
        assert made.code == 0, made.err
        paths[group] = Path(made.out.strip())
    paths["programme"] = programme

    with SessionFile.open(paths["A"]) as a:
        a.add(Action(theme="wonen", title=TYPO))
        a.add(Stakeholder(name="gem. Hoorn", category="gemeente"))
        a.add(Action(theme="wonen", title=STARTERS,
                     goal="Starters kunnen lenen voor een eerste huis."))
        monitor = _action(a, "Regionale woningbouwmonitor opzetten")
        a.update(monitor.edited(goal=GOAL_A))
        flex = _action(a, "Flexwoningen voor starters en spoedzoekers")
        for commitment in a.list(Commitment):
            if commitment.action_id == flex.id:
                a.delete(Commitment, commitment.id)
        a.delete(Action, flex.id)
    with SessionFile.open(paths["B"]) as b:
        b.add(Action(theme="energie", title=LOKET_B))
        b.add(Action(theme="wonen", title=BLIJVERS,
                     goal="Ouderen kunnen lenen om hun huis aan te passen."))
        b.update(_action(b, "Regionale woningbouwmonitor opzetten").edited(goal=GOAL_B))
        flex = _action(b, "Flexwoningen voor starters en spoedzoekers")
        b.update(flex.edited(goal="In 2027 staan er 200 flexwoningen."))
        pool = _action(b, "Regionale expertpool voor woningbouwprojecten")
        b.update(pool.edited(notes="Eerst Opmeer en Koggenland."))
    with SessionFile.open(paths["C"]) as c:
        c.add(Action(theme="energie", title=LOKET_C))
        pool = _action(c, "Regionale expertpool voor woningbouwprojecten")
        c.update(pool.edited(parties=(*pool.parties, PartyRef(name="Bouwend Nederland"))))
    return paths


def _titles(session: Session, table: str = "actions") -> list[str]:
    return [item.label() for item in session.items(table)]


def test_breakout_groups_merge_without_losing_a_word(cli, breakouts, tmp_path: Path) -> None:
    out, report = tmp_path / "programma.json", tmp_path / "verslag.md"

    merged = cli("merge", breakouts["A"], breakouts["B"], breakouts["C"], "-o", out,
                 "--report", report, "--conflicts", "newest")

    assert merged.code == 0, merged.err
    text = merged.out
    # The right suggestions, each with its reason; the look-alike is not among them.
    apart = text.split("Mogelijk dubbel, nog door een persoon te beslissen (niet samengevoegd):")[1]
    assert f"lijkt op ‘{TYPO}’" in apart or f"‘{TYPO}’ lijkt op" in apart
    assert "‘gem. Hoorn’" in apart and "dezelfde naam na normaliseren" in apart
    assert LOKET_B in apart and LOKET_C in apart and "zelfde idee, andere woorden" in apart
    assert not (STARTERS in apart and BLIJVERS in apart)
    # The conflicting goal: both versions whole in the report, the loser in the file.
    assert GOAL_A in text and GOAL_B in text
    assert GOAL_A in report.read_text("utf-8") and GOAL_B in report.read_text("utf-8")
    programme = read_session(out)
    monitor = next(a for a in programme.actions
                   if a.title == "Regionale woningbouwmonitor opzetten")
    lost_goals = {v.content["goal"] for v in monitor.history if v.content}
    assert {monitor.goal} | lost_goals == {GOAL_A, GOAL_B}
    assert "nieuwste volgens de tijdstempels" in text
    # Deleted in A, edited later in B: the edit is kept with its commitments.
    flex = next(a for a in programme.actions if a.title.startswith("Flexwoningen"))
    assert flex.goal == "In 2027 staan er 200 flexwoningen."
    assert any(c.action_id == flex.id for c in programme.commitments)
    assert "verwijderen, in Breakout A" in text
    # Different fields of one action changed by two groups: both apply, no conflict.
    pool = next(a for a in programme.actions if a.title.startswith("Regionale expertpool"))
    assert pool.notes == "Eerst Opmeer en Koggenland."
    assert "Bouwend Nederland" in [p.name for p in pool.parties]
    # History travels: the demo's three sessions are still the programme's sources.
    sources = {origin.title for origin in programme.meta.sources}
    assert {"Stakeholders en stand van zaken", "Thema-overstijgende opgaven"} <= sources
    assert len({p.organisation for p in programme.meta.participants}) >= 20

    # Merging the same inputs again with the result raises nothing again.
    again = cli("merge", breakouts["A"], breakouts["B"], breakouts["C"], out,
                "-o", tmp_path / "opnieuw.json")
    assert again.code == 0, again.err
    assert read_session(tmp_path / "opnieuw.json").actions == programme.actions


def test_combining_the_suggestions_makes_no_mixture(cli, breakouts, tmp_path: Path) -> None:
    out = tmp_path / "programma.json"
    merged = cli("merge", breakouts["A"], breakouts["B"], breakouts["C"], breakouts["programme"],
                 "-o", out, "--conflicts", "newest", "--duplicates", "combine")
    assert merged.code == 0, merged.err
    programme = read_session(out)
    titles = _titles(programme)
    assert TYPO not in titles and "Regionale woningbouwmonitor opzetten" in titles
    assert "gem. Hoorn" not in _titles(programme, "stakeholders")
    starters = next(a for a in programme.actions if a.title == STARTERS)
    blijvers = next(a for a in programme.actions if a.title == BLIJVERS)
    assert starters.goal == "Starters kunnen lenen voor een eerste huis."
    assert blijvers.goal == "Ouderen kunnen lenen om hun huis aan te passen."
    loket = [a for a in programme.actions if "energieloket" in a.title.lower()]
    for action in loket:  # each survivor is one action as written, the others its history
        written = {a.title: a.goal for a in (*read_session(breakouts["B"]).actions,
                                              *read_session(breakouts["C"]).actions)}
        assert action.goal == written[action.title]


def test_the_schema_describes_what_a_merge_keeps(cli) -> None:
    printed = cli("schema")
    assert printed.code == 0
    for name in ("history", "kept_apart", "earlier_sessions", "earlier_participants", "removed",
                 "trail", "deletions"):
        assert f'"{name}"' in printed.out
