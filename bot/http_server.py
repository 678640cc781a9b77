"""The app over HTTP: waitress (a production WSGI server, pure Python) serving Bolt's WSGI adapter.

`POST /slack/events` is Bolt; `GET /healthz` answers 200 while serving and 503 once shutdown has begun, so a
load balancer stops routing before the port closes. Shutdown stops accepting, lets in-flight requests and the
answers already acknowledged (running on Bolt's listener threads) finish, then returns.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import waitress
from waitress import wasyncore
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

__all__ = ["EVENTS_PATH", "HEALTH_PATH", "SlackHttpServer"]

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
#: Worker threads for requests. Requests only verify, dedupe and ack (answers run on Bolt's own threads).
REQUEST_THREADS = 8


class SlackHttpServer:
    """Serves one Bolt app on host:port (port 0 picks a free one; see `.port`)."""

    def __init__(self, app: App, *, host: str = "127.0.0.1", port: int = 3000) -> None:
        self.app = app
        self._slack = SlackRequestHandler(app, path=EVENTS_PATH)
        self._stopping = threading.Event()
        self._server = waitress.create_server(
            self._wsgi, host=host, port=port, threads=REQUEST_THREADS, ident="privacy-bot"
        )
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        return str(self._server.effective_host)  # type: ignore[union-attr]

    @property
    def port(self) -> int:
        return int(self._server.effective_port)  # type: ignore[union-attr]

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _wsgi(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            status = "503 Service Unavailable" if self._stopping.is_set() else "200 OK"
            start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
            return [b"stopping\n" if self._stopping.is_set() else b"ok\n"]
        return self._slack(environ, start_response)

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
        """Graceful stop: refuse new connections, finish requests and acknowledged work, then end the loop.

        waitress's loop is not thread-safe, so every change to its sockets is handed to the loop thread through
        its trigger; only the waiting happens here.
        """
        if self._stopping.is_set():
            return
        self._stopping.set()
        server: Any = self._server
        trigger = server.trigger
        trigger.pull_trigger(lambda: wasyncore.dispatcher.close(server))  # stop listening; keeps the trigger
        server.task_dispatcher.shutdown(timeout=timeout)  # requests already being served
        self.app.listener_runner.listener_executor.shutdown(wait=True)  # answers already acknowledged

        def close_connections() -> None:
            for channel in list(server._map.values()):
                if channel is not trigger:
                    channel.will_close = True  # closes once its response is flushed

        trigger.pull_trigger(close_connections)
        deadline = time.monotonic() + timeout
        while len(server._map) > 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        trigger.pull_trigger(trigger.close)  # an empty map ends the loop
        if self._thread is not None:
            self._thread.join(timeout)
        log.info("stopped")
