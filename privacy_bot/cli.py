"""The `privacy-bot` command line (design.md): a thin argparse shell over knowledge/, intake/ and bot/.

Each sub-command lives in `privacy_bot.commands.<name>` and exposes `register(subparsers)`, which adds its parser
and sets `func(args) -> int`. Exit codes: 0 success, 1 a check failed / not found, 2 bad usage or bad input.
Known failures are worded by the commands; anything else is a bug, reported in one line by `main` rather than
as a traceback, whose values could carry what the person typed.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path

COMMAND_MODULES = ("ask", "kb", "classify", "cases", "serve", "doctor", "report", "demo")


class UsageError(Exception):
    """Bad usage or bad input: printed as one line on stderr, exit code 2."""


def texts(words: Sequence[str], *, empty: str) -> Iterator[str]:
    """The inputs of a text command: the words as one text, or with `-` one text a line from stdin (a scorer
    or a shell loop feeds many through one process). An empty text on the command line is `UsageError(empty)`."""
    if list(words) == ["-"]:
        for line in sys.stdin:
            yield line.rstrip("\r\n")
        return
    text = " ".join(words)
    if not text.strip():
        raise UsageError(empty)
    yield text


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with `only` just that command's parser (see `command_named`)."""
    parser = argparse.ArgumentParser(
        prog="privacy-bot",
        description="Answers questions about the CallConnect privacy policy and tracks privacy requests.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in (only,) if only is not None else COMMAND_MODULES:
        importlib.import_module(f"privacy_bot.commands.{name}").register(subparsers)
    return parser


def command_named(argv: Sequence[str]) -> str | None:
    """The command the arguments run, when it is one of ours; None for `--help`, nothing, or a mistyped command.

    A command module imports what its command needs (`serve` the Slack SDK, `report` matplotlib, the case commands
    the database layer); building every parser would make `ask` pay for all of them. The top-level parser has no
    option but `-h`, so the first word not starting with `-` is the command; when there is none, or it is unknown,
    every command is registered so that the help and the "invalid choice" message list them all.
    """
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    if first is None or any(arg in ("-h", "--help") for arg in argv[: list(argv).index(first)]):
        return None
    return first if first in COMMAND_MODULES else None


def main(argv: Sequence[str] | None = None) -> int:
    # Questions arrive from shells and pipes in any state: read and write UTF-8, and never die on a bad byte.
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    words = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(command_named(words)).parse_args(words)
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"privacy-bot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python's exit-time flush from complaining too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # the last resort: every expected failure is worded above or by its command
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        print(f"privacy-bot: internal error {type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno} "
              "(a bug: please report it with the command you ran)", file=sys.stderr)
        return 2
