"""`privacy-bot doctor`: check the setup the way the running bot will meet it, one line per check.

Every mistake here otherwise shows up late and quietly: a token without a scope fails on the first urgent case, a
wrong manager id stores cases that reach nobody, a bot outside the escalation channel leaves urgent cases unposted.
Each check asks Slack (or the database, or the knowledge files) the very question the bot will ask, with the scopes
the bot already has (no extra permission just to be checked):

- the credentials `serve` (or `serve --http`) needs, and auth.test: Slack accepts the bot token, and its granted
  scopes (`x-oauth-scopes`) include every one app_manifest.yaml declares; in Socket Mode, apps.connections.open
  with the app token (the URL it returns is never connected to);
- the manager, the deputy and each privacy team member: conversations.open, which is how every case card starts,
  and fails for a member id that does not exist, is deactivated or is a bot;
- the escalation channel: conversations.history of one message, the call the outbox makes after a crash, which
  fails with `not_in_channel` / `channel_not_found` when the bot is not a member;
- the database: opened, migrated and written to (rolled back); the knowledge base: `kb check` of every version
  held, and a line per version with review items left (a warning while it is upcoming, a failure once in force);
- the outbox: how many messages Slack refused for good. `--retry-failed` queues them again once every other check
  passes (the running `serve` sends them).

Output: `ok`, `warn` (passes, but something is due soon), `FAIL` (with what to do) or `skip` per line; exit 1 when
any check fails, 2 on bad usage.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.error import URLError

import sqlite_utils
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import Settings, SettingsError, build_client
from bot import migrations as bot_migrations
from bot.settings import BOT_SCOPES, slack_error
from common.clock import utc_now
from gaps import db as gaps_db
from intake import Config, ConfigError, Outbox, OutboxRow, load_config
from intake.config import default_config_path
from intake.db import HISTORY as CORE_HISTORY
from intake.db import MIGRATIONS, default_db_path, open_db
from knowledge.check import BUNDLED_DIR
from knowledge.check_versions import check_version, held_versions
from knowledge.versions import day_in_japan, read_catalog
from privacy_bot.cli import UsageError
from privacy_bot.knowledge_in_use import knowledge_dir_from_env
from privacy_bot.setup_summary import describe_knowledge

#: Failed deliveries named on the outbox line; `cases list` marks every affected case.
FAILED_NAMED = 3
#: Review items named on a version's review line; `kb check` lists every one with its line.
REVIEW_NAMED = 3

_WHO = {
    "user_not_found": "no such member in this workspace: copy the member id from their profile's ⋮ menu",
    "user_disabled": "this member is deactivated: name someone else",
    "user_not_visible": "the bot may not see this member (a guest or another workspace): name a full member",
    "cannot_dm_bot": "this id is a bot, not a person: name a person",
}
_CHANNEL = {
    "not_in_channel": "the bot is not a member: run /invite @privacy-bot in that channel",
    "channel_not_found": "no such channel, or a private one the bot is not in: check escalation_channel and "
                         "invite the bot (/invite @privacy-bot)",
    "is_archived": "the channel is archived: point escalation_channel to a live one",
}


@dataclass(frozen=True)
class Result:
    """One line of the report: `ok` True / False (FAIL) / None (skipped, something it needs failed first); `warn`
    marks a check that passes with something to do before a date (a revision's review before it takes effect)."""

    name: str
    ok: bool | None
    detail: str
    warn: bool = False

    def line(self) -> str:
        status = "warn" if self.warn else {True: "ok", False: "FAIL", None: "skip"}[self.ok]
        return f"{status:<5} {self.name}: {' '.join(self.detail.split())}"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check tokens, scopes, people, escalation channel, database, knowledge base and outbox",
        description="Check the setup the way the running bot will use it: Slack credentials and scopes, the\n"
        "manager, deputy and privacy team, the escalation channel, the database, the knowledge base and\n"
        "messages Slack refused for good. One line per check; exit 1 when any fails.\n\n"
        "Example: privacy-bot doctor\n"
        "         privacy-bot doctor --http            # the credentials serve --http needs\n"
        "         privacy-bot doctor --retry-failed    # after fixing what it reported: send failed messages again",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--http", action="store_true",
                        help="check SLACK_SIGNING_SECRET (serve --http) instead of SLACK_APP_TOKEN (Socket Mode)")
    parser.add_argument("--retry-failed", action="store_true",
                        help="when every other check passes, queue the failed deliveries again")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    results: list[Result] = []
    config = _config(results)
    slack = _slack(results, http=args.http)
    results += _people(slack, config)
    results += _escalation_channel(slack, config)
    db = _database(results)
    results += _knowledge(config)
    results.append(_outbox(db, retry=args.retry_failed, others_ok=all(r.ok is not False for r in results)))
    for result in results:
        print(result.line())
    return 1 if any(result.ok is False for result in results) else 0


# -- configuration ----------------------------------------------------------------------------------------


def _config(results: list[Result]) -> Config | None:
    path = default_config_path()
    try:
        config = load_config(path)
    except ConfigError as exc:
        results += [Result("config", False, str(problem)) for problem in exc.problems]
        return None
    if path is None:
        results.append(Result("config", False, "no privacy-bot.yaml in this directory and PRIVACY_BOT_CONFIG is not "
                                               "set: built-in defaults notify nobody; create it with manager: U…"))
    else:
        results.append(Result("config", True, str(path)))
    return config


# -- Slack ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Slack:
    """A bot client Slack has accepted; None in its place means the Slack checks are skipped."""

    client: WebClient


def _slack(results: list[Result], *, http: bool) -> _Slack | None:
    try:
        settings = Settings.from_env(os.environ, mode="http" if http else "socket")
    except SettingsError as exc:
        results.append(Result("credentials", False, str(exc)))
        return None
    client = build_client(settings)
    try:
        identity = client.auth_test()
    except SlackApiError as exc:
        results.append(Result("bot token", False, f"Slack rejected SLACK_BOT_TOKEN ({slack_error(exc.response)}):"
                                                  " copy it again from OAuth & Permissions"))
        return None
    except (URLError, OSError) as exc:
        results.append(Result("bot token", False, f"cannot reach Slack at {settings.api_url} "
                                                  f"({getattr(exc, 'reason', None) or exc}): check SLACK_API_URL"
                                                  " and the network"))
        return None
    results.append(Result("bot token", True, f"Slack accepts it (bot {identity.get('user_id')}, "
                                             f"team {identity.get('team_id')})"))
    results.append(_scopes(identity.headers))
    if settings.app_token is not None:
        results.append(_app_token(settings))
    return _Slack(client)


def _scopes(headers: dict[str, Any]) -> Result:
    value = next((v for k, v in headers.items() if k.lower() == "x-oauth-scopes"), None)
    if value is None:
        return Result("scopes", None, "Slack did not list the token's scopes")
    granted = {scope.strip() for scope in (value[0] if isinstance(value, list) else str(value)).split(",")}
    missing = sorted(BOT_SCOPES - granted)
    if missing:
        return Result("scopes", False, f"the token lacks {', '.join(missing)}: re-import app_manifest.yaml (App "
                                       "Manifest), then reinstall the app (Install App) and use the new token")
    return Result("scopes", True, f"all {len(BOT_SCOPES)} scopes app_manifest.yaml declares")


def _app_token(settings: Settings) -> Result:
    assert settings.app_token is not None
    client = WebClient(token=settings.app_token, base_url=settings.api_url, timeout=10)
    try:
        client.apps_connections_open(app_token=settings.app_token)
    except SlackApiError as exc:
        return Result("app token", False, f"Slack rejected SLACK_APP_TOKEN ({slack_error(exc.response)}): generate"
                                          " one with connections:write under Basic Information > App-Level Tokens")
    except (URLError, OSError) as exc:
        return Result("app token", False, f"cannot reach Slack ({getattr(exc, 'reason', None) or exc})")
    return Result("app token", True, "Slack accepts it for Socket Mode")


def _people(slack: _Slack | None, config: Config | None) -> Iterator[Result]:
    if config is None:
        return
    if config.manager is None:
        yield Result("manager", False, "not set: cases are stored but reach nobody; add manager: U… (the member id of "
                                       "the 個人情報管理責任者) to privacy-bot.yaml")
    roles = [("manager", config.manager), ("deputy", config.deputy),
             *(("privacy team", member) for member in config.privacy_team)]
    for role, user in roles:
        if user is None:
            if role == "deputy":
                yield Result("deputy", True, "not set (optional: urgent cases then reach the manager only)")
            continue
        yield _ask_slack(f"{role} {user}", slack, lambda client: client.conversations_open(users=user),
                         ok="the bot can DM them", refused="the bot cannot DM them ({error}): {hint}", hints=_WHO,
                         otherwise="check the id in privacy-bot.yaml")


def _escalation_channel(slack: _Slack | None, config: Config | None) -> Iterator[Result]:
    if config is None:
        return
    channel = config.escalation_channel
    if channel is None:
        yield Result("escalation channel", True, "not set (optional: urgent cases then go by DM only)")
        return
    yield _ask_slack(f"escalation channel {channel}", slack,
                     lambda client: client.conversations_history(channel=channel, limit=1),
                     ok="the bot is a member", refused="{error}: {hint}", hints=_CHANNEL,
                     otherwise="check escalation_channel")


def _ask_slack(name: str, slack: _Slack | None, question: Callable[[WebClient], object], *, ok: str, refused: str,
               hints: Mapping[str, str], otherwise: str) -> Result:
    """One check that asks Slack what the bot will ask: skipped when Slack did not accept the credentials, FAIL
    with Slack's error and what to do about it (`hints` by error code, `otherwise` for the rest) when it refuses."""
    if slack is None:
        return Result(name, None, "not checked: Slack did not accept the credentials")
    try:
        question(slack.client)
    except SlackApiError as exc:
        hint = hints.get(str(exc.response.get("error")), otherwise)
        return Result(name, False, refused.format(error=slack_error(exc.response), hint=hint))
    return Result(name, True, ok)


# -- local ------------------------------------------------------------------------------------------------


def _database(results: list[Result]) -> sqlite_utils.Database | None:
    path = default_db_path()
    name = f"database {path.resolve()}"
    existed = path.exists()
    histories = ((CORE_HISTORY, MIGRATIONS), (bot_migrations.HISTORY, bot_migrations.BOT_MIGRATIONS),
                 (gaps_db.HISTORY, gaps_db.GAP_MIGRATIONS))
    try:
        db = open_db(path)  # creates and migrates both layers' tables, as serve does at start
        bot_migrations.migrate(db)
        gaps_db.migrate(db)
        applied = {history: {row[0] for row in db.conn.execute(f"SELECT name FROM {history}")}
                   for history, _ in histories}
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            db.conn.execute(f"UPDATE {CORE_HISTORY} SET applied_at = applied_at")  # proves we may write
        finally:
            db.conn.execute("ROLLBACK")
    except (sqlite3.Error, OSError) as exc:
        results.append(Result(name, False, f"{exc}: check PRIVACY_BOT_DB and that this user may write the file and "
                                           "its directory"))
        return None
    unknown = sorted(name for history, known in histories
                     for name in applied[history] - {migration.name for migration in known})
    if unknown:
        results.append(Result(name, False, f"written by a newer privacy-bot (unknown migrations {', '.join(unknown)})"
                                           ": upgrade privacy-bot"))
        return db
    count = sum(len(known) for _, known in histories)
    created = "" if existed else " (created now)"
    results.append(Result(name, True, f"writable, schema up to date ({count} migrations){created}"))
    return db


def _knowledge(config: Config | None) -> list[Result]:
    """The knowledge base in use, as `serve` would load it (PRIVACY_BOT_KB, else the configuration's knowledge_dir,
    else the bundled copy), checked as `kb check` checks it: every version held, then a line per version with
    review items left."""
    name = "knowledge base"
    try:
        directory = knowledge_dir_from_env() or (config.knowledge_dir or BUNDLED_DIR if config else None)
    except UsageError as exc:
        return [Result(name, False, str(exc))]
    if directory is None:
        return [Result(name, None, "not checked: the configuration did not load (its knowledge_dir is unknown)")]
    catalog = read_catalog(directory)
    checks = [check_version(held) for held in held_versions(catalog, day_in_japan(utc_now()))]
    problems = [*(str(problem) for problem in catalog.problems), *(line for c in checks for line in c.problems)]
    if problems:
        return [Result(name, False, f"{len(problems)} problem(s), first: {problems[0]}; run privacy-bot kb check "
                                    f"{directory}")]
    in_force = next(check for check in checks if check.held.standing == "in_force")
    every = f" (all {len(checks)} versions)" if len(checks) > 1 else ""
    results = [Result(name, True, f"{describe_knowledge(directory)}: {len(in_force.files.policy)} policy entries, "
                                  f"{len(in_force.files.faq)} FAQ entries pass kb check{every}")]
    for check in checks:
        record = check.held.record
        if record is None or not record.review:
            continue
        due = check.held.review_is_due
        named = ", ".join(item.id for item in record.review[:REVIEW_NAMED])
        more = ", …" if len(record.review) > REVIEW_NAMED else ""
        when = "now (the bot answers from this version)" if due else f"before {check.held.version.effective}"
        results.append(Result(f"review of version {check.held.key}", not due,
                              f"{len(record.review)} item(s) left ({named}{more}), due {when}: privacy-bot kb check "
                              f"{directory} lists them", warn=not due))
    return results


def _outbox(db: sqlite_utils.Database | None, *, retry: bool, others_ok: bool) -> Result:
    if db is None:
        return Result("outbox", None, "not checked: the database did not open")
    outbox = Outbox(db)
    failed = outbox.failed()
    if not failed:
        pending = outbox.counts().get("pending", 0)
        return Result("outbox", True, f"0 failed deliveries ({pending} pending)")
    what = f"{len(failed)} failed deliveries ({_named(failed)})"
    if retry and others_ok:
        queued = outbox.requeue_failed(now=utc_now())
        return Result("outbox", True, f"{what}: {queued} queued again; the running privacy-bot serve sends them")
    if retry:
        return Result("outbox", False, f"{what}: not queued again while another check fails; fix it first")
    return Result("outbox", False, f"{what}: fix the cause (see the Slack notice or the lines above), then run "
                                   "privacy-bot doctor --retry-failed")


def _named(failed: list[OutboxRow]) -> str:
    named = [f"{row.case_id or '-'} {row.kind} to {row.recipient}: {row.last_error}" for row in failed[:FAILED_NAMED]]
    more = f"; {len(failed) - FAILED_NAMED} more" if len(failed) > FAILED_NAMED else ""
    return "; ".join(named) + more
