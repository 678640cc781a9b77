"""The DM that "Ask the privacy manager" sends. Pure builder.

Written in Japanese (the manager's working language) whatever the asker wrote; the question itself is quoted
as typed. An unanswered question is worded as a gap in the knowledge base, which is what the manager acts on.
"""
from __future__ import annotations

from collections.abc import Sequence

from bot.views.blocks import Block, Message, context, escape, fit_message, quote, sections, truncate
from bot.views.gaps import answer_gap_button

__all__ = ["QUESTION_MAX", "manager_request_message"]

#: The manager sees at most this much of a pasted wall of text; the full question is in the `feedback` table.
QUESTION_MAX = 2900


def manager_request_message(
    *,
    asked_by: str,
    question: str,
    answered: bool,
    sections_cited: Sequence[str],
    permalink: str | None,
    channel_id: str | None,
    gap_id: int | None = None,
) -> Message:
    """Who asks, what, what the bot said, and where to reply (a link to the thread when there is one)."""
    intro = f"<@{asked_by}> さんから、プライバシーポリシーについての確認依頼です。"
    shown = truncate(question.strip(), QUESTION_MAX, ellipsis=f"…（全 {len(question)} 文字）") or "（質問文なし）"
    blocks: list[Block] = sections(intro)
    blocks += quote(shown)
    if answered:
        cited = "、".join(sections_cited[:5]) or "なし"
        blocks.append(context(escape(f"ボットは回答済みです（引用した条項: {cited}）。内容の確認をお願いします。")))
    else:
        blocks.append(
            context("ボットはポリシーに該当する記載を見つけられず、回答を控えました（ナレッジベースの不足の可能性があります）。")
        )
    if permalink:
        blocks.append(context(f"<{permalink}|元のスレッドを開く>"))
    elif channel_id and not channel_id.startswith("D"):
        blocks.append(context(f"質問のあったチャンネル: <#{channel_id}>"))
    else:
        blocks.append(context(f"ボットへの DM での質問です。<@{asked_by}> さんに直接ご返信ください。"))
    if gap_id is not None:  # the answer the manager writes here serves everyone who asks it next
        blocks.append(context(f"未回答の質問 #{gap_id} として記録しました。回答を登録すると、次に同じ質問をした人にも表示されます。"))
        blocks.append(answer_gap_button(gap_id))
    return fit_message(f"<@{asked_by}> さんからプライバシーポリシーについての確認依頼があります。", blocks)
