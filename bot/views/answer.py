"""The answer to a policy question, laid out in Block Kit.

Pure: takes the knowledge base's `Answer` (and the §16 contact text) and returns a message; no I/O, no database.
The policy text is shown verbatim in a quote block; English askers also get the translation, labelled as one,
because the Japanese text is the one that binds (or, for a text a revision changed whose English is still under
review, a line saying so). When more than one version of the policy is held, the version quoted is named once, on
the line that cites the quote; the related sections listed after it come from the same version.
"""
from __future__ import annotations

from common.text import Language
from knowledge import Answer, Hit
from knowledge.answer import lead, translation_pending, version_aside

from bot import ids
from bot.models import AnswerRef
from bot.views.blocks import Block, Message, actions, button, context, escape, fit_message, quote, sections, truncate
from bot.views.guidance import guidance_blocks
from bot.views.wording import wording

__all__ = ["QUESTION_ECHO_MAX", "answer_message"]

#: How much of a question is repeated back (when an answer is shared in a channel).
QUESTION_ECHO_MAX = 300
#: Excerpt of each "might help" section shown when the bot abstains.
EXCERPT_MAX = 120
MIGHT_HELP_MAX = 3


def answer_message(
    answer: Answer,
    *,
    answer_id: int,
    contact: str,
    shareable: bool = False,
    shared_by: str | None = None,
) -> Message:
    """The reply to `answer.question`, with its buttons.

    `shareable` adds "Share in channel" (for the ephemeral /privacy reply); `shared_by` is the user id of whoever
    shared it, shown above the answer so the channel knows what was asked.
    """
    language: Language = answer.language
    words = wording(language)
    blocks: list[Block] = []
    if shared_by is not None:
        asked = escape(truncate(" ".join(answer.question.split()), QUESTION_ECHO_MAX))
        blocks.append(context(words.shared_by.format(user=shared_by, question=asked)))
    if answer.incident is not None:  # a leak or an authority's request: what to do now comes before any quote
        blocks += guidance_blocks(answer.incident, language)
    answered = answer.answered and bool(answer.hits)
    if answered:
        blocks += _answered(answer, language)
    elif answer.outcome == "partial" and answer.hits:
        blocks += _partial(answer, language, contact)
    else:
        blocks += _abstained(answer, language, contact)
    ref = AnswerRef(answer_id=answer_id, language=language).encode()
    buttons: list[Block] = []
    if answered:
        buttons += [
            button(words.vote_up, action_id=ids.ACTION_VOTE_UP, value=ref),
            button(words.vote_down, action_id=ids.ACTION_VOTE_DOWN, value=ref),
        ]
    buttons.append(button(words.ask_manager, action_id=ids.ACTION_ASK_MANAGER, value=ref))
    if shareable and answered:
        buttons.append(button(words.share, action_id=ids.ACTION_SHARE, value=ref, style="primary"))
    blocks.append(actions(buttons, block_id=ids.BLOCK_ANSWER_ACTIONS))
    return fit_message(answer.summary if answered else lead(answer), blocks)


def _answered(answer: Answer, language: Language) -> list[Block]:
    words = wording(language)
    top = answer.hits[0]
    blocks = sections(escape(answer.summary)) if answer.summary else []
    if language == "en":
        blocks.append(context(words.original_label))
    blocks += quote(top.quote)
    blocks += _translation(answer, top)
    if answer.listing:
        blocks += sections(escape(answer.listing))
    if answer.note:
        blocks.append(context(escape(words.note.format(note=answer.note))))
    if answer.advice:
        blocks += sections(escape(_ADVICE_LABEL[language] + answer.advice))
    blocks.append(context(escape(words.source.format(citation=_citation(top, language)))))
    if answer.related:
        citations = words.related_joiner.join(_short_citation(hit, language) for hit in answer.related)
        blocks.append(context(escape(words.related.format(citations=citations))))
    return blocks


def _partial(answer: Answer, language: Language, contact: str) -> list[Block]:
    """What the policy does not say first, then the related text as context, then the manager."""
    words = wording(language)
    top = answer.hits[0]
    blocks = sections(escape(lead(answer)))
    if answer.summary:
        blocks += sections(escape(answer.summary))
    blocks.append(context(escape(_CONTEXT_LABEL[language].format(citation=_citation(top, language)))))
    blocks += quote(top.quote)
    blocks += _translation(answer, top)
    blocks += sections(escape(f"{words.ask_manager_hint}\n{contact}"))
    return blocks


_ADVICE_LABEL: dict[Language, str] = {"ja": "対応のポイント: ", "en": "How to handle it: "}
_CONTEXT_LABEL: dict[Language, str] = {
    "ja": "関連する記載（参考。ご質問への答えではありません）: {citation}",
    "en": "Related text, for context only (it does not answer the question): {citation}",
}


def _abstained(answer: Answer, language: Language, contact: str) -> list[Block]:
    words = wording(language)
    blocks = sections(escape(lead(answer) if answer.hits or answer.not_in_policy else answer.summary or words.abstain))
    if answer.summary and (answer.hits or answer.not_in_policy):  # the FAQ's advice where the policy is silent
        blocks += sections(escape(answer.summary))
    if answer.hits:
        lines = [words.might_help + escape(version_aside(answer))]
        for hit in answer.hits[:MIGHT_HELP_MAX]:
            excerpt = truncate(" ".join(hit.quote.split()), EXCERPT_MAX)
            lines.append(f"• {escape(_short_citation(hit, language))}: {escape(excerpt)}")
        blocks += sections("\n".join(lines))
    blocks += sections(escape(f"{words.ask_manager_hint}\n{contact}"))
    return blocks


def _translation(answer: Answer, hit: Hit) -> list[Block]:
    """For an English asker, the translation of the quote, labelled as one; or, while a revision's English
    rendering is under review, a line saying so (never a stale or partial translation)."""
    if answer.language != "en":
        return []
    if hit.translation_pending:
        return [context(escape(translation_pending(answer)))]
    if not hit.translation:
        return []
    return [context(wording("en").translation_label), *quote(hit.translation)]


def _citation(hit: Hit, language: Language) -> str:
    return hit.citation_en if language == "en" else hit.citation_ja


def _short_citation(hit: Hit, language: Language) -> str:
    """The citation without the version, for sections listed after the version has been named."""
    return hit.short_citation_en if language == "en" else hit.short_citation_ja
