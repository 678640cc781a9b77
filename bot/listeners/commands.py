"""`/privacy QUESTION` answers privately (with a button to share); `/privacy help` or `/privacy` shows the guide;
`/privacy intake` (or `/privacy 受付`) opens the intake modal to log a privacy request.

Anything after `/privacy` that is not a help word is a question, so `/privacy 退職者のデータは？` just works and an
unknown "sub-command" gets an answer (or the bot's honest "not in the policy") rather than an error.
"""
from __future__ import annotations

import logging
from typing import Any

from knowledge.text import detect_language
from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import ids
from bot.answering import answer_question
from bot.listeners.intake import open_intake_modal
from bot.models import IntakeMetadata
from bot.payloads import field
from bot.services import Services
from bot.views.notices import guide_message

__all__ = ["HELP_WORDS", "register"]

log = logging.getLogger(__name__)

HELP_WORDS = frozenset({"help", "-h", "--help", "?", "？", "ヘルプ", "使い方", "つかいかた"})


def register(app: App, *, services: Services) -> None:
    def handle_privacy_command(ack: Ack, command: dict[str, Any], respond: Respond | None, client: WebClient) -> None:
        text = field(command, "text").strip()
        if text.lower() in ids.INTAKE_WORDS and field(command, "trigger_id"):
            ack()  # then open the modal at once: the trigger id expires about 3 s after the command
            open_intake_modal(services, client, trigger_id=field(command, "trigger_id"),
                              metadata=IntakeMetadata("command", field(command, "channel_id") or None))
            log.info("intake modal opened source=command user=%s channel=%s", field(command, "user_id"),
                     field(command, "channel_id"))
            return
        if not text or text.lower() in HELP_WORDS:
            # Cheap and needs no I/O, so the guide goes back in the ack itself.
            ack(response_type="ephemeral", **guide_message(detect_language(text)))
            return
        ack()
        if respond is None or not field(command, "response_url"):
            log.warning("command ignored: no response_url user=%s", field(command, "user_id"))
            return
        answer, message = answer_question(
            services,
            text=text,
            user_id=field(command, "user_id"),
            channel_id=field(command, "channel_id"),
            shareable=True,
        )
        respond(response_type="ephemeral", **message)
        log.info(
            "answered command user=%s channel=%s answered=%s sections=%s",
            field(command, "user_id"),
            field(command, "channel_id"),
            answer.answered,
            ",".join(answer.sections[:3]),
        )

    app.command(ids.SLASH_COMMAND)(handle_privacy_command)
