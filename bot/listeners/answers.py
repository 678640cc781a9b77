"""Answering policy questions: mentions and DMs, the buttons under an answer, and the comment after a 👎.

Events: by the time these listeners run, the question is already in the inbox (`bot/dedupe.py` recorded it
before the ack, `bot/questions.py` says what an event asks), so a crash from here on loses nothing; all that is
left is to tell the answer worker it has work. (`/privacy QUESTION` arrives as a command: `intake.py`.)

Buttons (👍 / 👎, "Ask the privacy manager", "Share in channel"): each value is an `AnswerRef` (the stored
answer's id and the asker's language). Every handler acks first, then works: Slack shows an error on the button
if the ack is later than 3 s. A press acts on an answer only where that answer was posted
(`AnswerRecord.usable_by`); any other press, forged or mistaken, gets a private "cannot be used here" and nothing
else.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import ids
from bot.dedupe import RECEIPT
from bot.feedback import AnswerRecord, Vote
from bot.inbox import Receipt
from bot.listeners.replies import channel_of, reply, thread_of
from bot.models import AnswerRef, CommentMetadata
from bot.payloads import field
from bot.services import Services
from bot.views.answer import answer_message
from bot.views.blocks import Message
from bot.views.feedback_modal import COMMENT_MAX, comment_modal
from bot.views.manager import manager_request_message
from bot.views.notices import (
    answer_gone_message,
    no_manager_message,
    not_usable_here_message,
    sent_to_manager_message,
    thanks_message,
)

__all__ = ["ask_manager", "hand_to_answer_worker", "save_feedback_comment", "share", "vote_down", "vote_up"]

log = logging.getLogger(__name__)


def hand_to_answer_worker(context: BoltContext, services: Services) -> None:
    """A mention or a DM (any `message` event, so the ones we ignore are still acknowledged with 200, not Bolt's
    404 that Slack would retry)."""
    if context.get(RECEIPT) in (Receipt.OWED, Receipt.BUSY):
        services.answers.wake()


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
        return channel_of(self.body)

    def reply(self, message: Message) -> None:
        reply(self.body, self.respond, message)


def _click(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond | None,
           services: Services, *, discloses: bool = False) -> Click | None:
    """Ack, find the answer the button refers to and check it may be pressed here; None when it may not (the
    presser has been told). `discloses`: the handler shows the question to someone (the channel, the manager)."""
    ack()
    ref = AnswerRef.decode(action.get("value"))
    record = services.feedback.answer(ref.answer_id) if ref is not None else None
    log.info("button action=%s user=%s channel=%s answer=%s", field(action, "action_id"), field(body, "user", "id"),
             channel_of(body), ref.answer_id if ref else "-")
    if ref is None or record is None:
        reply(body, respond, answer_gone_message(ref.language if ref else "ja"))
        return None
    container = body.get("container")
    ephemeral = isinstance(container, dict) and container.get("is_ephemeral") is True
    if not record.usable_by(field(body, "user", "id"), channel_id=channel_of(body), ephemeral=ephemeral,
                            discloses=discloses):
        log.warning("button refused action=%s user=%s channel=%s answer=%s reason=not_where_posted",
                    field(action, "action_id"), field(body, "user", "id"), channel_of(body), record.id)
        reply(body, respond, not_usable_here_message(ref.language))
        return None
    return Click(record=record, ref=ref, body=body, client=client, respond=respond)


def _record_vote(click: Click, value: Vote, services: Services) -> None:
    feedback_id = services.feedback.record_vote(answer=click.record, user_id=click.user_id,
                                                channel_id=click.channel_id, vote=value)
    if value == "down":  # a 👎 is a gap too, whatever the outcome was; its comment joins it later
        services.gaps.record(click.record.question, user_id=click.user_id, channel_id=click.channel_id,
                             source="thumbs_down", outcome=services.knowledge_base.ask(click.record.question).outcome,
                             answer_id=click.record.id, feedback_id=feedback_id)
    trigger_id = field(click.body, "trigger_id")
    if value == "down" and trigger_id:
        # trigger_id expires ~3 s after the click: open the modal before anything else.
        metadata = CommentMetadata(feedback_id=feedback_id, language=click.ref.language)
        click.client.views_open(trigger_id=trigger_id, view=comment_modal(metadata))
    else:
        click.reply(thanks_message(click.ref.language))


def vote_up(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond | None,
            services: Services) -> None:
    click = _click(ack, body, action, client, respond, services)
    if click is not None:
        _record_vote(click, "up", services)


def vote_down(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond | None,
              services: Services) -> None:
    """👎, then the optional comment modal."""
    click = _click(ack, body, action, client, respond, services)
    if click is not None:
        _record_vote(click, "down", services)


def ask_manager(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond | None,
                services: Services) -> None:
    """The question goes to the privacy manager by DM, with a link to its thread."""
    click = _click(ack, body, action, client, respond, services, discloses=True)
    if click is None:
        return
    language = click.ref.language
    manager = services.config.manager
    if not manager:
        click.reply(no_manager_message(language, contact=services.knowledge_base.contact(language)))
        return
    answer = services.knowledge_base.ask(click.record.question)
    gap_id = services.gaps.record(click.record.question, user_id=click.user_id, channel_id=click.channel_id,
                                  source="ask_manager", outcome=answer.outcome, answer_id=click.record.id)
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
            gap_id=gap_id,
        ),
    )
    click.reply(sent_to_manager_message(language, manager=manager))


def share(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond | None,
          services: Services) -> None:
    """A private answer posted for the whole channel, by whoever asked."""
    click = _click(ack, body, action, client, respond, services, discloses=True)
    if click is None or click.respond is None:
        return
    kb = services.knowledge_base
    answer = kb.ask(click.record.question)  # the KB is fixed while running: the answer shown privately
    message = answer_message(answer, answer_id=click.record.id, contact=kb.contact(answer.language),
                             shared_by=click.user_id)
    # Through response_url, not chat.postMessage: it works in channels the bot was never invited to.
    # Slack cannot turn an ephemeral message public, so post the public copy, then remove the private one.
    click.respond(response_type="in_channel", replace_original=False, **message)
    click.respond(delete_original=True)


def save_feedback_comment(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    """The optional comment after a 👎 (the vote itself was stored when the button was clicked)."""
    ack()  # closes the modal; nothing to validate, the comment is optional
    metadata = CommentMetadata.decode(view.get("private_metadata"))
    values = view.get("state", {}).get("values", {}) if isinstance(view.get("state"), dict) else {}
    comment = field(values, ids.BLOCK_FEEDBACK_COMMENT, ids.INPUT_FEEDBACK_COMMENT, "value").strip()
    user_id = field(body, "user", "id")
    if metadata is None or not comment:
        log.info("feedback comment skipped user=%s reason=%s", user_id, "no metadata" if metadata is None else "empty")
        return
    saved = services.feedback.add_comment(feedback_id=metadata.feedback_id, user_id=user_id,
                                          comment=comment[:COMMENT_MAX])
    services.gaps.add_comment(feedback_id=metadata.feedback_id, user_id=user_id, comment=comment[:COMMENT_MAX])
    log.info("feedback comment user=%s feedback=%s saved=%s", user_id, metadata.feedback_id, saved)


def _permalink(click: Click) -> str | None:
    """A link to the question's thread for the manager; None for DMs and ephemeral replies (nothing to open)."""
    container = click.body.get("container")
    ephemeral = isinstance(container, dict) and bool(container.get("is_ephemeral"))
    channel_id = click.channel_id
    message_ts = thread_of(click.body) or field(click.body, "container", "message_ts")
    if ephemeral or not channel_id or channel_id.startswith("D") or not message_ts:
        return None
    try:
        response = click.client.chat_getPermalink(channel=channel_id, message_ts=message_ts)
    except SlackApiError as error:
        log.warning("no permalink channel=%s error=%s", channel_id, error.response.get("error"))
        return None
    return field(response.data, "permalink") or None
