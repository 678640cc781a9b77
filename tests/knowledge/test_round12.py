"""Mechanisms of round 12 (after blind sets v15 and v16 were scored): where in the policy something is written is no
question of where data is kept; 担当者, an everyday word, names nobody's role in §9; and the lifts of this round.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.answerability import kinds_asked


@pytest.mark.parametrize("question", ["委託先の監督をしてるってポリシーのどこに書いてある？", "責任者を置いてるのはどこに載ってる？"])
def test_where_in_the_policy_is_no_place_where_data_is_kept(question: str) -> None:
    assert "place or country" not in [kind.id for kind in kinds_asked(question)]


def test_where_data_is_put_is_still_a_place() -> None:
    assert "place or country" in [kind.id for kind in kinds_asked("顧客のデータを置いてるのってどこ？")]


def test_a_person_in_charge_named_in_a_story_is_no_privacy_manager(kb: KnowledgeBase) -> None:
    answer = kb.ask("ユーザーが担当者の氏名をチャットに自分で書いて外に出た。責任ある？")
    assert answer.sections[0].split(".")[0] == "12", answer.sections
