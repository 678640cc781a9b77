"""The app under test: built by `build_app` exactly as `serve --http` builds it, served by waitress on a free
loopback port, talking to a fake Slack Web API, with a real SQLite database in a temporary directory."""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlite_utils
from intake.config import Config
from intake.db import open_db
from knowledge import KnowledgeBase, load_knowledge_base

from bot import EVENTS_PATH, Settings, SlackHttpServer, build_app
from tests.fake_slack import FakeSlack
from tests.slack_helpers import BOT_TOKEN, SIGNING_SECRET, SlackSender

MANAGER = "U0MANAGER"


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

    def db(self) -> sqlite_utils.Database:
        return open_db(self.db_path)

    def feedback_votes(self) -> list[dict[str, object]]:
        return list(self.db().query("SELECT * FROM feedback WHERE vote IS NOT NULL ORDER BY id"))


@pytest.fixture
def start_bot(
    fake_slack: FakeSlack, knowledge_base: KnowledgeBase, tmp_path: Path
) -> Iterator[Callable[..., RunningBot]]:
    servers: list[SlackHttpServer] = []

    def start(*, manager: str | None = MANAGER) -> RunningBot:
        db_path = tmp_path / "privacy-bot.db"
        settings = Settings(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=fake_slack.api_url)
        app = build_app(
            settings=settings,
            knowledge_base=knowledge_base,
            open_db=functools.partial(open_db, db_path),
            config=Config(manager=manager),
        )
        server = SlackHttpServer(app, host="127.0.0.1", port=0).start()
        servers.append(server)
        return RunningBot(server, SlackSender(server.url + EVENTS_PATH), fake_slack, db_path)

    yield start
    for server in servers:
        server.stop(timeout=5)


@pytest.fixture
def bot(start_bot: Callable[..., RunningBot]) -> RunningBot:
    return start_bot()
