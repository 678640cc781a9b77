"""Privacy cases for CallConnect: request types, triage, the SQLite store with its audit trail, and deadlines.

Plain Python with no Slack: the `bot/` layer and the `privacy-bot cases` commands parse input, call what is
exported here, and word the named exceptions of `intake.errors` for people.
"""
from __future__ import annotations

from intake.calendar import JST, BusinessCalendar, BusinessHours
from intake.case import BASE_POLICY_VERSION, Agent, AuditEntry, Case, Identity, Note, Requester
from intake.commands import (
    Acknowledge,
    AddNote,
    Assign,
    Command,
    EditDetails,
    Extend,
    RecordReplySent,
    Refuse,
    Resolve,
    StartWork,
    Transfer,
    WaitForRequester,
    Withdraw,
    command_for_status,
)
from intake.classify import Classification, classify, critical_type, urgency_signals
from intake.config import Config, load_config
from intake.db import default_db_path, open_db, transaction
from intake.desk import CaseDesk
from intake.deadlines import DeadlineStatus, Reminder, compute_due, deadline_status, reminder_schedule
from intake.errors import (
    CaseNotFound,
    Code,
    ConfigError,
    DatabaseUnavailable,
    FieldError,
    IntakeError,
    InvalidTransition,
    NotAuthorised,
    RequestTypesError,
    StageNotApplicable,
    ValidationError,
)
from intake.outbox import Outbox, OutboxRow
from intake.routing import Kind, Router
from intake.lifecycle import CLOSED_STATUSES, OPEN_STATUSES, SERVER_OPERATOR, WAITING_FOR, Status, allowed_next
from intake.request_types import REQUEST_TYPE_IDS, RefusalGround, RequestType, RequestTypes, load_request_types
from intake.store import CaseStore
from intake.validation import NewCase, validate_new_case
from intake.audit import Extended, ReplySent
from intake.replies import REPLY_LANGUAGES, ReplyStage, check_stage, fitting_stages, suggested_stage

__all__ = [
    "BASE_POLICY_VERSION",
    "CLOSED_STATUSES",
    "JST",
    "OPEN_STATUSES",
    "REQUEST_TYPE_IDS",
    "SERVER_OPERATOR",
    "Acknowledge",
    "AddNote",
    "Agent",
    "Assign",
    "AuditEntry",
    "BusinessCalendar",
    "BusinessHours",
    "Case",
    "CaseDesk",
    "CaseNotFound",
    "CaseStore",
    "Classification",
    "Code",
    "Command",
    "Config",
    "ConfigError",
    "DatabaseUnavailable",
    "DeadlineStatus",
    "EditDetails",
    "Extend",
    "FieldError",
    "Identity",
    "IntakeError",
    "InvalidTransition",
    "Kind",
    "NewCase",
    "Note",
    "NotAuthorised",
    "Outbox",
    "OutboxRow",
    "RefusalGround",
    "Refuse",
    "Reminder",
    "RequestType",
    "RequestTypes",
    "RequestTypesError",
    "Requester",
    "Resolve",
    "Router",
    "StartWork",
    "Status",
    "Transfer",
    "ValidationError",
    "WaitForRequester",
    "Withdraw",
    "allowed_next",
    "WAITING_FOR",
    "classify",
    "command_for_status",
    "compute_due",
    "critical_type",
    "deadline_status",
    "default_db_path",
    "load_config",
    "load_request_types",
    "open_db",
    "reminder_schedule",
    "transaction",
    "urgency_signals",
    "validate_new_case",
    "REPLY_LANGUAGES",
    "Extended",
    "RecordReplySent",
    "ReplySent",
    "ReplyStage",
    "StageNotApplicable",
    "check_stage",
    "fitting_stages",
    "suggested_stage",
]
