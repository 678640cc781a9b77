"""Named exceptions of the case core; the edges (CLI, Slack) decide how to word them for people.

    IntakeError
    ├── ConfigError          the configuration file is wrong: stop start-up, print every problem
    ├── RequestTypesError    intake/request_types.yaml is wrong: a packaging bug, caught by the tests
    ├── ValidationError      input fields are wrong (per field): show each next to its field, store nothing
    ├── CaseNotFound         no case with that id
    ├── DatabaseUnavailable  the database file cannot be used (missing directory, not a database, locked...)
    ├── InvalidTransition    the state machine does not allow this move from the current status
    ├── NotAuthorised        the actor is neither manager, deputy nor privacy team
    └── StageNotApplicable   the requester is owed no reply of this stage (a refusal's reply on a case not refused)

Catch `IntakeError` at an edge to handle every expected failure; anything else is a bug.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from common.yaml_lines import Problem  # one located-problem type for every data file, re-exported here

__all__ = [
    "CaseNotFound",
    "Code",
    "ConfigError",
    "DatabaseUnavailable",
    "FieldError",
    "IntakeError",
    "InvalidTransition",
    "NotAuthorised",
    "Problem",
    "RequestTypesError",
    "StageNotApplicable",
    "ValidationError",
]


class IntakeError(Exception):
    """Base of every expected failure of the case core."""


class _FileProblems(IntakeError):
    """Several located problems in one file; the str is one `file:line: message` per line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class ConfigError(_FileProblems):
    """The configuration cannot be used; the bot must not start half-configured."""


class RequestTypesError(_FileProblems):
    """The bundled request type data is inconsistent (unknown field, unknown policy section, ...)."""


class Code(StrEnum):
    """Why a field was refused. The edges word each code (`bot/views/problems.py`, whose sentences the command
    line shows too); `FieldError.params` carries what the sentence needs (a limit, the allowed choices)."""

    # reading any field
    NOT_TEXT = "not_text"
    ONE_LINE = "one_line"
    UNDECODABLE = "undecodable"            # params: char (U+XXXX)
    CONTROL_CHARACTER = "control_character"  # params: char (U+XXXX)
    REQUIRED = "required"                  # the field names what is missing
    TOO_LONG = "too_long"                  # params: limit
    NOT_ONE_OF = "not_one_of"              # params: choices
    UNKNOWN_FIELD = "unknown_field"
    READ_ONLY_FIELD = "read_only_field"
    NOT_OBJECT = "not_object"
    NOT_BOOLEAN = "not_boolean"
    NOT_A_MOMENT = "not_a_moment"
    # a new case
    BAD_EMAIL = "bad_email"
    BAD_PHONE = "bad_phone"
    CONTACT_REQUIRED = "contact_required"
    METHOD_REQUIRED = "method_required"
    RECEIVED_TOO_EARLY = "received_too_early"  # params: earliest (a date)
    RECEIVED_IN_FUTURE = "received_in_future"
    DUE_BEFORE_RECEIPT = "due_before_receipt"
    DUE_TOO_FAR = "due_too_far"
    NOT_ON_TEAM = "not_on_team"
    # a change to a case
    UNKNOWN_STATUS = "unknown_status"      # params: status
    NOT_A_TARGET = "not_a_target"          # params: status (`new` is where a case starts, never where it goes)
    GROUND_REQUIRED = "ground_required"    # params: choices
    GROUND_NOT_ALLOWED = "ground_not_allowed"  # params: type (Japanese label), choices
    GROUND_ONLY_FOR_REFUSAL = "ground_only_for_refusal"
    REFUSAL_REASON_REQUIRED = "refusal_reason_required"
    CLIENT_REQUIRED = "client_required"
    CLIENT_ONLY_FOR_TRANSFER = "client_only_for_transfer"
    OUTCOME_NOT_ALLOWED = "outcome_not_allowed"  # params: type (Japanese label), choices
    OUTCOME_ONLY_FOR_ENDINGS = "outcome_only_for_endings"
    EXTENSION_REASON_REQUIRED = "extension_reason_required"
    NEW_DUE_NOT_LATER = "new_due_not_later"
    NEW_DUE_TOO_FAR = "new_due_too_far"
    # notes, edits and identity before action (issue 13)
    NOT_EDITABLE = "not_editable"          # params: choices (the editable fields)
    NOTHING_CHANGED = "nothing_changed"
    IDENTITY_NOT_VERIFIED = "identity_not_verified"  # params: outcome (an outcome id), status (identity status)
    OVERRIDE_ONLY_FOR_RESOLVE = "override_only_for_resolve"
    # retention
    CLOSED_AFTER_CUTOFF = "closed_after_cutoff"  # a purge of a case closed on or after its cut-off
    WAITING_FOR_REQUIRED = "waiting_for_required"  # params: choices
    WAITING_FOR_ONLY_FOR_WAITING = "waiting_for_only_for_waiting"
    WAITING_DETAIL_REQUIRED = "waiting_detail_required"  # "other" says what in the reason


@dataclass(frozen=True)
class FieldError:
    """One refused field: a `Code` and the parameters its wording needs."""

    code: Code
    params: Mapping[str, Any] = field(default_factory=dict)


class ValidationError(IntakeError):
    """Input rejected field by field; `errors` maps a field name (a dotted path of the case JSON, or a form's
    input) to why, as a `FieldError` the edge words for the person who typed it."""

    def __init__(self, errors: Mapping[str, FieldError]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{name}: {error.code.value}" for name, error in self.errors.items()))


class CaseNotFound(IntakeError):
    """No case has this id."""

    def __init__(self, case_id: str) -> None:
        self.case_id = case_id
        super().__init__(f"case {case_id} not found")


class DatabaseUnavailable(IntakeError):
    """The case database cannot be used; the str names the file, what is wrong and what the operator can do.

    Raised by `intake.db.database_errors` from SQLite's own error, which names neither the file nor a remedy.
    """

    def __init__(self, path: str, problem: str, remedy: str) -> None:
        self.path = path
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"cannot use the database {path}: {problem}; {remedy}")


class InvalidTransition(IntakeError):
    """The requested status cannot follow the current one."""

    def __init__(self, case_id: str, from_status: str, to_status: str) -> None:
        self.case_id = case_id
        self.from_status = from_status
        self.to_status = to_status
        super().__init__(f"case {case_id}: cannot move from {from_status} to {to_status}")


class NotAuthorised(IntakeError):
    """Only the manager, the deputy and the privacy team may act on cases or read their personal data."""

    def __init__(self, actor: str | None, action: str) -> None:
        self.actor = actor
        self.action = action
        super().__init__(f"{actor or 'anonymous'} may not {action}")


class StageNotApplicable(IntakeError):
    """No reply of `stage` fits the case as it stands (`intake.replies.fitting_stages` says which do)."""

    def __init__(self, case_id: str, stage: str, status: str) -> None:
        self.case_id = case_id
        self.stage = stage
        self.status = status
        super().__init__(f"case {case_id}: no {stage} reply fits a case that is {status}")
