"""Different ids, nearly the same wording: proposed duplicates that a person combines or not."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pact_tui.merge import (
    Outcome,
    combine_all,
    combine_duplicate,
    keep_apart,
    merge_sessions,
    normalize_text,
    start_session_from,
)
from pact_tui.merge.duplicates import candidate_pairs
from pact_tui.merge.signals import THRESHOLDS, WORDING, Vocabulary, assess
from pact_tui.model import Commitment, PartyRef


def test_normalized_text_irons_out_case_spaces_accents_and_abbreviations() -> None:
    assert normalize_text("Gemeente Hoorn") == "gemeente hoorn"
    assert normalize_text("gem. Hoorn") == "gemeente hoorn"
    assert normalize_text("  gemeente   hoorn ") == "gemeente hoorn"
    assert normalize_text("Coöperatie Zon-op-Dak") == "cooperatie zon op dak"


def test_near_identical_actions_in_one_theme_are_proposed(mb, profile) -> None:
    first = mb.action("Meer laadpalen plaatsen in Hoorn", theme="energie")
    second = mb.action("Meer laadpalen bijplaatsen in Hoorn", theme="energie")
    reordered = mb.action("Hoorn: meer laadpalen plaatsen", theme="energie")
    result = merge_sessions([mb.fresh(profile, "A", first), mb.fresh(profile, "B", second),
                             mb.fresh(profile, "C", reordered)], now=mb.NOW)

    pairs = {frozenset((p.keep_id, p.other_id)) for p in result.duplicates}
    assert frozenset((first.id, second.id)) in pairs
    assert frozenset((first.id, reordered.id)) in pairs
    assert all(p.theme == "energie" and p.score >= THRESHOLDS[WORDING]
               for p in result.duplicates)
    # Undecided duplicates are kept apart.
    assert len(result.programme.actions) == 3


def test_the_same_words_in_another_theme_are_not_a_duplicate(mb, profile) -> None:
    energy = mb.action("Meer laadpalen plaatsen", theme="energie")
    housing = mb.action("Meer laadpalen plaatsen", theme="wonen")
    result = merge_sessions([mb.fresh(profile, "A", energy), mb.fresh(profile, "B", housing)])
    assert result.duplicates == ()


def test_a_sentence_containing_another_is_not_its_duplicate(mb, profile) -> None:
    """The trap of token-set scoring: every word of the short one is in the long one."""
    short = mb.action("Meer woningen bouwen")
    long = mb.action("Meer woningen bouwen voor starters en senioren in alle zeven gemeenten")
    result = merge_sessions([mb.fresh(profile, "A", short), mb.fresh(profile, "B", long)])
    assert result.duplicates == ()


def test_a_copy_made_in_a_session_started_from_the_programme_is_proposed(mb, profile) -> None:
    """The session holds the programme's item too; the copy beside it is still found."""
    first = mb.action("Regionale woningbouwmonitor opzetten", theme="wonen")
    programme = mb.programme(profile, first, title="P")
    session = start_session_from(programme, "Breakout")
    copy = mb.action("Regionale woningbouwmonitr opzetten", theme="wonen")
    session = session.model_copy(update={"actions": (*session.actions, copy)})

    result = merge_sessions([session], now=mb.NOW)

    assert {(p.keep_id, p.other_id) for p in result.duplicates} == {(first.id, copy.id)}


def test_a_pair_the_programme_already_held_untouched_is_not_proposed(mb, profile) -> None:
    first = mb.action("Meer laadpalen plaatsen in Hoorn")
    second = mb.action("Meer laadpalen bijplaatsen in Hoorn")
    programme = mb.programme(profile, first, second, title="P")
    assert merge_sessions([start_session_from(programme, "B"), programme]).duplicates == ()


def test_stakeholders_spelled_differently_are_matched_and_combined(mb, profile) -> None:
    spellings = ["Gemeente Hoorn", "gem. Hoorn", "gemeente hoorn "]
    sessions, people = [], []
    for number, spelling in enumerate(spellings):
        made = dt.datetime(2026, 1, 1 + number, tzinfo=dt.UTC)
        person = mb.stakeholder(spelling, created_at=made, category="gemeente" if number else "")
        people.append(person)
        sessions.append(mb.fresh(profile, f"Sessie {number}", person,
                                 mb.stakeholder(f"Partij {number} {'x' * number * 9}")))
    result = merge_sessions(sessions, now=mb.NOW)
    proposed = {frozenset((p.keep_id, p.other_id)) for p in result.duplicates
                if p.table == "stakeholders"}
    ids = [person.id for person in people]
    assert proposed == {frozenset((ids[0], ids[1])), frozenset((ids[0], ids[2])),
                        frozenset((ids[1], ids[2]))}

    combined = combine_all(result)

    hoorn = [s for s in combined.programme.stakeholders if s.id in ids]
    assert len(hoorn) == 1
    survivor = hoorn[0]
    assert survivor.id == ids[0]  # the earliest made survives
    assert survivor.name == "Gemeente Hoorn"
    assert survivor.category == ""  # kept whole: the others' values are its history
    assert {v.content["category"] for v in survivor.history if v.content} == {"gemeente"}
    assert set(survivor.combined_from) == {ids[1], ids[2]}
    assert {o.title for o in survivor.origins} == {"Sessie 0", "Sessie 1", "Sessie 2"}
    entries = {e.item_id: e for e in combined.report.entries}
    assert entries[ids[1]].outcome == Outcome.COMBINED and entries[ids[1]].into_id == ids[0]


def test_combining_points_every_reference_at_the_survivor(mb, profile) -> None:
    hoorn = mb.stakeholder("Gemeente Hoorn", created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    gem = mb.stakeholder("gem. Hoorn", created_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    first = mb.action("Laadpalen plaatsen in Hoorn", theme="energie",
                      created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                      parties=(PartyRef(name="Gemeente Hoorn", stakeholder_id=hoorn.id),))
    second = mb.action("Laadpalen plaatsen Hoorn", theme="energie", goal="200 palen",
                       created_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
                       lead=PartyRef(name="gem. Hoorn", stakeholder_id=gem.id),
                       parties=(PartyRef(name="gem. Hoorn", stakeholder_id=gem.id),
                                PartyRef(name="Liander")))
    promise = Commitment(action_id=second.id, party=PartyRef(name="Liander"), text="netwerk")
    result = merge_sessions([mb.fresh(profile, "A", hoorn, first),
                             mb.fresh(profile, "B", gem, second, promise)], now=mb.NOW)

    combined = combine_all(result)

    [merged] = combined.programme.actions
    assert merged.id == first.id and merged.title == first.title
    assert merged.goal == ""  # the survivor stays whole, no mixture of two actions
    assert [v.content["goal"] for v in merged.history if v.content] == ["200 palen"]
    assert merged.lead is None
    assert [p.name for p in merged.parties] == ["Gemeente Hoorn", "Liander"]
    assert first.fingerprint() in merged.supersedes  # a new version of the survivor
    [kept_promise] = combined.programme.commitments
    assert kept_promise.action_id == first.id


def test_kept_apart_stays_apart_and_is_not_asked_again(mb, profile) -> None:
    first = mb.action("Meer laadpalen plaatsen in Hoorn")
    second = mb.action("Meer laadpalen bijplaatsen in Hoorn")
    a, b = mb.fresh(profile, "A", first), mb.fresh(profile, "B", second)
    result = merge_sessions([a, b], now=mb.NOW)
    [proposal] = result.duplicates

    apart = keep_apart(result, proposal.id)

    assert apart.undecided == ()
    assert len(apart.programme.actions) == 2
    again = merge_sessions([a, b, apart.programme], now=mb.NOW)
    assert again.duplicates == ()
    assert again.programme == apart.programme


def test_combined_stays_combined_when_merging_again(mb, profile) -> None:
    first = mb.action("Meer laadpalen plaatsen in Hoorn")
    second = mb.action("Meer laadpalen bijplaatsen in Hoorn", goal="100")
    a, b = mb.fresh(profile, "A", first), mb.fresh(profile, "B", second)
    result = merge_sessions([a, b], now=mb.NOW)
    combined = combine_duplicate(result, result.duplicates[0].id)
    assert len(combined.programme.actions) == 1

    again = merge_sessions([b, combined.programme, a], now=mb.NOW)

    assert again.duplicates == ()
    assert again.conflicts == ()
    assert again.programme == combined.programme


WORDS = ("meer", "laadpalen", "plaatsen", "bijplaatsen", "in", "hoorn", "woningen", "bouwen",
         "café", "zeeën", "2030", "woningbouwmonitor", "monitor", "energieloket", "regio", "x")


@settings(max_examples=60, deadline=None)
@example(["meer in", "in meer"])  # only stop words, reordered
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
                min_size=2, max_size=40))
def test_blocking_never_loses_a_pair_that_comparing_all_would_propose(texts: list[str]) -> None:
    """Only pairs the scorer could never accept are skipped, however many texts share a word."""
    vocabulary = Vocabulary(texts)
    expected = {(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))
                if assess(texts[i], texts[j], vocabulary)}
    found = {pair for pair in candidate_pairs(texts, [True] * len(texts), vocabulary, names=False)
             if assess(texts[pair[0]], texts[pair[1]], vocabulary)}
    assert found == expected


def test_the_person_picks_which_item_survives_whole(mb, profile) -> None:
    first = mb.action("Starterslening invoeren", goal="100 leningen",
                      created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    second = mb.action("Starterslening invoeren!", goal="200 leningen in 2027",
                       created_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    result = merge_sessions([mb.fresh(profile, "A", first), mb.fresh(profile, "B", second)],
                            now=mb.NOW)
    [proposal] = result.duplicates
    assert proposal.keep_id == first.id  # by default the older one

    combined = combine_duplicate(result, proposal.id, keep=second.id)

    [survivor] = combined.programme.actions
    assert (survivor.id, survivor.title, survivor.goal) == (
        second.id, "Starterslening invoeren!", "200 leningen in 2027")
    [other] = survivor.history
    assert other.reason == "combined" and other.content is not None
    assert (other.content["title"], other.content["goal"]) == ("Starterslening invoeren",
                                                               "100 leningen")
