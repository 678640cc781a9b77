"""`privacy-bot kb check [PATH]`: validate the knowledge files."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from knowledge import read_knowledge
from knowledge.check import BUNDLED_DIR


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


def run_check(args: argparse.Namespace) -> int:
    # `serve` and `ask` load `load_knowledge_base()`'s default, the bundled copy: no setting chooses another yet.
    path = Path(args.path) if args.path else BUNDLED_DIR
    directory = path.parent if path.is_file() else path
    print(f"knowledge base: {directory.resolve()}")
    files = read_knowledge(directory)
    for problem in files.problems:
        print(problem)
    if files.problems:
        return 1
    print(f"ok: {len(files.policy)} policy entries, {len(files.faq)} FAQ entries")
    return 0
