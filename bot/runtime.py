"""The one place the server is assembled: the app, the outbox sender, the answer worker, the reminder clock and
the knowledge base's reloader, around one database.

`privacy-bot serve`, the tests and the benchmarks all build the bot here, so what they run is what is deployed.
Every part shares one `PerThreadDatabase`, hence one in-process write lock: the listeners, the sender, the answer
worker's votes and the scheduler hand the case database over in microseconds instead of meeting in SQLite's busy
handler (`bot/storage.py`). The knobs the tests turn (retry timing, the backlog limit, the clock) are keyword
arguments whose defaults are production's.
"""
from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import gaps
from common.clock import utc_now
from intake import Config, RequestTypes, load_request_types
from intake.db import open_db
from knowledge import KnowledgeBase, LiveKnowledgeBase
from slack_bolt import App

from bot.answer_worker import AnswerPolicy, AnswerWorker
from bot.answering import section_citer
from bot.app import build_app
from bot.delivery import OutboxSender, RetryPolicy, build_delivery_client
from bot.gap_desk import GapDesk
from bot.inbox import BACKLOG_LIMIT, Inbox, inbox_path
from bot.knowledge_reload import POLL_SECONDS, KnowledgeReloader
from bot.migrations import migrate
from bot.scheduler import Scheduler
from bot.settings import Settings
from bot.storage import PerThreadDatabase
from bot.views.outbox_messages import OutboxMessages, policy_citer

__all__ = ["CannotOpenDatabase", "Runtime", "build_runtime"]


class CannotOpenDatabase(Exception):
    """The case database or its inbox could not be opened; the `sqlite3.Error` or `OSError` is the cause.

    Its own type because a Slack that cannot be reached is an `OSError` too, and `serve` words the two apart."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


@dataclass(frozen=True)
class Runtime:
    """The running parts of one server process. `start()` and `stop()` order them as `serve` always has: the
    sender first (resuming what a previous run left), then the reminder clock, then the answer worker; stopping
    in reverse. Rows still pending at shutdown stay in the outbox and the inbox for the next start. The knowledge
    base's reloader runs beside them (it polls only a knowledge base read from a directory)."""

    app: App
    sender: OutboxSender
    answers: AnswerWorker
    scheduler: Scheduler
    db: PerThreadDatabase
    knowledge: KnowledgeReloader

    def start(self, *, scheduler: bool = True) -> Runtime:
        """Start the threads; `scheduler=False` leaves the reminder clock to `scheduler.tick(now)` (tests)."""
        self.sender.start()
        if scheduler:
            self.scheduler.start()
        self.answers.start()
        self.knowledge.start()
        return self

    def stop(self) -> None:
        self.knowledge.stop()
        self.answers.stop()
        self.scheduler.stop()
        self.sender.stop()

    @contextlib.contextmanager
    def running(self) -> Iterator[Runtime]:
        """Start, serve whatever the body serves, and stop even when it fails."""
        self.start()
        try:
            yield self
        finally:
            self.stop()


def build_runtime(
    settings: Settings,
    config: Config,
    db_path: str | os.PathLike[str],
    knowledge_base: KnowledgeBase | LiveKnowledgeBase,
    clock: Callable[[], datetime] = utc_now,
    *,
    request_types: RequestTypes | None = None,
    retry: RetryPolicy = RetryPolicy(),
    answer_policy: AnswerPolicy = AnswerPolicy(),
    backlog_limit: int = BACKLOG_LIMIT,
    knowledge_poll: float = POLL_SECONDS,
) -> Runtime:
    """Open the database (created and migrated now, on this thread, so a bad path fails here) and its inbox, then
    build the parts; nothing runs until `start()`. A `LiveKnowledgeBase` read from a directory is reloaded when the
    directory changes (polled every `knowledge_poll` seconds) and answers from the version of the policy in force
    on `clock`, which must be its own clock (`LiveKnowledgeBase.load(directory, clock=clock)`: one clock decides
    both what is due and which version is quoted, so a test that moves it past midnight sees the switch, and
    `ValueError` otherwise); a plain `KnowledgeBase` answers for good.

    Raises `CannotOpenDatabase` when the database or the inbox cannot be opened, then, from `build_app`'s
    auth.test, `slack_bolt.error.BoltError` when Slack rejects the token and `urllib.error.URLError` (an
    `OSError`) when Slack cannot be reached.
    """
    if isinstance(knowledge_base, LiveKnowledgeBase) and knowledge_base.directory is not None \
            and knowledge_base.clock is not clock:
        raise ValueError("the knowledge base must tell the version in force by the runtime's clock: "
                         "LiveKnowledgeBase.load(directory, clock=clock)")
    path = Path(db_path)
    try:
        first = open_db(path)  # the case core's tables
        migrate(first)  # the Slack layer's own (bot/migrations.py)
        gaps.migrate(first)  # knowledge gaps and the manager's answers (gaps/db.py)
        first.conn.close()
        inbox = Inbox(inbox_path(path), backlog_limit=backlog_limit)
    except (sqlite3.Error, OSError) as error:
        raise CannotOpenDatabase(path) from error
    db = PerThreadDatabase(functools.partial(open_db, path))
    types = request_types or load_request_types()
    knowledge = knowledge_base if isinstance(knowledge_base, LiveKnowledgeBase) else \
        LiveKnowledgeBase.fixed(knowledge_base)
    messages = OutboxMessages(config=config, request_types=types, cite=policy_citer(knowledge),
                              cite_in=lambda section, language: section_citer(knowledge.current)(section, language))
    sender = OutboxSender(client=build_delivery_client(settings), db=db, config=config, messages=messages,
                          policy=retry, clock=clock)
    answers = AnswerWorker(client=build_delivery_client(settings), inbox=inbox, db=db,
                           knowledge=knowledge, policy=answer_policy, clock=clock,
                           gaps=GapDesk(db, config=config, clock=clock))
    app = build_app(settings=settings, knowledge=knowledge, db=db, config=config, answers=answers,
                    clock=clock, delivery=sender, request_types=types)
    scheduler = Scheduler(db=db, config=config, wake_delivery=sender.wake, clock=clock)
    reloader = KnowledgeReloader(knowledge=knowledge, db=db, config=config, wake_delivery=sender.wake, clock=clock,
                                 interval=knowledge_poll)
    return Runtime(app=app, sender=sender, answers=answers, scheduler=scheduler, db=db, knowledge=reloader)
