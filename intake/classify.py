"""Triage: suggest a request type and urgency for a raw inquiry (an email body, a phone note; ja or en).

The type comes from the knowledge package's matcher run over the request types (their keywords, labels,
descriptions and example sentences from `request_types.yaml`), so triage and policy search share one normaliser
and one notion of "matches". Urgency is separate and deliberately keyword-driven (appi.md §5): whatever the type,
an inquiry that mentions a leak, an authority's request, a legal threat or a risk to someone's safety must reach
the manager at once, and a missed urgent case costs far more than a false alarm.

A suggestion is only a suggestion: the person logging the case confirms the type.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from common.matcher import MatchDocument, Matcher
from common.text import clean_input
from intake.request_types import RequestTypes, load_request_types

__all__ = [
    "FALLBACK_TYPE",
    "SIGNAL_TYPES",
    "URGENCY_SIGNALS",
    "Classification",
    "classify",
    "critical_type",
    "urgency_signals",
]

#: Below this matcher score the inquiry names no request we recognise; it is filed as a general inquiry.
MIN_TYPE_SCORE = 0.18
FALLBACK_TYPE = "general"
#: An urgency signal that names a type decides it when the matcher found nothing convincing: a garbled or
#: unusual leak report is still a leak report. The confidence given is then the signal's, modest on purpose.
SIGNAL_TYPES = {"leak": "leak_report", "authority": "authority_request"}
SIGNAL_DECIDES_BELOW = 0.4
SIGNAL_CONFIDENCE = 0.5
#: Urgency is looked for in the whole inquiry (a threat can sit at the end of a long email), within reason.
MAX_SIGNAL_CHARS = 50_000

_BEFORE = r"(?<![a-z])"
_AFTER = r"(?![a-z])"

#: Signal name → patterns over the NFKC-folded, lower-cased text. Japanese first, then English.
URGENCY_SIGNALS: dict[str, tuple[str, ...]] = {
    "leak": (
        r"漏えい|漏洩|流出|誤送信|誤送付|誤配信|誤配送|(誤って|間違(え|っ)て|うっかり).{0,20}(送|届|共有|公開|添付|転送)",
        r"(別|他|違う)の(人|方|宛先|取引先|会社|お客|顧客|ユーザ).{0,12}(に|へ).{0,12}(送って|送信して|届いて|転送して)",
        r"(情報|データ|番号|アドレス|録音|履歴|パスワード).{0,6}(漏れ|もれ)",
        r"不正アクセス|不正ログイン|乗っ取|ハッキング|サイバー攻撃|ランサム|マルウェア|ウイルス感染|盗難|盗まれ",
        r"(他人|別人|他社|他の(人|方|ユーザ|利用者|会社|企業|顧客|お客)|知らない(人|方|会社|番号)|別の(人|方|ユーザ|利用者|会社|企業|顧客|お客))"
        r".{0,25}(見え|表示|届|閲覧|聞こえ|再生|送られ|入って|載って|出て)",
        r"身に覚えのない(ログイン|アクセス|操作)",
        r"(別|他|違う|知らない)の?(人|方|お客|顧客|ユーザ|利用者|会社|受信者)の(名前|氏名|情報|データ|住所|電話番号|メールアドレス|アドレス"
        r"|請求書|通話).{0,20}(書かれ|記載|載って|表示|見え|届|入って|添付)",
        r"(?<![a-z])b?cc(?![a-z]).{0,25}(見え|表示|丸見え)|(全員|みんな)の(メール)?アドレスが.{0,10}(見え|表示)",
        r"(私|自分|本人)(ではない|じゃない|以外の)(方|人|お客|ユーザ|利用者).{0,25}(見え|表示|届|載って|出て|記載)",
        r"(ネット|ウェブ|web|sns|掲示板).{0,30}(出回|晒|公開されて|貼られ|載って|流れて)",
        _BEFORE + r"(leak|leaks|leaked|leaking|leakage|breach|breached|breaches|exposed|hacked|hacker|hackers|stolen)" + _AFTER,
        r"some(one|body) else'?s|another (customer|user|person|company|client)'?s|other (people|customers|users|clients)'?s?"
        + _AFTER,
        r"(logged|signed) (in|into my account) without|without my (permission|knowledge|consent) (logged|accessed)|unauthori[sz]ed (access|login)|account (was |has been )?(taken over|compromised|hijacked)|compromised",
        r"sent to the wrong|wrong (recipient|person|address)|misdirected|mis-sent|phishing",
        r"(that|it) (wasn't|was not) me (who|that) (logged|signed) in|(wasn't|was not) me.{0,40}(log ?in|sign-?in|access)"
        r"|got into (my|our) account|login alert|signed in from (another|a different) country",
        r"(share|public|shared) link.{0,60}(anyone|public|without (logging|signing|a password))|anyone with the link",
    ),
    "authority": (
        r"警察|刑事課|捜査|検察|裁判所|令状|差押|差し押さえ|捜索|弁護士会照会|23条照会|二十三条照会|弁護士法\s*第?\s*23\s*条|文書送付嘱託|調査嘱託",
        r"提出命令|発信者情報開示|税務署|国税局|労働基準監督署|監督官庁|行政機関から|官公庁|公安",
        r"(個人情報保護委員会|保護委員会|監督官庁|行政機関|市役所|区役所|役所|自治体|省庁)(から|より).{0,25}(照会|問い合わせ|問合せ|提出|報告|求め|要請|依頼|連絡|書面|通知)",
        _BEFORE + r"(police|subpoena|subpoenaed|warrant|prosecutor|detective|sheriff|fbi)" + _AFTER,
        r"law enforcement|court order|court-ordered|order of the court|government (agency|authority)|bar association"
        r"|tax (office|authority)|official (request|inquiry) from",
        r"(regulator|supervisory authority|data protection (authority|commission)|personal information protection"
        r" commission|government (office|department|ministry))s?\b.{0,40}(asked|asking|requested|requesting|demand|ordered"
        r"|requires|required|sent us|wrote to us|letter|inquiry|enquiry)",
    ),
    "legal_threat": (
        r"訴訟|訴え|提訴|告訴|告発|裁判(を|に|で|沙汰|を起こ)|法的(措置|手段|手続|対応)|内容証明",
        r"弁護士(に|と)(相談|依頼|頼)|弁護士を(通|立て|入れ)|弁護士から(連絡|通知|書面|内容証明)|法律事務所から",
        r"(個人情報保護委員会|保護委員会|消費者センター|消費生活センター|国民生活センター|警察)(に|へ)(申告|通報|訴え|苦情|相談|申し立て|申立)"
        r"|損害賠償|慰謝料|被害届|通報します",
        _BEFORE + r"(ppc|sue|suing|sued|lawsuit|litigation|damages)" + _AFTER,
        r"my (lawyer|attorney|solicitor)|(contact|consult|hire|call|involv)(e|ed|ing)? (a|my|our) (lawyer|attorney|solicitor)"
        r"|(lawyer|attorney|solicitor)s? will|letter from (a|our|my|their) (lawyer|attorney|solicitor|law firm)",
        r"legal action|take you to court|class action|(complain|complaint|report|reported|reporting) .{0,20}"
        r"(personal information protection commission|data protection (authority|commission)|regulator)"
        r"|report (you|this) to|file a (claim|report|complaint) with",
    ),
    "safety": (
        r"命の危険|生命の危険|身の危険|殺され|殺す|自殺|ストーカ|つきまと|家庭内暴力|暴力を受け|脅迫|(?<![a-z])dv(?![a-z])",
        r"danger to (my|his|her|their) life|threat(ened)? to kill|stalker|stalking|domestic (violence|abuse)|suicid"
        r"|self-harm|fear for (my|our) safety",
    ),
}

_COMPILED = {name: tuple(re.compile(p) for p in patterns) for name, patterns in URGENCY_SIGNALS.items()}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().replace("’", "'")


#: A leak or an authority named in a hypothetical or a question about the rules ("what if the police ask?",
#: 「漏えいした場合の報告期限は？」, "which clause covers police requests?") is not an incident.
_HYPOTHETICAL = re.compile(
    r"場合|としたら|したら|(来|届|あっ|され)たら|ときは|時は|際は|一般(的に|論)|ポリシー|規約|条項|条文|規定|どの条|(?<!法)第\s*\d+\s*条|"
    r"(れ|え|し|き|っ|い)ても|って本当|というのは本当|ってほんと|ガイドライン|について(教えて|知りたい)|とは(何|なん)|(漏えい|漏洩|流出|情報漏れ|ハッキング|不正アクセス)(が|は)(心配|不安|怖)|"
    r"(?<![a-z])(if|in case|what happens|suppose|hypothetical(ly)?|in general|generally|policy|clause|section|article"
    r"|even if|is it true|are we liable|would we be|ever|do you|does your company|would you|how .{0,40}\bworks?"
    r"|what is the (process|procedure)|in principle|guidelines?|explain|(worried|concerned|afraid|nervous) (about|of))(?![a-z])"
)
#: The incident happened somewhere else (the news, another company) or is a subject of study, not something here:
#: 「ニュースで他社の漏えい事件を見ました」, "a competitor was hacked, are we affected?", "writing about breaches".
_ELSEWHERE = re.compile(
    r"ニュース|報道|新聞|記事|他社|競合|同業|よその会社|別の会社(で|が)|取材|研修|勉強|"
    r"(?<![a-z])(news|reported that|another (company|firm|vendor|provider|business|saas)|other companies|competitors?"
    r"|journalist|reporter|writing (about|an article)|article|research(ing)?|training|course)(?![a-z])"
)
#: …unless the message says it reached us or our users: our system, this user's data, this account.
_HERE = re.compile(
    r"(御社|貴社|弊社|当社|うち|私|自分)(の|で|から|が).{0,15}(漏れ|漏え|漏洩|流出|不正|盗|誤送信|見え|表示|届)(た|て|し|され|い)|"
    r"見え(て|た|る)|表示(され|して)|ログインしたら|"
    r"(?<![a-z])((your|our) (system|database|servers?|site|app|service|company|staff|agent)|my (data|account|details"
    r"|information|number)|(could|can) see|showing|shown|visible|logged in|logging in|after (logging|signing) in)(?![a-z])"
)
#: What shows that it happened or is happening: something arrived, was found, was done, now.
_ACTUAL = re.compile(
    r"(来|届)(た|ました|いた|きました|いて)|ありました|あった(ん|の|。|よ)|受けました|受けた|受け取|求められ(た|ました|てい)|"
    r"要求され|されました|されてい(る|た|ま)|しました|しまいました|しまった|ちゃった|発生し|判明|気づ|見つか|起き(た|ました)|"
    r"本日|今日|昨日|先ほど|さっき|今朝|現在|警察です|署の者|照会(です|いたします|します)|ご回答(ください|を(お願い|求め))|"
    r"(提出|回答|開示)(してください|を求めます|願います)|"
    r"(?<![a-z])(received|we got|got a|came in|is asking|are asking|asked us|has asked|have asked|is requesting|"
    r"are requesting|requested|demand(s|ed|ing)?|we are the police|happened|just now|today|yesterday|this morning|"
    r"found|noticed|discovered|was sent|were sent|i sent|we sent|accidentally|showing|appeared|can see|i see|"
    r"got hacked|was hacked|has been|please provide|we request|you are requested)(?![a-z])"
)
_NOT_ACTUAL_AFTER = re.compile(r"\s*(場合|ら|とき|時|際)")
#: Signals that name an event, which must have happened to be urgent; a threat is urgent however it is phrased.
_EVENT_SIGNALS = ("leak", "authority")


#: A marketing email sent to the wrong address discloses nobody's data but the recipient's own address: it is an
#: opt-out or a complaint, not a leak, unless someone else's data came with it (a CC list, another customer's name).
_MARKETING = re.compile(
    r"メルマガ|メールマガジン|広告メール|宣伝メール|営業メール|キャンペーン|ニュースレター|ダイレクトメール|"
    r"(?<![a-z])(newsletters?|marketing|promotional|promotions?|sales emails?|advert(s|ising)?|mailing list)(?![a-z])"
)
_OTHERS_DATA = re.compile(
    r"(他|別|違う|知らない)の(お客|方|人|ユーザ|利用者|顧客|会社|受信者)の|別人|他人|(?<![a-z])(cc|bcc)(?![a-z])|"
    r"some(one|body) else'?s|another (customer|person|user|client|company)'?s|other (customers|people|users|recipients)"
)


def _describes_an_event(folded: str) -> bool:
    """Whether the text reports something that happened here, rather than asking about a rule, a hypothesis or
    an incident elsewhere."""
    if _ELSEWHERE.search(folded) and not _HERE.search(folded):
        return False
    if _MARKETING.search(folded) and not _OTHERS_DATA.search(folded):
        return False
    if not _HYPOTHETICAL.search(folded):
        return True
    return any(not _NOT_ACTUAL_AFTER.match(folded, m.end()) for m in _ACTUAL.finditer(folded))


def urgency_signals(text: str) -> tuple[str, ...]:
    """The names of the urgency signals the text carries (empty when none)."""
    folded = _fold(text)
    found = [name for name, patterns in _COMPILED.items() if any(p.search(folded) for p in patterns)]
    if any(name in _EVENT_SIGNALS for name in found) and not _describes_an_event(folded):
        found = [name for name in found if name not in _EVENT_SIGNALS]
    return tuple(found)


@dataclass(frozen=True)
class Classification:
    """A triage suggestion. `candidates` are (type, score) best first; `signals` explain `urgent`."""

    text: str
    type: str
    urgent: bool
    confidence: float
    candidates: tuple[tuple[str, float], ...]
    signals: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The `classify --json` object of design.md (plus `signals`, which explain the urgency)."""
        return {
            "text": self.text,
            "type": self.type,
            "urgent": self.urgent,
            "confidence": round(self.confidence, 3),
            "candidates": [{"type": type_id, "score": round(score, 3)} for type_id, score in self.candidates],
            "signals": list(self.signals),
        }


@functools.lru_cache(maxsize=4)
def _matcher(request_types: RequestTypes) -> Matcher:
    return Matcher(
        MatchDocument(
            key=t.id,
            keywords=(*t.keywords_ja, *t.keywords_en, t.label.ja, t.label.en),
            passages=(t.description.ja, t.description.en),
            phrases=(*t.examples_ja, *t.examples_en),
        )
        for t in request_types
    )


#: What the inquiry says it is *not* asking for (「削除依頼ではなく」, "don't delete my account"): matched for the
#: type, those words would vote for exactly the request the person rules out.
_NEGATED = re.compile(
    r"[^\s、。,.!?！？]{1,12}(ではなく|じゃなくて?|ではありません|ではないです|は不要|はせず|はしなくて)|"
    r"\b(don't|do not|not to|never|without) (want (you )?to )?(delete|remove|erase|close|cancel|deleting|removing|closing"
    r"|cancelling)( (my|the|our|their|his|her))?( \w+)?",
    re.IGNORECASE,
)


#: A request's verb ("please erase…", "could you correct…", "I want you to delete…"): what the person asks to be
#: done outweighs what the data is ("all personal data you hold about me" reads like a disclosure request).
_REQUEST_VERB = re.compile(
    r"\b(please|can you|could you|would you|will you|i want you to|i'd like you to|i would like you to|i want to"
    r"|i'd like to|i would like to)\s+(please\s+|\w+ly\s+)?(?P<verb>[a-z]+)"
)
#: How far the type whose keyword is the requested verb is lifted toward 1, if it scored this share of the best.
REQUEST_LIFT = 0.3
REQUEST_FLOOR = 0.5


@functools.lru_cache(maxsize=4)
def _verbs(request_types: RequestTypes) -> dict[str, str]:
    """Each single-word English keyword of a type ("erase", "correct", "restrict") → the type, when only one has it."""
    owners: dict[str, set[str]] = {}
    for t in request_types:
        for keyword in t.keywords_en:
            if re.fullmatch(r"[a-z]+", keyword):
                owners.setdefault(keyword, set()).add(t.id)
    return {word: next(iter(ids)) for word, ids in owners.items() if len(ids) == 1}


def _lift_requested(query: str, request_types: RequestTypes, scores: dict[str, float]) -> None:
    verbs = _verbs(request_types)
    top = max(scores.values(), default=0.0)
    for match in _REQUEST_VERB.finditer(query.lower()):
        type_id = verbs.get(match.group("verb"))
        if type_id is not None and scores.get(type_id, 0.0) >= REQUEST_FLOOR * top:
            scores[type_id] = max(scores[type_id], top + (1 - top) * REQUEST_LIFT)


def classify(text: str, *, request_types: RequestTypes | None = None) -> Classification:
    """Suggest the request type and urgency of an inquiry.

    Confidence is the best score discounted by how close the runner-up is, so an inquiry that reads equally as a
    deletion and a suspension request is not presented as a sure thing.
    """
    types = request_types or load_request_types()
    query = _NEGATED.sub(" ", clean_input(text))
    scores = {m.key: m.score for m in _matcher(types).rank(query, limit=len(types.types))}
    signals = urgency_signals(text[:MAX_SIGNAL_CHARS])
    if not _describes_an_event(_fold(text[:MAX_SIGNAL_CHARS])):
        # A question about the rules for leaks or police requests is not a leak report or a police request.
        scores = {type_id: score for type_id, score in scores.items() if not types[type_id].urgent}
    _lift_requested(query, types, scores)
    top = max(scores.values(), default=0.0)
    signalled = [SIGNAL_TYPES[s] for s in signals if s in SIGNAL_TYPES]
    if signalled and top < SIGNAL_DECIDES_BELOW:
        # The signal's type is lifted to the signal's score, so it is also the best candidate listed.
        scores[signalled[0]] = max(scores.get(signalled[0], 0.0), SIGNAL_CONFIDENCE)
    elif top < MIN_TYPE_SCORE:
        scores = {FALLBACK_TYPE: 0.0}
    ranked = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
    best, best_score = ranked[0] if ranked else (FALLBACK_TYPE, 0.0)
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = best_score * (1 - 0.5 * runner_up / best_score) if best_score else 0.0
    return Classification(
        text=text,
        type=best,
        urgent=types[best].urgent or bool(signals),
        confidence=confidence,
        candidates=tuple(ranked[:5]),
        signals=signals,
    )


def critical_type(text: str) -> str | None:
    """The urgent request type a staff member's message reports (a leak happened, an authority is asking now).

    The same evidence as urgency: a question *about* the rules for leaks or police requests is not critical.
    """
    signals = urgency_signals(text[:MAX_SIGNAL_CHARS])
    for signal in ("leak", "authority"):
        if signal in signals:
            return SIGNAL_TYPES[signal]
    return None
