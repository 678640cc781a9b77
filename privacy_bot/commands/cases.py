"""`privacy-bot cases`: the privacy team's operator tool on the server, over the case store of `intake/`.

Reading (`list`, `show`, `export`) needs no Slack identity: whoever runs this can read the database file anyway.
`draft` prints a reply to the requester (never sent) and reads like `show`; it quotes the policy version the case
was received under, which `new` records from the knowledge base in use (`knowledge_dir`).
Changes (`transition`, `extend`, `assign`, `note`, `edit`) name a Slack user with `--actor`, checked against the
configuration, and land in the audit trail under that name. The database is `PRIVACY_BOT_DB`, the configuration
`PRIVACY_BOT_CONFIG` (design.md). Every verb runs under `_database_command`, so a database that cannot be used
ends the command with one line naming the file and what to do, never a traceback.
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
import functools
import io
import json
import sys
import textwrap
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from common.clock import utc_now
from intake import (
    JST,
    OPEN_STATUSES,
    Requester,
    SERVER_OPERATOR,
    AddNote,
    WAITING_FOR,
    Assign,
    Case,
    CaseNotFound,
    Command,
    Extend,
    CaseDesk,
    CaseStore,
    Config,
    ConfigError,
    DatabaseUnavailable,
    EditDetails,
    InvalidTransition,
    NotAuthorised,
    Outbox,
    REPLY_LANGUAGES,
    ReplyStage,
    StageNotApplicable,
    Status,
    ValidationError,
    allowed_next,
    command_for_status,
    deadline_status,
    default_db_path,
    load_config,
    load_request_types,
    open_db,
    validate_new_case,
)
from intake.audit import DetailsEdited
from intake.db import database_errors
from intake.retention import purge_closed
from intake.validation import (
    AGENT_KINDS,
    CHANNELS,
    DATA_ROLES,
    EARLIEST_RECEIPT,
    IDENTITY_METHODS,
    IDENTITY_STATUSES,
    INPUT_FIELDS,
    READ_ONLY_FIELDS,
    parse_moment,
)
from knowledge import LiveKnowledgeBase
from knowledge.drafts import VersionUnreadable, case_knowledge_base, draft_reply, reply_language, version_name
from knowledge.versions import day_in_japan, read_catalog
from privacy_bot import wording
from privacy_bot.cli import UsageError
from privacy_bot.knowledge_in_use import knowledge_dir

_HELP = argparse.RawDescriptionHelpFormatter
#: A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _database_command(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A verb whose database problems (missing directory, not a database, read-only, locked...) end it with one
    line naming the file and what to do, exit code 2."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        try:
            with database_errors(default_db_path()):
                return command(args)
        except DatabaseUnavailable as exc:
            raise UsageError(str(exc)) from None

    return run


def _json_input_help() -> str:
    """Which fields `cases new --json` takes and which it refuses, from the validator's own lists."""
    taken = ", ".join(f"{name}{{{','.join(sub)}}}" if sub else name for name, sub in INPUT_FIELDS.items())
    return "\n".join([
        "With --json -, stdin holds one UTF-8 JSON object in the shape of `cases show --json`. It takes",
        textwrap.fill(taken + ".", width=100, initial_indent="  ", subsequent_indent="  "),
        "The fields privacy-bot sets must be absent or null:",
        textwrap.fill(", ".join(READ_ONLY_FIELDS) + ".", width=100, initial_indent="  ", subsequent_indent="  "),
        "Any other field is refused by name.",
    ])


#: Marks a case with a message Slack refused for good (`privacy-bot doctor` says why and how to resend).
FAILED_MARK = "⚠ 配信失敗 delivery failed"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "cases",
        help="log, list, show, export and move privacy request cases",
        description="Privacy request cases in the database at $PRIVACY_BOT_DB (default ./privacy-bot.db).\n\n"
        "Example: privacy-bot cases list --overdue",
        formatter_class=_HELP,
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    _register_new(verbs)
    _register_list(verbs)
    _register_show(verbs)
    _register_export(verbs)
    _register_transition(verbs)
    _register_extend(verbs)
    _register_assign(verbs)
    _register_note(verbs)
    _register_edit(verbs)
    _register_draft(verbs)
    _register_purge(verbs)


# -- new ----------------------------------------------------------------------------------------------------


def _register_new(verbs: Any) -> None:
    new = verbs.add_parser(
        "new",
        help="log a case (fields as options, or one JSON object on stdin)",
        description="Log a privacy request received by email, phone or letter. Every field is checked first;\n"
        "on any error each bad field is listed, the exit code is 2 and nothing is stored.\n\n"
        f"{_json_input_help()}\n\n"
        f"Dates are Japan time: received from {EARLIEST_RECEIPT:%Y-%m-%d} up to now; a due date after the receipt\n"
        "and at most a year from now. Invisible characters (zero-width, bidi controls) are removed from text;\n"
        "control characters are refused.\n\n"
        "Example: privacy-bot cases new --type deletion --channel email --name '山田太郎' \\\n"
        "           --email taro@example.com --description '退会したのでデータを消してほしい'\n"
        "         echo '{\"type\": \"deletion\", \"channel\": \"phone\", \"description\": \"録音も消してほしい\",\n"
        "               \"requester\": {\"name\": \"山田太郎\", \"phone\": \"090-1234-5678\"}}' \\\n"
        "           | privacy-bot cases new --json -",
        formatter_class=_HELP,
    )
    new.add_argument("--json", metavar="-", help="read the case as one JSON object from stdin (the fields above)")
    new.add_argument("--type", help="request type id, e.g. disclosure, deletion, leak_report")
    new.add_argument("--description", help="what the requester asked, in their words")
    new.add_argument("--channel", help=f"how it arrived: {', '.join(CHANNELS)}")
    new.add_argument("--name", help="requester's name (or the organisation, for an authority request)")
    new.add_argument("--email", help="requester's email")
    new.add_argument("--phone", help="requester's phone (Japanese numbers without +81 are fine)")
    new.add_argument("--data-role", help=f"{' or '.join(DATA_ROLES)} (委託: data held for a client)")
    new.add_argument("--client", help="the client, when data_role is client_data")
    new.add_argument("--agent-kind", help=f"代理人: {' or '.join(AGENT_KINDS)}")
    new.add_argument("--agent-name", help="the agent's name")
    new.add_argument("--agent-contact", help="the agent's email or phone")
    new.add_argument("--agent-evidence", help="document type seen, e.g. 委任状, 戸籍謄本 (never a copy)")
    new.add_argument("--identity-status", help=f"本人確認: {', '.join(IDENTITY_STATUSES)}")
    new.add_argument("--identity-method", help=f"how identity was checked: {', '.join(IDENTITY_METHODS)}")
    new.add_argument("--identity-document", help="ID document type, only when the method is id_document")
    new.add_argument("--received-at", help=f"when it arrived, ISO date-time in JST (default now; from "
                     f"{EARLIEST_RECEIPT:%Y-%m-%d})")
    new.add_argument("--due", help="the due date when the request sets its own (e.g. an authority's deadline; at "
                     "most a year from now)")
    new.add_argument("--assignee", help="Slack user id of the team member handling it")
    new.add_argument("--urgent", action="store_true", default=None, help="mark urgent whatever the type")
    new.add_argument("--actor", default=SERVER_OPERATOR, help="who logs it (Slack user id; default operator)")
    new.set_defaults(func=_new)


def _fields_from_options(args: argparse.Namespace) -> dict[str, Any]:
    def present(mapping: Mapping[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in mapping.items() if value is not None}

    data = present(
        {
            "type": args.type,
            "description": args.description,
            "channel": args.channel,
            "data_role": args.data_role,
            "client_name": args.client,
            "received_at": args.received_at,
            "due_at": args.due,
            "assignee": args.assignee,
            "urgent": args.urgent,
        }
    )
    for key, value in {
        "requester": present({"name": args.name, "email": args.email, "phone": args.phone}),
        "agent": present({"kind": args.agent_kind, "name": args.agent_name, "contact": args.agent_contact,
                          "evidence": args.agent_evidence}),
        "identity": present({"status": args.identity_status, "method": args.identity_method,
                             "document_type": args.identity_document}),
    }.items():
        if value:
            data[key] = value
    return data


def _json_case() -> dict[str, Any]:
    """The case object on stdin, read strictly: a byte that is not UTF-8 would otherwise become U+FFFD in a name."""
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"stdin is not UTF-8 (byte {exc.start + 1}) / 標準入力を UTF-8 にしてください") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"stdin is not valid JSON / JSON として読めません: {exc}") from None
    except RecursionError:
        raise UsageError("the JSON is nested too deeply / JSON の入れ子が深すぎます") from None
    if not isinstance(data, dict):
        raise UsageError("the JSON must be one object / JSON はオブジェクト 1 つにしてください")
    return data


@_database_command
def _new(args: argparse.Namespace) -> int:
    if args.json is not None:
        if args.json != "-":
            raise UsageError("use --json - to read the case from stdin / JSON は標準入力から --json - で渡してください")
        data = _json_case()
    else:
        data = _fields_from_options(args)
    config = _config()
    now = utc_now()
    try:
        new = validate_new_case(data, request_types=load_request_types(), config=config, now=now)
    except ValidationError as exc:
        return _field_errors(exc)
    # Received under the version in force on the day of its receipt: a phone note from yesterday takes yesterday's.
    in_force = read_catalog(knowledge_dir(config)).in_force(day_in_japan(new.received_at))
    new = dataclasses.replace(new, policy_version=in_force.key)
    # Through the desk, so the manager's DM (and the escalation of an urgent case) is owed in the same commit:
    # the running bot delivers it, even though the case was logged here.
    case = _desk(config).log(new, actor=args.actor, now=now, confirm=args.actor != SERVER_OPERATOR)
    if args.json is not None:
        print(json.dumps(case.summary_json(), ensure_ascii=False))
    else:
        urgent = "  至急 (urgent)" if case.urgent else ""
        print(f"{case.id}  {case.type}  期限 (due) {_local(case.due_at)}{urgent}")
    return 0


# -- reading ------------------------------------------------------------------------------------------------


def _register_list(verbs: Any) -> None:
    listing = verbs.add_parser(
        "list",
        help="the open queue, soonest due first (or other statuses)",
        description="List cases, soonest due first: by default the open ones (new, acknowledged, in_progress,\n"
        "waiting_requester). No personal data in the table.\n\n"
        "Example: privacy-bot cases list --status all --type disclosure --json",
        formatter_class=_HELP,
    )
    listing.add_argument("--status", action="append", help="a status to show (repeatable), or 'all'")
    listing.add_argument("--type", help="only this request type")
    listing.add_argument("--overdue", action="store_true", help="only open cases past their due time")
    listing.add_argument("--limit", metavar="N", help="at most this many, N ≥ 1 (default: all)")
    listing.add_argument("--json", action="store_true", help="write one JSON array of case objects")
    listing.set_defaults(func=_list)


@_database_command
def _list(args: argparse.Namespace) -> int:
    statuses = _statuses(args.status)
    if args.type is not None and args.type not in load_request_types():
        raise UsageError(f"unknown request type {args.type!r} / 不明な種別です")
    limit = _positive(args.limit, "--limit")
    config = _config()
    now = utc_now()
    store = _store(config)
    cases = store.list_cases(
        actor=SERVER_OPERATOR,
        statuses=statuses,
        type_id=args.type,
        overdue_at=now if args.overdue else None,
        limit=limit,
    )
    if args.json:
        print(json.dumps([case.to_json(with_history=False) for case in cases], ensure_ascii=False))
        return 0
    undelivered = Outbox(store.db).failed_case_ids()
    print(f"{'ID':<14} {'TYPE':<20} {'STATUS':<18} {'URGENT':<6} {'RECEIVED (JST)':<16} {'DUE (JST)':<16}  ASSIGNEE")
    for case in cases:
        overdue = " 期限超過" if case.status in OPEN_STATUSES and case.due_at < now else ""
        failed = f" {FAILED_MARK}" if case.id in undelivered else ""
        print(
            f"{case.id:<14} {case.type:<20} {case.status:<18} {'yes' if case.urgent else '':<6} "
            f"{_local(case.received_at):<16} {_local(case.due_at):<16}  {case.assignee or '-'}{overdue}{failed}"
        )
    return 0


def _positive(value: str | None, option: str) -> int | None:
    if value is None:
        return None
    if not value.isdecimal() or int(value) < 1:
        raise UsageError(f"{option} must be a whole number from 1 (got {value!r}) / 1 以上の整数にしてください")
    return int(value)


def _statuses(given: list[str] | None) -> list[str] | None:
    if not given:
        return None
    if "all" in given:
        return [status.value for status in Status]
    unknown = [status for status in given if status not in Status.__members__.values()]
    if unknown:
        raise UsageError(f"unknown status {unknown[0]!r}; use one of {', '.join(Status)} or all / 不明なステータスです")
    return given


def _register_show(verbs: Any) -> None:
    show = verbs.add_parser(
        "show",
        help="one case with its history",
        description="Show one case, its requester's details and its audit history.\n\n"
        "Example: privacy-bot cases show PRV-2026-0001 --json",
        formatter_class=_HELP,
    )
    show.add_argument("case_id", metavar="ID")
    show.add_argument("--json", action="store_true", help="write the case object: every field and the history")
    show.set_defaults(func=_show)


@_database_command
def _show(args: argparse.Namespace) -> int:
    config = _config()
    try:
        case = _store(config).get(args.case_id, actor=SERVER_OPERATOR)
    except CaseNotFound:
        print(wording.not_found(args.case_id), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(case.to_json(), ensure_ascii=False))
        return 0
    _print_case(case, config=config)
    for row in Outbox(open_db()).failed(case_id=case.id):
        print(f"  {FAILED_MARK}: {row.kind} → {row.recipient}: {row.last_error} (outbox {row.id}); "
              "see privacy-bot doctor")
    return 0


def _print_case(case: Case, *, config: Config) -> None:
    request_type = load_request_types()[case.type]
    status = deadline_status(received_at=case.received_at, due_at=case.due_at, now=utc_now(),
                             calendar=config.calendar)
    lines = [
        f"{case.id}  {request_type.label.ja} / {request_type.label.en}  [{case.status}]" + ("  至急" if case.urgent else ""),
        f"  受付 received   {_local(case.received_at)} ({case.channel})",
        f"  期限 due        {_local(case.due_at)}"
        + ("  期限超過 overdue" if status.overdue and case.status in OPEN_STATUSES else "")
        + ("  受付から14日経過 (Art. 39)" if status.calendar_flag_day14 and case.status in OPEN_STATUSES else ""),
        f"  依頼者 requester {case.requester.name}  {case.requester.email or ''}  {case.requester.phone or ''}".rstrip(),
        f"  担当 assignee   {case.assignee or '-'}",
        f"  本人確認 identity {case.identity.status}" + (f" ({case.identity.method})" if case.identity.method else ""),
        f"  データ data     {case.data_role}" + (f" ({case.client_name})" if case.client_name else ""),
    ]
    if case.agent:
        lines.append(f"  代理人 agent    {case.agent.kind} {case.agent.name} {case.agent.evidence or ''}".rstrip())
    if case.refusal_ground or case.outcome:
        lines.append(f"  結果 outcome    {case.outcome or '-'}  {case.refusal_ground or ''}".rstrip())
    catalog = read_catalog(knowledge_dir(config))
    if len(catalog.versions) > 1:  # with one version held there is nothing to tell it from
        lines.append(f"  ポリシー policy  {version_name(catalog, case.policy_version, 'ja')} "
                     f"({version_name(catalog, case.policy_version, 'en')}): its reply drafts quote this version")
    if case.waiting_for and case.waiting_since:
        waited = config.calendar.business_days_between(case.waiting_since.astimezone(JST).date(),
                                                       utc_now().astimezone(JST).date())
        lines.append(f"  待機中 waiting  {case.waiting_for} since {_local(case.waiting_since)} "
                     f"({waited} business days; the due date does not pause)")
    if case.status in OPEN_STATUSES:
        lines.append(f"  次に可能 next   {', '.join(allowed_next(case.status))}")
    lines += ["", "  " + case.description.replace("\n", "\n  ")]
    if case.notes:
        lines += ["", "  メモ notes:"]
        lines += [f"    #{note.id} {_local(note.at)}  {note.actor:<12} "
                  + (note.text or "(erased)").replace("\n", "\n      ") for note in case.notes]
    lines += ["", "  履歴 history:"]
    for entry in case.history:
        move = f"{entry.from_status or '-'} → {entry.to_status}" if entry.from_status != entry.to_status else ""
        note = f"  「{entry.note}」" if entry.note else ""
        lines.append(f"    {_local(entry.at)}  {entry.actor:<12} {entry.action:<10} {move}{note}")
    print("\n".join(lines))


def _register_export(verbs: Any) -> None:
    export = verbs.add_parser(
        "export",
        help="every case with its history, for an auditor (CSV for Excel, or JSON)",
        description="Export every case (any status) with its history, in order of receipt. CSV is UTF-8 with a\n"
        "byte-order mark so Excel opens Japanese correctly; the history column holds JSON. A CSV cell that\n"
        "starts with =, +, -, @, a tab or a carriage return gets a leading ' so that a spreadsheet shows it as\n"
        "text instead of running it as a formula (+81 phone numbers too); JSON is written as stored.\n\n"
        "Example: privacy-bot cases export --format csv --since 2026-04-01 > cases.csv",
        formatter_class=_HELP,
    )
    export.add_argument("--format", choices=("csv", "json"), required=True)
    export.add_argument("--since", help=f"only cases received on or after this date (JST; from "
                        f"{EARLIEST_RECEIPT:%Y-%m-%d})")
    export.set_defaults(func=_export)


def flatten(case_json: Mapping[str, Any]) -> dict[str, str]:
    """One CSV row: nested objects become `requester_email`-style columns, the history and the notes one JSON cell
    each."""
    row: dict[str, str] = {}
    for key, value in case_json.items():
        if key in ("history", "notes"):
            row[key] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, dict) or (value is None and key == "agent"):
            for sub_key, sub_value in (value or dict.fromkeys(("kind", "name", "contact", "evidence"))).items():
                row[f"{key}_{sub_key}"] = "" if sub_value is None else str(sub_value)
        elif isinstance(value, bool):
            row[key] = "true" if value else "false"
        else:
            row[key] = "" if value is None else str(value)
    return row


def _csv_header() -> list[str]:
    """The columns of every export, taken from an empty case so that they never drift from the JSON shape."""
    epoch = datetime(2000, 1, 1, tzinfo=UTC)
    empty = Case(id="", type="", status="", urgent=False, received_at=epoch, due_at=epoch, channel="",
                 description="", requester=Requester(name=""))
    return list(flatten(empty.to_json()))


def spreadsheet_safe(cell: str) -> str:
    """The cell as text a spreadsheet will not evaluate: a leading `'` when it would start a formula."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


@_database_command
def _export(args: argparse.Namespace) -> int:
    since = _since(args.since) if args.since else None
    cases = _store(_config()).export(actor=SERVER_OPERATOR, received_since=since)
    objects = [case.to_json() for case in cases]
    if args.format == "json":
        print(json.dumps(objects, ensure_ascii=False, indent=2))
        return 0
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=_csv_header(), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({column: spreadsheet_safe(cell) for column, cell in flatten(obj).items()} for obj in objects)
    sys.stdout.buffer.write(buffer.getvalue().encode("utf-8-sig"))
    sys.stdout.flush()
    return 0


# -- changes ------------------------------------------------------------------------------------------------


def _register_transition(verbs: Any) -> None:
    transition = verbs.add_parser(
        "transition",
        help="move a case to another status",
        description="Move a case along its lifecycle: new → acknowledged → in_progress ⇄ waiting_requester →\n"
        "resolved | refused | transferred; withdrawn from any open status. refused needs --ground and --reason;\n"
        "transferred needs --client; waiting_requester needs --waiting-for (what the requester is to send or\n"
        "decide; the due date does not pause). As with the buttons in Slack, resolved, refused, transferred or\n"
        "waiting_requester on an acknowledged case steps through in_progress first (two rows in the history, one\n"
        "commit); in_progress on a waiting case is Slack's \"Back to work\".\n\n"
        "Example: privacy-bot cases transition PRV-2026-0001 acknowledged --actor U0123MANAGER\n"
        "         privacy-bot cases transition PRV-2026-0001 waiting_requester --waiting-for identity_documents \\\n"
        "             --reason '運転免許証の写し' --actor U0123MANAGER",
        formatter_class=_HELP,
    )
    transition.add_argument("case_id", metavar="ID")
    transition.add_argument("status", metavar="STATUS", help=", ".join(Status))
    transition.add_argument("--actor", required=True, help="Slack user id of the person acting (manager, deputy, team)")
    transition.add_argument("--reason", help="why (required for refused; shown to the requester)")
    transition.add_argument("--ground", help="refusal ground id (for disclosure: life_or_rights, business_hindrance, "
                            "other_law)")
    transition.add_argument("--client", help="the client the request goes to (required for transferred)")
    transition.add_argument("--outcome", help="how it ended, e.g. fulfilled, no_data_held")
    transition.add_argument("--identity-override", metavar="REASON",
                            help="resolved only: why a disclosure, correction, deletion, suspension or third-party "
                            "stop is fulfilled before identity is verified (audited)")
    transition.add_argument("--waiting-for", help="what a waiting_requester case waits for: " + ", ".join(WAITING_FOR))
    transition.set_defaults(func=_transition)


@_database_command
def _transition(args: argparse.Namespace) -> int:
    if args.status not in Status.__members__.values():
        raise UsageError(f"unknown status {args.status!r}; use one of {', '.join(Status)} / 不明なステータスです")
    try:
        command = command_for_status(args.status, reason=args.reason, ground=args.ground, client=args.client,
                                     outcome=args.outcome, identity_override=args.identity_override,
                                     waiting_for=args.waiting_for)
    except ValidationError as exc:
        return _field_errors(exc)
    return _change(args.case_id, command, actor=args.actor)


def _register_extend(verbs: Any) -> None:
    extend = verbs.add_parser(
        "extend",
        help="move a case's due date later, with a reason",
        description="Extend the due date (not a status change); recorded in the history with the reason.\n\n"
        "Example: privacy-bot cases extend PRV-2026-0001 --due 2026-06-01 --reason '記録が大量' --actor U0123MANAGER",
        formatter_class=_HELP,
    )
    extend.add_argument("case_id", metavar="ID")
    extend.add_argument("--due", required=True, help="new due date (JST; a bare date means close of business; at "
                        "most a year from now)")
    extend.add_argument("--reason", required=True, help="why more time is needed")
    extend.add_argument("--actor", required=True, help="Slack user id of the person acting")
    extend.set_defaults(func=_extend)


@_database_command
def _extend(args: argparse.Namespace) -> int:
    config = _config()
    try:
        new_due = parse_moment(args.due, end_of_day=config.calendar)
    except ValueError:
        raise UsageError(f"--due {args.due!r} is not a date / 日付は 2026-06-01 の形で指定してください") from None
    return _change(args.case_id, Extend(new_due, args.reason), actor=args.actor, config=config)


def _register_assign(verbs: Any) -> None:
    assign = verbs.add_parser(
        "assign",
        help="give a case to a member of the privacy team",
        description="Assign an open case to the manager, the deputy or a privacy team member.\n\n"
        "Example: privacy-bot cases assign PRV-2026-0001 U0789AGENT --actor U0123MANAGER",
        formatter_class=_HELP,
    )
    assign.add_argument("case_id", metavar="ID")
    assign.add_argument("assignee", metavar="USER", help="Slack user id")
    assign.add_argument("--actor", required=True, help="Slack user id of the person acting")
    assign.set_defaults(func=_assign)


@_database_command
def _assign(args: argparse.Namespace) -> int:
    return _change(args.case_id, Assign(args.assignee), actor=args.actor)


def _register_note(verbs: Any) -> None:
    note = verbs.add_parser(
        "note",
        help="add an internal note to a case (the privacy team's eyes only)",
        description="Add an internal note: what happened on a call, which document was seen, what is next.\n"
        "Notes are shown to the privacy team only (the case's details in Slack, cases show), never in a channel;\n"
        "the history records that a note was added, not its text.\n\n"
        "Example: privacy-bot cases note PRV-2026-0001 --text '本人から折り返し。免許証で確認予定' --actor U0123MANAGER",
        formatter_class=_HELP,
    )
    note.add_argument("case_id", metavar="ID")
    note.add_argument("--text", required=True, help="the note (line breaks allowed)")
    note.add_argument("--actor", required=True, help="Slack user id of the person writing it")
    note.set_defaults(func=_note)


@_database_command
def _note(args: argparse.Namespace) -> int:
    return _change(args.case_id, AddNote(args.text), actor=args.actor,
                   done=lambda case: f"{case.id}  メモを追加 (note added)  #{case.notes[-1].id}  "
                                     f"{_local(case.notes[-1].at)}  計 {len(case.notes)}件 (notes)")


#: `cases edit` options → the editable fields they set (`intake.validation.EDITABLE_FIELDS`).
_EDIT_OPTIONS = {
    "name": "requester.name", "email": "requester.email", "phone": "requester.phone", "channel": "channel",
    "data_role": "data_role", "client": "client_name", "agent_kind": "agent.kind", "agent_name": "agent.name",
    "identity_status": "identity.status", "identity_method": "identity.method",
    "identity_document": "identity.document_type",
}


def _register_edit(verbs: Any) -> None:
    edit = verbs.add_parser(
        "edit",
        help="correct a case's requester details, channel, whose data, agent or identity check",
        description="Edit an open case: the same checks as at intake; an empty value ('') clears an optional\n"
        "field. The history records who changed which fields and when, never the values. Marking identity\n"
        "verified records who verified it and when.\n\n"
        "Example: privacy-bot cases edit PRV-2026-0001 --email taro@example.com --identity-status verified \\\n"
        "           --identity-method registered_email --actor U0123MANAGER",
        formatter_class=_HELP,
    )
    edit.add_argument("case_id", metavar="ID")
    edit.add_argument("--name", help="requester's name")
    edit.add_argument("--email", help="requester's email")
    edit.add_argument("--phone", help="requester's phone")
    edit.add_argument("--channel", help=f"how it arrived: {', '.join(CHANNELS)}")
    edit.add_argument("--data-role", help=f"{' or '.join(DATA_ROLES)}")
    edit.add_argument("--client", help="the client, when data_role is client_data")
    edit.add_argument("--agent-kind", help=f"代理人: {' or '.join(AGENT_KINDS)}")
    edit.add_argument("--agent-name", help="the agent's name")
    edit.add_argument("--identity-status", help=f"本人確認: {', '.join(IDENTITY_STATUSES)}")
    edit.add_argument("--identity-method", help=f"how identity was checked: {', '.join(IDENTITY_METHODS)}")
    edit.add_argument("--identity-document", help="ID document type seen (never a copy)")
    edit.add_argument("--actor", required=True, help="Slack user id of the person acting")
    edit.set_defaults(func=_edit)


@_database_command
def _edit(args: argparse.Namespace) -> int:
    changes = {name: getattr(args, option) or None for option, name in _EDIT_OPTIONS.items()
               if getattr(args, option) is not None}
    if not changes:
        raise UsageError("give at least one field to change, e.g. --email / 変更する項目を指定してください")
    return _change(args.case_id, EditDetails(changes), actor=args.actor,
                   done=lambda case: f"{case.id}  編集 (edited): {', '.join(_edited_fields(case))}")


def _edited_fields(case: Case) -> tuple[str, ...]:
    event = case.history[-1].event
    return event.fields if isinstance(event, DetailsEdited) else ()


def _change(case_id: str, command: Command, *, actor: str, config: Config | None = None,
            done: Callable[[Case], str] | None = None) -> int:
    """Hand one command to the desk and word its named failures: not found → 1, refused input → 2."""
    try:
        case = _desk(config or _config()).handle(case_id, command, actor=actor, now=utc_now())
    except CaseNotFound as exc:
        print(wording.not_found(exc.case_id), file=sys.stderr)
        return 1
    except NotAuthorised as exc:
        raise UsageError(wording.not_authorised(exc)) from None
    except InvalidTransition as exc:
        raise UsageError(wording.invalid_transition(exc)) from None
    except ValidationError as exc:
        return _field_errors(exc)
    print(done(case) if done else
          f"{case.id}  {case.status}  期限 (due) {_local(case.due_at)}  担当 (assignee) {case.assignee or '-'}")
    return 0


# -- reply drafts -------------------------------------------------------------------------------------------


def _register_draft(verbs: Any) -> None:
    draft = verbs.add_parser(
        "draft",
        help="a reply to the requester, drafted from the reviewed templates (never sent)",
        description="Print the reply the requester is owed at a stage of the case: the subject line, then the\n"
        "body, in Japanese business style (default) or English, from knowledge/replies.yaml filled from the\n"
        "case. Nothing is sent: copy it to the requester's verified channel, then mark it sent in Slack.\n"
        "A stage that does not fit the case (refusal on a case not refused) exits with code 2.\n\n"
        "Example: privacy-bot cases draft PRV-2026-0001 --stage receipt --lang en",
        formatter_class=_HELP,
    )
    draft.add_argument("case_id", metavar="ID")
    draft.add_argument("--stage", required=True, choices=[stage.value for stage in ReplyStage],
                       help="which reply: %(choices)s")
    draft.add_argument("--lang", choices=REPLY_LANGUAGES, help="the requester's language (default ja)")
    draft.add_argument("--actor", default=SERVER_OPERATOR, help="who reads it (a privileged Slack user id; default "
                       "operator, as for show)")
    draft.add_argument("--json", action="store_true",
                       help="one JSON object: case_id, stage, language, subject, body")
    draft.set_defaults(func=_draft)


@_database_command
def _draft(args: argparse.Namespace) -> int:
    config = _config()
    request_types = load_request_types()
    knowledge = LiveKnowledgeBase.unread(knowledge_dir(config))  # only the case's version is read
    try:
        case = _store(config).get(args.case_id, actor=args.actor)
        draft = draft_reply(case, ReplyStage(args.stage), language=reply_language(args.lang),
                            knowledge_base=case_knowledge_base(knowledge, case), request_types=request_types)
    except CaseNotFound:
        print(wording.not_found(args.case_id), file=sys.stderr)
        return 1
    except NotAuthorised as exc:
        raise UsageError(wording.not_authorised(exc)) from None
    except StageNotApplicable as exc:
        raise UsageError(wording.stage_not_applicable(exc)) from None
    except VersionUnreadable as exc:
        raise UsageError(wording.version_unreadable(exc)) from None
    if args.json:
        print(json.dumps({"case_id": case.id, "stage": draft.stage.value, "language": draft.language,
                          "policy_version": draft.policy_version, "subject": draft.subject, "body": draft.body},
                         ensure_ascii=False))
    else:
        print(draft.text())
        if draft.version_labels:  # on stderr, so that stdout stays the draft to copy
            print(f"privacy-bot: 受付時のポリシー（{draft.version_labels['ja']}）を引用しています "
                  f"(quotes the policy in force when {case.id} was received: {draft.version_labels['en']})",
                  file=sys.stderr)
    return 0


def _register_purge(verbs: Any) -> None:
    purge = verbs.add_parser(
        "purge",
        help="erase the personal data of cases closed before a date (retention)",
        description="Erase the requester's name, email and phone, the description, the agent's details, the ID\n"
        "document type and the notes' text of every case closed before DATE (Japan time), and the question text\n"
        "of answers given before it. Type, dates, status, outcome and the audit stay, and reports still count\n"
        "the cases; each case gets a 'purged' audit row naming the fields. The file is then rebuilt (VACUUM)\n"
        "so the erased values are gone from its bytes. The server does this daily when retention_days is set.\n\n"
        "Example: privacy-bot cases purge --closed-before 2025-04-01 --actor U0123MANAGER --dry-run",
        formatter_class=_HELP,
    )
    purge.add_argument("--closed-before", required=True, metavar="DATE", help="cases closed before this date (JST)")
    purge.add_argument("--actor", required=True, help="Slack user id of the person deciding (manager, deputy, team)")
    purge.add_argument("--dry-run", action="store_true", help="only count what would be erased")
    purge.add_argument("--json", action="store_true",
                       help="one JSON object: dry_run, closed_before, cases (ids), questions (texts of questions asked, erased or to erase)")
    purge.set_defaults(func=_purge)


@_database_command
def _purge(args: argparse.Namespace) -> int:
    try:
        closed_before = parse_moment(args.closed_before)
    except ValueError:
        closed_before = None
    if closed_before is None:
        raise UsageError(f"--closed-before {args.closed_before!r} is not a date like 2025-04-01 / 日付は 2025-04-01 の形で"
                         "指定してください")
    if closed_before > utc_now():
        raise UsageError("--closed-before must not be in the future / 未来の日付は指定できません")
    config = _config()
    if not config.is_privileged(args.actor):
        raise UsageError(wording.not_authorised(NotAuthorised(args.actor, "purge cases")))
    result = purge_closed(_desk(config), closed_before=closed_before, actor=args.actor, now=utc_now(),
                          dry_run=args.dry_run)
    if args.json:
        print(json.dumps({"dry_run": result.dry_run, "closed_before": _local(closed_before),
                          "cases": list(result.case_ids), "questions": result.feedback_rows},
                         ensure_ascii=False))
        return 0
    verb = "削除予定 (would erase)" if result.dry_run else "削除 (erased)"
    print(f"{verb}: 案件 (cases) {len(result.case_ids)}  質問文 (questions asked) {result.feedback_rows}")
    for case_id in result.case_ids:
        print(f"  {case_id}")
    return 0


# -- shared -------------------------------------------------------------------------------------------------


def _config() -> Config:
    try:
        return load_config()
    except ConfigError as exc:
        raise UsageError(f"the configuration is invalid / 設定ファイルに誤りがあります:\n{exc}") from None


def _store(config: Config) -> CaseStore:
    return CaseStore(open_db(), config=config)


def _desk(config: Config) -> CaseDesk:
    """Changes go through the desk, which owes the Slack messages they cause in the same transaction."""
    return CaseDesk(open_db(), config=config)


def _field_errors(exc: ValidationError) -> int:
    for line in wording.field_error_lines(exc):
        print(line, file=sys.stderr)
    return 2


def _since(value: str) -> datetime:
    """`--since`: a date no earlier than the first receipt a case can have (omit it to export every case)."""
    try:
        since = parse_moment(value)
    except ValueError:
        since = None
    if since is None or since < EARLIEST_RECEIPT:
        raise UsageError(f"--since {value!r} is not a date from {EARLIEST_RECEIPT:%Y-%m-%d} on, e.g. 2026-04-01 "
                         f"(leave it out to export every case) / {EARLIEST_RECEIPT:%Y-%m-%d} 以降の日付で指定してください")
    return since


def _local(moment: datetime) -> str:
    return moment.astimezone(JST).strftime("%Y-%m-%d %H:%M")
