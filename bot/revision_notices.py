"""The manager's notices about a revision of the policy (issue 14): what it changes and what must be redone before
it takes effect, then a reminder each Japanese business day until the review list is empty.

- **The revision DM**: once per version (`schedule_log` key `policy-revision:KEY`), soon after the running bot
  holds a version that is in force or upcoming: its effective date, the entries changed, added, removed and moved
  with their section titles, and the review list of its revision.yaml. Owed at any hour, like the reload notice
  that usually comes just before it: the manager learns of a revision when the bot does.
- **Reminders**: from opening time on each business day of the company calendar (`intake.BusinessCalendar`)
  while the version's review list is not empty (`policy-revision-reminder:KEY:DAY`): "N items left, K business
  days before it takes effect", or, once it is in force, that the bot is answering from a version with N items
  unreviewed. None on the day of the DM itself, none once the list is empty.

Decided on the scheduler's tick, so a version put in place while the server was down is announced at the next
start, and a deleted or emptied list stops the reminders at the next tick. The review list is read from the
version's revision.yaml at every tick (people remove items as they finish them); the change summary is taken when
the DM is owed and travels in the outbox row (ids, section titles, review ids and reasons, the file's path: never
personal data). Only versions the bot holds are announced: one refused by the reload has its own notice.

Reading (revision files, and the knowledge base of the version before for the titles of removed entries) is done
by `due`, outside the server's write lock; `record` writes the owed rows and their keys in one transaction.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from intake import Config, Outbox
from intake.db import transaction
from intake.outbox import stamp
from knowledge import KnowledgeBase, KnowledgeBaseError, LiveKnowledgeBase
from knowledge.versions import (
    REVISION_FILE,
    PolicyVersion,
    ReviewItem,
    RevisionRecord,
    VersionCatalog,
    day_in_japan,
    read_revision,
)

if TYPE_CHECKING:  # sqlite_utils loads numpy when present: imported where a database is opened
    import sqlite_utils

__all__ = ["REVISION_NOTICE", "REVISION_REMINDER", "Owed", "RevisionNotices", "RevisionReminder", "RevisionSummary",
           "Titled"]

#: The outbox kinds: the change summary (data: `RevisionSummary.data()`) and a reminder (`RevisionReminder`).
REVISION_NOTICE = "policy_revision"
REVISION_REMINDER = "policy_revision_reminder"


@dataclass(frozen=True)
class Titled:
    """A policy entry id with the title of its section (「ユーザー情報の開示」), as the version it is in names it;
    empty titles when that version could not be read."""

    id: str
    title_ja: str = ""
    title_en: str = ""


@dataclass(frozen=True)
class RevisionSummary:
    """What the revision DM says: the version, when it takes effect, what changed and what to review."""

    version: str
    effective: date
    #: Whether the version was already in force when the DM was owed (put in place late).
    in_force: bool
    changed: tuple[Titled, ...]
    added: tuple[Titled, ...]
    removed: tuple[Titled, ...]
    #: (from, to): the text now stands under `to`, titled as the new version names it.
    moved: tuple[tuple[str, Titled], ...]
    review: tuple[ReviewItem, ...]
    #: Where the review list is kept, to edit as items are done.
    revision_file: str

    def data(self) -> dict[str, Any]:
        def titled(entries: Sequence[Titled]) -> list[list[str]]:
            return [[e.id, e.title_ja, e.title_en] for e in entries]

        return {"version": self.version, "effective": self.effective.isoformat(), "in_force": self.in_force,
                "changed": titled(self.changed), "added": titled(self.added), "removed": titled(self.removed),
                "moved": [[source, *titled([to])[0]] for source, to in self.moved],
                "review": _review_data(self.review), "revision_file": self.revision_file}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> RevisionSummary:
        def titled(rows: Any) -> tuple[Titled, ...]:
            return tuple(Titled(*map(str, row)) for row in rows or ())

        return cls(version=str(data["version"]), effective=date.fromisoformat(str(data["effective"])),
                   in_force=bool(data.get("in_force")), changed=titled(data.get("changed")),
                   added=titled(data.get("added")), removed=titled(data.get("removed")),
                   moved=tuple((str(row[0]), titled([row[1:]])[0]) for row in data.get("moved") or ()),
                   review=_review_items(data.get("review")), revision_file=str(data.get("revision_file", "")))


@dataclass(frozen=True)
class RevisionReminder:
    """What a reminder says: the items left, and the business days before the version takes effect (today
    included), or None once it is in force."""

    version: str
    effective: date
    review: tuple[ReviewItem, ...]
    business_days_left: int | None
    revision_file: str

    def data(self) -> dict[str, Any]:
        return {"version": self.version, "effective": self.effective.isoformat(), "review": _review_data(self.review),
                "business_days_left": self.business_days_left, "revision_file": self.revision_file}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> RevisionReminder:
        left = data.get("business_days_left")
        return cls(version=str(data["version"]), effective=date.fromisoformat(str(data["effective"])),
                   review=_review_items(data.get("review")), business_days_left=None if left is None else int(left),
                   revision_file=str(data.get("revision_file", "")))


def _review_data(items: Sequence[ReviewItem]) -> list[list[str]]:
    return [[item.id, item.why] for item in items]


def _review_items(rows: Any) -> tuple[ReviewItem, ...]:
    return tuple(ReviewItem(str(row[0]), str(row[1])) for row in rows or ())


@dataclass(frozen=True)
class Owed:
    """One notice found due: its `schedule_log` keys (the first is its own; the others are marked done with it)
    and its outbox kind and data."""

    keys: tuple[str, ...]
    kind: str
    data: dict[str, Any]


def notice_key(version: str) -> str:
    return f"policy-revision:{version}"


def reminder_key(version: str, day: date) -> str:
    return f"policy-revision-reminder:{version}:{day.isoformat()}"


class RevisionNotices:
    """Decides the revision DMs and reminders owed at a moment, for the versions `knowledge` holds."""

    def __init__(self, knowledge: LiveKnowledgeBase, *, config: Config) -> None:
        self.knowledge = knowledge
        self.config = config

    def due(self, db: sqlite_utils.Database, *, now: datetime) -> list[Owed]:
        """What is owed at `now` and not yet recorded (reads only)."""
        if not self.recipients():
            return []
        today = day_in_japan(now)
        catalog = self.knowledge.catalog
        calendar = self.config.calendar
        owed: list[Owed] = []
        for version in _announced(catalog, today):
            assert version.effective is not None  # the base is never a revision
            revision_file = version.directory / REVISION_FILE
            record, _ = read_revision(revision_file)
            if record is None:  # put in place by hand (or its file is broken: the reload notice says so)
                continue
            if not _logged(db, notice_key(version.key)):
                summary = self._summary(catalog, version, record, in_force=version.effective <= today)
                owed.append(Owed((notice_key(version.key), reminder_key(version.key, today)), REVISION_NOTICE,
                                 summary.data()))
            elif record.review and calendar.next_open_moment(now) == now and \
                    not _logged(db, reminder_key(version.key, today)):
                left = None if version.effective <= today else \
                    calendar.business_days_between(today - timedelta(days=1), version.effective - timedelta(days=1))
                reminder = RevisionReminder(version.key, version.effective, record.review, left, str(revision_file))
                owed.append(Owed((reminder_key(version.key, today),), REVISION_REMINDER, reminder.data()))
        return owed

    def record(self, db: sqlite_utils.Database, owed: Sequence[Owed], *, now: datetime) -> int:
        """Write each owed notice with its keys, in one transaction; returns the outbox rows added (a notice another
        process recorded meanwhile is skipped)."""
        if not owed:
            return 0
        added = 0
        outbox = Outbox(db)
        with transaction(db):
            for notice in owed:
                first, *others = notice.keys
                if not _mark(db, first, now):
                    continue
                for key in others:
                    _mark(db, key, now)
                for recipient in self.recipients():
                    outbox.add(kind=notice.kind, recipient=recipient, now=now, data=notice.data)
                    added += 1
        return added

    def recipients(self) -> list[str]:
        """The manager; without one, the deputy and the privacy team (as for the reload notice)."""
        config = self.config
        users = [config.manager] if config.manager else [config.deputy, *config.privacy_team]
        return [user for user in dict.fromkeys(users) if user]

    def _summary(self, catalog: VersionCatalog, version: PolicyVersion, record: RevisionRecord, *,
                 in_force: bool) -> RevisionSummary:
        new = self._knowledge_base(version)
        index = catalog.versions.index(version)
        before = self._knowledge_base(catalog.versions[index - 1]) if index else None
        return RevisionSummary(
            version=version.key, effective=record.effective, in_force=in_force,
            changed=_titled(record.changed, new), added=_titled(record.added, new),
            removed=_titled(record.removed, before),
            moved=tuple((move.source, _titled([move.to], new)[0]) for move in record.moved),
            review=record.review, revision_file=str(version.directory / REVISION_FILE))

    def _knowledge_base(self, version: PolicyVersion) -> KnowledgeBase | None:
        """The version's knowledge base for its titles; None when it cannot be read (the ids are shown alone)."""
        try:
            return self.knowledge.of(version.key)
        except (KeyError, KnowledgeBaseError):
            return None


def _announced(catalog: VersionCatalog, today: date) -> list[PolicyVersion]:
    """The revisions the manager hears about: the one in force (unless it is the base) and those to come."""
    current = catalog.in_force(today)
    return [v for v in catalog.versions if v.effective is not None and (v is current or v in catalog.upcoming(today))]


def _titled(ids: Sequence[str], knowledge_base: KnowledgeBase | None) -> tuple[Titled, ...]:
    found = []
    for entry_id in ids:
        section = knowledge_base.policy.get(entry_id.split(".")[0]) if knowledge_base else None
        found.append(Titled(entry_id, section.title_ja, section.title_en) if section else Titled(entry_id))
    return tuple(found)


def _logged(db: sqlite_utils.Database, key: str) -> bool:
    return db.conn.execute("SELECT 1 FROM schedule_log WHERE key = ?", (key,)).fetchone() is not None


def _mark(db: sqlite_utils.Database, key: str, now: datetime) -> bool:
    """Record `key`; False when it was recorded before."""
    return db.conn.execute("INSERT OR IGNORE INTO schedule_log (key, case_id, at) VALUES (?, NULL, ?)",
                           (key, stamp(now))).rowcount == 1
