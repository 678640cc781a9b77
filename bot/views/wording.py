"""Every sentence the Slack app says, in Japanese and in English, side by side.

Kept together so a reviewer can read one language straight through and check it sounds like a colleague, and so
the two stay in step. The policy's own words (quotes, citations, summaries) come from knowledge/, not from here;
phrases shared with the command line's plain-text rendering (knowledge/answer.py) are worded the same way.
"""
from __future__ import annotations

from dataclasses import dataclass

from common.text import Language

__all__ = ["Wording", "wording"]


@dataclass(frozen=True)
class Wording:
    source: str
    original_label: str
    translation_label: str
    note: str
    related: str
    related_joiner: str
    abstain: str
    might_help: str
    ask_manager_hint: str
    vote_up: str
    vote_down: str
    ask_manager: str
    share: str
    shared_by: str
    empty_question: str
    guide: str
    thanks: str
    comment_title: str
    comment_label: str
    comment_placeholder: str
    comment_submit: str
    comment_close: str
    sent_to_manager: str
    no_manager: str
    answer_gone: str
    error: str
    busy: str


_JA = Wording(
    source="出典: {citation}",
    original_label="_ポリシー原文:_",
    translation_label="_参考訳（英語）:_",
    note="※ {note}",
    related="関連する条項: {citations}",
    related_joiner="、",
    abstain="ご質問の内容は、プライバシーポリシーには記載が見つかりませんでした。推測でお答えすることは控えます。",
    might_help="*参考になるかもしれない条項*",
    ask_manager_hint="個人情報管理責任者に直接確認することもできます。",
    vote_up="👍 役に立った",
    vote_down="👎 役に立たなかった",
    ask_manager="個人情報管理責任者に聞く",
    share="チャンネルに共有",
    shared_by="<@{user}> さんの質問: {question}",
    empty_question="質問の内容が見つかりませんでした。プライバシーポリシーについて知りたいことを書いてください。",
    guide=(
        "*privacy-bot の使い方*\n"
        "CallConnect のプライバシーポリシーについての質問に、該当する条文を引用してお答えします。\n"
        "• チャンネルで `@privacy-bot 開示請求が来たらどうする？` → スレッドに回答します\n"
        "• このボットに DM → DM で回答します\n"
        "ポリシーに書かれていないことは推測でお答えせず、個人情報管理責任者への確認をご案内します。\n"
        "*`/privacy` の使い方*\n"
        "• `/privacy 質問` → あなただけに回答を表示します（「チャンネルに共有」もできます）\n"
        "• `/privacy intake 依頼の内容`（`登録`・`受付` でも可） → 開示・削除・漏えいの申告などの依頼を登録する画面を"
        "開きます。内容を書くと入力済みで開き、種別を提案します（登録すると責任者に届きます）\n"
        "• `/privacy cases`（`一覧`・`案件` でも可） → 未完了の案件の一覧をあなただけに表示します"
        "（個人情報管理責任者・副責任者・プライバシーチームのみ）\n"
        "• `/privacy help`（`ヘルプ`・`使い方` でも可） → この説明\n"
        "_In English: `/privacy help`_"
    ),
    thanks="フィードバックありがとうございます。",
    comment_title="フィードバック",
    comment_label="足りなかった点を教えてください（任意）",
    comment_placeholder="例: 退職者のデータの扱いが知りたかった",
    comment_submit="送信",
    comment_close="閉じる",
    sent_to_manager="個人情報管理責任者（<@{manager}>）に質問を送りました。回答をお待ちください。",
    no_manager=(
        "申し訳ありません。個人情報管理責任者がまだ設定されていないため、質問をお送りできませんでした。"
        "お手数ですが、次の窓口にお問い合わせください。\n{contact}"
    ),
    answer_gone="この回答の記録が見つかりませんでした。お手数ですが、もう一度質問してください。",
    error="申し訳ありません。処理中に問題が発生しました（エラー番号: `{error_id}`）。少し時間をおいてもう一度お試しください。",
    busy="ただいま混み合っていて、このご質問にはお答えできませんでした。お手数ですが、少し時間をおいてもう一度お試しください。",
)

_EN = Wording(
    source="Source: {citation}",
    original_label="_Policy text (Japanese original, verbatim):_",
    translation_label="_English translation (参考訳, for reference only; the Japanese text governs):_",
    note="Note: {note}",
    related="Related sections: {citations}",
    related_joiner="; ",
    abstain="I could not find this in the privacy policy, so I won't guess.",
    might_help="*Sections that might help*",
    ask_manager_hint="You can also ask the privacy manager directly.",
    vote_up="👍 Helpful",
    vote_down="👎 Not helpful",
    ask_manager="Ask the privacy manager",
    share="Share in channel",
    shared_by="<@{user}> asked: {question}",
    empty_question="I couldn't find a question there. Please write what you would like to know about the privacy policy.",
    guide=(
        "*How to use privacy-bot*\n"
        "Ask about CallConnect's privacy policy and I answer with the section it comes from.\n"
        "• In a channel: `@privacy-bot What do we do with a disclosure request?` → I answer in the thread\n"
        "• A DM to me → I answer in the DM\n"
        "The policy is in Japanese; English answers quote it and add a translation for reference. "
        "When the policy does not say, I won't guess: I point you to the privacy manager.\n"
        "*What `/privacy` does*\n"
        "• `/privacy your question` → only you see the answer (you can share it in the channel)\n"
        "• `/privacy intake what was asked` → opens the form to log a privacy request (access, deletion, a "
        "suspected leak…), filled in with what you wrote and a suggested type; the privacy manager gets it\n"
        "• `/privacy cases` → the open cases, shown to you only (the privacy manager, the deputy and the privacy "
        "team)\n"
        "• `/privacy help` → this guide\n"
        "_日本語の説明: `/privacy ヘルプ`_"
    ),
    thanks="Thanks for the feedback.",
    comment_title="Feedback",
    comment_label="What was missing? (optional)",
    comment_placeholder="e.g. I wanted to know how we handle data of former employees",
    comment_submit="Send",
    comment_close="Close",
    sent_to_manager="I've sent your question to the privacy manager (<@{manager}>). They will get back to you.",
    no_manager=(
        "Sorry, no privacy manager is configured yet, so I couldn't forward your question. "
        "Please use this contact instead:\n{contact}"
    ),
    answer_gone="Sorry, I can no longer find that answer. Please ask again.",
    error="Sorry, something went wrong (error id `{error_id}`). Please try again in a moment.",
    busy="Sorry, I'm too busy to answer this question right now. Please try again in a moment.",
)


def wording(language: Language) -> Wording:
    return _EN if language == "en" else _JA
