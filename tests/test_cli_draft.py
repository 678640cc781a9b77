"""`privacy-bot cases draft` as a subprocess over a real database: the draft printed subject first, in the language
asked for; a stage that does not fit the case, or a reader outside the team, is one line and exit code 2."""
from __future__ import annotations

import json

from tests.test_cli_cases import AGENT, MANAGER, cli, env, new  # noqa: F401 - `env` is a fixture


def test_the_receipt_prints_subject_then_body_in_japanese_by_default(env: dict[str, str]) -> None:
    case_id = new(env)
    result = cli(env, "draft", case_id, "--stage", "receipt")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"件名: 【受付番号：{case_id}】個人情報に関するご請求の受付について"
    assert lines[1] == "" and lines[2] == "高橋花子 様"
    assert "ご請求の種類：消去" in result.stdout and "info@selfree.co.jp" in result.stdout


def test_english_on_request_and_a_privileged_actor_may_read_it(env: dict[str, str]) -> None:
    case_id = new(env)
    result = cli(env, "draft", case_id, "--stage", "identity", "--lang", "en", "--actor", AGENT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Subject: Please confirm your identity (ref. {case_id})\n\nDear 高橋花子,")


def test_json_gives_the_parts_to_paste(env: dict[str, str]) -> None:
    case_id = new(env)
    result = cli(env, "draft", case_id, "--stage", "receipt", "--lang", "en", "--json")
    assert result.returncode == 0, result.stderr
    draft = json.loads(result.stdout)
    assert (draft["case_id"], draft["stage"], draft["language"]) == (case_id, "receipt", "en")
    assert draft["subject"].endswith(f"(ref. {case_id})") and draft["body"].startswith("Dear 高橋花子,")


def test_a_refusal_on_a_case_not_refused_is_one_line_and_exit_2(env: dict[str, str]) -> None:
    case_id = new(env)
    result = cli(env, "draft", case_id, "--stage", "refusal")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"privacy-bot: {case_id} に refusal の返信文案は作れません: 拒否（refused）ではありません "
        "(the case is new, not refused)"]


def test_the_refusal_once_refused_quotes_the_ground(env: dict[str, str]) -> None:
    case_id = new(env, type="disclosure")
    for step in (["transition", case_id, "acknowledged"],
                 ["transition", case_id, "refused", "--ground", "other_law", "--reason", "法令により開示できないため"]):
        assert cli(env, *step, "--actor", MANAGER).returncode == 0
    result = cli(env, "draft", case_id, "--stage", "refusal")
    assert result.returncode == 0 and "「他の法令に違反するおそれがある場合」" in result.stdout


def test_a_reader_outside_the_team_and_an_unknown_case(env: dict[str, str]) -> None:
    case_id = new(env)
    outsider = cli(env, "draft", case_id, "--stage", "receipt", "--actor", "U0STRANGER")
    assert outsider.returncode == 2 and len(outsider.stderr.strip().splitlines()) == 1 and outsider.stdout == ""
    missing = cli(env, "draft", "PRV-2026-9999", "--stage", "receipt")
    assert missing.returncode == 1 and "PRV-2026-9999" in missing.stderr
    assert json.loads(cli(env, "show", case_id, "--json").stdout)["history"][-1]["action"] == "created"
