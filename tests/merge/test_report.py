"""The report tells a facilitator what happened: counts by kind and theme, conflicts, doubles."""

from __future__ import annotations

from pact_tui.i18n import set_language
from pact_tui.merge import combine_all, merge_sessions
from pact_tui.merge.report import render_report


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
