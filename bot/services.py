"""What the listeners work with, handed to every `register(app, services=...)`.

One object rather than five arguments per surface, so adding a collaborator does not change every signature;
listeners still only use the core through these, never by importing a global.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from knowledge import KnowledgeBase

from bot.feedback import FeedbackStore

__all__ = ["ManagerConfig", "Services"]


class ManagerConfig(Protocol):
    """The part of `intake.config.Config` the Q&A needs: who the 個人情報管理責任者 is (a Slack user id)."""

    @property
    def manager(self) -> str | None: ...


@dataclass(frozen=True)
class Services:
    knowledge_base: KnowledgeBase
    feedback: FeedbackStore
    config: ManagerConfig
