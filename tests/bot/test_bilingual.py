"""Slack's sentences name the core's values in words, in Japanese and English (「他の法令… / Would violate another
law」, 「受付済み / acknowledged」), never as the ids the command line types; the builders' own titles are bilingual."""
from __future__ import annotations

from datetime import datetime

import pytest
from intake import JST, Code, FieldError, ValidationError, load_request_types
from intake.audit import DetailsEdited
from intake.case import AuditEntry

from bot.views import case_labels
from bot.views.case_messages import last_change
from bot.views.problems import field_messages
from tests.bot.raw_ids import raw_ids

REQUEST_TYPES = load_request_types()
WORDS = case_labels.words_for(REQUEST_TYPES)
DISCLOSURE = REQUEST_TYPES["disclosure"]

#: Every refusal whose sentence names statuses, grounds, outcomes, reasons to wait or fields.
ERRORS = {
    "ground": FieldError(Code.GROUND_REQUIRED, {"choices": DISCLOSURE.refusal_grounds}),
    "ground_allowed": FieldError(Code.GROUND_NOT_ALLOWED, {"type": "開示請求", "choices": DISCLOSURE.refusal_grounds}),
    "outcome": FieldError(Code.OUTCOME_NOT_ALLOWED, {"type": "開示請求", "choices": DISCLOSURE.outcomes}),
    "outcome_endings": FieldError(Code.OUTCOME_ONLY_FOR_ENDINGS),
    "waiting_for": FieldError(Code.WAITING_FOR_REQUIRED, {"choices": ("identity_documents", "more_details")}),
    "waiting_only": FieldError(Code.WAITING_FOR_ONLY_FOR_WAITING),
    "override": FieldError(Code.OVERRIDE_ONLY_FOR_RESOLVE),
    "status": FieldError(Code.NOT_A_TARGET, {"status": "new"}),
    "field": FieldError(Code.NOT_EDITABLE, {"choices": ("requester.email", "identity.status")}),
    "agent.kind": FieldError(Code.REQUIRED),
}


def test_slack_names_every_value_in_words_and_the_command_line_keeps_the_ids() -> None:
    slack = field_messages(ValidationError(ERRORS), words=WORDS)
    assert {name: raw_ids(text) for name, text in slack.items() if raw_ids(text)} == {}
    assert "「他の法令に違反するおそれがある / Would violate another law」" in slack["ground"]
    assert "「本人確認書類 / Identity documents」" in slack["waiting_for"]
    assert "「完了 / resolved」" in slack["outcome_endings"] and "「新規 / new」" in slack["status"]
    assert "「メールアドレス / Email」" in slack["field"]
    command_line = field_messages(ValidationError(ERRORS))
    assert "other_law" in command_line["ground"] and "resolved, refused, transferred" in command_line["outcome_endings"]
    assert "legal" in command_line["agent.kind"] and "requester.email" in command_line["field"]


def test_the_history_names_edited_fields_in_words() -> None:
    entry = AuditEntry(id=1, case_id="PRV-2026-0001", at=datetime(2026, 5, 11, 10, tzinfo=JST), actor="U0MANAGER",
                       event=DetailsEdited(status="new", fields=("requester.email", "identity.status")))
    line = last_change(entry)
    assert "メールアドレス、本人確認 を編集" in line and raw_ids(line) == []


@pytest.mark.parametrize("status", list(case_labels.STATUSES))
def test_a_status_inside_a_sentence_reads_in_both_languages(status: str) -> None:
    assert raw_ids(f"「{WORDS(status)}」") == []
