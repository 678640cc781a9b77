"""A running `privacy-bot serve --http` answers from the knowledge directory in use and takes in an edit of it
within the poll interval (or at once on SIGHUP) only when the edit passes `kb check`: a broken edit is refused,
the old knowledge base keeps answering, and the manager is told once per broken version with `file:line`, then
again when a fixed version is loaded."""
from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.knowledge_reload import NOTICE_PROBLEMS_MAX
from bot.views.notices import knowledge_reload_message
from tests.bot.conftest import MANAGER, wait_until
from tests.fake_slack import Call, FakeSlack
from tests.revisions import base_copy
from tests.slack_helpers import SlackSender, direct_message, server_config

QUESTION = "開示請求の手続きは？"
#: A sentence of the answer of the FAQ entry `disclosure-request`, which answers QUESTION.
OLD_TEXT = "まず /privacy intake で案件登録し"
NEW_TEXT = "まず /privacy intake で案件を登録（改訂版）し"
RELOADED = "ナレッジベースを更新しました"
REFUSED = "読み込みませんでした"


class Bot:
    """A real `serve --http` process with its log lines collected (each one a record)."""

    def __init__(self, process: subprocess.Popen[str], slack: SlackSender, log: list[str]) -> None:
        self.process, self.slack, self.log = process, slack, log


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    return base_copy(tmp_path / "kb")


@pytest.fixture
def start_serve(serve_environ: dict[str, str], kb_dir: Path) -> Iterator[Callable[..., Bot]]:
    processes: list[subprocess.Popen[str]] = []

    def start(*, poll: str = "0.1") -> Bot:
        config = Path(serve_environ["PRIVACY_BOT_CONFIG"])
        config.write_text(server_config(MANAGER, f"knowledge_dir: {kb_dir}\n"), encoding="utf-8")
        env = {**serve_environ, "PRIVACY_BOT_KB_POLL_SECONDS": poll}
        process = subprocess.Popen([sys.executable, "-m", "privacy_bot", "serve", "--http", "--port", "0"],
                                   env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        processes.append(process)
        assert process.stderr is not None
        log: list[str] = []
        for line in process.stderr:
            log.append(line)
            if found := re.search(r"listening on (http://127\.0\.0\.1:\d+/slack/events)", line):
                stream = process.stderr
                threading.Thread(target=lambda: log.extend(stream), daemon=True).start()
                return Bot(process, SlackSender(found.group(1)), log)
        raise AssertionError("the server never said where it listens:\n" + "".join(log))

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait()


def notices(fake: FakeSlack, phrase: str) -> list[Call]:
    return [call for call in fake.calls_to("chat.postMessage") if phrase in call.all_text()]


def ask(bot: Bot, fake: FakeSlack, user: str) -> str:
    """Ask QUESTION by DM as `user` (a new asker each time, so answers are told apart) and return the answer."""
    bot.slack.event(direct_message(QUESTION, user=user, channel=f"D{user}"))
    [answer] = wait_until(lambda: [c for c in fake.calls_to("chat.postMessage") if c.params.get("channel") == f"D{user}"])
    return answer.all_text()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_an_edited_faq_answer_is_served_after_the_next_polls(start_serve: Callable[..., Bot], kb_dir: Path,
                                                             fake_slack: FakeSlack) -> None:
    bot = start_serve()
    assert bot.process.stdout is not None
    summary = bot.process.stdout.readline()  # the start-up line names the knowledge base in use
    assert summary.startswith("start-up: ") and f"knowledge base {kb_dir}, version " in summary
    assert OLD_TEXT in ask(bot, fake_slack, "U0FIRST")
    edit(kb_dir / "faq.yaml", OLD_TEXT, NEW_TEXT)
    [notice] = wait_until(lambda: notices(fake_slack, RELOADED), timeout=10)
    assert str(kb_dir) in notice.all_text() and "Knowledge base reloaded" in notice.all_text()
    answer = ask(bot, fake_slack, "U0SECOND")
    assert NEW_TEXT in answer and OLD_TEXT not in answer
    reloads = [line for line in bot.log if "knowledge base reloaded" in line]
    assert len(reloads) == 1 and str(kb_dir) in reloads[0] and NEW_TEXT not in reloads[0]


def test_bad_yaml_is_refused_once_the_old_one_keeps_serving_and_the_fix_is_loaded(
        start_serve: Callable[..., Bot], kb_dir: Path, fake_slack: FakeSlack) -> None:
    bot = start_serve()
    faq = kb_dir / "faq.yaml"
    good = faq.read_text(encoding="utf-8")
    edit(faq, OLD_TEXT, NEW_TEXT)
    with faq.open("a", encoding="utf-8") as file:
        file.write("  - id: [broken\n")
    [notice] = wait_until(lambda: notices(fake_slack, REFUSED), timeout=10)
    text = notice.all_text()
    assert f"{faq}:" in text and "A knowledge base edit was refused" in text

    answer = ask(bot, fake_slack, "U0DURING")
    assert OLD_TEXT in answer and NEW_TEXT not in answer  # the edit above the broken line is not half-taken
    time.sleep(0.5)  # several polls of the same broken version
    assert len(notices(fake_slack, REFUSED)) == 1
    refusals = [line for line in bot.log if "knowledge base refused" in line]
    assert len(refusals) == 1 and "problems=1" in refusals[0] and "[broken" not in refusals[0]

    faq.write_text(good.replace(OLD_TEXT, NEW_TEXT, 1), encoding="utf-8")
    wait_until(lambda: notices(fake_slack, RELOADED), timeout=10)
    assert NEW_TEXT in ask(bot, fake_slack, "U0AFTER")


def test_a_quote_that_is_not_in_the_policy_is_refused_with_its_line(
        start_serve: Callable[..., Bot], kb_dir: Path, fake_slack: FakeSlack) -> None:
    bot = start_serve()
    policy = kb_dir / "policy.yaml"
    edit(policy, "当社は、個人情報管理責任者をおき", "当社は、個人情報保護責任者をおき")
    [notice] = wait_until(lambda: notices(fake_slack, REFUSED), timeout=10)
    entry_line = line_of(policy, 'id: "9"')
    assert f"{policy}:{entry_line}: entry 9: 'ja' is not verbatim policy text" in notice.all_text()
    assert OLD_TEXT in ask(bot, fake_slack, "U0ASKS")


def test_a_refusal_notice_fits_block_kit_however_many_problems() -> None:
    problems = [f"/srv/kb/faq.yaml:{n}: faq x{n}: " + "長い説明" * 80 for n in range(NOTICE_PROBLEMS_MAX)]
    message = knowledge_reload_message(loaded=False, directory="/srv/kb", version="abc", problems=problems, more=7)
    assert len(message["blocks"]) <= 50
    assert all(len(block.get("text", {}).get("text", "")) <= 3000 for block in message["blocks"])
    assert "7 more" in json.dumps(message, ensure_ascii=False)


def test_sighup_reloads_at_once(start_serve: Callable[..., Bot], kb_dir: Path, fake_slack: FakeSlack) -> None:
    bot = start_serve(poll="30")  # no poll within the test: only the signal can load the edit
    edit(kb_dir / "faq.yaml", OLD_TEXT, NEW_TEXT)
    time.sleep(0.3)
    assert not notices(fake_slack, RELOADED)
    bot.process.send_signal(signal.SIGHUP)
    wait_until(lambda: notices(fake_slack, RELOADED), timeout=10)
    assert NEW_TEXT in ask(bot, fake_slack, "U0HUP")
    assert bot.process.poll() is None  # SIGHUP reloads; it does not stop the server
