"""`privacy-bot demo`: try the whole bot in a browser, without a Slack workspace, a token or the network."""
from __future__ import annotations

import argparse
import signal
import threading
from typing import Any

from privacy_bot.cli import UsageError

DEFAULT_PORT = 8080


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="try the bot in a local web page that stands in for Slack (no Slack app, token or network)",
        description="Run the real app on a throwaway database against a Slack stand-in, and serve a page at "
        "http://127.0.0.1:PORT where you write in a support channel and DMs as a staff member, an agent, the "
        "privacy manager, the deputy or someone outside the team. Ctrl-C stops it and deletes the database.\n\n"
        "Example: privacy-bot demo\n"
        "         privacy-bot demo --port 0",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--port", help=f"port of the page, 0 for any free one (default {DEFAULT_PORT})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    port = _port(args.port)
    from bot.demo.server import DemoServer  # the Slack layer, only for this command

    try:
        demo = DemoServer(port=port)
    except OSError as exc:
        raise UsageError(f"cannot listen on 127.0.0.1:{port} ({exc.strerror or exc}); try --port 0") from None
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    demo.start()
    try:
        print(f"privacy-bot demo: open {demo.url} (Ctrl-C stops it)", flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        demo.stop()
    return 0


def _port(value: str | None) -> int:
    if value is None:
        return DEFAULT_PORT
    if not value.isdigit() or int(value) > 65535:
        raise UsageError(f"--port must be a number from 0 to 65535 (got {value!r})")
    return int(value)
