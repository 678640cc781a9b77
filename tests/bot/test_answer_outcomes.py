"""The three outcomes in Slack: a partial answer says what is missing before quoting context; nothing is quoted
as an answer when the policy is silent."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge import KnowledgeBase

from bot.views.answer import answer_message


def _texts(message: dict) -> list[str]:
    out = []
    for block in message["blocks"]:
        if block["type"] in ("section", "context"):
            text = block.get("text") or {}
            out.append(text.get("text", "") if text else " ".join(e.get("text", "") for e in block.get("elements", [])))
        elif block["type"] == "rich_text":
            out.append("".join(e.get("text", "") for q in block["elements"] for e in q["elements"]))
    return out


def test_partial_leads_with_what_the_policy_does_not_say(knowledge_base: KnowledgeBase) -> None:
    answer = knowledge_base.ask("開示請求に手数料はかかる？")
    assert answer.outcome == "partial"
    message = answer_message(answer, answer_id=3, contact=knowledge_base.contact("ja"))
    texts = _texts(message)
    assert "手数料" in texts[0] and "記載はありません" in texts[0]
    assert any("関連する記載" in t for t in texts) and any("遅滞なく応じます" in t for t in texts)
    assert "手数料" in message["text"]
    action_ids = [e["action_id"] for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert any("manager" in a for a in action_ids)


def test_not_covered_names_what_was_not_found_and_quotes_nothing(knowledge_base: KnowledgeBase) -> None:
    answer = knowledge_base.ask("Are we HITRUST certified?")
    assert answer.outcome == "not_covered"
    message = answer_message(answer, answer_id=4, contact=knowledge_base.contact("en"))
    assert "HITRUST" in _texts(message)[0]
    assert not any(b["type"] == "rich_text" for b in message["blocks"]), json.dumps(message, ensure_ascii=False)


def test_answered_opens_with_the_summary_and_lists_the_recipients(knowledge_base: KnowledgeBase) -> None:
    answer = knowledge_base.ask("Cookieのオプトアウトはどこでできる？")
    message = answer_message(answer, answer_id=5, contact=knowledge_base.contact("ja"))
    texts = _texts(message)
    assert texts[0] == knowledge_base.summaries["14"].ja or texts[0] == knowledge_base.summaries[answer.hits[0].id].ja
    assert not any("ページを開く" in t for t in texts)
    assert any("・広告: Facebook広告（送信先: Meta Platforms Inc.）" in t for t in texts)




@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_gets_a_message_within_slacks_limits(knowledge_base: KnowledgeBase, text: str) -> None:
    answer = knowledge_base.ask(text)
    message = answer_message(answer, answer_id=1, contact=knowledge_base.contact(answer.language), shareable=True)
    assert 0 < len(message["blocks"]) <= 50 and message["text"]
    json.dumps(message, ensure_ascii=False)
