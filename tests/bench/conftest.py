"""The benchmarks are run as `python -m bench` from the project folder; so are their tests."""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT = str(Path(__file__).parents[2])
if PROJECT not in sys.path:
    sys.path.insert(0, PROJECT)
