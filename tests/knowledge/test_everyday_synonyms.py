"""Finding the policy's legal wording from the words staff actually use for it (issue 10, retrieval round 6).

The policy names its concepts in legal language (「人の生命、身体または財産の保護」, 「公衆衛生の向上」,
「適法かつ公正な手段」); staff ask about an ambulance crew, a health centre, being tricked, a stalker. The keywords
of policy.yaml carry the everyday, business and jargon words for each concept, in both languages. Every question
here was written for this test (none comes from an evaluation set), and each one found another entry, or none,
before those keywords were added. The most specific entry is expected: the item, where the section has items.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


def first(kb: KnowledgeBase, question: str) -> tuple[str, str]:
    answer = kb.ask(question)
    return answer.outcome, (answer.sections[0] if answer.sections else "")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # §1.1 precedence: the colloquial name of the other document and of the conflict
        ("利用規約とプライバシーポリシーで書いてあることに齟齬があったらどっち？", "1.1"),
        ("We have a clash between our T&C and the privacy policy; which applies?", "1.1"),
        # §4 purpose limitation: the jargon for using data for something else
        ("集めた情報を二次利用してもいい？", "4"),
        ("Is purpose creep allowed under our policy?", "4"),
        # §4.2 life, body or property: the emergency as it happens
        ("利用者が大事故で意識がなく、病院から家族の連絡先を聞かれている", "4.2"),
        ("A user is unconscious after an accident; can we use his emergency contact on file to call his family?", "4.2"),
        # §4.3 public health: the office and the work that serve it
        ("感染症の集団発生で、自治体の衛生部門から参加者の名簿を求められたら？", "4.3"),
        ("During an epidemic, public health officials want the list of people who joined the event.", "4.3"),
        # §4.4 national and local government: the offices by their everyday names
        ("税務調査で調査官から顧客情報の提出を求められたら？", "4.4"),
        ("The ward office asked us for a resident's phone number for its statutory duties.", "4.4"),
        # §5.1 lawful and fair means: what unfair means look like
        ("本人を騙して個人情報を聞き出すような取り方はしてない？", "5.1"),
        ("Do we ever collect data by tricking people or under false pretences?", "5.1"),
        # §6 safe management: the incidents it guards against
        ("サイバー攻撃で情報流出したら、ポリシー上どう書いてある？", "6"),
        ("How does the policy address unauthorized access to user data?", "6"),
        # §10.1 harm to a person: who the harm would come from
        ("家庭内暴力の加害者が元配偶者の情報を求めてきた", "10.1"),
        ("A user says a stalker is asking for her records; can we refuse to show them?", "10.1"),
        # §12.2 identified from what the user entered: the slang for it
        ("プロフィールの書き込みから住所バレしたと言われた、うちの責任？", "12.2"),
        ("A user says he was doxxed after posting his phone number in his bio.", "12.2"),
        # §14.4.5 a row of the table, by the brand the same recipient also runs
        ("Instagram広告にも情報を送ってる？", "14.4.5"),
        ("Is Instagram advertising one of the services we send data to?", "14.4.5"),
    ],
)
def test_everyday_words_find_the_policy_wording(kb: KnowledgeBase, question: str, entry: str) -> None:
    assert first(kb, question) == ("answered", entry)
