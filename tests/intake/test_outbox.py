"""The outbox and the routing rules of the core, without Slack: what is owed, to whom, once."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from intake import JST, Acknowledge, Case, CaseDesk, Config, Kind, NotAuthorised, Outbox, load_request_types, open_db, validate_new_case
from intake.outbox import DELIVERY_FAILED, OutboxRow, failure_notice_recipients
from intake.routing import business_minutes_between
from tests.intake.conftest import AGENT, DEPUTY, MANAGER, NOW, STRANGER, intake_fields


def rows(desk: CaseDesk) -> list[tuple[str, str]]:
    return [(row["kind"], row["recipient"]) for row in desk.db.query("SELECT * FROM outbox ORDER BY id")]


class TestRouting:
    def test_a_new_case_owes_the_managers_card_and_the_agents_confirmation(self, db_path, config: Config) -> None:
        desk = CaseDesk(open_db(db_path), config=config)
        new = validate_new_case(intake_fields(), request_types=load_request_types(), config=config, now=NOW)
        desk.log(new, actor=AGENT, now=NOW)
        assert rows(desk) == [(Kind.CASE_CARD, MANAGER), (Kind.CONFIRMATION, AGENT)]

    def test_an_urgent_case_also_owes_the_deputy_and_the_channel(self, db_path, config: Config) -> None:
        desk = CaseDesk(open_db(db_path), config=config)
        new = validate_new_case(intake_fields(type="leak_report"), request_types=load_request_types(),
                                config=config, now=NOW)
        desk.log(new, actor=AGENT, now=NOW)
        assert rows(desk) == [(Kind.CASE_CARD, MANAGER), (Kind.CASE_CARD, DEPUTY),
                              (Kind.ESCALATION_POST, "C0PRIVACY"), (Kind.CONFIRMATION, AGENT)]

    def test_a_submission_logged_again_under_one_of_its_keys_is_the_same_case_and_owes_nothing(
            self, db_path, config: Config) -> None:
        desk = CaseDesk(open_db(db_path), config=config)
        new = validate_new_case(intake_fields(), request_types=load_request_types(), config=config, now=NOW)
        case, created = desk.log_once(new, keys=["view:V1", "message:C1:1.2"], actor=AGENT, now=NOW)
        owed = rows(desk)
        again, created_again = desk.log_once(new, keys=["view:V2", "message:C1:1.2"], actor=AGENT, now=NOW)
        assert created and not created_again and again.id == case.id
        assert rows(desk) == owed
        other, created_other = desk.log_once(new, keys=["view:V3"], actor=AGENT, now=NOW)
        assert created_other and other.id != case.id

    def test_a_refused_change_owes_nothing(self, db_path, config: Config, new_case: Callable[..., Case]) -> None:
        case = new_case()
        desk = CaseDesk(open_db(db_path), config=config)
        before = rows(desk)
        with pytest.raises(NotAuthorised):
            desk.handle(case.id, Acknowledge(), actor=STRANGER, now=NOW)
        assert rows(desk) == before


class TestOutbox:
    def test_an_edit_waits_for_its_post_and_supersedes_older_edits(self, db_path) -> None:
        outbox = Outbox(open_db(db_path))
        card = outbox.add(kind="case_card", recipient=MANAGER, now=NOW)
        first_edit = outbox.add(kind="card_update", recipient=MANAGER, update_of=card, now=NOW)
        second_edit = outbox.add(kind="card_update", recipient=MANAGER, update_of=card, now=NOW)
        claimed = outbox.claim(now=NOW, token="t1")
        assert claimed is not None and claimed.id == card
        assert outbox.claim(now=NOW, token="t2") is None  # the edits wait for the card
        outbox.mark_sent(card, token="t1", channel="D1", ts="1.2", now=NOW)
        edit = outbox.claim(now=NOW, token="t3")
        assert edit is not None and edit.id == first_edit
        assert outbox.get(second_edit).status == "sent"  # the edit being sent renders the latest state

    def test_a_retry_waits_and_a_stale_token_changes_nothing(self, db_path) -> None:
        outbox = Outbox(open_db(db_path))
        row_id = outbox.add(kind="reminder", recipient=MANAGER, now=NOW)
        outbox.claim(now=NOW, token="t1")
        outbox.retry(row_id, token="t1", at=NOW + timedelta(seconds=30), error="http_500")
        assert outbox.claim(now=NOW + timedelta(seconds=29), token="t2") is None
        assert outbox.claim(now=NOW + timedelta(seconds=30), token="t3") is not None
        outbox.mark_sent(row_id, token="t2", channel="D1", ts="1", now=NOW)
        assert outbox.get(row_id).status == "sending"

    def test_rows_of_a_dead_process_come_back_flagged_as_maybe_posted(self, db_path) -> None:
        outbox = Outbox(open_db(db_path))
        row_id = outbox.add(kind="case_card", recipient=MANAGER, now=NOW)
        outbox.claim(now=NOW, token="dead")
        outbox.begin_post(row_id, token="dead", channel="D1")
        assert Outbox(open_db(db_path)).release_abandoned() == 1
        row = outbox.claim(now=NOW, token="alive")
        assert row is not None and row.maybe_posted and row.channel == "D1"

    def test_failing_a_post_fails_the_edits_waiting_for_it(self, db_path) -> None:
        outbox = Outbox(open_db(db_path))
        card = outbox.add(kind="case_card", recipient=MANAGER, now=NOW)
        edit = outbox.add(kind="card_update", recipient=MANAGER, update_of=card, now=NOW)
        outbox.claim(now=NOW, token="t")
        outbox.fail(card, token="t", error="channel_not_found", now=NOW)
        assert outbox.get(edit).status == "failed" and outbox.claim(now=NOW, token="u") is None

    def test_a_failure_owes_its_notices_in_the_same_commit_and_a_stale_claim_owes_none(self, db_path) -> None:
        outbox = Outbox(open_db(db_path))
        post = outbox.add(kind="escalation_post", recipient="C0PRIVACY", case_id=None, now=NOW)
        outbox.claim(now=NOW, token="t")
        assert outbox.fail(post, token="stale", error="not_in_channel", now=NOW, notify=[MANAGER]) == []
        assert outbox.get(post).status == "sending"
        [notice] = outbox.fail(post, token="t", error="not_in_channel", now=NOW, notify=[MANAGER])
        row = outbox.get(notice)
        assert (row.kind, row.recipient, row.status) == (DELIVERY_FAILED, MANAGER, "pending")
        assert row.data == {"failed_id": post, "failed_kind": "escalation_post", "failed_recipient": "C0PRIVACY",
                            "error": "not_in_channel"}
        assert [failed.id for failed in outbox.failed()] == [post]

    def test_requeue_sends_failed_rows_again_and_retires_their_notices(self, db_path) -> None:
        outbox = Outbox(open_db(db_path))
        post = outbox.add(kind="escalation_post", recipient="C0PRIVACY", now=NOW)
        outbox.claim(now=NOW, token="t")
        [notice] = outbox.fail(post, token="t", error="channel_not_found", now=NOW, notify=[MANAGER])
        outbox.claim(now=NOW, token="n")
        outbox.fail(notice, token="n", error="user_not_found", now=NOW)
        assert outbox.requeue_failed(now=NOW) == 1
        assert outbox.get(post).status == "pending" and outbox.get(notice).status == "sent"
        assert outbox.failed() == [] and outbox.claim(now=NOW, token="again").id == post


class TestFailureNotices:
    def row(self, kind: str, recipient: str) -> OutboxRow:
        return OutboxRow(id=1, kind=kind, recipient=recipient, case_id="PRV-2026-0001", created_at=NOW,
                         status="failed", attempts=1, attempt_token=None, maybe_posted=False)

    def test_the_manager_hears_of_any_failure_but_their_own(self) -> None:
        config = Config(manager=MANAGER, deputy=DEPUTY, privacy_team=("U0TEAM", DEPUTY))
        assert failure_notice_recipients(self.row("escalation_post", "C0PRIVACY"), config=config) == [MANAGER]
        assert failure_notice_recipients(self.row("intake_confirmation", AGENT), config=config) == [MANAGER]
        assert failure_notice_recipients(self.row("case_card", MANAGER), config=config) == [DEPUTY, "U0TEAM"]
        assert failure_notice_recipients(self.row("case_card", DEPUTY), config=config) == [MANAGER]

    def test_without_a_manager_the_deputy_and_team_and_never_about_a_notice(self) -> None:
        assert failure_notice_recipients(self.row("escalation_post", "C0PRIVACY"),
                                         config=Config(deputy=DEPUTY)) == [DEPUTY]
        assert failure_notice_recipients(self.row("escalation_post", "C0PRIVACY"), config=Config()) == []
        assert failure_notice_recipients(self.row(DELIVERY_FAILED, DEPUTY),
                                         config=Config(manager=MANAGER, deputy=DEPUTY)) == []


class TestBusinessMinutes:
    def test_only_business_hours_count(self, config: Config) -> None:
        friday_17 = datetime(2026, 5, 15, 17, 30, tzinfo=JST)
        monday_10_30 = datetime(2026, 5, 18, 10, 30, tzinfo=JST)
        assert business_minutes_between(friday_17, monday_10_30, config.calendar) == 60
        assert business_minutes_between(friday_17, friday_17 + timedelta(hours=5), config.calendar) == 30
