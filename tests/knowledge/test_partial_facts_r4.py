"""Kinds of fact the policy leaves open, found in round 4 (task T1), and questions about something else entirely.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "kind", "sections"),
    [
        # whether giving an item is compulsory; how precise or when a collected item is taken
        ("電話番号の登録って任意？それとも必須？", "required or optional", {"2"}),
        ("Do users have to give their gender, or can they skip it?", "required or optional", {"2"}),
        ("端末の位置情報はどのくらいの精度で取ってるの？", "precision", {"2"}),
        ("is location tracked in the background too?", "precision", {"2"}),
        # the hours a contact point answers
        ("個人情報の窓口って何時から何時まで対応してる？", "hours", {"16"}),
        ("What are the business hours of the privacy contact?", "hours", {"16"}),
        # the company's number, in other words
        ("Could I have the privacy manager's direct phone number?", "phone number or address", {"16", "9"}),
        ("What's the mailing address for privacy requests sent by post?", "phone number or address", {"16"}),
        # a contractor passing the work on
        ("委託先がさらに別の会社に再委託することってある？", "onward outsourcing", {"7"}),
        ("Can our vendors subcontract the processing to someone else?", "onward outsourcing", {"7"}),
        # consent asked again after a change
        ("ポリシーが変わったら、ユーザーに改めて同意をもらう必要ある？", "renewed consent", {"15"}),
        # what a term of the policy covers, when the policy never says
        ("「重要な変更」って何が該当するの？", "what a term covers", {"15"}),
        ("What qualifies as 'appropriate supervision' of a contractor?", "what a term covers", {"7"}),
        # a request made for someone who has died, or by their family
        ("亡くなったお父様の登録情報を見せてほしいとご家族から", "request by an agent", {"10"}),
        ("A user's widow asked us to delete his account data after he passed away.", "request by an agent", {"11"}),
        # whose data: staff rather than users
        ("社員の個人情報の扱いもこのポリシーに含まれる？", "whose data", {"1", "2"}),
        ("Does the policy cover job applicants' data?", "whose data", {"1", "2"}),
        # which company or partner, where the policy names none
        ("統計データはどこに販売してるの？販売先は？", "named vendors", {"13"}),
        ("Which partner integrations send us user IDs?", "named vendors", {"2", "1"}),
        # a specific rule, procedure or measure, where the policy states only a commitment
        ("安全管理って具体的にどんな対策をしてるの？", "security measure", {"6"}),
        ("What specific security measures protect customer data?", "security measure", {"6"}),
        ("間接取得のとき、具体的にどうやって確認してる？", "procedure details", {"5"}),
        ("How exactly do we check a contractor's handling, step by step?", "procedure details", {"7"}),
        # a number asked where the text gives only "without delay"
        ("開示請求って何営業日以内に対応する決まり？", "number of days", {"10"}),
        ("For an access request, what's the deadline in business days?", "number of days", {"10"}),
        ("削除の完了まで具体的な日数を知りたい", "number of days", {"11"}),
        # a country or region named
        ("Is any data moved outside the EU?", "place or country", {"8", "2", "6"}),
        # a setting or feature switched on
        ("Do we show a cookie consent banner to visitors?", "configuration", {"14"}),
        ("通話録音を自動で削除する機能はある？", "automatic deletion", {"11", "2"}),
        # documents the company may or may not have
        ("プライバシーポリシーの英語版はありますか？", "documents", {"15", "0", "1"}),
        ("Is there a DPA template we can send to enterprise customers?", "documents", {"7", "8", "1"}),
    ],
)
def test_partial_names_the_kind(kb: KnowledgeBase, question: str, kind: str, sections: set[str]) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered", (answer.outcome, answer.sections, answer.not_in_policy)
    assert kind in answer.not_in_policy, (answer.not_in_policy, answer.sections)


@pytest.mark.parametrize(
    "question",
    [
        # questions about the data a thing asked for that the text never names
        "do we collect users' passport numbers?",
        "マイナンバーって取得してる？",
        "指紋とか顔写真のデータも集めてる？",
        "通話の録音データも取得する情報に含まれてる？",
    ],
)
def test_an_item_asked_about_must_be_named_by_the_text(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered", (answer.sections, answer.not_in_policy)


@pytest.mark.parametrize(
    "question",
    [
        "user forgot their password and can't log in, what do I tell them?",
        "パスワードを忘れたお客様にリセット方法を案内したい",
        "パスワードは何文字以上必要？",
        "can a deleted account be restored?",
        "退会したアカウントって復活できる？",
        "請求書の宛名を変更したいと言われました",
        "Can CallConnect integrate with our helpdesk tool?",
        "料金プランを上位プランに変えたい",
        "which court would handle a dispute with a user?",
        "Is it legal to record customers' calls without telling them?",
        "個人情報保護委員会にオプトアウトの届出ってしてる？",
        "番号ポータビリティには対応していますか？",
        "バグバウンティ制度ってありますか？",
        "can admins restrict logins by IP address?",
    ],
)
def test_questions_about_something_else_are_not_answered(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered", (answer.outcome, answer.sections, answer.not_in_policy)


@pytest.mark.parametrize(
    ("question", "sections"),
    [
        ("do we collect IP addresses and device IDs?", {"2", "14"}),
        ("端末IDとかアクセスログって取得してる？", {"2"}),
        ("生年月日も登録してもらってる？", {"2"}),
        ("How do we protect user data?", {"6"}),
        ("What's the process when a user asks us to correct their address?", {"11"}),
        ("開示請求にはいつまでに対応する？", {"10"}),
        ("Where do users opt out of Google Analytics?", {"14"}),
        ("Cookieを無効にする設定ってどこ？", {"14"}),
        ("送信先ってどこ？", {"14"}),
        ("Which companies receive data through our ad tags?", {"14"}),
        ("委託先とはどんな契約を結んでるの？", {"7"}),
        ("警察から照会が来たら同意なしで出していい？", {"8", "4"}),
    ],
)
def test_near_misses_stay_answered(kb: KnowledgeBase, question: str, sections: set[str]) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] in sections, (
        answer.outcome, answer.sections, answer.not_in_policy)
