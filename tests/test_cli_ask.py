"""`privacy-bot ask`: the command-line contract of design.md, and every kind of bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

BAD_INPUTS = [
    "",
    "   \t  ",
    "開示" * 51_200,  # 100 KB of text
    "開示\x00請求\x1b[31mの\x07手続き",
    "Cookieを止めたい please ユーザー 🙂 ｶﾀｶﾅ",
    "🙂🙂🙂🔥",
    "<@U123ABC> 開示請求 <https://example.com/a|リンク> &lt;b&gt;",
    "<script>alert('x')</script>",
    "\ufffd\ufffd\udcff",
]


def ask(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "privacy_bot", "ask", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=60,
    )


class TestText:
    """The plain-text reply reads like a colleague's answer."""

    def test_quick_start_question(self) -> None:
        result = ask("開示請求の手続きは？")
        assert result.returncode == 0
        assert "「第10条（ユーザー情報の開示）」" in result.stdout
        assert "遅滞なく応じます" in result.stdout

    def test_english_question(self) -> None:
        result = ask("Do we share data with payment processors?")
        assert result.returncode == 0
        assert "Section 8" in result.stdout and "translation" in result.stdout.lower()

    def test_abstains_with_contact(self) -> None:
        result = ask("会議室の予約はどうやるの？")
        assert result.returncode == 0
        assert "記載が見つかりませんでした" in result.stdout and "info@selfree.co.jp" in result.stdout


class TestJson:
    """`--json` writes design.md's object."""

    def test_shape(self) -> None:
        result = ask("--json", "Cookieのオプトアウトは？")
        obj = json.loads(result.stdout)
        assert set(obj) == {"question", "outcome", "answered", "not_in_policy", "sections", "hits", "answer", "version"}
        assert obj["version"] == "base"  # the bundled knowledge base holds one version
        assert obj["outcome"] == "answered" and obj["answered"] is True and obj["not_in_policy"] == []
        assert obj["sections"][0].split(".")[0] == "14"
        hit = obj["hits"][0]
        assert set(hit) == {"id", "title", "score", "quote"}
        assert isinstance(hit["score"], float) and hit["quote"]

    @pytest.mark.parametrize(
        ("question", "outcome", "missing"),
        [
            ("開示請求に手数料はかかりますか？いくら？", "partial", "fee"),
            ("Are we PCI DSS certified?", "not_covered", "PCI DSS"),
            ("会議室の予約はどうやるの？", "not_covered", None),
        ],
    )
    def test_outcome_and_what_the_policy_lacks(self, question: str, outcome: str, missing: str | None) -> None:
        """design.md: `answered` is true exactly when `outcome` is answered; `not_in_policy` names what is lacking."""
        obj = json.loads(ask("--json", question).stdout)
        assert obj["outcome"] == outcome and obj["answered"] is False
        assert obj["not_in_policy"] and (missing is None or missing in obj["not_in_policy"]), obj["not_in_policy"]

    def test_stdin_one_line_per_question_in_order(self) -> None:
        questions = ["開示請求の手続きは？", "", "🙂", "Who do I contact?", "   ", "Cookieを止めたい"]
        result = ask("--json", "-", stdin="\n".join(questions) + "\n")
        assert result.returncode == 0
        lines = result.stdout.splitlines()
        assert len(lines) == len(questions)
        objs = [json.loads(line) for line in lines]
        assert [o["question"] for o in objs] == [q.strip() for q in questions]
        assert objs[0]["sections"][0] == "10" and objs[1]["answered"] is False


class TestBadInput:
    """Bad input gets a sensible answer or a clear message, never a traceback."""

    @pytest.mark.parametrize("text", BAD_INPUTS, ids=range(len(BAD_INPUTS)))
    def test_json_mode(self, text: str) -> None:
        result = ask("--json", "-", stdin=text.replace("\n", " ") + "\n")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        obj = json.loads(result.stdout)
        assert isinstance(obj["answer"], str) and obj["answer"]

    @pytest.mark.parametrize("text", ["ISMS認証は？", "Pマーク", "ISO?"])
    def test_unknown_short_question_argument(self, text: str) -> None:
        """A question only a policy-silent FAQ matched crashed with a TypeError (issue 9, item 11)."""
        result = ask(text)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr and "info@selfree.co.jp" in result.stdout

    def test_empty_question_argument(self) -> None:
        result = ask("")
        assert result.returncode == 2
        assert "empty" in result.stderr and "Traceback" not in result.stderr

    def test_no_question(self) -> None:
        assert ask().returncode == 2

    def test_markup_is_read_as_text(self) -> None:
        obj = json.loads(ask("--json", "<@U123ABC> <https://example.com|開示請求>の手続き").stdout)
        assert obj["question"] == "開示請求の手続き" and obj["sections"][0] == "10"
