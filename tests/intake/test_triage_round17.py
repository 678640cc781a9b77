"""Triage, round 17 (after blind sets v22 and v23 were scored): a leak named with the place it happened (our account,
our system's export log), a suspicion stated, another firm's addressed document, sign-ins from abroad while nobody
worked, data caught in a screenshot, unfamiliar numbers listed, rows that are another company's customers, an
investigation unit; a topic mixed into an answer is no data; a plan change is no privacy request; "if you pass it
on, stop" stops provision; a copy of everything held is disclosure.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A reporter called us reading out a support note that only exists in our CallConnect account. I think it leaked.",
         "leak_report"),
        ("【電話メモ】利用企業様より。辞めた社員が顧客データを持ち出した疑いあり。CallConnectのダウンロード履歴を確認したいとのこと。", "leak_report"),
        ("昨日届いたお知らせメールに、よその会社宛ての見積書PDF（担当者名・電話番号入り）が添付されていました。", "leak_report"),
        ("Our audit log shows two sign-ins to the admin console from an IP in Brazil at 2am. Nobody on our team was working.",
         "leak_report"),
        ("御社の担当者さんが会議で共有した画面に、別のお客様の通話一覧が映り込んでいました。", "leak_report"),
        ("通話履歴を見たら、見たこともない会社名と電話番号がずらっと並んでいます。", "leak_report"),
        ("The export you sent for our ticket has 800 rows and most of them are customers of another company.", "leak_report"),
        ("A man said he was from the prefectural investigation division and needs the subscriber behind a number by tonight.",
         "authority_request"),
    ],
)
def test_urgent(text: str, expected: str) -> None:
    result = classify(text)
    assert result.urgent and result.type == expected, (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("問い合わせへの回答に別の製品の説明が混ざっていて分かりにくいです。担当者の態度も失礼でした。", "complaint"),
        ("来月から上位の料金プランに切り替えたいのですが、どうすればいいですか。", "general"),
        ("提携先に私の情報を提供しているのなら、やめてください。", "third_party_stop"),
        ("My account is closed now, but I'd like a full copy of everything you still hold on me.", "disclosure"),
    ],
)
def test_not_urgent(text: str, expected: str) -> None:
    result = classify(text)
    assert not result.urgent and result.type == expected, (result.type, result.signals, result.candidates)
