"""Reply drafts quote the policy version the case was received under (issue 14): a disclosure received before a
revision and refused after it cites the old §10 item; one received after the switch cites the new one; a version
that cannot be read any more gives no draft at all, never another version's text."""
from __future__ import annotations

import dataclasses
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from intake import (
    JST,
    Acknowledge,
    Case,
    CaseDesk,
    Config,
    Refuse,
    ReplyStage,
    load_request_types,
    open_db,
    validate_new_case,
)
from knowledge import LiveKnowledgeBase
from knowledge.drafts import VersionUnreadable, case_knowledge_base, draft_reply
from tests.policy_versions import NEW_10_1, OLD_10_1, write_two_versions

MANAGER = "U0MANAGER"
#: The evening before the revision takes effect (00:00 JST on 1 December 2026), and the afternoon after.
BEFORE = datetime(2026, 11, 30, 17, 0, tzinfo=JST)
AFTER = datetime(2026, 12, 2, 11, 0, tzinfo=JST)


@pytest.fixture
def knowledge(tmp_path: Path) -> LiveKnowledgeBase:
    write_two_versions(tmp_path / "kb")
    return LiveKnowledgeBase.load(tmp_path / "kb", clock=lambda: AFTER)


@pytest.fixture
def desk(tmp_path: Path) -> CaseDesk:
    return CaseDesk(open_db(tmp_path / "cases.db"), config=Config(manager=MANAGER))


def refused_on_10_1(desk: CaseDesk, knowledge: LiveKnowledgeBase, *, received: datetime) -> Case:
    """A disclosure logged as an edge logs it (the version in force at its receipt), refused after the switch on
    §10 item 1's ground."""
    fields = {"type": "disclosure", "description": "開示してください", "channel": "phone",
              "received_at": received.isoformat(), "requester": {"name": "山田太郎", "phone": "090-1234-5678"}}
    new = validate_new_case(fields, request_types=load_request_types(), config=desk.config, now=AFTER)
    new = dataclasses.replace(new, policy_version=knowledge.in_force(new.received_at).key)
    case = desk.log(new, actor=MANAGER, now=AFTER)
    desk.handle(case.id, Acknowledge(), actor=MANAGER, now=AFTER)
    desk.handle(case.id, Refuse("life_or_rights", "第三者の通話記録を含むため"), actor=MANAGER, now=AFTER)
    return desk.store.get(case.id, actor=MANAGER)


def refusal(case: Case, knowledge: LiveKnowledgeBase, language: str = "ja") -> str:
    draft = draft_reply(case, ReplyStage.REFUSAL, language="en" if language == "en" else "ja",
                        knowledge_base=case_knowledge_base(knowledge, case), request_types=load_request_types())
    return draft.text()


def test_a_case_received_before_the_switch_and_refused_after_it_quotes_the_old_item(
        desk: CaseDesk, knowledge: LiveKnowledgeBase) -> None:
    assert knowledge.current.version_key == "2026-12-01"  # the revision is in force when the draft is made
    case = refused_on_10_1(desk, knowledge, received=BEFORE)
    assert case.policy_version == "base"
    text = refusal(case, knowledge)
    assert f"　「{OLD_10_1}」" in text and NEW_10_1 not in text
    english = refusal(case, knowledge, "en")
    assert f'"{knowledge.of("base").policy["10.1"].en}"' in english


def test_a_case_received_after_the_switch_quotes_the_new_item(desk: CaseDesk, knowledge: LiveKnowledgeBase) -> None:
    case = refused_on_10_1(desk, knowledge, received=datetime(2026, 12, 1, 0, 0, tzinfo=JST))
    assert case.policy_version == "2026-12-01"
    assert f"　「{NEW_10_1}」" in refusal(case, knowledge)


def test_the_draft_names_the_version_it_quotes(desk: CaseDesk, knowledge: LiveKnowledgeBase) -> None:
    case = refused_on_10_1(desk, knowledge, received=BEFORE)
    draft = draft_reply(case, ReplyStage.REFUSAL, language="ja", knowledge_base=case_knowledge_base(knowledge, case),
                        request_types=load_request_types())
    assert (draft.policy_version, dict(draft.version_labels)) == (
        "base", {"ja": "2026年12月1日改定前の版", "en": "version before 2026-12-01"})


def test_a_version_no_longer_readable_gives_no_draft(desk: CaseDesk, knowledge: LiveKnowledgeBase,
                                                     tmp_path: Path) -> None:
    old = refused_on_10_1(desk, knowledge, received=BEFORE)
    new = refused_on_10_1(desk, knowledge, received=AFTER)
    revision = tmp_path / "kb" / "versions" / "2026-12-01"
    shutil.rmtree(revision)  # the directory is gone; the base is still held
    fresh = LiveKnowledgeBase.unread(tmp_path / "kb", clock=lambda: AFTER)
    assert NEW_10_1 not in refusal(old, fresh)
    with pytest.raises(VersionUnreadable) as unreadable:
        case_knowledge_base(fresh, new)
    assert unreadable.value.names == {"ja": "2026年12月1日改定版", "en": "version of 2026-12-01"}
    assert unreadable.value.problems == []

    (tmp_path / "kb" / "policy.yaml").write_text("entries: [", encoding="utf-8")  # the base no longer passes
    with pytest.raises(VersionUnreadable) as broken:
        case_knowledge_base(LiveKnowledgeBase.unread(tmp_path / "kb", clock=lambda: AFTER), old)
    assert broken.value.problems and broken.value.names["ja"] == "最初の版"
