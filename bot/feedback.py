"""What people thought of the answers, in the `feedback` table, and the answers the buttons refer to.

A button can carry at most 2,000 characters and a question can be longer, so each answer the bot shows is first
written as a row with no vote; its id is what the 👍 / 👎 / "Ask the privacy manager" / "Share" buttons carry.
Each vote is then a row of its own (question, answer and sections copied, the voter's user id), so anyone can
read the table without joins, and several people can vote on one answer shared in a channel:

    SELECT vote, count(*) FROM feedback WHERE vote IS NOT NULL GROUP BY vote
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.storage import PerThreadDatabase

__all__ = ["AnswerRecord", "FeedbackStore", "Vote"]

Vote = Literal["up", "down"]


@dataclass(frozen=True)
class AnswerRecord:
    """An answer as it was shown: enough to rebuild it, vote on it or forward it to the manager."""

    id: int
    user_id: str
    channel_id: str
    question: str
    answer: str
    sections: tuple[str, ...]

    def usable_by(self, user_id: str, *, channel_id: str, ephemeral: bool, discloses: bool) -> bool:
        """May `user_id`'s press of a button in `channel_id` act on this answer?

        A button's value is only an answer id, and ids are sequential, so a forged press can name anyone's answer;
        the channel, user and ephemeral flag come from Slack and can be trusted. So: only in the conversation the
        answer was posted in; on an ephemeral message (a `/privacy` answer, which only its asker saw) only by the
        asker; and an action that `discloses` the question to someone else (share, ask the manager) only by the
        asker, since nothing stored says whether the answer was public where it was posted. Colleagues can still
        vote on an answer posted in their channel: a vote shows nobody anything.
        """
        if not channel_id or channel_id != self.channel_id:
            return False
        if user_id and user_id == self.user_id:
            return True
        return not ephemeral and not discloses


class FeedbackStore:
    def __init__(self, db: PerThreadDatabase, *, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def record_answer(
        self, *, user_id: str, channel_id: str, question: str, answer: str, sections: Sequence[str]
    ) -> int:
        """Store an answer about to be shown; the returned id goes into its buttons."""
        return self._insert(
            user_id=user_id, channel_id=channel_id, question=question, answer=answer, sections=sections, vote=None
        )

    def answer(self, answer_id: int) -> AnswerRecord | None:
        row = self._db.get().conn.execute(
            "SELECT id, user_id, channel_id, question, answer, sections FROM feedback WHERE id = ?", (answer_id,)
        ).fetchone()
        if row is None:
            return None
        return AnswerRecord(
            id=row[0],
            user_id=row[1] or "",
            channel_id=row[2] or "",
            question=row[3] or "",
            answer=row[4] or "",
            sections=tuple(json.loads(row[5] or "[]")),
        )

    def record_vote(self, *, answer: AnswerRecord, user_id: str, channel_id: str, vote: Vote) -> int:
        """Store one person's vote on an answer; the id is where a 👎 comment will go."""
        return self._insert(
            user_id=user_id,
            channel_id=channel_id,
            question=answer.question,
            answer=answer.answer,
            sections=answer.sections,
            vote=vote,
        )

    def add_comment(self, *, feedback_id: int, user_id: str, comment: str) -> bool:
        """Attach the optional 👎 comment; only to the commenter's own vote (False otherwise)."""
        conn = self._db.get().conn
        with self._db.write_lock, conn:
            changed = conn.execute(
                "UPDATE feedback SET comment = ? WHERE id = ? AND user_id = ? AND vote IS NOT NULL",
                (comment, feedback_id, user_id),
            ).rowcount
        return changed == 1

    def _insert(
        self,
        *,
        user_id: str,
        channel_id: str,
        question: str,
        answer: str,
        sections: Sequence[str],
        vote: Vote | None,
    ) -> int:
        conn = self._db.get().conn
        with self._db.write_lock, conn:
            cursor = conn.execute(
                "INSERT INTO feedback (created_at, user_id, channel_id, question, answer, sections, vote)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    self._clock().isoformat(timespec="seconds"),
                    user_id,
                    channel_id,
                    question,
                    answer,
                    json.dumps(list(sections)),
                    vote,
                ),
            )
        return int(cursor.lastrowid or 0)
