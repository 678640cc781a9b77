"""`privacy-bot kb check [PATH]` and `kb init DIR`: validate the knowledge files (and the manager's answers stored in
the database); start an editable copy. `kb gaps` and `kb answer` live in `privacy_bot/commands/gaps.py`, `kb update`
and `kb review` in `privacy_bot/commands/kb_revision.py`."""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from knowledge import read_knowledge
from knowledge.check import BUNDLED_DIR, KNOWLEDGE_FILES
from privacy_bot.cli import UsageError
from privacy_bot.commands.gaps import register_gaps, stored_answer_problems
from privacy_bot.commands.kb_revision import register_revision
from privacy_bot.knowledge_in_use import KB_ENV, knowledge_dir


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("kb", help="knowledge base tools", description="Knowledge base tools.")
    actions = parser.add_subparsers(dest="kb_command", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check",
        help="validate policy.yaml, faq.yaml, summaries.yaml and replies.yaml",
        description="Validate policy.yaml and faq.yaml: schema, unique ids, citations, verbatim quotes.\n"
        f"Without PATH, checks the knowledge base in use: {KB_ENV}, else knowledge_dir in the configuration, "
        "else the copy bundled in the package.\n"
        "Prints which one, then file:line: message per problem, and exits 1 when there is any.\n\n"
        "Example: privacy-bot kb check\n"
        "         privacy-bot kb check ./my-knowledge/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("path", nargs="?", help="directory with the knowledge files (default: the one in use)")
    check.set_defaults(func=run_check)
    init = actions.add_parser(
        "init",
        help="copy the bundled knowledge base to DIR, to edit",
        description="Write the knowledge files bundled in the package (policy.yaml, faq.yaml, summaries.yaml, "
        "replies.yaml and the published policy text) into DIR, to edit and point knowledge_dir at.\n"
        "Refuses a DIR that holds anything unless --force (which overwrites those files, and only those).\n\n"
        "Example: privacy-bot kb init /srv/privacy-bot/kb",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    init.add_argument("directory", metavar="DIR", help="where to write the copy (created when missing)")
    init.add_argument("--force", action="store_true", help="write into a directory that is not empty")
    init.set_defaults(func=run_init)
    register_revision(actions)
    register_gaps(actions)


def run_check(args: argparse.Namespace) -> int:
    path = Path(args.path) if args.path else knowledge_dir()
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


def run_init(args: argparse.Namespace) -> int:
    directory = Path(args.directory).expanduser()
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} is a file, not a directory")
    if directory.is_dir() and any(directory.iterdir()) and not args.force:
        raise UsageError(f"{directory} is not empty: choose an empty or new directory, or add --force to overwrite "
                         f"the knowledge files in it ({', '.join(KNOWLEDGE_FILES)})")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name in KNOWLEDGE_FILES:
            shutil.copyfile(BUNDLED_DIR / name, directory / name)
    except OSError as exc:
        raise UsageError(f"cannot write to {directory}: {exc.strerror or exc}") from None
    print(f"wrote {len(KNOWLEDGE_FILES)} files ({', '.join(KNOWLEDGE_FILES)}) to {directory.resolve()}; "
          f"add to privacy-bot.yaml: knowledge_dir: {directory.resolve()}")
    return 0
