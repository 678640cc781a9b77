"""`privacy-bot demo` over HTTP, as the page drives it: a staff member asks in #support and sees the cited answer,
an agent logs a case with `/privacy intake TEXT` through the modal (inline errors included), and the manager's DM
card is acknowledged and updated in place. The real app runs behind its real edge; only Slack is stood in."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from knowledge import KnowledgeBase

from bot.demo.server import DemoServer
from tests.bot.intake_helpers import REQUESTER

STAFF, AGENT, MANAGER, OUTSIDER = "U0STAFF", "U0AGENT", "U0MANAGER", "U0OUTSIDER"
SUPPORT = "C0SUPPORT"


class Page:
    """What the page's script does: read the state as one person, post what they do."""

    def __init__(self, url: str) -> None:
        self.url = url

    def state(self, user: str) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.url}/demo/state?user={user}", timeout=10) as response:
            return dict(json.load(response))

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(self.url + path, data=json.dumps(body).encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return dict(json.load(response))

    def messages(self, user: str, channel: str) -> list[dict[str, Any]]:
        return list(self.state(user)["conversations"].get(channel, []))

    def wait(self, condition: Callable[[], Any], timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        while not (found := condition()):
            assert time.monotonic() < deadline, "timed out"
            time.sleep(0.05)
        return found


def text_of(message: dict[str, Any]) -> str:
    return json.dumps(message["blocks"], ensure_ascii=False) + message["text"]


def buttons(message: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {element["action_id"]: element for block in message["blocks"] if block["type"] == "actions"
            for element in block["elements"]}


@pytest.fixture
def page(knowledge_base: KnowledgeBase) -> Iterator[Page]:
    demo = DemoServer(port=0, knowledge_base=knowledge_base).start()
    yield Page(demo.url)
    demo.stop()


def test_the_page_is_served_without_anything_from_the_network(page: Page) -> None:
    with urllib.request.urlopen(page.url + "/", timeout=10) as response:
        html = response.read().decode("utf-8")
    assert "privacy-bot demo" in html and "<script" in html
    assert "http://" not in html and "https://" not in html.replace('href="$1"', "")  # no CDN, no remote asset


def test_a_question_in_the_support_channel_gets_the_cited_answer_in_its_thread(page: Page) -> None:
    page.post("/demo/say", {"user": STAFF, "channel": SUPPORT, "text": "@privacy-bot 開示請求が来たらどうする？"})
    [question] = [m for m in page.messages(STAFF, SUPPORT) if not m["bot"]]  # the answer may already be there
    answer = page.wait(lambda: next((m for m in page.messages(STAFF, SUPPORT) if m["bot"]), None))
    assert answer["thread_ts"] == question["ts"]
    assert "第10条" in text_of(answer)


def test_an_intake_logged_in_the_modal_reaches_the_manager_who_acknowledges_it_in_place(page: Page) -> None:
    page.post("/demo/say", {"user": AGENT, "channel": SUPPORT, "text": "/privacy intake 退会したので削除してほしいと電話"})
    modal = page.wait(lambda: page.state(AGENT)["modal"])
    assert page.state(MANAGER)["modal"] is None  # the modal is the agent's own
    blocks = {block.get("block_id"): block for block in modal["view"]["blocks"]}
    assert "退会したので" in blocks["description"]["element"].get("initial_value", "")
    answers = {"type": "deletion", "requester.name": REQUESTER["name"], "requester.email": "taro@@example",
               "requester.phone": REQUESTER["phone"], "channel": "phone", "description": REQUESTER["description"],
               "identity.status": "unverified", "data_role": "own_user"}

    refused = page.post("/demo/submit", {"user": AGENT, "answers": answers})
    assert refused["response_action"] == "errors"
    assert "requester.email" in page.state(AGENT)["modal"]["errors"]

    done = page.post("/demo/submit", {"user": AGENT, "answers": {**answers, "requester.email": REQUESTER["email"]}})
    assert done["response_action"] == "update"
    [case_id] = set(re.findall(r"PRV-\d{4}-\d{4}", json.dumps(page.state(AGENT)["modal"]["view"])))

    card = page.wait(lambda: next((m for m in page.messages(MANAGER, "D" + MANAGER) if "case_acknowledge"
                                   in buttons(m)), None))
    assert case_id in text_of(card) and REQUESTER["name"] in text_of(card)
    button = buttons(card)["case_acknowledge"]
    page.post("/demo/press", {"user": MANAGER, "channel": "D" + MANAGER, "ts": card["ts"],
                              "action": {"type": "button", "action_id": "case_acknowledge", "block_id": "",
                                         "value": button["value"]}})
    updated = page.wait(lambda: next((m for m in page.messages(MANAGER, "D" + MANAGER)
                                      if m["ts"] == card["ts"] and m["edited"]), None))
    assert "受付済み" in text_of(updated) and "case_acknowledge" not in buttons(updated)
    assert len([m for m in page.messages(MANAGER, "D" + MANAGER) if m["ts"] == card["ts"]]) == 1


def test_the_command_prints_its_address_and_stops_on_ctrl_c() -> None:
    process = subprocess.Popen([sys.executable, "-m", "privacy_bot", "demo", "--port", "0"], text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={k: v for k, v in os.environ.items() if not k.startswith("SLACK_")})
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("privacy-bot demo: open http://127.0.0.1:"), line
        url = line.split()[3]
        assert Page(url).state(STAFF)["people"]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert process.stderr is not None and "Traceback" not in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()


def test_app_home_is_published_for_the_person_who_opens_it(page: Page) -> None:
    assert page.state(MANAGER)["home"] is None
    page.post("/demo/home", {"user": MANAGER})
    home = page.wait(lambda: page.state(MANAGER)["home"])
    assert home["type"] == "home" and home["blocks"]
    assert page.state(OUTSIDER)["home"] is None  # published for the manager only
