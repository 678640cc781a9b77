"""Checking a new case's fields before anything is stored, with one named error per bad field.

The same function serves the CLI (`cases new`, options or JSON) and the Slack intake modal, which shows each
error next to its field (`response_action: errors`). Field names are dotted paths of the case JSON
(`requester.email`, `agent.kind`), so both edges can map them back to their inputs; each error is a code with
its parameters (`intake.errors.FieldError`), and the edges word it (`bot/views/problems.py`).

The input is the case object of `cases show --json` minus what privacy-bot sets itself (`READ_ONLY_FIELDS`):
those may be present only as null, so a shown case can be edited into a new one, and any value is refused by
name. Text is cleaned the same way for both edges (`clean_text`): invisible format characters are removed and
control characters refused. Dates must lie in a sane range (`EARLIEST_RECEIPT`, `CLOCK_SKEW`, `MAX_DUE_AHEAD`).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from intake.calendar import BusinessCalendar, JST
from intake.case import BASE_POLICY_VERSION, Agent, Requester
from intake.classify import urgency_signals
from intake.config import Config
from intake.errors import Code, FieldError, ValidationError
from intake.request_types import RequestTypes

__all__ = [
    "AGENT_KINDS",
    "CHANNELS",
    "DATA_ROLES",
    "EARLIEST_RECEIPT",
    "EDITABLE_FIELDS",
    "IDENTITY_METHODS",
    "IDENTITY_STATUSES",
    "INPUT_FIELDS",
    "MAX_DUE_AHEAD",
    "READ_ONLY_FIELDS",
    "Details",
    "NewCase",
    "clean_note",
    "clean_text",
    "parse_moment",
    "validate_details",
    "validate_new_case",
]

CHANNELS = ("email", "phone", "slack", "web_form", "letter", "in_person", "other")
DATA_ROLES = ("own_user", "client_data")
IDENTITY_STATUSES = ("unverified", "pending", "verified", "failed")
IDENTITY_METHODS = ("account", "registered_email", "phone_callback", "id_document")
AGENT_KINDS = ("legal", "appointed")

MAX_DESCRIPTION_CHARS = 20_000
MAX_SHORT_CHARS = 200
#: A note is a few lines of what happened (a call, a document seen), not a file.
MAX_NOTE_CHARS = 4000
#: A clock a little ahead of the server's must not make a just-received request "in the future".
CLOCK_SKEW = timedelta(minutes=5)
#: No request reached us before CallConnect's privacy policy existed. The published policy states no date of its
#: own, so this is a floor safely before any real case: an earlier receipt is a typo (0026-05-01, 2002-05-01).
EARLIEST_RECEIPT = datetime(2020, 1, 1, tzinfo=JST)
#: The furthest ahead of now a due date may lie, set at intake or by an extension: the requester is told the date
#: (and may sue two weeks after the request anyway, Art. 39), so a date years out is a typo, not a plan.
MAX_DUE_AHEAD = timedelta(days=365)

#: The fields a new case is made of, and the sub-fields of its nested objects, as `cases show --json` shows them.
INPUT_FIELDS: dict[str, tuple[str, ...]] = {
    "type": (), "description": (), "channel": (), "requester": ("name", "email", "phone"), "data_role": (),
    "client_name": (), "agent": ("kind", "name", "contact", "evidence"),
    "identity": ("status", "method", "document_type"), "urgent": (), "received_at": (), "due_at": (),
    "assignee": (),
}
#: Fields of `cases show --json` that privacy-bot sets itself (dotted for nested ones).
READ_ONLY_FIELDS = (
    "id", "status", "outcome", "refusal_ground", "reason", "created_by", "created_at", "updated_at", "history",
    "identity.verified_at", "identity.verified_by", "notes", "waiting", "policy_version",
)
#: What an edit of a logged case may change (dotted, as `cases show --json` names them): the details an agent may
#: have mistyped or learnt later. The type, the description and the dates stay as logged; the status, the due date
#: and the assignee have their own commands.
EDITABLE_FIELDS = (
    "requester.name", "requester.email", "requester.phone", "channel", "data_role", "client_name", "agent.kind",
    "agent.name", "agent.contact", "agent.evidence", "identity.status", "identity.method", "identity.document_type",
)
_DETAIL_FIELDS = ("channel", "requester", "data_role", "client_name", "agent", "identity")
_LINE_BREAKS = frozenset("\t\n\r\u2028\u2029")


@dataclass(frozen=True)
class Details:
    """The editable part of a case (`EDITABLE_FIELDS`), validated: the same checks as at intake."""

    channel: str
    requester: Requester
    data_role: str
    client_name: str | None
    agent: Agent | None
    identity_status: str
    identity_method: str | None
    identity_document_type: str | None


@dataclass(frozen=True)
class NewCase(Details):
    """A validated intake, ready to store: its details (checked as an edit checks them) and what only intake sets.
    `urgent` already includes the type's and the text's urgency.

    `policy_version` is the key of the policy version in force at `received_at`: the edge that logs the case knows
    the knowledge base (intake does not) and sets it (`dataclasses.replace`) once `received_at` is settled; a
    knowledge base holding one version has only the base."""

    type: str
    description: str
    urgent: bool
    received_at: datetime
    due_at: datetime | None
    assignee: str | None
    policy_version: str = BASE_POLICY_VERSION


def parse_moment(value: str, *, end_of_day: BusinessCalendar | None = None) -> datetime:
    """An ISO date or date-time; naive values are Japan time. A bare date means close of business with
    `end_of_day` (a due date), else midnight (a start date). Raises ValueError.

    Any year parses (0001-01-01 has no UTC equivalent to store): callers check the range, with a message that
    says which range (`EARLIEST_RECEIPT`, `MAX_DUE_AHEAD`)."""
    text = value.strip()
    if len(text) == 10:
        day = date.fromisoformat(text)
        return end_of_day.closing(day) if end_of_day else datetime.combine(day, datetime.min.time(), tzinfo=JST)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=JST)


def clean_text(value: str, *, multiline: bool = False) -> str:
    """`value` without invisible format characters; raises ValueError carrying the first control character left.

    Format characters (Unicode Cf: zero-width spaces and joiners, the byte-order mark, bidirectional overrides)
    arrive pasted from mail and chat, and a bidi override can make a name display as another: they are removed.
    Control characters (NUL, escape, C1) and lone surrogates (undecodable bytes from a shell) are never part of
    what a requester said and break logs, CSV cells and Slack messages: they are refused, so that the agent sees
    it. `multiline` text (a description) keeps tabs and line breaks, every line end made a line feed.
    """
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = "".join(char for char in value if unicodedata.category(char) != "Cf")
    for char in text:
        if multiline and char in "\t\n":
            continue
        if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp"):
            raise ValueError(char)
    return text


class _Fields:
    """Collects per-field errors while reading an untrusted mapping."""

    def __init__(self) -> None:
        self.errors: dict[str, FieldError] = {}

    def refuse(self, path: str, code: Code, **params: Any) -> None:
        self.errors[path] = FieldError(code, params)

    def text(self, data: Mapping[str, Any], key: str, path: str, *, required: bool = False,
             limit: int = MAX_SHORT_CHARS, multiline: bool = False) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            self.refuse(path, Code.NOT_TEXT)
            return None
        if value and not multiline and any(char in _LINE_BREAKS for char in value):
            self.refuse(path, Code.ONE_LINE)
            return None
        try:
            value = clean_text(value, multiline=multiline).strip() if value else None
        except ValueError as exc:
            code = Code.UNDECODABLE if unicodedata.category(str(exc)) == "Cs" else Code.CONTROL_CHARACTER
            self.refuse(path, code, char=f"U+{ord(str(exc)):04X}")
            return None
        if not value:
            if required:
                self.refuse(path, Code.REQUIRED)
            return None
        if len(value) > limit:
            self.refuse(path, Code.TOO_LONG, limit=limit)
            return None
        return value

    def choice(self, data: Mapping[str, Any], key: str, path: str, choices: tuple[str, ...], *,
               default: str | None = None, required: bool = False) -> str | None:
        value = self.text(data, key, path, required=required)
        if value is None:
            return default
        if value not in choices:
            self.refuse(path, Code.NOT_ONE_OF, choices=choices)
            return default
        return value

    def fields(self, data: Mapping[str, Any], known: tuple[str, ...], prefix: str = "") -> None:
        """Name each field that is not an input: read-only ones (unless null) and unknown ones."""
        for name in sorted(data.keys() - set(known)):
            path = prefix + name
            if path not in READ_ONLY_FIELDS:
                self.refuse(path, Code.UNKNOWN_FIELD)
            elif data[name] is not None:
                self.refuse(path, Code.READ_ONLY_FIELD)

    def mapping(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.refuse(key, Code.NOT_OBJECT)
            return {}
        self.fields(value, INPUT_FIELDS[key], prefix=f"{key}.")
        return value


def _email(fields: _Fields, raw: str | None) -> str | None:
    if raw is None:
        return None
    try:
        return validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError:
        fields.refuse("requester.email", Code.BAD_EMAIL)
        return None


def _phone(fields: _Fields, raw: str | None) -> str | None:
    if raw is None:
        return None
    try:
        number = phonenumbers.parse(raw, "JP")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        fields.refuse("requester.phone", Code.BAD_PHONE)
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _moment(fields: _Fields, data: Mapping[str, Any], key: str, calendar: BusinessCalendar | None) -> datetime | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return parse_moment(value, end_of_day=calendar)
    except ValueError:
        fields.refuse(key, Code.NOT_A_MOMENT)
        return None


def _details(fields: _Fields, data: Mapping[str, Any]) -> Details | None:
    """Read the editable fields of `data` (intake and edits share this, so both check them alike); None when any
    is refused (`fields.errors` says which)."""
    channel = fields.choice(data, "channel", "channel", CHANNELS, required=True)

    requester = fields.mapping(data, "requester")
    name = fields.text(requester, "name", "requester.name", required=True)
    email = _email(fields, fields.text(requester, "email", "requester.email", limit=320))
    phone = _phone(fields, fields.text(requester, "phone", "requester.phone", limit=40))
    if "requester.email" not in fields.errors and "requester.phone" not in fields.errors and not (email or phone):
        fields.refuse("requester.email", Code.CONTACT_REQUIRED)

    data_role = fields.choice(data, "data_role", "data_role", DATA_ROLES, default="own_user")
    client_name = fields.text(data, "client_name", "client_name")

    agent_data = fields.mapping(data, "agent")
    agent = None
    if agent_data:
        kind = fields.choice(agent_data, "kind", "agent.kind", AGENT_KINDS, required=True)
        agent_name = fields.text(agent_data, "name", "agent.name", required=True)
        contact = fields.text(agent_data, "contact", "agent.contact")
        evidence = fields.text(agent_data, "evidence", "agent.evidence")
        if kind and agent_name:
            agent = Agent(kind=kind, name=agent_name, contact=contact, evidence=evidence)

    identity = fields.mapping(data, "identity")
    identity_status = fields.choice(identity, "status", "identity.status", IDENTITY_STATUSES, default="unverified")
    identity_method = fields.choice(identity, "method", "identity.method", IDENTITY_METHODS)
    document_type = fields.text(identity, "document_type", "identity.document_type")
    if identity_status == "verified" and identity_method is None and "identity.method" not in fields.errors:
        fields.refuse("identity.method", Code.METHOD_REQUIRED)
    if fields.errors:
        return None
    assert channel and name  # guaranteed by the required checks above
    return Details(channel=channel, requester=Requester(name=name, email=email, phone=phone),
                   data_role=data_role or "own_user", client_name=client_name, agent=agent,
                   identity_status=identity_status or "unverified", identity_method=identity_method,
                   identity_document_type=document_type)


def clean_note(text: str) -> str:
    """An internal note, checked like a description (line breaks kept, control characters refused), required and
    at most `MAX_NOTE_CHARS`; raises `ValidationError` on `text`."""
    fields = _Fields()
    note = fields.text({"text": text}, "text", "text", required=True, limit=MAX_NOTE_CHARS, multiline=True)
    if fields.errors or note is None:
        raise ValidationError(fields.errors)
    return note


def validate_details(data: Mapping[str, Any]) -> Details:
    """Check the editable part of a case (the case JSON's `channel`, `requester`, `data_role`, `client_name`,
    `agent` and `identity`, as they would stand after an edit) with intake's rules; raise `ValidationError`."""
    fields = _Fields()
    fields.fields(data, _DETAIL_FIELDS)
    details = _details(fields, data)
    if fields.errors or details is None:
        raise ValidationError(fields.errors)
    return details


def validate_new_case(
    data: Mapping[str, Any], *, request_types: RequestTypes, config: Config, now: datetime
) -> NewCase:
    """Check every field of an intake and return it normalised, or raise `ValidationError` naming each bad one."""
    fields = _Fields()
    fields.fields(data, tuple(INPUT_FIELDS))
    type_id = fields.choice(data, "type", "type", tuple(request_types.types),
                            required=True)
    description = fields.text(data, "description", "description", limit=MAX_DESCRIPTION_CHARS, multiline=True,
                              required=True)
    details = _details(fields, data)

    urgent = data.get("urgent", False)
    if not isinstance(urgent, bool):
        fields.refuse("urgent", Code.NOT_BOOLEAN)
        urgent = False

    received_at = _moment(fields, data, "received_at", None) or now
    if received_at < EARLIEST_RECEIPT:
        fields.refuse("received_at", Code.RECEIVED_TOO_EARLY, earliest=EARLIEST_RECEIPT.date())
    elif received_at > now + CLOCK_SKEW:
        fields.refuse("received_at", Code.RECEIVED_IN_FUTURE)
    due_at = _moment(fields, data, "due_at", config.calendar)
    if due_at is not None and due_at <= received_at:
        fields.refuse("due_at", Code.DUE_BEFORE_RECEIPT)
    elif due_at is not None and due_at > now + MAX_DUE_AHEAD:
        fields.refuse("due_at", Code.DUE_TOO_FAR)

    assignee = fields.text(data, "assignee", "assignee")
    if assignee is not None and not config.is_privileged(assignee):
        fields.refuse("assignee", Code.NOT_ON_TEAM)

    if fields.errors or details is None:
        raise ValidationError(fields.errors)
    assert type_id and description  # guaranteed by the required checks above
    return NewCase(
        **vars(details),
        type=type_id,
        description=description,
        urgent=urgent or request_types[type_id].urgent or bool(urgency_signals(description)),
        received_at=received_at,
        due_at=due_at,
        assignee=assignee,
    )
