"""The outbox across a kill -9: a real `privacy-bot serve --http` process, killed with SIGKILL and started again.

1. Slack answers 500 to every call while a case is submitted: the case is stored and the agent answered; after
   the kill and a restart with Slack healthy, the manager is pinged exactly once.
2. The kill lands between Slack's post and our "sent" mark (the fake posts, then stalls its answer): the restarted
   process finds the post in the DM's history and does not post a second one.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from bot.models import IntakeMetadata
from intake import load_request_types, open_db
from bot.views.intake_modal import intake_modal
from tests.bot.conftest import AGENT, MANAGER
from tests.bot.intake_helpers import submit, valid_answers
from tests.fake_slack import Call, FakeSlack
from tests.slack_helpers import BOT_TOKEN, SIGNING_SECRET, SlackSender


@pytest.fixture
def environ(fake_slack: FakeSlack, tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "privacy-bot.yaml"
    config.write_text(f"manager: {MANAGER}\n", encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    return {**base, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake_slack.api_url, "PRIVACY_BOT_DB": str(tmp_path / "bot.db"),
            "PRIVACY_BOT_CONFIG": str(config), "PYTHONUNBUFFERED": "1"}


@pytest.fixture
def serve(environ: dict[str, str]) -> Iterator[Callable[[], tuple[subprocess.Popen[str], SlackSender]]]:
    processes: list[subprocess.Popen[str]] = []

    def start() -> tuple[subprocess.Popen[str], SlackSender]:
        process = subprocess.Popen([sys.executable, "-m", "privacy_bot", "serve", "--http", "--port", "0"],
                                   env=environ, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        processes.append(process)
        assert process.stderr is not None
        for line in process.stderr:
            if found := re.search(r"listening on (http://127\.0\.0\.1:\d+/slack/events)", line):
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


def submit_case(slack: SlackSender) -> dict[str, Any]:
    view = intake_modal(IntakeMetadata("shortcut"), request_types=load_request_types())
    reply = submit(slack, view, valid_answers(), user=AGENT)
    assert reply.status == 200
    return reply.json()


def db(environ: dict[str, str]) -> sqlite_utils.Database:
    return open_db(environ["PRIVACY_BOT_DB"])


def card_posts(fake: FakeSlack, card_id: int) -> list[Call]:
    """Posts of the manager's card (by the outbox id in the message metadata; a digest may also reach him)."""
    return [call for call in fake.calls_to("chat.postMessage")
            if (call.json_param("metadata") or {}).get("event_payload", {}).get("outbox_id") == card_id]


def wait_until(condition: Callable[[], Any], timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
    return result


def test_a_slack_outage_then_kill_9_then_restart_pings_the_manager_exactly_once(
        serve, environ: dict[str, str], fake_slack: FakeSlack) -> None:
    process, slack = serve()
    fake_slack.fail_next(None, status=500, times=100_000)
    done = submit_case(slack)
    assert done["response_action"] == "update"
    [case] = list(db(environ).query("SELECT id, status FROM cases"))
    assert case["status"] == "new" and case["id"] in json.dumps(done, ensure_ascii=False)
    fake_slack.wait_for("conversations.open", timeout=10)  # the sender tried and got a 500
    kill_9(process)

    fake_slack.heal()
    serve()
    card_id = next(row["id"] for row in db(environ).query("SELECT id FROM outbox WHERE kind = 'case_card'"))
    [post] = wait_until(lambda: card_posts(fake_slack, card_id))
    assert post.params["channel"] == f"D{MANAGER}" and case["id"] in post.all_text()
    time.sleep(0.5)
    assert len(card_posts(fake_slack, card_id)) == 1


def test_a_kill_between_send_and_mark_does_not_ping_twice(
        serve, environ: dict[str, str], fake_slack: FakeSlack) -> None:
    process, slack = serve()
    fake_slack.stall_next("chat.postMessage", 60)  # Slack posts the card, our process never hears back
    submit_case(slack)
    card_id = next(row["id"] for row in db(environ).query("SELECT id FROM outbox WHERE kind = 'case_card'"))
    wait_until(lambda: card_posts(fake_slack, card_id))
    assert next(db(environ).query("SELECT status FROM outbox WHERE id = ?", [card_id]))["status"] == "sending"
    kill_9(process)

    fake_slack.heal()
    serve()
    wait_until(lambda: fake_slack.calls_to("conversations.history"))
    row = wait_until(lambda: next(db(environ).query(
        "SELECT * FROM outbox WHERE id = ? AND status = 'sent'", [card_id]), None))
    [post] = card_posts(fake_slack, card_id)
    assert row["ts"] == fake_slack.history[f"D{MANAGER}"][0]["ts"]
    time.sleep(0.5)
    assert len(card_posts(fake_slack, card_id)) == 1
    # The agent's confirmation, never attempted before the kill, is delivered normally.
    wait_until(lambda: [c for c in fake_slack.calls_to("chat.postMessage") if c.params["channel"] == f"D{AGENT}"])
