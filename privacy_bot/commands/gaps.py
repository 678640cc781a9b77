"""`privacy-bot kb gaps …` and `kb answer …`: the knowledge gaps and the manager's answers, from the command line.

The same store the bot writes (`gaps/`, in the database at `PRIVACY_BOT_DB`); an answer given here is served by a
running bot at once and its askers' DMs go through the outbox the running `serve` delivers. Answering, dismissing
and withdrawing need `--actor` to be the manager, the deputy or a member of the privacy team.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import sqlite_utils

from common.clock import utc_now
from gaps import GapError, GapStore, check_manager_answer, export_faq, migrate
from intake import ConfigError, load_config
from intake.db import default_db_path, open_db
from knowledge import load_knowledge_base
from privacy_bot.cli import UsageError

__all__ = ["register_gaps", "stored_answer_problems"]


def register_gaps(actions: Any) -> None:
    gaps = actions.add_parser(
        "gaps", help="knowledge gaps: questions the policy did not answer",
        description="List the knowledge gaps (newest and most asked first): questions answered partially or not\n"
        "at all, 👎 and \"ask the privacy manager\", grouped with their paraphrases.\n\n"
        "Example: privacy-bot kb gaps --json\n"
        "         privacy-bot kb gaps export --out manager-answers.yaml\n"
        "         privacy-bot kb gaps dismiss 7 --actor U0123MANAGER",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    gaps.add_argument("--json", action="store_true", help="a JSON list: id, question, count, first_asked, "
                      "last_asked, status, outcome")
    gaps.set_defaults(func=run_list)
    sub = gaps.add_subparsers(dest="gaps_command", metavar="ACTION")
    export = sub.add_parser("export", help="the approved answers as faq.yaml entries",
                            description="Write the approved (not withdrawn) answers as faq.yaml entries, to append "
                            "under entries: in faq.yaml and check with kb check.")
    export.add_argument("--out", help="write to this file instead of stdout")
    export.set_defaults(func=run_export)
    dismiss = sub.add_parser("dismiss", help="take a gap off the open list (noise)")
    dismiss.add_argument("gap", type=int, metavar="GAP")
    dismiss.add_argument("--actor", required=True, help="your Slack member id (manager, deputy or team)")
    dismiss.set_defaults(func=run_dismiss)

    answer = actions.add_parser(
        "answer", help="answer a knowledge gap for everyone (or --withdraw an answer)",
        description="Approve the privacy manager's answer to a gap: served at once to whoever asks it (or a\n"
        "paraphrase), shown as the manager's answer, never as policy text. --cite the sections it rests on\n"
        "(none: the policy is silent, company practice); a 「…」 quote must be verbatim from them.\n\n"
        "Example: privacy-bot kb answer 3 --ja \"取得していません。\" --actor U0123MANAGER\n"
        "         privacy-bot kb answer 3 --withdraw --actor U0123MANAGER",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    answer.add_argument("gap", type=int, metavar="GAP")
    answer.add_argument("--ja", help="the answer in Japanese")
    answer.add_argument("--en", help="the answer in English (optional)")
    answer.add_argument("--cite", nargs="+", default=[], metavar="ID", help="policy ids the answer rests on")
    answer.add_argument("--team-only", action="store_true", help="show it to the manager, deputy and team only")
    answer.add_argument("--withdraw", action="store_true", help="stop serving the gap's answer (the record stays)")
    answer.add_argument("--actor", required=True, help="your Slack member id (manager, deputy or team)")
    answer.set_defaults(func=run_answer)


def _db() -> sqlite_utils.Database:
    try:
        db = open_db()
        migrate(db)
    except (sqlite3.Error, OSError) as exc:
        raise UsageError(f"{default_db_path()}: cannot use the database ({exc}) / データベースを開けません") from None
    return db


def _privileged(actor: str) -> None:
    try:
        config = load_config()
    except ConfigError as exc:
        raise UsageError(f"the configuration is invalid / 設定ファイルに誤りがあります:\n{exc}") from None
    if not config.is_privileged(actor):
        raise UsageError(f"--actor {actor} is not the manager, the deputy or in privacy_team / "
                         "責任者・副責任者・プライバシーチームだけが操作できます")


def run_list(args: argparse.Namespace) -> int:
    found = GapStore(_db()).gaps()
    if args.json:
        print(json.dumps([gap.to_json() for gap in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("no knowledge gaps / 未回答の質問はありません")
    for gap in found:
        question = " ".join(gap.question.split())
        print(f"#{gap.id}\t{gap.status}\t{gap.outcome}\t×{gap.count}\t{gap.last_asked}\t{question}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    store = GapStore(_db())
    text = export_faq((answer, store.questions(answer.gap_id)) for answer in store.answers())
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {len(store.answers())} answer(s) to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def run_dismiss(args: argparse.Namespace) -> int:
    _privileged(args.actor)
    try:
        GapStore(_db()).dismiss(args.gap, actor=args.actor, now=utc_now())
    except GapError as exc:
        return _gap_error(exc)
    print(f"gap {args.gap} dismissed")
    return 0


def run_answer(args: argparse.Namespace) -> int:
    _privileged(args.actor)
    store = GapStore(_db())
    try:
        if args.withdraw:
            if args.ja or args.en or args.cite:
                raise UsageError("--withdraw takes no --ja, --en or --cite")
            withdrawn = store.withdraw(args.gap, actor=args.actor, now=utc_now())
            print(f"answer {withdrawn.id} of gap {args.gap} withdrawn (kept on record)")
            return 0
        if not args.ja or not args.ja.strip():
            raise UsageError("--ja TEXT is required (the answer in Japanese) / 日本語の回答が必要です")
        problems = check_manager_answer(answer_ja=args.ja, answer_en=args.en, cites=args.cite,
                                        policy=list(load_knowledge_base().policy.values()))
        for problem in problems:
            print(f"gap {args.gap}: {problem}", file=sys.stderr)
        if problems:
            return 2
        answer, told = store.approve(args.gap, answer_ja=args.ja.strip(), answer_en=(args.en or "").strip() or None,
                                     cites=args.cite, all_staff=not args.team_only, actor=args.actor, now=utc_now())
    except GapError as exc:
        return _gap_error(exc)
    print(f"answer {answer.id} of gap {args.gap} approved; {len(told)} asker(s) will be told by DM")
    return 0


def _gap_error(exc: GapError) -> int:
    messages = {"unknown_gap": f"gap {exc.gap_id} does not exist / 該当する質問がありません",
                "no_answer": f"gap {exc.gap_id} has no answer being served / 公開中の回答がありません",
                "answered": f"gap {exc.gap_id} has an answer: withdraw it first / 回答済みです"}
    print(messages.get(exc.code, str(exc)), file=sys.stderr)
    return 1


def stored_answer_problems(policy_dir: Path) -> list[str]:
    """`kb check`: the approved answers in the database (when there is one) against the knowledge base checked."""
    path = default_db_path()
    if not path.exists():
        return []
    from knowledge import read_knowledge

    policy = read_knowledge(policy_dir).policy
    problems = []
    for answer in GapStore(_db()).answers():
        for problem in check_manager_answer(answer_ja=answer.answer_ja, answer_en=answer.answer_en,
                                            cites=answer.cites, policy=policy):
            problems.append(f"{path}: manager answer {answer.id} (gap {answer.gap_id}): {problem}")
    return problems
