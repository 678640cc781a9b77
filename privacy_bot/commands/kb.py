"""`privacy-bot kb check [PATH]`: validate the knowledge files (and the manager's answers stored in the database);
`kb gaps` and `kb answer` live in `privacy_bot/commands/gaps.py`."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from knowledge import read_knowledge
from knowledge.check import BUNDLED_DIR
from privacy_bot.commands.gaps import register_gaps, stored_answer_problems


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("kb", help="knowledge base tools", description="Knowledge base tools.")
    actions = parser.add_subparsers(dest="kb_command", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check",
        help="validate policy.yaml, faq.yaml, summaries.yaml and replies.yaml",
        description="Validate policy.yaml and faq.yaml: schema, unique ids, citations, verbatim quotes.\n"
        "Without PATH, checks the knowledge base the bot uses (today always the copy bundled in the package).\n"
        "Prints which one, then file:line: message per problem, and exits 1 when there is any.\n\n"
        "Example: privacy-bot kb check\n"
        "         privacy-bot kb check ./my-knowledge/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("path", nargs="?", help="directory with the knowledge files (default: the one in use)")
    check.set_defaults(func=run_check)
    register_gaps(actions)


def run_check(args: argparse.Namespace) -> int:
    # `serve` and `ask` load `load_knowledge_base()`'s default, the bundled copy: no setting chooses another yet.
    path = Path(args.path) if args.path else BUNDLED_DIR
    directory = path.parent if path.is_file() else path
    print(f"knowledge base: {directory.resolve()}")
    files = read_knowledge(directory)
    for problem in files.problems:
        print(problem)
    answers = stored_answer_problems(directory)  # the manager's answers in the database, held to the same rules
    for line in answers:
        print(line)
    if files.problems or answers:
        return 1
    print(f"ok: {len(files.policy)} policy entries, {len(files.faq)} FAQ entries")
    return 0
