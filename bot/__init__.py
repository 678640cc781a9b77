"""The Slack layer: a Bolt app over knowledge/ (answers) and intake/ (the database), served over HTTP or Socket
Mode. It translates between Slack and the core and decides nothing itself.

    settings = Settings.from_env(os.environ, mode="http")
    knowledge = LiveKnowledgeBase.load(directory, clock=utc_now)            # the version in force on this clock
    runtime = build_runtime(settings, config, path, knowledge, clock=utc_now)   # bot/runtime.py
    server = SlackHttpServer(runtime.app, signing_secret=settings.signing_secret or "", port=3000)
    with runtime.running():
        server.serve_forever()
"""
from bot.app import build_app, build_client
from bot.http_server import EVENTS_PATH, HEALTH_PATH, SlackHttpServer
from bot.settings import Settings, SettingsError
from bot.socket_mode import build_socket_mode_handler, run_socket_mode

__all__ = [
    "EVENTS_PATH",
    "HEALTH_PATH",
    "Settings",
    "SettingsError",
    "SlackHttpServer",
    "build_app",
    "build_client",
    "build_socket_mode_handler",
    "run_socket_mode",
]
