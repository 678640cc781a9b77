"""Knowledge gaps in Slack: the manager's answer as the asker sees it, the answer modal, the open gaps in App Home,
the DM that tells an asker there is an answer now, and the weekly digest. Pure builders.

A manager's answer is never shown as policy text: it opens with its provenance
(「個人情報管理責任者の回答（2026-12-01）」 / "Answer from the privacy manager (2026-12-01)"), says which sections it
rests on by citation only (or that the policy is silent), and carries no quote block, so nobody mistakes it for a
verbatim quote of the policy.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from common.text import Language
from gaps import COMPANY_PRACTICE, Gap, ManagerAnswer, WeeklyFigures
from knowledge import PolicyEntry

from bot import ids
from bot.models import AnswerRef
from bot.views import case_labels
from bot.views.blocks import (
    OPTION_TEXT_MAX,
    Block,
    Message,
    actions,
    button,
    context,
    escape,
    fit_message,
    quote,
    sections,
    truncate,
)
from bot.views.wording import wording

__all__ = ["GAPS_SHOWN", "answer_gap_button", "gap_answer_modal", "gap_answered_notice", "home_gap_blocks",
           "manager_answer_blocks", "manager_answer_message", "parse_gap_answer", "weekly_digest_message"]

#: Open gaps listed in App Home (one block each, plus a header, a count line and a divider).
GAPS_SHOWN = 5
QUESTION_SHOWN = 150
ANSWER_MAX = 3000
_TITLE_MAX = 24

_PROVENANCE = {"ja": "個人情報管理責任者の回答（{day}）", "en": "Answer from the privacy manager ({day})"}
_NOT_POLICY = {"ja": "社内での回答です。ポリシーの条文の引用ではありません。",
               "en": "This is the company's answer, not a quote from the policy."}
_RESTS_ON = {"ja": "根拠: {citations}", "en": "Based on: {citations}"}
_PRACTICE = {"ja": "ポリシーに記載なし：社内の運用", "en": "The policy is silent: company practice"}
_ONLY_JAPANESE = {"en": "(The privacy manager answered in Japanese.)"}
_TOLD = {"ja": "以前お寄せいただいた質問に、個人情報管理責任者の回答が登録されました。",
         "en": "The privacy manager has now answered a question you asked earlier."}
_YOUR_QUESTION = {"ja": "あなたの質問:", "en": "Your question:"}

Citer = Callable[[str, Language], str]


def manager_answer_blocks(answer: ManagerAnswer, *, language: Language, cite: Citer) -> list[Block]:
    """Provenance, the answer, what it rests on: the body shared by the reply and the "now answered" DM."""
    day = answer.approved_on
    blocks: list[Block] = [context(f"🧑‍💼 *{escape(_PROVENANCE[language].format(day=day))}*")]
    text = answer.answer_en if language == "en" and answer.answer_en else answer.answer_ja
    blocks += sections(escape(text))
    if language == "en" and not answer.answer_en:
        blocks.append(context(_ONLY_JAPANESE["en"]))
    if answer.company_practice:
        basis = _PRACTICE[language]
    else:
        basis = _RESTS_ON[language].format(citations=("、" if language == "ja" else "; ").join(
            cite(section, language) for section in answer.cites))
    blocks.append(context(escape(f"{basis}・{_NOT_POLICY[language]}")))
    return blocks


def manager_answer_message(answer: ManagerAnswer, *, language: Language, answer_id: int, cite: Citer) -> Message:
    """The reply to a question a manager answer serves, with the same buttons as a policy answer."""
    words = wording(language)
    ref = AnswerRef(answer_id=answer_id, language=language).encode()
    blocks = manager_answer_blocks(answer, language=language, cite=cite)
    blocks.append(actions([button(words.vote_up, action_id=ids.ACTION_VOTE_UP, value=ref),
                           button(words.vote_down, action_id=ids.ACTION_VOTE_DOWN, value=ref),
                           button(words.ask_manager, action_id=ids.ACTION_ASK_MANAGER, value=ref)],
                          block_id=ids.BLOCK_ANSWER_ACTIONS))
    text = answer.answer_en if language == "en" and answer.answer_en else answer.answer_ja
    return fit_message(f"{_PROVENANCE[language].format(day=answer.approved_on)}: {text}", blocks)


def gap_answered_notice(answer: ManagerAnswer, *, language: Language, own_question: str | None,
                        cite: Citer) -> Message:
    """To someone who asked the gap (in their DM, so their own question may be repeated to them)."""
    blocks: list[Block] = sections(_TOLD[language])
    if own_question:
        blocks.append(context(_YOUR_QUESTION[language]))
        blocks += quote(truncate(" ".join(own_question.split()), QUESTION_SHOWN))
    blocks += manager_answer_blocks(answer, language=language, cite=cite)
    return fit_message(_TOLD[language], blocks)


def answer_gap_button(gap_id: int) -> Block:
    return actions([button("みんなへの回答を登録 / Answer for everyone", action_id=ids.ACTION_GAP_ANSWER,
                           value=str(gap_id), style="primary")], block_id=f"{ids.BLOCK_GAP_ACTIONS}-{gap_id}")


# -- the modal -------------------------------------------------------------------------------------------------


def _plain(text: str, limit: int = 2000) -> dict[str, Any]:
    return {"type": "plain_text", "text": truncate(text, limit), "emoji": True}


def _option(value: str, text: str) -> dict[str, Any]:
    return {"text": _plain(text, OPTION_TEXT_MAX), "value": value}


def gap_answer_modal(gap: Gap, *, questions: Sequence[str], policy: Sequence[PolicyEntry],
                     cite: Callable[[PolicyEntry], str]) -> Block:
    """The Japanese answer, an optional English one, the sections it rests on (or company practice) and whether
    all staff may see it. The gap id rides in `private_metadata`."""
    asked = "\n".join(f"• {escape(truncate(' '.join(q.split()), QUESTION_SHOWN))}" for q in questions[:5])
    options = [_option(COMPANY_PRACTICE, "ポリシーに記載なし：社内の運用 / the policy is silent: company practice")]
    options += [_option(entry.id, cite(entry)) for entry in policy][:99]
    all_staff = _option(ids.GAP_ALL_STAFF, "全スタッフに表示してよい / All staff may see it")
    return {
        "type": "modal",
        "callback_id": ids.VIEW_GAP_ANSWER,
        "private_metadata": str(gap.id),
        "title": _plain("質問への回答 / Answer", _TITLE_MAX),
        "submit": _plain("承認して登録 / Approve", _TITLE_MAX),
        "close": _plain("閉じる / Close", _TITLE_MAX),
        "blocks": [
            *sections(f"*質問 #{gap.id}*（{gap.count}回 / {gap.count} times）\n{asked}"),
            _input(ids.BLOCK_GAP_ANSWER_JA, "回答（日本語） / Answer in Japanese",
                   {"type": "plain_text_input", "action_id": ids.INPUT_GAP_VALUE, "multiline": True,
                    "max_length": ANSWER_MAX}),
            _input(ids.BLOCK_GAP_ANSWER_EN, "回答（英語・任意） / Answer in English (optional)",
                   {"type": "plain_text_input", "action_id": ids.INPUT_GAP_VALUE, "multiline": True,
                    "max_length": ANSWER_MAX}, optional=True),
            _input(ids.BLOCK_GAP_CITES, "根拠とする条項 / Sections it rests on",
                   {"type": "multi_static_select", "action_id": ids.INPUT_GAP_VALUE, "options": options,
                    "placeholder": _plain("条項を選ぶ / Choose sections")}),
            _input(ids.BLOCK_GAP_AUDIENCE, "表示範囲 / Who may see it",
                   {"type": "checkboxes", "action_id": ids.INPUT_GAP_VALUE, "options": [all_staff],
                    "initial_options": [all_staff]}, optional=True),
            context("「」で囲んだ引用は、選んだ条項の原文どおりである必要があります。 / A quote in 「」 must be "
                    "verbatim from the chosen sections."),
        ],
    }


def _input(block_id: str, label: str, element: dict[str, Any], *, optional: bool = False) -> Block:
    return {"type": "input", "block_id": block_id, "label": _plain(label), "element": element, "optional": optional}


def parse_gap_answer(values: dict[str, Any]) -> tuple[str, str | None, list[str], bool, dict[str, str]]:
    """(Japanese, English or None, cited ids (empty: company practice), all staff, errors by block id)."""
    def value(block: str) -> Any:
        found = values.get(block, {}).get(ids.INPUT_GAP_VALUE, {})
        return found if isinstance(found, dict) else {}

    answer_ja = str(value(ids.BLOCK_GAP_ANSWER_JA).get("value") or "").strip()
    answer_en = str(value(ids.BLOCK_GAP_ANSWER_EN).get("value") or "").strip() or None
    chosen = [str(o.get("value")) for o in value(ids.BLOCK_GAP_CITES).get("selected_options") or []
              if isinstance(o, dict)]
    audience = [o.get("value") for o in value(ids.BLOCK_GAP_AUDIENCE).get("selected_options") or []
                if isinstance(o, dict)]
    errors: dict[str, str] = {}
    if not answer_ja:
        errors[ids.BLOCK_GAP_ANSWER_JA] = "日本語の回答を入力してください。 / Enter the answer in Japanese."
    if not chosen:
        errors[ids.BLOCK_GAP_CITES] = "条項か「ポリシーに記載なし」を選んでください。 / Choose sections or company practice."
    elif COMPANY_PRACTICE in chosen and len(chosen) > 1:
        errors[ids.BLOCK_GAP_CITES] = ("「ポリシーに記載なし」と条項は同時に選べません。 / Company practice rests on no "
                                       "section: choose one or the other.")
    cites = [c for c in chosen if c != COMPANY_PRACTICE]
    return answer_ja, answer_en, cites, ids.GAP_ALL_STAFF in audience, errors


# -- App Home and the digest -----------------------------------------------------------------------------------


def home_gap_blocks(open_gaps: Sequence[Gap]) -> list[Block]:
    """A compact section for the team's Home: the newest, most asked open gaps with an Answer button each."""
    if not open_gaps:
        return []
    blocks: list[Block] = [
        {"type": "header", "text": _plain(f"未回答の質問 / Open questions（{len(open_gaps)}）")},
    ]
    for gap in open_gaps[:GAPS_SHOWN]:
        question = escape(truncate(" ".join(gap.question.split()), QUESTION_SHOWN))
        block = sections(f"*#{gap.id}* {question}\n{gap.count}回・最終 / last {_jst(gap.last_asked)}・"
                         f"{_OUTCOMES.get(gap.outcome, gap.outcome)}")[0]
        block["accessory"] = button("回答する / Answer", action_id=ids.ACTION_GAP_ANSWER, value=str(gap.id))
        blocks.append(block)
    if len(open_gaps) > GAPS_SHOWN:
        more = len(open_gaps) - GAPS_SHOWN
        blocks.append(context(f"ほか {more}件: `privacy-bot kb gaps` / and {more} more"))
    blocks.append({"type": "divider"})
    return blocks


_OUTCOMES = {"partial": "一部のみ / partial", "not_covered": "記載なし / not covered", "answered": "👎"}


def _jst(stamp: str) -> str:
    return case_labels.jst(datetime.fromisoformat(stamp))


def weekly_digest_message(figures: WeeklyFigures, *, votes: dict[str, int], week: str) -> Message:
    """The manager's weekly look at what the bot could not answer (question text is fine in the manager's DM)."""
    lines = [f"*今週のナレッジの不足 / This week's knowledge gaps*（{week}）",
             f"• 新しい未回答の質問 / New gaps: {len(figures.new_gaps)}件",
             f"• 👍 {votes.get('up', 0)} / 👎 {votes.get('down', 0)}",
             f"• 責任者の回答で答えた質問 / Answered from your answers: {figures.served}件"]
    if figures.most_asked_open:
        lines.append("*よく聞かれている未回答の質問 / Most asked open gaps*")
        lines += [f"• #{gap.id}（{gap.count}回）{escape(truncate(' '.join(gap.question.split()), QUESTION_SHOWN))}"
                  for gap in figures.most_asked_open]
    lines.append("App Home の「未回答の質問」から回答できます。 / Answer them from App Home.")
    return fit_message("今週のナレッジの不足 / This week's knowledge gaps", sections("\n".join(lines)))
