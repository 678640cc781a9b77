"""Triage, round 21 (after blind sets v30 and v31 were scored): a conversation with another user (他のユーザーとの通話)
that sits in a user's own records is their data, not someone else's shown to them; an authority asks in the words
of a notice or a call ("please provide…", "we need to know who…", 「ご提供ください」); a former employee who still
gets in is a break-in; a customer asking about our incident notice (障害のお知らせ) reports an event, not an offer.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


def test_a_call_with_another_user_is_the_users_own_record() -> None:
    result = classify("私のデータを全部見せてください。別のお客様とのやり取りも入っていると思いますが、それも含めてお願いします。")
    assert not result.urgent and result.type == "disclosure", (result.type, result.signals)


def test_another_users_record_shown_is_still_a_leak() -> None:
    result = classify("ログインしたら、他のお客様の通話履歴が私の画面に表示されています。どうなっているんですか。")
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)


@pytest.mark.parametrize(
    "text",
    [
        "This is Detective Ward, city police. We need to know which account made calls to 03-5555-0101 last Friday. "
        "Call me back at the precinct.",
        "Notice from the Labour Standards Inspection Office: please provide the call logs of the account below by "
        "the end of the month.",
        "税務署の担当者です。下記の口座名義人の登録情報をご提供ください。",
    ],
)
def test_an_authority_asking_in_other_words(text: str) -> None:
    result = classify(text)
    assert result.urgent and result.type == "authority_request", (result.type, result.signals)


def test_a_user_asking_for_their_own_data_before_a_complaint_is_no_authority() -> None:
    result = classify("対応が遅いので個人情報保護委員会に相談するつもりです。その前に私の登録データを開示してください。")
    assert result.type != "authority_request", (result.type, result.signals)


def test_a_former_employee_still_getting_in() -> None:
    result = classify("A contractor we let go in August apparently still keeps logging into our CallConnect account "
                      "and listening to recordings. How do we find out what he saw?")
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)


def test_a_question_about_our_incident_notice() -> None:
    result = classify("先日届いた不具合のお知らせメールについてです。あの時間帯、うちの顧客の通話録音が外から聞ける状態だったのですか？")
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)


def test_a_seminar_invitation_about_notices_is_no_incident() -> None:
    result = classify("【ご案内】漏えい事故のお知らせ文の書き方セミナーを開催します。お申し込みはこちらから。")
    assert not result.urgent, (result.type, result.signals)
