"""Triage, round 20 (after blind sets v28 and v29 were scored): data said to be collected without consent (不正に
取られた) is no break-in; a loss of one's own told as the past, or a police report of one's own (届け出たことがあり),
is background; a step toward the regulator only considered is no threat yet; a screenshot that showed another firm's
customers (写った) is a leak; a billing error or a copy of the policy asked for is no privacy request; the writer's firm
named for its own rules (弊社の社内規程) is not its data; records of disclosures are records of provision.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


def test_a_screenshot_that_showed_another_firms_customers() -> None:
    result = classify("御社の担当者から届いた資料に、よその会社の顧客の氏名と住所が写った画面写真が入っていました。")
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("同意した覚えのない項目（生年月日）まで不正に取られていると思います。その情報を使うのはやめてください。", "suspension"),
        ("以前スマホを落として警察に届け出たことがあり、そのとき番号を変えました。登録の電話番号を新しい番号に変更してください。", "correction"),
        ("削除の依頼から1か月たっても返事がなく、不誠実だと思います。このままなら個人情報保護委員会に申告することも検討しています。", "complaint"),
        ("We were double-charged on this month's invoice and nobody replies. Please fix it.", "general"),
        ("Could you email us the current version of your privacy policy? Our lawyers want it for the contract file.", "general"),
        ("もし裁判所から記録の提出を求められたら、御社はどう対応する方針ですか。弊社の社内規程づくりの参考にしたいです。", "general"),
        ("I'd like the records of every disclosure of my data to third parties, with dates.", "third_party_records"),
    ],
)
def test_not_urgent(text: str, expected: str) -> None:
    result = classify(text)
    assert not result.urgent and result.type == expected, (result.type, result.signals, result.candidates)
