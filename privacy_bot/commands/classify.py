"""`privacy-bot classify`: suggest the request type and urgency of an inquiry (an email body, a call note)."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from intake import Classification, classify, load_request_types
from privacy_bot.cli import texts


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "classify",
        help="suggest a request type and urgency for an inquiry",
        description="Suggest a request type (disclosure, deletion, leak_report, ...) and whether the inquiry is\n"
        "urgent (a leak, an authority's request, a legal threat), with a confidence and ranked candidates.\n\n"
        "Example: privacy-bot classify \"退会したので私のデータを消してください\"\n"
        "         printf '%s\\n' \"退会したので消して\" \"他社の通話履歴が見える\" | privacy-bot classify --json -\n"
        "         (one inquiry a line on stdin, one JSON line each)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("text", nargs="+", help="the inquiry text, or '-' to read one inquiry a line from stdin")
    parser.add_argument("--json", action="store_true", help="write one JSON object per inquiry")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    request_types = load_request_types()
    for text in texts(args.text, empty="the inquiry text is empty / 問い合わせ本文が空です"):
        _emit(classify(text, request_types=request_types), as_json=args.json)
        sys.stdout.flush()
    return 0


def _emit(result: Classification, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return
    request_type = load_request_types()[result.type]
    urgency = "至急 (urgent)" if result.urgent else "通常 (not urgent)"
    print(f"{request_type.label.ja} / {request_type.label.en} [{result.type}]  {urgency}  確信度 {result.confidence:.2f}")
    if result.signals:
        print(f"  至急の理由 (signals): {', '.join(result.signals)}")
    others = ", ".join(f"{type_id} {score:.2f}" for type_id, score in result.candidates[1:4])
    if others:
        print(f"  他の候補 (other candidates): {others}")
