"""The phase timer counts the agenda's timebox down, pauses, resets, and shows when it is over."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pact_tui.model import AgendaItem, RegionProfile, SessionMeta
from pact_tui.tui.screens.phase import PhaseScreen
from pact_tui.tui.widgets.phase_timer import PhaseClock, PhaseTimer, format_seconds, timer_text

if TYPE_CHECKING:
    from tests.tui.conftest import MakeSession, Ui


class FakeClock:
    """Monotonic seconds the test moves forward by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_clock_counts_only_while_running() -> None:
    fake = FakeClock()
    clock = PhaseClock(timebox=600, clock=fake)
    fake.now += 30
    assert clock.remaining == 600
    clock.start()
    fake.now += 90
    clock.pause()
    fake.now += 500
    assert clock.elapsed == 90
    clock.toggle()
    fake.now += 10
    assert clock.remaining == 500
    clock.reset()
    assert (clock.elapsed, clock.running) == (0, False)


def test_over_time_shows_a_minus_sign() -> None:
    fake = FakeClock()
    clock = PhaseClock(timebox=60, clock=fake)
    clock.start()
    fake.now += 59.5
    assert timer_text(clock).endswith("00:01")
    assert not clock.over_time
    fake.now += 0.7
    assert clock.over_time
    assert timer_text(clock).endswith("-00:01")
    fake.now += 125
    assert timer_text(clock).endswith("-02:06")


def test_without_a_timebox_the_clock_counts_up_and_is_never_over() -> None:
    fake = FakeClock()
    clock = PhaseClock(clock=fake)
    clock.start()
    fake.now += 3725
    assert format_seconds(clock.elapsed) == "1:02:05"
    assert timer_text(clock).endswith("1:02:05")
    assert not clock.over_time


async def test_f7_starts_and_pauses_f8_resets_and_over_time_turns_red(
    make_session: MakeSession, profile: RegionProfile, ui: Ui
) -> None:
    meta = SessionMeta(profile=profile, title="Werksessie", agenda=(
        AgendaItem(title="Welkom", phase="sessie", minutes=1),
        AgendaItem(title="Nog even", phase="sessie", minutes=1),
        AgendaItem(title="Acties", phase="acties", minutes=30),
    ))
    fake = FakeClock()
    app = ui.app(make_session(meta=meta), clock=fake)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_phase("sessie")
        await pilot.pause()
        timer = app.screen.query_one(PhaseTimer)
        assert "02:00" in ui.text(app).splitlines()[0]  # both agenda blocks of this phase
        await pilot.press("f7")
        fake.now += 100
        await pilot.press("f7")  # pause
        fake.now += 1000
        await pilot.pause()
        assert isinstance(app.screen, PhaseScreen)
        app.screen.refresh_header()
        assert "00:20" in str(timer.render())
        assert timer.has_class("-running") is False
        await pilot.press("f7")
        fake.now += 30
        assert isinstance(app.screen, PhaseScreen)
        app.screen.refresh_header()
        await pilot.pause()
        assert timer.has_class("-over") and timer.has_class("-running")
        assert "-00:10" in ui.text(app).splitlines()[0]
        app.show_phase("acties")  # every phase has its own clock
        await pilot.pause()
        assert "30:00" in ui.text(app).splitlines()[0]
        app.show_phase("sessie")
        await pilot.pause()
        await pilot.press("f8")
        assert "02:00" in ui.text(app).splitlines()[0]
        assert not app.screen.query_one(PhaseTimer).has_class("-over")
