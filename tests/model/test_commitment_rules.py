"""Commitments to settle: one party twice at one action, or more than one lead."""

from __future__ import annotations

from pact_tui.model import Action, Commitment, PartyRef
from pact_tui.model.commitment_rules import commitment_warnings


def _commitment(action: Action, name: str, role: str = "partner") -> Commitment:
    return Commitment(action_id=action.id, party=PartyRef(name=name), role=role)


def test_the_lead_named_again_as_trekker_and_different_partners_are_fine() -> None:
    action = Action(theme="wonen", title="Bouwen", lead=PartyRef(name="Gemeente Hoorn"))
    commitments = [_commitment(action, "gemeente hoorn", "trekker"),
                   _commitment(action, "Intermaris"), _commitment(action, "WBG")]
    assert commitment_warnings([action], commitments) == []


def test_a_party_twice_and_a_second_lead_are_each_one_sentence_naming_the_action() -> None:
    action = Action(theme="wonen", title="Bouwen", lead=PartyRef(name="Gemeente Hoorn"))
    other = Action(theme="wonen", title="Huren")
    commitments = [_commitment(action, "Intermaris"), _commitment(action, "Intermaris "),
                   _commitment(action, "WBG", "trekker"), _commitment(other, "Intermaris")]
    assert commitment_warnings([action, other], commitments) == [
        "Bij de actie ‘Bouwen’ staat Intermaris 2 keer als toezegging; voeg die samen tot één.",
        "De actie ‘Bouwen’ heeft 2 trekkers (Gemeente Hoorn, WBG); kies er één."]
