"""Triage, round 16 (after blind sets v20 and v21 were scored): how a rule is applied, asked as a procedure, is a
question; an account accessed overnight, data exported on record, a file for another company are leaks; a danger
told as the past is no danger now; a complaint made in so many words, or a request left unanswered, is a complaint;
browsing tracked for ads is a cookie opt-out; to whom data went is a record of provision; "stop sending it to
them" stops provision; what is held about oneself, asked to be listed, is disclosure.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "Hi, one of our supervisor logins was accessed from an unknown country overnight and the contact list was viewed. "
        "We've reset the password already.",
        "【電話メモ】利用企業様より。休日で誰も使っていないのに、通話履歴がCSVでエクスポートされた履歴が残っているとのこと。",
        "The PDF attached to this month's statement email is for a different company and shows their customers' names.",
    ],
)
def test_leaks(text: str) -> None:
    result = classify(text)
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("お世話になっております。御社では、裁判所から記録の提出を求められた場合、どのような流れで対応されていますか？取引先審査のため教えてください。",
         "general"),
        ("学生の頃にストーカー被害にあったことがあり、念のため登録している住所を削除してほしいです。", "deletion"),
        ("I would like to lodge a formal complaint: you demanded a copy of my ID just to update my phone number.", "complaint"),
        ("削除をお願いしてから二か月も経つのに何の返事もありません。不誠実だと思います。", "complaint"),
        ("何度断っても営業電話がかかってきます。個人情報をどう管理しているのですか。", "complaint"),
        ("御社サイトの閲覧履歴をもとにした広告が出続けます。閲覧データを広告に使うのはやめさせたいです。", "cookie_optout"),
        ("私の登録情報を広告やキャンペーンに使うのはやめてください。", "suspension"),
        ("Has my data ever been sold to anyone? If it was given out, tell me to whom and when.", "third_party_records"),
        ("私の情報がどこの会社に提供されたのか知りたいです。", "third_party_records"),
        ("Please stop sending my details to the partner app you connected last year.", "third_party_stop"),
        ("私のアカウントに登録されている情報を一覧で確認したいです。", "disclosure"),
    ],
)
def test_types(text: str, expected: str) -> None:
    result = classify(text)
    assert result.type == expected and not result.urgent, (result.type, result.signals, result.candidates)


def test_a_danger_that_goes_on_is_still_urgent() -> None:
    result = classify("以前からストーカー被害を受けていて、今もつきまといが続いています。登録住所を消してください。")
    assert result.urgent and "safety" in result.signals, result.signals
