"""Small typed values that ride inside Slack payloads and come back to us.

Slack hands back a button's `value` and a modal's `private_metadata` verbatim, but anyone holding a Slack client
can also forge them, so decoding is strict and returns None for anything unexpected rather than raising.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from common.text import Language

__all__ = ["AnswerRef", "CaseActionMetadata", "CommentMetadata", "IntakeMetadata", "case_id_of", "case_id_pressed",
           "menu_choice", "menu_value"]


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


_CASE_ID = re.compile(r"PRV-\d{4}-\d{4,6}")


def case_id_of(value: object) -> str | None:
    """A case button's value, when it has the shape of a case id (the store still says whether it exists)."""
    return value if isinstance(value, str) and _CASE_ID.fullmatch(value) else None


#: Between the action id and the case id in the value of an option of a card's ⋯ menu.
_MENU_SEPARATOR = " "


def menu_value(action_id: str, case_id: str) -> str:
    """The value of a card's ⋯ menu option: the button it stands for, and the case."""
    return f"{action_id}{_MENU_SEPARATOR}{case_id}"


def menu_choice(action: Mapping[str, Any]) -> tuple[str, str] | None:
    """(action id, case id) of the option chosen in a card's ⋯ menu, or None for anything else."""
    option = action.get("selected_option")
    value = option.get("value") if isinstance(option, Mapping) else None
    if not isinstance(value, str):
        return None
    action_id, _, case_id = value.partition(_MENU_SEPARATOR)
    return (action_id, case_id) if case_id_of(case_id) else None


def case_id_pressed(action: Mapping[str, Any]) -> str | None:
    """The case a card's button, or an option of its ⋯ menu, is about."""
    chosen = menu_choice(action)
    return chosen[1] if chosen else case_id_of(action.get("value"))


def _loads(value: object) -> dict[str, object] | None:
    try:
        data = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True)
class IntakeMetadata:
    """`private_metadata` of the intake modal: where it was opened from (for the log), the suggestion shown, and
    for the message shortcut the message's ts (with `channel_id`, what makes logging one message twice one case).

    Never the message text: metadata comes back on every submission and must stay far below Slack's 3,000
    characters; the text itself is already in the description field.
    """

    source: Literal["command", "shortcut", "message"]
    channel_id: str | None = None
    suggested_type: str | None = None
    message_ts: str | None = None

    def encode(self) -> str:
        return json.dumps({"source": self.source, "channel_id": self.channel_id, "suggested_type": self.suggested_type,
                           "message_ts": self.message_ts})

    @classmethod
    def decode(cls, value: object) -> IntakeMetadata:
        data = _loads(value) or {}
        source = data.get("source")
        channel_id = data.get("channel_id")
        suggested = data.get("suggested_type")
        message_ts = data.get("message_ts")
        return cls(
            source=source if source in ("command", "shortcut", "message") else "shortcut",
            channel_id=channel_id if isinstance(channel_id, str) else None,
            suggested_type=suggested if isinstance(suggested, str) else None,
            message_ts=message_ts if isinstance(message_ts, str) else None,
        )


@dataclass(frozen=True)
class CaseActionMetadata:
    """`private_metadata` of the modals behind a case card's buttons: which case."""

    case_id: str

    def encode(self) -> str:
        return json.dumps({"case_id": self.case_id})

    @classmethod
    def decode(cls, value: object) -> CaseActionMetadata | None:
        case_id = case_id_of((_loads(value) or {}).get("case_id"))
        return cls(case_id) if case_id else None
