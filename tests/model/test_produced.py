"""New and changed items of a session compared with the programme it started from."""

from pact_tui.model import Action
from pact_tui.model.produced import is_changed, is_new, produced


def _copied(action: Action) -> Action:
    return action.model_copy(update={"base": action.fingerprint()})


def test_an_item_made_in_the_session_is_new_and_not_changed() -> None:
    action = Action(theme="wonen", title="Flexwoningen")
    assert is_new(action)
    assert not is_changed(action)


def test_a_copied_item_is_neither_until_its_content_changes() -> None:
    copy = _copied(Action(theme="wonen", title="Flexwoningen"))
    assert not is_new(copy)
    assert not is_changed(copy)
    edited = copy.edited(goal="150 woningen in 2027")
    assert is_changed(edited)
    assert not is_new(edited)


def test_bookkeeping_alone_is_no_change() -> None:
    copy = _copied(Action(theme="wonen", title="Flexwoningen"))
    touched = copy.model_copy(update={"revision": 7})
    assert not is_changed(touched)


def test_produced_keeps_new_and_changed_in_order() -> None:
    kept = _copied(Action(theme="wonen", title="Kept"))
    changed = _copied(Action(theme="wonen", title="Before")).edited(title="After")
    new = Action(theme="wonen", title="New")
    assert produced([new, kept, changed]) == [new, changed]
