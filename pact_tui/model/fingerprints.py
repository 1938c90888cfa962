"""An item's fingerprint: a hash of its content, the same whatever its bookkeeping."""

from __future__ import annotations

import hashlib
import json
from typing import Any

# Fields added after items were first fingerprinted; at their default they are left out
# of the fingerprint, so bases written before these fields existed still match.
LATER_DEFAULTS: dict[str, Any] = {
    "status": "not-started", "light": None, "progress_note": "", "progress_date": None,
    "votes": {}, "impact": None, "effort": None,
}


def content_fingerprint(content: dict[str, Any]) -> str:
    """A hash of an item's content; fields added later count only once they are set."""
    counted = {name: value for name, value in content.items()
               if name not in LATER_DEFAULTS or value != LATER_DEFAULTS[name]}
    canonical = json.dumps(counted, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
