"""Triage, round 19 (after blind sets v26 and v27 were scored): a file that "seems to contain" another company's
customers is a leak; a breach of contract is no data breach; an office changing its own registered number is a
customer; a grievance told as a request made before (お願いしたのに) or a vague answer is a complaint; a parenthesis
between the data and どうなって still asks what became of it; a log of whom data went to is a record of provision;
what the data is used for, asked to be told, is a purpose notice.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


def test_a_file_containing_another_companys_customers() -> None:
    result = classify("Hello, the export your team sent this morning seems to contain about 200 clients of some other firm.")
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You are in breach of the SLA: the dashboard was unavailable all morning. We expect a service credit.", "general"),
        ("〇〇市役所 総務課です。当課の代表電話番号が変わりましたので、登録している連絡先を新しい番号に訂正してください。", "correction"),
        ("退会をお願いしたのに確認の連絡が一切ありません。個人情報をどう扱っているのか説明しろ。", "complaint"),
        ("窓口の方の説明が曖昧で納得できませんでした。きちんとした対応を求めます。", "complaint"),
        ("私の個人情報（住所や利用履歴など）が今どうなっているのか知りたいです。", "disclosure"),
        ("Please send me a log of which companies my details were passed to.", "third_party_records"),
        ("弊社従業員の個人情報が、どういう目的で使われるのかを教えてください。", "purpose_notice"),
    ],
)
def test_types(text: str, expected: str) -> None:
    result = classify(text)
    assert not result.urgent and result.type == expected, (result.type, result.signals, result.candidates)
