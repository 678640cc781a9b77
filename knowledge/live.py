"""The knowledge base a running bot answers from: the version of the policy in force today, switched at 00:00 JST
on a revision's effective date, and swapped whole when its directory changes and the change passes `kb check`.

Editing the knowledge files must never take a working bot down: a new version is read and checked aside, and only
a version with no problem replaces the one in use, by one reference assignment. A reader takes `current` once per
question, so a question being answered finishes on the knowledge base it started with while the next one gets the
new one. A broken version is refused once: the same broken files are not read and reported again at every poll.

Every version in force today or later is read and indexed when the directory is (a revision announced for tomorrow
is checked now, and midnight only changes which one `current` returns); versions no longer in force are read on
first use (`ask --version`, the reply draft of an old case).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path

from common.clock import utc_now
from common.yaml_lines import Problem
from knowledge.base import KnowledgeBase, KnowledgeBaseError
from knowledge.index_cache import load_indexed
from knowledge.versions import PolicyVersion, VersionCatalog, day_in_japan, read_catalog

__all__ = ["LiveKnowledgeBase", "Reload", "ReloadOutcome", "read_version"]


class ReloadOutcome(Enum):
    LOADED = "loaded"  # the new version passed kb check and now answers
    REFUSED = "refused"  # the new version has problems; the one in use keeps answering


@dataclass(frozen=True)
class Reload:
    """What a look at the directory did: the version seen and, when refused, why."""

    outcome: ReloadOutcome
    version: str
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class _Held:
    """What one reading of the directory gave: its versions and the knowledge bases read so far, by version key."""

    catalog: VersionCatalog
    bases: dict[str, KnowledgeBase]


class LiveKnowledgeBase:
    """The knowledge base in use, read from `directory`; `reload()` takes in a changed, valid directory.

    Without a directory (`fixed`) it is one knowledge base for good: the tests and benchmarks that build one in
    memory."""

    def __init__(self, held: _Held, *, directory: Path | None, version: str,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self._held = held
        self.directory = directory
        self.version = version
        self.clock = clock
        self._refused: str | None = None
        self._lock = threading.Lock()  # one reload (or first read of an old version) at a time

    @classmethod
    def load(cls, directory: Path, *, clock: Callable[[], datetime] = utc_now) -> LiveKnowledgeBase:
        """Read and check `directory`'s versions in force from today on (their index from the cache when there);
        raises `KnowledgeBaseError` when one has problems (start-up refuses it)."""
        catalog = read_catalog(directory)
        return cls(_read(catalog, day_in_japan(clock())), directory=directory, version=catalog.fingerprint(),
                   clock=clock)

    @classmethod
    def unread(cls, directory: Path, *, clock: Callable[[], datetime] = utc_now) -> LiveKnowledgeBase:
        """The versions held in `directory`, none read yet: each is read and checked on first use (`of`, `as_of`).
        For a command that needs one version only (a case's reply draft, a case's version key), which must work
        even when another version has problems."""
        catalog = read_catalog(directory)
        return cls(_Held(catalog, {}), directory=directory, version=catalog.fingerprint(), clock=clock)

    @classmethod
    def fixed(cls, knowledge_base: KnowledgeBase) -> LiveKnowledgeBase:
        catalog = VersionCatalog(Path("."), (PolicyVersion(None, Path(".")),))
        return cls(_Held(catalog, {catalog.versions[0].key: knowledge_base}), directory=None, version="fixed")

    @property
    def catalog(self) -> VersionCatalog:
        return self._held.catalog

    @property
    def current(self) -> KnowledgeBase:
        """The knowledge base of the version in force now: take it once per question."""
        return self.as_of(self.clock())

    def in_force(self, moment: datetime) -> PolicyVersion:
        """The version in force at `moment` (a version takes effect at 00:00 JST of its date)."""
        return self._held.catalog.in_force(day_in_japan(moment))

    def as_of(self, moment: datetime) -> KnowledgeBase:
        """The knowledge base of the version in force at `moment`."""
        return self.of(self.in_force(moment).key)

    def of(self, key: str) -> KnowledgeBase:
        """The knowledge base of the version `key` ("base" or "2026-12-01"), read now if it was not yet.

        Raises `KeyError` for a version not held and `KnowledgeBaseError` when an old version no longer passes
        `kb check`."""
        held = self._held
        found = held.bases.get(key)
        if found is not None:
            return found
        version = held.catalog.find(key)
        with self._lock:
            found = held.bases.get(key)
            if found is None:
                found = _labelled(load_indexed(version.directory), held.catalog, version)
                held.bases[key] = found
        return found

    def reload(self) -> Reload | None:
        """Look at the directory: None when nothing changed since the version in use or the last one refused;
        else the new version is checked and either swapped in or refused."""
        if self.directory is None:
            return None
        with self._lock:
            catalog = read_catalog(self.directory)
            fingerprint = catalog.fingerprint()
            if fingerprint in (self.version, self._refused):
                return None
            try:
                held = _read(catalog, day_in_japan(self.clock()))
            except KnowledgeBaseError as exc:
                self._refused = fingerprint
                return Reload(ReloadOutcome.REFUSED, fingerprint, tuple(exc.problems))
            self._held = held
            self.version, self._refused = fingerprint, None
            return Reload(ReloadOutcome.LOADED, fingerprint)


def _read(catalog: VersionCatalog, today: date) -> _Held:
    """Read the versions in force from `today` on; raises `KnowledgeBaseError` with every problem found in them and
    in the directory's layout."""
    if catalog.problems:
        raise KnowledgeBaseError(list(catalog.problems))
    in_force = catalog.in_force(today)
    wanted = [v for v in catalog.versions if v is in_force or v in catalog.upcoming(today)]
    bases, problems = {}, []
    for version in wanted:
        try:
            bases[version.key] = _labelled(load_indexed(version.directory), catalog, version)
        except KnowledgeBaseError as exc:
            problems += exc.problems
    if problems:
        raise KnowledgeBaseError(problems)
    return _Held(catalog, bases)


def read_version(catalog: VersionCatalog, version: PolicyVersion) -> KnowledgeBase:
    """One version's knowledge base, checked, indexed (from the cache when there) and told how it is cited: all a
    one-off `ask` needs to read, whichever versions are held beside it."""
    return _labelled(load_indexed(version.directory), catalog, version)


def _labelled(knowledge_base: KnowledgeBase, catalog: VersionCatalog, version: PolicyVersion) -> KnowledgeBase:
    """The knowledge base told how its citations name its version (「2026年12月1日改定版」) and where the entries
    the base numbered stand in it."""
    knowledge_base.version_key = version.key
    knowledge_base.version_labels = {"ja": catalog.label(version, "ja"), "en": catalog.label(version, "en")}
    knowledge_base.renumbered = catalog.renumbering(version)
    return knowledge_base
