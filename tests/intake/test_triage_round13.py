"""Triage, round 13 (after blind set v17 was scored): a field or a notification missing is no lost data, a letter of
authority names no authority, a court order "in case No. …" is no hypothesis, and a consumer advice centre is no
regulator.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "My phone number on the account is missing a digit, please fix it.",
        "The export you sent me was missing my address history. Can you resend it complete?",
        "My accountant has a signed letter of authority to request my records on my behalf; please send them to her.",
        "If you keep calling me I will report you to the consumer protection centre.",
    ],
)
def test_not_urgent(text: str) -> None:
    result = classify(text)
    assert not result.urgent, (result.type, result.signals)


@pytest.mark.parametrize(
    "text",
    ["Our office laptop with the client files went missing on the train last night.",
     "ORDER TO PRODUCE: The Osaka District Court, in case No. 2026 (ne) 123, orders selfree LLC to produce the account "
     "records of the user below within ten days."],
)
def test_still_urgent(text: str) -> None:
    result = classify(text)
    assert result.urgent, (result.type, result.signals)


def test_an_instrument_about_a_hack_is_the_authority_asking() -> None:
    result = classify("大阪府警から、不正アクセス事件について捜査関係事項照会書が届きました。利用者のアクセス記録の回答を求められています。")
    assert (result.type, result.urgent) == ("authority_request", True), (result.type, result.signals)


@pytest.mark.parametrize(
    "text",
    ["以前、被害届を出したことがあり記録を整理しています。私の登録情報の写しを送ってください。",
     "返事がないなら警察に相談しようと思っています。電話で個人情報の件を聞いたのに放置されています。"],
)
def test_the_writers_own_steps_at_the_police_page_nobody(text: str) -> None:
    result = classify(text)
    assert not result.urgent, (result.type, result.signals)
