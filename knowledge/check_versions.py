"""`kb check` and `kb versions` over every version of the policy a knowledge directory holds.

Each version is checked against its own published text (a quote must stay verbatim to the version it cites), and
what a revision left for a person to redo (`revision.yaml`'s review list) is held to account by the calendar: a
warning while the version is upcoming, so the manager has until its effective date, and an error once it is in
force, because from that day the bot answers from it. A version no longer in force keeps answering for the cases
received under it (their reply drafts), so its review items stay errors too.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from common.yaml_lines import Problem
from knowledge.check import KNOWLEDGE_FILES, KnowledgeFiles, read_knowledge
from knowledge.versions import (
    REVISION_FILE,
    PolicyVersion,
    RevisionRecord,
    VersionCatalog,
    read_revision,
)

__all__ = ["HeldVersion", "Standing", "VersionCheck", "check_version", "held_versions"]

#: Where a version stands on a day: no longer in force, the one in force, or announced for a later date.
Standing = Literal["past", "in_force", "upcoming"]


@dataclass(frozen=True)
class HeldVersion:
    """A version held, where it stands today, and its revision record (None for the base)."""

    version: PolicyVersion
    standing: Standing
    #: The day it stopped being in force (the day before the next version's effective date), for a past version.
    until: date | None
    label_ja: str
    label_en: str
    record: RevisionRecord | None
    #: What is wrong with its `revision.yaml` (it does not read, or not as a revision record).
    record_problems: tuple[Problem, ...] = ()

    @property
    def key(self) -> str:
        return self.version.key

    @property
    def review_is_due(self) -> bool:
        """Whether review items left are errors: the version answers (or answered) questions."""
        return self.standing != "upcoming"

    def describe(self) -> str:
        """「2026-12-01 (in force since 2026-12-01)」: the version and where it stands, for a header line."""
        effective = self.version.effective
        if self.standing == "upcoming":
            return f"{self.key} (upcoming: in force from {effective})"
        since = f" since {effective}" if effective else ""
        if self.standing == "in_force":
            return f"{self.key} (in force{since})"
        return f"{self.key} (in force{since} until {self.until})"


def held_versions(catalog: VersionCatalog, today: date) -> list[HeldVersion]:
    """Every version of `catalog`, oldest first, with where it stands on `today` (Japan's calendar)."""
    in_force = catalog.in_force(today)
    found = []
    for version in catalog.versions:
        following = catalog.following(version)
        standing: Standing = "in_force" if version is in_force else \
            "upcoming" if version.effective is not None and version.effective > today else "past"
        until = following.effective - timedelta(days=1) if standing == "past" and following and following.effective \
            else None
        record, problems = read_revision(version.directory / REVISION_FILE) if version.effective else (None, [])
        found.append(HeldVersion(version, standing, until, catalog.label(version, "ja"), catalog.label(version, "en"),
                                 record, tuple(problems)))
    return found


@dataclass(frozen=True)
class VersionCheck:
    """What `kb check` found in one version: its files as read, their problems and its review items left, each a
    `file:line: …` line (a review item reads as a warning until the version is due, then as an error)."""

    held: HeldVersion
    files: KnowledgeFiles
    problems: list[str]
    review: list[str]

    @property
    def errors(self) -> list[str]:
        return self.problems + (self.review if self.held.review_is_due else [])

    @property
    def warnings(self) -> list[str]:
        return [] if self.held.review_is_due else self.review


def check_version(held: HeldVersion) -> VersionCheck:
    """Check one version's files against its own policy text, and its review list against the calendar."""
    directory = held.version.directory
    files = read_knowledge(directory)
    problems = [str(problem) for problem in files.problems]
    if held.version.effective is not None:
        # A revision is complete in its own directory: a file left out would be read from the bundled copy, and
        # the quotes checked against a text that is not this version's.
        problems += [f"{directory / name}:0: missing: a version holds all of {', '.join(KNOWLEDGE_FILES)}"
                     for name in KNOWLEDGE_FILES if not (directory / name).exists()]
    problems += [str(problem) for problem in held.record_problems]
    if held.record is not None and held.record.effective != held.version.effective:
        # The directory's name decides when the version takes effect; a record saying otherwise misleads its reader.
        problems.append(f"{directory / REVISION_FILE}:1: effective {held.record.effective} is not this version's "
                        f"date, {held.version.effective} (its directory's name)")
    review = []
    if held.record is not None:
        path = directory / REVISION_FILE
        for item in held.record.review:
            where = f"{path}:{held.record.lines.get(item.id, 0)}"
            if held.standing == "upcoming":
                review.append(f"{where}: warning: {item.id} awaits review: {item.why} (before "
                              f"{held.version.effective}, when this version takes effect)")
            else:
                now = "is in force" if held.standing == "in_force" else "was in force (cases received then quote it)"
                review.append(f"{where}: {item.id} awaits review: {item.why}, and this version {now}: review it, "
                              "then remove it from the list")
    return VersionCheck(held, files, problems, review)
