"""English words in a Japanese question (「user の delete request どうする？」), given their Japanese as well.

Staff mix English business words into Japanese Slack messages. The matcher reads Japanese by its words and
English by its stems, so a sentence that is half of each matches neither well. A question in Japanese script
is matched with each such word written in Japanese where it stands (「第三者提供の例外」 then matches as a whole,
which 「thirdparty 提供の exception」 does not), and the English words are kept after it for the English keywords.
The words are general vocabulary of the topic (data, request,
third party, consent…), in the forms staff type them; names (Google Analytics) are left as they are.
"""
from __future__ import annotations

import re

from common.text import has_japanese

#: English word or phrase (lower case, a hyphen or a space dropped) -> its Japanese.
_GLOSSARY: dict[str, str] = {
    "data": "データ", "user": "ユーザー", "users": "ユーザー", "request": "請求", "requests": "請求",
    "delete": "削除", "deletion": "削除", "remove": "削除", "erase": "消去", "stop": "停止", "suspend": "停止",
    "flow": "手続", "process": "手続", "procedure": "手続", "steps": "手続", "policy": "ポリシー",
    "thirdparty": "第三者", "thirdparties": "第三者", "exception": "例外", "exceptions": "例外", "consent": "同意",
    "optout": "オプトアウト", "disclose": "開示", "disclosure": "開示",
    "correct": "訂正", "correction": "訂正", "fix": "訂正", "update": "変更", "change": "変更",
    "vendor": "委託先", "vendors": "委託先", "contractor": "委託先", "outsource": "委託", "outsourcing": "委託",
    "share": "提供", "sharing": "提供", "provide": "提供", "transfer": "提供", "sell": "販売",
    "leak": "漏えい", "breach": "漏えい", "police": "警察", "purpose": "利用目的", "purposes": "利用目的",
    "security": "安全管理", "safe": "安全", "manager": "責任者", "officer": "責任者", "dpo": "責任者",
    "contact": "お問い合わせ", "inquiry": "お問い合わせ", "deadline": "期限", "statistics": "統計", "stats": "統計",
    "address": "住所", "phone": "電話番号", "name": "氏名", "location": "位置情報", "device": "端末",
    "notice": "通知", "notify": "通知", "announce": "公表", "liability": "責任", "responsible": "責任",
    "collect": "取得", "acquire": "取得", "use": "利用", "usage": "利用", "ads": "広告", "advertising": "広告",
    "tracking": "トラッキング", "retention": "保存期間", "retain": "保存", "retained": "保存", "store": "保管", "stored": "保管", "law": "法令",
    "complaint": "苦情", "identity": "本人確認", "verify": "本人確認", "scope": "範囲", "revise": "改定",
    "revision": "改定", "amend": "改定",
}


#: A word, or the two-word phrases written as one key ("third party", "opt-out"); a word before a capitalised
#: one (Customer Data Platform) is part of a name.
_WORD = re.compile(r"(?<![A-Za-z])(third[- ]?part(?:y|ies)|opt[- ]?out|[A-Za-z]+)(?![A-Za-z])(?!\s[A-Z])")


def with_japanese_words(question: str) -> str:
    """The question with its English words in Japanese (and then as typed), when it is written in Japanese; else
    as it is."""
    if not has_japanese(question):
        return question
    translated: list[str] = []

    def japanese(match: re.Match[str]) -> str:
        found = _GLOSSARY.get(re.sub(r"[- ]", "", match.group().lower()))
        if found is None:
            return match.group()
        translated.append(match.group())
        return found

    in_japanese = _WORD.sub(japanese, question)
    # The English words stay too, after it: the English keywords ("stop using") still meet them.
    return f"{in_japanese} {' '.join(translated)}" if translated else question
