"""A small but complete programme built in memory, and readers for the written draft."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pact_tui.model import (
    Action,
    Ambition,
    Challenge,
    Commitment,
    Origin,
    Participant,
    PartyRef,
    Planning,
    RegionProfile,
    Session,
    SessionMeta,
    Stakeholder,
    StatusNote,
)


def make_programme(profile: RegionProfile, *, names_consent: bool = False) -> Session:
    """Three sessions' worth of a West-Frisian programme, with gaps on purpose."""
    hoorn = Stakeholder(name="Gemeente Hoorn", category="gemeente", themes=("wonen", "economie"))
    intermaris = Stakeholder(name="Intermaris", category="woningcorporatie", themes=("wonen",))
    omring = Stakeholder(name="Omring", category="zorgaanbieder", themes=("zorg",))
    werksaam = Stakeholder(name="WerkSaam Westfriesland", category="uitvoeringsorganisatie",
                           themes=("onderwijs", "zorg"))
    housing = Challenge(title="Woningbouw versnellen", description="Meer betaalbare woningen.",
                        themes=("wonen",))
    cross = Challenge(title="Wonen met zorg", description="Ouderen langer thuis.",
                      themes=("wonen", "zorg"))
    ambition = Ambition(theme="wonen", title="Sneller bouwen",
                        description="Tot 2030 jaarlijks 1.500 woningen erbij.")
    build = Action(theme="wonen", title="Regionale woningbouwtafel",
                   goal="Plancapaciteit afstemmen", scale="westfries",
                   planning=Planning(horizon="kort", start_year=2027, end_year=2028),
                   parties=(PartyRef(name="Gemeente Hoorn", stakeholder_id=hoorn.id),
                            PartyRef(name="Intermaris", stakeholder_id=intermaris.id)),
                   lead=PartyRef(name="Gemeente Hoorn", stakeholder_id=hoorn.id), position=1)
    flex = Action(theme="wonen", title="Flexwonen voor starters", goal="300 flexwoningen",
                  scale="subregionaal", planning=Planning(horizon="middellang", timing="jaarlijks"),
                  parties=(PartyRef(name="Intermaris"),), lead=PartyRef(name="Intermaris"),
                  position=2)
    care = Action(theme="zorg", title="Wijkteams versterken", scale="lokaal",
                  planning=Planning(horizon="kort"), parties=(PartyRef(name="Omring"),),
                  position=3)
    unplanned = Action(theme="onderwijs", title="Leerwerkplekken in de zorg",
                       goal="50 plekken per jaar", lead=PartyRef(name="WerkSaam Westfriesland"),
                       parties=(PartyRef(name="WerkSaam Westfriesland"),), position=4)
    sources = (
        Origin(session_id="a1", title="Stakeholders en stand van zaken", date=dt.date(2026, 9, 14)),
        Origin(session_id="a2", title="Thema-overstijgende opgaven", date=dt.date(2026, 10, 5)),
        Origin(session_id="a3", title="Partnerbijeenkomst", date=dt.date(2026, 11, 2)),
    )
    meta = SessionMeta(
        kind="programme", profile=profile, title="Uitvoeringsprogramma Pact 7.1",
        date=dt.date(2026, 11, 28), facilitator="Anne de Vries", sources=sources,
        names_consent=names_consent,
        participants=(Participant(organisation="Gemeente Hoorn", role="wethouder",
                                  name="Piet Jansen"),
                      Participant(organisation="Intermaris", role="directeur", name="Kees Bakker"),
                      Participant(organisation="gemeente hoorn ", role="beleidsmedewerker",
                                  name="Els Smit")),
    )
    return Session(
        meta=meta,
        stakeholders=(hoorn, intermaris, omring, werksaam),
        status=(StatusNote(theme="wonen", text="De woningvoorraad groeit te langzaam.",
                           source="Monitor Wonen 2026"),
                StatusNote(theme="zorg", text="Wachtlijsten in de thuiszorg lopen op.")),
        challenges=(housing, cross),
        ambitions=(ambition,),
        actions=(build, flex, care, unplanned),
        commitments=(Commitment(action_id=build.id, party=PartyRef(name="Intermaris"),
                                role="partner", text="Levert bouwlocaties aan."),
                     Commitment(action_id=build.id, party=PartyRef(name="Gemeente Hoorn"),
                                role="trekker", text="Zit de tafel voor."),
                     Commitment(action_id=flex.id, party=PartyRef(name="Intermaris"),
                                role="financier", text="Financiert 100 woningen.")),
    )


@pytest.fixture
def programme(profile: RegionProfile) -> Session:
    return make_programme(profile)


@pytest.fixture
def exported(programme: Session, tmp_path: Path) -> Path:
    from pact_tui.export import export_programme

    return export_programme(programme, tmp_path / "programma.docx")


@pytest.fixture
def make(profile: RegionProfile) -> Callable[..., Session]:
    """Build a programme; tests change it with `model_copy(update=...)`."""
    return lambda **options: make_programme(profile, **options)


class Reading:
    """A written draft read back with python-docx, in body order."""

    def __init__(self, path: Path) -> None:
        import docx

        self.path = path
        self.document = docx.Document(str(path))

    def blocks(self) -> list[tuple[str, Any]]:
        """("heading", (level, text)), ("paragraph", Paragraph) or ("table", Table), in order."""
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        body = self.document.element.body
        result: list[tuple[str, object]] = []
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                paragraph = Paragraph(child, self.document)
                name = paragraph.style.name if paragraph.style is not None else ""
                if name.startswith("Heading "):
                    result.append(("heading", (int(name[-1]), paragraph.text)))
                else:
                    result.append(("paragraph", paragraph))
            elif tag == "tbl":
                result.append(("table", Table(child, self.document)))
        return result

    def headings(self, max_level: int = 3) -> list[tuple[int, str]]:
        return [value for kind, value in self.blocks()
                if kind == "heading" and value[0] <= max_level]

    def tables_under(self) -> list[tuple[tuple[str, ...], object]]:
        """Each table with the texts of the headings above it (level 1, 2, 3)."""
        path: list[str] = ["", "", ""]
        found = []
        for kind, value in self.blocks():
            if kind == "heading":
                level, text = value
                path[level - 1] = text
                path[level:] = [""] * (3 - level)
            elif kind == "table":
                found.append((tuple(path), value))
        return found

    @staticmethod
    def header_rows(table: Any) -> list[Any]:
        """The rows that repeat on every page (`w:tblHeader`): a caption, then the column heads."""
        rows = list(table.rows)
        count = next((n for n, row in enumerate(rows)
                      if not row._tr.xpath("./w:trPr/w:tblHeader")), len(rows))
        return rows[:count]

    @classmethod
    def heads(cls, table: Any) -> list[str]:
        """The column headings: the last repeating row."""
        return [cell.text for cell in cls.header_rows(table)[-1].cells]

    @classmethod
    def body(cls, table: Any) -> list[list[str]]:
        """The texts of the rows below the repeating ones."""
        return [[cell.text for cell in row.cells]
                for row in list(table.rows)[len(cls.header_rows(table)):]]

    def all_text(self) -> str:
        parts = [paragraph.text for paragraph in self.document.paragraphs]
        for table in self.document.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return "\n".join(parts)


@pytest.fixture
def read() -> type[Reading]:
    return Reading
