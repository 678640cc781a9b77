"""`privacy-bot kb update NEW_POLICY.txt` and `kb review`: take in a revision of the published policy as a new
version of the knowledge base, and work through what it left to review (knowledge/new_version.py does the work)."""
from __future__ import annotations

import argparse
import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from common.clock import utc_now
from knowledge.check import read_knowledge, verbatim_key
from knowledge.new_version import NewVersion, UpdateError, current_version, prepare, write
from knowledge.policy_text import PolicyTextError
from knowledge.revision import Citing, Node
from knowledge.versions import (REVISION_FILE, PolicyVersion, RevisionRecord, day_in_japan, read_catalog,
                                read_revision, version_label, without_items, write_revision)
from privacy_bot.cli import UsageError
from privacy_bot.knowledge_in_use import KB_ENV, knowledge_dir

__all__ = ["register_revision"]

#: How much of an item's text the report shows beside its id.
_SHOWN = 40


def register_revision(actions: Any) -> None:
    update = actions.add_parser(
        "update", help="take in a revision of the published policy as a new version",
        description="Read a revision of the published policy (the page's text, like callconnect-privacy-policy.txt),\n"
        "compare it with the latest version held, section by section and item by item, and write it as the version\n"
        "in force from --effective (DIR/versions/YYYY-MM-DD/). Prints what changed (a word diff of each changed\n"
        "entry), what was added, removed or renumbered, and what a person must review before that date.\n"
        f"DIR: the knowledge base directory ({KB_ENV}, else knowledge_dir; never the bundled copy).\n\n"
        "Example: privacy-bot kb update NEW_POLICY.txt --effective 2026-12-01\n"
        "         privacy-bot kb update NEW_POLICY.txt /srv/privacy-bot/kb --effective 2026-12-01 --json",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    update.add_argument("policy", metavar="NEW_POLICY.txt", help="the published text of the revised policy")
    update.add_argument("directory", nargs="?", metavar="DIR", help="the knowledge base (default: the one in use)")
    update.add_argument("--effective", required=True, metavar="YYYY-MM-DD", help="the day the revision takes effect")
    update.add_argument("--force", action="store_true", help="replace a version of the same date held already")
    update.add_argument("--json", action="store_true", help="print {version, effective, changed, added, removed, "
                        "moved, review} as JSON")
    update.set_defaults(func=run_update)

    review = actions.add_parser(
        "review", help="what a revision left to review (and --done ID to mark items done)",
        description="List what each version's revision left for a person to redo (its revision.yaml), or remove\n"
        "the items done. Ids: policy:ID, summary:ID, faq:ID, answer:GAP_ID, reply:STAGE[/WHEN].\n\n"
        "Example: privacy-bot kb review\n"
        "         privacy-bot kb review --done policy:10.3 summary:10.3",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    review.add_argument("directory", nargs="?", metavar="DIR", help="the knowledge base (default: the one in use)")
    review.add_argument("--done", nargs="+", default=[], metavar="ID", help="review items done: remove them")
    review.add_argument("--version", metavar="YYYY-MM-DD", help="the version whose items --done names (needed only "
                        "when two versions list the same id)")
    review.add_argument("--json", action="store_true", help="a JSON list: version, effective, review [{id, why}]")
    review.set_defaults(func=run_review)


def _directory(given: str | None) -> Path:
    directory = Path(given).expanduser() if given else knowledge_dir()
    if not directory.is_dir():
        raise UsageError(f"{directory} はディレクトリではありません ({directory} is not a directory)")
    return directory


def _effective(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--effective {value}: 日付は YYYY-MM-DD で指定してください (a date like 2026-12-01)") from None


def _read_text(name: str) -> str:
    try:
        return Path(name).expanduser().read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{name}: 読み込めません (cannot read: {exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise UsageError(f"{name}: UTF-8 のテキストではありません (not UTF-8 text: save the page's text as UTF-8)") from None


def _manager_answers() -> list[Citing]:
    """The manager's answers served from the database (`PRIVACY_BOT_DB`, when it exists): listed for review when
    they cite or quote what changed, never edited."""
    from gaps import GapStore, migrate
    from intake.db import default_db_path, open_db

    path = default_db_path()
    if not path.exists():
        return []
    try:
        db = open_db()
        migrate(db)
        answers = GapStore(db).answers()
    except (sqlite3.Error, OSError) as exc:
        raise UsageError(f"{path}: データベースを開けません (cannot read the manager's answers: {exc})") from None
    return [Citing(f"answer:{a.gap_id}", a.cites, (a.answer_ja,)) for a in answers]


def run_update(args: argparse.Namespace) -> int:
    effective = _effective(args.effective)
    directory = _directory(args.directory)
    text = _read_text(args.policy)
    try:
        current = current_version(directory, effective, force=args.force)
        version = prepare(current.directory, text, source=Path(args.policy).name, effective=effective,
                          answers=_manager_answers())
    except PolicyTextError as exc:
        where = f"{args.policy}:{exc.line}" if exc.line else args.policy
        raise UsageError(f"{where}: {exc.message}") from None
    except UpdateError as exc:
        raise UsageError(str(exc)) from None
    if version is None:
        return _no_change(args, effective, current)
    try:
        target = write(directory, version)
    except UpdateError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"{directory}: 書き込めません (cannot write the new version: {exc.strerror or exc})") from None
    if args.json:
        print(json.dumps(version.report(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(_report(version, target)))
    return 0


def _no_change(args: argparse.Namespace, effective: date, current: PolicyVersion) -> int:
    if args.json:
        print(json.dumps({"version": None, "effective": effective.isoformat(), "changed": [], "added": [],
                          "removed": [], "moved": [], "review": []}, ensure_ascii=False, indent=2))
    else:
        print(f"変更はありません: {args.policy} の本文は最新の版（{current.key}）と同じです。何も書き込んでいません "
              f"(no change: the policy text is the same as the latest version held; nothing written)")
    return 0


def _shown(node: Node) -> str:
    """A changed, added, removed or moved entry as the report names it: a section by its heading, the others by
    the start of their text."""
    text = node.heading or " ".join(verbatim_key(node.ja).split()) or "（見出しのみ）"
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _report(version: NewVersion, target: Path) -> list[str]:
    """The readable report: what was written, then each kind of change (a word diff under each changed entry),
    then the review list."""
    a = version.alignment
    label = version_label(version.effective, "ja")
    lines = [f"{label}を書き込みました: {target} (wrote the version of {version.key} from {version.source}; "
             f"in force from {version.key} 00:00 JST)"]
    today = day_in_japan(utc_now())
    if version.effective <= today:
        lines.append(f"注意: 施行日 {version.key} は今日（{today}）以前のため、この版はすでに施行中です。見直しを急いでください "
                     "(the effective date is not in the future: this version is in force already; review it now)")
    lines.append("")
    lines.append(f"変更 / changed ({len(a.changed)})")
    for new_id in a.changed:
        old_id = a.source[new_id]
        lines.append(f"  {new_id}" + (f" (was {old_id})" if old_id != new_id else "") + f"  {_shown(a.new[new_id])}")
        lines += [f"      {line}" for line in version.diff(new_id).split("\n")]
    lines.append(f"追加 / added ({len(a.added)})")
    lines += [f"  {new_id}  {_shown(a.new[new_id])}" for new_id in a.added]
    lines.append(f"削除 / removed ({len(a.removed)})")
    lines += [f"  {old_id}  {_shown(a.old[old_id])}" for old_id in a.removed]
    lines.append(f"番号の移動 / moved ({len(a.moved)})")
    lines += [f"  {move.source} → {move.to}  {_shown(a.new[move.to])}" for move in a.moved]
    lines.append(f"変更なし / unchanged: {len(a.unchanged)}")
    lines += ["", f"要確認 / to review ({len(version.review)}): 施行日までに見直し、済んだものは "
              "privacy-bot kb review --done ID で外してください (review before the effective date; mark each "
              "done with kb review --done ID)"]
    lines += [f"  {item.id}  {item.why}" for item in version.review]
    return lines


def _records(directory: Path) -> list[tuple[PolicyVersion, RevisionRecord]]:
    catalog = read_catalog(directory)
    found = []
    for version in catalog.versions:
        record, problems = read_revision(version.directory / REVISION_FILE)
        if problems:
            raise UsageError(str(problems[0]))
        if record is not None:
            found.append((version, record))
    return found


def run_review(args: argparse.Namespace) -> int:
    directory = _directory(args.directory)
    records = _records(directory)
    if args.done:
        return _mark_done(args, records)
    if args.json:
        print(json.dumps([{"version": v.key, "effective": r.effective.isoformat(),
                           "review": [{"id": i.id, "why": i.why} for i in r.review]} for v, r in records],
                         ensure_ascii=False, indent=2))
        return 0
    left = [(v, r) for v, r in records if r.review]
    if not left:
        print("見直しの残りはありません (nothing left to review)")
        return 0
    today = day_in_japan(utc_now())
    for version, record in left:
        when = "施行中 / in force" if record.effective <= today else "施行前 / not yet in force"
        lines = [f"{version_label(record.effective, 'ja')} ({version.key}, {when}): {len(record.review)} 件 / items"]
        lines += [f"  {item.id}  {item.why}" for item in record.review]
        print("\n".join(lines))
    return 0


def _mark_done(args: argparse.Namespace, records: list[tuple[PolicyVersion, RevisionRecord]]) -> int:
    """Remove the items named by --done, all or none: an id no version lists, or one two versions list without
    --version to choose, changes nothing."""
    if args.version:
        records = [(v, r) for v, r in records if v.key == args.version]
        if not records:
            raise UsageError(f"--version {args.version}: その版の revision.yaml はありません (no revision of "
                             f"{args.version} is held)")
    done: dict[str, list[str]] = {}
    for item_id in dict.fromkeys(args.done):
        holders = [v.key for v, r in records if any(i.id == item_id for i in r.review)]
        if not holders:
            raise UsageError(f"{item_id} は見直しリストにありません (no review item {item_id} left in any version: see "
                             "privacy-bot kb review)")
        if len(holders) > 1:
            raise UsageError(f"{item_id} は {', '.join(holders)} の両方にあります (listed by several versions: add "
                             "--version YYYY-MM-DD)")
        done.setdefault(holders[0], []).append(item_id)
    for version, record in records:
        if version.key in done:
            _remove(version, record, done[version.key])
    return 0


def _remove(version: PolicyVersion, record: RevisionRecord, done: list[str]) -> None:
    """Take `done` off the version's review list, unless the version would then fail `kb check` (an added entry
    marked done while its English rendering is still empty): the list is then left as it was."""
    path = version.directory / REVISION_FILE
    before = path.read_bytes()
    remaining = without_items(record, done)
    write_revision(path, remaining)
    problems = read_knowledge(version.directory).problems
    if problems:
        path.write_bytes(before)
        raise UsageError(f"{', '.join(done)} を済みにすると kb check が通りません。先に直してください "
                         f"(marking it done leaves a problem to fix first: {problems[0]})")
    print(f"{version.key}: 済 / done {', '.join(done)}; 残り / left {len(remaining.review)}")
