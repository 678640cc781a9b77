"""Small typed values that ride inside Slack payloads and come back to us.

Slack hands back a button's `value` and a modal's `private_metadata` verbatim, but anyone holding a Slack client
can also forge them, so decoding is strict and returns None for anything unexpected rather than raising.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

__all__ = ["AnswerRef", "CommentMetadata", "Language"]

Language = Literal["ja", "en"]


def _language(value: object) -> Language:
    return "en" if value == "en" else "ja"


@dataclass(frozen=True)
class AnswerRef:
    """The value of every button under an answer: which stored answer, and the language to reply in."""

    answer_id: int
    language: Language

    def encode(self) -> str:
        return f"{self.language}:{self.answer_id}"

    @classmethod
    def decode(cls, value: object) -> AnswerRef | None:
        if not isinstance(value, str):
            return None
        language, _, number = value.partition(":")
        if language not in ("ja", "en") or not number.isdigit() or len(number) > 18:
            return None
        return cls(answer_id=int(number), language=_language(language))


@dataclass(frozen=True)
class CommentMetadata:
    """`private_metadata` of the 👎 comment modal: the vote row the comment belongs to."""

    feedback_id: int
    language: Language

    def encode(self) -> str:
        return json.dumps({"feedback_id": self.feedback_id, "language": self.language})

    @classmethod
    def decode(cls, value: object) -> CommentMetadata | None:
        try:
            data = json.loads(value) if isinstance(value, str) else None
        except ValueError:
            return None
        if not isinstance(data, dict) or type(data.get("feedback_id")) is not int:
            return None
        return cls(feedback_id=data["feedback_id"], language=_language(data.get("language")))
