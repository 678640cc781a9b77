"""`privacy-bot ask`: answer questions from the knowledge base in use (`privacy_bot.knowledge_in_use`)."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from knowledge import Answer, KnowledgeBaseError, load_indexed
from privacy_bot.cli import texts
from privacy_bot.knowledge_in_use import knowledge_dir


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="answer a question from the privacy policy",
        description="Answer a question from the privacy policy, quoting it and citing the section.\n\n"
        "Example: privacy-bot ask \"開示請求の手続きは？\"\n"
        "         printf '%s\\n' 'Cookieを止めたい' | privacy-bot ask --json -",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("question", nargs="+", help="the question, or '-' to read one question a line from stdin")
    parser.add_argument("--json", action="store_true", help="write one JSON object per question")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        kb = load_indexed(knowledge_dir())
    except KnowledgeBaseError as exc:
        print(exc, file=sys.stderr)
        return 1
    for question in texts(args.question, empty="the question is empty / 質問が空です"):
        _emit(kb.ask(question), as_json=args.json)
        sys.stdout.flush()
    return 0


def _emit(answer: Answer, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        print(answer.render_text(), end="\n\n")
