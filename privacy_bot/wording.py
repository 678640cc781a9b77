"""How the command line words the core's named errors: one line each, on stderr, Japanese with English in brackets.

A refused field prints the same sentence as the Slack modal shows next to it (`bot/views/problems.py`): `cases
new` and the intake modal share their checks, so they share their words. The refusals of a change (not found, not
allowed, not from this status) are the command line's own: they name the options and the configuration.
"""
from __future__ import annotations

from intake import InvalidTransition, NotAuthorised, StageNotApplicable, ValidationError, allowed_next
from knowledge.drafts import VersionUnreadable

from bot.views.problems import field_messages

__all__ = ["field_error_lines", "invalid_transition", "not_authorised", "not_found", "stage_not_applicable",
           "version_unreadable"]

#: Problems of an unreadable version listed under its sentence (`kb check` lists them all).
_PROBLEMS_SHOWN = 5


def not_found(case_id: str) -> str:
    return f"privacy-bot: {case_id} は見つかりません (case not found)"


def not_authorised(error: NotAuthorised) -> str:
    return (f"{error.actor} は個人情報管理責任者・副責任者・プライバシーチームではないため操作できません "
            "(not authorised: only the manager, deputy and privacy team in the configuration may act on cases)")


def invalid_transition(error: InvalidTransition) -> str:
    allowed = ", ".join(allowed_next(error.from_status)) or "なし (none: the case is closed)"
    return (f"{error.case_id} は {error.from_status} から {error.to_status} にできません。可能: {allowed} "
            f"(cannot move from {error.from_status} to {error.to_status})")


def field_error_lines(error: ValidationError) -> list[str]:
    """One `privacy-bot: FIELD: sentence` line per refused field."""
    return [f"privacy-bot: {name}: {message}" for name, message in field_messages(error).items()]


def stage_not_applicable(error: StageNotApplicable) -> str:
    """Which reply does not fit, and why in terms of the case (its status; identity; no extension)."""
    why = {
        "identity": "本人確認が済んでいるか、終了した案件です (identity verified or case closed)",
        "result": f"完了（resolved）ではありません (the case is {error.status}, not resolved)",
        "refusal": f"拒否（refused）ではありません (the case is {error.status}, not refused)",
        "extension": "期限の延長がありません (the due date was never extended)",
        "transfer": f"移送（transferred）ではありません (the case is {error.status}, not transferred)",
    }.get(error.stage, error.status)
    return f"{error.case_id} に {error.stage} の返信文案は作れません: {why}"


def version_unreadable(error: VersionUnreadable) -> str:
    """No draft: the case's own policy version cannot be read (a draft from another version would misquote the
    policy the request was made under). Why, and the first problems when it no longer passes `kb check`."""
    why = ("ナレッジベースにその版がありません (the knowledge base no longer holds it)" if not error.problems else
           "その版に誤りがあります (it no longer passes kb check)")
    lines = [f"{error.case_id} の受付時のポリシー（{error.names['ja']}）を読み込めないため、返信文案を作れません: {why}。"
             f"ほかの版で代用はしません (no draft: the policy {error.case_id} was received under, {error.names['en']}, "
             "cannot be read; no other version is quoted in its place)"]
    lines += [f"  {problem}" for problem in error.problems[:_PROBLEMS_SHOWN]]
    if len(error.problems) > _PROBLEMS_SHOWN:
        lines.append(f"  …ほか {len(error.problems) - _PROBLEMS_SHOWN} 件 ({len(error.problems) - _PROBLEMS_SHOWN} more: "
                     "privacy-bot kb check)")
    return "\n".join(lines)
