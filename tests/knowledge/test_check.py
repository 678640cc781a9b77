"""`kb check`: the bundled knowledge passes; each kind of breakage is reported as file:line: message."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import read_knowledge
from knowledge.check import BUNDLED_DIR

FILES = ("policy.yaml", "faq.yaml", "summaries.yaml", "callconnect-privacy-policy.txt")


def kb_check(path: Path | str | None = None) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "privacy_bot", "kb", "check"] + ([str(path)] if path else [])
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled knowledge files."""
    for name in FILES:
        shutil.copy(BUNDLED_DIR / name, tmp_path / name)
    return tmp_path


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


class TestBundled:
    """The knowledge shipped in the package is sound."""

    def test_passes(self) -> None:
        """Without a path it checks the knowledge base the bot uses (the bundled copy, as nothing chooses another)
        and says which."""
        result = kb_check()
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.splitlines()[0] == f"knowledge base: {BUNDLED_DIR}"
        assert result.stdout.splitlines()[1].startswith("ok:")

    def test_every_section_and_sub_item(self) -> None:
        """All 16 sections, the numbered items, the §14 table rows and §16's contact block are there."""
        ids = {e.id for e in read_knowledge().policy}
        expected = {str(n) for n in range(1, 17)} | {"4.1", "4.4", "8.1", "8.6", "10.3", "14.4.5", "16.1", "16.2"}
        assert expected <= ids

    def test_purposes_list_is_empty_and_said_so(self) -> None:
        """§3 has no purposes in the published policy: the entry says so and quotes only its one sentence."""
        policy = {e.id: e for e in read_knowledge().policy}
        assert "空欄" in policy["3"].note_ja and "empty" in policy["3"].note_en
        assert not any(i.startswith("3.") for i in policy)

    def test_at_least_forty_faq_entries_citing_policy(self) -> None:
        files = read_knowledge()
        assert len(files.faq) >= 40
        assert all(f.cites and f.answer_ja and f.answer_en for f in files.faq)

    def test_no_invented_urls(self) -> None:
        """No URL anywhere: the published text has none to quote."""
        for name in ("policy.yaml", "faq.yaml"):
            text = (BUNDLED_DIR / name).read_text(encoding="utf-8")
            assert "http://" not in text and "https://" not in text and "www." not in text


class TestBroken:
    """Broken fixture files fail the check with the file and line of the problem."""

    def test_broken_citation(self, kb_copy: Path) -> None:
        faq = kb_copy / "faq.yaml"
        text = faq.read_text(encoding="utf-8")
        first_cites = text.index("    cites:")
        faq.write_text(text[:first_cites] + '    cites: ["99.9"]' + text[text.index("\n", first_cites) :], encoding="utf-8")
        result = kb_check(kb_copy)
        assert result.returncode == 1
        assert "unknown policy id '99.9'" in result.stdout
        assert f"{faq}:" in result.stdout

    def test_non_verbatim_quote(self, kb_copy: Path) -> None:
        policy = kb_copy / "policy.yaml"
        text = policy.read_text(encoding="utf-8")
        policy.write_text(text.replace("遅滞なく応じます", "できるだけ早く応じます", 1), encoding="utf-8")
        entry_line = line_of(policy, "できるだけ早く応じます")
        result = kb_check(kb_copy)
        assert result.returncode == 1
        problem = next(l for l in result.stdout.splitlines() if "not verbatim" in l)
        reported = int(problem.split(":")[1])
        assert problem.startswith(f"{policy}:") and reported <= entry_line

    def test_width_and_spacing_differences_are_still_verbatim(self, kb_copy: Path) -> None:
        """NFKC-equal text (full-width parentheses) counts as verbatim."""
        policy = kb_copy / "policy.yaml"
        text = policy.read_text(encoding="utf-8")
        policy.write_text(text.replace("(以下、「当社」といいます。)", "（以下、「当社」といいます。）", 1), encoding="utf-8")
        assert kb_check(kb_copy).returncode == 0

    def test_duplicate_id(self, kb_copy: Path) -> None:
        policy = kb_copy / "policy.yaml"
        text = policy.read_text(encoding="utf-8")
        policy.write_text(text.replace('id: "15"', 'id: "13"', 1), encoding="utf-8")
        result = kb_check(kb_copy)
        assert result.returncode == 1
        assert "duplicate id '13'" in result.stdout
        assert "section 15 is missing" in result.stdout

    def test_yaml_syntax_error_names_the_line(self, kb_copy: Path) -> None:
        faq = kb_copy / "faq.yaml"
        lines = faq.read_text(encoding="utf-8").splitlines()
        at = next(i for i, l in enumerate(lines) if l.startswith("    cites:"))
        lines[at] = lines[at].replace("cites:", "cites: [unclosed")
        faq.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = kb_check(kb_copy)
        assert result.returncode == 1
        assert "invalid YAML" in result.stdout
        reported = int(result.stdout.split(f"{faq}:")[1].split(":")[0])
        assert abs(reported - (at + 1)) <= 2

    def test_unquoted_id(self, kb_copy: Path) -> None:
        policy = kb_copy / "policy.yaml"
        text = policy.read_text(encoding="utf-8")
        policy.write_text(text.replace('id: "8.3"', "id: 8.3", 1), encoding="utf-8")
        result = kb_check(kb_copy)
        assert result.returncode == 1
        assert f"{policy}:{line_of(policy, 'id: 8.3')}: 'id' must be a quoted string" in result.stdout

    def test_missing_directory(self, tmp_path: Path) -> None:
        result = kb_check(tmp_path / "nowhere")
        assert result.returncode == 1
        assert "cannot read" in result.stdout
