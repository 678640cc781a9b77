"""Triage, round 26 (after blind sets v40 and v41 were scored): an omission (記入漏れ) is no leak and a missing item to
be added is a correction; "a breach of privacy" as a judgement is no incident; our data offered for sale is a leak, and
so are calls with numbers we never had showing in our history; an authority named as where the writer will go asks
nothing; an authority in a past episode before 今回は別件 is no request; the price of seats is a product question;
use asked not to be made (使わないで) is a stop of use, or an opt-out when it is browsing for ads; "I want all the data
you have on me" is disclosure; "just to update my address" names the earlier request of a grievance.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


def test_an_omission_is_a_correction_not_a_leak() -> None:
    result = classify("登録内容に記入漏れがあったようです。役職が抜けているので追加をお願いできますか。\n山田")
    assert not result.urgent and result.type == "correction", (result.type, result.signals)


def test_a_breach_of_privacy_as_an_opinion() -> None:
    result = classify("Please disable the ad cookies on your site for me. Following people around is a breach of user privacy.")
    assert not result.urgent and result.type == "cookie_optout", (result.type, result.signals)


@pytest.mark.parametrize(
    "text",
    [
        "Someone is auctioning a spreadsheet of CallConnect users on a hacking forum. My number is in the sample.",
        "弊社の通話履歴に、うちでは登録していない番号との通話がずらっと表示されています。どういうことでしょうか。",
    ],
)
def test_leaks_in_new_words(text: str) -> None:
    result = classify(text)
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)


def test_an_authority_named_as_where_the_writer_will_go() -> None:
    result = classify("Stop emailing me or I will report you to the police and the data protection commission. Remove my address.")
    assert "authority" not in result.signals and result.type != "authority_request", (result.type, result.signals)


def test_an_authority_in_a_past_episode() -> None:
    result = classify("以前、警察の捜査で御社に照会が行ったと聞いて驚きました。今回は別件で、請求書の宛名の変更手順を知りたいです。")
    assert "authority" not in result.signals, (result.type, result.signals)


def test_the_price_of_seats_is_a_product_question() -> None:
    assert classify("ライセンスを5席追加するときの費用を教えてください。").type == "general"


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("私の購買履歴をレコメンドに使わないでください。アカウントは残します。", "suspension"),
        ("閲覧履歴を広告のターゲティングに使わないでほしいです。", "cookie_optout"),
        ("I want everything you hold about me, by Friday, or I'm escalating this.", "disclosure"),
    ],
)
def test_the_act_asked(text: str, type_id: str) -> None:
    result = classify(text)
    assert result.type == type_id, (result.type, result.candidates)


def test_a_purpose_clause_names_the_earlier_request() -> None:
    result = classify("Your agent demanded my driving licence only to change my phone number. I'm not happy about that at all.")
    assert result.type == "complaint", (result.type, result.candidates)
