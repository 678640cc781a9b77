"""Triage, round 22 (after blind sets v32 and v33 were scored): hearsay (持ち出したらしい) is no conditional; a file of
other customers' data attached to our mail is a leak; a recording that plays without asking for a login is open to
anyone; an authority's office that will consider and call back is no prospective customer; a drama or a film is
somewhere else; "breach of trust", "unless they bring a warrant" and "just need to know" report nothing; the police
advising the writer is the writer's own affair; the acts people ask in other words: ads that follow a visit stopped,
tracking cookies turned off, sharing with third parties stopped or consent to it withdrawn, a record of whom data was
handed to, what has been logged on oneself.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【電話メモ】取引先の方から。辞めた営業担当がCallConnectの顧客データをコピーして持ち帰ったらしい、とのこと。",
         "leak_report"),
        ("The reminder email you sent this morning had a CSV attached with phone numbers and emails of several other "
         "customers. Please advise.", "leak_report"),
        ("Searching our clinic's name brings up a CallConnect page that plays one of our calls without requiring any "
         "password.", "leak_report"),
        ("【電話メモ】△△区役所の福祉課より。ある利用者の緊急連絡先を教えてほしいとのこと。正式な文書は検討して連絡するとのこと。",
         "authority_request"),
    ],
)
def test_urgent_in_other_words(text: str, expected: str) -> None:
    result = classify(text)
    assert result.urgent and result.type == expected, (result.type, result.signals)


@pytest.mark.parametrize(
    "text",
    [
        "映画で警察が通信会社に記録を出させる場面を見ました。御社でもそういうことはあるんですか？気になっただけです。",
        "Honestly, calling me at home after I unsubscribed is a breach of trust. Please stop using my number for sales.",
        "Don't give my details to anyone, the police included, unless they come with a warrant. Please confirm.",
        "Just need to know for our procurement file: if a court asks for our call logs, would you tell us first?",
        "別のサイトで詐欺にあい、警察の方から使っていないサービスは解約するように言われました。アカウントを削除してください。",
    ],
)
def test_not_urgent(text: str) -> None:
    result = classify(text)
    assert not result.urgent, (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("御社のページを見た後、SNSで御社の広告が何度も出てきます。もう止めてほしいです。", "cookie_optout"),
        ("サイトを見るたびに行動を記録されるのは嫌なので、記録されない設定にしたいです。", "cookie_optout"),
        ("Those analytics cookies on your website - how do I disable them?", "cookie_optout"),
        ("第三者への提供をすべて止めてください。", "third_party_stop"),
        ("I hereby withdraw my consent to the disclosure of my data to any outside company.", "third_party_stop"),
        ("I don't want my information sold or passed to partners. Please confirm.", "third_party_stop"),
        ("Please send me a record of every company you have handed my data to, and when.", "third_party_records"),
        ("I'd like to know what location data you have stored on me.", "disclosure"),
    ],
)
def test_acts_asked_in_other_words(text: str, expected: str) -> None:
    result = classify(text)
    assert result.type == expected, (result.type, result.signals)
