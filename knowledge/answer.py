"""What the search returns, and how it reads: a short answer, the verbatim quote, the section cited.

Wording lives here, in both languages, so the command line and Slack say the same thing; Slack only lays it out
in blocks. The JSON form is the contract of design.md (`question, answered, sections, hits, answer`).
"""
from __future__ import annotations

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
    citation_ja: str
    citation_en: str

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
        }

    def render_text(self) -> str:
        """The reply as plain text, as a good colleague would write it."""
        return _render_en(self) if self.language == "en" else _render_ja(self)


def quote_block(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def missing_phrase(answer: Answer) -> str:
    """What the policy lacks, as a reader says it: 「手数料・料金の額」, "fee"."""
    labels = [label_for(item, answer.language) for item in answer.not_in_policy]
    return ("、" if answer.language == "ja" else ", ").join(labels)


def lead(answer: Answer) -> str:
    """The first sentence of a reply that does not answer: what the policy does not say, in the asker's language."""
    missing = missing_phrase(answer)
    if answer.language == "en":
        if answer.outcome == "partial":
            return f"The privacy policy does not say anything about {missing or 'this point'}."
        about = f" ({missing})" if missing else ""
        return f"I could not find this{about} in the privacy policy, so I won't guess."
    if answer.outcome == "partial":
        return f"プライバシーポリシーには、{missing or 'ご質問の点'}についての記載はありません。"
    about = f"（{missing}）" if missing else ""
    return f"ご質問の内容{about}は、プライバシーポリシーには記載が見つかりませんでした。推測でお答えすることは控えます。"


def _render_ja(answer: Answer) -> str:
    if not answer.question:
        return "質問が空です。プライバシーポリシーについて知りたいことを入力してください。"
    missing = missing_phrase(answer)
    if not answer.hits and not missing and answer.summary:  # nothing asked ("how do I answer this?" alone)
        return f"{answer.summary}\n\n{answer.contact}"
    if answer.outcome == "not_covered" or not answer.hits:
        parts = [lead(answer)]
        if answer.summary:
            parts.append(answer.summary)
        parts.append(f"個人情報管理責任者にご確認ください。\n{answer.contact}")
        if answer.hits:
            parts.append("参考になりそうな条項: " + "、".join(h.citation_ja for h in answer.hits[:3]))
        return "\n\n".join(parts)
    top = answer.hits[0]
    if answer.outcome == "partial":
        parts = [lead(answer)]
        if answer.summary:
            parts.append(answer.summary)
        parts += [
            f"関連する記載（参考）: {top.citation_ja}\n" + quote_block(top.quote),
            f"確かな回答は個人情報管理責任者にご確認ください。\n{answer.contact}",
        ]
        return "\n\n".join(parts)
    parts = [answer.summary, quote_block(top.quote)]
    if answer.listing:
        parts.append(answer.listing)
    if answer.note:
        parts.append(f"※ {answer.note}")
    if answer.advice:
        parts.append(f"対応のポイント: {answer.advice}")
    parts.append(f"出典: {top.citation_ja}")
    if answer.related:
        parts.append("関連: " + "、".join(h.citation_ja for h in answer.related))
    return "\n\n".join(parts)


def _render_en(answer: Answer) -> str:
    if not answer.question:
        return "The question is empty. Please type what you would like to know about the privacy policy."
    missing = missing_phrase(answer)
    if not answer.hits and not missing and answer.summary:
        return f"{answer.summary}\n\n{answer.contact}"
    if answer.outcome == "not_covered" or not answer.hits:
        parts = [lead(answer)]
        if answer.summary:
            parts.append(answer.summary)
        parts.append(f"Please ask the personal information manager:\n{answer.contact}")
        if answer.hits:
            parts.append("Sections that might help: " + "; ".join(h.citation_en for h in answer.hits[:3]))
        return "\n\n".join(parts)
    top = answer.hits[0]
    if answer.outcome == "partial":
        parts = [lead(answer)]
        if answer.summary:
            parts.append(answer.summary)
        parts += [
            f"Related text, for context only ({top.citation_en}):\n" + quote_block(top.quote),
            "English translation (for reference only; the Japanese text governs):\n" + quote_block(top.translation),
            f"Please ask the personal information manager for a definite answer:\n{answer.contact}",
        ]
        return "\n\n".join(parts)
    parts = [
        answer.summary,
        "Policy text (Japanese original):\n" + quote_block(top.quote),
        "English translation (for reference only; the Japanese text governs):\n" + quote_block(top.translation),
    ]
    if answer.listing:
        parts.append(answer.listing)
    if answer.note:
        parts.append(f"Note: {answer.note}")
    if answer.advice:
        parts.append(f"How to handle it: {answer.advice}")
    parts.append(f"Source: {top.citation_en}")
    if answer.related:
        parts.append("Related: " + "; ".join(h.citation_en for h in answer.related))
    return "\n\n".join(parts)
