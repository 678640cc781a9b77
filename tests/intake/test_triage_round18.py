"""Triage, round 18 (after blind sets v24 and v25 were scored): a company's notice email with others' data attached,
a list posted on a forum, a file sold on a hacking forum: leaks; a police report of one's own (被害届), one's own typo,
a lawsuit only feared, a leak denied as a story: not urgent; anger denied is no grievance, a demand to explain is;
where data went (渡った履歴) is a record of provision; one's own records asked to be handed out is disclosure; a stop of
processing without deletion is a suspension; a newsletter's "| Unsubscribe" footer asks nothing.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "本日届いた御社からのご案内メールに、他のお客様の氏名と住所の一覧が添付されていました。至急確認してください。",
        "SNSの投稿に、弊社がCallConnectで管理している顧客の連絡先一覧のスクリーンショットがそのまま貼られているのを見つけました。",
        "Someone on a paste site is offering a database with our clients' e-mail addresses that seems to come from your service.",
    ],
)
def test_leaks(text: str) -> None:
    result = classify(text)
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昨年、空き巣の件で警察に被害届を出したことがあり敏感になっています。本人確認で保険証の写しまで求められたのは行き過ぎだと苦情です。"
         "当社から情報が漏れた話ではありません。", "complaint"),
        ("警察に被害届を出しました。証拠に提出したいので、私のアカウントのログイン履歴を出していただけますか。", "disclosure"),
        ("登録のとき自分でメールアドレスを打ち間違えてしまいました。正しいアドレスに直してください。", "correction"),
        ("将来もし訴訟になったら困るので、念のため私の情報を他社に渡さないようにしてください。", "third_party_stop"),
        ("登録時に年齢を入力させられましたが、何に使うのか説明してほしいです。怒ってはいません。", "purpose_notice"),
        ("勧誘の電話がしつこい。私の番号をどこで手に入れたのか説明しなさい。", "complaint"),
        ("自分の情報がよその会社に渡った履歴があれば、その記録を見せてください。", "third_party_records"),
        ("Please stop processing my data for marketing. I don't want my account deleted, just that use stopped.",
         "suspension"),
        ("Protect your customers from leaks! Our free webinar shows how. Register now.\nCyberSafe Ltd | Unsubscribe",
         "general"),
    ],
)
def test_not_urgent(text: str, expected: str) -> None:
    result = classify(text)
    assert not result.urgent and result.type == expected, (result.type, result.signals, result.candidates)
