"""How the app words the core's named errors for people: a refused field, a refused change. Pure.

The core (`intake`) says *what* went wrong with a code and its parameters (`intake.errors`); this module is the
one place that turns them into sentences, Japanese first and English in brackets, because agents read them while
the requester waits on the phone. The Slack layer shows them next to the field (a modal) or next to the button (an
ephemeral note); the command line (`privacy_bot/wording.py`) prints the same field sentences, so `cases new` and
the intake modal, which share their checks, also share their words.
"""
from __future__ import annotations

from collections.abc import Callable

from intake import (
    CaseNotFound,
    Code,
    FieldError,
    IntakeError,
    InvalidTransition,
    NotAuthorised,
    StageNotApplicable,
    ValidationError,
)

from bot.views.blocks import Message, escape, fit_message, sections
from bot.views.case_labels import status_words

__all__ = [
    "STALE_FORM",
    "field_message",
    "field_messages",
    "not_allowed_message",
    "notice_message",
    "refusal_message",
    "refusal_text",
]

#: A form whose private metadata no longer decodes (an older version of the app opened it).
STALE_FORM = "この画面は古くなっています。閉じて開き直してください。 / This form is outdated: close it and open it again."

#: What each required field asks for, by field (the case JSON's dotted paths, and the case forms' inputs).
_REQUIRED = {
    "type": "依頼の種別を選んでください (request type required)",
    "description": "依頼の内容を入力してください (description required)",
    "channel": "受付経路を選んでください (channel required)",
    "requester.name": "依頼者の氏名（または組織名）を入力してください (requester name required)",
    "agent.kind": "代理人の種類（{legal}・{appointed}）を選んでください (choose the kind of agent)",
    "agent.name": "代理人の氏名を入力してください (agent name required)",
    "assignee": "担当者を選んでください (choose an assignee)",
    "outcome": "結果を選んでください (choose an outcome)",
    "stage": "返信の段階を選んでください (choose the stage of the reply)",
    "due": "新しい期限を選んでください (choose the new due date)",
    "text": "メモを入力してください (note required)",
    "reason": "理由を入力してください (reason required)",
}

#: Every other code's sentence; `{name}` is filled from the error's parameters (a tuple becomes "a, b, c").
_SENTENCES: dict[Code, str] = {
    Code.NOT_TEXT: "文字列で入力してください (must be text)",
    Code.ONE_LINE: "改行やタブを入れずに1行で入力してください (one line: no line breaks or tabs)",
    Code.UNDECODABLE: "文字として読めないバイトがあります ({char}: not valid text, check the encoding)",
    Code.CONTROL_CHARACTER: "制御文字 ({char}) は使えません (control character {char} not allowed)",
    Code.REQUIRED: "入力してください (required)",
    Code.TOO_LONG: "{limit}文字以内で入力してください (at most {limit} characters)",
    Code.NOT_ONE_OF: "次のいずれかを指定してください: {choices} (one of these)",
    Code.UNKNOWN_FIELD: "不明な項目です (unknown field)",
    Code.READ_ONLY_FIELD: "privacy-bot が決める項目です。削除してください (read-only: set by privacy-bot, remove it)",
    Code.NOT_OBJECT: "項目のまとまり（オブジェクト）で指定してください (must be an object)",
    Code.NOT_BOOLEAN: "true か false で指定してください (must be true or false)",
    Code.NOT_A_MOMENT: "日時は 2026-05-01 または 2026-05-01T10:30 の形で入力してください (ISO date or date-time)",
    Code.BAD_EMAIL: "メールアドレスの形式が正しくありません (not a valid email address)",
    Code.BAD_PHONE: "電話番号が正しくありません (not a valid phone number, e.g. 03-1234-5678)",
    Code.CONTACT_REQUIRED: "返信先としてメールアドレスか電話番号を入力してください (email or phone required)",
    Code.METHOD_REQUIRED: "確認済みの場合は確認方法を選んでください (method required when verified)",
    Code.RECEIVED_TOO_EARLY: "受付日時は {earliest} 以降にしてください (received_at must be on or after {earliest})",
    Code.RECEIVED_IN_FUTURE: "受付日時が未来になっています (received_at is in the future)",
    Code.DUE_BEFORE_RECEIPT: "期限は受付日時より後にしてください (due date must be after receipt)",
    Code.DUE_TOO_FAR: "期限は今日から1年以内にしてください (due date at most a year from now)",
    Code.NOT_ON_TEAM: "担当者は責任者・副責任者・プライバシーチームの一員にしてください (assignee must be manager, deputy or team)",
    Code.UNKNOWN_STATUS: "不明なステータスです: {status} (unknown status)",
    Code.NOT_A_TARGET: "{status} には戻せません。ケースは {new} から始まります (a case starts as new and cannot return to it)",
    Code.GROUND_REQUIRED: "拒否の根拠を選んでください: {choices} (ground required)",
    Code.GROUND_NOT_ALLOWED: "{type}では、この根拠では拒否できません。選べる根拠: {choices} (ground not allowed for this type)",
    Code.GROUND_ONLY_FOR_REFUSAL: "根拠は拒否のときだけ指定します (ground is only for refusals)",
    Code.REFUSAL_REASON_REQUIRED: "拒否の理由を記入してください。本人への説明に使います (reason required)",
    Code.CLIENT_REQUIRED: "移送先のクライアント名を記入してください (client name required)",
    Code.CLIENT_ONLY_FOR_TRANSFER: "クライアント名は移送のときだけ指定します (client is only for transfers)",
    Code.OUTCOME_NOT_ALLOWED: "{type}の結果として選べるのは {choices} です (unknown outcome)",
    Code.OUTCOME_ONLY_FOR_ENDINGS: "結果は {endings} のときだけ指定します (outcome is only for endings)",
    Code.EXTENSION_REASON_REQUIRED: "延長の理由を記入してください (reason required)",
    Code.NEW_DUE_NOT_LATER: "新しい期限は現在の期限より後の日付にしてください (new due date must be later)",
    Code.NEW_DUE_TOO_FAR: "新しい期限は今日から1年以内にしてください (new due date at most a year from now)",
    Code.NOT_EDITABLE: "この項目は編集できません。編集できるのは {choices} です (not editable)",
    Code.NOTHING_CHANGED: "変更がありません。直したい項目の値を変えてください (nothing changed)",
    Code.IDENTITY_NOT_VERIFIED: "本人確認が済んでいないため、この結果では完了にできません。先に本人確認を済ませるか、"
                                "確認せずに進める理由を記入してください（記録に残ります） (identity not verified: "
                                "verify it first, or give the reason to proceed without it; the reason is audited)",
    Code.OVERRIDE_ONLY_FOR_RESOLVE: "本人確認なしで進める理由は {resolved} のときだけ指定します "
                                    "(identity override is only for resolved)",
    Code.CLOSED_AFTER_CUTOFF: "この案件は指定日以降に完了したため削除できません (closed on or after the cut-off date)",
    Code.WAITING_FOR_REQUIRED: "何を待つのかを選んでください: {choices} (say what the requester is to send or decide)",
    Code.WAITING_FOR_ONLY_FOR_WAITING: "待つ内容は {waiting_requester} のときだけ指定します (only when waiting for the requester)",
    Code.WAITING_DETAIL_REQUIRED: "「その他」の場合は、何を待つのかを記入してください (say what is awaited)",
}


#: Ids the sentences name themselves (not from the error's parameters), filled in like the parameters.
_NAMED = {"new": ("new",), "endings": ("resolved", "refused", "transferred"), "resolved": ("resolved",),
          "waiting_requester": ("waiting_requester",), "legal": ("legal",), "appointed": ("appointed",)}

#: The words for a core id inside a sentence; the command line keeps the id (what one types there).
Words = Callable[[str], str]


def field_message(name: str, error: FieldError, *, words: Words | None = None) -> str:
    """The sentence for one refused field, e.g. `requester.email` → 「メールアドレスの形式が正しくありません…」.

    `words` (Slack: `case_labels.words_for`) names statuses, grounds, outcomes and the like in words, each in
    「」; without it they stay ids, for the command line where the id is what one types.
    """
    def named(value: object) -> str:
        return f"「{words(str(value))}」" if words is not None else str(value)

    def one(key: str, value: object) -> object:
        if isinstance(value, tuple):
            return (("、" if words else ", ").join(map(named, value)))
        return named(value) if key == "status" else value

    params = {key: one(key, value) for key, value in error.params.items()}
    named_ids = {key: one(key, ids) for key, ids in _NAMED.items()}
    if error.code is Code.REQUIRED and name in _REQUIRED:
        return _REQUIRED[name].format(**named_ids)
    return _SENTENCES[error.code].format(**named_ids, **params)


def field_messages(error: ValidationError, *, words: Words | None = None) -> dict[str, str]:
    """Every refused field of `error` with its sentence, in the order the core found them."""
    return {name: field_message(name, problem, words=words) for name, problem in error.errors.items()}


def refusal_text(error: IntakeError) -> str:
    """The core's refusal of a button or a form, in one line for the person who pressed it."""
    if isinstance(error, InvalidTransition):
        ja, en = status_words(error.from_status)
        return (f"{error.case_id} は現在「{ja}」のため、この操作はできません。"
                f" / {error.case_id} is {en}: this action is not possible now.")
    if isinstance(error, CaseNotFound):
        return f"{error.case_id} が見つかりませんでした。 / Case {error.case_id} was not found."
    if isinstance(error, NotAuthorised):
        return "この操作は許可されていません。 / You are not allowed to do this."
    if isinstance(error, StageNotApplicable):
        return (f"{error.case_id} には、いまこの段階の返信は当てはまりません。段階を選び直してください。"
                f" / This reply does not fit {error.case_id} as it stands: choose another stage.")
    return str(error)


def refusal_message(error: IntakeError) -> Message:
    """The ephemeral note next to a button the core refused; someone outside the team is told who may act."""
    return not_allowed_message() if isinstance(error, NotAuthorised) else notice_message(refusal_text(error))


def not_allowed_message() -> Message:
    text = ("この操作は許可されていません。個人情報管理責任者・副責任者・プライバシーチームだけが操作できます。"
            " / You are not allowed to do this: only the privacy manager, the deputy and the privacy team can.")
    return fit_message(text, sections(text))


def notice_message(text: str) -> Message:
    """A one-line ephemeral note next to a button (already acknowledged, case not found…)."""
    return fit_message(text, sections(escape(text)))

