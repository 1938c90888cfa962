"""The detail pane under the action grid."""

from __future__ import annotations

from pact_tui.model import Action, PartyRef, RegionProfile
from pact_tui.tui.screens.action_detail import action_detail


def test_the_lead_comes_before_a_long_list_of_parties(profile: RegionProfile) -> None:
    parties = tuple(PartyRef(name=f"Partner {n}") for n in range(12))
    action = Action(theme="wonen", title="Woningbouw", goal="Meer huizen", parties=parties,
                    lead=PartyRef(name="Gemeente Hoorn"))
    last_line = action_detail(action, profile).plain.splitlines()[-1]
    assert last_line.startswith("Trekker: Gemeente Hoorn · Partijen: Partner 0")
