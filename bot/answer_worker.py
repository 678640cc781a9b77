"""Answering what the inbox (`bot/inbox.py`) holds: a few threads that each claim one owed question at a time,
answer it in Slack and mark it done.

- A mention is answered in its thread, a DM in the DM (`chat.postMessage`), `/privacy` at its `response_url`
  (valid 30 minutes: an older one is given up, logged). A question owed a "busy" notice gets that instead.
- Exactly once: before the post the row records the message it is about to send (`maybe_posted`). If the process
  dies before the row is marked done, or the call fails in a way that may have posted (a timeout, a 5xx), the next
  attempt first looks for its own post in the conversation (`bot/posted.py`: the post carries the question's
  inbox key in its metadata) and, if it is not there, posts that same message. A `response_url` cannot be read
  back, so a command killed in that instant may be answered twice (privately, to the asker) rather than never.
- 429 waits for Slack's Retry-After and does not count as a failure; other transient failures back off
  exponentially and, after `AnswerPolicy.attempts`, give up. Giving up, or an error that would repeat (Slack
  refusing the channel, an answer that cannot be built), goes through the app's error handler: one log line with
  an error id, and the asker is told that id.
- Bounded: `AnswerPolicy.threads` questions are in hand at once; everything else waits in the inbox file, not in
  memory, and the inbox caps how many may wait (`BACKLOG_LIMIT`).

Logs carry the inbox key (Slack's event id), Slack ids and outcomes: never the question or the answer.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from common.clock import utc_now
from common.text import detect_language
from knowledge import LiveKnowledgeBase
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot import ids
from bot.answering import answer_question
from bot.errors import report_error
from bot.feedback import FeedbackStore
from bot.gap_desk import GapDesk
from bot.inbox import Inbox, InboxRow, Question, Receipt
from bot.posted import Marker, backoff, find_posted, is_transient, retry_after
from bot.storage import PerThreadDatabase
from bot.views.blocks import Message
from bot.views.notices import busy_message

__all__ = ["AnswerPolicy", "AnswerWorker"]

log = logging.getLogger(__name__)

#: Slack accepts replies at a slash command's `response_url` for 30 minutes.
RESPONSE_URL_LIFETIME = timedelta(minutes=30)
PRUNE_EVERY = timedelta(minutes=10)


@dataclass(frozen=True)
class AnswerPolicy:
    """How many questions are answered at once, and how failures are retried (seconds)."""

    #: An answer takes a few ms of CPU and one Web API round trip: a handful of threads keeps up with Slack's
    #: 30,000 events/hour cap with room to spare, and bounds the work in hand.
    threads: int = 8
    #: Failures (not rate limits) before giving up on a question: about 15 s of retries with the defaults.
    attempts: int = 5
    first: float = 1.0
    longest: float = 30.0
    #: How often an idle thread looks for retries that fell due, when nobody wakes it.
    poll: float = 1.0

    def delay(self, attempts: int) -> float:
        return backoff(attempts, first=self.first, longest=self.longest)


class AnswerWorker:
    """`owe()` records a question (before the ack); `wake()` says one is waiting (after it); `start()` runs the
    threads, resuming what a killed process left; `stop()` lets the questions in hand finish."""

    def __init__(
        self,
        *,
        client: WebClient,
        inbox: Inbox,
        db: PerThreadDatabase,
        knowledge: LiveKnowledgeBase,
        policy: AnswerPolicy = AnswerPolicy(),
        clock: Callable[[], datetime] = utc_now,
        gaps: GapDesk | None = None,
    ) -> None:
        self.client = client
        self.inbox = inbox
        self.knowledge = knowledge
        self.feedback = FeedbackStore(db, clock=clock)
        #: Knowledge gaps and the manager's answers (None: the policy alone answers).
        self.gaps = gaps
        self.policy = policy
        self.clock = clock
        self._wakes = threading.Condition()
        self._generation = 0
        self._stopping = False
        self._next_prune: datetime | None = None
        self._threads: list[threading.Thread] = []

    # -- the listeners' side ---------------------------------------------------------------------------------

    def owe(self, key: str, question: Question | None) -> Receipt:
        """Record a request (raises `InboxUnavailable` when that cannot be done within about a second)."""
        return self.inbox.receive(key, question, now=self.clock())

    def wake(self) -> None:
        """A question was just recorded: one idle thread takes it now rather than at its next poll."""
        with self._wakes:
            self._generation += 1
            self._wakes.notify()

    # -- running ---------------------------------------------------------------------------------------------

    def start(self) -> AnswerWorker:
        released = self.inbox.release_abandoned()
        if released:
            log.info("answers resumed rows=%s (checked in Slack before any re-post)", released)
        self._threads = [threading.Thread(target=self._run, name=f"privacy-bot-answer-{n}", daemon=True)
                         for n in range(self.policy.threads)]
        for thread in self._threads:
            thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Claim nothing more and wait for the questions in hand; what is still owed stays for the next start."""
        with self._wakes:
            self._stopping = True
            self._wakes.notify_all()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(deadline - time.monotonic(), 0.0))

    def _run(self) -> None:
        while True:
            with self._wakes:
                if self._stopping:
                    return
                seen = self._generation
            try:
                row = self.inbox.claim(now=self.clock(), token=uuid.uuid4().hex[:16])
                if row is not None:
                    self._attempt(row)
                    continue
                self._prune_now_and_then()
            except Exception as error:  # noqa: BLE001 - a thread must outlive a locked file or a bad row
                log.error("answer worker error=%s", type(error).__name__)
            self._idle(seen)

    def _idle(self, seen: int) -> None:
        """Sleep until woken, until the next retry falls due, or for one poll, whichever comes first."""
        next_due = self.inbox.next_due()
        timeout = self.policy.poll
        if next_due is not None:
            timeout = min(max((next_due - self.clock()).total_seconds(), 0.001), timeout)
        with self._wakes:
            if self._generation == seen and not self._stopping:
                self._wakes.wait(timeout)

    def _prune_now_and_then(self) -> None:
        now = self.clock()
        with self._wakes:
            if self._next_prune is not None and now < self._next_prune:
                return
            self._next_prune = now + PRUNE_EVERY
        self.inbox.prune(now=now)

    # -- one question ----------------------------------------------------------------------------------------

    def _attempt(self, row: InboxRow) -> None:
        try:
            if row.question.via == "command":
                self._respond(row)
            else:
                self._post(row)
        except SlackApiError as error:
            self._slack_failure(row, error)
        except (OSError, sqlite3.OperationalError) as error:  # Slack unreachable or slow; the case db locked
            self._failed_for_now(row, error, type(error).__name__)
        except Exception as error:  # noqa: BLE001 - the answer cannot be built: the same text would fail again
            self._give_up(row, error, type(error).__name__)

    def _post(self, row: InboxRow) -> None:
        question = row.question
        marker = Marker(ids.ANSWER_EVENT_TYPE, "inbox_key", ids.ANSWER_BLOCK_PREFIX, row.key)
        if row.maybe_posted:
            found = find_posted(self.client, channel=question.channel, marker=marker, since=row.received_at,
                                thread_ts=question.thread_ts)
            if found is not None:
                self.inbox.finish(row, now=self.clock(), outcome="found-already-posted")
                log.info("answer found-already-posted event_id=%s channel=%s", row.key, question.channel)
                return
        message, outcome = self._message(row, tag=marker)
        self.inbox.begin_post(row, message=dict(message))
        self.client.chat_postMessage(channel=question.channel, thread_ts=question.thread_ts, unfurl_links=False,
                                     unfurl_media=False, metadata=marker.metadata(), **message)
        self._done(row, outcome)

    def _respond(self, row: InboxRow) -> None:
        question = row.question
        if self.clock() - row.received_at > RESPONSE_URL_LIFETIME:
            self.inbox.fail(row, now=self.clock(), error="response_url_expired")
            log.warning("answer given up event_id=%s via=command user=%s error=response_url_expired",
                        row.key, question.user)
            return
        message, outcome = self._message(row)
        self.inbox.begin_post(row, message=dict(message))
        response = WebhookClient(question.response_url or "", timeout=15, retry_handlers=[]).send_dict(
            {"response_type": "ephemeral", **message})
        if response.status_code == 429:
            self._rate_limited(row, retry_after(response.headers))
        elif response.status_code >= 500:
            self._failed_for_now(row, None, f"http_{response.status_code}")
        elif response.status_code >= 300:  # an expired or used-up response_url: nobody left to tell
            self.inbox.fail(row, now=self.clock(), error=f"http_{response.status_code}")
            log.error("answer failed event_id=%s via=command user=%s error=http_%s", row.key, question.user,
                      response.status_code)
        else:
            self._done(row, outcome)

    def _message(self, row: InboxRow, *, tag: Marker | None = None) -> tuple[Message, str]:
        """The reply: the one an earlier attempt was about to post (same answer id in its buttons), or a new one.
        The second value says what it is, for the log."""
        if row.message is not None:
            return cast(Message, row.message), "resent"
        question = row.question
        if row.reply == "busy":
            message, outcome = busy_message(detect_language(question.text)), "backlog-full"
        else:
            answer, message, served = answer_question(self.knowledge.current, self.feedback, text=question.text,
                                                      user_id=question.user, channel_id=question.channel,
                                                      shareable=question.via == "command", gaps=self.gaps)
            outcome = f"answered={answer.answered} sections={','.join(answer.sections[:3])} from={served}"
        return (tag.tag(message) if tag is not None else message), outcome

    def _done(self, row: InboxRow, outcome: str) -> None:
        what = "busy-notice" if row.reply == "busy" else "answered"
        self.inbox.finish(row, now=self.clock(), outcome=what)
        question = row.question
        log.info("%s event_id=%s via=%s channel=%s user=%s attempts=%s %s", what, row.key, question.via,
                 question.channel, question.user, row.attempts + 1, outcome)

    # -- failures --------------------------------------------------------------------------------------------

    def _slack_failure(self, row: InboxRow, error: SlackApiError) -> None:
        status = getattr(error.response, "status_code", 0)
        code = str(error.response.get("error") or f"http_{status}")
        if status == 429:
            self._rate_limited(row, retry_after(error.response.headers))
        elif is_transient(error):
            self._failed_for_now(row, error, code)
        else:
            self._give_up(row, error, code)

    def _rate_limited(self, row: InboxRow, wait: float) -> None:
        """A 429 posted nothing: try again after Retry-After, without counting it as a failure."""
        self.inbox.retry(row, at=self.clock() + timedelta(seconds=wait), error="ratelimited", counted=False,
                         nothing_posted=True)
        log.warning("answer rate-limited event_id=%s retry_after=%ss", row.key, wait)

    def _failed_for_now(self, row: InboxRow, error: Exception | None, code: str) -> None:
        attempts = row.attempts + 1
        if attempts >= self.policy.attempts:
            self._give_up(row, error or RuntimeError(code), code)
            return
        delay = self.policy.delay(attempts)
        self.inbox.retry(row, at=self.clock() + timedelta(seconds=delay), error=code, counted=True)
        log.warning("answer retry event_id=%s via=%s attempts=%s in=%.3gs error=%s", row.key, row.question.via,
                    attempts, delay, code)

    def _give_up(self, row: InboxRow, error: Exception, code: str) -> None:
        """Stop trying; the app's error reporting logs it under an id and tells the asker that id (the inbox holds
        only questions from requests that were verified when they arrived)."""
        self.inbox.fail(row, now=self.clock(), error=code)
        report_error(error, _as_slack_body(row), self.client, verified=True)


def _as_slack_body(row: InboxRow) -> dict[str, Any]:
    """The question in the shape of the request that asked it, for the app's error handler."""
    question = row.question
    if question.via == "command":
        return {"command": ids.SLASH_COMMAND, "response_url": question.response_url, "user_id": question.user,
                "channel_id": question.channel, "text": question.text}
    kind = ids.EVENT_APP_MENTION if question.via == "mention" else ids.EVENT_MESSAGE
    return {"type": "event_callback", "event_id": row.key,
            "event": {"type": kind, "channel": question.channel, "user": question.user, "text": question.text,
                      "ts": question.thread_ts, "thread_ts": question.thread_ts}}
