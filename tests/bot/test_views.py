"""Block builders: pure, and inside Slack's limits whatever the knowledge base or the asker hands them."""
from __future__ import annotations

from dataclasses import replace

from knowledge import KnowledgeBase
from slack_sdk.models.blocks import Block

from bot.models import AnswerRef, CommentMetadata
from bot.views.answer import answer_message
from bot.views.blocks import fit_message, sections, split_text, truncate
from bot.views.feedback_modal import comment_modal
from bot.views.manager import manager_request_message


def assert_within_limits(message: dict) -> None:
    blocks = message["blocks"]
    assert 0 < len(blocks) <= 50
    for block in blocks:
        if block["type"] != "rich_text":  # slack_sdk has no validating model for rich text
            Block.parse(block).validate_json()  # raises on any limit the sdk knows (text 3000, button 75/2000…)
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
        if block["type"] == "rich_text":
            assert all(len(e["text"]) <= 3000 for q in block["elements"] for e in q["elements"])


class TestSplitting:
    def test_long_text_is_split_at_sentence_ends_and_loses_nothing(self) -> None:
        text = "。".join(f"文{i}" * 40 for i in range(200))
        chunks = split_text(text, 3000)
        assert all(len(c) <= 3000 for c in chunks) and "".join(chunks) == text
        assert all(c.endswith("。") for c in chunks[:-1])

    def test_an_entity_is_never_cut_in_half(self) -> None:
        chunks = split_text("&amp;" * 1000, 2998)
        assert all(not c.endswith(("&", "&a", "&am", "&amp")) for c in chunks)
        assert truncate("&amp;" * 10, 8) == "&amp;…"

    def test_fit_message_keeps_the_buttons_and_stays_under_50_blocks(self) -> None:
        blocks = sections("あ" * 200_000) + [{"type": "actions", "block_id": "a", "elements": []}]
        message = fit_message("x" * 50_000, blocks)
        assert len(message["blocks"]) <= 50 and message["blocks"][-1]["type"] == "actions"
        assert len(message["text"]) <= 3000


class TestAnswerMessage:
    def test_a_japanese_answer_quotes_cites_and_offers_the_buttons(self, knowledge_base: KnowledgeBase) -> None:
        answer = knowledge_base.ask("開示請求が来たらどうする？")
        message = answer_message(answer, answer_id=7, contact=knowledge_base.contact("ja"))
        assert_within_limits(message)
        kinds = [block["type"] for block in message["blocks"]]
        assert "rich_text" in kinds and kinds[-1] == "actions"
        values = {e["value"] for e in message["blocks"][-1]["elements"]}
        assert values == {AnswerRef(7, "ja").encode()}
        assert "参考訳" not in str(message)  # no translation for a Japanese asker

    def test_an_english_answer_marks_the_translation(self, knowledge_base: KnowledgeBase) -> None:
        answer = knowledge_base.ask("What do we do with a disclosure request?")
        text = str(answer_message(answer, answer_id=1, contact=knowledge_base.contact("en")))
        assert "参考訳" in text and "the Japanese text governs" in text

    def test_enormous_hits_still_fit(self, knowledge_base: KnowledgeBase) -> None:
        answer = knowledge_base.ask("開示請求が来たらどうする？")
        huge = [replace(hit, quote=hit.quote * 400, translation=hit.translation * 400) for hit in answer.hits]
        answer = replace(answer, question="q" * 100_000, summary="<&>" * 5000, hits=huge)
        for shared_by in (None, "U1"):
            assert_within_limits(answer_message(answer, answer_id=1, contact="c" * 5000, shareable=True,
                                                shared_by=shared_by))

    def test_the_manager_dm_fits_a_100kb_question(self) -> None:
        message = manager_request_message(asked_by="U1", question="あ" * 100_000, answered=False,
                                          sections_cited=(), permalink=None, channel_id="C1")
        assert_within_limits(message)
        assert "全 100000 文字" in str(message)


class TestModels:
    def test_refs_round_trip_and_reject_forgeries(self) -> None:
        assert AnswerRef.decode(AnswerRef(42, "en").encode()) == AnswerRef(42, "en")
        for forged in (None, "", "fr:1", "ja:-1", "ja:1e9", "ja:" + "9" * 40, 5):
            assert AnswerRef.decode(forged) is None

    def test_the_comment_modal_carries_its_vote(self) -> None:
        modal = comment_modal(CommentMetadata(feedback_id=3, language="en"))
        assert CommentMetadata.decode(modal["private_metadata"]) == CommentMetadata(3, "en")
        assert len(modal["title"]["text"]) <= 24 and len(modal["private_metadata"]) <= 3000
        assert CommentMetadata.decode("{broken") is None and CommentMetadata.decode('{"feedback_id": "3"}') is None
