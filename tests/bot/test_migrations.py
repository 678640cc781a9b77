"""The Slack layer's tables are migrated by bot/, apart from the case core's, and a database made before that
split opens with nothing lost: tests/data/databases/before_bot_migrations.sql is a file as privacy-bot made it
with migrations 0001..0003 of intake/db.py, holding a case and an answer that was voted on; with
`MAIN_0004` applied on top it is the file today's main makes (0001..0004)."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from intake.db import MIGRATIONS, open_db

from bot.migrations import BOT_MIGRATIONS, HISTORY
from tests.bot.conftest import RunningBot
from tests.slack_helpers import block_action

BEFORE_THE_SPLIT = Path(__file__).parents[1] / "data" / "databases" / "before_bot_migrations.sql"
#: What main's migration 0004 did to such a file.
MAIN_0004 = """
DROP TABLE slack_events;
INSERT INTO _migrations (name, applied_at) VALUES ('0004_drop_slack_events', '2026-05-02T00:00:00+00:00');
"""
FEEDBACK_COLUMNS = {"id", "created_at", "user_id", "channel_id", "question", "answer", "sections", "vote", "comment"}


def _names(db_path: Path, table: str) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        return [row[0] for row in conn.execute(f"SELECT name FROM {table} ORDER BY rowid")]


def test_the_case_core_alone_makes_only_the_case_tables(tmp_path: Path) -> None:
    db = open_db(tmp_path / "cases.db")
    assert "feedback" not in db.table_names()
    assert HISTORY not in db.table_names()


def test_the_bot_adds_its_own_tables_under_its_own_history(bot: RunningBot) -> None:
    db = bot.db()
    assert set(db["feedback"].columns_dict) == FEEDBACK_COLUMNS
    assert "slack_events" not in db.table_names()
    assert _names(bot.db_path, "_migrations") == [migration.name for migration in MIGRATIONS]
    assert _names(bot.db_path, HISTORY) == [migration.name for migration in BOT_MIGRATIONS]


@pytest.mark.parametrize("upgrade", ["", MAIN_0004], ids=["made-by-0001..0003", "made-by-0001..0004"])
def test_a_database_from_before_the_split_keeps_its_cases_and_votes(
    start_bot: Callable[..., RunningBot], tmp_path: Path, upgrade: str
) -> None:
    db_path = tmp_path / "privacy-bot.db"  # where start_bot builds the runtime
    with sqlite3.connect(db_path) as conn:
        conn.executescript(BEFORE_THE_SPLIT.read_text(encoding="utf-8") + upgrade)
    conn.close()
    db_path.chmod(0o600)

    bot = start_bot()
    db = bot.db()
    assert "slack_events" not in db.table_names()
    assert _names(db_path, "_migrations") == [migration.name for migration in MIGRATIONS]
    assert _names(db_path, HISTORY) == [migration.name for migration in BOT_MIGRATIONS]
    assert [row["id"] for row in db.query("SELECT id FROM cases")] == ["PRV-2026-0001"]
    assert [(row["vote"], row["comment"]) for row in bot.feedback_votes()] == [("up", "clear")]

    # The answer shown before the upgrade still takes votes: its row is read, and the new vote joins the old one.
    bot.slack.interaction(block_action("answer_vote_down", "ja:1", response_url=bot.fake.response_url()))
    bot.fake.wait_for("views.open")
    votes = bot.feedback_votes()
    assert [(row["id"], row["vote"]) for row in votes] == [(2, "up"), (3, "down")]
    assert votes[1]["question"] == "開示請求が来たら？"
