"""answered / partial / not_covered: the bot says what the policy states, what it does not, and when it is silent.

Every question here was written for this test (none comes from an evaluation set); each names a mechanism of
knowledge.answerability: the kind of fact asked against the cited text, terms the policy never uses, and
questions about the law in general.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, read_knowledge
from knowledge.answerability import kinds_asked, about_law_in_general


class TestKindOfFact:
    """A section that covers the topic but states no fact of the kind asked gives `partial`, naming the kind."""

    @pytest.mark.parametrize(
        ("question", "kind", "section"),
        [
            ("訂正の依頼って費用を請求してもいいんでしたっけ", "fee", "11"),
            ("Can we bill the user for handling an erasure request? how much?", "fee", "11"),
            ("アクセスログは何年間保管してる？", "retention period", "2"),
            ("how long are the IP addresses we log kept before deletion?", "retention period", "2"),
            ("開示の求めには何営業日以内に回答する決まり？", "number of days", "10"),
            ("委託先はどこの国の会社？", "place or country", "7"),
            ("Which country hosts the cookie data we send to Google?", "place or country", "14"),
            ("業務委託先の社名一覧を見せてもらえますか", "named vendors", "7"),
            ("これまでに第三者提供で問題になった事例ってある？", "past incidents", "8"),
            ("小学生のユーザーの生年月日も取得していい？保護者の同意は？", "age limit", "2"),
            ("利用停止のお願いって郵送でも受け付けてるんですか？", "channel", "11"),
            ("Can someone ask for their data to be corrected over the phone?", "channel", "11"),
            ("訂正のとき本人確認はどうやってするの？免許証のコピー？", "identity documents", "11"),
            ("Which kind of proof of identity should we ask for before we erase an account?", "identity documents", "11"),
            ("開示請求に応じるとき、保有している情報はどんな形式で本人に渡すの？", "format", "10"),
            ("Do we hand over disclosed records as a paper copy or an electronic copy?", "format", "10"),
            ("プライバシーポリシーは年に何回見直してる？", "frequency", "15"),
            ("Who exactly decides whether a correction request gets done, which team?", "who exactly", "11"),
            ("ユーザー情報を安全に管理するためにアクセス制限はかけてる？", "security measure", "6"),
            ("Is user information kept safe with two-factor login for staff?", "security measure", "6"),
            ("How long do the cookies last?", "retention period", "14"),
            ("第三者に提供するとき本人に通知する？", "notification", "8"),
            ("If we give data to a delivery company, do we notify the user?", "notification", "8"),
            ("How is consent obtained before we share data with a third party?", "how consent is obtained", "8"),
            ("Can support staff see the customer's credit card number?", "who exactly", "8"),
            ("退会したらすぐにデータは消えるの？", "automatic deletion", "11"),
            ("Is the data deleted automatically when an account is closed?", "automatic deletion", "11"),
            ("委託先の監査は年に一回やってる？", "audit", "7"),
            ("How do we check that our subcontractors handle the data properly, do we audit them?", "audit", "7"),
            ("広告のオプトアウトはアプリからもできる？", "channel", "14"),
            ("代理人からの開示請求には応じる？", "request by an agent", "10"),
            ("Can a family member request deletion on behalf of the user?", "request by an agent", "11"),
            ("第三者提供の記録って残してる？", "records kept", "8"),
            ("Do we keep a record of who we shared data with?", "records kept", "8"),
        ],
    )
    def test_partial(self, kb: KnowledgeBase, question: str, kind: str, section: str) -> None:
        answer = kb.ask(question)
        assert answer.outcome == "partial", (answer.outcome, answer.sections, answer.not_in_policy)
        assert kind in answer.not_in_policy and answer.sections[0].split(".")[0] == section
        assert not answer.answered

    @pytest.mark.parametrize(
        ("question", "section"),
        [
            ("開示の求めにはいつまでに応じればいい？", "10"),  # "遅滞なく" states a deadline, without a number
            ("Which ad companies receive user data from us?", "14"),  # §14's table names them
            ("決済のためにクレジット会社にデータを預けてる？", "8"),
            ("問い合わせはメールで受け付けてる？", "16"),  # §16 names the channel: email via the site
            ("Who is responsible for managing personal information here?", "9"),  # §9 names the role
            ("ポリシーが変わったらユーザーに通知される？", "15"),  # §15: announced on the site
        ],
    )
    def test_a_stated_fact_is_answered(self, kb: KnowledgeBase, question: str, section: str) -> None:
        answer = kb.ask(question)
        assert answer.outcome == "answered", (answer.not_in_policy, answer.sections)
        assert answer.sections[0].split(".")[0] == section and answer.not_in_policy == []

    def test_kinds_are_read_from_the_question_alone(self) -> None:
        assert [k.id for k in kinds_asked("手数料はいくら？")] == ["fee"]
        assert [k.id for k in kinds_asked("who is in charge of privacy?")] == []
        assert [k.id for k in kinds_asked("何日以内に返す？")] == ["number of days"]


class TestUnknownTerms:
    """A term of art the policy never uses, when the question is about it, is named as missing."""

    @pytest.mark.parametrize(
        ("question", "term"),
        [
            ("Is CallConnect SOC 2 Type II audited?", "SOC 2"),
            ("does our Zendesk integration send personal data to Zendesk?", "Zendesk"),
            ("SalesforceConnectって個人データ送ってる？", "SalesforceConnect"),
            ("HIPAAって対応してます？", "HIPAA"),
            ("セールスフォースとの連携で個人情報は送られる？", "セールスフォース"),
            ("チャットワークとか使って顧客情報を共有していい？", "チャットワーク"),
        ],
    )
    def test_named_as_missing(self, kb: KnowledgeBase, question: str, term: str) -> None:
        answer = kb.ask(question)
        assert answer.outcome in ("partial", "not_covered")
        assert any(term in item for item in answer.not_in_policy), answer.not_in_policy

    @pytest.mark.parametrize(
        "question",
        [
            "ユーザーがSNSで自分の住所を公開したら、うちの責任？",
            "OKです、削除依頼の手順を教えて",
            "ＤＢの登録住所を直してほしいと言われた",
            "キャンペーンのプレゼント発送で配送業者に住所を渡すのはOK？",
            "グーグルアナリティクスって使ってる？",
        ],
    )
    def test_an_aside_does_not_block_an_answer(self, kb: KnowledgeBase, question: str) -> None:
        """An acronym mentioned in passing is not what the question is about."""
        assert kb.ask(question).outcome == "answered"

    def test_english_question_made_of_words_the_policy_never_uses(self, kb: KnowledgeBase) -> None:
        answer = kb.ask("how do I unlock an agent's softphone headset?")
        assert answer.outcome != "answered"


class TestLawInGeneral:
    @pytest.mark.parametrize(
        "question",
        ["個人情報保護法でいう要配慮個人情報とは？", "What counts as personal data under the APPI?", "GDPRの罰金ってどれくらい？"],
    )
    def test_law_questions_are_not_answered_by_the_policy(self, kb: KnowledgeBase, question: str) -> None:
        answer = kb.ask(question)
        assert answer.outcome != "answered", answer.sections

    def test_policy_question_mentioning_the_law_is_not_law_in_general(self) -> None:
        assert not about_law_in_general("うちのポリシーでは個人情報保護法の定義を使ってる？")
        assert about_law_in_general("個人情報保護法の適用対象ってどんな事業者？")


class TestRendering:
    def test_partial_says_what_is_missing_then_quotes_context(self, kb: KnowledgeBase) -> None:
        text = kb.ask("開示請求に手数料はかかる？").render_text()
        first, rest = text.split("\n\n", 1)
        assert "手数料" in first and "記載はありません" in first
        assert "> 当社は、ユーザーご本人より" in rest and "info@selfree.co.jp" in rest

    def test_partial_in_english(self, kb: KnowledgeBase) -> None:
        text = kb.ask("Do we charge a fee to answer a disclosure request?").render_text()
        assert text.startswith("The privacy policy does not say anything about fees or their amount")
        assert "for context only" in text and "info@selfree.co.jp" in text

    def test_not_covered_quotes_nothing(self, kb: KnowledgeBase) -> None:
        answer = kb.ask("how do I book the big meeting room for Friday?")
        assert answer.outcome == "not_covered"
        assert "> " not in answer.render_text() and "info@selfree.co.jp" in answer.render_text()


@pytest.mark.parametrize(
    ("question", "sections"),
    [
        ("利用料金の請求のためにカード会社にデータを渡してる？", {"8"}),
        ("どこの会社に個人データを渡してる？", {"8", "14"}),
        ("過去に退会したユーザーから削除依頼が来た", {"11"}),
        ("国内の配送業者にプレゼント発送用の住所を渡すのはOK？", {"8"}),
        ("Is the privacy policy ever updated?", {"15"}),
        ("開示請求にはいつまでに対応すればいい？", {"10"}),
        ("Is the statistical data sold to other companies?", {"13"}),  # data sold, not the company
        ("How is user information acquired?", {"2", "5"}),  # §5's "acquisition", not a takeover
    ],
)
def test_a_word_of_a_kind_in_passing_does_not_make_it_partial(kb: KnowledgeBase, question: str, sections: set[str]) -> None:
    """Words that can ask for a fact (料金, 過去に, 国内, ever) also occur in questions the policy answers."""
    answer = kb.ask(question)
    assert answer.outcome == "answered", answer.not_in_policy
    assert answer.sections[0].split(".")[0] in sections


#: Questions the policy does not answer, written for this test (retention, fees, location, certifications, past
#: incidents, vendors, minors, mergers, notification deadlines, the law itself, product features), none taken
#: from an evaluation set. The mechanisms above must hold them back without any list of these topics.
SILENT = [
        '解約後、通話ログはどれくらいの期間残してますか',
        'How many years do you hold on to invoices with customer names?',
        '訂正をお願いするのに費用は発生しますか',
        'Is there a charge for getting a copy of my data?',
        '顧客データはAWSの東京リージョンに置いてある？',
        'Is customer data ever stored outside Japan?',
        'プライバシーマークは取得済みですか',
        'Are you ISO/IEC 27701 certified?',
        'これまでに個人情報の流出事故ってありました？',
        'Has selfree ever suffered a security breach?',
        'どのクラウド事業者にデータを預けてる？名前を教えて',
        'Can you send me the list of sub-processors?',
        '中学生でもアカウントを作れますか？',
        'Do you knowingly collect data from children under 13?',
        '会社が買収されたら顧客データはどうなるの',
        'What happens to my data if selfree is acquired by another company?',
        '漏えいが起きたら何時間以内に本人へ通知する決まり？',
        'Within how many hours must the PPC be notified of a breach?',
        '個人情報保護法でいう個人情報取扱事業者って何？',
        'Under the APPI, what counts as sensitive personal information?',
        '通話録音を文字起こしするAIはどこの製品？',
        'Does CallConnect support SAML single sign-on?',
        'Salesforceとの連携で個人情報は送られる？',
        'what is the SLA for answering privacy requests in hours',
        'アクセスログって何か月で消える？',
        "Do you keep deleted users' data in backups, and for how long?",
        '開示請求1件あたりいくら請求できますか',
        'Is the data center in Tokyo or Osaka?',
        'SOC 2のレポートもらえますか',
        'Did CallConnect have any incidents last year?',
        '外注先の会社名をリストでください',
        '何歳から使えるサービス？',
        '合併や事業譲渡のときの個人情報の引き継ぎは？',
        '個人情報保護法の罰則ってどれくらい？',
        'Does the product encrypt call recordings end to end with TLS 1.3?',
        'Can agents export contacts to HubSpot?',
        'When did the current version of the policy take effect?',
        'How many disclosure requests did we get last month?',
]


@pytest.fixture(scope="module")
def without_seed() -> KnowledgeBase:
    """The knowledge base without faq.yaml's policy-silent entries: the mechanism alone, not the seed list."""
    files = read_knowledge()
    return KnowledgeBase(files.policy, [f for f in files.faq if not f.policy_silent], files.summaries)


@pytest.mark.parametrize("question", SILENT)
def test_questions_the_policy_does_not_answer(without_seed: KnowledgeBase, question: str) -> None:
    answer = without_seed.ask(question)
    assert answer.outcome != "answered" and answer.not_in_policy, (answer.sections, answer.not_in_policy)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Is a disclosure request free?", "fee"),
        ("How long until deleted data disappears from our systems?", "retention period"),
        ("海外にデータを移すことある？", "place or country"),
        ("By when must we reply to a disclosure request?", "deadline"),
        ("What cloud provider do we use?", "named vendors"),
        ("Can I ask for deletion by phone?", "channel"),
        ("What ID do we ask for?", "identity documents"),
        ("Can we send the data as a CSV?", "format"),
        ("How often is the policy reviewed?", "frequency"),
        ("Which department handles disclosure requests?", "who exactly"),
        ("Is customer data encrypted?", "security measure"),
        ("Will the user be notified if we share their data?", "notification"),
        ("How do we get users' consent?", "how consent is obtained"),
        ("退会したらデータは自動で消える？", "automatic deletion"),
        ("Do we audit our vendors?", "audit"),
    ],
)
def test_the_kind_asked_is_read_in_other_words(question: str, kind: str) -> None:
    assert kind in [k.id for k in kinds_asked(question)]
