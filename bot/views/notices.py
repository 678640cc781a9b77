"""Short replies that are not answers: the guide, confirmations, apologies, operator notices. Pure builders."""
from __future__ import annotations

from pathlib import PurePath

from common.text import Language
from intake import Config, Kind
from intake.outbox import DELIVERY_FAILED, KNOWLEDGE_RELOAD

from bot.revision_notices import REVISION_NOTICE, REVISION_REMINDER
from bot.views.blocks import Block, Message, escape, fit_message, sections
from bot.views.case_labels import labelled
from bot.views.wording import wording

__all__ = [
    "answer_gone_message",
    "busy_message",
    "delivery_failed_message",
    "empty_question_message",
    "error_message",
    "knowledge_reload_message",
    "failed_delivery_line",
    "guide_message",
    "intake_routing_lines",
    "no_manager_message",
    "not_usable_here_message",
    "outdated_message",
    "outdated_modal",
    "sent_to_manager_message",
    "thanks_message",
]

#: What each outbox kind is, for a person reading that it could not be delivered.
_KIND_LABELS = labelled([*Kind, DELIVERY_FAILED, KNOWLEDGE_RELOAD, REVISION_NOTICE, REVISION_REMINDER], {
    "case_card": "案件カード（DM） / case card (DM)",
    "card_update": "案件カードの更新 / case card update",
    "intake_confirmation": "登録者への受付確認 / confirmation to the agent",
    "escalation_post": "緊急チャンネルへの投稿 / escalation channel post",
    "reminder": "期限のリマインダー / deadline reminder",
    "digest": "未完了案件のまとめ / daily digest",
    "monthly_report": "月次レポート / monthly report",
    "delivery_failed": "配信失敗のお知らせ / delivery failure notice",
    "knowledge_reload": "ナレッジベース更新のお知らせ / knowledge base reload notice",
    "policy_revision": "ポリシー改定のお知らせ / policy revision notice",
    "policy_revision_reminder": "ポリシー改定の見直しのリマインダー / policy revision review reminder",
})

_CHECK_IDS = ("宛先のユーザーに DM を送れません。privacy-bot.yaml の manager・deputy・privacy_team の ID を確認してください。"
              " / That user cannot get the bot's DMs: check the ids of manager, deputy and privacy_team in "
              "privacy-bot.yaml.")
_BAD_TOKEN = ("ボットのトークンが使えません。SLACK_BOT_TOKEN を確認してください（アプリを再インストールすると変わります）。"
              " / The bot token no longer works: check SLACK_BOT_TOKEN (reinstalling the app changes it).")
#: What to do about each error Slack gives for good, in both languages.
_WHAT_TO_DO = {
    "not_in_channel": "ボットがチャンネルに参加していません。そのチャンネルで `/invite @privacy-bot` を実行してください。"
                      " / The bot is not in the channel: run `/invite @privacy-bot` there.",
    "channel_not_found": "チャンネルが見つかりません。privacy-bot.yaml の escalation_channel の ID を確認し、非公開チャンネルなら"
                         "ボットを招待してください。 / No such channel: check escalation_channel in privacy-bot.yaml, "
                         "and invite the bot if the channel is private.",
    "is_archived": "チャンネルがアーカイブされています。privacy-bot.yaml の escalation_channel を使えるチャンネルに変えてください。"
                   " / The channel is archived: point escalation_channel in privacy-bot.yaml to a live one.",
    "missing_scope": "アプリに必要な権限がありません。app_manifest.yaml を読み込み直し、アプリを再インストールしてください。"
                     " / The app lacks a permission: re-import app_manifest.yaml and reinstall the app.",
    **dict.fromkeys(("user_not_found", "user_disabled", "user_not_visible", "cannot_dm_bot"), _CHECK_IDS),
    **dict.fromkeys(("invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive"), _BAD_TOKEN),
    # Not Slack's: a row of a kind this version has no message for (bot/views/outbox_messages.py).
    "unknown_kind": "この版の privacy-bot はこの種類のメッセージを作れません。privacy-bot を更新してください。"
                    " / This version of privacy-bot cannot write this kind of message: update privacy-bot.",
}
_RUN_DOCTOR = ("サーバーで `privacy-bot doctor` を実行して設定を確認してください。 / Run `privacy-bot doctor` on the server "
               "to check the setup.")
#: A button pressed away from its answer, or someone else's private answer (the asker's language).
_NOT_USABLE_HERE: dict[Language, str] = {
    "ja": "このボタンはここでは使えません。責任者への転送と共有は、質問したご本人だけが、回答が表示された場所で行えます。",
    "en": "This button can't be used here: only the person who asked can forward or share a question, and only "
          "where its answer was shown.",
}
#: Something from an older version of the app (a button, shortcut, form or command it no longer has). Nothing
#: tells us the presser's language, so both.
_OUTDATED = (
    "このボタン（またはショートカット・フォーム）は古くなっていて、今は使えません。"
    "お手数ですが、新しいメッセージから、または `/privacy` でもう一度お試しください。\n"
    "This button (or shortcut, or form) is outdated and no longer works. "
    "Please start again from a recent message or with `/privacy`."
)
_OUTDATED_TITLE = "古い操作 / Outdated"


def _plain(mrkdwn: str, fallback: str) -> Message:
    return fit_message(fallback, sections(mrkdwn))


def guide_message(language: Language) -> Message:
    """`/privacy help`: what the bot does and the three ways to ask."""
    guide = wording(language).guide
    return _plain(guide, guide)


def empty_question_message(language: Language) -> Message:
    """A mention or command with no question in it (only the mention, only emoji): ask again, show the guide."""
    words = wording(language)
    return _plain(f"{words.empty_question}\n\n{words.guide}", words.empty_question)


def thanks_message(language: Language) -> Message:
    text = wording(language).thanks
    return _plain(text, text)


def sent_to_manager_message(language: Language, *, manager: str) -> Message:
    text = wording(language).sent_to_manager.format(manager=manager)
    return _plain(text, text)


def no_manager_message(language: Language, *, contact: str) -> Message:
    text = wording(language).no_manager.format(contact=escape(contact))
    return _plain(text, text)


def answer_gone_message(language: Language) -> Message:
    text = wording(language).answer_gone
    return _plain(text, text)


def error_message(language: Language, *, error_id: str) -> Message:
    text = wording(language).error.format(error_id=error_id)
    return _plain(text, text)


def busy_message(language: Language) -> Message:
    """The question was recorded but the bot has too many still to answer: say so rather than stay silent."""
    text = wording(language).busy
    return _plain(text, text)


def _where(recipient: str) -> str:
    return f"<@{recipient}>" if recipient.startswith(("U", "W")) else f"<#{recipient}>"


def failed_delivery_line(*, case_id: str | None, kind: str, recipient: str, error: str) -> str:
    """One failed delivery in a list (App Home): case, what, to whom, Slack's error. Ids only."""
    label = _KIND_LABELS.get(kind, kind)
    return f"• *{escape(case_id or '—')}* {escape(label)} → {_where(recipient)}: `{escape(error)}`"


def delivery_failed_message(*, case_id: str | None, kind: str, recipient: str, error: str) -> Message:
    """To the manager (or the deputy and the team): a message the bot owes will never arrive, and what to do.

    Ids, kinds and Slack's error code only: the notice itself may reach someone who is not on the case.
    """
    lines = [
        "⚠️ Slack へのメッセージを配信できませんでした / A message could not be delivered",
        f"案件 / Case: *{escape(case_id or '—')}*",
        f"内容 / Message: {escape(_KIND_LABELS.get(kind, kind))}",
        f"宛先 / To: {_where(recipient)}",
        f"Slack のエラー / Slack's error: `{escape(error)}`",
        f"対処 / What to do: {_WHAT_TO_DO.get(error, _RUN_DOCTOR)}",
        "原因を直したら、サーバーで `privacy-bot doctor --retry-failed` を実行すると再送します。"
        " / Once fixed, `privacy-bot doctor --retry-failed` on the server sends it again.",
    ]
    fallback = f"配信に失敗しました: {case_id or '—'}（{error}） / Delivery failed"
    return fit_message(fallback, sections("\n".join(lines)))


def knowledge_reload_message(*, loaded: bool, directory: str, version: str, problems: list[str],
                             more: int) -> Message:
    """To the manager: an edit of the knowledge base went live, or was refused (and the old one still answers)
    with each problem as `file:line: message`, so whoever edits the files knows what to fix."""
    if loaded:
        lines = [
            "✅ ナレッジベースを更新しました / Knowledge base reloaded",
            f"場所 / Directory: `{escape(directory)}`（版 / version `{escape(version)}`）",
            "次の質問から新しい内容で回答します。 / The next questions are answered from it.",
        ]
        return fit_message("ナレッジベースを更新しました / Knowledge base reloaded", sections("\n".join(lines)))
    listed = [f"• `{escape(problem)}`" for problem in problems]
    if more:
        listed.append(f"…ほか {more} 件 / {more} more: `privacy-bot kb check {escape(directory)}`")
    lines = [
        "⚠️ ナレッジベースの変更に誤りがあるため、読み込みませんでした / A knowledge base edit was refused",
        f"場所 / Directory: `{escape(directory)}`（版 / version `{escape(version)}`）",
        "これまでの内容で回答を続けています。次の点を直して保存すると、自動で読み込みます。"
        " / The bot keeps answering from the version before; fix these and save, and it loads the files again.",
        *listed,
    ]
    fallback = "ナレッジベースの変更を読み込めませんでした / Knowledge base edit refused"
    return fit_message(fallback, sections("\n".join(lines)))


def intake_routing_lines(*, config: Config, urgent: bool) -> list[str]:
    """Who a newly logged case reaches, as the agent is told: in the modal and in their confirmation DM.

    Never claims a notification that will not happen: without `manager` in the configuration the case is stored
    but reaches nobody (or only the deputy, when urgent), and the agent learns what the operator must set.
    """
    if config.manager:
        lines = ["個人情報管理責任者に DM で通知します。 / The privacy manager is notified by DM."]
        if urgent:
            who = ("責任者と副責任者", "the manager and the deputy are") if config.deputy else ("責任者", "the manager is")
            lines.append(f"🚨 緊急案件として、{who[0]}にすぐ通知します。 / Urgent: {who[1]} pinged now.")
        return lines
    file_name = PurePath(config.source).name if config.source else "privacy-bot.yaml"
    reached = urgent and bool(config.deputy)
    ja_who, en_who = ("責任者には", "The privacy manager has not") if reached else ("まだ誰にも", "Nobody has")
    lines = [
        f"⚠️ 個人情報管理責任者が設定されていないため、この依頼は{ja_who}通知されていません"
        f"（{escape(file_name)} に `manager` の設定がありません）。依頼は保存されています。"
        "ボットの管理者に設定を依頼してください。",
        f"{en_who} been notified: no privacy manager is set (the `manager` key is missing in "
        f"{escape(file_name)}). The case is stored; please ask whoever runs the bot to set it.",
    ]
    if reached:
        lines.append("🚨 緊急案件として、副責任者にはすぐ通知します。 / Urgent: the deputy is pinged now.")
    return lines


def not_usable_here_message(language: Language) -> Message:
    text = _NOT_USABLE_HERE[language]
    return _plain(text, text)


def outdated_message() -> Message:
    return _plain(_OUTDATED, _OUTDATED)


def outdated_modal() -> Block:
    """The same notice as a modal, for a shortcut or App Home button (they have nowhere to reply to)."""
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": _OUTDATED_TITLE},
        "close": {"type": "plain_text", "text": "閉じる / Close"},
        "blocks": sections(_OUTDATED),
    }
