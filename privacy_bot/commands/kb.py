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
        help="validate policy.yaml and faq.yaml",
        description="Validate policy.yaml and faq.yaml: schema, unique ids, citations, verbatim quotes.\n"
        "Prints file:line: message per problem and exits 1 when there is any.\n\n"
        "Example: privacy-bot kb check knowledge/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("path", nargs="?", default=str(BUNDLED_DIR), help="directory with the knowledge files")
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    path = Path(args.path)
    files = read_knowledge(path.parent if path.is_file() else path)
    for problem in files.problems:
        print(problem)
    if files.problems:
        return 1
    print(f"ok: {len(files.policy)} policy entries, {len(files.faq)} FAQ entries")
    return 0
