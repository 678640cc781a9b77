"""The `privacy-bot` command line (design.md): a thin argparse shell over knowledge/, intake/ and bot/.

Each sub-command lives in `privacy_bot.commands.<name>` and exposes `register(subparsers)`, which adds its parser
and sets `func(args) -> int`. Exit codes: 0 success, 1 a check failed / not found, 2 bad usage or bad input.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMAND_MODULES = ("ask", "kb", "classify", "cases", "serve", "doctor")


class UsageError(Exception):
    """Bad usage or bad input: printed as one line on stderr, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privacy-bot",
        description="Answers questions about the CallConnect privacy policy and tracks privacy requests.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"privacy_bot.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Questions arrive from shells and pipes in any state: read and write UTF-8, and never die on a bad byte.
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"privacy-bot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
