"""Every name Slack routes on, in one place, so block builders, listeners and the manifest test agree.

Action ids travel in the buttons the views build and come back in `block_actions` payloads; callback ids name the
modals; the event types and the slash command must match `app_manifest.yaml` (tests/bot/test_manifest.py).
"""
from __future__ import annotations

from typing import Final

#: The slash command; also declared under `features.slash_commands` in the manifest.
SLASH_COMMAND: Final = "/privacy"

#: Event types the app subscribes to. Bolt sees `message.im` as type `message` with `channel_type: im`.
EVENT_APP_MENTION: Final = "app_mention"
EVENT_MESSAGE: Final = "message"

# Buttons under an answer. Their `value` is the id of the answer's row in `feedback` (see bot/feedback.py),
# never the question itself: a question can be longer than a button value may be.
ACTION_VOTE_UP: Final = "answer_vote_up"
ACTION_VOTE_DOWN: Final = "answer_vote_down"
ACTION_ASK_MANAGER: Final = "answer_ask_manager"
ACTION_SHARE: Final = "answer_share_in_channel"

# The modal that 👎 opens for an optional comment, and its single input.
VIEW_FEEDBACK_COMMENT: Final = "feedback_comment"
BLOCK_FEEDBACK_COMMENT: Final = "feedback_comment_block"
INPUT_FEEDBACK_COMMENT: Final = "feedback_comment_input"

#: Block id of the actions row under an answer, so a view can find (and replace) it.
BLOCK_ANSWER_ACTIONS: Final = "answer_actions"

# -- Intake -------------------------------------------------------------------------------------------------------

#: Shortcuts declared under `features.shortcuts` in the manifest: from anywhere, and on a message.
SHORTCUT_INTAKE: Final = "privacy_intake"
SHORTCUT_INTAKE_FROM_MESSAGE: Final = "privacy_intake_from_message"
VIEW_INTAKE: Final = "privacy_intake_modal"
#: The intake modal's input blocks are named after the `intake.validation` field they fill, so a per-field error
#: goes back next to its field unchanged. Every input block holds one element with this action id.
INPUT_VALUE: Final = "value"
BLOCK_TYPE: Final = "type"
BLOCK_URGENT: Final = "urgent"
BLOCK_NAME: Final = "requester.name"
BLOCK_EMAIL: Final = "requester.email"
BLOCK_PHONE: Final = "requester.phone"
BLOCK_AGENT_KIND: Final = "agent.kind"
BLOCK_AGENT_NAME: Final = "agent.name"
BLOCK_CHANNEL: Final = "channel"
BLOCK_DESCRIPTION: Final = "description"
BLOCK_IDENTITY_STATUS: Final = "identity.status"
BLOCK_IDENTITY_METHOD: Final = "identity.method"
BLOCK_DATA_ROLE: Final = "data_role"
BLOCK_CLIENT_NAME: Final = "client_name"

#: The button under a critical answer (a leak, an authority's request): it opens the intake modal with the urgent
#: type preset; its value is that request type (never any text of the question).
ACTION_OPEN_URGENT_INTAKE: Final = "guidance_open_urgent_intake"
BLOCK_GUIDANCE_ACTIONS: Final = "guidance_actions"

# -- Cases: the manager's card, App Home and the modals behind the buttons --------------------------------------

#: Buttons on a case card (and "open" in App Home). Their value is the case id.
ACTION_CASE_ACKNOWLEDGE: Final = "case_acknowledge"
ACTION_CASE_ASSIGN: Final = "case_assign"
ACTION_CASE_RESOLVE: Final = "case_resolve"
ACTION_CASE_REFUSE: Final = "case_refuse"
ACTION_CASE_EXTEND: Final = "case_extend"
ACTION_CASE_TRANSFER: Final = "case_transfer"
ACTION_CASE_OPEN: Final = "case_open"
BLOCK_CASE_ACTIONS: Final = "case_actions"
#: One modal per button that needs more than a click; the case id travels in `CaseActionMetadata`.
VIEW_CASE_ASSIGN: Final = "case_assign_modal"
VIEW_CASE_RESOLVE: Final = "case_resolve_modal"
VIEW_CASE_REFUSE: Final = "case_refuse_modal"
VIEW_CASE_EXTEND: Final = "case_extend_modal"
VIEW_CASE_TRANSFER: Final = "case_transfer_modal"
#: Read-only: a case's details and history (no submit button, so no submission listener).
VIEW_CASE_DETAIL: Final = "case_detail_modal"
#: Input blocks of those modals, named after the `intake` error keys (`ValidationError.errors`).
BLOCK_ASSIGNEE: Final = "assignee"
BLOCK_OUTCOME: Final = "outcome"
BLOCK_GROUND: Final = "ground"
BLOCK_REASON: Final = "reason"
BLOCK_DUE: Final = "due"
BLOCK_CLIENT: Final = "client"

#: Notes and edits (issue 13): buttons on the card (Note also on each App Home row), their modals and inputs. The
#: note's input is named after the core's error key (`text`); the edit modal's after the intake fields it edits.
ACTION_CASE_NOTE: Final = "case_note"
ACTION_CASE_EDIT: Final = "case_edit"
VIEW_CASE_NOTE: Final = "case_note_modal"
VIEW_CASE_EDIT: Final = "case_edit_modal"
BLOCK_NOTE_TEXT: Final = "text"
#: The Resolve form's optional reason to proceed before identity is verified (shown only when the rule applies).
BLOCK_IDENTITY_OVERRIDE: Final = "identity_override"
#: "返信文案 / Draft reply" on a case card (value: the case id) opens a modal with the draft, a stage select and a
#: language select (each redraws the draft when changed) and "送信済みにする / Mark as sent" as its submit.
ACTION_CASE_DRAFT_REPLY: Final = "case_draft_reply"
VIEW_CASE_DRAFT_REPLY: Final = "case_draft_reply_modal"
BLOCK_STAGE: Final = "stage"
BLOCK_LANGUAGE: Final = "language"
ACTION_DRAFT_STAGE: Final = "draft_stage"
ACTION_DRAFT_LANGUAGE: Final = "draft_language"
BLOCK_DRAFT: Final = "draft"

#: App Home: the event, and nothing else (its buttons are ACTION_CASE_OPEN).
EVENT_APP_HOME_OPENED: Final = "app_home_opened"

#: Waiting for the requester (a modal: what for, and what exactly), back to work, withdrawn (a modal: why).
ACTION_CASE_WAIT: Final = "case_wait_for_requester"
ACTION_CASE_BACK_TO_WORK: Final = "case_back_to_work"
ACTION_CASE_WITHDRAW: Final = "case_withdraw"
VIEW_CASE_WAIT: Final = "case_wait_modal"
VIEW_CASE_WITHDRAW: Final = "case_withdraw_modal"
BLOCK_WAITING_FOR: Final = "waiting_for"
#: The card's ⋯ menu of secondary actions. Each option's value is `menu_value(ACTION_CASE_…, case id)`: the id of
#: the button it stands for and the case, so the listener table routes it to that button's listener. The buttons'
#: own ids stay routed too: cards already in Slack carry them.
ACTION_CASE_MORE: Final = "case_more"
#: App Home's queue filter (a static select at the top); the chosen filter travels in the Home view's metadata.
ACTION_HOME_FILTER: Final = "home_filter"
BLOCK_HOME_FILTER: Final = "home_filter"

#: Marks a message the outbox posted (message metadata `event_type`, and the block id prefix of its first block),
#: so the sender can recognise its own post in a conversation after a crash.
OUTBOX_EVENT_TYPE: Final = "privacy_bot_outbox"
OUTBOX_BLOCK_PREFIX: Final = "outbox-"
#: Marks an answer (or a "busy" notice) posted for a question in the inbox, by the question's inbox key (Slack's
#: event id), so that after a crash the answer worker finds its own post instead of answering twice.
ANSWER_EVENT_TYPE: Final = "privacy_bot_answer"
ANSWER_BLOCK_PREFIX: Final = "answer-"

# -- Knowledge gaps (issue 12): the manager's answers ----------------------------------------------------------------

#: "みんなへの回答を登録 / Answer for everyone" on the "ask the privacy manager" DM and on each open gap in App Home
#: (value: the gap id) opens the answer modal; its inputs below.
ACTION_GAP_ANSWER: Final = "gap_answer"
VIEW_GAP_ANSWER: Final = "gap_answer_modal"
BLOCK_GAP_ANSWER_JA: Final = "gap_answer_ja"
BLOCK_GAP_ANSWER_EN: Final = "gap_answer_en"
BLOCK_GAP_CITES: Final = "gap_cites"
BLOCK_GAP_AUDIENCE: Final = "gap_audience"
INPUT_GAP_VALUE: Final = "value"
#: The checkbox option that lets all staff see the answer.
GAP_ALL_STAFF: Final = "all_staff"
BLOCK_GAP_ACTIONS: Final = "gap_actions"
