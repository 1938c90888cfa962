"""`pact-tui merge` with real files: exit codes, the report, and what is (not) written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pact_tui.cli import main
from pact_tui.model import Commitment, PartyRef
from pact_tui.store import read_session, write_session


@pytest.fixture()
def files(mb, profile, tmp_path: Path) -> dict[str, Path]:
    """A programme and three sessions from it: one change each, two of them clashing."""
    build = mb.action("Woningbouw versnellen", goal="500 woningen")
    charge = mb.action("Laadpalen plaatsen", theme="energie")
    base = mb.programme(profile, build, charge)
    wonen = mb.edit(mb.started(base, "Wonen"), build.id, goal="600 woningen")
    energie = mb.add(mb.started(base, "Energie"),
                     mb.action("Meer laadpalen plaatsen", theme="energie"))
    zorg = mb.add(mb.started(base, "Zorg"), mb.action("Meer laadpalen plaatsen!", theme="energie"))
    clash = mb.edit(mb.started(base, "Clash"), build.id, goal="700 woningen")
    paths = {}
    for name, session in (("base", base), ("wonen", wonen), ("energie", energie),
                          ("zorg", zorg), ("clash", clash)):
        paths[name] = tmp_path / f"{name}.json"
        write_session(paths[name], session)
    return paths


def _run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_clean_merge_writes_a_programme_that_check_accepts(files, tmp_path, capsys) -> None:
    out, report = tmp_path / "programma.json", tmp_path / "verslag.md"
    code, text, _ = _run(capsys, "merge", files["base"], files["wonen"], files["energie"],
                         files["zorg"], "-o", out, "--report", report)

    assert code == 0
    assert "Actie: 2 toegevoegd, 1 gewijzigd, 1 ongewijzigd" in text
    assert "lijkt op" in text
    assert f"Programma geschreven naar {out}" in text
    programme = read_session(out)
    assert programme.meta.kind == "programme"
    assert {a.goal for a in programme.actions} >= {"600 woningen"}
    assert report.read_text("utf-8").startswith("# Samenvoeging van 4 bestanden")
    assert _run(capsys, "check", out)[0] == 0


def test_combining_duplicates_from_the_command_line(files, tmp_path, capsys) -> None:
    out = tmp_path / "programma.json"
    code, text, _ = _run(capsys, "merge", files["energie"], files["zorg"], "-o", out,
                         "--duplicates", "combine")
    assert code == 0
    assert "is opgegaan in ‘Meer laadpalen plaatsen’" in text
    assert len(read_session(out).actions) == 3


def test_open_conflicts_exit_1_list_them_and_write_nothing(files, tmp_path, capsys) -> None:
    out = tmp_path / "programma.json"
    code, text, error = _run(capsys, "merge", files["wonen"], files["clash"], "-o", out)

    assert code == 1
    assert "Conflicten, nog te beslissen:" in text
    assert "doel: ‘600 woningen’ in Wonen" in text and "doel: ‘700 woningen’ in Clash" in text
    assert "--conflicts newest" in error
    assert not out.exists()


def test_newest_settles_conflicts(files, tmp_path, capsys) -> None:
    out = tmp_path / "programma.json"
    code, _, _ = _run(capsys, "merge", files["wonen"], files["clash"], "-o", out,
                      "--conflicts", "newest")
    assert code == 0
    assert "700 woningen" in {a.goal for a in read_session(out).actions}


def test_bad_inputs_are_each_named_and_nothing_is_written(files, tmp_path, capsys) -> None:
    broken = tmp_path / "kapot.json"
    broken.write_text("{ niet af", "utf-8")
    missing = tmp_path / "weg.json"
    out = tmp_path / "programma.json"

    code, _, error = _run(capsys, "merge", files["wonen"], broken, missing, "-o", out)

    assert code == 2
    assert str(broken) in error and str(missing) in error
    assert "2 van de 3 invoerbestanden" in error
    assert "Traceback" not in error
    assert not out.exists()


def test_an_input_is_never_the_output(files, capsys) -> None:
    before = files["wonen"].read_bytes()
    code, _, error = _run(capsys, "merge", files["wonen"], files["energie"], "-o", files["wonen"],
                          "--force")
    assert code == 2
    assert "invoerbestand" in error
    assert files["wonen"].read_bytes() == before


def test_an_existing_output_is_replaced_only_with_force(files, tmp_path, capsys) -> None:
    out = tmp_path / "programma.json"
    out.write_text("oud", "utf-8")
    code, _, error = _run(capsys, "merge", files["wonen"], "-o", out)
    assert code == 2 and "--force" in error
    assert out.read_text("utf-8") == "oud"

    assert _run(capsys, "merge", files["wonen"], "-o", out, "--force")[0] == 0
    assert read_session(out).meta.kind == "programme"


def test_the_installed_command_merges(files, tmp_path) -> None:
    out = tmp_path / "programma.json"
    command = Path(sys.executable).parent / "pact-tui"
    done = subprocess.run([str(command), "--lang", "en", "merge", str(files["wonen"]),
                           str(files["energie"]), "-o", str(out)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Programme written to" in done.stdout
    assert read_session(out).meta.kind == "programme"


def test_three_sessions_from_the_demo_merge_into_a_programme_check_accepts(
        mb, tmp_path, capsys) -> None:
    sessions_dir = tmp_path / "sessions"
    assert _run(capsys, "--sessions-dir", sessions_dir, "demo", "--no-open")[0] == 0
    [programme_path] = [p for p in sessions_dir.glob("*.json")
                        if read_session(p).meta.kind == "programme"]
    paths = []
    for title in ("Groep wonen", "Groep energie", "Groep zorg"):
        code, out, _ = _run(capsys, "--sessions-dir", sessions_dir, "session", "new", title,
                            "--from", programme_path)
        assert code == 0
        paths.append(Path(out.strip()))
    wonen, energie, zorg = (read_session(path) for path in paths)
    first, second = wonen.actions[0], wonen.actions[1]
    wonen = mb.edit(wonen, first.id, goal="Eén loket voor alle zeven gemeenten")
    energie = mb.edit(energie, first.id, goal="Een loket per gemeente")
    energie = mb.add(energie, mb.stakeholder("gem. Wervershoof"),
                     mb.action("Buurtbatterijen plaatsen in elke kern", theme="energie"))
    zorg = mb.drop(zorg, second.id)
    zorg = mb.add(zorg, mb.stakeholder("Gemeente  wervershoof"),
                  mb.action("Buurtbatterij plaatsen in elke kern", theme="energie"))
    for path, session in zip(paths, (wonen, energie, zorg), strict=True):
        write_session(path, session, overwrite=True)
    out = tmp_path / "programma.json"

    code, text, _ = _run(capsys, "merge", *paths, "-o", out)
    assert code == 1 and not out.exists()
    assert "Conflicten, nog te beslissen:" in text

    code, text, _ = _run(capsys, "merge", *paths, programme_path, "-o", out,
                         "--conflicts", "newest", "--duplicates", "combine")

    assert code == 0, text
    assert "Verwijderd:" in text and "is opgegaan in" in text
    merged = read_session(out)
    titles = [action.title for action in merged.actions]
    assert second.title not in titles
    assert sum("Buurtbatterij" in title for title in titles) == 1
    assert sum("ervershoof" in s.name for s in merged.stakeholders) == 1
    assert {a.goal for a in merged.actions if a.id == first.id} == {"Een loket per gemeente"}
    assert _run(capsys, "check", out)[0] == 0


def test_sessions_of_different_regions_are_refused_in_one_sentence(mb, profile, files,
                                                                   tmp_path, capsys) -> None:
    elders = tmp_path / "elders.json"
    write_session(elders, mb.fresh(profile.model_copy(update={"name": "Elders"}), "Elders"))
    out = tmp_path / "programma.json"

    code, _, error = _run(capsys, "merge", files["wonen"], elders, "-o", out)

    assert code == 2
    assert "verschillende regioprofielen" in error and "Elders" in error
    assert error.count("\n") == 1
    assert not out.exists()


def _leads_and_partners(mb, profile, tmp_path: Path) -> dict[str, Path]:
    """Two groups add the same new action with the same partner; two more add look-alikes
    with different leads, and one only in other words."""
    hoorn, enkhuizen = mb.stakeholder("Gemeente Hoorn"), mb.stakeholder("Gemeente Enkhuizen")
    base = mb.programme(profile, hoorn, enkhuizen)
    paths = {"base": tmp_path / "base.json"}
    write_session(paths["base"], base)
    for name, title, lead in (
            ("noord", "Fietsroutes tussen de kernen verbeteren", None),
            ("zuid", "Fietsroutes tussen de kernen verbeteren!", None),
            ("west", "Laadpalen plaatsen bij elk dorpshuis", hoorn),
            ("oost", "Laadpalen plaatsen bij elk dorpshuis!", enkhuizen)):
        lead_ref = None if lead is None else PartyRef(name=lead.name, stakeholder_id=lead.id)
        action = mb.action(title, theme="energie", lead=lead_ref)
        partner = Commitment(action_id=action.id, text=f"Denkt mee ({name})",
                             party=PartyRef(name=hoorn.name, stakeholder_id=hoorn.id))
        paths[name] = tmp_path / f"{name}.json"
        write_session(paths[name], mb.add(mb.started(base, name.title()), action, partner))
    return paths


def test_combine_takes_only_safe_doubles_and_leaves_different_leads_for_a_person(
        mb, profile, tmp_path, capsys) -> None:
    paths = _leads_and_partners(mb, profile, tmp_path)
    out = tmp_path / "programma.json"
    code, text, _ = _run(capsys, "merge", *paths.values(), "-o", out, "--duplicates", "combine")
    assert code == 0
    combined, left = text.split("Samengevoegd:\n")[1].split("Mogelijk dubbel, nog door een "
                                                            "persoon te beslissen")
    assert "Fietsroutes tussen de kernen verbeteren" in combined
    assert "Laadpalen" not in combined and "Laadpalen plaatsen bij elk dorpshuis" in left
    programme = read_session(out)
    leads = {a.lead.name for a in programme.actions if a.lead is not None}
    assert leads == {"Gemeente Hoorn", "Gemeente Enkhuizen"}  # neither lead hidden
    # The combined action has Hoorn once as partner, with the other group's words kept.
    [bike] = [a for a in programme.actions if a.title.startswith("Fietsroutes")]
    [partner] = [c for c in programme.commitments if c.action_id == bike.id]
    kept = {partner.text, *(v.content["text"] for v in partner.history if v.content)}
    assert kept == {"Denkt mee (noord)", "Denkt mee (zuid)"}
    assert _run(capsys, "check", out)[0] == 0


def test_check_warns_about_a_party_twice_and_two_leads_naming_the_action(
        mb, profile, tmp_path, capsys) -> None:
    paths = _leads_and_partners(mb, profile, tmp_path)
    out = tmp_path / "alles-apart.json"
    assert _run(capsys, "merge", *paths.values(), "-o", out)[0] == 0
    session = read_session(out)
    [bike, *_] = [a for a in session.actions if a.title.startswith("Fietsroutes")]
    hoorn = next(s for s in session.stakeholders if s.name == "Gemeente Hoorn")
    enkhuizen = next(s for s in session.stakeholders if s.name == "Gemeente Enkhuizen")
    twice = tuple(Commitment(action_id=bike.id, text=text, role=role,
                             party=PartyRef(name=party.name, stakeholder_id=party.id))
                  for text, role, party in (("Trekt", "trekker", hoorn),
                                            ("Trekt ook", "trekker", hoorn),
                                            ("Wil trekken", "trekker", enkhuizen)))
    odd = tmp_path / "twee-trekkers.json"
    write_session(odd, mb.add(session, *twice))
    code, text, error = _run(capsys, "check", odd)
    assert code == 1 and "is in orde" in text
    assert error.splitlines() == [
        "Waarschuwing: Bij de actie ‘Fietsroutes tussen de kernen verbeteren’ staat "
        "Gemeente Hoorn 3 keer als toezegging; voeg die samen tot één.",
        "Waarschuwing: De actie ‘Fietsroutes tussen de kernen verbeteren’ heeft 2 trekkers "
        "(Gemeente Hoorn, Gemeente Enkhuizen); kies er één."]


def test_check_names_a_commitment_whose_action_is_not_in_the_file(mb, profile, tmp_path,
                                                                  capsys) -> None:
    flex = mb.action("Flexwoningen")
    promise = Commitment(action_id=flex.id, party=PartyRef(name="Intermaris"),
                         text="Levert twintig woningen")
    orphaned = tmp_path / "zonder-actie.json"
    write_session(orphaned, mb.programme(profile, mb.action("Warmteplan"), promise))

    code, text, error = _run(capsys, "check", orphaned)

    assert code == 1 and "is in orde" in text
    assert error.splitlines() == [
        f"Waarschuwing: De toezegging van Intermaris (‘Levert twintig woningen’) hoort bij de "
        f"actie met id {flex.id}, maar die actie staat niet in het bestand; geef de toezegging "
        f"een actie of verwijder haar."]
