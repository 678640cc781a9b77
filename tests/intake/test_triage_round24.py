"""Triage, round 24 (after blind sets v36 and v37 were scored): a leak read only from its makings, where the writer
asks for the record of our provision or its stop, is that request; the writer's own visit to the police is no
authority; "is it true?" about a past leak asks; data shown in search results is a leak, and so is a regulator that
says "please submit"; more words for a stop of provision and for purposes asked on paper.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("見知らぬ業者から何度もDMが届きます。御社が私の情報をどこに提供したのか、その記録を確認させてください。",
         "third_party_records"),
        ("取引先を含め、社外への私のデータの提供は今後お断りします。", "third_party_stop"),
        ("Don't pass my details on to any of your partners, please.", "third_party_stop"),
        ("昨年ストーカー被害で警察に相談したことがあるので心配です。私の情報を何に使っているのか書面で送ってください。", "purpose_notice"),
    ],
)
def test_not_urgent_requests(text: str, expected: str) -> None:
    result = classify(text)
    assert not result.urgent and result.type == expected, (result.type, result.signals)


@pytest.mark.parametrize(
    "text",
    [
        "I went to the police last year after identity theft, so please be careful: just update my phone number to the "
        "new one.",
        "御社で以前、顧客情報の流出があったという噂を聞きました。本当ですか？",
    ],
)
def test_not_urgent(text: str) -> None:
    result = classify(text)
    assert not result.urgent, (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("社名で検索すると、御社サービス経由の弊社顧客の通話メモが検索結果に表示されます。", "leak_report"),
        ("This is the city's consumer affairs bureau. Please submit the contact records for the account below by Friday.",
         "authority_request"),
    ],
)
def test_urgent(text: str, expected: str) -> None:
    result = classify(text)
    assert result.urgent and result.type == expected, (result.type, result.signals)
