"""Find the question in a pasted message: what is asked, apart from greetings, signatures and the staff's own words.

Staff paste a customer's email and add 「これどう返せばいい？」, or write some context before the question. Matched
whole, the greeting (いつもお世話になっております), the signature, the staff member's meta-question and the context
all compete with the request. A message is split into parts:

- boilerplate: greetings, closings, signatures (Dear…, Regards, よろしくお願いいたします, a name, a phone number);
- the staff member's meta-question ("how do I answer this?", 「どう返せばいい？」): it asks for help, not about a topic;
- the rest, as sentences; those that ask or request something (a question mark, ください, ほしい, "please",
  "can you"…) are the question, the others context.

`focus()` returns the question sentences (and the context, separately) so that the search can match on what is
asked and fall back to the context only when the question alone finds nothing.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from common.text import STOPWORDS as _STOPWORDS

#: A message shorter than this, on one line, is a question as it stands.
SHORT_MESSAGE = 60

_QUOTE_MARKER = re.compile(r"^\s*(>|＞|&gt;)\s?")
#: Where a sentence ends: after 。！？!? or a full stop, after a colon that introduces something ("Customer email
#: below: Dear…"), around a 「」『』 quotation, and at a blank line or a rule. A paste that reaches the bot flattened
#: to one line (through the command line) keeps its blank lines only as double spaces: those end a sentence too, as
#: does a closing quotation mark before a capital (「…Daniel Hart" What does the policy say?」).
_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])|(?<=\.)\s+|(?<=[:：])\s+|(?<=[\"”])\s+(?=[A-Z])|\s{2,}|\s*-{3,}\s*")
#: A quoted message (「…。…」 with a sentence end inside), not a quoted term (「個人情報」って何？): set on lines of its own.
_QUOTED_MESSAGE = re.compile(r"[「『]([^「」『』]*[。！？!?][^「」『』]*)[」』]")
_BOILERPLATE = re.compile(
    r"^\s*("
    r"いつも(大変)?お世話になって(おり|い)ます|お世話になって(おり|い)ます|お世話になります|お疲れ様です|おつかれさまです|"
    r"お疲れさまです|はじめまして|初めまして|突然のご連絡|失礼いたします|"
    r"(何卒|なにとぞ)?(よろしく|宜しく)(お願い|おねがい)((いた|致)?(し)?ます|申し上げます)|以上、?よろしく|以上です|ご確認(の程)?よろしく|"
    r"ご検討(の程)?よろしく|引き続きよろしく|ありがとうございます|"
    r"dear\b|hi\b|hello\b|hey\b|good (morning|afternoon|evening)\b|thanks\b|thank you\b|regards\b|best\b|"
    r"kind regards|best regards|sincerely|cheers\b|sent from my|to whom it may concern"
    r")",
    re.IGNORECASE,
)
#: A line that is a signature or header: a rule, a phone number or email alone, a company or a person's name.
_SIGNATURE = re.compile(
    r"^\s*([-─━=_*~]{2,}.*|(tel|phone|電話|mail|e-?mail|メール|fax|from|to|subject|件名|宛先|差出人)\s*[:：]([^。？?！!、\s]{0,30}|[\x20-\x7e]{0,60})|"
    r"[\w.+-]+@[\w-]+\.[\w.-]+|\+?[\d\s()-]{9,}|.*(株式会社|有限会社|合同会社|inc\.?|llc|co\., ltd\.?)\s*$|"
    # 「株式会社ノース 川口」「有限会社サクラ 総務部 田中」: the firm first, then its office and a name
    r"(株式会社|有限会社|合同会社)[^\s。？?！!、]{1,15}(\s[^\s。？?！!、]{1,12}){0,3}|"
    r".{1,20}(様|さん|殿)[,、。]?|[^\s。？?！!]{1,12})\s*$",
    re.IGNORECASE,
)
#: Quotation marks around a sentence (「…」, "…"): the sentence inside is classified as it stands.
_QUOTATION_MARKS = re.compile(r"^[\s「『\"“‘']+|[\s」』\"”’']+$")
#: A salutation before the first words of a message ("Dear Sir or Madam, Please…", "Hi team, quick one…").
_SALUTATION = re.compile(r"^(dear|hi|hello|hey|good (morning|afternoon|evening))\b[^,.!?、。]{0,30}[,、!！]\s*(?=\S)",
                         re.IGNORECASE)
#: A closing and what follows it on a flattened line: the signature ("Thanks, Ravi Menon, Operations Lead").
_CLOSING = re.compile(r"(thanks|thank you|many thanks|(kind |best |warm )?regards|best|sincerely|cheers|yours truly"
                      r"|よろしく|宜しく|何卒|以上)\b", re.IGNORECASE)
#: 「株式会社サクラ 経理部の山本です」「営業部 マネージャーの鈴木です」: the writer introducing themself, a name after the
#: office and its title; not a sentence that only ends in です (「…イベント会社から買ってきたらしいです」).
_SELF_INTRODUCTION = re.compile(r".{0,30}(会社|部|課|室|チーム|担当)(\s?[\u30a0-\u30ff\u3400-\u9fff]{1,10})?の?\s?"
                                r"([\u30a0-\u30ff\u3400-\u9fffA-Za-z]{1,8}|[ぁ-ん]{2,5})\s?(です|と申します|でございます)")
#: Introduces a pasted message: everything after it is the customer's text.
_PASTE_INTRO = re.compile(
    r"(以下|下記)(の)?(お客様|お客さん|顧客|ユーザー|問い合わせ|問合せ|メール|内容|文面)|"
    r"(customer|client|user)('s)? (email|e-mail|message|mail|wrote|says)( below)?|(email|message) below|below is|"
    r"forwarding",
    re.IGNORECASE,
)
#: A fragment that adds an example to the sentence before it (「何日以内とか」「例えば30日など」, "like 30 days?").
_AFTERTHOUGHT = re.compile(r".{1,14}(とか|など|なんか|等)|(like|e\.g\.|say|for example),? .{1,20}", re.IGNORECASE)
#: The staff member asking for help with the reply: not a topic of its own.
_META = re.compile(
    r"(これ|この件|この問い合わせ|このメール|こちら)?(って|は)?(どう|どのように|なんて|何て|どうやって)"
    r"(返せば|返信すれば|返事すれば|回答すれば|答えれば|対応すれば|返したら|返信したら|答えたら|対応したら|返す|返信する|回答する|答える|対応する)"
    r"(いい|良い|よい)?(ん)?(です|でしょう)?(か|かな|の)?|"
    r"(どう|なんて|何て)(返信|回答|返事|返答|対応|返)(す)?べき(です|でしょう)?(か)?|"
    r"(返し方|返信の仕方|回答の仕方|対応の仕方|返答|対応方法|返信方法|回答方法|返信内容|回答内容)(を)?(教えて|わかる|分かる)(ください|下さい)?|"
    r"誰か(助けて|教えて|わかる)|"
    r"how (do|should|can|would) (i|we) (answer|reply|respond)( to)?( this| them| her| him| it)?|"
    r"(can|could) (someone|anyone|you) help( me)?( with)?( the| this| a)? (reply|answer|response)|"
    r"what (do|should) (i|we) (say|tell|reply|answer)|help me (reply|answer|respond)|how to (reply|answer|respond)|"
    r"what to (say|tell|reply|answer|write)",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"[?？]|ください|下さい|ほしい|欲しい|たい(です|のですが|んですが|。|$)|てもらえ|いただけ|頂け|できますか|でしょうか|"
    r"ますか|ですか|のか[?？。]?$|かな[?？。]?$|教えて|\bplease\b|\b(can|could|would|will) (you|i|we)\b|\bi('d| would) like\b|\bi want\b|"
    r"^(how|what|when|where|why|who|which|is|are|do|does|did|can|could)\b|"
    # A request reported by the staff member (「消してくれと言われました」, "she wants us to remove it") asks as
    # much as the customer's own words would.
    r"(て|で)(くれ|もらいたい)|と言われ(た|ました|て)|とのこと|を希望|たい(そう|らしい|とのこと)|(を|の)お願い(したく|します|いたします|できますか)|"
    r"[かと]、?(を)?([^。、]{0,8}(に|から))?(聞かれ|尋ねられ|質問され|相談され)|知りたい|"
    r"\b(wants?|wanted|would like|'d like)\b|\b(is asking|are asking|'re asking|'s asking|asking|asked|asks|to ask)"
    r" (us |me |you )?(to|for|whether|if|about)\b|"
    r"\brequesting\b|\bwondering (if|whether)\b|\bwants to know\b",
    re.IGNORECASE,
)


#: A question reported as it was asked (「どこに連絡すればいいか、と聞かれました」「…のか、お客様に聞かれました」,
#: "asked me whether…").
_ASKED_OF_US = (r"[かと]、?(を)?([^。、]{0,8}(に|から))?(聞かれ|尋ねられ|質問され)"
                r"|\bask(ed|ing|s)? ((me|us) )?(whether|if|how|what|where|when|who|which)\b")
#: A sentence that asks outright: a question mark, a question ending, a request to the reader, a question reported.
_QUESTION = re.compile(r"[?？]|ですか|ますか|でしょうか|ください|下さい|教えて|\bplease\b|^(how|what|when|where|why|who|which|is|are"
                       rf"|do|does|did|can|could|should|would|will)\b|{_ASKED_OF_US}", re.IGNORECASE)
#: A question the customer asked, reported in the staff member's sentence: the customer's own words.
_REPORTED_QUESTION = re.compile(rf"{_ASKED_OF_US}"
                                # what the customer asks us to state: 「保険の額を明記してほしいと」, "requires us to state"
                                r"|(を|の)(明記|記載|回答|提出|開示|説明|証明)(して|するよう)?(ほしい|欲しい|ください|求め)|(を|の)(明記|記載|回答|提出)を求め"
                                r"|\b(requires?|required|asks?|asked|wants?|wanted|needs?) (us|me) to (state|confirm|provide|disclose|list"
                                r"|explain|prove|document|declare)\b"
                                # something of ours the customer requires ("their DPO needs our Standard Contractual Clauses")
                                r"|\b(needs?|requires?|required|wants?|asks? for|asked for|requested) (our|your) ", re.IGNORECASE)


#: Words about the asking itself (the policy, the reply, the customer), not about a topic: a sentence made only of
#: these ("what does the policy say?", 「ポリシー的にどうなってる？」) asks for help with something said elsewhere.
_META_WORDS = frozenset(
    """policy privacy polici say said says tell told answer repli reply respond respons write wrote custom
    customer client user email mail messag message help someone anyone thank thanks question ask think idea
    ポリシー プライバシーポリシー 規約 回答 返信 返事 返答 対応 説明 確認 質問 問題 大丈夫 お客様 客様 顧客 お客さん
    メール 文面 内容 件 誰 何 方法 どう 書 allowed allow okay fine ahead possible anything something stance
    扱 扱い 取り扱い 取り扱 取扱 可能 問題 御社 貴社 そちら process procedure steps step flow per 手順 流れ フロー やり方
    quote cite 引用 put fill 記入 記載 point list actually exactly really specifically officially
    look looked looking everywhere anywhere search searched
    clause clauses section sections article articles paragraph part parts apply applies relevant 条項 条文 該当
    整理 考え方 解釈 位置づけ 位置付け 見解""".split()
)


#: Endings that leave a meta word a meta word (ポリシー上, ポリシー的に, お客様側).
_META_AFFIXES = "上的側面案文"


#: A sentence that points back at what was said before it ("Where can I find that?", 「それってどうなの？」).
_POINTS_BACK = re.compile(r"\b(that|this|it|those|these|them|such|yours|ours|theirs|everything)\b|\bthe (list|file|document|form"
                          r"|request|data|notes|records|recording|export)\b|それ|これ|その件|この件|そういう|そのような|こういう",
                          re.IGNORECASE)
#: A question with at most this many topic words of its own is about what it points back at.
_FEW_WORDS = 3
#: A Japanese question that names what it is about (its object, the matter or its topic: 「…を」「…について」「…の件」,
#: 「問い合わせ先って」).
_OBJECT = re.compile(r"を(?!(根拠|基|もと|元|踏まえ|参考|理由)に?)|について|に関して|の件|(?<=[\u3400-\u9fff\u30a0-\u30ff])(って(?![るいまくもたほ])|とは)")
_JAPANESE_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_ELIDED_WORDS = 2
#: A sentence pointed back at that itself refers to someone or something named before it ("He says it is our
#: fault.", 「その方から…」) brings the sentence before it along, up to this many sentences in all.
_REFERS_BACK = re.compile(r"\b(that|this|it|those|these|them|such|they|she|he|her|him|his|their)\b|それ|その|そこ|この|"
                          r"こういう|そういう|その方|同じ", re.IGNORECASE)
_MOST_POINTED = 3


#: A word of kanji or katakana, or kanji with the kana a verb puts between them (問い合わせ先, 取り扱い, 申し込み),
#: not a particle (情報を削除 is two words).
_TOPIC_RUN = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff々]{2,}|[\u3400-\u9fff々]+(?:(?:(?![をがはのにでともへやかよば])[ぁ-ゖ]){1,2}[\u3400-\u9fff々]+)+")


def _topic_words(sentence: str) -> list[str]:
    words = [w for w in re.findall(r"[a-z]{3,}", sentence.lower())
             if w not in _META_WORDS and w not in _STOPWORDS and w[:7] not in _META_WORDS]
    runs = [r for r in _TOPIC_RUN.findall(sentence) if r not in _META_WORDS and r.rstrip(_META_AFFIXES) not in _META_WORDS]
    return words + runs


def _points_back(sentence: str) -> bool:
    """A question that asks about what the sentences before it said: it points back ("is that allowed?") with little
    topic of its own, or it has no topic at all ("Can we go ahead?", 「ポリシー上どう扱えばいいですか？」), or, in
    Japanese, it leaves out what it is about (「本人の同意なしで大丈夫ですか？」: no を, and two topic words at most)."""
    words = _topic_words(sentence)
    elided = bool(_JAPANESE_RUN.search(sentence)) and not _OBJECT.search(sentence) and len(words) <= _ELIDED_WORDS
    return bool(_QUESTION.search(sentence) and (_POINTS_BACK.search(sentence) or not words or elided)) and (
        len(words) <= _FEW_WORDS)


def _pointed_span(kept: list[str], i: int) -> list[str]:
    """The sentences a question at `i` points back at: the one before it, and earlier ones (three in all at most)
    while the first so far asks nothing itself and either refers back again ("He says it is our fault.") or follows
    a sentence that asks ("They'd like to reuse the numbers. Nobody agreed to that. Is that allowed?")."""
    span = [kept[i - 1]]
    for j in range(i - 2, max(-1, i - 1 - _MOST_POINTED), -1):
        # a sentence with one topic word at most (「家で作業したいらしい。」) adds to the one before, whatever it asks
        fragment = len(_topic_words(span[0])) <= 1
        if not fragment and (_ASKS.search(span[0]) or not (_REFERS_BACK.search(span[0]) or _ASKS.search(kept[j]))):
            break
        span.insert(0, kept[j])
    return span


#: A request for help with the reply and nothing else (「返信どう書けばいい？」, "How should I reply?").
_REPLY_HELP = re.compile(r"[^。?？]{0,6}(返信|返事|返答|回答|返し方|\breply\b|\brespond\b)[^。?？a-z]{0,15}[?？]?|(how|what) (should|do|can) (i|we)"
                         r" (reply|respond|answer)( to (this|it|her|him|them))?\s*\??", re.IGNORECASE)


def _asked_before(kept: list[str], i: int) -> bool:
    """Whether a sentence before `i` asks outright about a topic of its own."""
    return any(_QUESTION.search(s) and _has_topic(s) for s in kept[:i])


def _has_topic(sentence: str) -> bool:
    """Whether a sentence names something to look up, beyond the asking itself."""
    return bool(_topic_words(sentence))


@dataclass(frozen=True)
class Focus:
    """The sentences that ask something, and the others that only give context.

    `asking` is the part of `question` that asks in its own words, without the sentences a closing "is that
    allowed?" points back at: words the policy never uses count against the answer only there ("A user put her
    number in her profile bio. A stranger called her. What does the policy say?" is not about bios and strangers).
    Empty when the question is all such sentences.
    """

    question: str
    context: str
    asking: str = ""


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def focus(message: str) -> Focus | None:
    """The question inside a longer message; None when the message is short enough to be a question as it is."""
    text = unicodedata.normalize("NFKC", message).replace("\r\n", "\n")
    if "\n" not in text.strip() and len(text) < SHORT_MESSAGE:
        if _META.search(text) and not re.search(r"\w{2,}", _META.sub("", text)):
            return Focus("", "")  # only "how do I answer this?": nothing to look up
        return None
    text = _QUOTED_MESSAGE.sub(lambda m: f"\n{m.group(1)}\n", text)
    parts = [_QUOTE_MARKER.sub("", line) for line in text.split("\n")]
    kept: list[str] = []
    for line in parts:
        if kept and _AFTERTHOUGHT.fullmatch(line.strip(" 。.?？")):
            kept[-1] = f"{kept[-1]} {line.strip()}"  # 「…決まってる？」 then a line 「2週間とか」: part of that question
            continue
        if not line.strip() or _SIGNATURE.fullmatch(line) and not _ASKS.search(line):
            continue
        for sentence in sentences(line):
            sentence = _SALUTATION.sub("", _QUOTATION_MARKS.sub("", sentence)).strip()
            if _BOILERPLATE.match(sentence) and (len(sentence) < 40 and not _ASKS.search(sentence)):
                continue
            stripped = _PASTE_INTRO.sub("", _META.sub("", sentence)).strip(" 、。,.:：!！?？」「")
            if len(stripped) < 3 or not re.search(r"\w{2,}", stripped):
                continue
            if kept and _AFTERTHOUGHT.fullmatch(stripped):
                kept[-1] = f"{kept[-1]} {sentence}"  # 「…決まってますか？何日以内とか」: part of the question before it
                continue
            # A short question (「これってうちの責任？」) asks by its question mark, which `stripped` has lost.
            asking = bool(_ASKS.search(stripped) or (_ASKS.search(sentence) and not _META.search(sentence)))
            if (_CLOSING.match(stripped) or _SELF_INTRODUCTION.fullmatch(stripped)
                    or _SIGNATURE.fullmatch(stripped)) and not asking:
                continue  # "Thanks, Ravi Menon, Operations Lead" or 「株式会社サクラ 経理部の山本です」 inside a flattened paste
            kept.append(sentence if not _META.search(sentence) else stripped)
    # "She wants a copy of her file. What does the policy say about that?": the sentence pointed back at is asked,
    # and the one before it too while each refers back again ("…a parcel went to his old address. He says it is our
    # fault. What do we tell him?").
    # A span whose last sentence has no topic word of its own (「…何が変わったのか、いつ変わったのかを聞かれています。」)
    # reaches back to the one before it that has.
    # Help with the reply after a sentence that asks outright (「…連絡いただけるのでしょうか。…必要がありまして。」 then
    # 「返信どう書けばいい？」) points at the whole paste, whose question is already there, not at the sentence before it.
    spans = [_pointed_span(kept, i) for i in range(1, len(kept))
             if _points_back(kept[i]) and not (_REPLY_HELP.fullmatch(kept[i]) and _asked_before(kept, i))]
    pointed = {s for span in spans if any(_has_topic(s) for s in span) for s in span}
    asks = [s for s in kept if (_ASKS.search(s) and _has_topic(s)) or s in pointed]
    direct = [s for s in asks if _QUESTION.search(s) or s in pointed]
    if direct:  # a sentence that asks outright outweighs reported wishes in the context ("Marketing wants to…")
        asks = direct
    # The sentences that ask in their own words: not one a closing question points back to, unless it reports the
    # customer's question ("a user emailed asking which GDPR basis we rely on. Does our policy say?").
    own = [s for s in kept if (s not in pointed and (s in asks or _points_back(s)))
           or (s in pointed and _REPORTED_QUESTION.search(s))]
    topical = [s for s in kept if _has_topic(s)]
    if not topical and any(_ASKS.search(s) for s in kept):
        # no sentence names a topic word (「ポリシーが変わったときってメールでお知らせもらえるんでしょうか。」: its topic is
        # in kana and meta words): the whole message is the question
        return None
    kept = topical
    context = [s for s in kept if s not in asks]
    if not asks:
        return Focus(" ".join(context), "")
    return Focus(" ".join(asks), " ".join(context), " ".join(own))
