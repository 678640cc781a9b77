"""The manager answers a knowledge gap: "みんなへの回答を登録 / Answer for everyone" (on the "ask the privacy
manager" DM and on each open gap in App Home) opens the modal; submitting it checks and stores the answer, which
serves the next asker at once, and owes each earlier asker a DM (the outbox delivers it).

Only the manager, the deputy and the privacy team may answer (checked when the button is pressed and again on
submit: a modal can be forged). Logs carry gap ids and Slack ids, never a question or an answer.
"""
from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from bot import ids
from bot.listeners.replies import reply
from bot.payloads import field
from bot.services import Services
from bot.views.gaps import gap_answer_modal, parse_gap_answer
from bot.views.problems import not_allowed_message, notice_message

__all__ = ["open_answer_form", "submit_answer"]

log = logging.getLogger(__name__)

_GONE = "この質問は見つかりません。 / This question no longer exists."


def _gap_id(value: object) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() and len(value) <= 18 else None


def open_answer_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                     respond: Respond | None, services: Services) -> None:
    ack()
    user_id = field(body, "user", "id")
    gap_id = _gap_id(action.get("value"))
    log.info("button action=%s user=%s gap=%s", ids.ACTION_GAP_ANSWER, user_id, gap_id or "-")
    if not services.config.is_privileged(user_id):
        reply(body, respond, not_allowed_message())
        return
    store = services.gaps.store()
    gap = store.get(gap_id) if gap_id is not None else None
    if gap is None or gap_id is None:
        reply(body, respond, notice_message(_GONE))
        return
    kb = services.knowledge_base
    client.views_open(trigger_id=field(body, "trigger_id"), view=gap_answer_modal(
        gap, questions=store.questions(gap_id), policy=list(kb.policy.values()),
        cite=lambda entry: kb.citation(entry, "ja", with_version=False)))  # the options of the version in force


def submit_answer(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient,
                  services: Services) -> None:
    user_id = field(body, "user", "id")
    gap_id = _gap_id(view.get("private_metadata"))
    values = view.get("state", {}).get("values", {}) if isinstance(view.get("state"), dict) else {}
    answer_ja, answer_en, cites, all_staff, errors = parse_gap_answer(values)
    if not services.config.is_privileged(user_id) or gap_id is None or services.gaps.store().get(gap_id) is None:
        reason = "not_allowed" if gap_id is not None else "no_gap"
        log.warning("gap answer refused user=%s gap=%s reason=%s", user_id, gap_id or "-", reason)
        ack(response_action="errors", errors={ids.BLOCK_GAP_ANSWER_JA: not_allowed_message()["text"]
                                              if reason == "not_allowed" else _GONE})
        return
    if errors:
        ack(response_action="errors", errors=errors)
        return
    answer, told_or_problems = services.gaps.approve(gap_id, answer_ja=answer_ja, answer_en=answer_en, cites=cites,
                                                     all_staff=all_staff, actor=user_id,
                                                     knowledge_base=services.knowledge_base)
    if answer is None:
        ack(response_action="errors", errors={ids.BLOCK_GAP_ANSWER_JA: "\n".join(told_or_problems)[:2000]})
        log.info("gap answer refused user=%s gap=%s reason=check problems=%s", user_id, gap_id,
                 len(told_or_problems))
        return
    ack()
    services.wake_delivery()
    told = len(told_or_problems)
    text = (f"質問 #{gap_id} への回答を登録しました。次に同じ質問をした人にはこの回答が表示されます"
            f"（これまでに質問した {told} 人にお知らせします）。 / Answer to question #{gap_id} saved: it is shown to "
            f"the next person who asks ({told} earlier asker(s) will be told).")
    dm = client.conversations_open(users=user_id)
    client.chat_postMessage(channel=dm["channel"]["id"], **notice_message(text))
