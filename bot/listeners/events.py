"""Events: a mention in a channel is answered in its thread, a DM in the DM, by the answer worker.

By the time these listeners run, the question is already in the inbox: `bot/dedupe.py` recorded it before the
ack (`bot/questions.py` says what an event asks), so a crash from here on loses nothing. Bolt acknowledges events
before listeners run (process_before_response=False); all that is left is to tell the worker it has work.
"""
from __future__ import annotations

from slack_bolt import App, BoltContext

from bot import ids
from bot.dedupe import RECEIPT
from bot.inbox import Receipt
from bot.services import Services

__all__ = ["register"]


def register(app: App, *, services: Services) -> None:
    def hand_to_answer_worker(context: BoltContext) -> None:
        if context.get(RECEIPT) in (Receipt.OWED, Receipt.BUSY):
            services.answers.wake()

    app.event(ids.EVENT_APP_MENTION)(hand_to_answer_worker)
    # One listener for every `message` event, so the ones we ignore are still matched (and acknowledged with
    # 200, not Bolt's 404 for unhandled requests, which Slack would treat as a failure and retry).
    app.event(ids.EVENT_MESSAGE)(hand_to_answer_worker)
