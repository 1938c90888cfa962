"""Any sequence of operations leaves a file that reads back as what is in memory (stateful)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from pact_tui.model import Action, Challenge, Session, SessionMeta
from pact_tui.store import SessionFile, create_session, load_profile, read_session
from pact_tui.store.encoding import encode

PROFILE = load_profile(None)
THEMES = st.sampled_from([theme.key for theme in PROFILE.themes])
TEXT = st.text(min_size=1, max_size=30).filter(str.strip)


class SessionFileMachine(RuleBasedStateMachine):
    """Adds, edits, deletes and whole replacements, checked against a plain dict of actions."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.path = create_session(self.folder / "s.json",
                                   SessionMeta(profile=PROFILE, title="Stateful"))
        self.file = SessionFile.open(self.path)
        self.expected: dict[str, Action] = {}

    @rule(theme=THEMES, title=TEXT)
    def add(self, theme: str, title: str) -> None:
        action = self.file.add(Action(theme=theme, title=title))
        self.expected[action.id] = action

    @precondition(lambda self: self.expected)
    @rule(data=st.data(), goal=st.text(max_size=30))
    def update(self, data: st.DataObject, goal: str) -> None:
        action_id = data.draw(st.sampled_from(sorted(self.expected)))
        self.expected[action_id] = self.file.update(self.expected[action_id].edited(goal=goal))

    @precondition(lambda self: self.expected)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        action_id = data.draw(st.sampled_from(sorted(self.expected)))
        self.file.delete(Action, action_id)
        del self.expected[action_id]

    @rule(data=st.data(), title=TEXT)
    def replace_all(self, data: st.DataObject, title: str) -> None:
        actions = data.draw(st.permutations(list(self.expected.values())))
        keep = data.draw(st.integers(min_value=0, max_value=len(actions)))
        actions = [action.edited(notes=title) if index % 3 == 0 else action
                   for index, action in enumerate(actions[:keep])]
        actions.append(Action(theme="zorg", title=title))
        session = Session(meta=self.file.meta, actions=tuple(actions),
                          challenges=(Challenge(title=title, themes=("wonen",)),))
        self.file.replace_all(session)
        self.expected = {action.id: action for action in actions}

    @invariant()
    def file_matches_memory(self) -> None:
        content = self.path.read_bytes()
        assert content == b"".join(encode(json.loads(content)))
        snapshot = self.file.snapshot()
        assert read_session(self.path) == snapshot
        assert {action.id: action for action in snapshot.actions} == self.expected

    def teardown(self) -> None:
        self.file.close()
        shutil.rmtree(self.folder)


SessionFileMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=15,
                                                deadline=None)
test_operation_sequences = SessionFileMachine.TestCase
