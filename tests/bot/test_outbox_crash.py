"""The outbox across a kill -9: a real `privacy-bot serve --http` process, killed with SIGKILL and started again.

1. Slack answers 500 to every call while a case is submitted: the case is stored and the agent answered; after
   the kill and a restart with Slack healthy, the manager is pinged exactly once.
2. The kill lands between Slack's post and our "sent" mark (the fake posts, then stalls its answer): the restarted
   process finds the post in the DM's history and does not post a second one.
"""
from __future__ import annotations

import json
import time
from typing import Any

import sqlite_utils

from bot.models import IntakeMetadata
from intake import load_request_types, open_db
from bot.views.intake_modal import intake_modal
from tests.bot.conftest import AGENT, MANAGER, kill_9, wait_until
from tests.bot.intake_helpers import submit, valid_answers
from tests.fake_slack import Call, FakeSlack
from tests.slack_helpers import SlackSender


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


def test_a_slack_outage_then_kill_9_then_restart_pings_the_manager_exactly_once(
        serve_http, serve_environ: dict[str, str], fake_slack: FakeSlack) -> None:
    process, slack = serve_http()
    fake_slack.fail_next(None, status=500, times=100_000)
    done = submit_case(slack)
    assert done["response_action"] == "update"
    [case] = list(db(serve_environ).query("SELECT id, status FROM cases"))
    assert case["status"] == "new" and case["id"] in json.dumps(done, ensure_ascii=False)
    fake_slack.wait_for("conversations.open", timeout=10)  # the sender tried and got a 500
    kill_9(process)

    fake_slack.heal()
    serve_http()
    card_id = next(row["id"] for row in db(serve_environ).query("SELECT id FROM outbox WHERE kind = 'case_card'"))
    [post] = wait_until(lambda: card_posts(fake_slack, card_id))
    assert post.params["channel"] == f"D{MANAGER}" and case["id"] in post.all_text()
    time.sleep(0.5)
    assert len(card_posts(fake_slack, card_id)) == 1


def test_a_kill_between_send_and_mark_does_not_ping_twice(
        serve_http, serve_environ: dict[str, str], fake_slack: FakeSlack) -> None:
    process, slack = serve_http()
    fake_slack.stall_next("chat.postMessage", 60)  # Slack posts the card, our process never hears back
    submit_case(slack)
    card_id = next(row["id"] for row in db(serve_environ).query("SELECT id FROM outbox WHERE kind = 'case_card'"))
    wait_until(lambda: card_posts(fake_slack, card_id))
    assert next(db(serve_environ).query("SELECT status FROM outbox WHERE id = ?", [card_id]))["status"] == "sending"
    kill_9(process)

    fake_slack.heal()
    serve_http()
    wait_until(lambda: fake_slack.calls_to("conversations.history"))
    row = wait_until(lambda: next(db(serve_environ).query(
        "SELECT * FROM outbox WHERE id = ? AND status = 'sent'", [card_id]), None))
    [post] = card_posts(fake_slack, card_id)
    assert row["ts"] == fake_slack.history[f"D{MANAGER}"][0]["ts"]
    time.sleep(0.5)
    assert len(card_posts(fake_slack, card_id)) == 1
    # The agent's confirmation, never attempted before the kill, is delivered normally.
    wait_until(lambda: [c for c in fake_slack.calls_to("chat.postMessage") if c.params["channel"] == f"D{AGENT}"])
