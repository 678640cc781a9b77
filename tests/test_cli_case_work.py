"""`privacy-bot cases note`, `cases edit` and `--identity-override`, run as a subprocess on a real database file."""
from __future__ import annotations

import json

from tests.test_cli_cases import MANAGER, cli, env, new  # noqa: F401 - env is a fixture

__all__: list[str] = []


def show(env: dict[str, str], case_id: str) -> dict[str, object]:
    return json.loads(cli(env, "show", case_id, "--json").stdout)


def test_note_prints_one_line_and_the_text_stays_out_of_the_history(env: dict[str, str]) -> None:
    case_id = new(env)
    result = cli(env, "note", case_id, "--text", "本人から折り返し。\n免許証で確認予定", "--actor", MANAGER)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    assert line.startswith(f"{case_id}  メモを追加 (note added)  #1  ") and "計 1件" in line
    shown = show(env, case_id)
    assert shown["notes"][0]["text"] == "本人から折り返し。\n免許証で確認予定"  # type: ignore[index]
    assert shown["history"][-1]["action"] == "note_added"  # type: ignore[index]
    assert "免許証" not in json.dumps(shown["history"], ensure_ascii=False)
    assert "      免許証で確認予定" in cli(env, "show", case_id).stdout  # the text view lists it under メモ notes
    empty = cli(env, "note", case_id, "--text", " ", "--actor", MANAGER)
    assert empty.returncode == 2 and empty.stderr.strip() == "privacy-bot: text: メモを入力してください (note required)"
    assert cli(env, "note", case_id, "--text", "x", "--actor", "U0STRANGER").returncode == 2


def test_edit_checks_like_intake_and_audits_field_names_only(env: dict[str, str]) -> None:
    case_id = new(env)
    bad = cli(env, "edit", case_id, "--email", "hanako@", "--identity-status", "verified", "--actor", MANAGER)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert sorted(line.split(": ")[1] for line in bad.stderr.splitlines()) == ["identity.method", "requester.email"]
    result = cli(env, "edit", case_id, "--email", "h.takahashi@example.com", "--phone", "", "--identity-status",
                 "verified", "--identity-method", "registered_email", "--actor", MANAGER)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{case_id}  編集 (edited): requester.email, requester.phone, "
                                          "identity.status, identity.method"]
    shown = show(env, case_id)
    assert shown["requester"] == {"name": "高橋花子", "email": "h.takahashi@example.com", "phone": None}
    assert shown["identity"]["verified_by"] == MANAGER  # type: ignore[index]
    last = shown["history"][-1]  # type: ignore[index]
    assert last["action"] == "details_edited" and last["details"] == {
        "fields": ["requester.email", "requester.phone", "identity.status", "identity.method"]}
    history = json.dumps(shown["history"], ensure_ascii=False)
    assert "takahashi" not in history and "hanako" not in history and "090" not in history
    assert cli(env, "edit", case_id, "--actor", MANAGER).returncode == 2  # nothing to change


def test_the_identity_rule_holds_both_ways(env: dict[str, str]) -> None:
    case_id = new(env)  # a deletion, identity not checked
    cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER)
    refused = cli(env, "transition", case_id, "resolved", "--outcome", "fulfilled", "--actor", MANAGER)
    assert refused.returncode == 2
    assert refused.stderr.startswith("privacy-bot: identity_override: 本人確認が済んでいないため")
    assert show(env, case_id)["status"] == "acknowledged"
    done = cli(env, "transition", case_id, "resolved", "--outcome", "fulfilled", "--identity-override",
               "法定代理人の請求で戸籍謄本を確認", "--actor", MANAGER)
    assert done.returncode == 0, done.stderr
    last = show(env, case_id)["history"][-1]  # type: ignore[index]
    assert (last["to_status"], last["details"]["identity_override"]) == ("resolved", "法定代理人の請求で戸籍謄本を確認")
    other = new(env)
    cli(env, "transition", other, "acknowledged", "--actor", MANAGER)
    cli(env, "edit", other, "--identity-status", "verified", "--identity-method", "phone_callback", "--actor", MANAGER)
    assert cli(env, "transition", other, "resolved", "--outcome", "fulfilled", "--actor", MANAGER).returncode == 0
