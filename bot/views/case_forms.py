"""Reading the case forms (bot/views/case_modals.py builds them) into the core's commands. Pure.

Each form's submission becomes one `intake.commands` value for `CaseDesk.handle`; a choice the form could not
have left empty (an assignee, an outcome, a date) is refused here as a `ValidationError` on its input, like the
core's own refusals, so both go back next to their field the same way.
"""
from __future__ import annotations

from typing import Any

from intake import (
    AddNote,
    Assign,
    BusinessCalendar,
    Code,
    EditDetails,
    Extend,
    FieldError,
    RecordReplySent,
    Refuse,
    Resolve,
    Transfer,
    ValidationError,
    WaitForRequester,
    Withdraw,
)
from intake.validation import EDITABLE_FIELDS, parse_moment

from bot import ids
from bot.payloads import input_value

__all__ = ["parse_assign", "parse_edit", "parse_extend", "parse_note", "parse_refuse", "parse_reply_sent",
           "parse_resolve", "parse_transfer", "parse_wait", "parse_withdraw", "reply_choice"]


def _text(values: dict[str, Any], block_id: str) -> str | None:
    value = input_value(values, block_id, ids.INPUT_VALUE)
    return value.strip() or None if isinstance(value, str) else None


def _required(block_id: str) -> ValidationError:
    return ValidationError({block_id: FieldError(Code.REQUIRED)})


def parse_assign(values: dict[str, Any]) -> Assign:
    assignee = _text(values, ids.BLOCK_ASSIGNEE)
    if assignee is None:
        raise _required(ids.BLOCK_ASSIGNEE)
    return Assign(assignee)


def parse_resolve(values: dict[str, Any]) -> Resolve:
    outcome = _text(values, ids.BLOCK_OUTCOME)
    if outcome is None:
        raise _required(ids.BLOCK_OUTCOME)
    return Resolve(outcome, _text(values, ids.BLOCK_REASON), _text(values, ids.BLOCK_IDENTITY_OVERRIDE))


def parse_refuse(values: dict[str, Any]) -> Refuse:
    return Refuse(_text(values, ids.BLOCK_GROUND), _text(values, ids.BLOCK_REASON))


def parse_transfer(values: dict[str, Any]) -> Transfer:
    return Transfer(_text(values, ids.BLOCK_CLIENT), _text(values, ids.BLOCK_REASON))


def parse_extend(values: dict[str, Any], *, calendar: BusinessCalendar) -> Extend:
    """The picked date means close of business that day in Japan (`calendar`)."""
    try:
        new_due = parse_moment(_text(values, ids.BLOCK_DUE) or "", end_of_day=calendar)
    except ValueError:
        raise _required(ids.BLOCK_DUE) from None
    return Extend(new_due, _text(values, ids.BLOCK_REASON))


def parse_note(values: dict[str, Any]) -> AddNote:
    """The note as typed (the core cleans and checks it, and refuses an empty one next to the field)."""
    value = input_value(values, ids.BLOCK_NOTE_TEXT, ids.INPUT_VALUE)
    return AddNote(value if isinstance(value, str) else "")


def parse_edit(values: dict[str, Any]) -> EditDetails:
    """Every editable field the form shows, as it stands in the form (an emptied field clears it); the core keeps
    only what really changed and names those fields in the audit."""
    return EditDetails({name: _text(values, name) for name in EDITABLE_FIELDS if name in values})


def reply_choice(values: dict[str, Any]) -> tuple[str | None, str | None]:
    """The stage and language selected in the reply draft modal (either None when absent)."""
    stage = input_value(values, ids.BLOCK_STAGE, ids.ACTION_DRAFT_STAGE)
    language = input_value(values, ids.BLOCK_LANGUAGE, ids.ACTION_DRAFT_LANGUAGE)
    return (stage if isinstance(stage, str) else None), (language if isinstance(language, str) else None)


def parse_reply_sent(values: dict[str, Any]) -> RecordReplySent:
    """"Mark as sent": the stage and language the shown draft was made for (the desk checks both)."""
    stage, language = reply_choice(values)
    if stage is None:
        raise _required(ids.BLOCK_STAGE)
    return RecordReplySent(stage, language or "ja")


def parse_wait(values: dict[str, Any]) -> WaitForRequester:
    """What is awaited is checked by the core (a choice, and words for "other"), next to its field."""
    return WaitForRequester(_text(values, ids.BLOCK_WAITING_FOR), _text(values, ids.BLOCK_REASON))


def parse_withdraw(values: dict[str, Any]) -> Withdraw:
    reason = _text(values, ids.BLOCK_REASON)
    if reason is None:
        raise _required(ids.BLOCK_REASON)
    return Withdraw(reason)
