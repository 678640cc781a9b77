"""Each section found from the general words people use for its topic, not only the policy's own terms (task H5).

Written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("what do we have on file about a customer, can they get it?", "10"),
        ("can she get all the information we hold about her?", "10"),
        ("プライバシーポリシーの内容が変わったら、どうやって分かる？", "15"),
        ("if we change the policy, is there a new version posted somewhere?", "15"),
        ("could we use call data for something else entirely?", "4"),
        ("顧客データを違う目的に使い回してもいいの？", "4"),
        ("do we ever give out customer info to other firms?", "8"),
        ("許可なく他の会社に個人情報を渡すことある？", "8"),
        ("a user put their number on social media and got spam calls, is that our fault?", "12"),
        ("お客さんが自分でSNSに載せた情報を悪用された、うちの責任？", "12"),
    ],
)
def test_general_words_find_the_section(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == section, (
        answer.outcome, answer.sections, answer.not_in_policy)


def test_names_of_a_kind_of_company_are_not_the_names_collected_from_users(kb: KnowledgeBase) -> None:
    answer = kb.ask("Could I get the names of all the contractors who process our customers' data?")
    assert answer.outcome == "partial" and answer.sections[0].split(".")[0] == "7", answer.sections
    assert "named vendors" in answer.not_in_policy
