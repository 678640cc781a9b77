"""`privacy-bot ask`: answer questions from the knowledge base in use (`privacy_bot.knowledge_in_use`), from the
version of the policy in force today, or on the day `--version` names (what the policy said when a request came
in). Only that version is read: the others held beside it cost nothing."""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from typing import Any

from common.clock import utc_now
from knowledge import Answer, KnowledgeBaseError
from knowledge.live import read_version
from knowledge.versions import day_in_japan, read_catalog
from privacy_bot.cli import UsageError, texts
from privacy_bot.knowledge_in_use import knowledge_dir

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="answer a question from the privacy policy",
        description="Answer a question from the privacy policy, quoting it and citing the section.\n"
        "The answer comes from the version of the policy in force today (Japan's calendar), or on DATE with "
        "--version.\n\n"
        "Example: privacy-bot ask \"開示請求の手続きは？\"\n"
        "         printf '%s\\n' 'Cookieを止めたい' | privacy-bot ask --json -\n"
        "         privacy-bot ask --version 2026-11-30 \"開示を断れるのはどんな場合？\"",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("question", nargs="+", help="the question, or '-' to read one question a line from stdin")
    parser.add_argument("--json", action="store_true", help="write one JSON object per question")
    parser.add_argument("--version", metavar="DATE",
                        help="answer from the version in force on DATE (YYYY-MM-DD, Japan's calendar); a date "
                             "before every revision held gives the first version")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    day = _day(args.version) if args.version is not None else day_in_japan(utc_now())
    catalog = read_catalog(knowledge_dir())
    try:
        if catalog.problems:
            raise KnowledgeBaseError(list(catalog.problems))
        kb = read_version(catalog, catalog.in_force(day))
    except KnowledgeBaseError as exc:
        print(exc, file=sys.stderr)
        return 1
    for question in texts(args.question, empty="the question is empty / 質問が空です"):
        _emit(kb.ask(question), as_json=args.json)
        sys.stdout.flush()
    return 0


def _day(value: str) -> date:
    """`--version`'s date; anything but a real YYYY-MM-DD is bad usage."""
    try:
        if _DATE.fullmatch(value.strip()):
            return date.fromisoformat(value.strip())
    except ValueError:
        pass
    raise UsageError(f"--version takes a date, YYYY-MM-DD, e.g. 2026-12-01 (got {value[:40]!r})")


def _emit(answer: Answer, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        print(answer.render_text(), end="\n\n")
