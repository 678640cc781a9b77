"""Is this request from Slack? Decided at the HTTP edge, on the raw bytes, before anything reads the body.

Slack signs every request: `X-Slack-Signature` = "v0=" + HMAC-SHA256(signing secret, "v0:{timestamp}:{body}"),
and a timestamp more than five minutes off is a replay. Bolt's own check is not used: a non-numeric timestamp
makes it raise (and the error handler then acted on the unverified body), and it logs the whole body of every
request it refuses (anyone could fill the disk, forge log lines, or get a late Slack request's personal data
written to the log). Here every header is checked for its shape first, so no input can make the check raise,
and a refusal is logged as its reason only.

The edge marks what it verified in the request's context (`VERIFIED`); `VerifiedOnly` stands in for Bolt's check
inside the app, so a request that did not come through the edge (or over Socket Mode, where the socket opened
with the app token is the proof) is refused there too, and `is_verified` tells the error handler whether it may
answer the person.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Final

from slack_bolt.middleware import Middleware
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.signature import SignatureVerifier

__all__ = ["MAX_AGE_SECONDS", "VERIFIED", "Guards", "VerifiedOnly", "is_verified", "signature_problem"]

#: Context key set by the HTTP edge on a request whose signature it checked.
VERIFIED: Final = "privacy_bot_verified"
#: Slack's replay window: a timestamp further than this from our clock is refused.
MAX_AGE_SECONDS: Final = 300

_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


def signature_problem(
    verifier: SignatureVerifier | None, *, body: bytes, timestamp: str | None, signature: str | None, now: float
) -> str | None:
    """Why this is not a request Slack signed just now, in a few words for the log; None when it is.

    Never raises: headers of any shape (missing, repeated, non-ASCII, huge numbers) and bodies that are not
    UTF-8 are reasons, not errors. Without a verifier (no signing secret) nothing is Slack's.
    """
    if verifier is None:
        return "no signing secret configured"
    if not timestamp:
        return "no timestamp"
    if not _TIMESTAMP.fullmatch(timestamp):
        return "timestamp is not a number"
    if not signature:
        return "no signature"
    if not _SIGNATURE.fullmatch(signature):
        return "signature is not v0=<sha256 hex>"
    age = now - int(timestamp)
    if abs(age) > MAX_AGE_SECONDS:
        return f"stale timestamp (age {age:.0f} s)"
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "body is not UTF-8"
    if not verifier.is_valid(text, timestamp, signature):
        return "bad signature"
    return None


def is_verified(request: BoltRequest) -> bool:
    """True for a request the edge verified or one that came over Socket Mode."""
    return request.mode == "socket_mode" or request.context.get(VERIFIED) is True


class VerifiedOnly(Middleware):
    """Bolt's first middleware: lets through only what `is_verified`, answers 401 to anything else."""

    def __init__(self, log: logging.Logger) -> None:
        self._log = log

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]  # noqa: A002
    ) -> BoltResponse | None:
        if is_verified(req):
            return next()
        self._log.warning("request refused status=401 reason=not verified at the HTTP edge")
        return BoltResponse(status=401, body={"error": "invalid request"})


class Guards(Middleware):
    """Several middleware in order where Bolt takes one (`before_authorize`); the first that answers wins."""

    def __init__(self, *guards: Middleware) -> None:
        self._guards = guards

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]  # noqa: A002
    ) -> BoltResponse | None:
        for guard in self._guards:
            passed = False

            def pass_on() -> BoltResponse:
                nonlocal passed
                passed = True
                return resp

            answer = guard.process(req=req, resp=resp, next=pass_on)
            if not passed:
                return answer
        return next()
