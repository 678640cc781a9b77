"""The bot answers from the version of the policy in force, over the real HTTP endpoint: at 23:59 JST the day before
a revision takes effect it still quotes the old text, at 00:00 JST the new one, in the same process; the answer names
the version it quotes, once; an English asker whose quote's English rendering is still under review after the
revision gets the Japanese text and is told so, never an old or invented translation."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from intake import JST
from intake.config import Config
from knowledge import LiveKnowledgeBase
from knowledge.versions import ReviewItem

from bot import Settings
from bot.runtime import build_runtime
from bot.views.answer import answer_message
from tests.bot.conftest import RunningBot
from tests.bot.conftest import TestClock as Clock  # not collected as a test class
from tests.revisions import NEW_10_2, NEW_10_2_EN, OLD_10_2, add_revision, base_copy
from tests.slack_helpers import BOT_TOKEN, SIGNING_SECRET, direct_message

EFFECTIVE = date(2026, 12, 1)
QUESTION = "開示請求を断れるのはどんな場合？"
QUESTION_EN = "When can we refuse a disclosure request?"


def ask(bot: RunningBot, question: str) -> str:
    """Send `question` as a DM and return the text of the bot's reply to it."""
    before = len(bot.fake.calls_to("chat.postMessage"))
    bot.slack.event(direct_message(question))
    return bot.fake.wait_for("chat.postMessage", count=before + 1)[-1].all_text()


def test_the_answer_switches_to_the_revision_at_midnight_in_japan_without_a_restart(
        start_bot: Callable[..., RunningBot], tmp_path: Path) -> None:
    kb = base_copy(tmp_path / "kb")
    add_revision(kb, EFFECTIVE)
    bot = start_bot(now=datetime(2026, 11, 30, 23, 59, tzinfo=JST), knowledge_dir=kb)

    before = ask(bot, QUESTION)
    assert f"2. {OLD_10_2}" in before and NEW_10_2 not in before  # §10 quoted whole, its item 2 as published
    assert "出典: 「2026年12月1日改定前の版 第10条（ユーザー情報の開示）」" in before

    assert bot.clock is not None
    bot.clock.set(datetime(2026, 12, 1, 0, 0, tzinfo=JST))
    after = ask(bot, QUESTION)
    assert f"2. {NEW_10_2}" in after and f"2. {OLD_10_2}" not in after
    assert "出典: 「2026年12月1日改定版 第10条（ユーザー情報の開示）」" in after
    # Named once, on the source line: the related sections after it are cited without the date.
    assert after.count("2026年12月1日改定版") == 1 and "関連する条項: 「第" in after


def test_an_english_answer_whose_translation_is_under_review_shows_the_japanese_and_says_so(
        start_bot: Callable[..., RunningBot], tmp_path: Path) -> None:
    kb = base_copy(tmp_path / "kb")
    add_revision(kb, EFFECTIVE, english=None,
                 review=[ReviewItem("policy:10.2", "10.2 changed"), ReviewItem("summary:10.2", "10.2 changed")])
    bot = start_bot(now=datetime(2026, 12, 1, 9, 0, tzinfo=JST), knowledge_dir=kb)

    text = ask(bot, QUESTION_EN)
    assert f"2. {NEW_10_2}" in text  # the Japanese original, which governs
    assert "English translation: not available yet" in text and "under review" in text
    assert "seriously interfere" not in text and NEW_10_2_EN not in text  # neither the old English nor one made up
    assert "English translation (参考訳" not in text
    assert "Source: Section 10 (Disclosure of user information to the user), version of 2026-12-01" in text


def test_the_runtime_refuses_a_knowledge_base_on_another_clock(tmp_path: Path) -> None:
    """One clock decides what is due and which version is quoted: a knowledge base read on another one would
    keep quoting the old text in a test (or a process) whose clock has passed midnight."""
    kb = base_copy(tmp_path / "kb")
    add_revision(kb, EFFECTIVE)
    clock = Clock(datetime(2026, 11, 30, 23, 59, tzinfo=JST))
    settings = Settings(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url="http://127.0.0.1:9/api/")
    with pytest.raises(ValueError, match="runtime's clock"):
        build_runtime(settings, Config(), tmp_path / "bot.db", LiveKnowledgeBase.load(kb), clock=clock)


@pytest.mark.parametrize(("question", "named"), [
    ("開示請求の手数料は？", "関連する記載（参考。ご質問への答えではありません）: 「2026年12月1日改定版 第10条（ユーザー情報の開示）」"),
    ("会議室の予約の手数料は？", "*参考になるかもしれない条項*（2026年12月1日改定版）\n• 「第"),
    ("What is the fee for a disclosure request?",
     "Related text, for context only (it does not answer the question): Section 10 (Disclosure of user information "
     "to the user), version of 2026-12-01"),
])
def test_answers_that_do_not_answer_name_the_version_of_what_they_point_to(tmp_path: Path, question: str,
                                                                         named: str) -> None:
    """A partial answer names the version of the related text it quotes; one the policy does not cover names it
    once over the sections that might help."""
    kb = base_copy(tmp_path / "kb")
    add_revision(kb, EFFECTIVE)
    knowledge = LiveKnowledgeBase.load(kb, clock=lambda: datetime(2026, 12, 1, 9, 0, tzinfo=JST)).current
    answer = knowledge.ask(question)
    message = answer_message(answer, answer_id=1, contact=knowledge.contact(answer.language))
    texts = list(_texts(message["blocks"]))
    assert any(named in text for text in texts), texts
    assert sum(text.count(answer.version_label) for text in texts) == 1


def _texts(node: object) -> Iterator[str]:
    """Every text of a Block Kit structure."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                yield value
            else:
                yield from _texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)
