"""The Bolt app, built from explicit settings and collaborators, the same way for tests, HTTP and Socket Mode.

Nothing is created at import time: `build_app` is the only place an `App` comes from, so a test can point it at a
fake Slack and a temporary database, and both servers serve the very same object.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from common.clock import utc_now
from intake import Config, RequestTypes
from knowledge import LiveKnowledgeBase
from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot import listeners
from bot.answer_worker import AnswerWorker
from bot.dedupe import receive_middleware
from bot.delivery import OutboxSender
from bot.errors import handle_error
from bot.feedback import FeedbackStore
from bot.payloads import PayloadGuard
from bot.gap_desk import GapDesk
from bot.services import Services
from bot.settings import Settings
from bot.storage import PerThreadDatabase
from bot.verification import Guards, VerifiedOnly

__all__ = ["LISTENER_THREADS", "build_app", "build_client"]

log = logging.getLogger("bot")

#: Threads running listeners: buttons, modals, App Home (questions are answered by the `AnswerWorker`'s own
#: threads, so a burst of questions never delays the ack of a modal).
LISTENER_THREADS = 8


def build_client(settings: Settings) -> WebClient:
    """A Web API client for `settings.api_url` that retries what is worth retrying.

    Network errors and 500/503 once (backoff), and 429 after the `Retry-After` Slack sends (twice, since
    chat.postMessage is limited per channel and a burst of answers in one channel can meet it).
    """
    return WebClient(
        token=settings.bot_token,
        base_url=settings.api_url,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=1),
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=1),
        ],
    )


def build_app(
    *,
    settings: Settings,
    knowledge: LiveKnowledgeBase,
    db: PerThreadDatabase,
    config: Config,
    answers: AnswerWorker,
    delivery: OutboxSender,
    request_types: RequestTypes,
    clock: Callable[[], datetime] = utc_now,
) -> App:
    """Build the app; calls Slack's auth.test once, so a bad token or an unreachable Slack fails here.

    `db` is the bot's SQLite database: one connection per thread that touches it, and the process's one write
    lock. `answers` records questions before the ack and answers them; `delivery` is the outbox sender to wake
    after a change owes messages. `bot/runtime.py` builds, starts and stops them together. Raises
    `slack_bolt.error.BoltError` when Slack rejects the token and `urllib.error.URLError` (an `OSError`) when
    Slack cannot be reached.
    """
    services = Services(
        knowledge=knowledge,
        feedback=FeedbackStore(db, clock=clock),
        config=config,
        request_types=request_types,
        db=db,
        clock=clock,
        wake_delivery=delivery.wake,
        answers=answers,
        gaps=answers.gaps or GapDesk(db, config=config, clock=clock),
    )
    app = App(
        name="privacy-bot",
        client=build_client(settings),
        # Verifies the token at start-up (auth.test) and learns our bot ids, which Bolt needs to drop our own
        # messages: better to fail now with one line than on the first question.
        token_verification_enabled=True,
        # Signatures are checked at the HTTP edge (bot/http_server.py) before Bolt sees a byte: Bolt's own check
        # raises on a garbled timestamp and logs the bodies it refuses. In its place, before any middleware acts
        # on the body, only what the edge verified (or Socket Mode delivered) goes on; then malformed payloads
        # stop, before Bolt's middleware reads inside them.
        request_verification_enabled=False,
        before_authorize=Guards(VerifiedOnly(log), PayloadGuard(log)),
        # A request no listener takes (a stale button, app_rate_limited, an event we never subscribed to) goes to
        # `handle_error`, which acks it with 200 and one log line, instead of Bolt's 404 and multi-line warning.
        raise_error_for_unhandled_request=True,
        listener_executor=ThreadPoolExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="privacy-bot"),
    )
    app.use(receive_middleware(answers, log))
    listeners.register(app, services=services)
    app.error(handle_error)
    return app
