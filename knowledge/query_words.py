"""The policy named only as where something is written, set aside before matching.

「委託先のことはポリシーになんて書いてある？」 and "what does our policy say about…" only point at the document the
whole knowledge base quotes; matched, the word "policy" pulls the question towards §15 (changes to the policy) and
§0. Such a mention is dropped unless the question is about the policy as a document: its changes, versions, where
it is published, or what it applies to (§1).
"""
from __future__ import annotations

import re

#: The policy named as where something is written, in either language.
_POLICY_MENTION = re.compile(
    r"(うちの|当社の|弊社の|この|本)?(プライバシー)?(ポリシー|プラポリ|方針)(的に|的には|上|上は|では|に|には|の中で|で)"
    r"(は|も)?(なんて|何て|どう|何か)?(書いて|記載|定め|決ま|規定|載っ)?"
    r"|\b(in|under|does|do|according to|per) (the |our |your )?(privacy )?polic(y|ies)( (say|says|mention|state|cover))?",
    re.IGNORECASE,
)
#: A question about the policy as a document: its changes, versions, publication, what it applies to.
_ABOUT_THE_DOCUMENT = re.compile(
    r"改定|改正|変更|変わ|更新|版|公開|掲載|どこに(ある|載)|見られ|英語|revis|chang|updat|amend|version|publish|where (is|can)"
    r"|translat|english|latest|対象|適用|守られ|カバー|範囲|含まれ|\bcover|\bappl(y|ies)|\bscope|protected by",
    re.IGNORECASE,
)


#: 「他の会社」「別の会社」, as the policy's keywords say it: 他社.
_OTHER_COMPANY = re.compile(r"(他|ほか|別|よそ)の(会社|企業|業者|事業者)")
#: The company named as staff name it (うちの責任, うちって, 自社, わが社; CallConnectの責任), as the policy does: 当社.
#: Not 「うちに」, which is as often "while" (気づかないうちに) as "at our place".
_OUR_COMPANY = re.compile(r"うちの会社|わが社|我が社|自社|うち(?=の|って|は|が|で|から|も)|(callconnect|selfree|コールコネクト)(?=の責任|のせい)",
                          re.IGNORECASE)


def without_the_policy_named(question: str) -> str:
    """The question with a mere mention of the policy as a place dropped, 他の会社 said 他社 and うち said 当社."""
    text = question if _ABOUT_THE_DOCUMENT.search(question) else _POLICY_MENTION.sub(" ", question)
    return _OUR_COMPANY.sub("当社", _OTHER_COMPANY.sub("他社", text))
