"""The gaps, the times they were asked, and the manager's answers (`gaps/db.py` holds the tables).

Every write joins the caller's transaction (`intake.db.transaction`), so an answer and the outbox rows that tell
its askers land together, and the tables are read without the Slack layer. The question text stays in these
tables and in the manager's own DMs; callers log gap ids and Slack ids only.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

import sqlite_utils

from common.text import detect_language
from intake import JST, Outbox
from intake.db import transaction
from gaps.similarity import SAME_QUESTION, similarity

__all__ = ["COMPANY_PRACTICE", "GAP_ANSWERED", "Gap", "GapError", "GapStore", "ManagerAnswer", "Source",
           "WeeklyFigures"]

#: Why a question is a gap: the answer's outcome, a 👎 on it, or its asker pressing "ask the privacy manager".
Source = Literal["partial", "not_covered", "thumbs_down", "ask_manager"]
GapStatus = Literal["open", "answered", "dismissed"]
#: The value that says an answer rests on no section: the policy is silent, this is the company's practice.
COMPANY_PRACTICE = "company_practice"
#: The outbox kind of the DM that tells someone who asked a gap that it has an answer now.
GAP_ANSWERED = "gap_answered"
#: How many of the most-asked open gaps the weekly digest names.
MOST_ASKED_SHOWN = 5


class GapError(Exception):
    """A gap or answer that does not exist, or a change its state does not allow (`code` names which)."""

    def __init__(self, code: str, gap_id: int) -> None:
        super().__init__(f"{code} gap={gap_id}")
        self.code = code
        self.gap_id = gap_id


@dataclass(frozen=True)
class Gap:
    id: int
    question: str
    language: str
    count: int
    first_asked: str
    last_asked: str
    status: GapStatus
    outcome: str
    askers: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "question": self.question, "count": self.count, "first_asked": self.first_asked,
                "last_asked": self.last_asked, "status": self.status, "outcome": self.outcome}


@dataclass(frozen=True)
class ManagerAnswer:
    """An approved answer to a gap; `cites` empty means the policy is silent (company practice)."""

    id: int
    gap_id: int
    question: str
    answer_ja: str
    answer_en: str | None
    cites: tuple[str, ...]
    all_staff: bool
    approved_by: str
    approved_at: str
    withdrawn_by: str | None = None
    withdrawn_at: str | None = None

    @property
    def company_practice(self) -> bool:
        return not self.cites

    @property
    def approved_on(self) -> str:
        """The day of approval in Japan, as the provenance line shows it (2026-12-01)."""
        return datetime.fromisoformat(self.approved_at).astimezone(JST).date().isoformat()


@dataclass(frozen=True)
class WeeklyFigures:
    """What the manager's weekly digest counts, for [since, until)."""

    new_gaps: list[Gap]
    most_asked_open: list[Gap]
    served: int


def _stamp(moment: datetime) -> str:
    """UTC, so that stored moments compare as text."""
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


class GapStore:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # -- collecting ----------------------------------------------------------------------------------------

    def record(self, question: str, *, user_id: str, channel_id: str, source: Source, outcome: str, now: datetime,
               answer_id: int | None = None, feedback_id: int | None = None) -> int:
        """A question became a gap (or became one again); returns the gap's id.

        The same shown answer (`answer_id`) asked about again by the same person (a 👎, then "ask the manager" on
        it) adds its reason to that ask rather than counting twice; anything else is a new ask, grouped into the
        closest gap at or above `SAME_QUESTION`, or a new gap."""
        conn = self.db.conn
        with transaction(self.db):
            if answer_id is not None:
                row = conn.execute("SELECT id, gap_id, sources FROM gap_asks WHERE answer_id = ? AND user_id = ?",
                                   (answer_id, user_id)).fetchone()
                if row is not None:
                    sources = sorted(set(json.loads(row[2])) | {source})
                    conn.execute("UPDATE gap_asks SET sources = ?, feedback_id = COALESCE(?, feedback_id) "
                                 "WHERE id = ?", (json.dumps(sources), feedback_id, row[0]))
                    return int(row[1])
            gap_id = self._closest(question)
            if gap_id is None:
                gap_id = int(conn.execute(
                    "INSERT INTO knowledge_gaps (question, language, outcome, first_asked, last_asked) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (question, detect_language(question), outcome, _stamp(now), _stamp(now))).lastrowid or 0)
            else:
                conn.execute("UPDATE knowledge_gaps SET last_asked = ?, outcome = ? WHERE id = ?",
                             (_stamp(now), outcome, gap_id))
            conn.execute("INSERT INTO gap_asks (gap_id, at, user_id, channel_id, question, sources, answer_id, "
                         "feedback_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (gap_id, _stamp(now), user_id, channel_id, question, json.dumps([source]), answer_id,
                          feedback_id))
        return gap_id

    def add_comment(self, *, feedback_id: int, user_id: str, comment: str) -> bool:
        """The comment after a 👎 joins the gap that 👎 made (only the voter's own)."""
        with transaction(self.db):
            changed = self.db.conn.execute("UPDATE gap_asks SET comment = ? WHERE feedback_id = ? AND user_id = ?",
                                           (comment, feedback_id, user_id)).rowcount
        return changed == 1

    def _closest(self, question: str) -> int | None:
        best: tuple[float, int] | None = None
        for gap_id, wording in self.db.conn.execute("SELECT gap_id, question FROM gap_asks"):
            score = similarity(question, wording)
            if score >= SAME_QUESTION and (best is None or score > best[0]):
                best = (score, int(gap_id))
        return best[1] if best else None

    # -- reading -------------------------------------------------------------------------------------------

    def gaps(self, *, status: GapStatus | None = None) -> list[Gap]:
        """Newest and most asked first: by the day last asked (Japan time), then how often, then the moment."""
        where, params = ("WHERE g.status = ?", (status,)) if status else ("", ())
        rows = self.db.conn.execute(
            "SELECT g.id, g.question, g.language, count(a.id), g.first_asked, g.last_asked, g.status, g.outcome, "
            "group_concat(DISTINCT a.user_id) FROM knowledge_gaps g LEFT JOIN gap_asks a ON a.gap_id = g.id "
            f"{where} GROUP BY g.id", params).fetchall()
        found = [Gap(id=r[0], question=r[1], language=r[2], count=r[3], first_asked=r[4], last_asked=r[5],
                     status=r[6], outcome=r[7], askers=tuple((r[8] or "").split(",")) if r[8] else ())
                 for r in rows]

        def order(gap: Gap) -> tuple[str, int, str, int]:
            day = datetime.fromisoformat(gap.last_asked).astimezone(JST).date().isoformat()
            return (day, gap.count, gap.last_asked, gap.id)

        return sorted(found, key=order, reverse=True)

    def get(self, gap_id: int) -> Gap | None:
        return next((gap for gap in self.gaps() if gap.id == gap_id), None)

    def questions(self, gap_id: int) -> list[str]:
        """Every wording the gap was asked in, first first (distinct)."""
        rows = self.db.conn.execute("SELECT question FROM gap_asks WHERE gap_id = ? ORDER BY id", (gap_id,))
        return list(dict.fromkeys(row[0] for row in rows))

    def answers(self, *, gap_id: int | None = None, active_only: bool = True) -> list[ManagerAnswer]:
        """The manager's answers (the served ones only, unless `active_only` is False), oldest first."""
        clauses = ["1 = 1"]
        params: list[Any] = []
        if active_only:
            clauses.append("m.withdrawn_at IS NULL")
        if gap_id is not None:
            clauses.append("m.gap_id = ?")
            params.append(gap_id)
        rows = self.db.conn.execute(
            "SELECT m.id, m.gap_id, g.question, m.answer_ja, m.answer_en, m.cites, m.all_staff, m.approved_by, "
            "m.approved_at, m.withdrawn_by, m.withdrawn_at FROM manager_answers m JOIN knowledge_gaps g "
            f"ON g.id = m.gap_id WHERE {' AND '.join(clauses)} ORDER BY m.id", params).fetchall()
        return [ManagerAnswer(id=r[0], gap_id=r[1], question=r[2], answer_ja=r[3], answer_en=r[4],
                              cites=tuple(json.loads(r[5])), all_staff=bool(r[6]), approved_by=r[7],
                              approved_at=r[8], withdrawn_by=r[9], withdrawn_at=r[10]) for r in rows]

    def find_answer(self, question: str, *, privileged: bool) -> ManagerAnswer | None:
        """The served answer whose gap was asked most like `question` (at or above `SAME_QUESTION`); answers kept
        for the team are found only for `privileged` askers."""
        best: tuple[float, ManagerAnswer] | None = None
        for answer in self.answers():
            if not answer.all_staff and not privileged:
                continue
            score = max((similarity(question, wording) for wording in self.questions(answer.gap_id)), default=0.0)
            if score >= SAME_QUESTION and (best is None or score > best[0]):
                best = (score, answer)
        return best[1] if best else None

    # -- the manager's side --------------------------------------------------------------------------------

    def approve(self, gap_id: int, *, answer_ja: str, answer_en: str | None, cites: Sequence[str], all_staff: bool,
                actor: str, now: datetime) -> tuple[ManagerAnswer, list[str]]:
        """Store an approved answer (a previous one of the gap is withdrawn by the same act) and owe a DM to each
        person who asked the gap and has not been told yet (only for an answer all staff may see). Returns the
        answer and the Slack ids told. The caller has checked the text (`check_manager_answer`) and the actor."""
        conn = self.db.conn
        with transaction(self.db):
            if self.get(gap_id) is None:
                raise GapError("unknown_gap", gap_id)
            conn.execute("UPDATE manager_answers SET withdrawn_by = ?, withdrawn_at = ? "
                         "WHERE gap_id = ? AND withdrawn_at IS NULL", (actor, _stamp(now), gap_id))
            answer_id = int(conn.execute(
                "INSERT INTO manager_answers (gap_id, answer_ja, answer_en, cites, all_staff, approved_by, "
                "approved_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (gap_id, answer_ja, answer_en or None, json.dumps(list(cites)), int(all_staff), actor, _stamp(now)),
            ).lastrowid or 0)
            conn.execute("UPDATE knowledge_gaps SET status = 'answered', dismissed_by = NULL, dismissed_at = NULL "
                         "WHERE id = ?", (gap_id,))
            told: list[str] = []
            if all_staff:
                rows = conn.execute("SELECT DISTINCT user_id FROM gap_asks WHERE gap_id = ? AND told_at IS NULL "
                                    "ORDER BY user_id", (gap_id,)).fetchall()
                told = [row[0] for row in rows if row[0]]
                conn.execute("UPDATE gap_asks SET told_at = ? WHERE gap_id = ? AND told_at IS NULL",
                             (_stamp(now), gap_id))
                outbox = Outbox(self.db)
                for user in told:
                    outbox.add(kind=GAP_ANSWERED, recipient=user, now=now,
                               data={"gap_id": gap_id, "answer_id": answer_id})
        answer = next(a for a in self.answers(gap_id=gap_id) if a.id == answer_id)
        return answer, told

    def withdraw(self, gap_id: int, *, actor: str, now: datetime) -> ManagerAnswer:
        """Stop serving the gap's answer (its row stays, with who withdrew it and when); the gap is open again."""
        with transaction(self.db):
            served = self.answers(gap_id=gap_id)
            if not served:
                raise GapError("no_answer", gap_id)
            self.db.conn.execute("UPDATE manager_answers SET withdrawn_by = ?, withdrawn_at = ? WHERE id = ?",
                                 (actor, _stamp(now), served[-1].id))
            self.db.conn.execute("UPDATE knowledge_gaps SET status = 'open' WHERE id = ?", (gap_id,))
        return next(a for a in self.answers(gap_id=gap_id, active_only=False) if a.id == served[-1].id)

    def dismiss(self, gap_id: int, *, actor: str, now: datetime) -> None:
        """Noise: the gap leaves the open list (it still groups new questions, which then count on it)."""
        with transaction(self.db):
            gap = self.get(gap_id)
            if gap is None:
                raise GapError("unknown_gap", gap_id)
            if gap.status == "answered":
                raise GapError("answered", gap_id)
            self.db.conn.execute("UPDATE knowledge_gaps SET status = 'dismissed', dismissed_by = ?, "
                                 "dismissed_at = ? WHERE id = ?", (actor, _stamp(now), gap_id))

    # -- serving -------------------------------------------------------------------------------------------

    def record_use(self, answer_id: int, *, user_id: str, now: datetime) -> None:
        """A question was answered from a manager answer (the weekly digest counts these)."""
        with transaction(self.db):
            self.db.conn.execute("INSERT INTO manager_answer_uses (answer_id, at, user_id) VALUES (?, ?, ?)",
                                 (answer_id, _stamp(now), user_id))

    def weekly(self, *, since: datetime, until: datetime) -> WeeklyFigures:
        every = self.gaps()
        new = [gap for gap in every if _stamp(since) <= gap.first_asked < _stamp(until)]
        most = sorted((gap for gap in every if gap.status == "open"), key=lambda gap: (-gap.count, -gap.id))
        served = self.db.conn.execute("SELECT count(*) FROM manager_answer_uses WHERE at >= ? AND at < ?",
                                      (_stamp(since), _stamp(until))).fetchone()[0]
        return WeeklyFigures(new_gaps=new, most_asked_open=most[:MOST_ASKED_SHOWN], served=int(served))
