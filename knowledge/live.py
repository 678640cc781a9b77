"""The knowledge base a running bot answers from, swapped whole when its directory changes and the change passes
`kb check`.

Editing the knowledge files must never take a working bot down: a new version is read and checked aside, and only
a version with no problem replaces the one in use, by one reference assignment. A reader takes `current` once per
question, so a question being answered finishes on the knowledge base it started with while the next one gets the
new one. A broken version is refused once: the same broken files are not read and reported again at every poll.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from common.yaml_lines import Problem
from knowledge.base import KnowledgeBase, KnowledgeBaseError
from knowledge.check import knowledge_version
from knowledge.index_cache import load_indexed

__all__ = ["LiveKnowledgeBase", "Reload", "ReloadOutcome"]


class ReloadOutcome(Enum):
    LOADED = "loaded"  # the new version passed kb check and now answers
    REFUSED = "refused"  # the new version has problems; the one in use keeps answering


@dataclass(frozen=True)
class Reload:
    """What a look at the directory did: the version seen and, when refused, why."""

    outcome: ReloadOutcome
    version: str
    problems: tuple[Problem, ...] = ()


class LiveKnowledgeBase:
    """The knowledge base in use, read from `directory`; `reload()` takes in a changed, valid directory.

    Without a directory (`fixed`) it is one knowledge base for good: the tests and benchmarks that build one in
    memory."""

    def __init__(self, knowledge_base: KnowledgeBase, *, directory: Path | None, version: str) -> None:
        self._current = knowledge_base
        self.directory = directory
        self.version = version
        self._refused: str | None = None
        self._lock = threading.Lock()  # one reload at a time (the poller and SIGHUP may meet)

    @classmethod
    def load(cls, directory: Path) -> LiveKnowledgeBase:
        """Read and check `directory` (its index from the cache when there); raises `KnowledgeBaseError` when it
        has problems (start-up refuses it)."""
        version = knowledge_version(directory)
        return cls(load_indexed(directory), directory=directory, version=version)

    @classmethod
    def fixed(cls, knowledge_base: KnowledgeBase) -> LiveKnowledgeBase:
        return cls(knowledge_base, directory=None, version="fixed")

    @property
    def current(self) -> KnowledgeBase:
        """The knowledge base to answer from: take it once per question."""
        return self._current

    def reload(self) -> Reload | None:
        """Look at the directory: None when nothing changed since the version in use or the last one refused;
        else the new version is checked and either swapped in or refused."""
        if self.directory is None:
            return None
        with self._lock:
            version = knowledge_version(self.directory)
            if version in (self.version, self._refused):
                return None
            try:
                loaded = load_indexed(self.directory)
            except KnowledgeBaseError as exc:
                self._refused = version
                return Reload(ReloadOutcome.REFUSED, version, tuple(exc.problems))
            self._current = loaded
            self.version, self._refused = version, None
            return Reload(ReloadOutcome.LOADED, version)
