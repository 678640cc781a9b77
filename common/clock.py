"""The one real clock: every part that schedules or stamps takes a clock argument defaulting to this one, so a
test can run it from any moment (tests/bot/conftest.py's TestClock); what has no such argument (a migration's
applied_at) reads it here, so no second copy of "now in UTC" exists."""
from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["utc_now"]


def utc_now() -> datetime:
    return datetime.now(UTC)
