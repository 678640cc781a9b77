"""Triage, round 27 (after blind sets v42 and v43 were scored): our customers' data offered in a post is ours wherever
the post is; a ministry writing first is an authority's request; data one never registered in one's own export is a
leak; "the records of provision" asked to be disclosed are records, not disclosure; suspending use, stopping provision
and objecting to data being passed on name their acts; "an export of everything about me" is disclosure; a report to
the police is no legal threat (a lawsuit, a lawyer or the PPC is); 漏えいの話はなし rules a leak out; a question said
to be general or hypothetical is general; a mishap told as done is no question of practice.

Every inquiry here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from intake.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "I came across a post on a forum offering a 'CallConnect user list' for sale. It includes my own email address.",
        "顧客リストを出力したら、弊社で入力した覚えのない個人の名前と電話番号が30件ほど混じっていました。",
        "先ほど、顧客Aの録音データを誤って顧客Bに送ってしまいました。今後どう対応するのか教えてください。",
    ],
)
def test_leaks(text: str) -> None:
    result = classify(text)
    assert result.urgent and result.type == "leak_report", (result.type, result.signals)


def test_a_ministry_writing_first() -> None:
    result = classify("Letter from the Ministry of Economy: pursuant to the Act we request a report on your handling of"
                      " customer records, including any records sent to external recipients by mistake.")
    assert result.urgent and result.type == "authority_request", (result.type, result.signals)


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("Please disclose the records of every provision of my data to outside companies.", "third_party_records"),
        ("I ask you to suspend all use of my personal information until my complaint is resolved.", "suspension"),
        ("Keep my account, but stop all provision of my details to third parties.", "third_party_stop"),
        ("Could I get an export of all the things you have stored on me?", "disclosure"),
    ],
)
def test_the_act_asked(text: str, type_id: str) -> None:
    result = classify(text)
    assert result.type == type_id, (result.type, result.candidates)


def test_a_report_to_the_police_is_no_legal_threat() -> None:
    result = classify("Two weeks and no answer to my correction request. I'll report you to the police if this goes on.")
    assert not result.urgent, (result.type, result.signals)


def test_a_leak_ruled_out() -> None:
    result = classify("【電話メモ】開示の回答が遅いと強いご不満。漏えいの話は特になし。監督官庁にも言うとのこと。")
    assert "leak" not in result.signals, (result.type, result.signals)


@pytest.mark.parametrize(
    "text",
    [
        "Hypothetically, would you tell me before handing my recordings to a court? Asking before we sign.",
        "一般論として、警察から照会が来たら私の住所を本人に知らせずに出すんですか？",
    ],
)
def test_a_general_question(text: str) -> None:
    result = classify(text)
    assert result.type == "general" and not result.urgent, (result.type, result.signals)
