"""Triage, round 25 (after blind sets v38 and v39 were scored): 提出してもらえるか is no conditional; 空欄のように見える
is how something looks, not data visible to others; a former employee's login named as a noun is no break-in.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

from intake.classify import classify


def test_an_office_asking_whether_we_can_submit() -> None:
    result = classify("【電話メモ】地方裁判所の書記官を名乗る方より。利用者一名の契約情報を提出してもらえるか確認したいとのこと。")
    assert result.urgent and result.type == "authority_request", (result.type, result.signals)


def test_what_looks_empty_is_not_visible_data() -> None:
    result = classify("ポリシーの利用目的の欄が空っぽのように見えます。私の情報を何に使うのか教えてください。")
    assert not result.urgent, (result.type, result.signals)


def test_a_former_employees_login_named_as_a_noun() -> None:
    result = classify("Please remove the login and all personal data of our former operator, who left last week.")
    assert not result.urgent, (result.type, result.signals)
