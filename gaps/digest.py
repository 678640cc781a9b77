"""The manager's weekly digest of knowledge gaps: owed once a week, on the week's first business day from opening
time, recorded in `schedule_log` (key `gap-digest:YYYY-Www`) in the same transaction as its outbox row, like the
daily digest and the monthly report (`intake/routing.py`), so restarts neither repeat nor lose it. The row carries
the period; its figures are read when it is sent (`GapStore.weekly`). A week with nothing to say owes nothing.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import sqlite_utils

from intake import JST, Config, Outbox
from intake.db import transaction

__all__ = ["GAP_DIGEST", "owe_weekly_digest"]

#: The outbox kind of the weekly digest (data: since, until, week).
GAP_DIGEST = "gap_digest"


def owe_weekly_digest(db: sqlite_utils.Database, *, config: Config, now: datetime) -> int:
    """Owe this week's digest if it is due and not yet owed; returns the outbox rows added (0 or 1)."""
    calendar = config.calendar
    if config.manager is None or calendar.next_open_moment(now) != now:
        return 0
    today = now.astimezone(JST).date()
    monday = today - timedelta(days=today.weekday())
    first = next((monday + timedelta(days=n) for n in range(7) if calendar.is_business_day(monday + timedelta(days=n))),
                 None)
    if today != first:
        return 0
    year, week, _ = today.isocalendar()
    label = f"{year}-W{week:02d}"
    stamp = now.astimezone(timezone.utc).isoformat(timespec="seconds")
    since = (now - timedelta(days=7)).astimezone(timezone.utc).isoformat(timespec="seconds")
    if not _anything_to_say(db, since=since):
        return 0
    with transaction(db):
        if db.conn.execute("INSERT OR IGNORE INTO schedule_log (key, case_id, at) VALUES (?, NULL, ?)",
                           (f"gap-digest:{label}", stamp)).rowcount != 1:
            return 0
        Outbox(db).add(kind=GAP_DIGEST, recipient=config.manager, now=now,
                       data={"since": since, "until": stamp, "week": label})
    return 1


def _anything_to_say(db: sqlite_utils.Database, *, since: str) -> bool:
    """A week with no open gap, no new one and no answer served sends nothing (like the daily digest of an empty
    queue); should a gap arrive later that day, the digest follows then, still once."""
    return bool(db.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM knowledge_gaps WHERE status = 'open' OR first_asked >= ?) "
        "OR EXISTS (SELECT 1 FROM manager_answer_uses WHERE at >= ?)", (since, since)).fetchone()[0])
