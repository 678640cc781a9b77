"""Triage of raw inquiries in Japanese and English: a type, urgency, confidence and candidates."""
from __future__ import annotations

import pytest

from intake import classify, urgency_signals

# Inquiries written for these tests (not from any evaluation set).
TYPED = [
    ("登録してある私の個人データを全部見せてください。どんな情報を持っているんですか？", "disclosure"),
    ("私の情報をどこの会社に渡したのか、その提供記録を教えてほしい。", "third_party_records"),
    ("そもそも私の電話番号を何の目的で使っているのですか。", "purpose_notice"),
    ("引っ越したので、登録されている住所を新しいものに修正してください。", "correction"),
    ("サービスを解約しました。私のアカウントと録音データを完全に消去してください。", "deletion"),
    ("同意した覚えのない営業メールが来ます。私の情報を営業に使うのをやめてください。", "suspension"),
    ("今後は私のデータを提携先など第三者に提供しないでください。", "third_party_stop"),
    ("サイトのクッキーで追跡されたくない。ターゲティング広告をオプトアウトしたい。", "cookie_optout"),
    ("Please erase my account and every recording you have of my calls.", "deletion"),
    ("Could you send me a copy of the personal data you hold about me?", "disclosure"),
    ("My name is misspelled in your records, please fix it.", "correction"),
    ("How do I opt out of analytics cookies and personalised ads?", "cookie_optout"),
    ("We are the police. Under a warrant, provide the subscriber information for this number.", "authority_request"),
    ("I received an email with another customer's phone numbers in it — looks like a data breach.", "leak_report"),
    # What the person rules out does not vote for its type.
    ("I don't want you to delete anything, I only want to know what you hold about me.", "disclosure"),
    ("データの削除は不要です。登録情報を確認させてください。", "disclosure"),
    # The verb of the request outweighs the words around it.
    ("Can you restrict what you do with the data you hold about me until my complaint is resolved?", "suspension"),
]

URGENT = [
    "ログインしたら知らない人の通話履歴が表示されています。",
    "弁護士会照会に基づき、契約者の氏名と住所をご回答ください。",
    "このまま削除に応じないなら個人情報保護委員会に申告し、訴訟も考えます。",
    "If you do not delete my data within a week my lawyer will take legal action.",
    "My account got hacked and someone changed my contact details.",
]

CALM = [
    "プライバシーポリシーの第8条について確認したいのですが。",
    "退会後のデータはどのくらい保存されますか。",
    "登録メールアドレスを変えたいです。",
    "Where are your servers located?",
    "Please correct the spelling of my company name.",
    "記載漏れがあったので追記をお願いします。",
]


#: Written to look urgent without being an incident or an authority's request: each must not page the manager and
#: the deputy at once (a false urgent costs two people's attention).
TRAPS = [
    "It wasn't me who signed up for your newsletter, please take my address off the list.",
    "警察から照会があった場合、ポリシー上はどう扱うことになっていますか？",
    "Which clause of your privacy policy covers requests from the police?",
    "弁護士です。一般論として、御社は開示請求にどのくらいの期間で対応していますか？",
    "I'm an attorney. In general, how long do you keep customer data after cancellation?",
    "漏えいが起きた場合、個人情報保護委員会への報告期限は何日ですか？",
    "What does the policy say would happen if there were a data breach?",
    "裁判所から開示命令が来たら、御社は利用者の情報を出すんですか？",
    # News about another company, or leaks as a subject of study, is not an incident here.
    "ニュースで他社の情報漏えい事件を見ました。御社は大丈夫ですか？",
    "I read in the news that another SaaS company was hacked. Are you safe?",
    "A competitor had a data leak last week; our customers are asking if we are affected. How should we answer?",
    "I'm a journalist writing about data breaches in call-centre software. Can you comment on your security?",
    # A question about what is done in general, or a rule ("even if…, is it true…").
    "Do you ever share data with law enforcement?",
    "Could you tell me how the police request process works at your company?",
    "ユーザー情報が漏れても会社は責任を負わないって本当ですか？",
    "漏えいが心配なのでCookieを無効にする方法を教えて",
    "I'm worried about data breaches. Is my phone number safe with you?",
    # "Urgent" for an ordinary request, and a marketing email sent to the wrong list.
    "至急！登録メールアドレスの変更をお願いします。",
    "I keep getting your marketing emails even though I never subscribed. Please stop.",
    "御社のメルマガが間違って私に届いています。登録した覚えはありません。配信停止してください。",
    "Your sales email was sent to the wrong address, I'm not the person you meant. Please take me off your list.",
    "個人情報保護委員会のガイドラインについて教えてください。",
    "他社で誤送信の事故があったそうです。うちでは誤送信を防ぐ仕組みはありますか？",
    # The police or a lawyer named, but nobody asking us for data and no action threatened (task T1).
    "近所の人と揉めていて、いずれ警察沙汰になるかもしれません。念のため私の登録内容を見せてください。",
    "I reported the nuisance calls to the police. Could you tell me what data you hold on my account?",
    "My attorney told me to request a copy of my own account records. Please send them.",
    "警察官です。といっても今日は個人として、料金プランについて伺いたく連絡しました。",
    "私の通話履歴をどんな目的で保存しているのか教えてください。答え次第では消費者センターにも聞いてみます。",
    # A breach as the subject of an invitation, a newsletter, a question about the past or about safety.
    "【セミナーのご案内】情報漏えい対策の最新動向を解説します。参加無料、お申し込みはこちらから。",
    "Live online workshop: building a breach response plan. Seats are free, sign up now.",
    "これまでに個人情報の事故を起こしたことはありますか？契約前に確認したいです。",
    "Is customer data protected against leaks?",
    "アカウントを消したのに、キャンペーンのお知らせがまだ来ます。どこかに情報が漏れてませんか？",
]

#: Must stay urgent: each reports something that happened or an authority that is asking now.
STILL_URGENT = [
    "昨日、顧客リストを別の取引先に誤ってメール送信してしまいました。",
    "Our agent emailed a customer list to the wrong person this morning.",
    "顧客データが漏えいしたかもしれません。",
    "警察署から捜査関係事項照会書が届きました。どう対応すれば？",
    "個人情報保護委員会に申告します。",
    "If this isn't fixed by Friday, my lawyer will be in touch.",
    "ログインしたら他社のお客様の電話番号が表示されていました。",
    "届いた請求書に、知らない会社の住所が記載されていました。",
    # A marketing email is a leak when it carries someone else's data.
    "メルマガが他の受信者のアドレスがCCで全部見える状態で送られてきました。",
    "宛先違いのキャンペーンメールに、別の方の氏名と電話番号が書かれていました。",
    "After logging in I could see another company's call recordings.",
    "個人情報保護委員会から報告を求める書面が届きました。",
    "A regulator sent us a letter asking for records about one of our users.",
    # Wordings without the words "leak" or "police" (task T1).
    "録音一覧を開いたら、うちと無関係な会社の通話が並んでいて、再生もできました。",
    "The recordings tab shows calls that aren't ours.",
    "社員のノートPCを電車に置き忘れました。顧客情報のCSVが入っていたと思います。",
    "One of your storage buckets is publicly readable and lists customer phone numbers.",
    "A former employee still has access to the admin panel and downloaded our customer list last night.",
    "兵庫県警捜査二課の者です。ある電話番号の利用者情報について照会させてください。",
    "〇〇市役所の福祉課です。法令に基づく調査のため、利用者の登録情報を確認させてください。",
    "The ministry's consumer protection bureau requests the account details behind the numbers listed below.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_not_urgent(text: str) -> None:
    result = classify(text)
    assert not result.urgent, (result.type, result.signals)


@pytest.mark.parametrize("text", STILL_URGENT)
def test_real_incidents_stay_urgent(text: str) -> None:
    assert classify(text).urgent


@pytest.mark.parametrize("text", [t for t, _ in TYPED] + URGENT + CALM + TRAPS + ["🙂", "", "警察", "leak"])
def test_the_type_is_the_best_candidate(text: str) -> None:
    """The chosen type is the highest-scoring candidate listed (the list once outscored the choice)."""
    result = classify(text)
    assert result.candidates and result.type == result.candidates[0][0]
    assert all(score <= result.candidates[0][1] for _, score in result.candidates)


@pytest.mark.parametrize(("text", "expected"), TYPED)
def test_type(text: str, expected: str) -> None:
    assert classify(text).type == expected


@pytest.mark.parametrize("text", URGENT)
def test_urgent(text: str) -> None:
    assert classify(text).urgent


@pytest.mark.parametrize("text", CALM)
def test_not_urgent(text: str) -> None:
    assert not classify(text).urgent, urgency_signals(text)


def test_json_shape() -> None:
    data = classify("アカウントを削除してください").to_json()
    assert {"text", "type", "urgent", "confidence", "candidates"} <= set(data)
    assert data["type"] == data["candidates"][0]["type"] == "deletion"
    assert 0 < data["confidence"] <= data["candidates"][0]["score"] <= 1
    scores = [c["score"] for c in data["candidates"]]
    assert scores == sorted(scores, reverse=True)


def test_nothing_recognisable_is_general() -> None:
    result = classify("🙂🙂🙂")
    assert (result.type, result.urgent, result.confidence) == ("general", False, 0.0)


def test_signals_name_their_reason() -> None:
    assert urgency_signals("警察署から捜査関係事項照会書が届きました") == ("authority",)
    assert urgency_signals("誤送信で他人の個人情報が届いた。弁護士に相談します") == ("leak", "legal_threat")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("お客様への請求メールに、別のお客様の請求書PDFを添付して送ってしまいました。", "leak_report"),
        ("We sent the March call report for one client to a different client by mistake.", "leak_report"),
        ("I think my account was hacked. Please delete everything in it.", "leak_report"),
    ],
)
def test_what_happened_decides_the_type(text: str, expected: str) -> None:
    """An incident reported is logged as the incident, whatever else the message asks for."""
    assert classify(text).type == expected


@pytest.mark.parametrize(
    "text",
    [
        "Do you hand over customer data if the police ask for it? Just curious how it works.",
        "弁護士をしている者です。一般論として、御社は第三者提供にどんな場合に応じているのか教えてください。",
        "Our security newsletter: this month, three lessons from the biggest breaches of the year.",
        "映画で捜査官が携帯会社に記録を出させるシーンがありましたが、御社もそういう依頼を受けることってあるんですか？",
    ],
)
def test_a_question_about_how_the_company_works_is_general(text: str) -> None:
    result = classify(text)
    assert (result.type, result.urgent) == ("general", False), result.candidates
