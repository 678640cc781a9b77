"""Reply drafts filled from real cases in a real SQLite file, through the desk: dates in Japan time, the §10
ground quoted from policy.yaml, a missing name read naturally, and no stage drafted where it does not fit."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from intake import (
    JST,
    Acknowledge,
    Case,
    CaseDesk,
    Config,
    Extend,
    RecordReplySent,
    Refuse,
    ReplyStage,
    StageNotApplicable,
    Transfer,
    ValidationError,
    load_request_types,
    open_db,
    validate_new_case,
)
from knowledge import KnowledgeBase
from knowledge.drafts import draft_reply

MANAGER = "U0MANAGER"



@pytest.fixture
def desk(tmp_path: Path) -> CaseDesk:
    return CaseDesk(open_db(tmp_path / "cases.db"), config=Config(manager=MANAGER))


def log(desk: CaseDesk, *, name: str = "山田太郎", type_: str = "disclosure") -> Case:
    received = datetime.fromisoformat("2026-05-10T23:30:00+00:00")
    now = received + timedelta(hours=1)
    fields = {"type": type_, "description": "開示してください", "channel": "email", "received_at": received.isoformat(),
              "requester": {"name": name, "email": "taro@example.com"}}
    new = validate_new_case(fields, request_types=load_request_types(), config=desk.config, now=now)
    case = desk.log(new, actor=MANAGER, now=now)
    desk.handle(case.id, Acknowledge(), actor=MANAGER, now=now)
    return case


def draft(desk: CaseDesk, kb: KnowledgeBase, case_id: str, stage: str, language: str = "ja") -> str:
    case = desk.store.get(case_id, actor=MANAGER)
    return draft_reply(case, ReplyStage(stage), language="en" if language == "en" else "ja", knowledge_base=kb,
                       request_types=desk.request_types).text()


def test_a_receipt_in_japanese_business_style_with_the_date_in_japan_time(desk: CaseDesk, kb: KnowledgeBase) -> None:
    case = log(desk)
    text = draft(desk, kb, case.id, "receipt")
    assert text.startswith(f"件名: 【受付番号：{case.id}】")
    assert "\n\n山田太郎 様\n\n平素より" in text and "受付日：2026年5月11日" in text  # 23:30 UTC is the 11th in Tokyo
    assert "合同会社selfree" in text and "info@selfree.co.jp" in text and "第16条" in text
    assert "何卒よろしくお願い申し上げます。" in text


def test_english_and_a_missing_name_read_naturally(desk: CaseDesk, kb: KnowledgeBase) -> None:
    case = log(desk)
    desk.db.conn.execute("UPDATE cases SET requester_name = '' WHERE id = ?", (case.id,))  # as after a purge
    assert "\n\nお客様\n\n" in draft(desk, kb, case.id, "receipt")
    english = draft(desk, kb, case.id, "receipt", "en")
    assert english.startswith("Subject: ") and "Dear Sir or Madam," in english
    assert "Received on: May 11, 2026" in english and "Type of request: disclosure request" in english


def test_a_refusal_quotes_the_section_10_ground_from_the_policy(desk: CaseDesk, kb: KnowledgeBase) -> None:
    case = log(desk)
    desk.handle(case.id, Refuse("business_hindrance", "ご請求が過去10年分の全通話に及ぶため"), actor=MANAGER,
                now=datetime.now(JST))
    text = draft(desk, kb, case.id, "refusal")
    assert f"　「{kb.policy['10.2'].ja}」" in text and "第10条" in text
    assert "ご請求が過去10年分の全通話に及ぶため" in text
    assert f'"{kb.policy["10.2"].en}"' in draft(desk, kb, case.id, "refusal", "en")


def test_a_refusal_on_another_ground_names_it_and_quotes_nothing(desk: CaseDesk, kb: KnowledgeBase) -> None:
    case = log(desk, type_="deletion")
    desk.handle(case.id, Refuse("identity_not_verified", "ご登録のメールアドレスからのご返信がないため"),
                actor=MANAGER, now=datetime.now(JST))
    text = draft(desk, kb, case.id, "refusal")
    assert "本人または代理権の確認ができない" in text and "第10条" not in text and "「" not in text


def test_an_extension_gives_the_old_and_new_dates_and_the_reason(desk: CaseDesk, kb: KnowledgeBase) -> None:
    case = log(desk)
    new_due = datetime(2026, 6, 30, 18, 0, tzinfo=JST)
    desk.handle(case.id, Extend(new_due, "記録が大量のため"), actor=MANAGER, now=datetime.now(JST))
    text = draft(desk, kb, case.id, "extension")
    old_due = case.due_at.astimezone(JST)
    assert f"{old_due.year}年{old_due.month}月{old_due.day}日までにご連絡" in text
    assert "2026年6月30日まで延長" in text and "延長の理由：記録が大量のため" in text


def test_every_stage_and_language_fills_every_placeholder(desk: CaseDesk, kb: KnowledgeBase) -> None:
    case = log(desk)
    desk.handle(case.id, Extend(case.due_at + timedelta(days=7), "確認中"), actor=MANAGER, now=datetime.now(JST))
    desk.handle(case.id, Transfer("株式会社サンプル", None), actor=MANAGER, now=datetime.now(JST))
    for stage in ("receipt", "extension", "transfer"):
        for language in ("ja", "en"):
            text = draft(desk, kb, case.id, stage, language)
            assert not re.search(r"[{}]", text), (stage, language)
    assert "株式会社サンプル様" in draft(desk, kb, case.id, "transfer")


@pytest.mark.parametrize("stage", ["refusal", "result", "transfer", "extension"])
def test_a_stage_that_does_not_fit_is_refused(desk: CaseDesk, kb: KnowledgeBase, stage: str) -> None:
    case = log(desk)
    with pytest.raises(StageNotApplicable):
        draft(desk, kb, case.id, stage)
    with pytest.raises(StageNotApplicable):
        desk.handle(case.id, RecordReplySent(stage, "ja"), actor=MANAGER, now=datetime.now(JST))


def test_marking_a_reply_sent_is_audited_by_stage_and_language_only(desk: CaseDesk) -> None:
    case = log(desk)
    changed = desk.handle(case.id, RecordReplySent("identity", "en"), actor=MANAGER, now=datetime.now(JST))
    entry = changed.history[-1].to_json()
    assert (entry["action"], entry["actor"], entry["details"]) == ("reply_sent", MANAGER,
                                                                  {"stage": "identity", "language": "en"})
    assert changed.status == "acknowledged"
    with pytest.raises(ValidationError) as refused:
        desk.handle(case.id, RecordReplySent("apology", "fr"), actor=MANAGER, now=datetime.now(JST))
    assert set(refused.value.errors) == {"stage", "language"}
