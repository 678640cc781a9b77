"""`privacy-bot doctor` as an operator runs it: a real process against the fake Slack (SLACK_API_URL), a real
database file and the bundled knowledge base. One line per check, exit 1 on any failure, 2 on bad usage."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge.versions import ReviewItem
from tests.bot.conftest import DEPUTY, ESCALATION_CHANNEL, MANAGER, TEAM_MEMBER, RunningBot
from tests.bot.test_failed_deliveries import wait_rows
from tests.bot.test_intake import TEAM, log_case
from tests.fake_slack import FakeSlack, manifest_scopes
from tests.revisions import add_revision, base_copy, days_from_today
from tests.slack_helpers import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET

CONFIG = (f"manager: {MANAGER}\ndeputy: {DEPUTY}\nprivacy_team: [{TEAM_MEMBER}]\n"
          f"escalation_channel: {ESCALATION_CHANNEL}\n")


@pytest.fixture
def doctor_env(fake_slack: FakeSlack, tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "privacy-bot.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PRIVACY_BOT_"))}
    return {**environ, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN, "SLACK_API_URL": fake_slack.api_url,
            "PRIVACY_BOT_DB": str(tmp_path / "bot.db"), "PRIVACY_BOT_CONFIG": str(config)}


def doctor(environ: dict[str, str], *args: str, cwd: Path | None = None) -> tuple[int, dict[str, str], str]:
    """Exit code, the report as {check name: line}, and stderr."""
    done = subprocess.run([sys.executable, "-m", "privacy_bot", "doctor", *args], env=environ, cwd=cwd,
                          capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stdout.splitlines()
    report = {line[6:].split(":", 1)[0]: line for line in lines}
    assert len(report) == len(lines), done.stdout  # one line per check, each named once
    return done.returncode, report, done.stderr


def failing(report: dict[str, str]) -> dict[str, str]:
    return {name: line for name, line in report.items() if line.startswith("FAIL")}


class TestAGoodSetup:
    def test_every_check_passes_and_asks_slack_what_the_bot_will_ask(self, doctor_env: dict[str, str],
                                                                     fake_slack: FakeSlack) -> None:
        code, report, _ = doctor(doctor_env)
        assert code == 0 and failing(report) == {}, report
        assert set(report) == {"config", "bot token", "scopes", "app token", f"manager {MANAGER}",
                               f"deputy {DEPUTY}", f"privacy team {TEAM_MEMBER}",
                               f"escalation channel {ESCALATION_CHANNEL}",
                               f"database {Path(doctor_env['PRIVACY_BOT_DB']).resolve()}", "knowledge base", "outbox"}
        assert all(line.startswith("ok ") for line in report.values())
        assert "pass kb check" in report["knowledge base"] and "bundled" in report["knowledge base"]
        opened = {call.params["users"] for call in fake_slack.calls_to("conversations.open")}
        assert opened == {MANAGER, DEPUTY, TEAM_MEMBER}
        assert [call.params["channel"] for call in fake_slack.calls_to("conversations.history")] == [ESCALATION_CHANNEL]
        assert fake_slack.calls_to("chat.postMessage") == []  # a check never posts

    def test_http_mode_checks_the_signing_secret_instead_of_the_app_token(self, doctor_env: dict[str, str]) -> None:
        environ = {**doctor_env, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
        del environ["SLACK_APP_TOKEN"]
        code, report, _ = doctor(environ, "--http")
        assert code == 0 and "app token" not in report
        code, report, _ = doctor(environ)
        assert code == 1 and "SLACK_APP_TOKEN is not set" in report["credentials"]


class TestWhatFails:
    def test_missing_scopes_a_wrong_member_id_and_a_channel_without_the_bot(self, doctor_env: dict[str, str],
                                                                             fake_slack: FakeSlack) -> None:
        fake_slack.scopes = [scope for scope in manifest_scopes() if scope != "channels:history"]
        fake_slack.refuse(MANAGER, "user_not_found")
        fake_slack.refuse(ESCALATION_CHANNEL, "not_in_channel")
        code, report, _ = doctor(doctor_env)
        assert code == 1
        assert set(failing(report)) == {"scopes", f"manager {MANAGER}", f"escalation channel {ESCALATION_CHANNEL}"}
        assert "lacks channels:history" in report["scopes"] and "reinstall" in report["scopes"]
        assert "user_not_found" in report[f"manager {MANAGER}"] and "profile" in report[f"manager {MANAGER}"]
        assert "/invite @privacy-bot" in report[f"escalation channel {ESCALATION_CHANNEL}"]

    def test_a_missing_scope_error_names_the_scope_slack_asked_for(self, doctor_env: dict[str, str],
                                                                   fake_slack: FakeSlack) -> None:
        fake_slack.fail_next("conversations.history", status=200, error="missing_scope", needed="groups:history",
                             provided="chat:write")
        fake_slack.fail_next("apps.connections.open", status=200, error="missing_scope", needed="connections:write",
                             provided="")
        code, report, _ = doctor(doctor_env)
        assert code == 1
        assert "lacks the groups:history scope" in report[f"escalation channel {ESCALATION_CHANNEL}"]
        assert "lacks the connections:write scope" in report["app token"]

    def test_no_configuration_and_the_readmes_placeholder_token(self, doctor_env: dict[str, str],
                                                                tmp_path: Path) -> None:
        environ = {**doctor_env, "SLACK_BOT_TOKEN": "xoxb-…"}
        del environ["PRIVACY_BOT_CONFIG"]
        (tmp_path / "elsewhere").mkdir()
        code, report, _ = doctor(environ, cwd=tmp_path / "elsewhere")
        assert code == 1
        assert "built-in defaults notify nobody" in report["config"] and "manager: U" in report["config"]
        assert "not set" in report["manager"] and "privacy-bot.yaml" in report["manager"]
        assert "placeholder" in report["credentials"] and "starts with" not in report["credentials"]

    def test_slack_rejecting_the_token_skips_what_needs_it(self, doctor_env: dict[str, str],
                                                           fake_slack: FakeSlack) -> None:
        fake_slack.rejected_tokens.add(BOT_TOKEN)
        code, report, _ = doctor(doctor_env)
        assert code == 1 and "invalid_auth" in report["bot token"]
        assert report[f"manager {MANAGER}"].startswith("skip")

    def test_a_database_path_that_is_a_directory(self, doctor_env: dict[str, str], tmp_path: Path) -> None:
        (tmp_path / "dir.db").mkdir()
        code, report, _ = doctor({**doctor_env, "PRIVACY_BOT_DB": str(tmp_path / "dir.db")})
        assert code == 1
        [line] = [line for name, line in report.items() if name.startswith("database")]
        assert line.startswith("FAIL") and "PRIVACY_BOT_DB" in line
        assert report["outbox"].startswith("skip")

    def test_a_database_from_a_newer_slack_layer(self, doctor_env: dict[str, str]) -> None:
        """Every layer's history is checked: a migration only a newer bot/ knows is named, not ignored."""
        path = Path(doctor_env["PRIVACY_BOT_DB"])
        code, report, _ = doctor(doctor_env)
        assert code == 0 and "schema up to date" in report[f"database {path.resolve()}"]
        with sqlite3.connect(path) as conn:
            assert {row[0] for row in conn.execute("SELECT name FROM _bot_migrations")} >= {"0001_feedback"}
            assert {row[0] for row in conn.execute("SELECT name FROM _gap_migrations")} >= {"0001_gaps"}
            conn.execute("INSERT INTO _bot_migrations (name, applied_at) VALUES ('0099_future', '2027-01-01')")
        code, report, _ = doctor(doctor_env)
        line = report[f"database {path.resolve()}"]
        assert code == 1 and line.startswith("FAIL") and "0099_future" in line

    def test_bad_usage_exits_2(self, doctor_env: dict[str, str]) -> None:
        done = subprocess.run([sys.executable, "-m", "privacy_bot", "doctor", "--frobnicate"], env=doctor_env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and "Traceback" not in done.stderr


class TestPolicyVersions:
    """The knowledge base's versions, as `kb check` reports them: every version checked, and a line per revision
    with review items left: a warning while it is upcoming, a failure once the bot answers from it."""

    def test_review_left_warns_before_the_revision_takes_effect_and_fails_after(self, doctor_env: dict[str, str],
                                                                               tmp_path: Path) -> None:
        kb = base_copy(tmp_path / "kb")
        upcoming, past = days_from_today(10), days_from_today(-3)
        add_revision(kb, upcoming, review=[ReviewItem("policy:10.2", "10.2 changed"),
                                           ReviewItem("faq:disclosure-refusal", "10.2 changed")])
        environ = {**doctor_env, "PRIVACY_BOT_KB": str(kb)}
        code, report, _ = doctor(environ)
        assert code == 0, report
        assert report["knowledge base"].startswith(f"ok    knowledge base: {kb}, version ")
        assert f"policy version base in force ({upcoming} upcoming)" in report["knowledge base"]
        assert report["knowledge base"].endswith("pass kb check (all 2 versions)")
        assert report[f"review of version {upcoming}"] == (
            f"warn  review of version {upcoming}: 2 item(s) left (policy:10.2, faq:disclosure-refusal), due before "
            f"{upcoming}: privacy-bot kb check {kb} lists them")

        kb = base_copy(tmp_path / "in-force")
        add_revision(kb, past, review=[ReviewItem("faq:disclosure-refusal", "10.2 changed")])
        code, report, _ = doctor({**doctor_env, "PRIVACY_BOT_KB": str(kb)})
        assert code == 1 and set(failing(report)) == {f"review of version {past}"}
        assert "due now (the bot answers from this version)" in report[f"review of version {past}"]

    def test_a_version_that_fails_kb_check(self, doctor_env: dict[str, str], tmp_path: Path) -> None:
        kb = base_copy(tmp_path / "kb")
        folder = add_revision(kb, days_from_today(10))
        (folder / "callconnect-privacy-policy.txt").write_text("改定版の本文\n", encoding="utf-8")
        code, report, _ = doctor({**doctor_env, "PRIVACY_BOT_KB": str(kb)})
        assert code == 1 and report["knowledge base"].startswith("FAIL")
        assert f"first: {folder / 'policy.yaml'}:" in report["knowledge base"]


class TestFailedDeliveries:
    def test_counted_until_the_cause_is_fixed_then_sent_again(self, start_bot: Callable[..., RunningBot],
                                                              doctor_env: dict[str, str]) -> None:
        bot = start_bot(**TEAM)
        bot.fake.refuse(ESCALATION_CHANNEL, "channel_not_found")
        case_id = log_case(bot, type="leak_report")
        bot.fake.wait_for("chat.postMessage", count=4)  # manager and deputy cards, agent, the manager's notice
        environ = {**doctor_env, "PRIVACY_BOT_DB": str(bot.db_path)}

        code, report, _ = doctor(environ)
        assert code == 1 and set(failing(report)) == {"outbox", f"escalation channel {ESCALATION_CHANNEL}"}
        assert "outbox: 1 failed deliveries" in report["outbox"] and case_id in report["outbox"]
        assert "channel_not_found" in report["outbox"] and "--retry-failed" in report["outbox"]

        code, report, _ = doctor(environ, "--retry-failed")  # the channel is still wrong: nothing is resent
        assert code == 1 and "not queued again" in report["outbox"]
        assert {row["status"] for row in bot.outbox() if row["kind"] == "escalation_post"} == {"failed"}

        bot.fake.heal()  # the channel id is fixed
        code, report, _ = doctor(environ, "--retry-failed")
        assert code == 0 and "1 queued again" in report["outbox"], report
        refused, post = [c for c in bot.fake.wait_for("chat.postMessage", count=6)
                         if c.params["channel"] == ESCALATION_CHANNEL]
        assert case_id in post.all_text() and post.all_text() == refused.all_text()
        wait_rows(bot, lambda rows: {row["status"] for row in rows if row["kind"] == "escalation_post"} == {"sent"})
        code, report, _ = doctor(environ)
        assert code == 0 and "0 failed deliveries" in report["outbox"]
