"""The operator's configuration (design.md): who may act on cases, where urgent cases go, and the clocks.

Loading validates everything up front and reports every problem as `file:line: message`, because a bot that
half-starts with a mistyped manager id would silently route personal data nowhere (or to the wrong person).
Without a file the defaults suit a trial: cases can be logged, listed and classified, but nobody is privileged
until a manager is configured, so nothing personal is ever shown to an unconfigured audience.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any


from common.yaml_lines import Located, YamlReader
from intake.calendar import (
    DEFAULT_COMPANY_HOLIDAYS,
    BusinessCalendar,
    BusinessHours,
    HolidayRule,
    parse_holiday,
)
from intake.errors import ConfigError
from intake.request_types import load_request_types

__all__ = ["CONFIG_ENV", "DEFAULT_CONFIG_PATH", "Config", "default_config_path", "load_config"]

CONFIG_ENV = "PRIVACY_BOT_CONFIG"
DEFAULT_CONFIG_PATH = Path("privacy-bot.yaml")

_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,}$")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
#: Keys that look like settings but are not, with what to do instead.
_NOT_SETTINGS = {
    "language": "language is not a setting: each reply follows the language of its question, and case messages "
    "are in Japanese with English; remove this line",
}


def _default_sla() -> dict[str, int]:
    return {request_type.id: request_type.sla_business_days for request_type in load_request_types()}


@dataclass(frozen=True)
class Config:
    """Validated settings; `sla_days` holds every request type's effective SLA (defaults plus overrides)."""

    manager: str | None = None
    deputy: str | None = None
    privacy_team: tuple[str, ...] = ()
    escalation_channel: str | None = None
    sla_days: dict[str, int] = field(default_factory=_default_sla)
    reminder_ladder: tuple[int, ...] = (3, 1)
    business_hours: BusinessHours = field(default_factory=BusinessHours)
    company_holidays: tuple[HolidayRule, ...] = DEFAULT_COMPANY_HOLIDAYS
    escalation_ack_minutes: int = 60
    source: str | None = None
    #: Erase the personal data of cases closed this many days ago (`intake.retention`); None: never (the default).
    retention_days: int | None = None
    #: The knowledge base directory in use (`knowledge_dir`, relative to the configuration file); None: bundled.
    knowledge_dir: Path | None = None

    def is_privileged(self, user_id: str | None) -> bool:
        """Whether this Slack user may act on cases and read their personal data."""
        return bool(user_id) and (user_id == self.manager or user_id == self.deputy or user_id in self.privacy_team)

    @property
    def calendar(self) -> BusinessCalendar:
        return BusinessCalendar(company_holidays=self.company_holidays, hours=self.business_hours)


def default_config_path() -> Path | None:
    """`PRIVACY_BOT_CONFIG` when set, else `./privacy-bot.yaml` when it exists, else None (built-in defaults)."""
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    return DEFAULT_CONFIG_PATH if DEFAULT_CONFIG_PATH.exists() else None


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate the configuration; raise `ConfigError` listing every problem found."""
    target = Path(path) if path is not None else default_config_path()
    if target is None:
        return Config()
    parser = _Parser(target)
    root = parser.load()
    if root is None:
        raise ConfigError(parser.problems)
    if root.value is None:
        return Config(source=str(target))
    return parser.parse(root)


class _Parser(YamlReader):
    """Turns located YAML into a `Config`, collecting a `Problem` for each bad value."""

    def parse(self, root: Located) -> Config:
        if not isinstance(root.value, dict):
            self.fail(root, "the configuration must be a mapping of settings (manager: U…, deputy: U…, ...)")
            raise ConfigError(self.problems)
        readers: dict[str, Callable[[Located], Any]] = {
            "manager": lambda node: self.slack_id(node, "manager", _USER_ID, "a Slack user id (U… or W…)"),
            "deputy": lambda node: self.slack_id(node, "deputy", _USER_ID, "a Slack user id (U… or W…)"),
            "privacy_team": self.privacy_team,
            "escalation_channel": lambda node: self.slack_id(
                node, "escalation_channel", _CHANNEL_ID, "a Slack channel id (C… or G…)"
            ),
            "sla_days": self.sla_days,
            "reminder_ladder": self.reminder_ladder,
            "business_hours": self.business_hours,
            "company_holidays": self.company_holidays,
            "escalation_ack_minutes": lambda node: self.positive_int(node, "escalation_ack_minutes"),
            "retention_days": lambda node: self.positive_int(node, "retention_days"),
            "knowledge_dir": self.knowledge_dir,
        }
        values: dict[str, Any] = {}
        for key, node in root.value.items():
            reader = readers.get(key)
            if reader is None:
                self.fail(node, _NOT_SETTINGS.get(key) or f"unknown setting {key!r} (known: {', '.join(readers)})")
                continue
            value = reader(node)
            if value is not None:
                values[key] = value
        if self.problems:
            raise ConfigError(self.problems)
        return Config(**values, source=self.path)

    def slack_id(self, node: Located, name: str, pattern: re.Pattern[str], what: str) -> str | None:
        if node.value is None:
            return None
        if not isinstance(node.value, str) or not pattern.match(node.value.strip()):
            self.fail(node, f"{name} must be {what}, not {node.value!r}")
            return None
        return node.value.strip()

    def privacy_team(self, node: Located) -> tuple[str, ...] | None:
        if node.value is None:
            return ()
        if not isinstance(node.value, list):
            self.fail(node, "privacy_team must be a list of Slack user ids, e.g. [U0789AGENT]")
            return None
        ids = [self.slack_id(item, "privacy_team entry", _USER_ID, "a Slack user id (U… or W…)") for item in node.value]
        return tuple(user_id for user_id in ids if user_id)

    def positive_int(self, node: Located, name: str) -> int | None:
        if isinstance(node.value, bool) or not isinstance(node.value, int) or node.value < 1:
            self.fail(node, f"{name} must be a positive whole number, not {node.value!r}")
            return None
        return int(node.value)

    def knowledge_dir(self, node: Located) -> Path | None:
        """An existing directory; a relative path is taken from the configuration file's directory, so the
        setting means the same whichever directory the bot is started from."""
        if not isinstance(node.value, str) or not node.value.strip():
            self.fail(node, f"knowledge_dir must be the path of a directory (see privacy-bot kb init), not {node.value!r}")
            return None
        directory = Path(self.path).parent / Path(node.value.strip()).expanduser()
        if not directory.is_dir():
            what = "is not a directory" if directory.exists() else "does not exist"
            self.fail(node, f"knowledge_dir {str(directory)!r} {what}: create it with privacy-bot kb init DIR")
            return None
        return directory

    def sla_days(self, node: Located) -> dict[str, int] | None:
        if not isinstance(node.value, dict):
            self.fail(node, "sla_days must map request type ids to business days, e.g. {disclosure: 10}")
            return None
        sla = _default_sla()
        for type_id, days in node.value.items():
            if type_id not in sla:
                self.fail(days, f"sla_days: unknown request type {type_id!r} (known: {', '.join(sla)})")
                continue
            value = self.positive_int(days, f"sla_days.{type_id}")
            if value is not None:
                sla[type_id] = value
        return sla

    def reminder_ladder(self, node: Located) -> tuple[int, ...] | None:
        if not isinstance(node.value, list):
            self.fail(node, "reminder_ladder must be a list of business days before the due date, e.g. [3, 1]")
            return None
        steps = [self.positive_int(item, "reminder_ladder entry") for item in node.value]
        return tuple(sorted({step for step in steps if step is not None}, reverse=True))

    def clock(self, node: Located | None, name: str) -> time | None:
        if node is None:
            return None
        value = node.value
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads an unquoted 10:00 as the base-60 number 600; take it back to the time it was.
            value = f"{value // 60}:{value % 60:02d}"
        match = _TIME.match(value) if isinstance(value, str) else None
        if not match:
            self.fail(node, f"business_hours.{name} must be a time like \"10:00\", not {node.value!r}")
            return None
        return time(int(match.group(1)), int(match.group(2)))

    def business_hours(self, node: Located) -> BusinessHours | None:
        if not isinstance(node.value, dict):
            self.fail(node, "business_hours must be a mapping like {start: \"10:00\", end: \"18:00\"}")
            return None
        for key in node.value.keys() - {"start", "end"}:
            self.fail(node.value[key], f"business_hours: unknown key {key!r} (use start and end)")
        defaults = BusinessHours()
        start = self.clock(node.value.get("start"), "start") if "start" in node.value else defaults.start
        end = self.clock(node.value.get("end"), "end") if "end" in node.value else defaults.end
        if start is None or end is None:
            return None
        if start >= end:
            self.fail(node, f"business_hours: start {start:%H:%M} must be before end {end:%H:%M}")
            return None
        return BusinessHours(start, end)

    def company_holidays(self, node: Located) -> tuple[HolidayRule, ...] | None:
        if node.value is None:
            return ()
        if not isinstance(node.value, list):
            self.fail(node, 'company_holidays must be a list such as ["12-29..01-03", "2026-08-14"]')
            return None
        rules = []
        for item in node.value:
            try:
                if not isinstance(item.value, (str, date)) or isinstance(item.value, datetime):
                    raise ValueError
                rules.append(parse_holiday(item.value))
            except ValueError:
                self.fail(
                    item,
                    f"company_holidays: {item.value!r} is not a date: use YYYY-MM-DD, MM-DD (every year) "
                    "or a range FIRST..LAST of either",
                )
        return tuple(rules)
