"""Twenty-two West-Frisian actions as a facilitator types them, for the keystroke bench and
the burst test of the action grid (tests import this module; it imports nothing of tests).

Each row says what is typed in the app and what must end up in the file. `app_keys`
turns the rows into the keys the app gets, from the Acties grid of a session that holds
`STAKEHOLDERS`: ctrl+n once, then per row the capture line and Tab through the row
(title Tab goal Tab scale Tab planning Tab parties Tab lead Enter), ctrl+t and a digit
where the theme changes. In parties and lead, `→` is the key that takes the suggestion
shown; `^b` copies the cell of the row above.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pact_tui.model import Planning

GEMEENTEN = tuple(f"Gemeente {name}" for name in (
    "Drechterland", "Enkhuizen", "Hoorn", "Koggenland", "Medemblik", "Opmeer", "Stede Broec"))

STAKEHOLDERS = (*GEMEENTEN, "Intermaris", "Woonschakel", "Het Grootslag", "Omring",
                "Provincie Noord-Holland", "Regio Westfriesland", "Rabobank Westfriesland",
                "Horizon College", "Clusius College", "Ondernemersvereniging Hoorn",
                "Energie Coöperatie West-Friesland", "Liander", "GGD Hollands Noorden",
                "Streekarchief Westfriesland", "Recreatieschap Westfriesland")

THEMES = ("wonen", "energie", "onderwijs", "vrijetijd", "economie", "zorg")
SCALES = ("lokaal", "subregionaal", "westfries", "nhn", "bovenregionaal")


@dataclass(frozen=True)
class KeyRow:
    """One action: what is typed (`*_typed`) and what the file must hold."""

    theme: str
    title: str
    goal: str
    scale: str
    planning_typed: str
    planning: Planning
    parties_typed: str
    parties: tuple[str, ...]
    lead_typed: str
    lead: str


def _row(theme: str, title: str, goal: str, scale: str, planning_typed: str,
         planning: Planning, parties_typed: str, parties: tuple[str, ...], lead_typed: str,
         lead: str) -> KeyRow:
    return KeyRow(theme, title, goal, scale, planning_typed, planning, parties_typed, parties,
                  lead_typed, lead)


SHORT_25_26 = Planning(horizon="kort", start_year=2025, end_year=2026)
MID_26_29 = Planning(horizon="middellang", start_year=2026, end_year=2029)

ROWS: tuple[KeyRow, ...] = (
    _row("wonen", "Regionale woningbouwmonitor opzetten",
         "Elk half jaar zicht op plannen en opleveringen per gemeente.", "westfries",
         "1 2025-2026", SHORT_25_26, "7g;inter→", (*GEMEENTEN, "Intermaris"),
         "hoo→", "Gemeente Hoorn"),
    _row("wonen", "Flexwoningen voor starters en spoedzoekers",
         "In 2027 staan er 150 flexwoningen in de regio.", "westfries",
         "^b", SHORT_25_26, "woons→;inter→;het g→", ("Woonschakel", "Intermaris",
                                                    "Het Grootslag"),
         "woons→", "Woonschakel"),
    _row("wonen", "Eén woonruimteverdeelsysteem voor de regio",
         "Eén set regels en één website voor alle sociale huurwoningen.", "westfries",
         "m 2026-2029", MID_26_29, "7g;woons→;inter→;het g→",
         (*GEMEENTEN, "Woonschakel", "Intermaris", "Het Grootslag"), "stede→",
         "Gemeente Stede Broec"),
    _row("wonen", "Kernengesprekken over leefbaarheid in kleine kernen",
         "Dorpsraden en gemeente spreken elk jaar over voorzieningen.", "lokaal",
         "jaarlijks", Planning(timing="jaarlijks"), "medem→;Dorpsraad Wognum",
         ("Gemeente Medemblik", "Dorpsraad Wognum"), "medem→", "Gemeente Medemblik"),
    _row("energie", "Eén regionaal energieloket",
         "Inwoners en ondernemers vinden op één plek advies over verduurzamen.", "westfries",
         "1 2025", Planning(horizon="kort", start_year=2025), "energie c→;7g",
         ("Energie Coöperatie West-Friesland", *GEMEENTEN), "energie c→",
         "Energie Coöperatie West-Friesland"),
    _row("energie", "Zoekgebieden voor zon en wind vaststellen",
         "Een gedragen regionale kaart met zoekgebieden voor 2030.", "nhn",
         "1 2025-2026", SHORT_25_26, "prov→;7g;lian→",
         ("Provincie Noord-Holland", *GEMEENTEN, "Liander"), "prov→",
         "Provincie Noord-Holland"),
    _row("energie", "Netcongestie op bedrijventerreinen aanpakken",
         "Ondernemers krijgen samen met de netbeheerder ruimte op het net.", "nhn",
         "^b", SHORT_25_26, "lian→;ondern→;netbeheerders",
         ("Liander", "Ondernemersvereniging Hoorn", "netbeheerders"), "lian→", "Liander"),
    _row("energie", "Wijkaanpak aardgasvrij in twee proefwijken",
         "Twee wijken weten in 2028 welk warmtealternatief er komt.", "lokaal",
         "m 2026-2028", Planning(horizon="middellang", start_year=2026, end_year=2028),
         "enkh→;woons→;energie c→", ("Gemeente Enkhuizen", "Woonschakel",
                                     "Energie Coöperatie West-Friesland"),
         "enkh→", "Gemeente Enkhuizen"),
    _row("onderwijs", "Techniekpact Westfriesland",
         "Meer jongeren kiezen een technische opleiding.", "westfries",
         "m 2026-2029", MID_26_29, "horiz→;clus→;IT-bedrijven;raboba→",
         ("Horizon College", "Clusius College", "IT-bedrijven", "Rabobank Westfriesland"),
         "horiz→", "Horizon College"),
    _row("onderwijs", "Stageplekken bij de gemeenten",
         "Elke gemeente biedt jaarlijks tien stageplekken.", "westfries",
         "jaarlijks", Planning(timing="jaarlijks"), "7g;horiz→",
         (*GEMEENTEN, "Horizon College"), "regio w→", "Regio Westfriesland"),
    _row("onderwijs", "Leven lang ontwikkelen voor zorgmedewerkers",
         "Medewerkers in de zorg volgen bijscholing dicht bij huis.", "subregionaal",
         "1 2025-2026", SHORT_25_26, "omr→;clus→;ggd→",
         ("Omring", "Clusius College", "GGD Hollands Noorden"), "omr→", "Omring"),
    _row("vrijetijd", "Fietsroutenetwerk langs de Westfriese Omringdijk",
         "Een doorgaande route met rustpunten en bewegwijzering.", "westfries",
         "m 2026-2029", MID_26_29, "recr→;7g;prov→",
         ("Recreatieschap Westfriesland", *GEMEENTEN, "Provincie Noord-Holland"),
         "recr→", "Recreatieschap Westfriesland"),
    _row("vrijetijd", "Erfgoedagenda Westfriesland",
         "De verhalen van de regio zijn zichtbaar in elke kern.", "westfries",
         "^b", MID_26_29, "strea→;Westfries Museum;7g",
         ("Streekarchief Westfriesland", "Westfries Museum", *GEMEENTEN),
         "westfries m→", "Westfries Museum"),
    _row("vrijetijd", "Evenementenkalender voor de hele regio",
         "Bezoekers en inwoners zien in één oogopslag wat er te doen is.", "westfries",
         "1", Planning(horizon="kort"), "regio w→;Westfriese ondernemers",
         ("Regio Westfriesland", "Westfriese ondernemers"), "regio w→",
         "Regio Westfriesland"),
    _row("vrijetijd", "Sportakkoord voor kleine verenigingen",
         "Kleine clubs delen vrijwilligers, kantines en velden.", "lokaal",
         "kort najaar 2025", Planning(horizon="kort", timing="najaar 2025"),
         "opm→;kogg→;Sportservice Noord-Holland",
         ("Gemeente Opmeer", "Gemeente Koggenland", "Sportservice Noord-Holland"),
         "opm→", "Gemeente Opmeer"),
    _row("economie", "Regionaal programma werklocaties",
         "Genoeg ruimte voor bedrijven zonder dat kernen dichtslibben.", "westfries",
         "m 2026-2029", MID_26_29, "7g;ondern→;prov→",
         (*GEMEENTEN, "Ondernemersvereniging Hoorn", "Provincie Noord-Holland"),
         "regio w→", "Regio Westfriesland"),
    _row("economie", "Digitale vaardigheden voor het mkb",
         "Honderd ondernemers volgen een praktische training.", "westfries",
         "1 2025-2026", SHORT_25_26, "ondern→;IT-b→;raboba→",
         ("Ondernemersvereniging Hoorn", "IT-bedrijven", "Rabobank Westfriesland"),
         "ondern→", "Ondernemersvereniging Hoorn"),
    _row("economie", "Versterking van de Seed Valley",
         "De zaadveredelingssector blijft in de regio en groeit.", "nhn",
         "^b", SHORT_25_26, "Seed Valley;raboba→;clus→;prov→",
         ("Seed Valley", "Rabobank Westfriesland", "Clusius College",
          "Provincie Noord-Holland"), "seed→", "Seed Valley"),
    _row("zorg", "Mantelzorgers ontlasten met respijtzorg",
         "Elke mantelzorger weet waar hij terecht kan voor even vrij.", "westfries",
         "1 2025-2026", SHORT_25_26, "omr→;7g;Mantelzorg Westfriesland",
         ("Omring", *GEMEENTEN, "Mantelzorg Westfriesland"), "omr→", "Omring"),
    _row("zorg", "Langer thuis wonen met technologie",
         "Ouderen gebruiken zorgtechnologie die past bij hun leven.", "westfries",
         "m 2026-2029", MID_26_29, "omr→;woons→;inter→;ggd→",
         ("Omring", "Woonschakel", "Intermaris", "GGD Hollands Noorden"), "omr→", "Omring"),
    _row("zorg", "Eén loket jeugdhulp in de regio",
         "Ouders hebben één aanspreekpunt voor jeugdhulp.", "westfries",
         "^b", MID_26_29, "7g;ggd→", (*GEMEENTEN, "GGD Hollands Noorden"), "dre→",
         "Gemeente Drechterland"),
    _row("zorg", "Preventieakkoord gezond opgroeien",
         "Minder jongeren met overgewicht in 2030 dan in 2024.", "subregionaal",
         "m 2026-2030 per kwartaal gemeten",
         Planning(horizon="middellang", start_year=2026, end_year=2030,
                  timing="per kwartaal gemeten"),
         "ggd→;Sportservice Noord-Holland;clus→",
         ("GGD Hollands Noorden", "Sportservice Noord-Holland", "Clusius College"), "ggd→",
         "GGD Hollands Noorden"),
)

KEY_NAMES = {" ": "space", ";": "semicolon", "→": "right"}


def key_name(character: str) -> str:
    """The name Textual gives the key that types `character`."""
    if character in KEY_NAMES:
        return KEY_NAMES[character]
    if character.isalnum():
        return character
    return unicodedata.name(character, character).lower().replace("-", "_").replace(" ", "_")


def _typed(text: str) -> list[tuple[str, str | None]]:
    """Keys for `text`: `→` takes a suggestion, `^b` copies the cell above."""
    if text == "^b":
        return [("ctrl+b", None)]
    return [("right", None) if c == "→" else (key_name(c), c) for c in text]


def row_keys(row: KeyRow, previous: KeyRow | None) -> list[tuple[str, str | None]]:
    """The keys of one row, typed from the capture line (where the row before ended)."""
    keys: list[tuple[str, str | None]] = []
    same_theme = previous is not None and previous.theme == row.theme
    if not same_theme:
        digit = str(THEMES.index(row.theme) + 1)
        keys += [("ctrl+t", None), (digit, digit)]  # the theme filter: new rows go there
    keys += [*_typed(row.title), ("tab", None)]
    keys += [*_typed(row.goal), ("tab", None)]
    if not (same_theme and previous is not None and previous.scale == row.scale):
        digit = str(SCALES.index(row.scale) + 1)  # else taken over from the row before
        keys.append((digit, digit))
    keys.append(("tab", None))
    keys += [*_typed(row.planning_typed), ("tab", None)]
    keys += [*_typed(row.parties_typed), ("tab", None)]
    keys += [*_typed(row.lead_typed), ("enter", None)]  # back to the capture line
    return keys


def app_keys(rows: tuple[KeyRow, ...] = ROWS) -> list[list[tuple[str, str | None]]]:
    """The keys per row; the first row starts with ctrl+n (the capture line)."""
    per_row = [row_keys(row, rows[index - 1] if index else None)
               for index, row in enumerate(rows)]
    per_row[0] = [("ctrl+n", None), *per_row[0]]
    return per_row
