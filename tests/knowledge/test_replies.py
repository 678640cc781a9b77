"""`kb check` on replies.yaml: the bundled templates pass; each kind of breakage is one `file:line: message`."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import read_knowledge
from knowledge.check import BUNDLED_DIR

FILES = ("policy.yaml", "faq.yaml", "summaries.yaml", "replies.yaml", "callconnect-privacy-policy.txt")


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(BUNDLED_DIR / name, tmp_path / name)
    return tmp_path


def problems_after(directory: Path, old: str, new: str, *, count: int = 1) -> list[str]:
    """`kb check`'s problems once `old` (which must occur) is replaced by `new` in the copy's replies.yaml."""
    path = directory / "replies.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return [str(problem) for problem in read_knowledge(directory).problems]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_the_bundled_replies_pass_and_cover_every_stage_in_both_languages() -> None:
    files = read_knowledge(BUNDLED_DIR)
    assert files.problems == []
    stages = {(t.stage.value, t.when) for t in files.replies.templates}
    assert {stage for stage, when in stages if when is None} == {"receipt", "identity", "result", "refusal",
                                                                 "extension", "transfer"}
    assert ("refusal", "policy_ground") in stages


def test_a_retyped_section_10_ground_is_refused(kb_copy: Path) -> None:
    problems = problems_after(kb_copy, "　「{refusal_ground_quote}」",
                              "　「ユーザー本人または第三者の生命、身体、財産その他の権利利益を害するおそれがある場合」")
    line = line_of(kb_copy / "replies.yaml", "当社プライバシーポリシー第10条では")
    assert any(p.startswith(f"{kb_copy / 'replies.yaml'}:") and "{refusal_ground_quote}" in p for p in problems)
    assert all(int(p.split(":")[1]) <= line for p in problems)


def test_a_quote_that_is_not_verbatim_names_its_line(kb_copy: Path) -> None:
    problems = problems_after(kb_copy, "その全部または一部を開示しない場合があります。」", "その全部を開示しない場合があります。」")
    [problem] = problems
    assert "quote is not verbatim" in problem and "refusal (policy_ground) (ja)" in problem


def test_a_section_named_but_not_cited(kb_copy: Path) -> None:
    [problem] = problems_after(kb_copy, "次の理由により、ご回答の期限", "当社プライバシーポリシー第11条に基づき、次の理由により、ご回答の期限")
    assert problem.startswith(f"{kb_copy / 'replies.yaml'}:")
    assert problem.endswith("extension (ja): refers to section 11 but does not cite it")


@pytest.mark.parametrize(("new", "message"), [
    ("{clent_name}", "unknown placeholder {clent_name}"),
    ("{Client Name}", "malformed placeholder '{Client Name}'"),
    ("{client_name", "unbalanced brace"),
    ("{refusal_reason}", "placeholder {refusal_reason} is not filled in this stage"),
])
def test_placeholders_are_well_formed_and_known(kb_copy: Path, new: str, message: str) -> None:
    [problem] = problems_after(kb_copy, "当社より{client_name}様にお伝えいたしました", f"当社より{new}様にお伝えいたしました")
    assert f"transfer (ja): {message}" in problem
    assert problem.split(":")[0] == str(kb_copy / "replies.yaml") and int(problem.split(":")[1]) > 1


def test_a_stage_without_its_english_text(kb_copy: Path) -> None:
    path = kb_copy / "replies.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - stage: transfer")
    english = text.index("    en:", start)
    path.write_text(text[:english], encoding="utf-8")
    problems = [str(p) for p in read_knowledge(kb_copy).problems]
    assert problems == [f"{path}:{line_of(path, '- stage: transfer')}: missing 'en': every reply is written in ja and en"]


def test_a_missing_stage(kb_copy: Path) -> None:
    path = kb_copy / "replies.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  - stage: transfer")], encoding="utf-8")
    assert [str(p) for p in read_knowledge(kb_copy).problems] == [
        f"{path}:1: no reply for stage transfer (an entry without 'when')"]


def test_a_variant_for_an_outcome_that_does_not_exist(kb_copy: Path) -> None:
    [problem] = problems_after(kb_copy, "when: no_data_held", "when: no_data")
    assert problem.endswith("result (no_data): 'when' must be an outcome id (no_data_held, corrected…)")
