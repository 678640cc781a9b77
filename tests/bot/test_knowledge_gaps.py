"""Issue 12 items 2–5 in the running bot, over the real HTTP endpoint with the fake Slack and a real SQLite file:
a DM question the policy does not answer becomes a gap (in `kb gaps --json` and App Home), the manager answers it in
the modal, the same question and a paraphrase asked by others are answered from it with its provenance, the first
asker is told; and the weekly digest is owed once a week."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot import ids
from intake import JST
from tests.bot.conftest import MANAGER, TEAM_MEMBER, RunningBot
from tests.fake_slack import Call
from tests.slack_helpers import block_action, direct_message, view_submission

QUESTION = "ISMS認証は取ってる？"
PARAPHRASE = "うちってISMSの認証取ってますか？"
ANSWER = "ISMS認証は取得していません。セキュリティの取り組みについての質問は個人情報管理責任者に回してください。"
MONDAY_OPENING = datetime(2026, 11, 30, 10, 0, tzinfo=JST)  # a Monday, a business day
DECEMBER_1 = datetime(2026, 12, 1, 11, 0, tzinfo=JST)


def _kb(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRIVACY_BOT_DB": str(db_path), "PRIVACY_BOT_CONFIG": str(db_path.parent / "none.yaml")}
    return subprocess.run([sys.executable, "-m", "privacy_bot", "kb", *args], env=env, text=True,
                          capture_output=True, timeout=120)


def _posts(bot: RunningBot, channel: str, count: int = 1) -> list[Call]:
    deadline = time.monotonic() + 10
    while True:
        found = [call for call in bot.fake.calls_to("chat.postMessage") if call.params.get("channel") == channel]
        if len(found) >= count or time.monotonic() > deadline:
            assert len(found) >= count, bot.fake.methods()
            return found
        time.sleep(0.02)


def _answer_values(text: str, *, cites: list[str], all_staff: bool = True) -> dict[str, Any]:
    return {
        ids.BLOCK_GAP_ANSWER_JA: {ids.INPUT_GAP_VALUE: {"type": "plain_text_input", "value": text}},
        ids.BLOCK_GAP_ANSWER_EN: {ids.INPUT_GAP_VALUE: {"type": "plain_text_input", "value": None}},
        ids.BLOCK_GAP_CITES: {ids.INPUT_GAP_VALUE: {"type": "multi_static_select",
                                                     "selected_options": [{"value": c} for c in cites]}},
        ids.BLOCK_GAP_AUDIENCE: {ids.INPUT_GAP_VALUE: {"type": "checkboxes", "selected_options":
                                                        [{"value": ids.GAP_ALL_STAFF}] if all_staff else []}},
    }


def test_a_gap_answered_by_the_manager_serves_the_next_askers(start_bot: Callable[..., RunningBot],
                                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)  # slack_sdk logs request bodies at DEBUG, which serve never enables
    bot = start_bot(now=DECEMBER_1, privacy_team=(TEAM_MEMBER,))

    # 1. The policy does not answer it: the asker is told so, and it is a gap.
    bot.slack.event(direct_message(QUESTION, user="U0FIRST", channel="D0FIRST"))
    [first] = _posts(bot, "D0FIRST")
    assert "個人情報管理責任者の回答" not in first.all_text()
    listed = _kb(bot.db_path, "gaps", "--json")
    assert listed.returncode == 0, listed.stderr
    [gap] = json.loads(listed.stdout)
    assert (gap["question"], gap["count"], gap["status"], gap["outcome"]) == (QUESTION, 1, "open", "not_covered")
    assert set(gap) == {"id", "question", "count", "first_asked", "last_asked", "status", "outcome"}

    # 2. The manager sees it in App Home, with an Answer button, and opens the modal from there.
    bot.slack.event({"type": "app_home_opened", "user": MANAGER, "channel": "DHOME", "tab": "home"})
    [home] = bot.fake.wait_for("views.publish")
    view = home.json_param("view")
    assert QUESTION in json.dumps(view, ensure_ascii=False) and len(view["blocks"]) <= 100
    assert [b["accessory"]["value"] for b in view["blocks"] if b.get("accessory", {}).get("action_id")
            == ids.ACTION_GAP_ANSWER] == [str(gap["id"])]
    bot.slack.interaction(block_action(ids.ACTION_GAP_ANSWER, str(gap["id"]), user=MANAGER, channel="DHOME",
                                       response_url=bot.fake.response_url()))
    [opened] = bot.fake.wait_for("views.open")
    modal = opened.json_param("view")
    assert modal["callback_id"] == ids.VIEW_GAP_ANSWER and QUESTION in json.dumps(modal, ensure_ascii=False)

    # An invented quote is refused next to the field; nothing is stored.
    refused = bot.slack.interaction(view_submission(ids.VIEW_GAP_ANSWER, private_metadata=modal["private_metadata"],
                                                    values=_answer_values("第9条に「ISMSを取得する」とあります。",
                                                                          cites=["9"]), user=MANAGER))
    assert refused.json()["response_action"] == "errors"
    assert json.loads(_kb(bot.db_path, "gaps", "--json").stdout)[0]["status"] == "open"

    # 3. The manager approves an answer: the policy is silent, company practice, for all staff.
    saved = bot.slack.interaction(view_submission(ids.VIEW_GAP_ANSWER, private_metadata=modal["private_metadata"],
                                                  values=_answer_values(ANSWER, cites=["company_practice"]),
                                                  user=MANAGER))
    assert saved.status == 200 and "errors" not in saved.body
    assert json.loads(_kb(bot.db_path, "gaps", "--json").stdout)[0]["status"] == "answered"

    # 4. The first asker is told, by DM, with the answer.
    told = bot.fake.wait_for("conversations.open")
    assert any(call.params.get("users") == "U0FIRST" for call in told)
    notices = [call for call in bot.fake.calls_to("chat.postMessage") if "回答が登録されました" in call.all_text()]
    deadline = time.monotonic() + 10
    while not notices and time.monotonic() < deadline:
        time.sleep(0.02)
        notices = [call for call in bot.fake.calls_to("chat.postMessage") if "回答が登録されました" in call.all_text()]
    [notice] = notices
    assert ANSWER in notice.all_text() and "個人情報管理責任者の回答（2026-12-01）" in notice.all_text()

    # 5. The same question and a paraphrase, asked by others, get the manager's answer with its provenance, and no
    # policy quote next to it.
    for user, text in (("U0SECOND", QUESTION), ("U0THIRD", PARAPHRASE)):
        bot.slack.event(direct_message(text, user=user, channel=f"D{user}"))
        [reply] = _posts(bot, f"D{user}")
        assert "個人情報管理責任者の回答（2026-12-01）" in reply.all_text()
        assert ANSWER in reply.all_text() and "ポリシーに記載なし：社内の運用" in reply.all_text()
        assert not any(block["type"] == "rich_text" for block in reply.blocks())
    served = _kb(bot.db_path, "gaps", "--json")
    assert json.loads(served.stdout)[0]["count"] == 1  # answered questions are no longer gaps

    # No question text (nor the answer) in any channel message or any log line.
    for call in bot.fake.calls_to("chat.postMessage"):
        if str(call.params.get("channel", "")).startswith("C"):
            assert QUESTION not in call.all_text() and PARAPHRASE not in call.all_text()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (QUESTION, PARAPHRASE, ANSWER, "ISMS"):
        assert secret not in logged
    assert "manager answer served" in logged and "gap recorded" in logged


def test_ask_the_manager_dm_has_answer_for_everyone_and_a_stranger_cannot_answer(
        start_bot: Callable[..., RunningBot]) -> None:
    bot = start_bot()
    bot.slack.event(direct_message("開示請求に手数料はかかる？", user="U0ASKER", channel="D0ASKER"))
    [answer] = _posts(bot, "D0ASKER")
    value = answer.buttons()[ids.ACTION_ASK_MANAGER]["value"]
    bot.slack.interaction(block_action(ids.ACTION_ASK_MANAGER, value, user="U0ASKER", channel="D0ASKER",
                                       response_url=bot.fake.response_url()))
    deadline = time.monotonic() + 10
    while not (dms := [c for c in bot.fake.calls_to("chat.postMessage") if ids.ACTION_GAP_ANSWER in c.buttons()]):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    button = dms[0].buttons()[ids.ACTION_GAP_ANSWER]
    assert "みんなへの回答を登録" in button["text"]["text"]
    [gap] = json.loads(_kb(bot.db_path, "gaps", "--json").stdout)
    assert gap["count"] == 1 and gap["outcome"] == "partial"  # the answer and the press are one ask
    forged = bot.slack.interaction(view_submission(ids.VIEW_GAP_ANSWER, private_metadata=button["value"],
                                                   values=_answer_values("無料です。", cites=["10"]), user="U0ASKER"))
    assert forged.json()["response_action"] == "errors"
    assert json.loads(_kb(bot.db_path, "gaps", "--json").stdout)[0]["status"] == "open"


def test_the_weekly_digest_reaches_the_manager_once_a_week(start_bot: Callable[..., RunningBot]) -> None:
    bot = start_bot(now=datetime(2026, 11, 27, 12, 0, tzinfo=JST))
    bot.slack.event(direct_message(QUESTION, user="U0FIRST", channel="D0FIRST"))
    _posts(bot, "D0FIRST")
    bot.tick(datetime(2026, 11, 30, 9, 0, tzinfo=JST))  # Monday, before opening
    bot.tick(MONDAY_OPENING)
    bot.tick(datetime(2026, 11, 30, 15, 0, tzinfo=JST))
    bot.tick(datetime(2026, 12, 1, 10, 0, tzinfo=JST))  # Tuesday: not again
    rows = [row for row in bot.outbox() if row["kind"] == "gap_digest"]
    assert len(rows) == 1 and rows[0]["recipient"] == MANAGER
    deadline = time.monotonic() + 10
    while not (digests := [c for c in bot.fake.calls_to("chat.postMessage") if "ナレッジの不足" in c.all_text()]):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    text = digests[0].all_text()
    assert "新しい未回答の質問 / New gaps: 1件" in text and f"#1（1回）{QUESTION}" in text


def test_no_digest_when_there_is_nothing_to_say(start_bot: Callable[..., RunningBot]) -> None:
    bot = start_bot(now=MONDAY_OPENING)
    bot.tick(MONDAY_OPENING)
    assert [row for row in bot.outbox() if row["kind"] == "gap_digest"] == []
