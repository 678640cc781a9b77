"""`privacy-bot cases` against a knowledge base holding two policy versions, the revision in force from today: a
case logged with yesterday's receipt keeps yesterday's version, one logged now today's; `cases draft` of a refusal
quotes the §10 item of the case's own version, and says so; a version that cannot be read is one clear message and
exit code 2, never another version's text; `cases show` names the version."""
from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from intake import JST
from tests.policy_versions import NEW_10_1, OLD_10_1, write_two_versions
from tests.test_cli_cases import MANAGER, cli, env, new  # noqa: F401 - `env` is a fixture

TODAY = datetime.now(JST).date()


@pytest.fixture
def versions(env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """`env` with PRIVACY_BOT_KB holding the base and a revision in force from today (00:00 JST)."""
    write_two_versions(tmp_path / "kb", effective=TODAY)
    return {**env, "PRIVACY_BOT_KB": str(tmp_path / "kb")}


def refused_disclosure(env: dict[str, str], **received: str) -> str:
    case_id = new(env, type="disclosure", **received)
    for step in (["transition", case_id, "acknowledged"],
                 ["transition", case_id, "refused", "--ground", "life_or_rights", "--reason", "第三者の情報を含むため"]):
        assert cli(env, *step, "--actor", MANAGER).returncode == 0
    return case_id


def shown(env: dict[str, str], case_id: str) -> dict[str, object]:
    result: dict[str, object] = json.loads(cli(env, "show", case_id, "--json").stdout)
    return result


def test_a_case_keeps_the_version_in_force_on_the_day_it_was_received(versions: dict[str, str]) -> None:
    yesterday = (datetime.now(JST) - timedelta(days=1)).replace(hour=17, minute=0, second=0, microsecond=0)
    phoned = new(versions, received_at=yesterday.isoformat())  # a phone note from yesterday, logged today
    logged_now = new(versions)
    assert shown(versions, phoned)["policy_version"] == "base"
    assert shown(versions, logged_now)["policy_version"] == TODAY.isoformat()


def test_the_bundled_knowledge_base_has_only_the_base(env: dict[str, str]) -> None:
    case_id = new(env)
    assert shown(env, case_id)["policy_version"] == "base"
    assert "ポリシー policy" not in cli(env, "show", case_id).stdout  # one version: nothing to tell it from


def test_a_refusal_draft_quotes_the_item_of_the_case_s_own_version(versions: dict[str, str]) -> None:
    yesterday = (datetime.now(JST) - timedelta(days=1)).replace(hour=17, minute=0, second=0, microsecond=0)
    old = refused_disclosure(versions, received_at=yesterday.isoformat())
    current = refused_disclosure(versions)

    before = cli(versions, "draft", old, "--stage", "refusal")
    assert before.returncode == 0, before.stderr
    assert f"「{OLD_10_1}」" in before.stdout and NEW_10_1 not in before.stdout
    label = f"{TODAY.year}年{TODAY.month}月{TODAY.day}日改定前の版"
    assert before.stderr.strip() == (f"privacy-bot: 受付時のポリシー（{label}）を引用しています (quotes the policy in force "
                                     f"when {old} was received: version before {TODAY.isoformat()})")
    after = cli(versions, "draft", current, "--stage", "refusal", "--json")
    assert after.returncode == 0, after.stderr
    draft = json.loads(after.stdout)
    assert draft["policy_version"] == TODAY.isoformat() and f"「{NEW_10_1}」" in draft["body"]
    assert f"{label} (version before {TODAY.isoformat()})" in cli(versions, "show", old).stdout


def test_a_version_that_cannot_be_read_gives_no_draft(versions: dict[str, str], tmp_path: Path) -> None:
    current = refused_disclosure(versions)
    old = refused_disclosure(versions, received_at=(datetime.now(JST) - timedelta(days=3)).isoformat())
    shutil.rmtree(tmp_path / "kb" / "versions")
    result = cli(versions, "draft", current, "--stage", "refusal")
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    label = f"{TODAY.year}年{TODAY.month}月{TODAY.day}日改定版"
    assert result.stderr.strip().splitlines() == [
        f"privacy-bot: {current} の受付時のポリシー（{label}）を読み込めないため、返信文案を作れません: "
        "ナレッジベースにその版がありません (the knowledge base no longer holds it)。ほかの版で代用はしません (no draft: the "
        f"policy {current} was received under, version of {TODAY.isoformat()}, cannot be read; no other version is "
        "quoted in its place)"]
    assert cli(versions, "draft", old, "--stage", "refusal").returncode == 0  # the base is still there

    (tmp_path / "kb" / "policy.yaml").write_text("entries: [\n", encoding="utf-8")
    broken = cli(versions, "draft", old, "--stage", "refusal")
    assert broken.returncode == 2 and broken.stdout == "" and "Traceback" not in broken.stderr
    first, *problems = broken.stderr.strip().splitlines()
    assert "受付時のポリシー（最初の版）を読み込めない" in first and "no longer passes kb check" in first
    *listed, more = problems  # the first five of `kb check`'s problems, and how many more
    assert len(listed) == 5 and all(line.startswith(f"  {tmp_path / 'kb'}/") for line in listed)
    assert more.endswith("more: privacy-bot kb check)")
