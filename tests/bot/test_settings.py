"""Start-up settings: each mistake is one line naming the variable, never echoing a secret."""
from __future__ import annotations

import pytest

from bot import Settings, SettingsError

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def env(**values: str) -> dict[str, str]:
    return {"SLACK_BOT_TOKEN": "xoxb-1-2-abc", "SLACK_SIGNING_SECRET": SECRET, "SLACK_APP_TOKEN": "xapp-1-A-2-abc",
            **values}


class TestSettings:
    def test_http_needs_bot_token_and_signing_secret(self) -> None:
        settings = Settings.from_env(env(SLACK_APP_TOKEN=""), mode="http")
        assert settings.bot_token == "xoxb-1-2-abc" and settings.app_token is None
        assert settings.api_url == "https://slack.com/api/"

    def test_socket_mode_needs_the_app_token_not_the_secret(self) -> None:
        settings = Settings.from_env(env(SLACK_SIGNING_SECRET=""), mode="socket")
        assert settings.app_token == "xapp-1-A-2-abc" and settings.signing_secret is None

    def test_the_api_url_gets_its_trailing_slash(self) -> None:
        assert Settings.from_env(env(SLACK_API_URL="http://127.0.0.1:9/api"), mode="http").api_url == (
            "http://127.0.0.1:9/api/"
        )

    @pytest.mark.parametrize(
        ("values", "mode", "names"),
        [
            ({"SLACK_BOT_TOKEN": ""}, "http", "SLACK_BOT_TOKEN is not set"),
            ({"SLACK_BOT_TOKEN": "xoxp-user-token-secretpart"}, "http", "starts with 'xoxp'"),
            ({"SLACK_SIGNING_SECRET": ""}, "http", "SLACK_SIGNING_SECRET is not set"),
            ({"SLACK_SIGNING_SECRET": "short secretpart!"}, "http", "SLACK_SIGNING_SECRET does not look"),
            ({"SLACK_APP_TOKEN": ""}, "socket", "SLACK_APP_TOKEN is not set"),
            ({"SLACK_APP_TOKEN": "xoxb-1-2-abc"}, "socket", "SLACK_APP_TOKEN must be a xapp-"),
            ({"SLACK_API_URL": "slack.com/api"}, "http", "SLACK_API_URL must be an http(s) URL"),
        ],
    )
    def test_mistakes_are_one_line_without_the_secret(self, values: dict[str, str], mode: str, names: str) -> None:
        with pytest.raises(SettingsError) as caught:
            Settings.from_env(env(**values), mode=mode)  # type: ignore[arg-type]
        message = str(caught.value)
        assert names in message and "\n" not in message
        assert "secretpart" not in message

    def test_repr_hides_the_secrets(self) -> None:
        assert SECRET not in repr(Settings.from_env(env(), mode="http"))
