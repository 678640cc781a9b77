"""The versions of the policy a knowledge base holds, which one is in force on a day, and how each is cited.

A revision of the policy takes effect on a date, and until then the version before it is the one in force: the bot
must quote the policy in force, never the one announced. So a knowledge base directory holds every version side by
side, each a complete set of knowledge files, and the day decides which one answers (no restart, no file moved at
midnight):

    KB/                         the first version held (what `kb init` writes); its effective date is not known
    KB/versions/2026-12-01/     a revision in force from 2026-12-01 00:00 JST (what `kb update` writes):
        policy.yaml … callconnect-privacy-policy.txt   the five knowledge files of that version
        revision.yaml           what changed from the version before, and what a person must still review

The key of a version is its effective date ("2026-12-01"), or "base" for the first one; a case records the key of
the version in force when it was received, and the citation names it (「2026年12月1日改定版 第10条」).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from common.text import Language
from common.yaml_lines import Located, Problem, YamlReader
from intake import JST
from knowledge.check import REVISION_FILE, knowledge_version

__all__ = [
    "BASE_KEY",
    "REVISION_FILE",
    "VERSIONS_DIR",
    "Move",
    "PolicyVersion",
    "ReviewItem",
    "RevisionRecord",
    "VersionCatalog",
    "day_in_japan",
    "read_catalog",
    "read_revision",
    "version_label",
    "without_items",
    "write_revision",
]

VERSIONS_DIR = "versions"
#: The key of the first version held, whose effective date the knowledge base does not know.
BASE_KEY = "base"
_DATE_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def day_in_japan(moment: datetime) -> date:
    """The calendar day in Japan at `moment` (aware): a version takes effect at 00:00 JST of its date."""
    return moment.astimezone(JST).date()


@dataclass(frozen=True)
class PolicyVersion:
    """One version of the policy: its effective date (None for the first one held) and its directory."""

    effective: date | None
    directory: Path

    @property
    def key(self) -> str:
        """What a case records and `ask --version` names: the ISO effective date, or "base"."""
        return self.effective.isoformat() if self.effective else BASE_KEY


@dataclass(frozen=True)
class Move:
    """An entry the revision renumbered: the text now stands under `to` (it may have changed too)."""

    source: str
    to: str


@dataclass(frozen=True)
class ReviewItem:
    """Something a person must redo because of the revision: `id` is "policy:10.1", "summary:10.1", "faq:ID",
    "answer:GAP_ID" (a manager's answer kept in the database) or "reply:STAGE[/WHEN]"; `why` says what it relies
    on ("10.1 changed")."""

    id: str
    why: str


@dataclass(frozen=True)
class RevisionRecord:
    """`revision.yaml`: what `kb update` found between the version before and this one, and what is left to
    review (a person removes an item once it is done, by hand or with `kb review --done`)."""

    effective: date
    #: The file the new text was read from, as given to `kb update` (its name only).
    source: str
    changed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    moved: tuple[Move, ...] = ()
    review: tuple[ReviewItem, ...] = ()
    #: The line of each review item in the file (for `kb check`'s `file:line:`), by item id.
    lines: dict[str, int] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class VersionCatalog:
    """The versions a knowledge base directory holds, oldest first (the first is the base), and the problems
    found in their layout (a `versions/` entry that is not a date, a revision file that does not read)."""

    root: Path
    versions: tuple[PolicyVersion, ...]
    problems: tuple[Problem, ...] = ()

    def in_force(self, day: date) -> PolicyVersion:
        """The version in force on `day` (Japan's calendar): the latest one effective on or before it."""
        found = self.versions[0]
        for version in self.versions[1:]:
            if version.effective is not None and version.effective <= day:
                found = version
        return found

    def upcoming(self, day: date) -> list[PolicyVersion]:
        """The versions not yet in force on `day`, soonest first."""
        return [v for v in self.versions if v.effective is not None and v.effective > day]

    def find(self, key: str) -> PolicyVersion:
        """The version of `key` ("2026-12-01" or "base"); `KeyError` when none is held."""
        for version in self.versions:
            if version.key == key:
                return version
        raise KeyError(key)

    def following(self, version: PolicyVersion) -> PolicyVersion | None:
        """The version after `version`, if any."""
        index = self.versions.index(version)
        return self.versions[index + 1] if index + 1 < len(self.versions) else None

    def label(self, version: PolicyVersion, language: Language) -> str:
        """How a citation names the version: 「2026年12月1日改定版」 / "version of 2026-12-01"; the base, whose date is
        unknown, by the revision that ended it (「2026年12月1日改定前の版」 / "version before 2026-12-01"). Empty when
        the knowledge base holds one version only: there is nothing to tell it from."""
        if version.effective is not None:
            return version_label(version.effective, language)
        after = self.following(version)
        if after is None or after.effective is None:
            return ""
        if language == "en":
            return f"version before {after.effective.isoformat()}"
        return f"{_japanese_date(after.effective)}改定前の版"

    def renumbering(self, version: PolicyVersion) -> dict[str, str | None]:
        """Where the entries the base numbered stand in `version`: each base id a revision up to `version` moved or
        removed → its id there (None once removed). The code and the request types name the base's numbers
        (§16's contact lines, §8's authority item, §10's grounds); this follows them through renumberings."""
        mapping: dict[str, str | None] = {}
        for held in self.versions[1:self.versions.index(version) + 1]:
            record, _ = read_revision(held.directory / REVISION_FILE)
            if record is None:
                continue
            moves = {move.source: move.to for move in record.moved}
            # An id this revision moves or removes is a base id still at its number, unless an earlier move put
            # another base entry there.
            occupied = set(mapping.values())
            for source in [*mapping, *(i for i in (*moves, *record.removed) if i not in mapping and i not in occupied)]:
                now = mapping.get(source, source)
                if now is not None:
                    mapping[source] = moves[now] if now in moves else None if now in record.removed else now
        return {source: to for source, to in mapping.items() if to != source}

    def fingerprint(self) -> str:
        """Changes when any version's files, or the set of versions, change: what a reload watches."""
        digest = hashlib.sha256()
        for version in self.versions:  # a version's fingerprint covers its revision.yaml
            digest.update(f"{version.key}\0{knowledge_version(version.directory)}\0".encode())
        return digest.hexdigest()[:12]


def version_label(effective: date, language: Language) -> str:
    """「2026年12月1日改定版」 / "version of 2026-12-01"."""
    return f"version of {effective.isoformat()}" if language == "en" else f"{_japanese_date(effective)}改定版"


def _japanese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def read_catalog(root: Path | str) -> VersionCatalog:
    """The versions held in `root`: the base (root itself) and each `versions/YYYY-MM-DD/` directory."""
    root = Path(root)
    versions = [PolicyVersion(None, root)]
    problems: list[Problem] = []
    folder = root / VERSIONS_DIR
    if folder.is_dir():
        for child in sorted(folder.iterdir()):
            if not child.is_dir():
                continue
            effective = _date_named(child.name)
            if effective is None:
                problems.append(Problem(str(child), 0, "a version directory is named by its effective date, YYYY-MM-DD"))
                continue
            versions.append(PolicyVersion(effective, child))
    return VersionCatalog(root, tuple(versions), tuple(problems))


def _date_named(name: str) -> date | None:
    if not _DATE_NAME.match(name):
        return None
    try:
        return date.fromisoformat(name)
    except ValueError:
        return None


class _RevisionReader(YamlReader):
    def ids(self, fields: dict[str, Located], key: str) -> tuple[str, ...]:
        node = fields.get(key)
        if node is None or node.value is None:
            return ()
        if not isinstance(node.value, list) or not all(isinstance(i.value, str) for i in node.value):
            self.problem(node.line, f"'{key}' must be a list of quoted entry ids")
            return ()
        return tuple(item.value for item in node.value)

    def pairs(self, fields: dict[str, Located], key: str, names: tuple[str, str]) -> list[tuple[str, str, int]]:
        """A list of two-string mappings ({from, to} or {id, why}), with each one's line."""
        node = fields.get(key)
        if node is None or node.value is None:
            return []
        if not isinstance(node.value, list):
            self.problem(node.line, f"'{key}' must be a list")
            return []
        found = []
        for item in node.value:
            values = item.value if isinstance(item.value, dict) else {}
            first, second = values.get(names[0]), values.get(names[1])
            if first is None or second is None or not isinstance(first.value, str) or not isinstance(second.value, str):
                self.problem(item.line, f"each item of '{key}' needs '{names[0]}' and '{names[1]}' as strings")
                continue
            found.append((first.value, second.value, item.line))
        return found


def read_revision(path: Path | str) -> tuple[RevisionRecord | None, list[Problem]]:
    """A version's `revision.yaml`, and its problems; (None, []) when the version has none (the base, or one put
    in place by hand, which then has nothing listed for review)."""
    path = Path(path)
    if not path.exists():
        return None, []
    reader = _RevisionReader(path)
    root = reader.load()
    if root is None:
        return None, reader.problems
    fields = reader.mapping(root, "the file") or {}
    effective = _date_named(str(fields["effective"].value)) if "effective" in fields else None
    if effective is None:
        reader.problem(fields["effective"].line if "effective" in fields else root.line,
                       "'effective' must be the version's date, YYYY-MM-DD")
        return None, reader.problems
    source = fields.get("source")
    moved = tuple(Move(a, b) for a, b, _ in reader.pairs(fields, "moved", ("from", "to")))
    review = reader.pairs(fields, "review", ("id", "why"))
    record = RevisionRecord(
        effective=effective,
        source=source.value if source is not None and isinstance(source.value, str) else "",
        changed=reader.ids(fields, "changed"),
        added=reader.ids(fields, "added"),
        removed=reader.ids(fields, "removed"),
        moved=moved,
        review=tuple(ReviewItem(i, why) for i, why, _ in review),
        lines={i: line for i, _, line in review},
    )
    return record, reader.problems


_REVISION_HEADER = """\
# What `privacy-bot kb update` found between the version before and this one ({effective}), and what a person
# must still redo. Remove an item from `review` once it is done (or run `privacy-bot kb review --done ID`);
# `kb check` warns about the items left, and fails on them once this version is in force.
# 改定で変わった条項と、見直しが必要な項目です。見直しが済んだ項目は review から削除してください。
"""


def write_revision(path: Path | str, record: RevisionRecord) -> None:
    """Write `record` as `revision.yaml` (ids quoted, one item per line, so a person can edit it)."""
    document = {
        "effective": record.effective.isoformat(),
        "source": record.source,
        "changed": list(record.changed),
        "added": list(record.added),
        "removed": list(record.removed),
        "moved": [{"from": m.source, "to": m.to} for m in record.moved],
        "review": [{"id": item.id, "why": item.why} for item in record.review],
    }
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_style=None, width=120)
    Path(path).write_text(_REVISION_HEADER.format(effective=record.effective.isoformat()) + body, encoding="utf-8")


def without_items(record: RevisionRecord, done: Iterable[str]) -> RevisionRecord:
    """The record with the review items `done` removed."""
    finished = set(done)
    return RevisionRecord(record.effective, record.source, record.changed, record.added, record.removed, record.moved,
                          tuple(i for i in record.review if i.id not in finished))
