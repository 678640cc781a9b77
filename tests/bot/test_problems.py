"""The core's error codes in people's words: every code has a sentence, and the sentences are the ones people saw
before the core stopped writing them."""
from __future__ import annotations

from datetime import datetime

import pytest

from bot.views.problems import field_message, field_messages, refusal_message, refusal_text
from intake import JST, Code, Config, FieldError, InvalidTransition, NotAuthorised, ValidationError
from intake import load_request_types, validate_new_case

NOW = datetime(2026, 4, 28, 15, 0, tzinfo=JST)


@pytest.mark.parametrize("code", list(Code))
def test_every_code_is_worded_in_both_languages(code: Code) -> None:
    params = {"char": "U+0000", "limit": 200, "choices": ("a", "b"), "earliest": "2020-01-01", "status": "x",
              "type": "開示請求"}
    message = field_message("somewhere", FieldError(code, params))
    assert message and "{" not in message
    assert any("\u3040" <= char <= "\u9fff" for char in message)  # Japanese first
    assert any(char.isascii() and char.isalpha() for char in message)  # and English


def test_intake_sentences_are_unchanged() -> None:
    with pytest.raises(ValidationError) as info:
        validate_new_case({"type": "erasure", "description": "x" * 20_001, "channel": "email",
                           "requester": {"name": "山田\u0000", "email": "taro@"}},
                          request_types=load_request_types(), config=Config(), now=NOW)
    words = field_messages(info.value)
    assert words["type"].startswith("次のいずれかを指定してください: disclosure, third_party_records, ")
    assert words["type"].endswith(" (one of these)")
    assert words["description"] == "20000文字以内で入力してください (at most 20000 characters)"
    assert words["requester.name"] == "制御文字 (U+0000) は使えません (control character U+0000 not allowed)"
    assert words["requester.email"] == "メールアドレスの形式が正しくありません (not a valid email address)"


def test_required_names_what_is_missing() -> None:
    required = FieldError(Code.REQUIRED)
    assert field_message("requester.name", required) == (
        "依頼者の氏名（または組織名）を入力してください (requester name required)")
    assert field_message("assignee", required) == "担当者を選んでください (choose an assignee)"


def test_refusals_of_a_button() -> None:
    assert refusal_text(InvalidTransition("PRV-2026-0001", "resolved", "acknowledged")) == (
        "PRV-2026-0001 は現在「完了」のため、この操作はできません。 / PRV-2026-0001 is resolved: this action is "
        "not possible now.")
    # the status reads as words in both languages, never as its stored id
    waiting = refusal_text(InvalidTransition("PRV-2026-0002", "waiting_requester", "acknowledged"))
    assert "現在「依頼者の返答待ち」" in waiting and "is waiting for the requester:" in waiting
    assert "waiting_requester" not in waiting
    assert "プライバシーチームだけが操作できます" in refusal_message(NotAuthorised("U0X", "act on cases"))["text"]
