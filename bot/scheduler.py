"""The clock of the server: every minute, ask the core what reminders, re-pings, digests and reports are now owed,
and run the daily retention purge when `retention_days` is set (`intake.retention.run_daily`); with the knowledge
base, the manager's DM about a revision of the policy and its business-day reminders (`bot.revision_notices`).

`intake.Router.tick(now)` decides (and `gaps.owe_weekly_digest`, the manager's weekly digest of knowledge gaps) and writes the outbox rows (recorded once each in `schedule_log`); this thread
only supplies `now` and wakes the sender. Tests call `tick(now)` with a fake clock instead of running the thread.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from common.clock import utc_now
from gaps import owe_weekly_digest
from intake import CaseDesk, Config, Router
from intake.retention import run_daily
from knowledge import LiveKnowledgeBase

from bot.revision_notices import RevisionNotices
from bot.storage import PerThreadDatabase

__all__ = ["TICK_SECONDS", "Scheduler"]

log = logging.getLogger(__name__)

#: Reminders fall at opening time and the escalation clock counts minutes, so a minute is fine enough.
TICK_SECONDS = 60.0


class Scheduler:
    def __init__(self, *, db: PerThreadDatabase, config: Config, wake_delivery: Callable[[], None],
                 knowledge: LiveKnowledgeBase, clock: Callable[[], datetime] = utc_now,
                 interval: float = TICK_SECONDS) -> None:
        self.db = db
        self.config = config
        self.wake_delivery = wake_delivery
        self.clock = clock
        self.interval = interval
        self.revisions = RevisionNotices(knowledge, config=config)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self, now: datetime) -> int:
        """Owe whatever has fallen due by `now`, then wake the sender; returns the outbox rows added."""
        # Read first, outside the write lock: the titles of a revision's entries may need an old version read.
        try:
            revisions = self.revisions.due(self.db.get(), now=now)
        except Exception as error:  # noqa: BLE001 - an unreadable revision must not hold up the cases' reminders
            log.error("scheduler revision notices error=%s", type(error).__name__)
            revisions = []
        with self.db.write_lock:
            added = Router(self.db.get(), config=self.config).tick(now=now)
            added += owe_weekly_digest(self.db.get(), config=self.config, now=now)
            purged = run_daily(CaseDesk(self.db.get(), config=self.config), now=now)
            added += self.revisions.record(self.db.get(), revisions, now=now)
        if purged is not None:
            added += len(purged.case_ids)  # each purge edits the case's cards in Slack
        if added:
            log.info("scheduler owed rows=%s", added)
            self.wake_delivery()
        return added

    def start(self) -> Scheduler:
        self._thread = threading.Thread(target=self._run, name="privacy-bot-scheduler", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick(self.clock())
            except Exception as error:  # noqa: BLE001 - a locked database must not end the reminders for good
                log.error("scheduler error=%s", type(error).__name__)
            self._stop.wait(self.interval)
