"""`privacy-bot serve --http` as an operator runs it: a real process, real port, signed requests, SIGTERM."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.http_server import DRAIN_SECONDS, drain_seconds_from
from tests.fake_slack import FakeSlack
from tests.slack_helpers import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, SlackSender, mention, server_config


@pytest.fixture
def serve_env(fake_slack: FakeSlack, tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "privacy-bot.yaml"
    config.write_text(server_config("U0MANAGER"), encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    return {**environ, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake_slack.api_url, "PRIVACY_BOT_DB": str(tmp_path / "bot.db"),
            "PRIVACY_BOT_CONFIG": str(config), "PYTHONUNBUFFERED": "1", "PRIVACY_BOT_DRAIN_SECONDS": "0"}


def serve(environ: dict[str, str], *args: str, cwd: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "privacy_bot", "serve", *args], env=environ, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)


def summary_of(process: subprocess.Popen[str]) -> str:
    """The start-up summary (stdout), once the server says where it listens (stderr): printed before that."""
    assert process.stderr is not None
    for line in process.stderr:
        if "listening on" in line:
            break
    process.send_signal(signal.SIGTERM)
    try:
        out, _ = process.communicate(timeout=15)
    finally:
        if process.poll() is None:  # a server that did not stop is not left running behind the tests
            process.kill()
            process.communicate()
    assert process.returncode == 0
    lines = out.splitlines()
    assert len(lines) == 1, out
    return lines[0]


def listening_url(process: subprocess.Popen[str]) -> str:
    assert process.stderr is not None
    for line in process.stderr:
        if found := re.search(r"listening on (http://127\.0\.0\.1:\d+)/slack/events", line):
            return found.group(1)
    raise AssertionError("the server never said where it listens")


@pytest.fixture
def server(serve_env: dict[str, str]) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = serve(serve_env, "--http", "--port", "0")
    try:
        yield process, listening_url(process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serve_http_answers_signed_events_and_stops_on_sigterm(server, fake_slack: FakeSlack) -> None:
    process, url = server
    with urllib.request.urlopen(url + "/healthz", timeout=5) as response:
        assert response.status == 200
    reply = SlackSender(url + "/slack/events").event(mention("開示請求が来たらどうする？", ts="1700009999.000100"))
    assert reply.status == 200
    [call] = fake_slack.wait_for("chat.postMessage")
    assert call.params["thread_ts"] == "1700009999.000100" and "第10条" in call.all_text()
    assert SlackSender(url + "/slack/events", signing_secret="0" * 32).event(mention("x")).status == 401

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) == 0


def health(url: str) -> int | None:
    """The status of GET /healthz, or None once nothing listens on the port."""
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError:
        return None


def test_sigterm_drains_with_healthz_503_while_still_serving_then_closes_the_port(
        serve_env: dict[str, str], fake_slack: FakeSlack) -> None:
    """After SIGTERM a load balancer sees 503 for the drain period while Slack's requests are still answered;
    only then does the port close and the process exit."""
    process = serve({**serve_env, "PRIVACY_BOT_DRAIN_SECONDS": "3"}, "--http", "--port", "0")
    try:
        url = listening_url(process)
        assert health(url) == 200
        process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 2
        while (status := health(url)) == 200 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert status == 503
        reply = SlackSender(url + "/slack/events").event(mention("開示請求が来たらどうする？"))
        assert reply.status == 200
        fake_slack.wait_for("chat.postMessage")
        assert health(url) == 503
        while health(url) is not None:
            assert time.monotonic() < deadline + 10, "the port never closed"
            time.sleep(0.05)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("value", ["soon", "-1", "301", "nan"])
def test_a_bad_drain_setting_is_said_in_one_line_and_the_default_used(value: str,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    assert drain_seconds_from({"PRIVACY_BOT_DRAIN_SECONDS": value}) == DRAIN_SECONDS
    [warning] = [record.getMessage() for record in caplog.records]
    assert "PRIVACY_BOT_DRAIN_SECONDS must be a number of seconds from 0 to 300" in warning
    assert drain_seconds_from({"PRIVACY_BOT_DRAIN_SECONDS": "0.5"}) == 0.5
    assert drain_seconds_from({}) == DRAIN_SECONDS


def _one_line_and_exit_2(process: subprocess.Popen[str]) -> str:
    try:
        _, err = process.communicate(timeout=30)
    finally:  # a server that started instead of refusing must not outlive the test
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


class TestStartUpFailures:
    def test_a_token_slack_rejects(self, serve_env: dict[str, str], fake_slack: FakeSlack) -> None:
        fake_slack.rejected_tokens.add(BOT_TOKEN)
        line = _one_line_and_exit_2(serve(serve_env, "--http", "--port", "0"))
        assert "Slack rejected SLACK_BOT_TOKEN (invalid_auth)" in line

    def test_an_unreachable_slack(self, serve_env: dict[str, str]) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]  # closed again: nothing listens there
        line = _one_line_and_exit_2(serve({**serve_env, "SLACK_API_URL": f"http://127.0.0.1:{port}/api/"}, "--http"))
        assert "cannot reach Slack" in line

    def test_a_port_in_use_or_malformed(self, serve_env: dict[str, str]) -> None:
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            line = _one_line_and_exit_2(serve(serve_env, "--http", "--port", str(busy.getsockname()[1])))
        assert "cannot listen on 127.0.0.1" in line
        assert "--port must be a number" in _one_line_and_exit_2(serve(serve_env, "--http", "--port", "http"))

    def test_a_missing_app_token_for_socket_mode(self, serve_env: dict[str, str]) -> None:
        assert "SLACK_APP_TOKEN is not set" in _one_line_and_exit_2(serve(serve_env))

    @pytest.mark.parametrize("host", ["999.1.1.1", "1.2.3", "", "no such host.invalid"])
    def test_a_host_that_is_not_an_address(self, serve_env: dict[str, str], host: str) -> None:
        """Checked before anything connects (waitress would refuse it only after Slack, with a bare ValueError)."""
        line = _one_line_and_exit_2(serve(serve_env, "--http", "--port", "0", "--host", host))
        assert f"--host must be an IP address such as 127.0.0.1 or 0.0.0.0, or a host name (got {host!r})" in line


class TestStartUpSummary:
    def test_one_line_says_what_the_bot_runs_with(self, serve_env: dict[str, str], tmp_path: Path) -> None:
        summary = summary_of(serve(serve_env, "--http", "--port", "0"))
        assert summary.startswith("start-up: ") and "\n" not in summary
        assert f"config {serve_env['PRIVACY_BOT_CONFIG']}" in summary and "manager U0MANAGER" in summary
        assert "deputy not set" in summary and "escalation channel not set" in summary
        assert f"database {tmp_path / 'bot.db'}" in summary
        assert re.search(r"knowledge base bundled \(\S+knowledge\), version [0-9a-f]{12}", summary), summary

    def test_without_a_configuration_it_says_nobody_will_be_notified(self, serve_env: dict[str, str],
                                                                     tmp_path: Path) -> None:
        environ = {k: v for k, v in serve_env.items() if k != "PRIVACY_BOT_CONFIG"}
        (tmp_path / "empty").mkdir()
        summary = summary_of(serve(environ, "--http", "--port", "0", cwd=tmp_path / "empty"))
        assert "config none (built-in defaults)" in summary
        assert "manager NOT SET (cases are stored but reach nobody: add manager: U… to privacy-bot.yaml)" in summary


class TestTokenMistakes:
    @pytest.mark.parametrize("token", ["xoxb-…", "xoxb-...", "xoxb-…-…"])
    def test_the_readmes_placeholder_is_called_a_placeholder(self, serve_env: dict[str, str], token: str) -> None:
        line = _one_line_and_exit_2(serve({**serve_env, "SLACK_BOT_TOKEN": token}, "--http"))
        assert "SLACK_BOT_TOKEN is the placeholder xoxb-… copied from the README" in line
        assert "starts with" not in line

    def test_the_signing_secret_placeholder_too(self, serve_env: dict[str, str]) -> None:
        line = _one_line_and_exit_2(serve({**serve_env, "SLACK_SIGNING_SECRET": "…"}, "--http"))
        assert "SLACK_SIGNING_SECRET is the placeholder copied from the README" in line

    def test_a_missing_scope_names_the_scope(self, serve_env: dict[str, str], fake_slack: FakeSlack) -> None:
        fake_slack.fail_next("apps.connections.open", status=200, error="missing_scope", needed="connections:write",
                             provided="")
        line = _one_line_and_exit_2(serve({**serve_env, "SLACK_APP_TOKEN": APP_TOKEN}))
        assert "Slack rejected SLACK_APP_TOKEN (missing_scope: the token lacks the connections:write scope" in line
