"""Delivering the outbox (`intake/outbox.py`) to Slack: retry with backoff, Retry-After, and no double pings.

One sender thread per server claims due rows one at a time, asks `bot/views/outbox_messages.py` for each row's
message (built from the case as it is *now*: a card delayed by an outage shows the current status), and sends it:

- a DM is `conversations.open` then `chat.postMessage`; a channel post goes straight to the channel; an edit is
  `chat.update` of the message its target row posted (stored channel + ts);
- before posting, the row is marked `maybe_posted` with the channel. If the process dies before `mark_sent`
  (kill -9), or a call fails in a way that may have posted (a timeout, a 5xx), the next attempt first reads the
  conversation (`bot/posted.py`: bot's messages carry the row id in their metadata and first block id)
  and records the message it finds instead of posting a second one;
- 429 waits for Slack's Retry-After (and pauses the whole sender, since the limit is per method); other transient
  failures back off exponentially; an error Slack will repeat forever (`channel_not_found`, `invalid_blocks`) marks
  the row failed, logged with its id, and owes a `delivery_failed` DM to the manager (or, when the manager's own
  DM failed, to the deputy and the privacy team) in the same transaction: a person hears of it, not only the log.
  A row of a kind this version has no message for fails the same way, with the error `unknown_kind`.

Its writes to the outbox take the process's one write lock (`bot/storage.py`), never across a call to Slack.

Logs carry outbox ids, case ids, Slack ids and Slack error codes: never the text being delivered.
"""
from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from common.clock import utc_now
from intake import CaseNotFound, CaseStore, Config, Outbox, OutboxRow
from intake.outbox import DELIVERY_FAILED, failure_notice_recipients
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import ids
from bot.posted import TRANSIENT_ERRORS, Marker, backoff, find_posted, retry_after
from bot.settings import Settings
from bot.storage import PerThreadDatabase
from bot.views.outbox_messages import UNKNOWN_KIND, OutboxMessages, UnknownOutboxKind

__all__ = ["OutboxSender", "RetryPolicy", "build_delivery_client"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff between attempts: `first`, doubling, at most `longest` (seconds)."""

    first: float = 2.0
    longest: float = 300.0
    #: How often the sender looks for rows written by other processes (the CLI) when nobody wakes it.
    poll: float = 2.0

    def delay(self, attempts: int) -> float:
        return backoff(attempts, first=self.first, longest=self.longest)


def build_delivery_client(settings: Settings) -> WebClient:
    """A Web API client without retry handlers: the sender schedules its own retries (and must know when a post
    may have happened), instead of sleeping inside a call."""
    return WebClient(token=settings.bot_token, base_url=settings.api_url, timeout=15, retry_handlers=[])


def _marker(row: OutboxRow) -> Marker:
    """The id a message carries: an edit keeps the id of the post it edits."""
    return Marker(ids.OUTBOX_EVENT_TYPE, "outbox_id", ids.OUTBOX_BLOCK_PREFIX, row.update_of or row.id)


class OutboxSender:
    """Sends what the outbox holds. `drain()` sends everything due now (tests, benchmarks); `start()` runs a thread
    that drains whenever woken (`wake()`, after a commit) and at least every `policy.poll` seconds."""

    def __init__(
        self,
        *,
        client: WebClient,
        db: PerThreadDatabase,
        config: Config,
        messages: OutboxMessages,
        policy: RetryPolicy = RetryPolicy(),
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.client = client
        self.db = db
        self.config = config
        self.messages = messages
        self.policy = policy
        self.clock = clock
        self._token_prefix = uuid.uuid4().hex[:12]
        self._dm_channels: dict[str, str] = {}
        self._paused_until: datetime | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- running --------------------------------------------------------------------------------------------

    def start(self) -> OutboxSender:
        """Resume what a previous process left (rows in `sending` go back to pending), then send in a thread."""
        with self.db.write_lock:
            released = Outbox(self.db.get()).release_abandoned()
        if released:
            log.info("outbox resumed rows=%s (checked in Slack before any re-post)", released)
        self._thread = threading.Thread(target=self._run, name="privacy-bot-outbox", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Something was just committed to the outbox: send it now rather than at the next poll."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.drain()
            except Exception as error:  # noqa: BLE001 - the sender must outlive a bad row or a locked database
                log.error("outbox sender error=%s", type(error).__name__)
            self._wake.wait(self._sleep_for())

    def _sleep_for(self) -> float:
        next_due = Outbox(self.db.get()).next_due()
        if self._paused_until is not None:
            next_due = max(next_due, self._paused_until) if next_due else self._paused_until
        if next_due is None:
            return self.policy.poll
        return min(max((next_due - self.clock()).total_seconds(), 0.001), self.policy.poll)

    def drain(self) -> int:
        """Send every row that is due now, one at a time; returns how many were delivered."""
        delivered = 0
        outbox = Outbox(self.db.get())
        while not self._stop.is_set():
            now = self.clock()
            if self._paused_until is not None and now < self._paused_until:
                break
            with self.db.write_lock:
                row = outbox.claim(now=now, token=f"{self._token_prefix}-{uuid.uuid4().hex[:8]}")
            if row is None:
                break
            delivered += self._attempt(outbox, row)
        return delivered

    # -- one row --------------------------------------------------------------------------------------------

    def _attempt(self, outbox: Outbox, row: OutboxRow) -> int:
        token = row.attempt_token or ""
        try:
            store = CaseStore(self.db.get(), config=self.config, request_types=self.messages.request_types)
            message = _marker(row).tag(self.messages.render(row, store=store, now=self.clock()))
            if row.update_of is not None:
                target = outbox.get(row.update_of)
                assert target is not None and target.channel and target.ts  # claim() waits for a sent target
                self.client.chat_update(channel=target.channel, ts=target.ts, **message)
                with self.db.write_lock:
                    outbox.mark_sent(row.id, token=token, channel=target.channel, ts=target.ts, now=self.clock())
            else:
                channel = row.channel or self._channel_for(row.recipient)
                found = (find_posted(self.client, channel=channel, marker=_marker(row), since=row.created_at)
                         if row.maybe_posted else None)
                if found is not None:
                    with self.db.write_lock:
                        outbox.mark_sent(row.id, token=token, channel=channel, ts=found, now=self.clock())
                    log.info("outbox found-already-posted id=%s kind=%s case=%s recipient=%s",
                             row.id, row.kind, row.case_id or "-", row.recipient)
                    return 1
                with self.db.write_lock:
                    outbox.begin_post(row.id, token=token, channel=channel)
                response = self.client.chat_postMessage(
                    channel=channel, unfurl_links=False, unfurl_media=False,
                    metadata=_marker(row).metadata(),
                    **message,
                )
                with self.db.write_lock:
                    outbox.mark_sent(row.id, token=token, channel=str(response["channel"]), ts=str(response["ts"]),
                                     now=self.clock())
        except CaseNotFound:  # the case was erased since: nothing left to tell anyone about
            with self.db.write_lock:
                outbox.fail(row.id, token=token, error="case_not_found", now=self.clock())
            log.error("outbox failed id=%s kind=%s case=%s error=case_not_found", row.id, row.kind, row.case_id)
            return 0
        except UnknownOutboxKind:  # a message nobody can render would fail the same way on every retry
            self._give_up(outbox, row, UNKNOWN_KIND)
            return 0
        except SlackApiError as error:
            self._slack_failure(outbox, row, error)
            return 0
        except OSError as error:  # connection refused, reset, timed out: Slack may or may not have the post
            self._retry(outbox, row, type(error).__name__)
            return 0
        log.info("outbox sent id=%s kind=%s case=%s recipient=%s attempts=%s", row.id, row.kind,
                 row.case_id or "-", row.recipient, row.attempts)
        return 1

    def _slack_failure(self, outbox: Outbox, row: OutboxRow, error: SlackApiError) -> None:
        status = getattr(error.response, "status_code", 0)
        code = str(error.response.get("error") or f"http_{status}") if error.response is not None else "unknown"
        if status == 429:
            wait = retry_after(error.response.headers if error.response is not None else {})
            self._paused_until = self.clock() + timedelta(seconds=wait)
            with self.db.write_lock:
                outbox.retry(row.id, token=row.attempt_token or "", at=self._paused_until, error=code)
            log.warning("outbox rate-limited id=%s retry_after=%ss", row.id, wait)
        elif status >= 500 or code in TRANSIENT_ERRORS:
            self._retry(outbox, row, code)
        else:
            self._give_up(outbox, row, code)

    def _give_up(self, outbox: Outbox, row: OutboxRow, code: str) -> None:
        """Mark the row failed for good and owe a person the notice, in one transaction."""
        notify = failure_notice_recipients(row, config=self.config)
        with self.db.write_lock:
            notices = outbox.fail(row.id, token=row.attempt_token or "", error=code, now=self.clock(), notify=notify)
        told = ",".join(notify) if notices else ("none (a failure notice)" if row.kind == DELIVERY_FAILED else "none")
        log.error("outbox failed id=%s kind=%s case=%s recipient=%s error=%s notified=%s", row.id, row.kind,
                  row.case_id or "-", row.recipient, code, told)

    def _retry(self, outbox: Outbox, row: OutboxRow, reason: str) -> None:
        delay = self.policy.delay(row.attempts)
        with self.db.write_lock:
            outbox.retry(row.id, token=row.attempt_token or "", at=self.clock() + timedelta(seconds=delay),
                         error=reason)
        log.warning("outbox retry id=%s kind=%s case=%s attempts=%s in=%.3gs error=%s", row.id, row.kind,
                    row.case_id or "-", row.attempts, delay, reason)

    def _channel_for(self, recipient: str) -> str:
        """A user's DM channel with the bot (opened once, then cached); a channel id as it is."""
        if not recipient.startswith(("U", "W")):
            return recipient
        if recipient not in self._dm_channels:
            response = self.client.conversations_open(users=recipient)
            self._dm_channels[recipient] = str(response["channel"]["id"])
        return self._dm_channels[recipient]
