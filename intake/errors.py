"""Named exceptions of the case core; the edges (CLI, Slack) decide how to word them for people.

    IntakeError
    ├── ConfigError          the configuration file is wrong: stop start-up, print every problem
    ├── RequestTypesError    intake/request_types.yaml is wrong: a packaging bug, caught by the tests
    ├── ValidationError      input fields are wrong (per field): show each next to its field, store nothing
    ├── CaseNotFound         no case with that id
    ├── DatabaseUnavailable  the database file cannot be used (missing directory, not a database, locked...)
    ├── InvalidTransition    the state machine does not allow this move from the current status
    └── NotAuthorised        the actor is neither manager, deputy nor privacy team

Catch `IntakeError` at an edge to handle every expected failure; anything else is a bug.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from common.yaml_lines import Problem  # one located-problem type for every data file, re-exported here

__all__ = [
    "CaseNotFound",
    "ConfigError",
    "DatabaseUnavailable",
    "IntakeError",
    "InvalidTransition",
    "NotAuthorised",
    "Problem",
    "RequestTypesError",
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


class ValidationError(IntakeError):
    """Input rejected field by field; `errors` maps a field name to a message for the person who typed it."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


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
