"""Hot reload of the knowledge base: a small thread that notices an edited knowledge directory (or is woken by
SIGHUP), has `knowledge.live` check and swap it, and tells the manager through the outbox.

Polling a content fingerprint rather than watching the file system: five small files, no new dependency, and it
works on every file system an operator may mount. A poll acts on a version only once it has stayed the same for
two polls, so an editor caught half-way through saving does not earn the manager a "refused" notice; SIGHUP acts
at once. A refused version is reported once (`LiveKnowledgeBase` does not read it again until it changes).
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping
from datetime import datetime

from common.clock import utc_now
from intake import Config
from intake.outbox import KNOWLEDGE_RELOAD, Outbox
from knowledge import LiveKnowledgeBase, Reload, ReloadOutcome
from knowledge.versions import read_catalog

from bot.storage import PerThreadDatabase

__all__ = ["POLL_ENV", "POLL_SECONDS", "KnowledgeReloader", "poll_seconds_from"]

log = logging.getLogger(__name__)

#: A settled edit goes live within two polls: well inside the minute the operator is promised.
POLL_SECONDS = 15.0
POLL_SECONDS_MIN, POLL_SECONDS_MAX = 0.05, 30.0
POLL_ENV = "PRIVACY_BOT_KB_POLL_SECONDS"
#: Problems listed in one notice (each cut to a line's length); `kb check` lists them all.
NOTICE_PROBLEMS_MAX = 20
NOTICE_PROBLEM_CHARS = 300


def poll_seconds_from(environ: Mapping[str, str]) -> float:
    """`PRIVACY_BOT_KB_POLL_SECONDS` (0.05 to 30), or `POLL_SECONDS`; a bad value is said in one line and ignored."""
    value = environ.get(POLL_ENV, "").strip()
    if not value:
        return POLL_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not POLL_SECONDS_MIN <= seconds <= POLL_SECONDS_MAX:
        log.warning("%s must be a number of seconds from %s to %.0f (got %r): polling every %.0f s",
                    POLL_ENV, POLL_SECONDS_MIN, POLL_SECONDS_MAX, value[:20], POLL_SECONDS)
        return POLL_SECONDS
    return seconds


class KnowledgeReloader:
    """`start()` polls the knowledge directory; `request()` (the SIGHUP handler) asks for a reload now."""

    def __init__(self, *, knowledge: LiveKnowledgeBase, db: PerThreadDatabase, config: Config,
                 wake_delivery: Callable[[], None], clock: Callable[[], datetime] = utc_now,
                 interval: float = POLL_SECONDS) -> None:
        self.knowledge = knowledge
        self.db = db
        self.config = config
        self.wake_delivery = wake_delivery
        self.clock = clock
        self.interval = interval
        self._requested = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def request(self) -> None:
        """Reload now (safe from a signal handler: it only sets an event)."""
        self._requested.set()

    def reload(self) -> Reload | None:
        """Check the directory now; swap in a changed version that passes `kb check`, and tell the manager."""
        result = self.knowledge.reload()
        if result is not None:
            self._report(result)
        return result

    def start(self) -> KnowledgeReloader:
        if self.knowledge.directory is not None:
            self._thread = threading.Thread(target=self._run, name="privacy-bot-knowledge", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._requested.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        directory = self.knowledge.directory
        assert directory is not None  # start() runs no thread without one
        seen = self.knowledge.version
        while not self._stop.is_set():
            requested = self._requested.wait(self.interval)
            if self._stop.is_set():
                return
            self._requested.clear()
            try:
                version = read_catalog(directory).fingerprint()  # every version's files
                if requested or (version == seen and version != self.knowledge.version):
                    self.reload()
                seen = version
            except Exception as error:  # noqa: BLE001 - an unreadable directory must not end the reloads for good
                log.error("knowledge base reload error=%s", type(error).__name__)

    def _report(self, result: Reload) -> None:
        """One log line (the directory, the version, a count: never the files' content) and one notice."""
        loaded = result.outcome is ReloadOutcome.LOADED
        directory = str(self.knowledge.directory)
        if loaded:
            log.info("knowledge base reloaded dir=%s version=%s", directory, result.version)
        else:
            log.warning("knowledge base refused dir=%s version=%s problems=%s (the version before keeps serving)",
                        directory, result.version, len(result.problems))
        recipients = [self.config.manager] if self.config.manager else \
            [user for user in (self.config.deputy, *self.config.privacy_team) if user]
        problems = [str(problem)[:NOTICE_PROBLEM_CHARS] for problem in result.problems]
        data = {"outcome": result.outcome.value, "directory": directory, "version": result.version,
                "problems": problems[:NOTICE_PROBLEMS_MAX], "more": max(0, len(problems) - NOTICE_PROBLEMS_MAX)}
        if not recipients:
            return
        with self.db.write_lock:
            outbox = Outbox(self.db.get())
            for recipient in dict.fromkeys(recipients):
                outbox.add(kind=KNOWLEDGE_RELOAD, recipient=recipient, now=self.clock(), data=data)
        self.wake_delivery()
