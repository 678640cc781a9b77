"""From a question typed in Slack to the message that answers it: the one path every surface shares.

The knowledge base decides; this module only stores the answer (so its buttons can refer to it) and picks the
view. A question with nothing in it (only a mention, only emoji) gets the guide instead of an empty search.
A question the privacy manager has answered (it, or a paraphrase of it: `gaps.similarity`) gets the manager's
answer, with its provenance and no policy quote; a report of an incident keeps the policy's urgent steps. A
`partial` or `not_covered` answer becomes a knowledge gap for the manager (`gaps/`).
"""
from __future__ import annotations

from common.text import Language
from knowledge import Answer, KnowledgeBase

from bot.feedback import FeedbackStore
from bot.gap_desk import GapDesk
from bot.payloads import has_question
from bot.views.answer import answer_message
from bot.views.blocks import Message
from bot.views.gaps import Citer, manager_answer_message
from bot.views.notices import empty_question_message

__all__ = ["answer_question", "section_citer"]


def section_citer(kb: KnowledgeBase) -> Citer:
    """Section ids → 「第10条（…）」 / "Section 10 (…)"; an id the knowledge base no longer has stays a number."""

    def cite(section: str, language: Language) -> str:
        if kb.has_entry(section):
            return kb.citation(kb.entry(section), language)
        return f"第{section}条" if language == "ja" else f"Section {section}"

    return cite


def answer_question(
    kb: KnowledgeBase, feedback: FeedbackStore, *, text: str, user_id: str, channel_id: str, shareable: bool = False,
    gaps: GapDesk | None = None,
) -> tuple[Answer, Message, str]:
    """Ask the knowledge base (and the manager's answers) and build the reply; the answer comes back too, and what
    served it for the log (`policy` or `manager_answer=ID`)."""
    answer = kb.ask(text)
    if not has_question(answer.question):
        return answer, empty_question_message(answer.language), "policy"
    managed = gaps.answer_for(answer.question, user_id=user_id) if gaps and answer.incident is None else None
    if gaps is not None and managed is not None:
        shown = managed.answer_en if answer.language == "en" and managed.answer_en else managed.answer_ja
        answer_id = feedback.record_answer(user_id=user_id, channel_id=channel_id, question=answer.question,
                                           answer=shown, sections=managed.cites)
        gaps.served(managed, user_id=user_id)
        message = manager_answer_message(managed, language=answer.language, answer_id=answer_id,
                                         cite=section_citer(kb))
        return answer, message, f"manager_answer={managed.id}"
    answer_id = feedback.record_answer(
        user_id=user_id,
        channel_id=channel_id,
        question=answer.question,
        answer=answer.render_text(),
        sections=answer.sections,
    )
    if gaps is not None and answer.outcome in ("partial", "not_covered"):
        gaps.record(answer.question, user_id=user_id, channel_id=channel_id, source=answer.outcome,
                    outcome=answer.outcome, answer_id=answer_id)
    message = answer_message(answer, answer_id=answer_id, contact=kb.contact(answer.language), shareable=shareable)
    return answer, message, "policy"
