"""Short replies that are not answers: the guide, confirmations, apologies. Pure builders, no I/O."""
from __future__ import annotations

from bot.models import Language
from bot.views.blocks import Block, Message, escape, fit_message, sections
from bot.views.wording import wording

__all__ = [
    "answer_gone_message",
    "empty_question_message",
    "error_message",
    "guide_message",
    "no_manager_message",
    "not_usable_here_message",
    "outdated_message",
    "outdated_modal",
    "sent_to_manager_message",
    "thanks_message",
]

#: A button pressed away from its answer, or someone else's private answer (the asker's language).
_NOT_USABLE_HERE: dict[Language, str] = {
    "ja": "このボタンはここでは使えません。責任者への転送と共有は、質問したご本人だけが、回答が表示された場所で行えます。",
    "en": "This button can't be used here: only the person who asked can forward or share a question, and only "
          "where its answer was shown.",
}
#: Something from an older version of the app (a button, shortcut, form or command it no longer has). Nothing
#: tells us the presser's language, so both.
_OUTDATED = (
    "このボタン（またはショートカット・フォーム）は古くなっていて、今は使えません。"
    "お手数ですが、新しいメッセージから、または `/privacy` でもう一度お試しください。\n"
    "This button (or shortcut, or form) is outdated and no longer works. "
    "Please start again from a recent message or with `/privacy`."
)
_OUTDATED_TITLE = "古い操作 / Outdated"


def _plain(mrkdwn: str, fallback: str) -> Message:
    return fit_message(fallback, sections(mrkdwn))


def guide_message(language: Language) -> Message:
    """`/privacy help`: what the bot does and the three ways to ask."""
    guide = wording(language).guide
    return _plain(guide, guide)


def empty_question_message(language: Language) -> Message:
    """A mention or command with no question in it (only the mention, only emoji): ask again, show the guide."""
    words = wording(language)
    return _plain(f"{words.empty_question}\n\n{words.guide}", words.empty_question)


def thanks_message(language: Language) -> Message:
    text = wording(language).thanks
    return _plain(text, text)


def sent_to_manager_message(language: Language, *, manager: str) -> Message:
    text = wording(language).sent_to_manager.format(manager=manager)
    return _plain(text, text)


def no_manager_message(language: Language, *, contact: str) -> Message:
    text = wording(language).no_manager.format(contact=escape(contact))
    return _plain(text, text)


def answer_gone_message(language: Language) -> Message:
    text = wording(language).answer_gone
    return _plain(text, text)


def error_message(language: Language, *, error_id: str) -> Message:
    text = wording(language).error.format(error_id=error_id)
    return _plain(text, text)


def not_usable_here_message(language: Language) -> Message:
    text = _NOT_USABLE_HERE[language]
    return _plain(text, text)


def outdated_message() -> Message:
    return _plain(_OUTDATED, _OUTDATED)


def outdated_modal() -> Block:
    """The same notice as a modal, for a shortcut or App Home button (they have nowhere to reply to)."""
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": _OUTDATED_TITLE},
        "close": {"type": "plain_text", "text": "閉じる / Close"},
        "blocks": sections(_OUTDATED),
    }
