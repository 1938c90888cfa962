"""The region profile: themes, municipalities, scale levels and planning horizons of a region.

Parsed from TOML text here; reading the file is the store's job. Every choice has a
stable `key` (what session files store) apart from its `label` (what people read),
so renaming a theme in the profile never orphans the actions filed under it.
"""

from __future__ import annotations

import tomllib

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pact_tui.i18n import t
from pact_tui.model.errors import UserError
from pact_tui.model.limits import LONGEST_TEXT
from pact_tui.model.party_names import MUNICIPALITY_PREFIX, name_forms, name_key


class ProfileError(UserError):
    """A region profile that cannot be used; the message names the file and the problem."""


class Choice(BaseModel):
    """One option of a choice list (a theme, a scale level, a horizon)."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True,
                              str_max_length=LONGEST_TEXT)

    key: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str = Field(min_length=1)
    description: str = ""


class Theme(Choice):
    """A theme (thema) of the programme."""


class ScaleLevel(Choice):
    """A scale level (schaalniveau): the area an action covers."""


class Horizon(Choice):
    """A planning horizon, e.g. short term (0–2 years)."""

    min_years: int = Field(default=0, ge=0)
    max_years: int = Field(default=0, ge=0)


class RegionProfile(BaseModel):
    """Everything region-specific: a session file embeds the profile it was made with."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True,
                              str_max_length=LONGEST_TEXT)

    key: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=1)
    programme_title: str = ""
    subtitle: str = ""
    """A line under the title on the draft's cover ("7 gemeenten, 1 doel")."""
    sender: str = ""
    """On whose behalf the draft is sent ("De zeven Westfriese gemeenten")."""
    background: str = ""
    """Why the programme exists, for the draft's introduction; paragraphs apart by a blank line."""
    municipalities: tuple[str, ...] = Field(min_length=1)
    themes: tuple[Theme, ...] = Field(min_length=1)
    scales: tuple[ScaleLevel, ...] = Field(min_length=1)
    horizons: tuple[Horizon, ...] = Field(min_length=1)
    party_groups: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Short names for a list of parties that recurs, e.g. "7g" for the seven municipalities:
    typed in a parties cell, the short name becomes its members."""

    @model_validator(mode="after")
    def _keys_unique(self) -> RegionProfile:
        for field in ("themes", "scales", "horizons"):
            keys = [choice.key for choice in getattr(self, field)]
            duplicates = sorted({key for key in keys if keys.count(key) > 1})
            if duplicates:
                raise ValueError(t("model.profile_duplicate_key", field=field, key=duplicates[0]))
        return self

    @model_validator(mode="after")
    def _groups_usable(self) -> RegionProfile:
        for name, members in self.party_groups.items():
            if not name.strip() or ";" in name or " " in name.strip():
                raise ValueError(t("model.profile_group_bad_name", group=name))
            if not members or any(not member.strip() or ";" in member for member in members):
                raise ValueError(t("model.profile_group_empty", group=name))
        return self

    def party_group(self, name: str) -> tuple[str, ...] | None:
        """The members of the party group `name` (any case), or None if there is no such group."""
        folded = name.strip().casefold()
        return next((tuple(m.strip() for m in members) for key, members
                     in self.party_groups.items() if key.casefold() == folded), None)

    def shadowed_group(self) -> tuple[str, str] | None:
        """A party group whose name is also a party this profile names (a municipality,
        or a group member by name or abbreviation): (group, party), or None. Typed, such
        a name would mean the party, so the group could never be used."""
        towns = [f"{MUNICIPALITY_PREFIX.capitalize()} {place}" for place in self.municipalities]
        parties = [*towns, *(member for members in self.party_groups.values()
                             for member in members)]
        for group in self.party_groups:
            party = next((party for party in parties
                          if name_key(group) in name_forms(party, self.municipalities)), None)
            if party is not None:
                return group, party
        return None

    def theme(self, key: str) -> Theme | None:
        return next((theme for theme in self.themes if theme.key == key), None)

    def scale(self, key: str) -> ScaleLevel | None:
        return next((scale for scale in self.scales if scale.key == key), None)

    def horizon(self, key: str) -> Horizon | None:
        return next((horizon for horizon in self.horizons if horizon.key == key), None)

    def theme_label(self, key: str) -> str:
        """The label of a theme; an unknown key is shown as itself rather than hidden."""
        theme = self.theme(key)
        return theme.label if theme else key

    def scale_label(self, key: str) -> str:
        scale = self.scale(key)
        return scale.label if scale else key

    def horizon_label(self, key: str) -> str:
        horizon = self.horizon(key)
        return horizon.label if horizon else key


def parse_profile(text: str, source: str) -> RegionProfile:
    """Parse a profile's TOML text; `source` (a file name) goes into every error message."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(t("model.profile_bad_toml", source=source, problem=str(error))) from None
    try:
        profile = RegionProfile.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "-"
        raise ProfileError(
            t("model.profile_invalid", source=source, field=where, problem=first["msg"])
        ) from None
    # Checked for profile files only: a session file made with such a profile still opens.
    shadowed = profile.shadowed_group()
    if shadowed is not None:
        group, party = shadowed
        raise ProfileError(t("model.profile_group_shadows", source=source, group=group,
                             party=party))
    return profile
