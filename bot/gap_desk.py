"""The Slack layer's door to the knowledge gaps (`gaps/`): the same store, on this thread's connection and under the
process's one write lock, with the log lines (gap ids and Slack ids, never a question's text).

The answer worker records a gap for each `partial` or `not_covered` answer and looks for a manager answer before it
shows the policy's; the buttons record 👎 and "ask the privacy manager"; the modal approves an answer.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from gaps import GapStore, ManagerAnswer, Source, check_manager_answer
from intake import Config
from knowledge import KnowledgeBase

from bot.storage import PerThreadDatabase

__all__ = ["GapDesk"]

log = logging.getLogger(__name__)


class GapDesk:
    def __init__(self, db: PerThreadDatabase, *, config: Config, clock: Callable[[], datetime]) -> None:
        self.db = db
        self.config = config
        self.clock = clock

    def store(self) -> GapStore:
        """The store on this thread's connection, for reading (writes go through the methods below)."""
        return GapStore(self.db.get())

    def record(self, question: str, *, user_id: str, channel_id: str, source: Source, outcome: str,
               answer_id: int | None = None, feedback_id: int | None = None) -> int:
        with self.db.write_lock:
            gap_id = self.store().record(question, user_id=user_id, channel_id=channel_id, source=source,
                                         outcome=outcome, now=self.clock(), answer_id=answer_id,
                                         feedback_id=feedback_id)
        log.info("gap recorded gap=%s user=%s channel=%s source=%s", gap_id, user_id, channel_id, source)
        return gap_id

    def add_comment(self, *, feedback_id: int, user_id: str, comment: str) -> None:
        with self.db.write_lock:
            self.store().add_comment(feedback_id=feedback_id, user_id=user_id, comment=comment)

    def answer_for(self, question: str, *, user_id: str) -> ManagerAnswer | None:
        """The manager answer that serves `question` for `user_id` (team-only answers only for the team)."""
        return self.store().find_answer(question, privileged=self.config.is_privileged(user_id))

    def served(self, answer: ManagerAnswer, *, user_id: str) -> None:
        with self.db.write_lock:
            self.store().record_use(answer.id, user_id=user_id, now=self.clock())
        log.info("manager answer served answer=%s gap=%s user=%s", answer.id, answer.gap_id, user_id)

    def approve(self, gap_id: int, *, answer_ja: str, answer_en: str | None, cites: Sequence[str], all_staff: bool,
                actor: str, knowledge_base: KnowledgeBase) -> tuple[ManagerAnswer | None, list[str]]:
        """Check and store an answer: (the answer, the askers told) or (None, the problems)."""
        problems = check_manager_answer(answer_ja=answer_ja, answer_en=answer_en, cites=cites,
                                        policy=list(knowledge_base.policy.values()))
        if problems:
            return None, problems
        with self.db.write_lock:
            answer, told = self.store().approve(gap_id, answer_ja=answer_ja, answer_en=answer_en, cites=cites,
                                                all_staff=all_staff, actor=actor, now=self.clock())
        log.info("manager answer approved answer=%s gap=%s actor=%s told=%s", answer.id, gap_id, actor, len(told))
        return answer, told
