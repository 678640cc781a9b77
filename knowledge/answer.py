"""What the search returns, and how it reads: a short answer, the verbatim quote, the section cited.

Wording lives here, in both languages, so the command line and Slack say the same thing; Slack only lays it out
in blocks. The JSON form is the contract of design.md (`question, answered, sections, hits, answer`), plus the
key of the policy version that answered (`version`).

When the knowledge base holds more than one version of the policy, a reply names the version it quotes once, where
it says what it quotes from (the source line: 「出典: 「2026年12月1日改定版 第10条（…）」」); the related sections
that follow come from the same version and are cited without it, so the reply does not repeat the date on every
citation.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from common.text import Language
from knowledge.answerability import label_for


@dataclass(frozen=True)
class Hit:
    """A policy entry that matched, with the text to quote and how to cite it."""

    id: str
    title: str
    title_en: str
    score: float
    quote: str
    translation: str
    #: How each language cites the entry, naming the version when more than one is held.
    citation_ja: str
    citation_en: str
    #: The same without the version: the related sections listed after the source line come from the same one.
    short_citation_ja: str
    short_citation_en: str
    #: The entry changed in a revision and its English rendering awaits review: `translation` is empty rather
    #: than stale or partial, and an English reply says so.
    translation_pending: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "score": round(self.score, 4), "quote": self.quote}


#: answered: the cited text states the answer; partial: the policy covers the topic, not what was asked;
#: not_covered: nothing in the policy is about it.
Outcome = Literal["answered", "partial", "not_covered"]


@dataclass(frozen=True)
class Answer:
    """The bot's reply to one question. `hits` is filled even when it does not answer (context, "might help")."""

    question: str
    language: Language
    outcome: Outcome
    summary: str
    #: What the policy lacks: terms or kinds of fact asked for ("PCI DSS", "fee"); empty when answered.
    not_in_policy: list[str] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    note: str = ""
    contact: str = ""
    faq_id: str | None = None
    #: Handling advice from the FAQ entry that matched (how to log it, what to check), after the quote.
    advice: str = ""
    #: A table of the quoted text as a readable list (§14's recipients: purpose, service, recipient).
    listing: str = ""
    #: The urgent request type the message reports ("leak_report", "authority_request"), found once while
    #: answering: the reply leads with what to do now, and the entries that apply to it come first.
    incident: str | None = None
    #: The version of the policy that answered ("base" or its effective date) and how the reply names it in its
    #: language (「2026年12月1日改定版」 / "version of 2026-12-01"; empty while the knowledge base holds one version).
    version: str = "base"
    version_label: str = ""

    @property
    def answered(self) -> bool:
        return self.outcome == "answered"

    @property
    def sections(self) -> list[str]:
        return [hit.id for hit in self.hits]

    @property
    def related(self) -> list[Hit]:
        """Up to two further sections worth a look, after the one quoted."""
        return self.hits[1:3] if self.answered else []

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "outcome": self.outcome,
            "answered": self.answered,
            "not_in_policy": self.not_in_policy,
            "sections": self.sections,
            "hits": [hit.to_json() for hit in self.hits],
            "answer": self.render_text(),
            "version": self.version,
        }

    def render_text(self) -> str:
        """The reply as plain text, as a good colleague would write it."""
        return _render(self)


def versioned(citation: str, label: str, language: Language) -> str:
    """A citation with the version it cites: 「2026年12月1日改定版 第10条（…）」 / "Section 10 (…), version of
    2026-12-01"; the citation as it is when `label` is empty (one version held)."""
    if not label:
        return citation
    return f"{citation}, {label}" if language == "en" else f"{label} {citation}"


def version_aside(answer: Answer) -> str:
    """The version named once beside a heading that lists citations: 「（2026年12月1日改定版）」 / " (version of
    2026-12-01)"; empty while one version is held."""
    if not answer.version_label:
        return ""
    return f" ({answer.version_label})" if answer.language == "en" else f"（{answer.version_label}）"


def translation_pending(answer: Answer) -> str:
    """What an English reply says in place of a translation still under review after a revision: never a stale or
    invented English, and the Japanese original, which governs, is the one to read."""
    revised = f" in the {answer.version_label}" if answer.version_label else ""
    return (f"English translation: not available yet. This text was revised{revised} and its English rendering is "
            "under review; the Japanese text above is the one in force.")


def quote_block(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def missing_phrase(answer: Answer) -> str:
    """What the policy lacks, as a reader says it: 「手数料・料金の額」, "fee"."""
    labels = [label_for(item, answer.language) for item in answer.not_in_policy]
    return _WORDING[answer.language].missing_separator.join(labels)


def lead(answer: Answer) -> str:
    """The first sentence of a reply that does not answer: what the policy does not say, in the asker's language."""
    words, missing = _WORDING[answer.language], missing_phrase(answer)
    if answer.outcome == "partial":
        return words.not_said.format(missing=missing or words.this_point)
    return words.not_found.format(about=words.about.format(missing=missing) if missing else "")


@dataclass(frozen=True)
class _Wording:
    """One language's words for a reply; `_render` lays out the same parts in both languages.

    English quotes the Japanese original and adds the translation, with a word that the Japanese governs."""

    empty: str
    not_said: str
    this_point: str
    not_found: str
    about: str
    missing_separator: str
    ask_manager: str
    might_help: str
    partial_quote: str
    definite_answer: str
    answered_quote: str
    translation: str | None
    note: str
    advice: str
    source: str
    related: str
    separator: str
    citation: Callable[[Hit], str]
    short_citation: Callable[[Hit], str]


_WORDING: dict[Language, _Wording] = {
    "ja": _Wording(
        empty="質問が空です。プライバシーポリシーについて知りたいことを入力してください。",
        not_said="プライバシーポリシーには、{missing}についての記載はありません。",
        this_point="ご質問の点",
        not_found="ご質問の内容{about}は、プライバシーポリシーには記載が見つかりませんでした。推測でお答えすることは控えます。",
        about="（{missing}）",
        missing_separator="、",
        ask_manager="個人情報管理責任者にご確認ください。\n",
        might_help="参考になりそうな条項{version}: ",
        partial_quote="関連する記載（参考）: {citation}\n",
        definite_answer="確かな回答は個人情報管理責任者にご確認ください。\n",
        answered_quote="",
        translation=None,
        note="※ ",
        advice="対応のポイント: ",
        source="出典: ",
        related="関連: ",
        separator="、",
        citation=lambda hit: hit.citation_ja,
        short_citation=lambda hit: hit.short_citation_ja,
    ),
    "en": _Wording(
        empty="The question is empty. Please type what you would like to know about the privacy policy.",
        not_said="The privacy policy does not say anything about {missing}.",
        this_point="this point",
        not_found="I could not find this{about} in the privacy policy, so I won't guess.",
        about=" ({missing})",
        missing_separator=", ",
        ask_manager="Please ask the personal information manager:\n",
        might_help="Sections that might help{version}: ",
        partial_quote="Related text, for context only ({citation}):\n",
        definite_answer="Please ask the personal information manager for a definite answer:\n",
        answered_quote="Policy text (Japanese original):\n",
        translation="English translation (for reference only; the Japanese text governs):\n",
        note="Note: ",
        advice="How to handle it: ",
        source="Source: ",
        related="Related: ",
        separator="; ",
        citation=lambda hit: hit.citation_en,
        short_citation=lambda hit: hit.short_citation_en,
    ),
}


def _render(answer: Answer) -> str:
    words = _WORDING[answer.language]
    if not answer.question:
        return words.empty
    if not answer.hits and not missing_phrase(answer) and answer.summary:  # nothing asked ("how do I answer this?")
        return f"{answer.summary}\n\n{answer.contact}"
    if answer.outcome == "not_covered" or not answer.hits:
        parts = [lead(answer), *([answer.summary] if answer.summary else []), words.ask_manager + answer.contact]
        if answer.hits:
            parts.append(words.might_help.format(version=version_aside(answer))
                         + words.separator.join(words.short_citation(h) for h in answer.hits[:3]))
        return "\n\n".join(parts)
    top = answer.hits[0]
    quoted = _quoted(top, answer, words)
    if answer.outcome == "partial":
        parts = [lead(answer), *([answer.summary] if answer.summary else []),
                 words.partial_quote.format(citation=words.citation(top)) + quoted[0], *quoted[1:],
                 words.definite_answer + answer.contact]
        return "\n\n".join(parts)
    parts = [answer.summary, words.answered_quote + quoted[0], *quoted[1:]]
    if answer.listing:
        parts.append(answer.listing)
    if answer.note:
        parts.append(words.note + answer.note)
    if answer.advice:
        parts.append(words.advice + answer.advice)
    parts.append(words.source + words.citation(top))
    if answer.related:
        parts.append(words.related + words.separator.join(words.short_citation(h) for h in answer.related))
    return "\n\n".join(parts)


def _quoted(hit: Hit, answer: Answer, words: _Wording) -> list[str]:
    """The quote, and its translation where the language shows one (or why there is none yet)."""
    if words.translation is None:
        return [quote_block(hit.quote)]
    if hit.translation_pending:
        return [quote_block(hit.quote), translation_pending(answer)]
    return [quote_block(hit.quote), words.translation + quote_block(hit.translation)]
