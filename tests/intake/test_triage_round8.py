"""Triage, round 8: an authority's demand made by someone acting for it, data taken out that nobody here took, and
a leak denied in other words.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("Dear CallConnect team,\nWe are writing on behalf of the district prosecutor. Kindly produce the account "
         "records of the user below within ten days.\nLegal Affairs Unit", "authority_request"),
        ("Hi, last night all our call recordings were downloaded from the admin console. None of us did that, and the "
         "login came from an address we don't recognise.\nRegards, Priya", "leak_report"),
        ("【電話メモ】管理画面から顧客データがエクスポートされていた。社内では誰もやっていないとのこと。", "leak_report"),
        ("通話データが勝手にダウンロードされていて、社内の誰もダウンロードしていません。", "leak_report"),
    ],
)
def test_urgent_in_other_words(text: str, type_id: str) -> None:
    result = classify(text)
    assert (result.type, result.urgent) == (type_id, True), (result.type, result.urgent, result.signals)


@pytest.mark.parametrize(
    "text",
    [
        "【電話メモ】オペレーターが電話口で別のお客様の住所を読み上げていたと苦情。情報が外に出たわけではないが、不快とのこと。",
        "【電話メモ】窓口で他の利用者の名前が聞こえたとのこと。外部に出たわけではないが改善してほしい。",
    ],
)
def test_not_urgent_when_nothing_got_out(text: str) -> None:
    result = classify(text)
    assert not result.urgent, (result.type, result.signals)
