"""Triage round 7 on inquiries invented for it (tests/intake/data/invented_triage_r7.yaml): a suspected leak told by
its evidence (an address or a number given to us alone now receiving unsolicited mail or calls), an account acted on
by someone else (a password or an address changed that nobody here changed), another firm's records named with an
honorific in what we sent; traps where a leak is denied or nothing has happened, or a lawyer is named only as a later
step; and plain requests whose act decides the type (stop using, stop passing it on, what became of my data).

The first 20 were written before the code was changed and scored then: 15 of them wrong (urgent recall 2/8, false urgent
3/12); r021, a guard on a disclaimer of a leak ("I'm not claiming…"), was added later and was wrong before its fix;
r022–r024 and OTHER_SERVICE guard the new mechanisms (mail from us is no evidence, a real threat beside a deferred
lawyer, another service's account) and were wrong after the first fix.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake import classify

SET = Path(__file__).resolve().parent / "data" / "invented_triage_r7.yaml"


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return yaml.safe_load(SET.read_text(encoding="utf-8"))


def test_the_set_is_well_formed(items: list[dict]) -> None:
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        # a threat makes any type urgent; a leak or an authority is always urgent
        assert item["urgent"] >= (item["type"] in ("leak_report", "authority_request")), item["id"]


#: Worries about another service's account (a mail provider's password changed): the writer's own matter elsewhere,
#: not a break-in here, whatever type the agent logs. Each paged the manager at the first fix of this round.
OTHER_SERVICE = [
    "Gmailのパスワードを変えた覚えがないのに変更通知が来ました。念のためCallConnectのパスワードも変えたほうがいいですか。",
    "Hi, my Gmail password was changed last night and I didn't change it myself. Do I need to change my CallConnect"
    " password as well?\nThanks, Jo",
]


@pytest.mark.parametrize("text", OTHER_SERVICE)
def test_another_services_account_is_not_a_break_in_here(text: str) -> None:
    assert not classify(text).urgent, classify(text).signals


@pytest.mark.parametrize("index", range(24))
def test_each_inquiry_gets_its_type_and_urgency(items: list[dict], index: int) -> None:
    item = items[index]
    result = classify(item["text"])
    assert (result.type, result.urgent) == (item["type"], item["urgent"]), (item["id"], result.signals, result.candidates)


def test_the_type_is_the_best_candidate(items: list[dict]) -> None:
    """The act lifts (stop using, stop passing on, what became of my data) leave the chosen type the best candidate."""
    for item in items:
        result = classify(item["text"])
        assert result.type == result.candidates[0][0] and all(s <= result.candidates[0][1] for _, s in result.candidates)
