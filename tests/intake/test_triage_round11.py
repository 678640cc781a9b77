"""Triage, round 11: the writer who is the authority, an authority named in the writer's unrelated business, a
question how something is arranged, objections to sharing or use, grievances in other words, and curiosity.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake import critical_type
from intake.classify import classify

AUTHORITY_ABOUT_A_HACK = ("△△警察署 生活安全課です。不正アクセス事件の捜査のため、貴社サービスの利用者アカウントの"
                          "ログイン履歴をご提供いただきたく、ご連絡しました。")


def test_the_authority_writing_about_the_case_it_investigates_asks_first() -> None:
    result = classify(AUTHORITY_ABOUT_A_HACK)
    assert (result.type, result.urgent) == ("authority_request", True), (result.type, result.signals)
    assert critical_type(AUTHORITY_ABOUT_A_HACK) == "authority_request"


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("先日、別件で警察に被害届を出しました。それとは関係なく、登録メールアドレスを変更したいです。", "correction"),
        ("導入を検討しています。御社では情報漏えいが発生した場合の報告の流れはどのようになっていますか。", "general"),
        ("I object to you selling or sharing my data with advertisers. Please make it stop.", "third_party_stop"),
        ("何度も同じことを聞かれる。サポートの窓口がまったく機能していない。", "complaint"),
        ("【電話メモ】登録していない会社から突然連絡が来たとのことで、大変お怒り。どこで情報を得たのかと。", "complaint"),
        ("Just out of curiosity: do you keep my call recordings forever? Nothing has happened, I only want to know.", "general"),
    ],
)
def test_nothing_urgent_and_the_type_asked(text: str, type_id: str) -> None:
    result = classify(text)
    assert (result.type, result.urgent) == (type_id, False), (result.type, result.urgent, result.signals)
