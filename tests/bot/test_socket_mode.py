"""Socket Mode serves the very app object HTTP serves; wired without opening a WebSocket."""
from __future__ import annotations

import json
from pathlib import Path

from intake.config import Config
from knowledge import KnowledgeBase
from slack_sdk.socket_mode.request import SocketModeRequest

from bot import Settings, build_socket_mode_handler
from bot.runtime import build_runtime
from tests.fake_slack import FakeSlack
from tests.slack_helpers import APP_TOKEN, BOT_TOKEN, event_envelope, mention


def test_the_handler_wraps_the_same_app_and_answers_an_envelope(
    fake_slack: FakeSlack, knowledge_base: KnowledgeBase, tmp_path: Path
) -> None:
    """The handler holds our app and its client (same SLACK_API_URL); an envelope is acked and answered."""
    settings = Settings(bot_token=BOT_TOKEN, app_token=APP_TOKEN, api_url=fake_slack.api_url)
    runtime = build_runtime(settings, Config(), tmp_path / "bot.db", knowledge_base)
    app, answers = runtime.app, runtime.answers.start()
    handler = build_socket_mode_handler(app, app_token=APP_TOKEN)
    assert handler.app is app
    assert handler.client.web_client is app.client
    assert handler.client.app_token == APP_TOKEN

    sent: list[dict] = []
    handler.client.send_socket_mode_response = lambda response: sent.append(response.to_dict())  # no socket
    envelope = {"envelope_id": "env-1", "type": "events_api", "accepts_response_payload": False,
                "retry_attempt": 0, "retry_reason": "",
                "payload": event_envelope(mention("開示請求が来たらどうする？"), event_id="Ev0SOCKET")}
    request = SocketModeRequest.from_dict(json.loads(json.dumps(envelope)))
    assert request is not None
    handler.handle(handler.client, request)
    assert sent and sent[0]["envelope_id"] == "env-1"
    [call] = fake_slack.wait_for("chat.postMessage")
    assert "第10条" in call.all_text()

    handler.handle(handler.client, SocketModeRequest.from_dict({**envelope, "retry_attempt": 1}))
    assert len(sent) == 2
    app.listener_runner.listener_executor.shutdown(wait=True)
    answers.stop()
    assert len(fake_slack.calls_to("chat.postMessage")) == 1  # the redelivered envelope is not answered again
