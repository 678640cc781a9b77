"""The app under test: built by `build_app` exactly as `serve --http` builds it, served by waitress on a free
loopback port, talking to a fake Slack Web API, with a real SQLite database in a temporary directory."""
from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from intake import load_request_types
from intake.config import Config
from intake.db import open_db
from knowledge import KnowledgeBase, load_knowledge_base

from bot import EVENTS_PATH, Settings, SlackHttpServer, build_app
from bot.delivery import OutboxSender, RetryPolicy, build_delivery_client
from bot.scheduler import Scheduler
from bot.storage import PerThreadDatabase
from tests.fake_slack import FakeSlack
from tests.slack_helpers import BOT_TOKEN, SIGNING_SECRET, SlackSender

MANAGER = "U0MANAGER"
DEPUTY = "U0DEPUTY"
AGENT = "U0AGENT"
TEAM_MEMBER = "U0TEAM"
STRANGER = "U0STRANGER"
ESCALATION_CHANNEL = "C0PRIVACY"
#: Backoff for tests: milliseconds, not seconds, so retries happen while the test polls the fake.
FAST_RETRY = RetryPolicy(first=0.01, longest=0.05, poll=0.05)


class TestClock:
    """Runs at real speed from a chosen moment, so backoffs still elapse; `set` jumps (the reminder tests)."""

    def __init__(self, start: datetime) -> None:
        self._lock = threading.Lock()
        self.set(start)

    def set(self, moment: datetime) -> None:
        with self._lock:
            self._base, self._started = moment, time.monotonic()

    def __call__(self) -> datetime:
        with self._lock:
            return self._base + timedelta(seconds=time.monotonic() - self._started)


@pytest.fixture(autouse=True)
def _clean_slack_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """SLACK_CLIENT_ID + SLACK_CLIENT_SECRET would switch Bolt to OAuth; none of the host's Slack env leaks in."""
    for name in ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN",
                 "SLACK_APP_TOKEN", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def knowledge_base() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@dataclass
class RunningBot:
    server: SlackHttpServer
    slack: SlackSender
    fake: FakeSlack
    db_path: Path
    sender: OutboxSender
    scheduler: Scheduler
    config: Config
    clock: TestClock | None = None

    def db(self) -> sqlite_utils.Database:
        return open_db(self.db_path)

    def tick(self, now: datetime) -> int:
        """Move the bot's clock to `now` and run the reminder clock once (no scheduler thread runs in tests)."""
        if self.clock is not None:
            self.clock.set(now)
        return self.scheduler.tick(now)

    def outbox(self) -> list[dict[str, Any]]:
        return list(self.db().query("SELECT * FROM outbox ORDER BY id"))

    def feedback_votes(self) -> list[dict[str, object]]:
        return list(self.db().query("SELECT * FROM feedback WHERE vote IS NOT NULL ORDER BY id"))


@pytest.fixture
def start_bot(
    fake_slack: FakeSlack, knowledge_base: KnowledgeBase, tmp_path: Path
) -> Iterator[Callable[..., RunningBot]]:
    servers: list[SlackHttpServer] = []

    senders: list[OutboxSender] = []

    def start(*, manager: str | None = MANAGER, now: datetime | None = None, **config: Any) -> RunningBot:
        """The app and its outbox sender, as `serve --http` runs them; `config` adds to the manager setting and
        `now` starts the bot's clock at that moment (a `TestClock`) instead of the real time."""
        db_path = tmp_path / "privacy-bot.db"
        settings = Settings(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=fake_slack.api_url)
        opener = functools.partial(open_db, db_path)
        configuration = Config(manager=manager, **config)
        clock = TestClock(now) if now is not None else None
        timing = {"clock": clock} if clock else {}
        sender = OutboxSender(client=build_delivery_client(settings), db=PerThreadDatabase(opener),
                              config=configuration, request_types=load_request_types(),
                              knowledge_base=knowledge_base, policy=FAST_RETRY, **timing).start()
        senders.append(sender)
        app = build_app(
            settings=settings,
            knowledge_base=knowledge_base,
            open_db=opener,
            config=configuration,
            delivery=sender,
            **timing,
        )
        server = SlackHttpServer(app, host="127.0.0.1", port=0, drain_seconds=0).start()
        servers.append(server)
        scheduler = Scheduler(db=PerThreadDatabase(opener), config=configuration, wake_delivery=sender.wake)
        return RunningBot(server, SlackSender(server.url + EVENTS_PATH), fake_slack, db_path, sender, scheduler,
                          configuration, clock)

    yield start
    for server in servers:
        server.stop(timeout=5)
    for sender in senders:
        sender.stop()


@pytest.fixture
def bot(start_bot: Callable[..., RunningBot]) -> RunningBot:
    return start_bot()
