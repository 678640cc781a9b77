"""Every id the core can store reads as a label in Slack: the tables follow the core's lists, not a copy of them."""
from __future__ import annotations

import pytest

from intake import Kind, Status, load_request_types
from intake import validation as core
from intake.outbox import DELIVERY_FAILED

from bot.views import case_labels, notices
from bot.views.case_labels import labelled


@pytest.mark.parametrize(
    ("table", "values"),
    [
        (case_labels.STATUSES, list(Status)),
        (case_labels.CHANNELS, core.CHANNELS),
        (case_labels.IDENTITY_STATUSES, core.IDENTITY_STATUSES),
        (case_labels.IDENTITY_METHODS, core.IDENTITY_METHODS),
        (case_labels.DATA_ROLES, core.DATA_ROLES),
        (case_labels.AGENT_KINDS, core.AGENT_KINDS),
    ],
)
def test_each_table_labels_the_cores_values_in_its_order(table: dict[str, str], values: list[str]) -> None:
    assert list(table) == list(values)
    assert all(" / " in text or text == "Slack" for text in table.values())  # Japanese, then English


def test_every_outcome_a_request_type_allows_has_a_label() -> None:
    outcomes = {outcome for request_type in load_request_types() for outcome in request_type.outcomes}
    assert outcomes == set(case_labels.OUTCOMES)


@pytest.mark.parametrize("kind", [*Kind, DELIVERY_FAILED])
def test_every_outbox_kind_is_named_in_words_when_it_fails(kind: str) -> None:
    line = notices.failed_delivery_line(case_id="PR-2026-0001", kind=kind, recipient="U0MANAGER", error="x")
    named = line.split("* ", 1)[1].split(" → ")[0]
    assert named != kind and " / " in named  # 「案件カード（DM） / case card (DM)」, not the bare id


def test_a_value_the_core_gained_without_a_label_is_refused() -> None:
    with pytest.raises(LookupError, match="missing \\['closed'\\]"):
        labelled(["open", "closed"], {"open": "開 / Open"})


def test_a_label_for_a_value_the_core_no_longer_has_is_refused() -> None:
    with pytest.raises(LookupError, match="unknown \\['gone'\\]"):
        labelled(["open"], {"open": "開 / Open", "gone": "旧 / Gone"})
