"""What the listeners work with, handed to every `register(app, services=...)`.

One object rather than a dozen arguments per surface, so adding a collaborator does not change every signature;
listeners still only use the core through these, never by importing a global.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from intake import CaseDesk, CaseStore, Config, RequestTypes
from knowledge import KnowledgeBase, LiveKnowledgeBase
from knowledge.drafts import version_name

from bot.answer_worker import AnswerWorker
from bot.feedback import FeedbackStore
from bot.gap_desk import GapDesk
from bot.storage import PerThreadDatabase

__all__ = ["Services"]


@dataclass(frozen=True)
class Services:
    #: The knowledge base in use, swapped whole by a reload (`knowledge.live`): read `knowledge_base` once per reply.
    knowledge: LiveKnowledgeBase
    feedback: FeedbackStore
    config: Config
    request_types: RequestTypes
    db: PerThreadDatabase
    clock: Callable[[], datetime]
    #: Called after a commit that wrote outbox rows, so the sender delivers them now rather than at its next poll.
    wake_delivery: Callable[[], None]
    #: Records questions before the ack (`owe`) and answers them after it.
    answers: AnswerWorker
    #: Knowledge gaps and the privacy manager's answers to them.
    gaps: GapDesk

    @property
    def knowledge_base(self) -> KnowledgeBase:
        return self.knowledge.current

    def policy_version_label(self, key: str) -> str:
        """「2026年12月1日改定前の版 / version before 2026-12-01」 for a case's version key; empty while the knowledge
        base holds one version only (there is nothing to tell it from)."""
        catalog = self.knowledge.catalog
        if len(catalog.versions) < 2:
            return ""
        return f"{version_name(catalog, key, 'ja')} / {version_name(catalog, key, 'en')}"

    def desk(self) -> CaseDesk:
        """The case desk on this thread's connection (listeners run on several threads)."""
        return CaseDesk(self.db.get(), config=self.config, request_types=self.request_types)

    def store(self) -> CaseStore:
        return CaseStore(self.db.get(), config=self.config, request_types=self.request_types)
