"""The session summary, read back with an HTML parser: what a session produced, escaped."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

from pact_tui.cli import main
from pact_tui.export.summary import build_summary, summary_path, write_summary
from pact_tui.merge import start_session_from
from pact_tui.model import (
    Action,
    Challenge,
    Commitment,
    Participant,
    PartyRef,
    Planning,
    RegionProfile,
    Session,
    SessionMeta,
    VotingRound,
)
from pact_tui.store import write_session

HOSTILE = "<script>alert(1)</script> & [bold]vet[/bold]"


class Page(HTMLParser):
    """The parts of a page a reader (and a screen reader) relies on."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self.lang = ""
        self.header_cells = 0
        self.scripts = 0
        self.external: list[str] = []
        self.text: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        self._open.append(tag)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag == "th":
            self.header_cells += 1
        if tag == "script":
            self.scripts += 1
        for name in ("src", "href"):
            if values.get(name):
                self.external.append(values[name] or "")

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open and self._open[-1] in {"h1", "h2", "h3"}:
            self.headings.append((self._open[-1], data.strip()))

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def _read(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def _session(profile: RegionProfile) -> tuple[Session, Action, Action]:
    programme_meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme")
    kept = Action(theme="wonen", title="Woningbouwmonitor", goal="Zicht op plannen", position=0,
                  scale="westfries", planning=Planning(horizon="kort"),
                  parties=(PartyRef(name="Provincie"),), lead=PartyRef(name="Gemeente Hoorn"))
    edited = Action(theme="energie", title="Energieloket", goal="Eén loket", position=1)
    programme = Session(meta=programme_meta, actions=(kept, edited))
    session = start_session_from(programme, "Breakout Wonen")
    new = Action(theme="wonen", title=HOSTILE, goal="Veertig woningen & een " + HOSTILE,
                 scale="subregionaal",
                 planning=Planning(horizon="kort", start_year=2025, end_year=2026,
                                   timing="na de zomer"),
                 parties=(PartyRef(name="Intermaris"), PartyRef(name="Gemeente <Opmeer>")),
                 lead=PartyRef(name="Woonschakel"), notes="Pilot eerst", position=2)
    changed = session.actions[1].edited(goal="Eén loket voor inwoners en bedrijven")
    meta = session.meta.model_copy(update={"participants": (
        Participant(organisation="Gemeente Hoorn", role="wethouder", name="A. de Vries"),
        Participant(organisation="Intermaris"))})
    session = session.model_copy(update={
        "meta": meta,
        "actions": (session.actions[0], changed, new),
        "commitments": (Commitment(action_id=new.id, party=PartyRef(name="Intermaris"),
                                   text="Tien woningen"),),
        "challenges": (Challenge(title="Wonen en zorg", themes=("wonen", "zorg")),),
    })
    return session, new, changed


def test_every_new_and_changed_action_shows_with_all_its_fields(profile: RegionProfile) -> None:
    session, new, changed = _session(profile)
    page = _read(build_summary(session))
    text = page.all_text
    for value in (new.title, new.goal, "Subregionaal", "Korte termijn (0–2 jaar)", "2025–2026",
                  "na de zomer", "Intermaris", "Gemeente <Opmeer>", "Woonschakel",
                  "Pilot eerst", changed.goal, "Tien woningen", "Wonen en zorg"):
        assert value in text, value
    assert "Woningbouwmonitor" not in text  # copied unchanged: not produced here
    assert "nieuw" in text and "gewijzigd" in text


def test_headings_come_in_order_with_the_themes_of_the_profile(profile: RegionProfile) -> None:
    session, _, _ = _session(profile)
    page = _read(build_summary(session))
    assert page.headings == [
        ("h1", "Samenvatting: Breakout Wonen"),
        ("h2", "Wie deed mee"),
        ("h2", "Nieuwe en gewijzigde acties"),
        ("h3", "Wonen en Leefbaarheid"),
        ("h3", "Energietransitie en klimaatadaptatie"),
        ("h2", "Toezeggingen"),
        ("h2", "Opgaven"),
        ("h2", "Openstaande punten"),
    ]
    assert page.lang == "nl" and page.header_cells >= 6


def test_typed_text_is_escaped_and_nothing_is_fetched(profile: RegionProfile) -> None:
    session, _, _ = _session(profile)
    html = build_summary(session)
    page = _read(html)
    assert page.scripts == 0 and page.external == []
    assert "<script>alert(1)</script>" in page.all_text  # shown as text, not run
    assert "&lt;script&gt;" in html and "&amp; [bold]vet[/bold]" in html


def test_names_only_with_consent(profile: RegionProfile) -> None:
    session, _, _ = _session(profile)
    assert "A. de Vries" not in _read(build_summary(session)).all_text
    consented = session.model_copy(update={"meta": session.meta.model_copy(
        update={"names_consent": True})})
    assert "A. de Vries" in _read(build_summary(consented)).all_text


def test_written_whole_to_a_free_name(profile: RegionProfile, tmp_path: Path) -> None:
    session, _, _ = _session(profile)
    first = write_summary(session, summary_path(tmp_path, session))
    second = write_summary(session, summary_path(tmp_path, session))
    assert first != second and first.name.endswith("-samenvatting.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, second.name])


def test_the_command_writes_to_the_exports_folder(profile: RegionProfile, tmp_path: Path,
                                                  capsys: object) -> None:
    session, new, _ = _session(profile)
    path = tmp_path / "breakout.json"
    write_session(path, session)
    exports = tmp_path / "exports"
    assert main(["--exports-dir", str(exports), "summary", str(path)]) == 0
    (written,) = exports.iterdir()
    assert new.goal in _read(written.read_text(encoding="utf-8")).all_text


def test_votes_show_and_a_changed_action_says_what_changed(profile: RegionProfile,
                                                          tmp_path: Path) -> None:
    """With the programme it started from beside it, the summary names the changed fields."""
    programme_meta = SessionMeta(profile=profile, title="Pact 7.1", kind="programme")
    programme = Session(meta=programme_meta, actions=(
        Action(theme="wonen", title="Woningbouwmonitor", goal="Zicht op plannen"),
        Action(theme="wonen", title="Flexwonen", goal="Tijdelijke woningen", position=1)))
    session = start_session_from(programme, "Stemmen in de zaal")
    voting = VotingRound(name="Stippen", date=dt.date(2026, 11, 28))
    voted = session.actions[0].edited(votes={voting.id: 1})
    edited = session.actions[1].edited(goal="Honderd tijdelijke woningen", votes={voting.id: 4})
    session = session.model_copy(update={
        "meta": session.meta.model_copy(update={"voting_rounds": (voting,)}),
        "actions": (voted, edited)})
    write_session(tmp_path / "programma.json", programme)
    write_session(tmp_path / "sessie.json", session)
    exports = tmp_path / "exports"

    assert main(["--exports-dir", str(exports), "summary", str(tmp_path / "sessie.json")]) == 0
    (written,) = exports.iterdir()
    text = _read(written.read_text(encoding="utf-8")).all_text
    assert "Woningbouwmonitor gewijzigd: stemmen" in text and "1 stem" in text
    assert "Flexwonen gewijzigd: doel en stemmen" in text and "4 stemmen" in text
    assert "Prioriteit" in text

    # Without the programme beside it, "gewijzigd" is all it can honestly say.
    alone = _read(build_summary(session)).all_text
    assert "Woningbouwmonitor gewijzigd Zicht op plannen" in alone
