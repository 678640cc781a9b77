"""Buttons under an answer: 👍 / 👎, "Ask the privacy manager", "Share in channel".

Each button's value is an `AnswerRef` (the stored answer's id and the asker's language). Every handler acks
first, then works: Slack shows an error on the button if the ack is later than 3 s. A press acts on an answer only
where that answer was posted (`AnswerRecord.usable_by`); any other press, forged or mistaken, gets a private
"cannot be used here" and nothing else.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import ids
from bot.feedback import AnswerRecord, Vote
from bot.models import AnswerRef, CommentMetadata
from bot.payloads import field
from bot.services import Services
from bot.views.answer import answer_message
from bot.views.blocks import Message
from bot.views.feedback_modal import comment_modal
from bot.views.manager import manager_request_message
from bot.views.notices import (
    answer_gone_message,
    no_manager_message,
    not_usable_here_message,
    sent_to_manager_message,
    thanks_message,
)

__all__ = ["register"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Click:
    """One click on a button under a stored answer, with what the handlers need to act on it."""

    record: AnswerRecord
    ref: AnswerRef
    body: dict[str, Any]
    client: WebClient
    respond: Respond | None

    @property
    def user_id(self) -> str:
        return field(self.body, "user", "id")

    @property
    def channel_id(self) -> str:
        return _channel(self.body)

    def reply(self, message: Message) -> None:
        """Ephemeral, next to the button (in its thread), seen only by whoever clicked."""
        _reply(self.body, self.respond, message)


Handler = Callable[[Click], None]


def register(app: App, *, services: Services) -> None:
    def on_answer_button(handler: Handler, *, discloses: bool = False) -> Callable[..., None]:
        """Ack, find the answer the button refers to, check it may be pressed here, and hand the click over.

        `discloses`: the handler shows the question to someone (the channel, the manager).
        """

        def listener(
            ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond | None
        ) -> None:
            ack()
            ref = AnswerRef.decode(action.get("value"))
            record = services.feedback.answer(ref.answer_id) if ref is not None else None
            log.info(
                "button action=%s user=%s channel=%s answer=%s",
                field(action, "action_id"),
                field(body, "user", "id"),
                _channel(body),
                ref.answer_id if ref else "-",
            )
            if ref is None or record is None:
                _reply(body, respond, answer_gone_message(ref.language if ref else "ja"))
                return
            container = body.get("container")
            ephemeral = isinstance(container, dict) and container.get("is_ephemeral") is True
            if not record.usable_by(field(body, "user", "id"), channel_id=_channel(body), ephemeral=ephemeral,
                                    discloses=discloses):
                log.warning("button refused action=%s user=%s channel=%s answer=%s reason=not_where_posted",
                            field(action, "action_id"), field(body, "user", "id"), _channel(body), record.id)
                _reply(body, respond, not_usable_here_message(ref.language))
                return
            handler(Click(record=record, ref=ref, body=body, client=client, respond=respond))

        listener.__name__ = handler.__name__
        return listener

    def vote(value: Vote) -> Handler:
        def record_vote(click: Click) -> None:
            feedback_id = services.feedback.record_vote(
                answer=click.record, user_id=click.user_id, channel_id=click.channel_id, vote=value
            )
            trigger_id = field(click.body, "trigger_id")
            if value == "down" and trigger_id:
                # trigger_id expires ~3 s after the click: open the modal before anything else.
                metadata = CommentMetadata(feedback_id=feedback_id, language=click.ref.language)
                click.client.views_open(trigger_id=trigger_id, view=comment_modal(metadata))
            else:
                click.reply(thanks_message(click.ref.language))

        record_vote.__name__ = f"record_vote_{value}"
        return record_vote

    def ask_manager(click: Click) -> None:
        language = click.ref.language
        manager = services.config.manager
        if not manager:
            click.reply(no_manager_message(language, contact=services.knowledge_base.contact(language)))
            return
        answer = services.knowledge_base.ask(click.record.question)
        dm = click.client.conversations_open(users=manager)
        click.client.chat_postMessage(
            channel=dm["channel"]["id"],
            unfurl_links=False,
            **manager_request_message(
                asked_by=click.user_id,
                question=click.record.question,
                answered=answer.answered,
                sections_cited=click.record.sections,
                permalink=_permalink(click),
                channel_id=click.channel_id,
            ),
        )
        click.reply(sent_to_manager_message(language, manager=manager))

    def share(click: Click) -> None:
        if click.respond is None:
            return
        kb = services.knowledge_base
        answer = kb.ask(click.record.question)  # the KB is fixed while running: the answer shown privately
        message = answer_message(
            answer, answer_id=click.record.id, contact=kb.contact(answer.language), shared_by=click.user_id
        )
        # Through response_url, not chat.postMessage: it works in channels the bot was never invited to.
        # Slack cannot turn an ephemeral message public, so post the public copy, then remove the private one.
        click.respond(response_type="in_channel", replace_original=False, **message)
        click.respond(delete_original=True)

    app.action(ids.ACTION_VOTE_UP)(on_answer_button(vote("up")))
    app.action(ids.ACTION_VOTE_DOWN)(on_answer_button(vote("down")))
    app.action(ids.ACTION_ASK_MANAGER)(on_answer_button(ask_manager, discloses=True))
    app.action(ids.ACTION_SHARE)(on_answer_button(share, discloses=True))


def _channel(body: dict[str, Any]) -> str:
    return field(body, "channel", "id") or field(body, "container", "channel_id")


def _thread_ts(body: dict[str, Any]) -> str:
    return field(body, "container", "thread_ts") or field(body, "message", "thread_ts")


def _reply(body: dict[str, Any], respond: Respond | None, message: Message) -> None:
    if respond is not None:
        respond(response_type="ephemeral", replace_original=False, thread_ts=_thread_ts(body) or None, **message)


def _permalink(click: Click) -> str | None:
    """A link to the question's thread for the manager; None for DMs and ephemeral replies (nothing to open)."""
    container = click.body.get("container")
    ephemeral = isinstance(container, dict) and bool(container.get("is_ephemeral"))
    channel_id = click.channel_id
    message_ts = _thread_ts(click.body) or field(click.body, "container", "message_ts")
    if ephemeral or not channel_id or channel_id.startswith("D") or not message_ts:
        return None
    try:
        response = click.client.chat_getPermalink(channel=channel_id, message_ts=message_ts)
    except SlackApiError as error:
        log.warning("no permalink channel=%s error=%s", channel_id, error.response.get("error"))
        return None
    return field(response.data, "permalink") or None
