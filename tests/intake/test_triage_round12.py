"""Triage, round 12 (after blind sets v15 and v16 were scored): leaks in other words (a former operator still logging
in, one party's document delivered to another, another company's data in our document or account), a sales pitch
and an authority consulted on another matter that page nobody, and the types asked in other words.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "Hi, a former agent of ours still seems able to log in and export our call list, though we removed her in May.",
        "先ほどの一斉送信で、C社宛ての見積書（担当者名と携帯番号入り）がD社に届いてしまったようです。",
        "御社から送られてきた請求書に、他社の担当者の名前と住所が載っていました。",
        "【電話メモ】自社の管理画面で、他社の通話履歴が閲覧できる状態になっているとのこと。",
    ],
)
def test_leaks_in_other_words_are_urgent(text: str) -> None:
    result = classify(text)
    assert (result.type, result.urgent) == ("leak_report", True), (result.type, result.urgent, result.signals)


@pytest.mark.parametrize(
    "text",
    [
        "Hello from DataGuard! We'd love to show you our platform that prevents data leaks. 20 minutes this week?",
        "前に別件のトラブルで警察に届けを出したこともあります。御社の電話には迷惑しています。",
    ],
)
def test_a_pitch_or_an_authority_consulted_on_another_matter_pages_nobody(text: str) -> None:
    result = classify(text)
    assert not result.urgent, (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("弁護士会から照会があったと聞きました。私の情報を渡したことがあるなら、その記録を開示してほしい。", "third_party_records"),
        ("Please never pass my details on to your partners.", "third_party_stop"),
        ("何度電話しても返事がなく、本当にがっかりしています。責任者から説明してください。", "complaint"),
        ("【電話メモ】Caller asked how to change the hold music. Not a privacy matter.", "general"),
    ],
)
def test_types_asked_in_other_words(text: str, type_id: str) -> None:
    result = classify(text)
    assert (result.type, result.urgent) == (type_id, False), (result.type, result.urgent, result.signals)
