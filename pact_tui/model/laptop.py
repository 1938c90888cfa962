"""The laptop a session file is kept on: on a day with several laptops, only that one writes it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from pact_tui.model.limits import LONGEST_TEXT


class Laptop(BaseModel):
    """One machine: a random id that stays the same on it, and a name people recognise."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              str_max_length=LONGEST_TEXT)

    id: str = Field(min_length=1, max_length=100)
    name: str = Field(min_length=1)
