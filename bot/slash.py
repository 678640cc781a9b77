"""What someone meant by `/privacy …`: a form of the command, or a question. Pure.

    /privacy                      the guide
    /privacy help | ヘルプ | 使い方  the guide (every form)
    /privacy intake [TEXT]        the intake modal, prefilled with TEXT and its suggested type when given
             登録 | 受付
    /privacy cases | 一覧 | 案件    the open queue (the privacy team), the guide (anyone else)
    /privacy ANYTHING ELSE        a question, answered privately

A verb is the first word, matched case-insensitively and after NFKC (so full-width ｉｎｔａｋｅ and a full-width space
count), and it must stand alone: followed by whitespace, a colon or nothing. Japanese writes no spaces between
words, so 「登録されている個人情報は？」 or 「案件ごとの保存期間は？」 is one word and stays a question; `cases` and `help`
take no argument, so 「ヘルプ デスクの録音は？」 or "help with a deletion request" is a question too. Only `intake` takes
text. tests/bot/test_slash_words.py measures this on invented commands and questions.
"""
from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["CASES_WORDS", "HELP_WORDS", "INTAKE_WORDS", "Form", "SlashCommand", "parse_slash"]


class Form(enum.Enum):
    GUIDE = "guide"
    INTAKE = "intake"
    CASES = "cases"
    QUESTION = "question"


INTAKE_WORDS = frozenset({"intake", "登録", "受付"})
CASES_WORDS = frozenset({"cases", "一覧", "案件", "案件一覧"})
HELP_WORDS = frozenset({"help", "-h", "--help", "?", "ヘルプ", "使い方", "つかいかた"})

#: The first word, then what separates it from the rest: whitespace (a full-width space too), a colon, or the end.
_FIRST_WORD = re.compile(r"(\S+?)(?:[:：]\s*|\s+|$)(.*)", re.DOTALL)
#: Punctuation a lone verb may end with: 「ヘルプ？」, "cases?".
_TRAILING = "?？!！.。"


@dataclass(frozen=True)
class SlashCommand:
    form: Form
    #: The question, or the intake's text as typed (empty when none).
    text: str


def _verb(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold()


def parse_slash(text: str) -> SlashCommand:
    """The form `text` (what followed `/privacy`) asks for; anything that is not a form is a question."""
    text = text.strip()
    if not text:
        return SlashCommand(Form.GUIDE, "")
    found = _FIRST_WORD.fullmatch(text)
    if found is None:  # unreachable for a stripped, non-empty text; a question is the safe reading
        return SlashCommand(Form.QUESTION, text)
    verb, rest = _verb(found.group(1)), found.group(2).strip()
    if verb in INTAKE_WORDS:
        return SlashCommand(Form.INTAKE, rest)
    if not rest:
        bare = verb.rstrip(_TRAILING) or verb
        if bare in HELP_WORDS or verb in HELP_WORDS:
            return SlashCommand(Form.GUIDE, "")
        if bare in CASES_WORDS:
            return SlashCommand(Form.CASES, "")
    return SlashCommand(Form.QUESTION, text)
