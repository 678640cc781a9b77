"""The app over Socket Mode: Slack pushes requests down a WebSocket we open, so no public URL is needed.

Bolt's built-in client (no extra dependency) with the app's own WebClient, so `apps.connections.open` goes to
the same `SLACK_API_URL` and carries the same retry handlers. Requests arrive without signatures (the socket,
opened with the xapp- token, is the proof), and Slack's retries arrive with the same event ids, so the dedupe
middleware works unchanged.
"""
from __future__ import annotations

import logging
import threading

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

__all__ = ["SIGNAL_POLL_SECONDS", "build_socket_mode_handler", "run_socket_mode", "wait_for"]

log = logging.getLogger(__name__)


def build_socket_mode_handler(app: App, *, app_token: str) -> SocketModeHandler:
    return SocketModeHandler(app, app_token=app_token, web_client=app.client)


#: How often a waiting main thread wakes. Python runs signal handlers on the main thread only, and a SIGTERM the
#: kernel hands to another thread does not interrupt a wait without a timeout: `serve` then never stopped.
SIGNAL_POLL_SECONDS = 0.5


def wait_for(stop: threading.Event) -> None:
    """Block until `stop` is set, waking now and then so that the signal handler that sets it gets to run."""
    while not stop.wait(SIGNAL_POLL_SECONDS):
        pass


def run_socket_mode(handler: SocketModeHandler, *, stop: threading.Event) -> None:
    """Connect (raises if Slack refuses the app token), serve until `stop` is set, then drain and close."""
    handler.connect()
    log.info("connected to Slack over Socket Mode")
    wait_for(stop)
    handler.close()
    handler.app.listener_runner.listener_executor.shutdown(wait=True)
    log.info("stopped")
