"""The app over HTTP: waitress (a production WSGI server, pure Python) in front of the Bolt app.

This module is the edge, and it decides what reaches Bolt:

- `POST /slack/events` only (anything else is 404 and its body is never read);
- bodies of at most `MAX_BODY_BYTES` (Slack's payloads are far smaller): waitress answers 413 from the announced
  Content-Length before reading the body, and stops a chunked body once it passes the cap;
- a valid Slack signature, checked on the raw bytes (`bot.verification`): anything else is 401 and nothing else
  happens (no listener, no Slack call, no database row; the log gets the reason, never the body);
- a body Bolt can parse: a signed body that is not a JSON object or a form is 400, never a 500.

`GET /healthz` answers 200 while serving and 503 once shutdown has begun. Shutdown first drains: for
`drain_seconds` the health check says 503 while requests are still served, so a load balancer stops routing here
before the port closes; then it stops accepting, lets in-flight requests and the answers already acknowledged
(running on Bolt's listener threads) finish, and returns.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import waitress
from slack_bolt import App
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse
from slack_bolt.request import BoltRequest
from slack_sdk.signature import SignatureVerifier
from waitress import wasyncore

from bot.verification import VERIFIED, signature_problem

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

__all__ = ["DRAIN_SECONDS", "EVENTS_PATH", "HEALTH_PATH", "MAX_BODY_BYTES", "SlackHttpServer", "drain_seconds_from"]

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
#: Worker threads for requests. Requests only verify, dedupe and ack (answers run on Bolt's own threads).
REQUEST_THREADS = 8
#: The largest body accepted. Slack's biggest payloads (a full modal's state, a long message) are tens of KB.
MAX_BODY_BYTES = 1024 * 1024
#: How long /healthz answers 503 before the port closes, unless PRIVACY_BOT_DRAIN_SECONDS says otherwise. Behind a
#: load balancer, set it to the health-check interval times the unhealthy threshold; 5 s keeps a restart quick.
DRAIN_SECONDS = 5.0
DRAIN_SECONDS_MAX = 300.0
DRAIN_ENV = "PRIVACY_BOT_DRAIN_SECONDS"

_TEXT = [("Content-Type", "text/plain; charset=utf-8")]


def drain_seconds_from(environ: Mapping[str, str]) -> float:
    """`PRIVACY_BOT_DRAIN_SECONDS` (0 to 300), or `DRAIN_SECONDS`; a bad value is said in one line and ignored."""
    value = environ.get(DRAIN_ENV, "").strip()
    if not value:
        return DRAIN_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= DRAIN_SECONDS_MAX:
        log.warning("%s must be a number of seconds from 0 to %.0f (got %r): draining for %.0f s",
                    DRAIN_ENV, DRAIN_SECONDS_MAX, value[:20], DRAIN_SECONDS)
        return DRAIN_SECONDS
    return seconds


class SlackHttpServer:
    """Serves one Bolt app on host:port (port 0 picks a free one; see `.port`).

    `signing_secret` is Slack's signing secret: Bolt's own check is off (see bot.verification), so the edge is the
    one place it is used; without one, nothing verifies and every request is refused. `drain_seconds` is how long
    /healthz answers 503 before the port closes on `stop()`; by default it comes from `PRIVACY_BOT_DRAIN_SECONDS`
    (see `drain_seconds_from`).
    """

    def __init__(
        self,
        app: App,
        *,
        signing_secret: str,
        host: str = "127.0.0.1",
        port: int = 3000,
        drain_seconds: float | None = None,
    ) -> None:
        self.app = app
        self._verifier = SignatureVerifier(signing_secret) if signing_secret.strip() else None
        self.drain_seconds = drain_seconds_from(os.environ) if drain_seconds is None else drain_seconds
        self._stopping = threading.Event()
        self._server = waitress.create_server(
            self._wsgi,
            host=host,
            port=port,
            threads=REQUEST_THREADS,
            ident="privacy-bot",
            # waitress refuses a body >= this with 413, before reading it (or as soon as a chunked one gets there).
            max_request_body_size=MAX_BODY_BYTES + 1,
        )
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        return str(self._server.effective_host)

    @property
    def port(self) -> int:
        return int(self._server.effective_port)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _wsgi(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            stopping = self._stopping.is_set()
            start_response("503 Service Unavailable" if stopping else "200 OK", _TEXT)
            return [b"draining\n" if stopping else b"ok\n"]
        if path != EVENTS_PATH or method != "POST":
            start_response("404 Not Found", _TEXT)
            return [b"not found\n"]
        return self._slack_request(environ, start_response)

    def _slack_request(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        length = environ.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:  # waitress has refused these already
            return _refuse(start_response, 413, "body larger than the cap")
        raw: bytes = environ["wsgi.input"].read(int(length))
        problem = signature_problem(
            self._verifier,
            body=raw,
            timestamp=environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
            signature=environ.get("HTTP_X_SLACK_SIGNATURE"),
            now=time.time(),
        )
        if problem is not None:
            return _refuse(start_response, 401, problem)
        wsgi_request = WsgiHttpRequest(environ)
        try:
            request = BoltRequest(
                body=raw.decode("utf-8"),
                query=wsgi_request.query_string,
                headers=wsgi_request.get_headers(),
                context={VERIFIED: True},
            )
        except Exception as error:  # noqa: BLE001 - a body Bolt cannot parse, whatever the parser raises
            return _refuse(start_response, 400, f"malformed body ({type(error).__name__})")
        if not isinstance(request.body, dict):
            return _refuse(start_response, 400, "body is not an object")
        response = self.app.dispatch(request)
        wsgi_response = WsgiHttpResponse(status=response.status, headers=response.headers, body=response.body)
        start_response(wsgi_response.status, wsgi_response.get_headers())
        return wsgi_response.get_body()

    def serve_forever(self) -> None:
        """Serve on this thread until `stop()` is called from another."""
        log.info("listening on %s%s", self.url, EVENTS_PATH)
        self._server.run()

    def start(self) -> SlackHttpServer:
        """Serve on a background thread (tests, and `serve`, whose main thread waits for SIGTERM)."""
        self._thread = threading.Thread(target=self.serve_forever, name="privacy-bot-http", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Graceful stop: drain, refuse new connections, finish requests and acknowledged work, end the loop.

        waitress's loop is not thread-safe, so every change to its sockets is handed to the loop thread through
        its trigger; only the waiting happens here.
        """
        if self._stopping.is_set():
            return
        self._stopping.set()
        if self.drain_seconds > 0:
            log.info("draining for %.1f s: %s answers 503, requests are still served", self.drain_seconds,
                     HEALTH_PATH)
            time.sleep(self.drain_seconds)
        server: Any = self._server
        trigger = server.trigger
        _pull(trigger, lambda: wasyncore.dispatcher.close(server))  # stop listening; keeps the trigger
        server.task_dispatcher.shutdown(timeout=timeout)  # requests already being served
        self.app.listener_runner.listener_executor.shutdown(wait=True)  # answers already acknowledged

        def close_connections() -> None:
            for channel in list(server._map.values()):
                if channel is not trigger:
                    channel.will_close = True  # closes once its response is flushed

        deadline = time.monotonic() + timeout
        if _pull(trigger, close_connections):
            while len(server._map) > 1 and time.monotonic() < deadline:
                time.sleep(0.01)
            _pull(trigger, trigger.close)  # an empty map ends the loop
        if self._thread is not None:
            self._thread.join(timeout)
        log.info("stopped")


def _pull(trigger: Any, thunk: Callable[[], None]) -> bool:
    """Hand `thunk` to waitress's loop thread; False when the loop has already closed its trigger (and ended), so
    there is nothing left to close and a stop must not fail on it."""
    try:
        trigger.pull_trigger(thunk)
    except OSError:
        log.info("server loop already closed")
        return False
    return True


def _refuse(start_response: StartResponse, status: int, reason: str) -> Iterable[bytes]:
    """Answer `status` and log why in one line: the reason only, never the body or a header's value."""
    log.warning("request refused status=%s reason=%s", status, reason)
    phrase = {400: "400 Bad Request", 401: "401 Unauthorized", 413: "413 Content Too Large"}[status]
    start_response(phrase, _TEXT)
    return [phrase.encode() + b"\n"]
