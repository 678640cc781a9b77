"""Slack credentials and endpoints, read from the environment once at start-up and checked there.

A typo in a token otherwise surfaces minutes later as an `invalid_auth` deep in a listener thread; checking the
shape here lets `privacy-bot serve` stop with one line that names the variable (never echoing the secret). The
README's own placeholders (`xoxb-…`, `SLACK_SIGNING_SECRET=…`) are recognised as such, since pasting the example
as is is the commonest first mistake.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

__all__ = ["BOT_SCOPES", "DEFAULT_API_URL", "Mode", "Settings", "SettingsError", "slack_error"]

#: The bot token scopes app_manifest.yaml declares (tests/bot/test_manifest.py keeps the two equal): `doctor`
#: compares them with what Slack says the installed token has.
BOT_SCOPES = frozenset({"app_mentions:read", "im:history", "chat:write", "im:write", "commands", "groups:history",
                        "channels:history"})

DEFAULT_API_URL = "https://slack.com/api/"

Mode = Literal["http", "socket"]

_BOT_TOKEN = re.compile(r"xoxb-[A-Za-z0-9-]+")
_APP_TOKEN = re.compile(r"xapp-[A-Za-z0-9-]+")
_SIGNING_SECRET = re.compile(r"[0-9A-Za-z]{16,}")
#: An ellipsis as the README writes it: "…", "...", or "…" read as bytes by a shell without a UTF-8 locale.
_ELLIPSIS = ("…", "...", "\udce2\udc80\udca6")


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
        if signing_secret is not None and _is_placeholder(signing_secret, ""):
            raise SettingsError(
                "SLACK_SIGNING_SECRET is the placeholder copied from the README; paste your app's signing secret"
                " from Basic Information > App Credentials"
            )
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
    if _is_placeholder(value, prefix):
        raise SettingsError(f"{name} is the placeholder {prefix}… copied from the README; paste your app's real token"
                            f" from {where}")
    if not shape.fullmatch(value):
        # Show the kind of token pasted (xoxp, xapp…), never enough of it to matter.
        kind = value.split("-", 1)[0][:4]
        raise SettingsError(f"{name} must be a {prefix}… token (this one starts with {kind!r}); check {where}")
    return value


def _is_placeholder(value: str, prefix: str) -> bool:
    """The README's example value rather than a real one: it holds an ellipsis, or nothing after the prefix."""
    return any(mark in value for mark in _ELLIPSIS) or (bool(prefix) and value == prefix)


def slack_error(response: Any) -> str:
    """Slack's error code from an `ok: false` response, naming the scope when it is `missing_scope` (Slack says
    which one in `needed`), so the operator knows what to add rather than that something is missing."""
    error = str((response.get("error") if response is not None else None) or "unknown_error")
    needed = response.get("needed") if response is not None else None
    if error == "missing_scope" and needed:
        return (f"missing_scope: the token lacks the {needed} scope; add it to the app (app_manifest.yaml or"
                " OAuth & Permissions), then reinstall it")
    return error


def _api_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(f"SLACK_API_URL must be an http(s) URL such as {DEFAULT_API_URL} (got {value!r})")
    return value if value.endswith("/") else value + "/"
