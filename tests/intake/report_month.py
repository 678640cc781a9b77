"""June 2026, generated: nine cases logged and worked through the desk at chosen moments, with the figures a
person counts by hand from this list (the expectations of tests/intake/test_report.py and the CLI test).

June 2026 has no national holiday; its business days are every weekday.

    id  type         channel   received (JST)      acknowledged       closed                  due
    A   deletion     phone     Mon 06-01 11:00     06-01 15:00 (0)    resolved 06-04 (3)      06-12
    B   disclosure   email     Tue 06-02 19:00*    06-03 10:30 (0)    refused other_law 06-10 (5)   06-17
    C   leak_report  web_form  Fri 06-05 11:00 !   06-05 11:45 (0; 45 min)  resolved 06-12 15:00 (5)  06-12
    D   general      email     Mon 06-08 11:00     06-10 11:00 (2)    open; extended 06-11 to 07-10  06-15
    E   disclosure   letter    Tue 06-09 11:00     never              open                    06-15 → overdue
    F   leak_report  phone     Mon 06-15 09:00 !   06-15 12:00 (0; 180 min)  withdrawn 06-16 (1)   06-16
    G   deletion     email     Mon 05-25 11:00     06-01 10:00 (5)    resolved 06-03 (7)      05-29 → overdue in June
    H   complaint    slack     Tue 06-30 23:00*    never              open                    07-10
    I   general      email     Wed 07-01 00:30     (July: not in June's figures)              07-10

    * after hours: counts from the next business day.   ! urgent (by type).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from intake import (
    JST,
    Acknowledge,
    CaseDesk,
    Extend,
    Refuse,
    Resolve,
    Withdraw,
    load_request_types,
    validate_new_case,
)
from intake.report import Month

__all__ = ["EXPECTED", "JUNE", "PERSONAL_VALUES", "generate_june"]

JUNE = Month(2026, 6)


def _at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=JST)


#: Each case's requester details, so the retention tests can look for them in the database file's bytes.
PERSONAL_VALUES: dict[str, dict[str, str]] = {
    letter: {"name": f"依頼者{letter}山田", "email": f"requester.{letter.lower()}@example.com",
             "phone": f"090-1111-22{index:02d}", "description": f"私のデータ{letter}を確認してほしい（秘密の経緯{letter}）"}
    for index, letter in enumerate("ABCDEFGHI")
}

_CASES: list[tuple[str, str, str, datetime, datetime]] = [
    ("A", "deletion", "phone", _at(6, 1, 11), _at(6, 12, 18)),
    ("B", "disclosure", "email", _at(6, 2, 19), _at(6, 17, 18)),
    ("C", "leak_report", "web_form", _at(6, 5, 11), _at(6, 12, 18)),
    ("D", "general", "email", _at(6, 8, 11), _at(6, 15, 18)),
    ("E", "disclosure", "letter", _at(6, 9, 11), _at(6, 15, 18)),
    ("F", "leak_report", "phone", _at(6, 15, 9), _at(6, 16, 18)),
    ("G", "deletion", "email", _at(5, 25, 11), _at(5, 29, 18)),
    ("H", "complaint", "slack", _at(6, 30, 23), _at(7, 10, 18)),
    ("I", "general", "email", _at(7, 1, 0, 30), _at(7, 10, 18)),
]


def generate_june(desk: CaseDesk, *, actor: str) -> dict[str, str]:
    """Log and work the cases above through `desk` as `actor` (a privileged id); returns letter → case id."""
    ids: dict[str, str] = {}
    for letter, type_id, channel, received, due in sorted(_CASES, key=lambda case: case[3]):
        values = PERSONAL_VALUES[letter]
        data: dict[str, Any] = {
            "type": type_id, "channel": channel, "description": values["description"],
            "requester": {"name": values["name"], "email": values["email"], "phone": values["phone"]},
            "received_at": received.isoformat(), "due_at": due.isoformat(),
            "identity": {"status": "verified", "method": "registered_email"},
        }
        new = validate_new_case(data, request_types=load_request_types(), config=desk.config, now=received)
        ids[letter] = desk.log(new, actor=actor, now=received, confirm=False).id

    def do(letter: str, command: Any, moment: datetime) -> None:
        desk.handle(ids[letter], command, actor=actor, now=moment)

    do("G", Acknowledge(), _at(6, 1, 10))
    do("A", Acknowledge(), _at(6, 1, 15))
    do("G", Resolve("fulfilled"), _at(6, 3, 14))
    do("B", Acknowledge(), _at(6, 3, 10, 30))
    do("A", Resolve("fulfilled"), _at(6, 4, 16))
    do("C", Acknowledge(), _at(6, 5, 11, 45))
    do("D", Acknowledge(), _at(6, 10, 11))
    do("B", Refuse("other_law", "他の法令に違反するおそれがあるため"), _at(6, 10, 17))
    do("D", Extend(_at(7, 10, 18), "確認に時間を要するため"), _at(6, 11, 12))
    do("C", Resolve("reported"), _at(6, 12, 15))
    do("F", Acknowledge(), _at(6, 15, 12))
    do("F", Withdraw(), _at(6, 16, 11))
    return ids


#: June's figures, counted by hand from the table in the module docstring.
EXPECTED: dict[str, Any] = {
    "received": 7,  # A B C D E F H
    "by_type": {"disclosure": 2, "leak_report": 2, "deletion": 1, "general": 1, "complaint": 1},
    "by_channel": {"phone": 2, "email": 2, "web_form": 1, "letter": 1, "slack": 1},
    "acknowledge_days": (6, 0.0, 5.0),  # [0, 0, 0, 0, 2, 5]: count, median, nearest-rank p90 (6th of 6)
    "close_days": (5, 5.0, 7.0),  # [1, 3, 5, 5, 7]
    "closed_by_status": {"resolved": 3, "refused": 1, "withdrawn": 1},
    "overdue": 2,  # E, G
    "extended": 1,  # D
    "refusals_by_ground": {"other_law": 1},
    "urgent": 2,  # C, F
    "urgent_acknowledge_minutes": (2, 112.5, 180.0),  # [45, 180]
    "open_at_end": 3,  # D E H
}
