"""`/privacy QUESTION` answers privately (with a button to share); `/privacy help` or `/privacy` shows the guide;
`/privacy intake` (or `/privacy 受付`) opens the intake modal to log a privacy request.

Anything after `/privacy` that is not a help word is a question, so `/privacy 退職者のデータは？` just works and an
unknown "sub-command" gets an answer (or the bot's honest "not in the policy") rather than an error.

A question is recorded in the inbox before the ack and answered at its `response_url` by the answer worker, like
a mention, so a crash right after the ack loses nothing. When the inbox is full (or cannot take it in time), the
ack itself says "busy, please try again": nothing is kept, and the asker knows it.
"""
from __future__ import annotations

import logging
import uuid
from typing import Any

from common.text import detect_language
from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import ids
from bot.inbox import InboxUnavailable, Question, Receipt
from bot.listeners.intake import open_intake_modal
from bot.models import IntakeMetadata
from bot.payloads import field
from bot.services import Services
from bot.views.notices import busy_message, guide_message

__all__ = ["HELP_WORDS", "register"]

log = logging.getLogger(__name__)

HELP_WORDS = frozenset({"help", "-h", "--help", "?", "？", "ヘルプ", "使い方", "つかいかた"})


def register(app: App, *, services: Services) -> None:
    def handle_privacy_command(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
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
        if not field(command, "response_url"):
            ack()
            log.warning("command ignored: no response_url user=%s", field(command, "user_id"))
            return
        question = Question("command", field(command, "channel_id"), field(command, "user_id"), text,
                            response_url=field(command, "response_url"))
        # Slack never resends a command: there is nothing to dedupe, the key only has to be unique.
        try:
            receipt = services.answers.owe(f"command:{uuid.uuid4().hex}", question)
        except InboxUnavailable:
            receipt = Receipt.BUSY  # nothing was recorded: say so now rather than leave the asker waiting
        if receipt is Receipt.BUSY:
            ack(response_type="ephemeral", **busy_message(detect_language(text)))
            log.warning("command answered busy user=%s channel=%s", field(command, "user_id"),
                        field(command, "channel_id"))
            return
        ack()
        if receipt is Receipt.OWED:
            services.answers.wake()

    app.command(ids.SLASH_COMMAND)(handle_privacy_command)
