"""Answer each Slack event once, however often Slack delivers it.

Slack retries an event up to three times (at once, +1 min, +5 min) when our 2xx is late or lost, and a restart
can make it redeliver; every delivery carries the same `event_id`. The id is written to `slack_events` when the
event is *received*, before any work: a retry that races the first delivery then loses on the primary key
instead of producing a second answer. Ids are kept for a day, well past Slack's last retry.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from slack_bolt.response import BoltResponse

from bot.storage import PerThreadDatabase

__all__ = ["EventDeduper", "dedupe_middleware"]

KEEP_FOR = timedelta(days=1)
PRUNE_EVERY = timedelta(minutes=10)


class EventDeduper:
    """Remembers event ids in SQLite so that duplicates survive restarts and are seen by every worker."""

    def __init__(self, db: PerThreadDatabase, *, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock
        self._next_prune: datetime | None = None

    def first_delivery(self, event_id: str) -> bool:
        """Record the id; False when it was already recorded (a retry or a redelivery)."""
        now = self._clock()
        conn = self._db.get().conn
        with self._db.write_lock, conn:
            inserted = conn.execute(
                "INSERT OR IGNORE INTO slack_events (event_id, received_at) VALUES (?, ?)",
                (event_id, now.isoformat(timespec="seconds")),
            ).rowcount
            if self._next_prune is None or now >= self._next_prune:
                # Cheap enough to run inline every few minutes; no separate job to forget to schedule.
                conn.execute(
                    "DELETE FROM slack_events WHERE received_at < ?",
                    ((now - KEEP_FOR).isoformat(timespec="seconds"),),
                )
                self._next_prune = now + PRUNE_EVERY
        return inserted == 1


def dedupe_middleware(deduper: EventDeduper, log: logging.Logger) -> Callable[..., BoltResponse | None]:
    """A global Bolt middleware that answers a duplicate event with 200 and stops it there.

    200 (not an error) because Slack would otherwise keep retrying something we have already handled.
    """

    def dedupe_events(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:  # noqa: A002
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if isinstance(event_id, str) and event_id and not deduper.first_delivery(event_id):
            log.info("duplicate event ignored event_id=%s", event_id)
            return BoltResponse(status=200, body="")
        next()
        return None

    return dedupe_events
