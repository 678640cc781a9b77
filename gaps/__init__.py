"""Knowledge gaps and the privacy manager's answers to them: plain Python, no Slack.

A question the policy answers only in part or not at all, a 👎 and an "ask the privacy manager" each become a
*gap* (grouped with near-identical earlier questions); the manager answers a gap once, and that answer serves the
next colleague who asks the same thing, with its provenance, until it is withdrawn. The tables live in the case
database with their own migration history (`gaps/db.py`), so the answers survive knowledge-base reloads.

    from gaps import GapStore, migrate
    migrate(db); store = GapStore(db)
    gap_id = store.record("ISMS認証は取ってる？", user_id="U1", channel_id="D1", source="not_covered",
                          outcome="not_covered", now=now)
"""
from gaps.check import check_manager_answer
from gaps.db import migrate
from gaps.digest import GAP_DIGEST, owe_weekly_digest
from gaps.export import export_faq
from gaps.similarity import SAME_QUESTION, similarity
from gaps.store import (
    COMPANY_PRACTICE,
    GAP_ANSWERED,
    Gap,
    GapError,
    GapStore,
    ManagerAnswer,
    Source,
    WeeklyFigures,
)

__all__ = [
    "COMPANY_PRACTICE",
    "GAP_ANSWERED",
    "GAP_DIGEST",
    "SAME_QUESTION",
    "Gap",
    "GapError",
    "GapStore",
    "ManagerAnswer",
    "Source",
    "WeeklyFigures",
    "check_manager_answer",
    "export_faq",
    "migrate",
    "owe_weekly_digest",
    "similarity",
]
