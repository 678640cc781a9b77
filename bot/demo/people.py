"""The demo's cast and workspace: who can be played in the page, and the configuration that gives them their
roles, so the person switcher shows what each role really gets (the outsider is refused what the team sees)."""
from __future__ import annotations

from dataclasses import dataclass

from intake import Config

__all__ = ["CHANNELS", "ESCALATION_CHANNEL", "PEOPLE", "SUPPORT_CHANNEL", "Person", "demo_config"]

SUPPORT_CHANNEL = "C0SUPPORT"
ESCALATION_CHANNEL = "C0PRIVACY"
#: Channel ids and the names the page shows for them.
CHANNELS = {SUPPORT_CHANNEL: "support", ESCALATION_CHANNEL: "privacy-escalation"}


@dataclass(frozen=True)
class Person:
    """Someone the page can write as: a Slack user id, a name and what they are in the demo."""

    id: str
    name: str
    role: str


PEOPLE = (
    Person("U0STAFF", "佐藤 (support staff)", "staff"),
    Person("U0AGENT", "鈴木 (agent)", "agent"),
    Person("U0MANAGER", "高橋 (privacy manager)", "manager"),
    Person("U0DEPUTY", "田中 (deputy)", "deputy"),
    Person("U0OUTSIDER", "伊藤 (outside the team)", "outsider"),
)


def demo_config() -> Config:
    """The manager and deputy configured, urgent cases escalated to #privacy-escalation; agents and staff hold
    no privilege, as in a real team."""
    by_role = {person.role: person.id for person in PEOPLE}
    return Config(manager=by_role["manager"], deputy=by_role["deputy"], escalation_channel=ESCALATION_CHANNEL)
