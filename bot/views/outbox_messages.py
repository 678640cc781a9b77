"""What each outbox row says: the one place that maps a row's kind to its message.

The sender (`bot/delivery.py`) only moves messages; it asks here for the message of a row, built from the case as
it is *now* (a card delayed by an outage shows the current status). Every kind the core writes (`intake.Kind`,
and the failure notice) is named below; a kind this version does not know (written by a newer one, or by
mistake) is an `UnknownOutboxKind`, never some other message sent in its place.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from common.text import Language, detect_language
from intake import SERVER_OPERATOR, CaseStore, Config, Kind, OutboxRow, RequestTypes
from intake import outbox
from intake.case import Case
from intake.report import monthly_report, parse_month
from gaps import GAP_ANSWERED, GAP_DIGEST, GapStore
from knowledge import KnowledgeBaseError, LiveKnowledgeBase
from knowledge.drafts import version_name

from bot import revision_notices
from bot.revision_notices import RevisionReminder, RevisionSummary
from bot.views.blocks import Message
from bot.views.case_messages import (
    Citer,
    case_card,
    confirmation_message,
    digest_message,
    escalation_post,
    reminder_message,
)
from bot.views.gaps import Citer as SectionCiter
from bot.views.gaps import gap_answered_notice, weekly_digest_message
from bot.views.notices import delivery_failed_message, knowledge_reload_message
from bot.views.report import monthly_report_message
from bot.views.revision import revision_notice_message, revision_reminder_message

__all__ = ["UNKNOWN_KIND", "OutboxMessages", "UnknownOutboxKind", "policy_citer"]

#: The error recorded on a row whose kind has no message (shown in App Home, `cases show` and `doctor`).
UNKNOWN_KIND = "unknown_kind"


class UnknownOutboxKind(Exception):
    """The row's kind has no message here; sending it as another kind would tell someone the wrong thing."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def policy_citer(knowledge: LiveKnowledgeBase, version: str | None = None) -> Citer:
    """Section ids → 「第10条（…）」 from the knowledge base in use, or from the version `version` (a case's card cites
    the policy the case was received under, which the citation names when more than one version is held, by the
    request types' ids: the base's numbers, followed through any renumbering); an id it no longer has is still
    shown as 第N条, and so is one of a version that cannot be read (with the version's name)."""

    def cite(section: str) -> str:
        if version is None:
            knowledge_base = knowledge.current
            found: str | None = section
        else:
            try:
                knowledge_base = knowledge.of(version)
            except (KeyError, KnowledgeBaseError):
                return f"{version_name(knowledge.catalog, version, 'ja')} 第{section}条"
            found = knowledge_base.entry_id(section)
        if found is not None and knowledge_base.has_entry(found):
            return knowledge_base.citation(knowledge_base.entry(found), "ja")
        return f"第{section}条"

    return cite


@dataclass(frozen=True)
class OutboxMessages:
    """Renders outbox rows with the labels, the configuration and the citations a message needs."""

    config: Config
    request_types: RequestTypes
    cite: Citer
    #: The citer of a case's own policy version, by its key: a case card cites the policy the case was received under.
    case_cite: Callable[[str], Citer]
    #: Citations in either language, for the manager's answers (`bot.answering.section_citer`).
    cite_in: SectionCiter | None = None

    def render(self, row: OutboxRow, *, store: CaseStore, now: datetime) -> Message:
        """The message for `row`. Raises `intake.CaseNotFound` when its case is gone and `UnknownOutboxKind`."""
        types = self.request_types
        match row.kind:
            case outbox.DELIVERY_FAILED:
                return delivery_failed_message(
                    case_id=row.case_id, kind=str(row.data.get("failed_kind")),
                    recipient=str(row.data.get("failed_recipient")), error=str(row.data.get("error")))
            case outbox.KNOWLEDGE_RELOAD:
                return knowledge_reload_message(
                    loaded=row.data.get("outcome") == "loaded", directory=str(row.data.get("directory")),
                    version=str(row.data.get("version")), problems=[str(p) for p in row.data.get("problems", [])],
                    more=int(row.data.get("more", 0)))
            case revision_notices.REVISION_NOTICE:
                return revision_notice_message(RevisionSummary.from_data(row.data))
            case revision_notices.REVISION_REMINDER:
                return revision_reminder_message(RevisionReminder.from_data(row.data))
            case Kind.DIGEST:
                return digest_message(store.list_cases(actor=SERVER_OPERATOR), now=now, request_types=types)
            case Kind.CASE_CARD | Kind.CARD_UPDATE:
                found = _case(row, store)
                return case_card(found, request_types=types, cite=self.case_cite(found.policy_version),
                                 repeat=bool(row.data.get("repeat")))
            case Kind.CONFIRMATION:
                return confirmation_message(_case(row, store), request_types=types, config=self.config)
            case Kind.ESCALATION_POST:
                return escalation_post(_case(row, store), request_types=types)
            case Kind.MONTHLY_REPORT:
                report = monthly_report(store.db, parse_month(str(row.data.get("month"))),
                                        calendar=self.config.calendar, now=now)
                return monthly_report_message(report, request_types=types)
            case Kind.REMINDER:
                return reminder_message(_case(row, store), key=str(row.data.get("key")), request_types=types)
            case gaps_kind if gaps_kind == GAP_ANSWERED:
                return self._gap_answered(row, GapStore(store.db))
            case gaps_kind if gaps_kind == GAP_DIGEST:
                return _gap_digest(row, store)
            case _:
                raise UnknownOutboxKind(row.kind)

    def _gap_answered(self, row: OutboxRow, gaps: GapStore) -> Message:
        """To one who asked a gap: their own wording of it, and the answer (as approved, even if since withdrawn:
        the DM says what was answered when it was owed)."""
        answer_id = row.data.get("answer_id")
        answer = next((a for a in gaps.answers(active_only=False) if a.id == answer_id), None)
        if answer is None:
            raise UnknownOutboxKind(row.kind)
        asked = gaps.db.conn.execute("SELECT question FROM gap_asks WHERE gap_id = ? AND user_id = ? ORDER BY id "
                                     "LIMIT 1", (answer.gap_id, row.recipient)).fetchone()
        own = str(asked[0]) if asked else None
        language: Language = detect_language(own) if own else "ja"
        cite = self.cite_in or (lambda section, _language: self.cite(section))
        return gap_answered_notice(answer, language=language, own_question=own, cite=cite)


def _gap_digest(row: OutboxRow, store: CaseStore) -> Message:
    since, until = str(row.data.get("since")), str(row.data.get("until"))
    figures = GapStore(store.db).weekly(since=datetime.fromisoformat(since), until=datetime.fromisoformat(until))
    votes = dict(store.db.conn.execute("SELECT vote, count(*) FROM feedback WHERE vote IS NOT NULL AND created_at >= ? "
                                       "AND created_at < ? GROUP BY vote", (since, until)).fetchall())
    return weekly_digest_message(figures, votes=votes, week=str(row.data.get("week")))


def _case(row: OutboxRow, store: CaseStore) -> Case:
    # The server reads as the operator: it is the process holding the database, and the message only goes where
    # the routing rules (intake/routing.py) decided.
    return store.get(row.case_id or "", actor=SERVER_OPERATOR)
