"""Triage, round 15 (after blind set v19 was scored): other firms' data in a list on one's own screen, a CC field
that shows other firms' addresses a clause later, our own sales team losing a laptop, an incident at a former
workplace, one's own police report of last year, how a rule is applied, and an office that wants a quote.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "【電話メモ】顧客企業の担当者様より。管理画面にログインしたところ、取引のない他社の顧客リストが一覧に並んでいたとのこと。",
        "本日届いた納品案内メールのCC欄を見たら、他の取引先様二十社ほどのアドレスがすべて表示されていました。",
        "Note from reception: someone from our sales team forgot his laptop in a taxi last night; it holds the demo sign-up list.",
    ],
)
def test_urgent(text: str) -> None:
    result = classify(text)
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("前職の会社で顧客情報の流出騒ぎがあったので敏感になっています。それとは別に、御社のメルマガを止めてほしいです。", "cookie_optout"),
        ("数年前に空き巣に入られて警察に被害届を出したことがあるので、念のため登録している住所を新しい住所に変えておきたいです。", "correction"),
        ("取引先の監査で必要なので、御社では裁判所から記録の提出を求められたときにどう対応する方針か教えてください。", "general"),
        ("I lost access to my old phone number when I moved; please update it to the new one.", "correction"),
        ("I work at the prefectural police headquarters' facilities section. We are interested in CallConnect for our "
         "switchboard; could you send a quote?", "general"),
    ],
)
def test_not_urgent(text: str, expected: str) -> None:
    result = classify(text)
    assert not result.urgent, (result.type, result.signals)
    if expected != "cookie_optout":
        assert result.type == expected, result.candidates


def test_a_list_of_users_named_with_a_word_between_is_their_data() -> None:
    """「user mailing list」: a mailing list of our users is their data, not a marketing email (round 16)."""
    result = classify("Our newsletter platform vendor told us this morning that their servers were hacked and our customer "
                      "mailing list may have been copied.")
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)
