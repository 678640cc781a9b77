"""Mechanisms of round 16 (after blind sets v20 and v21 were scored): whether the policy covers a partner's service is
answered by §1's rule whatever the service is called, and may be asked in the sentence that points back; a person's
life or body at risk is §4 item 2's case; a sum other than a fee (a cap on damages, a penalty) is an amount the
policy never states; a certificate asked for is a certification; a leak report that asks what the cited section
states (who the manager is) is answered, and one that asks what the policy says of a contractor is not; chat
shorthand is spelled out; a third party named in English, a partner asking, data among what is collected, an
authority's investigation; what falls under an unexplained term; a file's contents reported, not asked; "anything I
can quote" points back; family asking for a contact is no agent; a list from another company is obtained indirectly
(§5 item 2); a request named as one's wish (訂正を請求したい) is the request.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "question",
    ["顧客がHubSpot連携を使っていて、HubSpot側に同期された連絡先の扱いを聞いてきました。これってうちのポリシーの範囲なんですか？",
     "A client uses our Zendesk integration. Does our privacy policy apply to the tickets Zendesk stores on its side?"],
)
def test_a_partner_service_is_answered_by_the_scope_rule(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[:1] == ["1"], (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    "question",
    ["オペレーターと話している途中でユーザーの方が意識を失ったようです。救急に登録住所を伝えても大丈夫ですか？",
     "May we share a user's address with paramedics without asking her, if her life may be at risk?"],
)
def test_a_life_at_risk_is_the_exception_of_section_4(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == "4", answer.sections


@pytest.mark.parametrize("question", ["免責の条文で、賠償額の上限っていくらになってる？", "Is there a cap on our liability in the disclaimer section?"])
def test_a_sum_other_than_a_fee_is_not_stated(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and "amount" in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_a_certificate_asked_for_is_a_certification(kb: KnowledgeBase) -> None:
    answer = kb.ask("監査法人から依頼がありました。\n---\nプライバシーマークの認証書のコピーを送付いただけますか。\n---\nどう返せばいい？")
    assert answer.outcome != "answered" and "certification" in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_a_leak_report_asking_who_the_manager_is_is_answered(kb: KnowledgeBase) -> None:
    answer = kb.ask("利用企業の方から、誰かに勝手にログインされて通話履歴を見られたと連絡がありました。すぐ報告したいのですが、ポリシー上の個人情報の責任者は誰ですか？")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] in ("9", "16"), (answer.outcome, answer.sections)
    assert answer.incident == "leak_report"


def test_a_leak_at_a_contractor_asking_what_the_policy_says_is_partial(kb: KnowledgeBase) -> None:
    answer = kb.ask("Our SMS gateway provider told us their platform was hacked and our users' numbers may be exposed. "
                    "What does our policy say about us and the provider?")
    assert answer.outcome == "partial" and answer.sections[0] == "7", (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    ("question", "section"),
    [("3rd party sharing w/o the user's ok - ever allowed?", "8"), ("pls tell me what u hold on me", "10")],
)
def test_chat_shorthand_is_spelled_out(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == section, (answer.outcome, answer.sections)


def test_everything_you_hold_on_me_asks_for_own_data(kb: KnowledgeBase) -> None:
    answer = kb.ask("Could you email me everything you store about me, please?")
    assert answer.sections[:1] == ["10"], answer.sections


@pytest.mark.parametrize(
    ("question", "section"),
    [
        # a third party named in English inside Japanese
        ("affiliateにcustomer data渡すのってconsentいる？", "8"),
        # a partner company asking for our users' list
        ("提携先の旅行会社から、うちの会員の氏名とメールアドレスの一覧をもらえないかと打診されました。応じていいですか？", "8"),
        # whether a kind of data is among what is collected
        ("チャットでのやり取りの履歴も、取得情報に含まれるんでしょうか？", "2"),
    ],
)
def test_shapes_in_other_words(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == section, (answer.outcome, answer.sections)


def test_an_authoritys_investigation_is_an_authority_asking(kb: KnowledgeBase) -> None:
    answer = kb.ask("労働基準監督署の調査で、オペレーターの通話記録を出すよう求められました。本人の同意は要りますか？")
    assert answer.incident == "authority_request", answer.incident


@pytest.mark.parametrize("question", ["「合理的な期間」って、どういう場合が当たるの？", "What counts as a 'significant change' to the policy?"])
def test_what_falls_under_an_unexplained_term_is_not_stated(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and "criteria" in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_the_users_own_number_is_not_the_companys(kb: KnowledgeBase) -> None:
    answer = kb.ask("知らない業者から電話が来るんですが、御社が私の電話番号をどこかに渡しましたか？")
    assert "phone number or address" not in answer.not_in_policy, answer.not_in_policy


def test_what_a_file_was_found_to_hold_is_reported_not_asked(kb: KnowledgeBase) -> None:
    answer = kb.ask("本人から開示請求があり、出力を確認したら、他部署の査定コメントや通話の要約も含まれていました。全部渡す必要がありますか？")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "10", (answer.outcome, answer.not_in_policy)


def test_asking_for_something_to_quote_points_back(kb: KnowledgeBase) -> None:
    answer = kb.ask("I'm on a call with a client's security lead. She wants to know whether our backups are stored in a "
                    "second region. Is there anything in the policy I can quote?")
    assert answer.outcome != "answered", (answer.outcome, answer.sections)


def test_family_asking_for_a_contact_is_not_a_request_by_an_agent(kb: KnowledgeBase) -> None:
    answer = kb.ask("利用者の方が作業中に倒れたらしく、ご家族から緊急連絡先を教えてほしいと連絡がありました。本人とは連絡がつきません。伝えていいですか？")
    assert "request by an agent" not in answer.not_in_policy and answer.sections[0].split(".")[0] == "4", answer


@pytest.mark.parametrize(
    "question",
    ["展示会の主催会社から来場者の名簿を購入しました。営業リストに入れる前に、ポリシー上やっておくべき確認はありますか？",
     "A distributor sent us a spreadsheet of contacts it gathered at a fair. What does the policy require before we use it?"],
)
def test_a_list_from_another_company_is_obtained_indirectly(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == "5", answer.sections


def test_a_fee_asked_with_the_request_named_as_a_wish(kb: KnowledgeBase) -> None:
    answer = kb.ask("お客様からのメールです。\n---\n登録情報の訂正を請求したいと考えています。手数料はかかりますか。金額と支払方法を教えてください。\n---\nどう答えればいい？")
    assert answer.outcome == "partial" and answer.sections[0].split(".")[0] == "11", (answer.outcome, answer.sections)


def test_an_abbreviations_letter_is_no_shorthand() -> None:
    from knowledge.spelling import Speller
    assert Speller(["data"]).correct("Do we move data to the U.S.?") == "Do we move data to the U.S.?"
