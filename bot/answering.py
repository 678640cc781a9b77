"""From a question typed in Slack to the message that answers it: the one path every surface shares.

The knowledge base decides; this module only stores the answer (so its buttons can refer to it) and picks the
view. A question with nothing in it (only a mention, only emoji) gets the guide instead of an empty search.
"""
from __future__ import annotations

from knowledge import Answer, KnowledgeBase

from bot.feedback import FeedbackStore
from bot.payloads import has_question
from bot.views.answer import answer_message
from bot.views.blocks import Message
from bot.views.notices import empty_question_message

__all__ = ["answer_question"]


def answer_question(
    kb: KnowledgeBase, feedback: FeedbackStore, *, text: str, user_id: str, channel_id: str, shareable: bool = False
) -> tuple[Answer, Message]:
    """Ask the knowledge base and build the reply; the answer comes back too, for logging its outcome."""
    answer = kb.ask(text)
    if not has_question(answer.question):
        return answer, empty_question_message(answer.language)
    answer_id = feedback.record_answer(
        user_id=user_id,
        channel_id=channel_id,
        question=answer.question,
        answer=answer.render_text(),
        sections=answer.sections,
    )
    message = answer_message(answer, answer_id=answer_id, contact=kb.contact(answer.language), shareable=shareable)
    return answer, message
