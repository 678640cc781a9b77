"""`privacy-bot kb check [PATH]`, `kb versions [PATH]` and `kb init DIR`: validate the knowledge files of every
version held (and the manager's answers stored in the database); list the versions; start an editable copy.
`kb gaps` and `kb answer` live in `privacy_bot/commands/gaps.py`, `kb update` and `kb review` in
`privacy_bot/commands/kb_revision.py`."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import unicodedata
from pathlib import Path
from typing import Any

from common.clock import utc_now
from knowledge.check import BUNDLED_DIR, KNOWLEDGE_FILES
from knowledge.check_versions import HeldVersion, VersionCheck, check_version, held_versions
from knowledge.versions import day_in_japan, read_catalog
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
        "Prints which one, then file:line: message per problem, and exits 1 when there is any.\n"
        "Every version held (versions/YYYY-MM-DD/) is checked against its own policy text, under a line naming it; "
        "what a revision left to review is a warning while the version is upcoming and an error once it is in "
        "force.\n\n"
        "Example: privacy-bot kb check\n"
        "         privacy-bot kb check ./my-knowledge/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("path", nargs="?", help="directory with the knowledge files (default: the one in use)")
    check.set_defaults(func=run_check)
    versions = actions.add_parser(
        "versions",
        help="list the versions of the policy held, which is in force, and what is left to review",
        description="List the versions of the policy the knowledge base holds (the base, and each revision in "
        "versions/YYYY-MM-DD/) with their effective dates, marking the one in force today (Japan's calendar) with "
        "▶ and the upcoming ones, and for each revision what it changed (changed, added, removed, moved) and how "
        "many review items are left.\n\n"
        "Example: privacy-bot kb versions\n"
        "         privacy-bot kb versions --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    versions.add_argument("path", nargs="?", help="knowledge base directory (default: the one in use)")
    versions.add_argument("--json", action="store_true", help="write one JSON object")
    versions.set_defaults(func=run_versions)
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
    directory = _directory(args.path)
    print(f"knowledge base: {directory.resolve()}")
    catalog = read_catalog(directory)
    for problem in catalog.problems:
        print(problem)
    held = held_versions(catalog, day_in_japan(utc_now()))
    checks = [check_version(version) for version in held]
    for check in checks:
        if len(checks) > 1:
            print(f"version {check.held.describe()}: {_verdict(check)}")
        for line in (*check.errors, *check.warnings):
            print(line)
    # The manager's answers in the database, held to the same rules as the version that serves them now.
    in_force = next(check for check in checks if check.held.standing == "in_force")
    answers = stored_answer_problems(in_force.held.version.directory)
    for line in answers:
        print(line)
    if catalog.problems or answers or any(check.errors for check in checks):
        return 1
    if len(checks) == 1:
        print(f"ok: {_counts(in_force)}")
    return 0


def _verdict(check: VersionCheck) -> str:
    """A version's header line after its name: how many problems, or its entries (ok when nothing is due); and
    the review items left, due now or before the version takes effect."""
    verdict = _plural(len(check.problems), "problem") if check.problems else \
        f"{'' if check.errors else 'ok, '}{_counts(check)}"
    if check.review:
        when = "due now" if check.held.review_is_due else f"due before {check.held.version.effective}"
        verdict += f"; {_plural(len(check.review), 'review item')} left, {when}"
    return verdict


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _counts(check: VersionCheck) -> str:
    return f"{len(check.files.policy)} policy entries, {len(check.files.faq)} FAQ entries"


def run_versions(args: argparse.Namespace) -> int:
    directory = _directory(args.path)
    catalog = read_catalog(directory)
    today = day_in_japan(utc_now())
    held = held_versions(catalog, today)
    if args.json:
        print(json.dumps({"knowledge_base": str(directory.resolve()), "today": today.isoformat(),
                          "in_force": next(h.key for h in held if h.standing == "in_force"),
                          "versions": [_version_json(h) for h in held]}, ensure_ascii=False))
    else:
        print(f"knowledge base: {directory.resolve()} (today in Japan: {today.isoformat()})")
        rows = [("▶" if h.standing == "in_force" else " ", h.key, _standing(h), h.label_ja, _revision_text(h))
                for h in held]
        widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            print("  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths)).rstrip())
    problems = [*catalog.problems, *(problem for h in held for problem in h.record_problems)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _width(text: str) -> int:
    """Columns `text` takes in a terminal: a Japanese character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _standing(held: HeldVersion) -> str:
    effective = held.version.effective
    if held.standing == "upcoming":
        return f"upcoming, in force from {effective}"
    if held.standing == "in_force":
        return f"in force since {effective}" if effective else "in force"
    return f"in force {f'from {effective} ' if effective else ''}until {held.until}"


def _revision_text(held: HeldVersion) -> str:
    record = held.record
    if held.record_problems:
        return "revision.yaml does not read (below)"
    if record is None:
        return "" if held.version.effective is None else "no revision.yaml"
    left = len(record.review)
    return (f"{len(record.changed)} changed, {len(record.added)} added, {len(record.removed)} removed, "
            f"{len(record.moved)} moved; " + (f"{_plural(left, 'review item')} left" if left else "review done"))


def _version_json(held: HeldVersion) -> dict[str, Any]:
    record = held.record
    revision = None if record is None else {
        "source": record.source, "changed": len(record.changed), "added": len(record.added),
        "removed": len(record.removed), "moved": len(record.moved), "review_left": len(record.review),
        "review": [{"id": item.id, "why": item.why} for item in record.review],
    }
    return {"key": held.key, "effective": held.version.effective.isoformat() if held.version.effective else None,
            "status": held.standing, "label": {"ja": held.label_ja, "en": held.label_en},
            "directory": str(held.version.directory.resolve()), "revision": revision}


def _directory(path: str | None) -> Path:
    """The knowledge directory named on the command line (a file in it names it too), else the one in use."""
    chosen = Path(path) if path else knowledge_dir()
    return chosen.parent if chosen.is_file() else chosen


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
