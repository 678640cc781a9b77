"""How `/privacy …` is read, measured on invented examples: what support staff would type as a command, and
questions that start with the same words. Every command must be recognised and every question must stay a question
(a question read as a command opens a form nobody asked for; a command read as a question gets an answer about the
policy instead of the form). The examples are written for this test, not taken from anyone's messages."""
from __future__ import annotations

import pytest

from bot.slash import Form, SlashCommand, parse_slash

COMMANDS: list[tuple[str, SlashCommand]] = [
    ("", SlashCommand(Form.GUIDE, "")),
    ("help", SlashCommand(Form.GUIDE, "")),
    ("Help", SlashCommand(Form.GUIDE, "")),
    ("HELP", SlashCommand(Form.GUIDE, "")),
    ("ｈｅｌｐ", SlashCommand(Form.GUIDE, "")),
    ("help?", SlashCommand(Form.GUIDE, "")),
    ("--help", SlashCommand(Form.GUIDE, "")),
    ("?", SlashCommand(Form.GUIDE, "")),
    ("？", SlashCommand(Form.GUIDE, "")),
    ("ヘルプ", SlashCommand(Form.GUIDE, "")),
    ("ヘルプ？", SlashCommand(Form.GUIDE, "")),
    ("使い方", SlashCommand(Form.GUIDE, "")),
    ("intake", SlashCommand(Form.INTAKE, "")),
    ("Intake", SlashCommand(Form.INTAKE, "")),
    ("ｉｎｔａｋｅ", SlashCommand(Form.INTAKE, "")),
    ("受付", SlashCommand(Form.INTAKE, "")),
    ("登録", SlashCommand(Form.INTAKE, "")),
    ("intake 退会したので削除してほしいと電話", SlashCommand(Form.INTAKE, "退会したので削除してほしいと電話")),
    ("INTAKE 退会したので削除してほしいと電話", SlashCommand(Form.INTAKE, "退会したので削除してほしいと電話")),
    ("ｉｎｔａｋｅ　退会したので削除してほしいと電話", SlashCommand(Form.INTAKE, "退会したので削除してほしいと電話")),
    ("登録 録音データを開示してほしいとメールが来た", SlashCommand(Form.INTAKE, "録音データを開示してほしいとメールが来た")),
    ("受付　通話ログの利用停止を求める電話", SlashCommand(Form.INTAKE, "通話ログの利用停止を求める電話")),
    ("受付：メールアドレスの訂正依頼", SlashCommand(Form.INTAKE, "メールアドレスの訂正依頼")),
    ("intake: customer asked us to delete their call recordings",
     SlashCommand(Form.INTAKE, "customer asked us to delete their call recordings")),
    ("intake\n警察から通話記録の照会", SlashCommand(Form.INTAKE, "警察から通話記録の照会")),
    ("cases", SlashCommand(Form.CASES, "")),
    ("Cases", SlashCommand(Form.CASES, "")),
    ("ｃａｓｅｓ", SlashCommand(Form.CASES, "")),
    ("一覧", SlashCommand(Form.CASES, "")),
    ("案件", SlashCommand(Form.CASES, "")),
    ("案件一覧", SlashCommand(Form.CASES, "")),
    ("  cases  ", SlashCommand(Form.CASES, "")),
]

QUESTIONS = [
    "登録されている個人情報は？",
    "登録情報を削除したいと言われたら？",
    "受付時の本人確認はどうする？",
    "受付した依頼はいつまでに回答する？",
    "一覧表にして第三者に渡してもいい？",
    "案件ごとの保存期間は？",
    "案件の記録は何年保存する？",
    "使い方によっては目的外利用になる？",
    "ヘルプデスクの通話録音は保存される？",
    "ヘルプ デスクの通話録音は保存される？",
    "help with a deletion request",
    "Help! A customer wants their data deleted",
    "cases where we must notify the PPC?",
    "cases: when is a leak reportable?",
    "Cases of unauthorised access must be reported?",
    "一覧 と 開示 の違いは？",
    "intakeとは何ですか？",
    "退職者のデータは？",
    "開示請求が来たらどうする？",
    "What do we do with a disclosure request?",
    "使い方が目的外だったら？",
    "登録済みのメールアドレスに送っていい？",
]


@pytest.mark.parametrize(("typed", "meant"), COMMANDS)
def test_every_form_is_recognised(typed: str, meant: SlashCommand) -> None:
    assert parse_slash(typed) == meant


@pytest.mark.parametrize("typed", QUESTIONS)
def test_a_question_that_starts_with_a_verb_stays_a_question(typed: str) -> None:
    assert parse_slash(typed) == SlashCommand(Form.QUESTION, typed)

