"""`kb update`'s work: write a revision of the published policy as a new version of the knowledge base.

The new version (`KB/versions/YYYY-MM-DD/`) is the version before it carried over to the new text:

- policy.yaml: every entry's `ja` (and each section's heading) is the new text's, verbatim. An unchanged entry
  keeps its English rendering, title, keywords and note (its block is copied as it stands); a moved one keeps
  them under its new id; a changed one keeps its title, keywords and note, listed for review, but its English
  rendering, a translation of words no longer in force, is left empty (kept in a comment for the reviewer); an
  added one has them empty, listed; a removed one is left out.
- summaries.yaml, faq.yaml, replies.yaml: citations of a moved entry name its new id, and so do the words that
  name it (「第8条4号」, "Section 8.4"); a summary of a removed entry is left out, and so is one the new text no
  longer supports (`kb check`'s grounding: in English too, so a changed entry's summary usually goes with its
  English rendering), listed for review. An FAQ entry citing a removed entry keeps its other
  cites, else is cited to the removed entry's closest kept parent, else (a removed section) is left out of this
  version; a reply variant citing a removed section is left out (the stage's default reply then answers).
- revision.yaml: what changed and the review list (`knowledge.revision`), with what a person had not yet reviewed
  in the version before.

Nothing is written unless the whole new version passes `kb check` (its review items pending): it is assembled in
a scratch directory, checked, and renamed into place.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from common.yaml_lines import Located, load_located
from knowledge.check import (BUNDLED_DIR, FAQ_FILE, POLICY_FILE, REPLIES_FILE, SOURCE_FILE, SUMMARIES_FILE,
                             knowledge_paths, read_knowledge, verbatim_key)
from knowledge.model import FaqEntry, PolicyEntry, Summary, read_summaries
from knowledge.policy_text import TextEntry, parse_policy_text, short_label
from knowledge.renumbering import renumber_references
from knowledge.replies import Replies, ReplyTemplate
from knowledge.revision import Alignment, Citing, align, review_items
from knowledge.versions import (REVISION_FILE, VERSIONS_DIR, PolicyVersion, ReviewItem, RevisionRecord,
                                read_catalog, read_revision, write_revision)
from knowledge.word_diff import word_diff
from knowledge.yaml_blocks import list_blocks, policy_entry_text, rewrite_cites

__all__ = ["NewVersion", "UpdateError", "current_version", "prepare", "write"]

_GROUNDING = re.compile(r"summary of (\S+) \((ja|en)\) says what \S+ does not: (.*)$")


class UpdateError(Exception):
    """Why `kb update` writes nothing: one line, Japanese then English in brackets."""


@dataclass(frozen=True)
class NewVersion:
    """A revision ready to be written: what changed, what to review, and the five knowledge files' text."""

    effective: date
    source: str
    alignment: Alignment
    review: tuple[ReviewItem, ...]
    files: Mapping[str, str]

    @property
    def key(self) -> str:
        return self.effective.isoformat()

    def record(self) -> RevisionRecord:
        a = self.alignment
        return RevisionRecord(self.effective, self.source, tuple(a.changed), tuple(a.added), tuple(a.removed),
                              tuple(a.moved), self.review)

    def report(self) -> dict[str, Any]:
        """`kb update --json`: the issue's object."""
        a = self.alignment
        return {"version": self.key, "effective": self.key, "changed": a.changed, "added": a.added,
                "removed": a.removed, "moved": [{"from": m.source, "to": m.to} for m in a.moved],
                "review": [item.id for item in self.review]}

    def diff(self, new_id: str) -> str:
        """The word diff of a changed entry (its heading first, when that changed)."""
        old, new = self.alignment.old[self.alignment.source[new_id]], self.alignment.new[new_id]
        parts = [word_diff(old.heading, new.heading)] if old.heading != new.heading else []
        return "\n".join(parts + ([word_diff(old.ja, new.ja)] if old.ja != new.ja else []))


def current_version(root: Path, effective: date, *, force: bool) -> PolicyVersion:
    """The version a revision effective on `effective` revises (the latest held), after the refusals: the bundled
    copy, a directory that is no knowledge base, a date not after the latest version's, a version already held."""
    # The package's own copy, wherever it is installed from: a directory of the code (its __init__.py) is never a
    # knowledge base to write, even when it is another installation's (a checkout beside an installed package).
    if root.resolve() == BUNDLED_DIR.resolve() or (root / "__init__.py").exists():
        raise UpdateError("パッケージ同梱のナレッジベースには書き込みません。privacy-bot kb init DIR で作ったコピーを"
                          "指定してください (the bundled knowledge base is never written: give a copy made with "
                          "privacy-bot kb init DIR, or set knowledge_dir / PRIVACY_BOT_KB)")
    if not (root / POLICY_FILE).is_file():
        raise UpdateError(f"{root} はナレッジベースではありません ({root} holds no {POLICY_FILE}: start one with "
                          f"privacy-bot kb init {root})")
    catalog = read_catalog(root)
    if catalog.problems:
        raise UpdateError(f"{catalog.problems[0]}")
    key = effective.isoformat()
    if any(version.key == key for version in catalog.versions) and not force:
        raise UpdateError(f"{key} の版はすでにあります (a version of {key} is held already in {root / VERSIONS_DIR / key}: "
                          "add --force to replace it)")
    current = [version for version in catalog.versions if version.key != key][-1]
    if current.effective is not None and effective <= current.effective:
        raise UpdateError(f"施行日 {key} が最新の版（{current.key}）より後ではありません (the effective date {key} is "
                          f"not after the latest version held, {current.key}: a revision takes effect after the one "
                          "it revises)")
    return current


def prepare(current: Path, text: str, *, source: str, effective: date,
            answers: Sequence[Citing] = ()) -> NewVersion | None:
    """The new version of the knowledge base in `current` for the published `text`; None when the text says what
    the version in force says (only the page around it changed). Raises `PolicyTextError` for a text without the
    policy's shape, `UpdateError` when the version in force does not pass `kb check` or cannot be carried over."""
    entries = parse_policy_text(text)
    files = read_knowledge(current)
    if files.problems:
        raise UpdateError(f"{current} に問題が {len(files.problems)} 件あります (the version in force has problems: "
                          f"run privacy-bot kb check {current} and fix them first)")
    alignment = align(files.policy, entries)
    if not alignment.any_change:
        return None
    paths = knowledge_paths(current)
    carry = _CarryOver(alignment)
    new_files = {
        POLICY_FILE: carry.policy(paths[POLICY_FILE], files.policy, [e for top in entries for e in top.walk()]),
        SUMMARIES_FILE: carry.summaries(paths[SUMMARIES_FILE], files.summaries),
        FAQ_FILE: carry.faq(paths[FAQ_FILE], files.faq),
        REPLIES_FILE: carry.replies(paths[REPLIES_FILE], files.replies),
        SOURCE_FILE: text,
    }
    citing = [Citing(f"faq:{e.id}", e.cites, (e.answer_ja,)) for e in files.faq] + _reply_citing(files.replies)
    review = review_items(alignment, noted=[e.id for e in files.policy if e.note_ja or e.note_en],
                          summarised=[s.cites for s in files.summaries], citing=[*citing, *answers],
                          old_published=paths[SOURCE_FILE].read_text(encoding="utf-8"), new_published=text)
    notes = [ReviewItem(i, why) for i, why in carry.notes.items()]
    review = _merged(review + notes + _unfinished(current, alignment))
    return _settled(NewVersion(effective, source, alignment, tuple(review), new_files))


def write(root: Path, version: NewVersion) -> Path:
    """Put `version` in place as `root/versions/KEY/` (replacing one held there: `current_version` allowed it) and
    return its directory. It is written aside and checked first: a failure leaves nothing behind."""
    folder = root / VERSIONS_DIR
    target = folder / version.key
    folder.mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".kb-update-", dir=root))
    staging.chmod(root.stat().st_mode & 0o777)  # mkdtemp's 0700 would hide the version from the bot's own user
    try:
        _write_files(staging, version)
        problems = read_knowledge(staging).problems
        if problems:
            raise UpdateError(f"新しい版が kb check を通りません (the new version does not pass kb check: {problems[0]})")
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=".kb-update-old-", dir=root))
            target.rename(retired / version.key)
            staging.rename(target)
            shutil.rmtree(retired)
        else:
            staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return target


def _write_files(directory: Path, version: NewVersion) -> None:
    for name, content in version.files.items():
        (directory / name).write_text(content, encoding="utf-8")
    write_revision(directory / REVISION_FILE, version.record())


def _settled(version: NewVersion) -> NewVersion:
    """`version` with the summaries the new text no longer supports left out and listed (kb check's grounding,
    run on the files as they would be written); any other problem is an `UpdateError`."""
    with tempfile.TemporaryDirectory(prefix="kb-update-") as scratch:
        directory = Path(scratch)
        _write_files(directory, version)
        problems = read_knowledge(directory).problems
        unsupported: dict[int, list[str]] = {}  # the words each summary's line says and its text does not
        for problem in problems:
            match = _GROUNDING.search(problem.message)
            if match and Path(problem.path).name == SUMMARIES_FILE:
                unsupported.setdefault(problem.line, []).append(match.group(3))
        if unsupported:
            path = directory / SUMMARIES_FILE
            summaries, _ = read_summaries(path)
            dropped = [s for s in summaries if s.line in unsupported]
            text = _without_blocks(path, {s.line for s in dropped})
            review = [ReviewItem(f"summary:{s.cites}", f"its summary says what the new text does not "
                                 f"({'; '.join(unsupported[s.line])}) and was left out: write it again")
                      for s in dropped]
            version = replace(version, review=tuple(_merged(list(version.review) + review)),
                              files={**version.files, SUMMARIES_FILE: text})
            _write_files(directory, version)
            problems = read_knowledge(directory).problems
        if problems:
            raise UpdateError(f"新しい版が kb check を通りません (the new version would not pass kb check: "
                              f"{'; '.join(p.message for p in problems[:3])})")
    return version


def _without_blocks(path: Path, lines: set[int]) -> str:
    """The text of a list file without the entries that start on `lines`."""
    text = path.read_text(encoding="utf-8").split("\n")
    items = _items(load_located(path), "entries")
    keep = [True] * len(text)
    for item, block in zip(items, list_blocks(text, items)):
        if item.line in lines:
            keep[block.start:block.end] = [False] * (block.end - block.start)
    return "\n".join(line for line, kept in zip(text, keep) if kept)


def _items(root: Located, key: str) -> list[Located]:
    value = root.value.get(key) if isinstance(root.value, dict) else None
    return list(value.value) if value is not None and isinstance(value.value, list) else []


def _reply_id(template: ReplyTemplate) -> str:
    """How the review list names a template: "reply:refusal/policy_ground" (the signature is "reply:signature")."""
    return f"reply:{template.stage}" + (f"/{template.when}" if template.when else "")


def _reply_citing(replies: Replies) -> list[Citing]:
    """The signature and every template, as what cites the policy."""
    named = [("reply:signature", replies.signature)] if replies.signature is not None else []
    named += [(_reply_id(t), t) for t in replies.templates]
    return [Citing(name, t.cites, (t.ja.subject, t.ja.body)) for name, t in named]


def _merged(items: Sequence[ReviewItem]) -> list[ReviewItem]:
    """One item per id, in first-seen order, its reasons joined."""
    whys: dict[str, list[str]] = {}
    for item in items:
        reasons = whys.setdefault(item.id, [])
        if item.why not in reasons:
            reasons.append(item.why)
    return [ReviewItem(i, "; ".join(reasons)) for i, reasons in whys.items()]


def _unfinished(current: Path, alignment: Alignment) -> list[ReviewItem]:
    """What the version before still had to review, under the ids of the new version (an entry removed since has
    nothing left to review)."""
    record, _ = read_revision(current / REVISION_FILE)
    if record is None:
        return []
    carried = []
    for item in record.review:
        kind, _, ident = item.id.partition(":")
        if kind in ("policy", "summary"):
            if ident not in alignment.matched:
                continue
            ident = alignment.matched[ident]
        carried.append(ReviewItem(f"{kind}:{ident}", f"left to review from the version of {record.effective}: "
                                  f"{item.why}"))
    return carried


@dataclass(frozen=True)
class _Fixed:
    """The cites an FAQ entry gets whatever it had (`rewrite_cites`'s change)."""

    cites: tuple[str, ...]

    def __call__(self, _: tuple[str, ...]) -> tuple[str, ...]:
        return self.cites


class _CarryOver:
    """Writes each knowledge file of the new version from the version before's, and notes what it had to do to
    an FAQ entry or a reply template that cited a removed entry (`notes`, by review id)."""

    def __init__(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.moves = alignment.renumbered()
        self.removed = set(alignment.removed)
        self.notes: dict[str, str] = {}

    def _moved(self, cites: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.moves.get(c, c) for c in cites))

    def policy(self, path: Path, old: Sequence[PolicyEntry], new: Sequence[TextEntry]) -> str:
        lines = path.read_text(encoding="utf-8").split("\n")
        blocks = dict(zip((e.id for e in old), list_blocks(lines, _items(load_located(path), "entries"))))
        by_id = {e.id: e for e in old}
        header = "\n".join(lines[:min((b.start for b in blocks.values()), default=len(lines))]).rstrip("\n")
        parts = []
        for text in new:
            previous = by_id.get(self.alignment.source.get(text.id, ""))
            entry = self._entry(text, previous)
            same = previous is not None and replace(previous, line=0, numbered=False) == replace(entry, line=0)
            if same and previous is not None:
                block = blocks[previous.id]
                parts.append("\n".join(lines[block.start:block.end]).rstrip("\n"))
            else:
                before = previous.en if previous is not None and previous.en and not entry.en else ""
                parts.append(policy_entry_text(entry, en_before=before).rstrip("\n"))
        return header + "\n" + "\n\n".join(parts) + "\n"

    def _entry(self, text: TextEntry, previous: PolicyEntry | None) -> PolicyEntry:
        """The new version's entry for `text`: carried over from `previous`, or new with its English to write."""
        if previous is None:
            title = text.title if text.kind in ("section", "preamble") else short_label(text)
            return PolicyEntry(text.id, title, "", text.ja, "", (), ())
        title = text.title if text.kind == "section" else previous.title_ja
        # The English of a changed text is a translation of words no longer in force: it is left empty (the bot
        # then quotes the Japanese and says the translation is under review) and kept as a comment for review.
        en = previous.en if verbatim_key(previous.ja) == verbatim_key(text.ja) else ""
        return replace(previous, id=text.id, title_ja=title, ja=text.ja, en=en, line=0, numbered=False,
                       note_ja=renumber_references(previous.note_ja, self.moves),
                       note_en=renumber_references(previous.note_en, self.moves))

    def summaries(self, path: Path, summaries: Sequence[Summary]) -> str:
        lines = path.read_text(encoding="utf-8").split("\n")
        blocks = list_blocks(lines, _items(load_located(path), "entries"))
        out = lines[:blocks[0].start] if blocks else lines
        for summary, block in zip(summaries, blocks):
            if summary.cites not in self.removed:  # a removed entry's summary goes with it
                out += rewrite_cites(lines[block.start:block.end], self._moved)
        if blocks:
            out += lines[blocks[-1].end:]
        return renumber_references("\n".join(out), self.moves)

    def faq(self, path: Path, faq: Sequence[FaqEntry]) -> str:
        lines = path.read_text(encoding="utf-8").split("\n")
        blocks = list_blocks(lines, _items(load_located(path), "entries"))
        out = lines[:blocks[0].start] if blocks else lines
        for entry, block in zip(faq, blocks):
            cites = self._faq_cites(entry)
            if cites:
                out += rewrite_cites(lines[block.start:block.end], _Fixed(cites))
        if blocks:
            out += lines[blocks[-1].end:]
        return renumber_references("\n".join(out), self.moves)

    def _faq_cites(self, entry: FaqEntry) -> tuple[str, ...]:
        """The entry's cites in the new version (empty: it is left out), noting what a removal did to them."""
        gone = [c for c in entry.cites if c in self.removed]
        kept = self._moved([c for c in entry.cites if c not in self.removed])
        if not gone:
            return kept
        review_id = f"faq:{entry.id}"
        if kept:
            self.notes[review_id] = f"its cite of {', '.join(gone)} was dropped"
            return kept
        parents = self._moved([p for c in gone if (p := self._kept_parent(c)) is not None])
        if parents:
            self.notes[review_id] = f"cited to {', '.join(parents)} meanwhile"
            return parents
        self.notes[review_id] = ("left out of this version: all it cited was removed (the version before keeps it)")
        return ()

    def _kept_parent(self, old_id: str) -> str | None:
        while "." in old_id:
            old_id = old_id.rsplit(".", 1)[0]
            if old_id in self.alignment.matched:
                return old_id
        return None

    def replies(self, path: Path, replies: Replies) -> str:
        lines = path.read_text(encoding="utf-8").split("\n")
        items = _items(load_located(path), "replies")
        blocks = list_blocks(lines, items)
        signature = replies.signature
        if signature is not None and set(signature.cites) & self.removed:
            raise self._cannot_drop(path, signature, "the signature")
        keep = [True] * len(lines)
        for template, block in zip(replies.templates, blocks):
            gone = sorted(set(template.cites) & self.removed)
            if not gone:
                continue
            if template.when is None:
                raise self._cannot_drop(path, template, f"the {template.stage} reply")
            keep[block.start:block.end] = [False] * (block.end - block.start)
            self.notes[_reply_id(template)] = (f"left out of this version: it cites {', '.join(gone)}, which was "
                                               f"removed (the {template.stage} reply without 'when' answers instead)")
        kept = [line for line, wanted in zip(lines, keep) if wanted]
        return renumber_references("\n".join(rewrite_cites(kept, self._moved)), self.moves)

    def _cannot_drop(self, path: Path, template: ReplyTemplate, what: str) -> UpdateError:
        gone = ", ".join(sorted(set(template.cites) & self.removed))
        return UpdateError(f"{path}:{template.line}: 返信文が削除される条（{gone}）を引用しています ({what} cites {gone}, "
                           f"which the new text removes: edit {path.name} of the version in force first)")
