"""The app under test: built by `build_runtime` exactly as `serve --http` builds it, served by waitress on a free
loopback port, talking to a fake Slack Web API, with a real SQLite database in a temporary directory."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from common.clock import utc_now
from intake.config import Config
from intake.db import open_db
from knowledge import KnowledgeBase, LiveKnowledgeBase, load_knowledge_base

from bot import EVENTS_PATH, Settings, SlackHttpServer
from bot.answer_worker import AnswerPolicy, AnswerWorker
from bot.delivery import OutboxSender, RetryPolicy
from bot.inbox import BACKLOG_LIMIT
from bot.runtime import Runtime, build_runtime
from bot.scheduler import Scheduler
from tests.bot.raw_ids import raw_ids_in_calls
from tests.fake_slack import FakeSlack
from tests.slack_helpers import BOT_TOKEN, SIGNING_SECRET, SlackSender, server_config

MANAGER = "U0MANAGER"
DEPUTY = "U0DEPUTY"
AGENT = "U0AGENT"
TEAM_MEMBER = "U0TEAM"
STRANGER = "U0STRANGER"
ESCALATION_CHANNEL = "C0PRIVACY"
#: Backoff for tests: milliseconds, not seconds, so retries happen while the test polls the fake.
FAST_RETRY = RetryPolicy(first=0.01, longest=0.05, poll=0.05)
FAST_ANSWERS = AnswerPolicy(first=0.01, longest=0.05, poll=0.05)


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
    """The fake Slack Web API; after the test, every message and view the app sent it is checked for the core's
    ids shown raw in a sentence (`acknowledged`, `other_law`), so every end-to-end test also checks the wording."""
    fake = FakeSlack().start()
    yield fake
    fake.stop()
    with fake._lock:
        calls = list(fake.calls)
    assert raw_ids_in_calls(calls) == [], "a message or view shows the core's ids instead of words"


@dataclass
class RunningBot:
    server: SlackHttpServer
    slack: SlackSender
    fake: FakeSlack
    db_path: Path
    sender: OutboxSender
    scheduler: Scheduler
    config: Config
    answers: AnswerWorker
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
    runtimes: list[Runtime] = []

    def start(*, manager: str | None = MANAGER, now: datetime | None = None, backlog_limit: int = BACKLOG_LIMIT,
              knowledge_dir: Path | None = None, **config: Any) -> RunningBot:
        """The app, its outbox sender and its answer worker, built by `build_runtime` as `serve --http` builds
        them, with fast retries and no reminder thread; `config` adds to the manager setting, `now` starts the
        bot's clock at that moment (a `TestClock`) instead of the real time, `backlog_limit` bounds the questions
        owed at once and `knowledge_dir` is a knowledge directory read as `serve` reads it (its versions, the one in
        force by the bot's clock) instead of the bundled knowledge base."""
        db_path = tmp_path / "privacy-bot.db"
        settings = Settings(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=fake_slack.api_url)
        configuration = Config(manager=manager, **config)
        clock = TestClock(now) if now is not None else None
        timing = {"clock": clock} if clock else {}
        knowledge = knowledge_base if knowledge_dir is None else \
            LiveKnowledgeBase.load(knowledge_dir, clock=clock or utc_now)
        if isinstance(knowledge, LiveKnowledgeBase) and clock is not None:
            knowledge.clock = clock  # a module's own versioned knowledge base switches on the bot's clock
        runtime = build_runtime(settings, configuration, db_path, knowledge, retry=FAST_RETRY,
                                answer_policy=FAST_ANSWERS, backlog_limit=backlog_limit, **timing)
        runtimes.append(runtime.start(scheduler=False))
        server = SlackHttpServer(runtime.app, signing_secret=SIGNING_SECRET, host="127.0.0.1", port=0,
                                 drain_seconds=0).start()
        servers.append(server)
        return RunningBot(server, SlackSender(server.url + EVENTS_PATH), fake_slack, db_path, runtime.sender,
                          runtime.scheduler, configuration, runtime.answers, clock)

    yield start
    for server in servers:
        server.stop(timeout=5)
    for runtime in runtimes:
        runtime.stop()
        runtime.answers.inbox.close()


@pytest.fixture
def bot(start_bot: Callable[..., RunningBot]) -> RunningBot:
    return start_bot()


# -- `privacy-bot serve --http` as a real process (the kill -9 tests) ------------------------------------------------


@pytest.fixture
def serve_environ(fake_slack: FakeSlack, tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "privacy-bot.yaml"
    config.write_text(server_config(MANAGER), encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    return {**base, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake_slack.api_url, "PRIVACY_BOT_DB": str(tmp_path / "bot.db"),
            "PRIVACY_BOT_CONFIG": str(config), "PYTHONUNBUFFERED": "1"}


@pytest.fixture
def serve_http(serve_environ: dict[str, str]) -> Iterator[Callable[[], tuple[subprocess.Popen[str], SlackSender]]]:
    """Starts `privacy-bot serve --http --port 0` (as often as a test wants, on the same database) and returns the
    process and a sender for its endpoint. Its log is read on a thread, so it never blocks on a full pipe."""
    processes: list[subprocess.Popen[str]] = []

    def start() -> tuple[subprocess.Popen[str], SlackSender]:
        process = subprocess.Popen([sys.executable, "-m", "privacy_bot", "serve", "--http", "--port", "0"],
                                   env=serve_environ, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        processes.append(process)
        assert process.stderr is not None
        for line in process.stderr:
            if found := re.search(r"listening on (http://127\.0\.0\.1:\d+/slack/events)", line):
                threading.Thread(target=process.stderr.read, daemon=True).start()
                return process, SlackSender(found.group(1))
        raise AssertionError("the server never said where it listens")

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait()


def kill_9(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def wait_until(condition: Callable[[], Any], timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
    return result
