"""The report tells a facilitator what happened: counts by kind and theme, conflicts, doubles."""

from __future__ import annotations

import re

from pact_tui.i18n import set_language
from pact_tui.merge import combine_all, merge_sessions, resolve_conflict, resolve_newest
from pact_tui.merge.report import render_report
from pact_tui.model import Commitment, PartyRef


def _merge(mb, profile):
    build = mb.action("Woningbouw versnellen", goal="500 woningen")
    gone = mb.action("Starters helpen")
    base = mb.programme(profile, build, gone)
    a = mb.edit(mb.started(base, "Sessie Wonen"), build.id, goal="600 woningen")
    a = mb.add(a, mb.action("Meer laadpalen plaatsen in Hoorn", theme="energie"))
    b = mb.edit(mb.started(base, "Sessie Energie"), build.id, goal="700 woningen")
    b = mb.drop(b, gone.id)
    b = mb.add(b, mb.action("Meer laadpalen bijplaatsen in Hoorn", theme="energie"))
    return merge_sessions([a, b], previous=base, now=mb.NOW)


def test_the_text_report_names_sessions_counts_conflicts_and_duplicates(mb, profile) -> None:
    text = render_report(_merge(mb, profile))

    assert "Sessie Wonen (2026-02-01)" in text
    assert "Actie: 2 toegevoegd, 1 verwijderd, 1 in conflict" in text
    assert "Wonen en Leefbaarheid: 1 verwijderd, 1 in conflict" in text
    assert "Energietransitie en klimaatadaptatie: 2 toegevoegd" in text
    assert "Conflicten, nog te beslissen:" in text
    assert "doel: eerst ‘500 woningen’" in text
    assert "doel: ‘600 woningen’ in Sessie Wonen" in text
    assert "doel: ‘700 woningen’ in Sessie Energie" in text
    assert "lijkt op ‘Meer laadpalen bijplaatsen in Hoorn’" in text
    assert "Verwijderd:\n  - Actie ‘Starters helpen’" in text


def test_the_themes_come_in_the_profile_order_not_alphabetically(mb, profile) -> None:
    text = render_report(_merge(mb, profile))
    section = text.split("Per thema:\n")[1].split("\n\n")[0]
    themes = [line.split(":")[0].removeprefix("  - ") for line in section.splitlines()]
    # Wonen is the profile's first theme, Energietransitie its second (alphabetically first).
    assert [t.key for t in profile.themes][:2] == ["wonen", "energie"]
    assert themes == ["Wonen en Leefbaarheid", "Energietransitie en klimaatadaptatie"]


def test_the_markdown_report_has_headings_and_shows_what_was_combined(mb, profile) -> None:
    text = render_report(combine_all(_merge(mb, profile)), markdown=True)

    assert text.startswith("# Samenvoeging van 3 bestanden tot ‘Programma’")
    assert "## Samengevoegd\n- Actie ‘Meer laadpalen bijplaatsen in Hoorn’ is opgegaan in" in text
    assert "## Conflicten, nog te beslissen\n- Actie ‘Woningbouw versnellen’\n  - doel" in text


def test_the_report_speaks_english_too(mb, profile) -> None:
    set_language("en")
    text = render_report(_merge(mb, profile))
    assert "Conflicts still to decide:" in text
    assert "Actie" not in text.replace("Action", "")


def _links_and_commitments(mb, profile):
    """A commitment moved to two different actions, and the same new commitment twice."""
    build, rent, care = (mb.action(title) for title in (
        "Woningbouw versnellen", "Sociale huur uitbreiden", "Zorgwoningen bouwen"))
    hoorn = mb.stakeholder("Gemeente Hoorn")
    party = PartyRef(name="Gemeente Hoorn", stakeholder_id=hoorn.id)
    moved = Commitment(action_id=build.id, party=party, text="Stelt grond beschikbaar")
    base = mb.programme(profile, build, rent, care, hoorn, moved)
    sessions = []
    for title, target in (("Sessie Wonen", rent), ("Sessie Zorg", care)):
        session = mb.edit(mb.started(base, title), moved.id, action_id=target.id)
        sessions.append(mb.add(session, Commitment(
            action_id=build.id, party=party, text=f"Levert gegevens ({title})")))
    return merge_sessions(sessions, previous=base, now=mb.NOW)


def test_links_are_named_by_title_and_a_commitment_double_by_its_action(mb, profile) -> None:
    text = render_report(resolve_newest(_links_and_commitments(mb, profile)))
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", text)  # no ids, names
    assert "actie: eerst ‘Woningbouw versnellen’" in text
    assert "actie: ‘Sociale huur uitbreiden’ in Sessie Wonen" in text
    assert ("Toezegging ‘Gemeente Hoorn, bij de actie Woningbouw versnellen’ lijkt op "
            "‘Gemeente Hoorn, bij de actie Woningbouw versnellen’") in text


def test_the_counts_say_how_a_conflict_was_settled(mb, profile) -> None:
    result = _links_and_commitments(mb, profile)
    assert "1 na een conflict op de nieuwste versie gezet" in render_report(resolve_newest(result))
    chosen = resolve_conflict(result, result.conflicts[0].id, result.conflicts[0].versions[0].key)
    text = render_report(chosen)
    assert "Toezegging: 2 toegevoegd, 1 na een conflict beslist" in text
    assert "opgelost" not in text
