"""`privacy-bot serve`: run the Slack app, over Socket Mode (default) or HTTP (`--http`)."""
from __future__ import annotations

import argparse
import contextlib
import ipaddress
import logging
import os
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from typing import Any
from urllib.error import URLError

from slack_bolt.error import BoltError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import Settings, SettingsError, SlackHttpServer, build_socket_mode_handler, run_socket_mode
from bot.knowledge_reload import poll_seconds_from
from bot.log_format import one_line_handler
from bot.runtime import CannotOpenDatabase, build_runtime
from bot.settings import slack_error
from bot.socket_mode import wait_for
from common.clock import utc_now
from intake.config import load_config
from intake.db import default_db_path
from intake.errors import ConfigError
from knowledge import KnowledgeBaseError, LiveKnowledgeBase
from privacy_bot.cli import UsageError
from privacy_bot.knowledge_in_use import knowledge_dir as knowledge_dir_in_use
from privacy_bot.setup_summary import setup_summary

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 3000


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the Slack app (Socket Mode, or HTTP with --http)",
        description="Run the Slack app. By default it connects to Slack over Socket Mode (needs SLACK_BOT_TOKEN "
        "and SLACK_APP_TOKEN; no public URL). With --http it serves POST /slack/events and GET /healthz on a "
        "production WSGI server (needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET), for a TLS proxy to front.\n"
        "SIGTERM or Ctrl-C stops it gracefully; SIGHUP reloads the knowledge base (it is also reloaded within "
        "a minute of an edit, when the edit passes kb check).\n\n"
        "Example: privacy-bot serve\n"
        "         privacy-bot serve --http --port 3000",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--http", action="store_true", help="serve HTTP instead of connecting over Socket Mode")
    parser.add_argument("--port", help=f"HTTP port, 0 for any free one (default {DEFAULT_PORT})")
    parser.add_argument("--host", help=f"HTTP address to listen on (default {DEFAULT_HOST}; 0.0.0.0 in a container)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, handlers=[one_line_handler()])  # one line per record, always
    if not args.http and (args.port is not None or args.host is not None):
        raise UsageError("--port and --host apply to --http only (Socket Mode listens on no port)")
    port = _port(args.port)
    host = _host(args.host)
    try:
        settings = Settings.from_env(os.environ, mode="http" if args.http else "socket")
    except SettingsError as exc:
        raise UsageError(str(exc)) from None
    try:
        config = load_config()
        knowledge_dir = knowledge_dir_in_use(config)
        knowledge = LiveKnowledgeBase.load(knowledge_dir, clock=utc_now)  # the runtime's clock too
    except (ConfigError, KnowledgeBaseError) as exc:
        print(exc, file=sys.stderr)  # one `file:line: message` per problem
        return 2
    db_path = default_db_path()
    try:
        with _quiet_slack_logs():
            runtime = build_runtime(settings, config, db_path, knowledge, clock=utc_now,
                                    knowledge_poll=poll_seconds_from(os.environ))
    except CannotOpenDatabase as exc:
        raise UsageError(f"cannot open the database {db_path}: {exc.__cause__}") from None
    except BoltError as exc:
        raise UsageError(f"Slack rejected SLACK_BOT_TOKEN ({_slack_error(exc.__context__)})") from None
    except (URLError, OSError) as exc:
        raise UsageError(f"cannot reach Slack at {settings.api_url} ({_reason(exc)})") from None
    app = runtime.app
    if settings.app_token is not None:
        _check_app_token(app.client, settings.app_token, api_url=settings.api_url)
    # On stdout, once Slack has accepted the tokens: a start-up failure after this is still one line on stderr.
    print(setup_summary(config=config, db_path=db_path, knowledge_dir=knowledge_dir), flush=True)

    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    if hasattr(signal, "SIGHUP"):  # `kill -HUP`: reload the knowledge base now rather than at the next poll
        signal.signal(signal.SIGHUP, lambda *_: runtime.knowledge.request())
    if args.http:
        try:
            server = SlackHttpServer(app, signing_secret=settings.signing_secret or "", host=host, port=port)
        except (OSError, ValueError) as exc:  # waitress: ValueError when the host stops resolving meanwhile
            raise UsageError(f"cannot listen on {host}:{port} ({_reason(exc)})") from None
        with runtime.running():
            server.start()
            wait_for(stop)
            server.stop()
        return 0
    assert settings.app_token is not None  # Settings.from_env(mode="socket") requires it
    try:
        with runtime.running():
            run_socket_mode(build_socket_mode_handler(app, app_token=settings.app_token), stop=stop)
    except SlackApiError as exc:
        raise UsageError(f"Slack rejected SLACK_APP_TOKEN ({_slack_error(exc)})") from None
    except (URLError, OSError) as exc:
        raise UsageError(f"cannot reach Slack at {settings.api_url} ({_reason(exc)})") from None
    return 0


def _check_app_token(client: WebClient, app_token: str, *, api_url: str) -> None:
    """Ask Slack for a Socket Mode URL once before connecting (and leave it unused): a refused app token then stops
    start-up with our one line, where the SDK's own connect first logs Slack's whole response over several."""
    try:
        with _quiet_slack_logs():
            client.apps_connections_open(app_token=app_token)
    except SlackApiError as exc:
        raise UsageError(f"Slack rejected SLACK_APP_TOKEN ({_slack_error(exc)})") from None
    except (URLError, OSError) as exc:
        raise UsageError(f"cannot reach Slack at {api_url} ({_reason(exc)})") from None


@contextlib.contextmanager
def _quiet_slack_logs() -> Iterator[None]:
    """Mute logging while connecting: a failure is reported in our one line, not after a stack of SDK log lines
    (and Bolt's notice that SLACK_BOT_TOKEN in the environment is unused, as the client carries it, is noise)."""
    logging.disable(logging.ERROR)
    try:
        yield
    finally:
        logging.disable(logging.NOTSET)


def _port(value: str | None) -> int:
    if value is None:
        return DEFAULT_PORT
    if not value.isdigit() or int(value) > 65535:
        raise UsageError(f"--port must be a number from 0 to 65535 (got {value!r})")
    return int(value)


def _host(value: str | None) -> str:
    """An address to listen on, checked before anything connects: waitress would refuse it only later, with
    a bare ValueError. Digits and dots must make an IPv4 address (999.1.1.1 is not one, and is never looked up);
    anything else must resolve."""
    if value is None:
        return DEFAULT_HOST
    try:
        ipaddress.ip_address(value)
        return value
    except ValueError:
        pass
    message = f"--host must be an IP address such as 127.0.0.1 or 0.0.0.0, or a host name (got {value!r})"
    if not value or value.replace(".", "").isdigit():
        raise UsageError(message)
    try:
        socket.getaddrinfo(value, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise UsageError(f"{message}: it does not resolve") from None
    return value


def _slack_error(exc: BaseException | None) -> str:
    response = getattr(exc, "response", None)
    return slack_error(response) if response is not None else "auth.test failed"


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or exc
    return str(reason)
