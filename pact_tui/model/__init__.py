"""The domain: pydantic models, the region profile and the rules shared by app and export.

Pure: no I/O, and nothing of pact_tui but the message catalogue is imported here.
"""

from pact_tui.model.errors import UserError
from pact_tui.model.items import (
    COMMITMENT_ROLES,
    ITEM_KINDS,
    PROGRESS_LIGHTS,
    PROGRESS_STATUSES,
    Action,
    Ambition,
    Challenge,
    Commitment,
    Item,
    Origin,
    PartyRef,
    PastVersion,
    Planning,
    Stakeholder,
    StatusNote,
    new_id,
    now_utc,
)
from pact_tui.model.laptop import Laptop
from pact_tui.model.profile import (
    Choice,
    Horizon,
    ProfileError,
    RegionProfile,
    ScaleLevel,
    Theme,
    parse_profile,
)
from pact_tui.model.session import (
    PHASES,
    SCHEMA_VERSION,
    AgendaItem,
    Participant,
    Phase,
    Session,
    SessionKind,
    SessionMeta,
)
from pact_tui.model.trail import (
    TRAIL_LIMIT,
    Deletion,
    Step,
    common_version,
    past_versions,
    stepped,
)
from pact_tui.model.validation import (
    InvalidItemError,
    Problem,
    check_against_profile,
    validate_item,
)
from pact_tui.model.votes import VotingRound

__all__ = [
    "COMMITMENT_ROLES",
    "ITEM_KINDS",
    "PHASES",
    "PROGRESS_LIGHTS",
    "PROGRESS_STATUSES",
    "SCHEMA_VERSION",
    "TRAIL_LIMIT",
    "Action",
    "AgendaItem",
    "Ambition",
    "Challenge",
    "Choice",
    "Commitment",
    "Deletion",
    "Horizon",
    "InvalidItemError",
    "Item",
    "Laptop",
    "Origin",
    "Participant",
    "PartyRef",
    "PastVersion",
    "Phase",
    "Planning",
    "Problem",
    "ProfileError",
    "RegionProfile",
    "ScaleLevel",
    "Session",
    "SessionKind",
    "SessionMeta",
    "Stakeholder",
    "StatusNote",
    "Step",
    "Theme",
    "UserError",
    "VotingRound",
    "check_against_profile",
    "common_version",
    "new_id",
    "now_utc",
    "parse_profile",
    "past_versions",
    "stepped",
    "validate_item",
]
