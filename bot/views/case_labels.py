"""How case values read in Slack: Japanese first, English after, and times in Asia/Tokyo.

Kept apart from `wording.py` (the Q&A's sentences) because these are labels for the core's ids: statuses,
channels of receipt, outcomes. Request types and refusal grounds carry their own labels in
`intake/request_types.yaml`. Each table is checked against the core's own list when this module loads
(`labelled`), so a status or channel added to the core without its label here stops every test at once instead
of reaching the manager as a bare id. Outcomes are data (`request_types.yaml`): the tests check those. A stored
value missing here (a row written by a newer version) is shown as its id rather than failing a message.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

from intake import JST, REPLY_LANGUAGES, ReplyStage, RequestTypes, Status
from intake import lifecycle
from intake import validation as core

__all__ = [
    "AGENT_KINDS",
    "CHANNELS",
    "DATA_ROLES",
    "EDITABLE_FIELDS",
    "IDENTITY_METHODS",
    "IDENTITY_STATUSES",
    "OUTCOMES",
    "STATUSES",
    "LANGUAGES",
    "REPLY_STAGES",
    "WAITING_FOR",
    "jst",
    "label",
    "labelled",
    "status_words",
    "words_for",
]


def labelled(values: Iterable[str], labels: Mapping[str, str]) -> dict[str, str]:
    """`labels` in the core's order of `values`; a value without a label, or a label of no value, is a bug."""
    values = list(values)
    missing = [value for value in values if value not in labels]
    unknown = [key for key in labels if key not in values]
    if missing or unknown:
        raise LookupError(f"labels out of step with the core: missing {missing}, unknown {unknown}")
    return {value: labels[value] for value in values}


STATUSES = labelled(Status, {
    "new": "🆕 新規 / New",
    "acknowledged": "👀 受付済み / Acknowledged",
    "in_progress": "🔧 対応中 / In progress",
    "waiting_requester": "⏳ 依頼者の返答待ち / Waiting for the requester",
    "resolved": "✅ 完了 / Resolved",
    "refused": "⛔ 拒否 / Refused",
    "transferred": "↪️ クライアントへ移送 / Transferred to the client",
    "withdrawn": "取り下げ / Withdrawn",
})
CHANNELS = labelled(core.CHANNELS, {
    "email": "メール / Email",
    "phone": "電話 / Phone",
    "slack": "Slack",
    "web_form": "Webフォーム / Web form",
    "letter": "郵便 / Letter",
    "in_person": "対面 / In person",
    "other": "その他 / Other",
})
IDENTITY_STATUSES = labelled(core.IDENTITY_STATUSES, {
    "unverified": "未確認 / Not checked",
    "pending": "確認中 / Checking",
    "verified": "確認済み / Verified",
    "failed": "確認できず / Could not verify",
})
IDENTITY_METHODS = labelled(core.IDENTITY_METHODS, {
    "account": "ログイン中のアカウント / Logged-in account",
    "registered_email": "登録メールからの返信 / Reply from the registered email",
    "phone_callback": "登録電話番号への折り返し / Callback to the registered phone",
    "id_document": "本人確認書類（最終手段） / ID document (last resort)",
})
DATA_ROLES = labelled(core.DATA_ROLES, {
    "own_user": "自社ユーザーのデータ / Our own user's data",
    "client_data": "クライアント（委託元）のデータ / Data held for a client",
})
AGENT_KINDS = labelled(core.AGENT_KINDS, {
    "legal": "法定代理人 / Legal representative",
    "appointed": "任意代理人 / Appointed agent",
})
REPLY_STAGES = labelled(ReplyStage, {
    "receipt": "受付のご連絡 / Receipt",
    "identity": "本人確認のお願い / Identity check",
    "result": "結果のご連絡 / Result",
    "refusal": "拒否のご連絡 / Refusal",
    "extension": "期限延長のご連絡 / Extension",
    "transfer": "移送のご案内 / Transfer",
})
LANGUAGES = labelled(REPLY_LANGUAGES, {
    "ja": "日本語 / Japanese",
    "en": "英語 / English",
})
WAITING_FOR = labelled(lifecycle.WAITING_FOR, {
    "identity_documents": "本人確認書類 / Identity documents",
    "more_details": "依頼内容の詳細 / More details of the request",
    "requester_choice": "本人の選択（範囲・方法など） / The requester's choice (scope, method…)",
    "other": "その他 / Other",
})
#: A case's editable details by name, for the history (「メールアドレス を編集」) rather than `requester.email`.
EDITABLE_FIELDS = labelled(core.EDITABLE_FIELDS, {
    "requester.name": "依頼者の氏名 / Requester's name",
    "requester.email": "メールアドレス / Email",
    "requester.phone": "電話番号 / Phone",
    "channel": "受付経路 / Received via",
    "data_role": "データの区分 / Whose data",
    "client_name": "クライアント名 / Client",
    "agent.kind": "代理人の種類 / Agent",
    "agent.name": "代理人の氏名 / Agent's name",
    "agent.contact": "代理人の連絡先 / Agent's contact",
    "agent.evidence": "代理権の確認 / Agent's authority",
    "identity.status": "本人確認 / Identity check",
    "identity.method": "確認方法 / Method",
    "identity.document_type": "確認書類の種類 / Document type",
})
OUTCOMES = {
    "fulfilled": "対応済み / Fulfilled",
    "partial": "一部対応 / Partly fulfilled",
    "refused_with_ground": "根拠を示して拒否 / Refused with a ground",
    "refused_with_reason": "理由を示して拒否 / Refused with a reason",
    "no_data_held": "該当データなし / No data held",
    "paper_instead": "書面で交付 / Given on paper",
    "transferred_to_client": "クライアントへ移送 / Transferred to the client",
    "not_notified_with_reason": "理由を示して通知せず / Not notified, with reason",
    "corrected": "訂正済み / Corrected",
    "alternative_measure": "代替措置 / Alternative measure",
    "guided_to_vendor_optout": "事業者のオプトアウトを案内 / Guided to the vendor's opt-out",
    "responded": "回答済み / Responded",
    "not_reportable": "報告対象外（理由を記録） / Not reportable (reason recorded)",
    "reported": "個人情報保護委員会へ報告 / Reported to the PPC",
    "individuals_notified": "本人へ通知 / Individuals notified",
    "client_notified": "クライアントへ通知 / Client notified",
    "provided": "提供（範囲を記録） / Provided (scope recorded)",
    "declined": "提供を断った / Declined",
    "answered": "回答済み / Answered",
    "reclassified": "種別を変更 / Reclassified",
}
_WEEKDAYS = "月火水木金土日"


def status_words(status: str) -> tuple[str, str]:
    """A status inside a sentence, in Japanese and in English (its label without the emoji), so a refusal reads
    「現在「完了」のため」 rather than showing the stored id."""
    ja, _, en = label(STATUSES, status).partition(" / ")
    return ja.split(" ", 1)[-1], (en or ja).lower()


def words_for(request_types: RequestTypes) -> Callable[[str], str]:
    """The words for any core id a sentence may name (a status, refusal ground, outcome, what a case waits for,
    reply stage, language), 「受付済み / acknowledged」 rather than `acknowledged`: for the sentences Slack shows,
    where the command line prints the id one types. An id of none of them comes back as it is."""
    grounds = {ground: f"{value.label.ja} / {value.label.en}" for ground, value in request_types.grounds.items()}
    table = {**CHANNELS, **IDENTITY_STATUSES, **IDENTITY_METHODS, **DATA_ROLES, **AGENT_KINDS, **EDITABLE_FIELDS,
             **OUTCOMES, **WAITING_FOR, **REPLY_STAGES, **LANGUAGES, **grounds}

    def words(value: str) -> str:
        if value in STATUSES:
            return " / ".join(status_words(value))
        return table.get(value, value)

    return words


def label(labels: dict[str, str], value: str | None) -> str:
    if value is None:
        return "—"
    return labels.get(value, value)


def jst(moment: datetime | None) -> str:
    """「2026-05-12(火) 18:00」: the date staff read, in Japan time whatever the server's zone."""
    if moment is None:
        return "—"
    local = moment.astimezone(JST)
    return f"{local:%Y-%m-%d}({_WEEKDAYS[local.weekday()]}) {local:%H:%M}"
