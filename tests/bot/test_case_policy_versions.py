"""Cases keep the policy version they were received under, over the real HTTP endpoint with a knowledge base holding
two versions (tests/policy_versions.py: §10 item 1 reworded from 2026-12-01): a case logged through the modal the
evening before the switch records the base, its card cites the base by name; refused after the switch, its 返信文案
still quotes the old item and says which version; a case logged after the switch quotes the new one; a version that
can no longer be read opens a modal saying so, with no draft and nothing to mark as sent."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from intake import JST, Acknowledge, CaseDesk, Refuse
from knowledge import LiveKnowledgeBase
from tests.bot.conftest import MANAGER, RunningBot
from tests.bot.test_intake import cases_show, log_case, wait_dm
from tests.bot.test_reply_drafts import draft_text, open_draft
from tests.policy_versions import NEW_10_1, OLD_10_1, write_two_versions
from tests.slack_helpers import block_action

#: Monday evening before the revision takes effect (00:00 JST, Tuesday 1 December 2026), and Wednesday after it.
BEFORE = datetime(2026, 11, 30, 17, 0, tzinfo=JST)
AFTER = datetime(2026, 12, 2, 11, 0, tzinfo=JST)
OLD_LABEL = "2026年12月1日改定前の版"


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    write_two_versions(tmp_path / "kb")
    return tmp_path / "kb"


@pytest.fixture
def knowledge_base(kb_dir: Path) -> LiveKnowledgeBase:
    """The knowledge base `start_bot` builds the bot on (this module's, instead of the bundled one)."""
    return LiveKnowledgeBase.unread(kb_dir)


@pytest.fixture
def versioned_bot(start_bot: Callable[..., RunningBot]) -> RunningBot:
    """The bot on this module's two versions, its clock (which the versions switch on) the evening before."""
    return start_bot(now=BEFORE)


def refuse_on_10_1(bot: RunningBot, case_id: str) -> None:
    desk = CaseDesk(bot.db(), config=bot.config)
    desk.handle(case_id, Acknowledge(), actor=MANAGER, now=AFTER)
    desk.handle(case_id, Refuse("life_or_rights", "第三者の通話記録を含むため"), actor=MANAGER, now=AFTER)


def test_a_case_logged_before_the_switch_keeps_the_old_text_after_it(versioned_bot: RunningBot) -> None:
    bot = versioned_bot
    case_id = log_case(bot, type="disclosure")
    assert cases_show(bot, case_id)["policy_version"] == "base"
    [card] = wait_dm(bot, MANAGER)
    assert f"関連条項 / Policy: 「{OLD_LABEL} 第10条（ユーザー情報の開示）」" in card.all_text()

    assert bot.clock is not None
    bot.clock.set(AFTER)
    refuse_on_10_1(bot, case_id)
    updated = bot.fake.wait_for("chat.update")[-1].all_text()  # the card, edited in place after the switch
    assert case_id in updated and f"関連条項 / Policy: 「{OLD_LABEL} 第10条（ユーザー情報の開示）」" in updated
    view = open_draft(bot, card)
    assert f"　「{OLD_10_1}」" in draft_text(view) and NEW_10_1 not in draft_text(view)
    assert f"📜 受付時のポリシー（{OLD_LABEL}）に基づく文案です / Drafted from the policy in force when the case was " \
           "received (version before 2026-12-01)" in str(view["blocks"])

    later = log_case(bot, type="disclosure")
    assert cases_show(bot, later)["policy_version"] == "2026-12-01"
    refuse_on_10_1(bot, later)
    [_, card_after] = wait_dm(bot, MANAGER, count=2)
    assert "「2026年12月1日改定版 第10条（ユーザー情報の開示）」" in card_after.all_text()
    assert f"　「{NEW_10_1}」" in draft_text(open_draft(bot, card_after))


def test_case_details_name_the_version(versioned_bot: RunningBot) -> None:
    bot = versioned_bot
    case_id = log_case(bot, type="disclosure")
    before = len(bot.fake.calls_to("views.open"))
    bot.slack.interaction(block_action("case_open", case_id, user=MANAGER, channel="DHOME", thread_ts=None,
                                       response_url=bot.fake.response_url("open")))
    opened = str(bot.fake.wait_for("views.open", count=before + 1)[-1].json_param("view"))
    assert f"受付時のポリシー / Policy at receipt: {OLD_LABEL} / version before 2026-12-01" in opened
    assert case_id in opened


def test_a_version_that_cannot_be_read_gives_no_draft(versioned_bot: RunningBot, kb_dir: Path,
                                                     knowledge_base: LiveKnowledgeBase) -> None:
    bot = versioned_bot
    case_id = log_case(bot, type="disclosure")
    [card] = wait_dm(bot, MANAGER)
    assert bot.clock is not None
    bot.clock.set(AFTER)
    refuse_on_10_1(bot, case_id)
    (kb_dir / "policy.yaml").write_text("entries: [\n", encoding="utf-8")  # the base no longer passes kb check
    reload = knowledge_base.reload()  # as the running bot's reloader does: only the version in force is read now
    assert reload is not None and reload.outcome.value == "loaded"
    view = open_draft(bot, card)
    text = str(view["blocks"])
    assert "この案件の受付時のポリシー（2026年12月1日改定前の版）を読み込めないため、返信文案を作れません" in text
    assert "no other version is quoted in its place" in text and "privacy-bot kb check" in text
    assert draft_text(view) == "" and "submit" not in view and NEW_10_1 not in text
