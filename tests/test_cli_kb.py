"""`kb init` and the knowledge base in use, through the real command line: `PRIVACY_BOT_KB` wins over
`knowledge_dir` in the configuration, which wins over the bundled copy, for `kb check`, `ask` and `doctor` alike."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.check import BUNDLED_DIR, KNOWLEDGE_FILES
from tests.cli_run import run

QUESTION = "開示請求の手続きは？"
OLD_TEXT = "まず /privacy intake で案件登録し"
NEW_TEXT = "まず /privacy intake で案件を登録（改訂版）し"




def init(directory: Path, cwd: Path) -> Path:
    result = run("kb", "init", str(directory), cwd=cwd)
    assert result.returncode == 0, result.stderr
    return directory


def edit_faq(directory: Path) -> None:
    faq = directory / "faq.yaml"
    faq.write_text(faq.read_text(encoding="utf-8").replace(OLD_TEXT, NEW_TEXT, 1), encoding="utf-8")


def answer(cwd: Path, **env: str) -> str:
    result = run("ask", "--json", QUESTION, cwd=cwd, **env)
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout)["answer"])


class TestInit:
    def test_writes_the_bundled_copy_which_passes_kb_check(self, tmp_path: Path) -> None:
        target = tmp_path / "new" / "kb"
        result = run("kb", "init", str(target), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        [line] = result.stdout.splitlines()
        assert line.endswith(f"add to privacy-bot.yaml: knowledge_dir: {target}")
        for name in KNOWLEDGE_FILES:
            assert (target / name).read_bytes() == (BUNDLED_DIR / name).read_bytes()
        check = run("kb", "check", str(target), cwd=tmp_path)
        assert check.returncode == 0, check.stdout
        assert check.stdout.splitlines()[0] == f"knowledge base: {target}"

    def test_refuses_a_directory_that_is_not_empty_unless_forced(self, tmp_path: Path) -> None:
        target = tmp_path / "kb"
        target.mkdir()
        (target / "faq.yaml").write_text("edited\n", encoding="utf-8")
        (target / "notes.txt").write_text("mine\n", encoding="utf-8")
        refused = run("kb", "init", str(target), cwd=tmp_path)
        assert refused.returncode == 2 and "is not empty" in refused.stderr and "--force" in refused.stderr
        assert len(refused.stderr.splitlines()) == 1
        assert (target / "faq.yaml").read_text(encoding="utf-8") == "edited\n"
        forced = run("kb", "init", "--force", str(target), cwd=tmp_path)
        assert forced.returncode == 0, forced.stderr
        assert (target / "faq.yaml").read_bytes() == (BUNDLED_DIR / "faq.yaml").read_bytes()
        assert (target / "notes.txt").read_text(encoding="utf-8") == "mine\n"  # only the knowledge files


class TestKnowledgeInUse:
    def test_the_bundled_copy_without_a_setting(self, tmp_path: Path) -> None:
        result = run("kb", "check", cwd=tmp_path)
        # The copy bundled in the package the command runs from (an installed one in CI, not this checkout).
        bundled = subprocess.run([sys.executable, "-c", "from knowledge.check import BUNDLED_DIR; print(BUNDLED_DIR)"],
                                 capture_output=True, text=True, cwd=tmp_path, check=True).stdout.strip()
        assert result.stdout.splitlines()[0] == f"knowledge base: {bundled}"
        assert OLD_TEXT in answer(tmp_path)

    def test_knowledge_dir_in_the_configuration_relative_to_its_file(self, tmp_path: Path) -> None:
        (tmp_path / "etc").mkdir()
        kb = init(tmp_path / "etc" / "kb", tmp_path)
        edit_faq(kb)
        config = tmp_path / "etc" / "privacy-bot.yaml"
        config.write_text("knowledge_dir: kb\n", encoding="utf-8")
        result = run("kb", "check", cwd=tmp_path, PRIVACY_BOT_CONFIG=str(config))
        assert result.returncode == 0, result.stdout
        assert result.stdout.splitlines()[0] == f"knowledge base: {kb}"
        assert NEW_TEXT in answer(tmp_path, PRIVACY_BOT_CONFIG=str(config))

    def test_the_environment_wins_over_the_configuration(self, tmp_path: Path) -> None:
        configured = init(tmp_path / "configured", tmp_path)
        chosen = init(tmp_path / "chosen", tmp_path)
        edit_faq(chosen)
        (tmp_path / "privacy-bot.yaml").write_text(f"knowledge_dir: {configured}\n", encoding="utf-8")
        result = run("kb", "check", cwd=tmp_path, PRIVACY_BOT_KB=str(chosen))
        assert result.stdout.splitlines()[0] == f"knowledge base: {chosen}"
        assert NEW_TEXT in answer(tmp_path, PRIVACY_BOT_KB=str(chosen))
        assert OLD_TEXT in answer(tmp_path)  # ./privacy-bot.yaml alone: the configured copy

    def test_doctor_names_the_copy_in_use(self, tmp_path: Path) -> None:
        kb = init(tmp_path / "kb", tmp_path)
        result = run("doctor", cwd=tmp_path, PRIVACY_BOT_KB=str(kb))
        [line] = [line for line in result.stdout.splitlines() if "knowledge base:" in line]
        assert line.startswith("ok") and f"knowledge base: {kb}, version " in line

    def test_a_broken_copy_in_use_is_reported_by_kb_check_and_ask(self, tmp_path: Path) -> None:
        kb = init(tmp_path / "kb", tmp_path)
        (kb / "faq.yaml").write_text("entries:\n  - id: [broken\n", encoding="utf-8")
        check = run("kb", "check", cwd=tmp_path, PRIVACY_BOT_KB=str(kb))
        assert check.returncode == 1 and f"{kb / 'faq.yaml'}:" in check.stdout
        asked = run("ask", QUESTION, cwd=tmp_path, PRIVACY_BOT_KB=str(kb))
        assert asked.returncode == 1 and f"{kb / 'faq.yaml'}:" in asked.stderr

    @pytest.mark.parametrize("setting, message", [
        ("knowledge_dir: missing\n", "does not exist"),
        ("knowledge_dir: privacy-bot.yaml\n", "is not a directory"),
        ("knowledge_dir: [a, b]\n", "must be the path of a directory"),
    ])
    def test_a_bad_knowledge_dir_is_a_file_line_error(self, tmp_path: Path, setting: str, message: str) -> None:
        config = tmp_path / "privacy-bot.yaml"
        config.write_text("manager: U0MANAGER\n" + setting, encoding="utf-8")
        for command in (["kb", "check"], ["ask", QUESTION]):
            result = run(*command, cwd=tmp_path)
            assert result.returncode == 2
            assert f"{config.name}:2: knowledge_dir" in result.stderr and message in result.stderr

    def test_a_bad_environment_variable_is_one_line(self, tmp_path: Path) -> None:
        result = run("kb", "check", cwd=tmp_path, PRIVACY_BOT_KB=str(tmp_path / "nowhere"))
        assert result.returncode == 2
        assert result.stderr.splitlines() == [f"privacy-bot: PRIVACY_BOT_KB={tmp_path / 'nowhere'} does not exist: "
                                              "point it at a knowledge base directory (privacy-bot kb init DIR)"]
