"""Every Slack listener, by feature, and the one table that wires them: from an id in `bot/ids.py` to the function
that handles it is one hop (find the id below).

    answers.py   mentions and DMs, the buttons under an answer, the comment after a 👎
    intake.py    the `/privacy` command, the intake shortcuts and the intake modal
    cases.py     the buttons of a case card and the forms behind them (and the reply draft modal)
    gaps.py      the manager answers a knowledge gap: the "Answer for everyone" button and its modal
    guidance.py  the "log it as urgent" button of a critical answer
    home.py      App Home
    stale.py     whatever interactive request none of them took (an outdated button, shortcut, form or command)

Each listener is a module-level function. Bolt passes a listener the arguments it names (`ack`, `body`,
`client`, ...) and anything set on the request's context by name: `_with_services` puts the app's `Services`
there, so a listener that needs the core names a `services` parameter, with no closure around it.
"""
from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App, BoltContext

from bot import ids
from bot.listeners import answers, cases, gaps, guidance, home, intake, stale
from bot.services import Services

__all__ = ["register"]


def register(app: App, *, services: Services) -> None:
    app.use(_with_services(services))

    app.event(ids.EVENT_APP_MENTION)(answers.hand_to_answer_worker)
    app.event(ids.EVENT_MESSAGE)(answers.hand_to_answer_worker)
    app.action(ids.ACTION_VOTE_UP)(answers.vote_up)
    app.action(ids.ACTION_VOTE_DOWN)(answers.vote_down)
    app.action(ids.ACTION_ASK_MANAGER)(answers.ask_manager)
    app.action(ids.ACTION_SHARE)(answers.share)
    app.view(ids.VIEW_FEEDBACK_COMMENT)(answers.save_feedback_comment)
    app.action(ids.ACTION_GAP_ANSWER)(gaps.open_answer_form)
    app.view(ids.VIEW_GAP_ANSWER)(gaps.submit_answer)

    app.command(ids.SLASH_COMMAND)(intake.handle_privacy_command)
    app.global_shortcut(ids.SHORTCUT_INTAKE)(intake.open_from_shortcut)
    app.message_shortcut(ids.SHORTCUT_INTAKE_FROM_MESSAGE)(intake.open_from_message)
    app.view(ids.VIEW_INTAKE)(intake.submit_intake)

    app.action(ids.ACTION_CASE_ACKNOWLEDGE)(cases.acknowledge)
    app.action(ids.ACTION_CASE_ASSIGN)(cases.open_assign_form)
    app.action(ids.ACTION_CASE_RESOLVE)(cases.open_resolve_form)
    app.action(ids.ACTION_CASE_REFUSE)(cases.open_refuse_form)
    app.action(ids.ACTION_CASE_EXTEND)(cases.open_extend_form)
    app.action(ids.ACTION_CASE_TRANSFER)(cases.open_transfer_form)
    app.action(ids.ACTION_CASE_OPEN)(cases.open_case)
    app.view(ids.VIEW_CASE_ASSIGN)(cases.submit_assign)
    app.view(ids.VIEW_CASE_RESOLVE)(cases.submit_resolve)
    app.view(ids.VIEW_CASE_REFUSE)(cases.submit_refuse)
    app.view(ids.VIEW_CASE_EXTEND)(cases.submit_extend)
    app.view(ids.VIEW_CASE_TRANSFER)(cases.submit_transfer)
    app.action(ids.ACTION_CASE_NOTE)(cases.open_note_form)
    app.action(ids.ACTION_CASE_EDIT)(cases.open_edit_form)
    app.view(ids.VIEW_CASE_NOTE)(cases.submit_note)
    app.view(ids.VIEW_CASE_EDIT)(cases.submit_edit)
    app.action(ids.ACTION_CASE_DRAFT_REPLY)(cases.open_draft_reply)
    app.action(ids.ACTION_DRAFT_STAGE)(cases.redraft_reply)
    app.action(ids.ACTION_DRAFT_LANGUAGE)(cases.redraft_reply)
    app.view(ids.VIEW_CASE_DRAFT_REPLY)(cases.submit_reply_sent)
    app.action(ids.ACTION_CASE_WAIT)(cases.open_wait_form)
    app.action(ids.ACTION_CASE_BACK_TO_WORK)(cases.back_to_work)
    app.action(ids.ACTION_CASE_WITHDRAW)(cases.open_withdraw_form)
    app.view(ids.VIEW_CASE_WAIT)(cases.submit_wait)
    app.view(ids.VIEW_CASE_WITHDRAW)(cases.submit_withdraw)
    # The card's ⋯ menu: each option goes to the listener of the button it stands for.
    app.action(ids.ACTION_CASE_MORE, matchers=[cases.chose(ids.ACTION_CASE_REFUSE)])(cases.open_refuse_form)
    app.action(ids.ACTION_CASE_MORE, matchers=[cases.chose(ids.ACTION_CASE_EXTEND)])(cases.open_extend_form)
    app.action(ids.ACTION_CASE_MORE, matchers=[cases.chose(ids.ACTION_CASE_TRANSFER)])(cases.open_transfer_form)
    app.action(ids.ACTION_CASE_MORE, matchers=[cases.chose(ids.ACTION_CASE_WITHDRAW)])(cases.open_withdraw_form)
    app.action(ids.ACTION_CASE_MORE, matchers=[cases.chose(ids.ACTION_CASE_EDIT)])(cases.open_edit_form)

    app.action(ids.ACTION_OPEN_URGENT_INTAKE)(guidance.open_urgent_intake)
    app.event(ids.EVENT_APP_HOME_OPENED)(home.publish_home)
    app.action(ids.ACTION_HOME_FILTER)(home.choose_filter)

    # Last: they take whatever no listener above took.
    app.action(stale.ANY)(stale.outdated_element)
    app.shortcut(stale.ANY)(stale.outdated_element)
    app.view_submission(stale.ANY)(stale.outdated_form)
    app.command(stale.ANY)(stale.outdated_command)


def _with_services(services: Services) -> Callable[[BoltContext, Callable[[], None]], None]:
    """A global middleware that hands `services` to every listener naming it."""

    def provide(context: BoltContext, next: Callable[[], None]) -> None:  # noqa: A002 - Bolt's name for it
        context["services"] = services
        next()

    return provide
