"""Slack credentials and endpoints, read from the environment once at start-up and checked there.

A typo in a token otherwise surfaces minutes later as an `invalid_auth` deep in a listener thread; checking the
shape here lets `privacy-bot serve` stop with one line that names the variable (never echoing the secret).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

__all__ = ["DEFAULT_API_URL", "Mode", "Settings", "SettingsError"]

DEFAULT_API_URL = "https://slack.com/api/"

Mode = Literal["http", "socket"]

_BOT_TOKEN = re.compile(r"xoxb-[A-Za-z0-9-]+")
_APP_TOKEN = re.compile(r"xapp-[A-Za-z0-9-]+")
_SIGNING_SECRET = re.compile(r"[0-9A-Za-z]{16,}")


class SettingsError(ValueError):
    """The environment cannot start the app; the message is one line naming the variable to fix."""


@dataclass(frozen=True)
class Settings:
    """What the Bolt app needs from the outside world.

    `signing_secret` is required over HTTP (it is how we know a request came from Slack); Socket Mode needs
    `app_token` instead, because Slack pushes requests down a socket we opened with it.
    """

    bot_token: str
    signing_secret: str | None = None
    app_token: str | None = None
    api_url: str = DEFAULT_API_URL

    def __repr__(self) -> str:
        # Settings end up in tracebacks and debug logs; the secrets must not.
        return f"Settings(api_url={self.api_url!r}, bot_token=***, signing_secret=***, app_token=***)"

    @classmethod
    def from_env(cls, environ: Mapping[str, str], *, mode: Mode) -> Settings:
        """Read and check SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN and SLACK_API_URL."""
        bot_token = _token(environ, "SLACK_BOT_TOKEN", _BOT_TOKEN, "xoxb-", "OAuth & Permissions")
        signing_secret: str | None = environ.get("SLACK_SIGNING_SECRET", "").strip() or None
        app_token: str | None = None
        if mode == "http":
            if signing_secret is None:
                raise SettingsError(
                    "SLACK_SIGNING_SECRET is not set: copy it from your app's Basic Information > App Credentials"
                )
        else:
            app_token = _token(environ, "SLACK_APP_TOKEN", _APP_TOKEN, "xapp-", "Basic Information > App-Level Tokens")
        if signing_secret is not None and not _SIGNING_SECRET.fullmatch(signing_secret):
            raise SettingsError(
                "SLACK_SIGNING_SECRET does not look like a signing secret (letters and digits only, at least 16);"
                " copy it again from Basic Information > App Credentials"
            )
        return cls(
            bot_token=bot_token,
            signing_secret=signing_secret,
            app_token=app_token,
            api_url=_api_url(environ.get("SLACK_API_URL", "").strip() or DEFAULT_API_URL),
        )


def _token(environ: Mapping[str, str], name: str, shape: re.Pattern[str], prefix: str, where: str) -> str:
    value = environ.get(name, "").strip()
    if not value:
        raise SettingsError(f"{name} is not set: copy the {prefix}… token from your app's {where}")
    if not shape.fullmatch(value):
        # Show the kind of token pasted (xoxp, xapp…), never enough of it to matter.
        kind = value.split("-", 1)[0][:4]
        raise SettingsError(f"{name} must be a {prefix}… token (this one starts with {kind!r}); check {where}")
    return value


def _api_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(f"SLACK_API_URL must be an http(s) URL such as {DEFAULT_API_URL} (got {value!r})")
    return value if value.endswith("/") else value + "/"
