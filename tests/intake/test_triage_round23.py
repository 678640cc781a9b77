"""Triage, round 23 (after blind sets v34 and v35 were scored): another firm's list attached, a dump left in a public
repository, a wrong addressee asked about (宛先をお間違え), a login from an unknown place or a password changed by
someone else, a regulator's demand on its form are urgent; a question about which addresses logged in, 警察沙汰 said
in anger, an incident already resolved are not; the acts asked in more words (a log of third-party disclosures, what a
field is used for, what is registered about oneself, ads of a named network stopped) and a forgotten password, which
is no privacy request.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("先ほど届いた御社の案内メールに、よその会社の顧客リストらしきCSVが添付されていました。", "leak_report"),
        ("公開リポジトリに、CallConnect利用企業の担当者名と電話番号のバックアップが置かれているのを見つけました。", "leak_report"),
        ("御社からの納品書に、別の会社名と担当者の住所が書かれていました。宛先をお間違えではありませんか。", "leak_report"),
        ("身に覚えのない国からログインがあり、パスワードも勝手に変えられていました。", "leak_report"),
        ("個人情報保護委員会です。個人データの取扱いについて報告を求めますので、別紙様式で提出してください。",
         "authority_request"),
    ],
)
def test_urgent(text: str, expected: str) -> None:
    result = classify(text)
    assert result.urgent and result.type == expected, (result.type, result.signals)


@pytest.mark.parametrize(
    "text",
    [
        "私のアカウントに、どの端末からログインされているか記録を見せてもらえますか。",
        "営業の電話が多すぎる、警察沙汰にしてやろうかと思った、とかなりご立腹でした。苦情として記録してください。",
        "There was an export mix-up last spring; it has been fixed and we were told about it then. Today I only need "
        "to update our billing address.",
    ],
)
def test_not_urgent(text: str) -> None:
    result = classify(text)
    assert not result.urgent, (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please send me the record of third-party disclosures made from my account.", "third_party_records"),
        ("登録のときに職業を入力させられましたが、何に使うのか教えてください。", "purpose_notice"),
        ("私について何が保存されているのか、一覧で知りたいです。", "disclosure"),
        ("How do I stop Facebook ads from chasing me after I browse your site?", "cookie_optout"),
        ("至急！パスワードを忘れてしまい、管理画面に入れません。", "general"),
    ],
)
def test_acts_asked_in_more_words(text: str, expected: str) -> None:
    result = classify(text)
    assert result.type == expected, (result.type, result.signals)
