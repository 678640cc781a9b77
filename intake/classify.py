"""Triage: suggest a request type and urgency for a raw inquiry (an email body, a phone note; ja or en).

The type comes from the knowledge package's matcher run over the request types (their keywords, labels,
descriptions and example sentences from `request_types.yaml`), so triage and policy search share one normaliser
and one notion of "matches". Urgency is separate and deliberately keyword-driven (appi.md §5): whatever the type,
an inquiry that mentions a leak, an authority's request, a legal threat or a risk to someone's safety must reach
the manager at once, and a missed urgent case costs far more than a false alarm. A leak or an authority counts
only with evidence that it is one: something happened here (not at another company, not in a newsletter, not "what
if"), or the authority itself asks us (not someone who mentions the police); the evidence may be indirect (an address
given to us alone now receiving others' unsolicited mail, an account setting changed that nobody here changed). A
lawyer or a regulator counts when an action is threatened, not when one is named (nor when the threat waits on a
repeat, nor a lawyer named only as a later step). An authority's demand made under a
law (a legal basis cited, a report or an answer demanded) is the evidence itself. The urgent types are chosen only on
that evidence, which then decides the type; a question about how the company works in general, an invitation, a
newsletter, a sales pitch or a request for an interview is a general inquiry; a grievance about how something was
handled, with nothing asked to be done or sent, is a complaint.

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
#: Above that, the signal's type is lifted this far from the best score toward 1.
SIGNAL_LIFT = 0.1
#: Urgency is looked for in the whole inquiry (a threat can sit at the end of a long email), within reason.
MAX_SIGNAL_CHARS = 50_000

_BEFORE = r"(?<![a-z])"
_AFTER = r"(?![a-z])"

#: Bodies that may ask a company for a user's data under a law.
_AUTHORITIES = (r"警察|警察署|県警|府警|道警|警視庁|刑事|捜査機関|検察|検察庁|裁判所|地裁|家裁|簡裁|税務署|国税局|労働基準監督署|監督官庁"
                r"|行政機関|官公庁|公安|個人情報保護委員会|保護委員会|市役所|区役所|町役場|村役場|役所|役場|県庁|都庁|府庁|自治体|省庁|保健所"
                r"|消費生活センター|児童相談所|弁護士会|年金事務所|入管"
                r"|(総務|法務|財務|厚生労働|経済産業|国土交通|文部科学|外務|農林水産|環境|防衛)省|デジタル庁|総合通信局")
_AUTHORITIES_EN = (r"police|detective|criminal investigation|investigation (unit|division|bureau|department)|(?<!protection )(?<!privacy )(?<!compliance )(?<!security )officer|investigators?|prosecutors?|court|judge|tax (office|authority)|regulator"
                   r"|supervisory authority|data protection (authority|commission)|personal information protection commission"
                   r"|commission|government (agency|authority|office|department|ministry)|bar association|law enforcement"
                   r"|(?<!letter of )(?<!letters of )authorit(y|ies)|city (office|hall)|ministry|agency|bureau"
                   r"|(inspection|tax|labou?r standards|immigration|pension) office")

#: Signal name → patterns over the NFKC-folded, lower-cased text. Japanese first, then English.
URGENCY_SIGNALS: dict[str, tuple[str, ...]] = {
    "leak": (
        r"漏えい|漏洩|流出|誤送信|誤送付|誤配信|誤配送|(誤って|間違(え|っ)て|うっかり).{0,20}(送|届|共有|公開|添付|転送|メールし|fax|ファックスし)"
        r"(?!(か|き)(ない|ません|ず))",
        # a login or an access nobody here can account for
        r"(怪しい|不審な|見覚えのない|身に覚えのない|知らない)(ログイン|アクセス|端末からの)",
        r"(別|他|違う)の(人|方|宛先|取引先|会社|お客|顧客|ユーザ).{0,12}(に|へ).{0,12}(送って|送信して|届いて|転送して)",
        # someone else's file sent or shown; what is not ours showing in our account (「自社のものではない通話が」)
        r"(別|他|違う|知らない)の?(人|方|お客様?|顧客|ユーザ|利用者|会社|受信者|取引先)の.{0,25}(書かれ|書いて|記載|載って|表示|見え|(?<!被害)届|入って|添付|送)",
        r"勝手に(変更|ログイン|操作|書き換え)|(エクスポート|ダウンロード|コピー|持ち出)(され|し)た?(形跡|疑い)"
        r"|(エクスポート|ダウンロード|コピー|持ち出)され(た|ている)?(履歴|記録|ログ)"
        r"|(ログイン|アクセス)(の)?(通知|アラート)[^。]{0,30}(寝て|使って(い)?な|心当たり|覚えがな|不在|出かけ)|形跡が(あ|残)|持ち出(し|され)"
        r"|(私物|個人)の?(usb|pc|パソコン|スマホ|メモリ|端末).{0,20}(コピー|保存|持ち帰)",
        # 「うちでは契約していない番号との通話が並んでいます」: what we never had, in our records
        # 「弊社で登録した覚えのない個人の氏名・住所が含まれていました」
        r"(登録|入力|追加|作成|インポート|取り込)した(覚え|記憶|心当たり)の?(ない|無い)[^。]{0,20}(氏名|名前|住所|電話|連絡先|データ|情報|個人|顧客)",
        r"(自社|自分|私|うち(の会社)?|弊社)の?(もの)?(では|じゃ|で)(ない|なく|ありません|[^。、]{1,8}(して|て)(い)?(ない|ません))"
        r".{0,25}(表示|見え|並|届|流れ|入って|載って|添付|再生)",
        r"(pc|パソコン|ノート|usb|メモリ|スマホ|携帯|端末|タブレット|書類|資料|ファイル|鞄|かばん).{0,20}(置き忘れ|紛失|なくし|落とし)"
        r"|(置き忘れ|紛失|なくし|落とし).{0,20}(pc|パソコン|ノート|usb|メモリ|スマホ|携帯|端末|書類|資料|顧客)",
        r"誰でも(見|閲覧|アクセス|ダウンロード)(られ|でき|れる)",
        # not an omission (記載漏れ, 入力漏れ: something left out of a form)
        r"(情報|データ|番号|アドレス|録音|履歴|パスワード).{0,6}(?<!記載)(?<!記入)(?<!入力)(?<!登録)(?<!申請)(?<!請求)(?<!連絡)(?<!確認)(?<!反映)"
        r"(?<!転記)(?<!更新)(漏れ|もれ)",
        r"不正アクセス|不正ログイン|乗っ取|ハッキング|サイバー攻撃|ランサム|マルウェア|ウイルス感染|盗難|盗まれ",
        # not 「別のユーザーとの通話も入っている」: a conversation with someone else is the user's own record
        r"(他人|別人|他社|他の(人|方|ユーザ|利用者|会社|企業|顧客|お客)|知らない(人|方|会社|番号)|別の(人|方|ユーザ|利用者|会社|企業|顧客|お客))"
        r"(?!ー?(さん|様)?との)"
        r".{0,25}(見え|表示|(?<!被害)届|閲覧|聞こえ|再生|送られ|入って|載って|出て|流れ)",
        r"身に覚えのない(ログイン|アクセス|操作)",
        r"(別|他|違う|知らない)の?(人|方|お客|顧客|ユーザ|利用者|会社|受信者)の(名前|氏名|情報|データ|住所|電話番号|メールアドレス|アドレス"
        r"|請求書|通話).{0,20}(書かれ|記載|載って|表示|見え|届|入って|添付)",
        r"(?<![a-z])b?cc(?![a-z])[^。]{0,40}(見え|表示|丸見え|入って|載って|並んで)|(全員|みんな)の(メール)?アドレスが.{0,10}(見え|表示)",
        r"(私|自分|本人)(ではない|じゃない|以外の).{0,8}(方|人|お客|ユーザ|利用者|アドレス).{0,25}(見え|表示|届|載って|出て|記載|入って)",
        r"(ネット|ウェブ|web|sns|掲示板)[^。]{0,60}(出回|晒|公開されて|貼られ|載って|流れて)",
        r"(forum|dark ?web|paste ?site|telegram|marketplace)[^.?!]{0,60}\b(selling|sold|posted|leaked|dump(ed)?|offering)\b"
        r"|\b(selling|sold|offering) (a |the )?(file|list|database|dump|spreadsheet)[^.?!]{0,60}\b(customers?|users?|clients?|phone|e-?mail)"
        # our data offered for sale, wherever ("is offering 'customer call recordings' for sale on a forum", 「録音が売られている」)
        r"|\b(selling|offering|auctioning)\b[^.?!]{0,60}\b(for sale|on (an? |the )?([\w-]+ )?(forum|dark ?web|marketplace"
        r"|telegram|paste ?site))|(録音|通話|名簿|リスト|データ|情報|顧客)[^。]{0,20}(売られ|販売され|売買され|出品され)",
        # not "a breach of privacy" as a judgement on a practice ("tracking without asking is a breach of privacy")
        _BEFORE + r"(leak|leaks|leaked|leaking|leakage|breach(?! of (my |our |your |their |people's |users' |user )?(privacy|trust))"
        r"|breached|breaches|exposed|hacked|hacker|hackers|stolen)" + _AFTER,
        r"some(one|body) else'?s|another (customer|user|person|company|client)'?s|other (people|customers|users|clients)('s|')"
        + _AFTER,
        r"other (people|customers|users|clients)'?s? (data|details|information|records|numbers|names|calls|recordings|files)"
        r"|belong(s|ing)? to (some |an |a )?(other|another|different|someone else)|(some other|another|a different) (firm|company"
        r"|customer|client|user|person)'s"
        # "recordings from another company are showing up in our account"
        r"|\b(recordings?|calls?|data|records|files|details|names|numbers|contacts)\b (from|of) (another|a different|some other|other)"
        r" (company|compan(y|ies)|customers?|users?|clients?|firms?)\b.{0,40}\b(show(ing)? up|appear(ing|ed)?|visible|in (my|our|their) account)",
        r"(lets|allows|let) anyone (see|read|access|download|view|open)|without (logging|signing) in.{0,30}(download|see|access"
        r"|view)|(download|see|access|view).{0,40}without (logging|signing) in",
        r"(無関係|関係のない|知らない|見覚えのない|身に覚えのない|見たことのない|見たこともない)(な|の)?(会社|人|方|お客|顧客|ユーザ|利用者)?の?"
        r"(通話|録音|データ|情報|ファイル|履歴|電話番号|番号|会社名|名前|氏名)"
        r".{0,20}(混ざ|表示|見え|再生|届|入って|並ん)",
        # someone else's data caught in a screenshot or a shared screen (「画面キャプチャに他社さんの顧客名簿が映り込んで」)
        r"(他社|別の会社|他の(お客|顧客|会社|人|ユーザ|利用者)|別の(お客|顧客|人|ユーザ|利用者)|知らない)[^。]{0,20}(映り込|写り込|映って|写って|映った|写った)",
        r"(logged|signed) (in|into|on)( to)? (my|our) ([\w-]+ )?account (from|without|at)|some(one|body) (logged|signed) in"
        r"|(logged|signed) (in|into my account) without"
        r"|without my (permission|knowledge|consent) (logged|accessed)|unauthori[sz]ed (access|login)"
        r"|account (was |has been )?(taken over|compromised|hijacked)|compromised",
        r"sent to the wrong|wrong (recipient|person|address)|misdirected|mis-sent",
        # what we sent belongs to someone else ("the attachment is for a different company")
        r"\b(attachment|invoice|file|document|letter|report|statement|e-?mail)s? (is|was|are|were) (for|from|about|addressed to)"
        r" (a |an )?(different|another|other) (company|firm|customer|client|person|user|business)",
        r"\b(sent|emailed|mailed|forwarded|shared|attached|posted|uploaded)\b.{0,60}\b(to|with) (a |the )?(wrong|different"
        r"|another|other) (client|customer|person|company|recipient|user|address|account)",
        r"\b(isn't|is not|aren't|are not|wasn't|weren't) (mine|ours)\b|\bnot (mine|ours)\b",
        r"\b(rows|records|entries|most of them|many of them|half of them|they|these|those) (are|were|belong to|come from)"
        r" [^.?!]{0,30}\b(of|from|to) (some|another|a different|other)( other)? (company|firm|business|client|customer|organi[sz]ation)",
        r"every (customer|user|client|member)'s|all (the )?(customers|users|clients)' (data|details|contracts|files|records)"
        r"|not (just|only) (mine|ours|my own)|\b(exported|downloaded|copied|took|stole)\b.{0,25}\b(customer|user|client|contact|call)s?"
        r"\b.{0,10}\b(list|data|records|database|logs|history)|(former|ex-) ?(employee|staff|worker|operator|agent|member|colleague|contractor)s?.{0,40}(access|download|copied"
        r"|took|logged ?in|logging ?in|logs ?in|log in(to)?\b)",
        r"(元社員|退職者|元従業員|退職した).{0,30}(アクセス|ダウンロード|持ち出|コピー|ログイン)",
        r"宛て?の[^。]{0,40}が[^。、]{1,15}(に|へ)(届|送られ|配信され|誤送)",
        r"(outsiders?|someone outside|strangers?|the public|people outside|anyone)\b.{0,30}\b(could|can|were able to|was able to)"
        r" (see|access|view|open|download)|publicly (readable|accessible|available|visible|exposed|open)|open to the (internet|public)"
        r"|anyone (on the internet )?can (see|read|access|download|view)",
        r"\b(lost|left|misplaced|forgot|forgotten)\b.{0,30}\b(laptop|phone(?! ?numbers?)|usb|drive|device|tablet|bag|documents|files|notebook)\b"
        r"|\b(laptop|phone(?! numbers?)|usb stick|device|tablet|bag)\b.{0,30}\b(lost|left behind|missing|was taken)\b",
        r"\bb?cc\b.{0,40}\b(see|visible|exposed|everyone)|\b(see|visible|exposed)\b.{0,30}(every(one|body)'?s|all (the )?recipients'?"
        r"|other recipients'?) .{0,20}(e-?mail )?address",
        r"(that|it) (wasn't|was not) me (who|that) (logged|signed) in|(wasn't|was not) me.{0,40}(log ?in|sign-?in|access)"
        r"|got into (my|our) account|login alert|signed in from (another|a different) country",
        r"(share|public|shared) link.{0,60}(anyone|public|without (logging|signing|a password))|anyone with the link",
    ),
    # An authority that asks us for data: a formal instrument, or the authority writing, calling or introducing itself.
    # Someone who only mentions the police (「警察に相談するか迷っています」, "I reported the calls to the police") is
    # not an authority asking.
    "authority": (
        r"捜査関係事項照会|令状|差押|差し押さえ|捜索|弁護士会照会|23条照会|二十三条照会|弁護士法\s*第?\s*23\s*条|文書送付嘱託|調査嘱託"
        r"|提出命令|発信者情報開示|報告徴収|立入検査",
        # 「〇〇警察署の生活安全課から」: the office, then its section
        rf"(?<!元)({_AUTHORITIES})(の?[^\s。、,.!?！？ぁ-ん]{{1,12}}?)?(の[^\s。、,.!?！？ぁ-ん]{{2,10}}?(課|係|室|部|班))?(の(方(?![針法向式面])|者|担当者?|職員|調査官|警察官|刑事|捜査員)|から|より|です|でございます|と名乗"
        r"|を名乗|が来|が訪)",
        # the authority acting: its inquiry or investigation asks (「税務署の調査で…提出するよう求められました」)
        rf"(?<!元)({_AUTHORITIES})の(調査|照会|捜査|要請|依頼|指示|命令)(で|により|によって|として|があ|が来|が入)",
        _BEFORE + r"(subpoena|subpoenaed|warrant|court order|court-ordered|order of the court|production order)" + _AFTER,
        r"\b(we|i) (act|are acting|am acting|write|are writing|am writing) (for|on behalf of) (the )?([\w'-]+ ){0,3}"
        r"(police|court|prosecutor|tax|regulator|commission|agency|ministry|bar association)",
        r"\b(this is|i am|i'm|we are|we're|he is|she is|he's|she's|said (he|she) (is|was))( an?| the)?( [\w-]+){0,3}"
        r" (police|detective|officer|investigator|prosecutor|sheriff|fbi)\b"
        r"|\b(this is|i am|i'm|we are|we're|calling|writing|contacting you)( [\w-]+){0,2} (from|with|at|of) (the )?([\w-]+ ){0,3}"
        r"(police|court|tax (office|authority)|regulator|commission|agency|ministry|city (office|hall)|prosecutor)",
        rf"\b({_AUTHORITIES_EN})\b( [\w()'-]+){{0,4}}? (has |have |had |is |are |just |hereby )?(asked|asking|asks|requested"
        r"|requesting|request(s|ing)? (the|a|all|any|his|her|their|this|that|records|data|details|information)|demand(s|ed|ing)?"
        r"|ordered|orders|wants?|need(s|ed)?|sent|served|wrote|written|letter|called|calling|on the phone|subpoenaed|visited"
        r"|came)\b",
    ),
    "legal_threat": (
        r"訴訟(?!法)|訴え|提訴|告訴|告発|裁判(を(?!受け)|に(する|します|訴え|持ち込|かけ)|沙汰|も辞さ)|法的(措置|手段|手続|対応)|内容証明",
        r"弁護士(に|と)(相談|依頼|頼)|弁護士を(通|立て|入れ)|弁護士から(連絡|通知|書面|内容証明)|法律事務所から",
        # A regulator or the police, not a consumer advice centre (消費生活センター): consulting one is not legal action.
        r"(個人情報保護委員会|保護委員会)(に|へ)(申告|通報|訴え|苦情|相談|申し立て|申立)|警察(に|へ)(通報|訴え|被害届|届け)"
        r"|損害賠償|慰謝料|被害届|通報します",
        _BEFORE + r"(sue|suing|sued|lawsuit|litigation|damages)" + _AFTER,
        r"(complain|report|go|escalate|take (this|it))[a-z]*( (this|it))? (to|with) (the )?ppc" + _AFTER,
        # A lawyer who will act, not one who is only mentioned ("my attorney told me to ask for my records").
        r"my (lawyer|attorney|solicitor)s? (will|'ll|is going to|are going to|shall)|(lawyer|attorney|solicitor)s? will"
        r"|(i|we)('ll| will| am going to| are going to| shall)( have to)? (contact|consult|hire|call|involve|get) (a|my|our)"
        r" (lawyer|attorney|solicitor)|hear(ing)? from (my|our) (lawyer|attorney|solicitor)|letter from (a|our|my|their) (lawyer"
        r"|attorney|solicitor|law firm)",
        # a regulator, not a consumer advice centre (as 消費生活センター above)
        # not the police: appi.md's legal threat is a lawsuit, a lawyer or a complaint to the PPC
        r"legal action|take you to court|class action|report (you|this|your company) to(?! (the |a |my local )?(consumer|police))"
        r"|file a (claim|report|complaint)"
        r" (with|against)|(i|we)('ll| will| am going to| are going to| shall) (complain|report|file a complaint)"
        r"(?! (you |this |it |us )?(to|with) (the |a |my local )?(consumer|police))",
    ),
    "safety": (
        r"命の危険|生命の危険|身の危険|殺され|殺す|自殺|ストーカ|つきまと|家庭内暴力|暴力を受け|脅迫|(?<![a-z])dv(?![a-z])",
        r"danger to (my|his|her|their) life|threat(ened)? to kill|stalker|stalking|domestic (violence|abuse)|suicid"
        r"|self-harm|fear for (my|our) safety",
    ),
}

_COMPILED = {name: tuple(re.compile(p) for p in patterns) for name, patterns in URGENCY_SIGNALS.items()}


#: The patterns above know particular wordings; an incident or an authority is also recognised from what any wording
#: of one is made of, so a report in words no pattern knows is still caught (the burden of proof lies on "not
#: urgent": the evidence against, below, keeps out what is hypothetical, closed, elsewhere or a general question).
#: What went wrong, by kind: each is general language for the kind, not a phrase from any one report.
_WENT_WRONG = re.compile(
    # sent, shared or put where it should not be
    r"(間違|誤っ|誤り|一桁|ミス|うっかり).{0,25}(送っ|送信し|送付し|送ら|届い|届け|共有し|公開し|添付し|転送し|投稿し|貼っ|渡っ|渡し|流れ|流し"
    r"|映っ|入れ|同封)|誤送|誤配|誤封|取り違え|封入ミス|送付ミス|宛先(を)?(お)?(ミス|間違|違)|"
    # another firm's list or someone else's data come attached (「他社の顧客一覧らしきExcelが添付されていた」)
    r"(他社|別の会社|よその会社|他の(お客|顧客|利用者|会社|企業))(さん|様)?の[^。]{0,15}(一覧|リスト|名簿|データ|情報|ファイル|番号)[^。]{0,15}"
    r"(添付|同封|記載|入って|載って)(さ|い|て|し)|"
    # found by a search engine (「自社名で検索したら、問い合わせ内容がそのまま検索結果に出てきます」)
    r"検索(結果|すると|したら|で)[^。]{0,60}(出て(き|い)|表示され|載って|ヒット)|"
    # put where anyone can fetch it (「GitHubの公開リポジトリにダンプが置かれている」)
    r"(github|公開(の)?(リポジトリ|レポジトリ)|公開状態の|パブリック(な)?(リポジトリ|バケット|フォルダ))[^。]{0,60}(置かれ|公開され|アップ|載って|上がって)|"
    # someone else's data, or ours gone to someone else
    r"(別|他|ほか|違う)の(人|方|宛先|相手|会社|(利用)?企業|取引先|事業者|お客様?|顧客|担当者?|利用者|事業所)(さん|様|さま)?([数何十百千\d]*(社|名|人|件))?(の[^。、,.]{0,10}(情報|データ|録音|通話|名前|氏名|住所|電話|番号"
    r"|アドレス|書類|請求|明細|リスト|一覧|名簿|契約|ファイル|履歴|連絡先|担当者)|(に|へ|宛).{0,15}(送っ|送信し|送付し|届い|届け|共有し|転送し"
    r"|添付し|渡っ|渡し(て|ちゃ|た)))|無関係(の|な)|取引のない|知らない(人|方|会社)|一緒に入って|(?<!話が)(?<!説明が)(?<!言葉が)(?<!用語が)(混ざ|混じ)|混入|紛れ込|(自分|私|うち|自社|弊社|当社|我が社|わが社)(とは|と)(全く|一切)?(関係|関わり|取引|面識)の?(ない|無い|ありません)|(別|他|違う|よその|ほか)の?(会社|社|人|方|お客様?|顧客|事業者|部署|テナント)(さん|様|さま)?宛|宛て?(では|じゃ)(ない|なく)|(共有|投稿|送信|送付|添付|転送|公開)(して|しちゃ)"
    r"|(送|貼|載せ|上げ)(っちゃ|ってしま)|映って|よその|他所の|(自分|私|うち|自社|弊社|当社|我が社|わが社)の[^。、,.]{0,8}?(では|じゃ)(ない|なく|ありません)|"
    # open to people who should not see it
    r"外から|外部から|社外|ネット上|外に出|誰でも|全員(に|が|から)|ログイン(なし|せず|不要)|(公開|閲覧可能?)(設定|状態)|((?<!ように)(?<!みたいに)見え|聞け|開け|読め|読み取れ"
    r"|再生でき|閲覧でき|ダウンロードでき)(て|る|た|ます|ちゃ)|分かる状態|わかる状態|知らない人が知って|"
    # lost or taken
    r"置き忘れ|忘れてき|紛失|(鍵|ロック|窓|扉|ドア|キャビネット|金庫|ロッカー)[^。]{0,10}(壊され|こじ開け)|(書類|資料|申込書|契約書|名簿|ファイル|束|データ|記録|録音)"
    r"[^。]{0,10}(なくなって|無くなって|消えて)(い)?(た|ました|いる|います)|実在(する|の)(利用者|顧客|お客|人|個人|ユーザ|会員|方)[^。？?]{0,15}(載って|掲載され|公開され|出て|写って|映って)(い|しま)|なくし|無くし|落とし(た|ま|て)|(pc|パソコン|usb|メモリ|スマホ|携帯|端末|書類|資料|ファイル|鞄|かばん|名簿|タブレット).{0,6}(見当たら|見当たり|見つから(ない|ず)|行方不明)|盗(まれ|難|ら)|車上荒らし|置き引き|ひったくり|持ち去|"
    # broken into
    r"不正(アクセス|ログイン|侵入|操作|利用され)|不正に(アクセス|ログイン|侵入|操作|閲覧|持ち出)|身代金|ランサム|暗号化され"
    r"|(知らない|見覚えのない|心当たりのない|身に覚えのない)(ip|端末|場所|国|デバイス)|ログインされ(?!(て)?(いる|た)?か)|パスワード(が|も|を)?(勝手に)?(変え|変更)られ|乗っ取|マルウェア|ウイルス|"
    # taken by someone leaving
    r"(辞め|退職|元社員|元従業員|以前.{0,10}(働|勤め)いて|前は.{0,20}(働|勤め|して)い).{0,120}(ダウンロード|持ち出|閲覧|コピー|ログイン"
    r"|アクセス|エクスポート|把握し|知ってい|悪用|流用)"
    r"|(?<![a-z])("
    r"(sent|shared|emailed|gave|mailed|faxed|forwarded|posted|access).{0,60}instead of|(to|with) (the|a) wrong|wrong (recipient|person|people|office|client|customer|company|contact|team|channel|fax|folder)"
    r"|by accident|accidental(ly)?|by mistake|mistaken(ly)?|replied-all|reply-all|cc'?d|mix(ed)?[- ]up"
    r"|(another|other|a second|second|different) (person|people|customer|client|company|firm|subscriber|user)s?('s|s'|')"
    r"|two other|[a-z]+ (i|we)'ve never heard of|stranger|"
    r"(can|could) (see|play|open|read|view|access|download)|visible|world-readable|publicly|made public|public ([\w-]+ )?(repo"
    r"|repository|link|bucket|channel|url|page|site|folder|drive|server|forum|community|internet)|posted|pushed|turns up"
    r"|playable|(no|without( (asking for|requiring|needing|any|a))*) (login|log-in|password|sign-?in|authentication)|(it'?s|that'?s|they'?re|these are|those are|definitely|def|clearly|certainly|obviously) not (us|ours)|(i|we)( have|'ve)? never (heard of|worked with"
    r"|dealt with|done business with)|(addressed|meant|intended) (to|for) (a |an )?(mr|ms|mrs|dr|someone else|another|a different)"
    r"|(i am|i'm|we are|we're) not (the (addressee|intended recipient)|(mr|ms|mrs|dr)\.? [a-z]+(?![a-z'])(?! (anymore|any more)))|(i|we) (have|had) nothing to do with (that|this|the|those)"
    r"|(shows|showing|shown|lists|listing|listed|contains?|containing|has|displays|displaying) .{0,40}(for|from|of|belonging to)"
    r" (some|a random|an unknown|another|a different)( other)? (company|firm|business|customer|client|person|user|clinic|office)"
    r"|open to anyone|anyone (can|could|with the|on the|who has)"
    r"|whoever (has|had|gets|got)|everybody'?s|every recipient|got out"
    # a file of other people's data come with something of ours ("an attachment with names and addresses of other customers")
    r"|(attach\w*|contain\w*|includ\w*|show\w*|list\w*|had)\b[^.?!]{0,80}\b(names|addresses|phone numbers|e-?mails|details|data"
    r"|records|card)\b[^.?!]{0,60}\b(of|for|belonging to|from) (what (look|looks|seem|seems) (to be )?like |apparently |seemingly )?"
    r"(some |several |many )?(other|another|different|unknown) (customers|people|users|clients|companies|subscribers)"
    r"|(rows|records|entries|data|details|calls|numbers|files) (from|of|for|belonging to) (other|another|a different|different) (tenants?|accounts?|customers?|clients?|companies|users?|organi[sz]ations?|workspaces?)|(copied|uploaded|forwarded|sent|synced|saved|moved|took) .{0,40}(personal|private|own|home) (drive|google drive|dropbox|e-?mail|gmail|account|laptop|computer|phone|usb|device|cloud)|real (customer|user|client|subscriber|people)'?s?'? (data|numbers|names|details|records)|outside (the|our|my|people|contacts?)|(sent|shared|emailed|posted|got|went) (it |them )?outside|external|returns any|any account'?s|passed (them |it )?around|photographed|screenshots?|screen[ -]?shar(e|ed|ing)"
    r"|lost(?! (access|track|touch|interest|patience)\b)|stolen|(was|were|got|been) taken|can'?t find|cannot find|misplaced|left (it |them )?(behind|on (the|a))"
    # something that holds data gone missing, not a field or a notification missed
    r"|(laptop|phone|device|usb|drive|tablet|bag|folder|box|binder|files?|documents?|papers?|backup|tapes?|disks?)s? (is |are |was |were"
    r" |went |has gone |have gone |gone )?missing|missing (laptop|phone|device|usb|drive|tablet|bag|files?|documents?|papers?|backup)"
    r"|ransom|encrypted|unknown (ip|device|location|country)|(sign|log)-?ins? from|malware|virus|intrusion|attacker"
    r"|(quit|left|former|ex-|fired|let go|laid off|resigned|departed|leaver).{0,60}(pulled|downloaded|exported|copied|accessed|took|viewed"
    r"|(still|keeps?|kept) (\w+ ){0,3}(getting|logging|signing|going) (into|in)|still (has|have|had) access)"
    r")(?![a-z])"
)
#: An account acted on by someone other than its owner: a password, an address or a setting changed or reset that
#: nobody here changed (「変更した覚えがない」「誰も変更していない」, "none of us requested it"). A break-in told by its trace.
_ACCOUNT_THING = (r"(パスワード|アドレス|メールアドレス|電話番号|設定|登録情報|ログイン情報|ユーザー?名|権限|管理者|アカウント"
                  r"|password|e-?mail address|login|settings?|phone number|username|admin|account|permissions?)")
_NOT_DONE_BY_US = (
    r"(変更|変え|再設定|リセット|ログイン|操作)(し)?た(覚え|記憶|心当たり)(が|は|も)?(ない|無い|ありません)"
    r"|(誰も|だれも|誰一人)[^。]{0,10}(変更|変え|再設定|リセット|操作|ログイン|申請)(して|し)?(い)?(ない|ません)"
    rf"|(?<![a-z]){_ACCOUNT_THING}[^.!?\n]{{0,40}}(changed|reset|updated|replaced)[^.!?\n]{{0,40}}"
    r"(without (us|me|our|my)|(none|neither|nobody|no one) of us|(i|we) (didn't|did not|never) (do|request|ask|make|change)"
    r"|not (by )?(me|us)|wasn't (me|us)|by someone else)"
    r"|(?<![a-z])((i|we) (didn't|did not|never|had not|hadn't)|none of us|nobody( here)?|no one( here)?) (changed?|reset|requested)"
    rf" (it|that|the|our|my|any)( [\w-]+){{0,2}} {_ACCOUNT_THING}[^.!?\n]{{0,20}}(but|yet|and now)"
    # data taken out, and nobody here did it
    r"|(?<![a-z])(exported|downloaded|copied|deleted|wiped|forwarded)\b.{0,80}(none of us|nobody (here )?did|no one (here )?did"
    r"|(we|i) (didn't|did not|never) do)"
    r"|(エクスポート|ダウンロード|コピー|削除|転送)され[^。]{0,40}。?[^。]{0,20}(誰も|だれも)[^。]{0,10}(して|やって|操作して)(い)?(ない|ません)"
)

#: …to someone's data: what an incident is about (an intrusion needs no object: a break-in is one by itself).
_DATA_OBJECT = re.compile(
    r"顧客|お客|利用者|会員|名簿|リスト|一覧|録音|通話|履歴|ログ|住所|氏名|名前|電話番号|携帯番号|連絡先|アドレス|パスワード|契約書|申込書|請求"
    r"|書類|データ|情報|明細|記録|内容|状況|pc|パソコン|ノート|スマホ|携帯|端末|usb|タブレット|(?<![a-z])(csv|excel|pdf)|"
    r"(?<![a-z])(customers?|clients?|subscribers?|users?|attendees?|contacts?|members?|recordings?|calls?|logs?|address(es)?"
    r"|names?|phone numbers?|numbers|passwords?|credentials|contracts?|forms?|invoices?|documents?|data|database|db|dump|csv"
    r"|spreadsheets?|exports?|files?|records|lists?|details|notes|call history|information|laptops?|phones?|devices?|usb"
    r"|tablets?|drives?)(?![a-z])"
)
_BROKEN_INTO = re.compile(
    r"不正(アクセス|ログイン|侵入|操作|利用され)|不正に(アクセス|ログイン|侵入|操作|閲覧|持ち出)|身代金|ランサム|暗号化され"
    r"|(知らない|見覚えのない|心当たりのない|身に覚えのない)(ip|端末|場所|国|デバイス)|ログインされ(?!(て)?(いる|た)?か)|パスワード(が|も|を)?(勝手に)?(変え|変更)られ|乗っ取|マルウェア|"
    rf"{_NOT_DONE_BY_US}|"
    r"(?<![a-z])(ransom|encrypted|unknown (ip|device|location|country)|(sign|log)-?ins? from|malware|intrusion|attacker"
    r"|(log-?ins?|sign-?ins?|sessions?|devices?|access) (that )?(we|i) (don't|do not|didn't|did not|can't|cannot) recogni[sz]e"
    r"|(log-?ins?|sign-?ins?|logged in|signed in|accessed)\b[^.?!]{0,50}\bfrom (an? )?(ip|unknown|foreign|overseas|another country"
    r"|a different country)|(nobody|no one|none of us)( on (our|the) team| here)? (was|were) (working|logged in|online|using it)"
    r"|unrecogni[sz]ed (log-?ins?|sign-?ins?|devices?|sessions?))(?![a-z])"
)
#: An authority by its office or an officer's title, and the instruments by which one asks a company for data.
_AUTHORITY_BODY = re.compile(
    rf"{_AUTHORITIES}|[一-龥〇○]{{1,8}}(庁|(?<!消防)(?<!部)署|委員会)(?!名)|(国税|入国管理|財務|運輸|通信)局|(福祉|社会保険)事務所"
    r"|労基|監督官|調査官|査察|書記官"
    r"|検察事務官|捜査員|警察官|警官|お巡り|(?<![a-z])("
    rf"{_AUTHORITIES_EN}|cops?|judge|clerk|fbi|immigration|social services|child protection|inspectors?|municipal|public prosecutors?"
    r"|national tax)(?![a-z])"
)
_INSTRUMENT = re.compile(
    r"照会書|嘱託|(提出|報告|差押|差押え|開示|送付|保全)(命令|要請|要求)|差押|差し押さえ|令状|報告徴収|税務調査|立入検査|"
    r"(?<![a-z])(subpoena(ed)?|warrant|seizure|summons|mlat|(production|disclosure|preservation|court|judge'?s|judicial|seizure)"
    r" orders?|order (from|of|by) (the |a )?(judge|court)|commission to send|article 23)(?![a-z])"
)
_FORMAL = re.compile(
    r"照会|命じ|命令|送達|調査|(?<![a-z])(served|inquiry|investigation|letterhead|order(ed)?|formal)(?![a-z])"
)
#: The authority asking: for data, or in touch (a letter, a call, a visit).
_ASKING = re.compile(
    r"求め|提出|提供(して|を)?(ください|下さい|願います|願いたい|いただきたく|頂きたく|いただけ|頂け)|回答|報告|教えて|見せて|出して|出す|送って|依頼|要請|照会|連絡|電話|来社|来て|来ら|訪|届|受領|受け取|郵送|入って|陳述|"
    # what is asked for, in the words of a notice or a call ("please provide…", "we need to know who…")
    r"(?<![a-z])(please (provide|send|supply|disclose|furnish|produce|forward|submit)|(we|i) need (to know|to see|to identify|the|a copy|details"
    r"|information|records)|wants?|wanting|asked|asking|asks|request(s|ed|ing)?|for (the |a |all |any )?[a-z' ]{0,30}(records|logs|data|details"
    r"|address|information|list)|letter|phoned|rang|called|calling|contacted|emailed|wrote|written|served|issued|sent|opened"
    r"|received|got|instruct(s|ed|ing)?|tells? us|at reception|visited|demand)(?![a-z])"
)


#: Credentials given to a lure (a fake login page, a phishing email): a break-in waiting to happen. A phishing email
#: nobody answered, or a password typed on our own login page, is neither.
_CREDENTIALS_GIVEN = re.compile(
    r"(パスワード|id|認証情報|ログイン情報).{0,15}(入力し|入れ|教え)(てしま|ちゃっ)|"
    r"(?<![a-z])(typed|entered|gave|put|submitted) (in )?(our|my|the|an?) ([\w-]+ )?(password|credentials|login( details)?)(?![a-z])"
)
_LURE = re.compile(r"偽|詐欺|フィッシング|なりすまし|不審な|怪しい|(?<![a-z])(fake|phishing|scam|spoofed|suspicious|bogus)(?![a-z])")


#: An address or a number given to us alone (「御社にしか教えていない」「登録専用」, "only ever used for my account"):
#: unsolicited mail or calls reaching it are evidence that it got out from here, whoever sent them.
_ONLY_HERE = re.compile(
    r"(御社|貴社|そちら|こちら|ここ|callconnect|selfree|このサービス)(に|で|の|用)?(しか|だけ|のみ|専用)|"
    r"(登録|申込|申し込み|契約)(時|の?とき|の?際)?(に|で|用)?(しか|専用)|"
    r"(他|ほか|よそ)(では|で|に)(は|も)?(一切|どこにも|全く|まったく)?(使って|使用して|登録して|教えて|出して)(い)?(ない|ません)|"
    r"(?<![a-z])(only (ever )?(used|gave|give|registered|use|shared)|used (it |this |that )?(only|exclusively|solely)"
    r"|never (used|gave|given|shared) (it|this|that)( [\w-]+){0,3} (anywhere|to anyone) else|nowhere else)(?![a-z])"
)
#: …but mail or calls from us (御社からの営業メール, "your newsletter") are an opt-out matter, not a leak.
_FROM_US = re.compile(
    r"(御社|貴社|そちら|callconnect|selfree)(から|より)の?[^。、]{0,6}(営業|勧誘|宣伝|メルマガ|メール|電話|案内|お知らせ|dm)|"
    r"(?<![a-z])(from (you|callconnect|selfree)|(your|callconnect'?s?|selfree'?s?) (own )?(newsletters?|marketing|promotions?"
    r"|sales|e-?mails?|calls|mailings?))(?![a-z])"
)
_UNSOLICITED = re.compile(
    r"迷惑|勧誘|営業|スパム|不審な|怪しい|知らない(業者|会社|人|番号)|身に覚えのない|"
    r"(?<![a-z])(spam|junk|unsolicited|promoter|marketers?|telemarket\w*|scam\w*|phishing|cold calls?|sales (calls|emails))(?![a-z])"
)


#: What is asked about our provision to others: its record, or its stop (see `_ACTS_ASKED`).
_PROVISION_ASKED = re.compile(
    r"(提供|渡|開示)(した|された)[^。!?！？]{0,20}記録|(提供|渡し|渡っ)た?(の|こと)?[^。!?！？]{0,10}(記録|履歴)(を|が|は)?[^。!?！？]{0,10}"
    r"(見せ|確認|教え|開示|出し|送っ|ほしい|欲しい|ください)|(提供|共有)(を|は)?[^。!?！？]{0,6}(停止|やめ|止め|お断り)"
    r"|(?<![a-z])(records?|logs?|list) of (every |all |the )?(third[- ]part(y|ies)|compan(y|ies)|who)[^.?!]{0,40}"
    r"|(?<![a-z])(stop|cease) (sharing|passing|selling|giving|providing)(?![a-z])"
)
#: An authority named in an idiom of trouble (警察沙汰, 裁判沙汰), or as where the writer will take the matter (「警察に
#: 通報します」, "I will report you to the police and the regulator"), not as a body that asks.
_NOT_A_BODY = re.compile(
    rf"(警察|裁判)沙汰|({_AUTHORITIES})(に|へ)(も)?(相談|通報|訴え|届け|行|申告|申し立て|駆け込)"
    r"|(?<![a-z])(report|complain|go|escalate|take|turn|bring|refer)\w*( (you|this|it|them|the matter|your company))?"
    r" (to|with) (the )?([\w-]+ )?(police|regulators?|authorit(y|ies)|courts?|commission|ppc|ombudsman)"
    r"(( and| or|,) (the )?([\w-]+ )?(police|regulators?|authorit(y|ies)|courts?|commission|ppc|ombudsman))*(?![a-z])")


def _composed_signals(folded: str) -> list[str]:
    """The leak and authority signals read from what any wording of one is made of (see _WENT_WRONG)."""
    found = []
    if (_BROKEN_INTO.search(folded) or (_WENT_WRONG.search(folded) and _DATA_OBJECT.search(folded))
            or _CREDENTIALS_GIVEN.search(folded) and _LURE.search(folded)
            or _ONLY_HERE.search(folded) and _UNSOLICITED.search(folded) and not _FROM_US.search(folded)):
        found.append("leak")
    body = _AUTHORITY_BODY.search(_NOT_A_BODY.sub(" ", folded))
    if _INSTRUMENT.search(folded) or body and (_FORMAL.search(folded) or _ASKING.search(folded) and _DATA_OBJECT.search(folded)):
        found.append("authority")
    return found


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().replace("’", "'")


#: A leak or an authority named in a hypothetical or a question about the rules ("what if the police ask?",
#: 「漏えいした場合の報告期限は？」, "which clause covers police requests?") is not an incident.
_HYPOTHETICAL = re.compile(
    r"場合|としたら|したら(?!しい)|(来|届|あっ|され)たら(?!しい)|ときは|時は|際は|一般(的に|論)|ポリシー|規約|条項|条文|規定|どの条|(?<!法)第\s*\d+\s*条|"
    r"(れ|え|し|き|っ|い)ても(?!ら)|って本当|というのは本当|ってほんと|ガイドライン|について(教えて|知りたい)|とは(何|なん)|(漏えい|漏洩|流出|情報漏れ|ハッキング|不正アクセス)(が|は)(心配|不安|怖)|"
    r"過去に|これまでに|今までに|万が一|万一|チェックシート|調査票|取引開始前|契約前|(?<!か)もし(?!れ)|仮に|(れ|ら)たら(?!しい)|ドラマ|映画|小説|アニメ|テレビ番組|防ぐ|防止|予防|(しない|されない)ように|守(られ|って)|"
    # a question about whether it ever happened (「漏えいしたことある？」), what a thing is, how things are prevented or
    # done, whether a feature or a form exists; a drill
    r"ことある|ことがあ|ことはあ|って何|どんな|どのような|(対策|仕組み|機能)(は|が|って)(あり|ある)|ないよう|起こりえ|起こり得|ありえ|(様式|書式)(は|って|が|も)?(ある|あり|どこ|どれ|教え|もらえ)|ひな形|手順|マニュアル|"
    r"どこで(手に入|入手|見られ|確認)|訓練|模擬|と聞き(まし)?た|と聞いて|本当(です|でしょう)?か|噂|うわさ|して(も)?(大丈夫|いい|よい|問題(ない|ありません))(です|でしょう)?か|わざと|意図的|沙汰|(対応|受付|受け付け|扱っ)(して|てい|し)?(い)?ますか|"
    r"(?<![a-z])(if|unless|in case(?! (no|number|#)\b)|what happens|suppose|hypothetical(ly)?|in general|generally|policy|clause|section|article(?! ?\d)"
    r"|(notification|response|incident|breach) (procedure|process|plan)|companies (must|have to|are required)|prevent(ion|ing)?"
    r"|protected|protect (it|my|our|customer|user|the)|safe from|against (leaks?|breach(es)?|hack(ing|ers)?)"
    r"|even if|is it true|are we liable|would we be|ever|do you|does your company|would you|how .{0,40}\bworks?"
    r"|what is the (process|procedure)|in principle|guidelines?|explain|(worried|concerned|afraid|nervous) (about|of)"
    r"|is there an? (feature|way|setting|form|template|option)|can (i|we)|on purpose|template|(report|reporting|notification|breach|incident) forms?|manual|one-pager"
    r"|simulation|drill|exercise|what is an?|what's an?|questionnaire|due diligence|data processing agreement|dpa"
    r"|(vendor|security|supplier) (assessment|review|check)|whether (you|selfree|callconnect|your company|the company) would"
    r"|whether (you|selfree|callconnect|your company|the company)'d|i heard|heard that|rumou?rs?|claims? (online|that)|allegedly|is it ok"
    r"|would (selfree|callconnect|your company|the company)|does (callconnect|selfree|the company)|any (personal )?(data )?breach)(?![a-z])"
)
#: The incident happened somewhere else (the news, another company) or is a subject of study, not something here:
#: 「ニュースで他社の漏えい事件を見ました」, "a competitor was hacked, are we affected?", "writing about breaches".
_ELSEWHERE = re.compile(
    r"ニュース|報道|新聞|(ドラマ|映画|小説|アニメ|漫画|番組)(で|の|を見|を観)|(別|他|ほか)の(サービス|サイト|アプリ)|(gmail|yahoo|outlook|icloud|hotmail|google|apple|amazon|microsoft|グーグル|ヤフー|アマゾン|楽天|インスタ)"
    r"(の)?(パスワード|アカウント|ログイン|id)|論文|卒論|ゼミ|インタビュー|(?<![下上前追])記事|他社(?!(さん|様|さま)?宛)|(御社|貴社)とは(関係|無関係)|競合|同業|よその会社|別の会社(で|が)|取材|研修|勉強|前職|(前|以前|昔)の(職場|会社|勤務先|勤め先|バイト先)|(友人|知人|家族|兄|弟|姉|妹|親戚)の(会社|勤め先|職場)|"
    r"(?<![a-z])(news|reported that|(another|other) ([\w-]+ ){0,2}(company|companies|firms?|vendors?|providers?|business(es)?|saas)(?!'s)"
    r"|(several|many|multiple|various|some) ([\w-]+ ){0,2}(companies|firms|vendors|providers|businesses)|competitors?|journalist|reporter|writing (about|an article)|article(?! ?\d)|research(ing)?|thesis|dissertation|interview|survey|training|course|read(ing)? about"
    r"|(old|a) (story|rumou?r|post)|(my )?(previous|former|old|last) (job|employer|workplace)|is that true|podcast|(friend|brother|sister|cousin|relative)'?s (company|employer|firm|office)"
    r"|(another|other|a different) (service|site|website|app|platform)s?|(gmail|yahoo|outlook|icloud|hotmail|google|apple"
    r"|amazon|microsoft|facebook|instagram) (password|account|login|id)|not (at|with|from) (your|our) (company|service|side)|nothing to do with (you|your|callconnect|selfree))(?![a-z])"
)
#: …unless the message says it reached us or our users: our system, this user's data, this account.
_HERE = re.compile(
    r"(御社|貴社|弊社|当社|うち|私|自分)(の|で|から|が).{0,15}(漏れ|漏え|漏洩|流出|不正|盗|誤送信|見え|表示|届|送られ)(た|て|し|され|い)|"
    r"(自社|弊社|当社|私|自分)の?(アカウント|管理画面|画面|ダッシュボード)(で|から|に)|閲覧でき(る|た|て)|載って(い|お)?(た|ました|ます)|"
    r"(callconnect|御社|貴社|弊社|当社|うち)の[^。]{0,10}(履歴|ログ|管理画面|アカウント|システム)|"
    r"(callconnect|御社|貴社)の?(顧客|利用者|ユーザー|会員)[^。]{0,4}(データ|情報|名簿|リスト|録音)|"
    r"(?<![a-z])((callconnect|selfree)('s)? ([\w-]+ )?(customer|user|client|subscriber)s?'? (database|data|list|records|recordings|details)"
    r"|(include|includes|including|contain|contains|containing) my (own )?(name|number|e-?mail|address|details|data|voice)"
    r"|my (own )?(name|number|voice|e-?mail|details) (is|was|are|were) (in|among))(?![a-z])|"
    r"見え(て|た|る)|表示(され|して)|ログインしたら|映り込|写り込|(写|映)った|ログインしたところ|(一覧|画面|リスト|履歴|ページ|ダッシュボード)に(出て|並んで)|混(ざ|じ)っ|混入|紛れ|(添付|同封|記載|掲載)されて|含まれて(い|お)(た|ました|ます)|"
    r"(?<![a-z])((?<!not at )(?<!not with )(?<!not from )(your|our) (system|database|servers?|site|app|service|company|staff"
    r"|agent)|(your|our) ([\w-]+ ){0,3}(e-?mails?|mail|messages?|reports?|invoices?|letters?|files?|exports?|attachments?)"
    r"|(in|inside|from) (our|my) ([\w-]+ ){0,2}account|only exists (in|on)|exists only (in|on)|only (in|on) (our|my) "
    r"|you sent|(your|the) ([\w-]+ )?(export|csv|attachment)"
    r"|came with|arrived with|(my|our) (data|account|details"
    r"|information|number|address)( (was|were|has been|have been|got|is|are))? (leaked|exposed|stolen|hacked|compromised"
    r"|visible|shown|posted)|(could|can) see|shows|showing|shown|visible|appear(s|ed)?|attached|in my (inbox|dashboard|account)"
    r"|received|logged in|logging in|after (logging|signing) in|lists|listing|listed|contains|containing|displays|displaying"
    r"|(the|my|our) ([\w-]+ )?(tab|screen|dashboard|panel|console|inbox|admin))(?![a-z])"
)
#: What shows that it happened or is happening: something arrived, was found, was done, now.
_ACTUAL = re.compile(
    r"(来|届)(た|ました|いた|きました|いて)|ありました|あった(ん|の|。|よ)|受けました|受けた|受け取|求められ(た|ました|てい|てま)|"
    r"要求され|されました|されてい(る|た|ま(?!すか))|しました|しまいました|しまった|ちゃった|発生し|判明|気づ|見つか|起き(た|ました)|"
    r"本日|今日|昨日|先ほど|さっき|今朝|現在|疑い(あり|がある|があります|が出て)|警察です|署の者|照会(です|いたします|します)|ご回答(ください|を(お願い|求め))|"
    r"(提出|回答|開示)(してください|を求めます|願います)|"
    r"(て|で)(い|しま)(た|ました)(?!か)|(た|だ)とのこと|言われ(た|て|ました)|(電話|連絡|照会|依頼|要請)があ(りました|った|って|り)|(電話|連絡|報告|通報)あり(?![ま])|(誤送信|誤送付|紛失|流出|漏えい|漏洩)し(た|ちゃ|てしま)|から(の)?(電話|連絡|照会|問い?合わせ)(。|、|あり|を受け)|が(来|届|き)(て|た|ました)|見つけ(た|ました|て)|"
    r"できます|できてしま|出てき(て|た|ました|ます)|(?<!どの)ようにな(った|って|りました)|"
    r"(?<![a-z])(by mistake|mistakenly|just (?![a-z]*eed(?![a-z]))[a-z]+ed|(told|informed|notified|warned|emailed|called|contacted|alerted|wrote to|messaged)"
    r" us|sent us|served us|(got|broke|hacked) into|seems to be|appears to be|"
    r"received|we got|got a|came in|is asking|are asking|asked us|has asked|have asked|is requesting|"
    r"are requesting|requested|demand(s|ed|ing)?|we are the police|happened|just now|today|yesterday|this morning|overnight"
    r"|last night|(was|were) (accessed|viewed|downloaded|exported|opened|copied)|we'?ve (reset|changed|locked|disabled)|"
    r"(started|now|suddenly) (getting|receiving)|found|noticed|discovered|was sent|were sent|(i|we|you|they) sent|accidentally|showing|appeared|can see|i see|"
    r"got hacked|was hacked|has been|please provide|we request|you are requested)(?![a-z])"
)
_NOT_ACTUAL_AFTER = re.compile(r"\s*[たるだ]?\s*(場合|ら(?!し)|とき|時|際|か(?!ら))")
#: Signals that name an event, which must have happened to be urgent; a threat is urgent however it is phrased.
_EVENT_SIGNALS = ("leak", "authority")


#: A marketing email sent to the wrong address discloses nobody's data but the recipient's own address: it is an
#: opt-out or a complaint, not a leak, unless someone else's data came with it (a CC list, another customer's name).
_MARKETING = re.compile(
    r"メルマガ|メールマガジン|広告メール|宣伝メール|営業メール|キャンペーン|ニュースレター|ダイレクトメール|お知らせメール|案内メール|"
    r"セミナー|ウェビナー|無料診断|資料請求|お申し?込み|ホワイトペーパー|"
    r"(?<![a-z])(newsletters?|marketing|promotional|promotions?|promo|sales emails?|advert(s|ising)?|mailing list|webinars?"
    r"|seminars?|register (now|today|here)|sign up (now|today)|free (trial|assessment|audit|scan|check)|whitepaper)(?![a-z])"
)
#: A notice of an incident here (障害のお知らせ, "your outage notice"): a mail from us, but about an event, not an offer.
_INCIDENT_NOTICE = re.compile(
    r"(障害|不具合|インシデント|事故|漏えい|漏洩|流出|セキュリティ)(の|に関する|についての)?(お知らせ|ご報告|報告|通知)"
    r"|(?<![a-z])(outage|incident|breach|security) (notice|notification|email|e-mail|alert)(?![a-z])"
)
#: An invitation or an advertisement: whatever it names (a breach, a lost laptop) is its subject, not an event here.
_INVITATION = re.compile(
    r"(?<!からの)ご案内(?!メール)|参加無料|お申し?込み|資料請求|ご提案|無料診断|ホワイトペーパー|のご紹介|ご紹介(です|します|させて)|お打ち合わせ|"
    # a newsletter's footer or issue number: its headlines are news, not events here
    r"(配信停止|配信解除|購読解除|登録解除)(を|は)?(ご希望|希望の方|される方|はこちら)|(通信|ニュース|news|マガジン|レター|だより|便り)\s*第\s*\d+\s*号|"
    r"(?<![a-z])(register (now|today|here)|sign up (now|today|here)|seats are|free (trial|assessment|audit|scan|check)|invite"
    r"|invitation|whitepaper|rsvp|to unsubscribe|unsubscribe (here|below|at any time)|\| ?unsubscribe|vol\.? ?\d+"
    # a sales pitch: a product offered, a call to be booked
    r"|book a ([\w-]+ ){0,2}(call|meeting|demo)|schedule a ([\w-]+ ){0,2}(call|demo|meeting)|account executive"
    r"|(?<!our )(?<!my )sales (manager|representative|team)|(our|the) ([\w-]+ )?(insurance|policy|product|solution|platform|tool) (covers|pays|offers"
    r"|protects)|love to (show|demo|walk) you|\d+ minutes (next week|this week|of your time)|(solution|platform|product|tool) that"
    r" (prevents|protects|stops|detects))(?![a-z])"
)
_OTHERS_DATA = re.compile(
    r"(他|別|違う|知らない)の(お客様?|方|人|ユーザー?|利用者|顧客|会社|受信者)(さん|様|さま)?((と思われる|らしき|とみられる)(方々|人々|人たち|方|人)?)?の|別人|他人|(全員|みんな|受信者全員|他の受信者)の(メール)?アドレス|"
    r"(別|他|違う|よその|ほか)の?(会社|社|お客様?|顧客|人|方)(さん|様|さま)?宛|"
    r"(?<![a-z])(cc|bcc)(?![a-z])|some(one|body) else'?s|another (customer|person|user|client|company)'?s"
    r"|other (customers|people|users|recipients)|every(one|body)'?s|(every|all) (the )?recipients"
    # many people's data, not only the recipient's address
    r"|顧客(の)?(リスト|一覧|データ|名簿|情報|管理画面)|名簿|"
    # another firm's records, named with an honorific or not (他社様の請求明細)
    r"(他社|別の会社|他の会社|よその会社|別会社)(さん|様|さま)?の[^。]{0,10}(顧客|名簿|一覧|リスト|明細|請求|氏名|名前|電話|住所|データ|ファイル|通話|情報)|(?<![a-z])(customer|client|contact|subscriber|user|attendee)s?'? ([\w-]+ )?(list|export"
    r"|data|records|database|sheet|details)"
)
#: Words that put what follows before now (以前, 去年): a loss or a danger told as the past.
_EARLIER = r"以前|昔|過去に|前に|数年前|去年|昨年"
#: What shows there is no incident now: it is closed (found, fixed, it was me), it was not one, or nobody's real data
#: was in it; or the question is whether one ever happened, or how such things are handled. Decisive: whatever
#: else the message says happened, these say it is not an incident to report now.
_NOT_AN_INCIDENT = re.compile(
    # data of ours that is out of date (旧社名のまま, 前の住所のまま), not someone else's
    r"(旧|前の|古い|以前の)[^。、,.]{0,10}のまま|古いまま|"
    r"(件|事案|インシデント|不具合|問題)(は|も|が)?.{0,25}(完了|解決済|クローズ|終了|修正済|対応済)|無事(に)?(発見|見つか|回収)|"
    r"自分が.{0,20}だけ|問題(なし|ありません|はありません)|"
    # a leak denied in so many words, or nothing having happened (「漏れたわけではない」「何も起きていない」)
    r"(漏れ|漏えいし|漏洩し|流出し|出回っ|(外|外部|社外)に出)(た|て(は|も)?い(る|た))?(わけ|訳|話|こと)(では|じゃ)(ない|なく|ありません)|"
    # one's own typing mistake in one's own registration (「自分で電話番号を1桁間違えて入れてしまいました」)
    r"(自分で|私が|自ら)[^。]{0,20}(間違え|間違っ|誤って|打ち間違|入力ミス)|"
    r"(漏れ|漏えいし|漏洩し|流出し)て(は|も)(い)?(ない|ません)(?!か)|(漏えい|漏洩|流出|情報漏れ)(など|等)?の(話|件|事実|疑い|可能性)(は|も)(特に|一切)?(なし|無し|ない|ありません)|(何も|なにも|特に)(起き|起こっ|発生し)て(い)?(ない|ません|おりません)|(誤送信|漏えい|漏洩|流出|不正アクセス|情報漏れ)(では|じゃ)(ない|なく|ありません)(?!か|でしょ|です)|"
    rf"({_EARLIER})[^。]{{0,30}}(盗まれ|なくし|紛失|落とし)[^。]{{0,30}}ことがあ|"
    r"(ダミー|テスト用|架空|サンプル)の?データ|実在の.{0,15}(含まれて(い|お)ません|ありません|ない)|"
    r"(?<![a-z])((incident|case|matter|bug|issue|inquiry|that|it|this|which) (is|was|has been|got) (already )?(closed|resolved|fixed)|(closed|resolved|fixed)"
    r" (in|on|last)|(found|recovered) (unopened|intact|untouched|safe)|(was|it's|it was) (just )?me|false alarm|all good"
    r"|not (a|an) (breach|leak|hack|incident)|no (real|actual) (people|persons?|customers?|personal data|data)|(fake|dummy) (data|names?|numbers?|records|customers?|entries)"
    r"|test (data|names)|have you ever|in breach of|breach of (the |our |your |this |their )?([\w-]+ )?(agreement|contract|sla|terms|warranty|trust|promise|etiquette)|nothing (has |had )?(happened|occurred)|not (saying|suggesting|claiming|accusing)( that)?"
    r" (you|anyone|anybody|your (company|staff))( have| has)? (leaked|exposed|lost|sold)|(nothing|no (personal )?data|no information)"
    r" (was|were|has been|had been|got) (leaked|exposed|shared|disclosed)|(wasn't|was not|weren't|were not|hasn't been|has not been)"
    r" (actually )?(leaked|exposed)|has (callconnect|selfree|your company|the company) ever|(sent|emailed|mailed|submitted) (my|our|this) (own )?(request|message|e-?mail|question|inquiry|form|application) to the wrong|do you ever)(?![a-z])"
)
#: How such things are handled, asked (「どう対応しているのか」, "how do you handle…?"): a question about practice, unless a
#: mishap is told as done in so many words (「間違えて送ってしまいました。…どう対応するか書いてある？」).
_HOW_HANDLED = re.compile(
    r"どう(対応|扱|処理|し)(して|され|する)?(いる|います|ている)?(の)?か|どう(対応|扱|処理)する(方針|予定|ルール|運用|決まり|流れ)|"
    r"(どのような|どんな|どういう|どの)(手順|流れ|方法|形|体制|ルール)で[^。]{0,6}(対応|処理|扱)|"
    r"(?<![a-z])(how (do|does|would|will) (you|callconnect|your company|the company) (handle|respond|deal)"
    r"|how (callconnect|you|your company|the company) (would|will|does|do) (handle|respond|deal))(?![a-z])"
)
_MISHAP = re.compile(r"(て|で)しま(いました|った)|ちゃ(った|いました)|(?<![a-z])((i|we) (accidentally|mistakenly)|by mistake)(?![a-z])")
#: A danger told as the past (「以前ストーカー被害で警察に相談したことがあり」, "I was stalked years ago"), with nothing
#: said to go on now: a reason for a request, not a danger to act on.
_PAST_DANGER = re.compile(
    rf"({_EARLIER}|学生の頃|前職で)[^。]{{0,25}}(ストーカ|つきまと|dv|暴力|脅迫)[^。]{{0,30}}(ことがあ|ありました|受けました)"
    r"|(?<![a-z])(years ago|in the past|previously|used to be|a few years back)(?![a-z])[^.?!]{0,40}(stalk|domestic|threat)"
)
_STILL = re.compile(r"今も|今でも|現在も|まだ|最近また|続いて|(?<![a-z])(still|again|currently|right now|ongoing)(?![a-z])")

#: An authority named by someone acting for themselves: their own records for a court or an office, their own
#: papers from one, an office choosing or using the service.
_FOR_ONESELF = re.compile(
    # the police advising the writer (「警察の方からも…整理するよう言われました」)
    r"(警察|警官|署)[^。]{0,12}から(も)?[^。]{0,30}(よう|ように)(に)?(言われ|勧められ|助言|アドバイス|指導)|"
    r"私自身|自分自身|自分の|本人の(?!同意|承諾|許可|了承|確認)|私の(?!担当|上司|部署|チーム)|導入|検討中|(購入|契約|利用|乗り換え)(を|の)?(ご)?検討|"
    # an office as a customer, about its own registration (「当署の代表電話番号が変更に」)
    r"(当署|当庁|当課|当局|弊署|本署)の[^。]{0,6}(電話番号|住所|連絡先|担当者|請求先|メールアドレス)|"
    r"(?<![a-z])(my own|(asked|told|wants|needs) me|not you|evaluating|is a customer|considering|our own)(?![a-z])|"
    # the writer went to the police about their own trouble ("I had to go to the police about a stalker")
    r"(?<![a-z])(i|we) (had to go|went|have gone|had gone|have been|had been) to the police(?![a-z])|"
    # an office as a prospective customer: a quote, a brochure, the product looked at (見積もり, "send us a quote")
    r"見積|(?<![a-z])((looking at|looking into|interested in) (callconnect|selfree|your (product|service|platform))"
    r"|(a|your) (quote|quotation|brochure|price list))(?![a-z])|"
    # an errand of one's own at an office: papers to hand in (「税務署に出すため」); a report filed is `_OWN_ERRAND`'s
    r"(出す|相談する|持っていく)(ため|のに|ので)|"
    # the writer going to the police themselves, as a step they may take (「警察に相談することも考えます」)
    r"(警察|警察署)(に|へ)(相談|行|届け出)[^。!?！？]{0,6}(する|しよう|したい|します|も考え|つもり)|"
    r"(?<![a-z])(for (my|our) (own )?(tax return|lawsuit|court case)|to (file|submit|hand in) (it |them )?"
    r"(to|with) (the )?(police|court|tax office))(?![a-z])"
)
#: The writer's own errand at an office (a police report of their own, papers for the tax office): a lawsuit or a report
#: named for that purpose is not one threatened against us.
_OWN_ERRAND = re.compile(r"(被害届を出す|提出する|届け出る|申告する)(ため|のに|ので)|被害届を出した(件|こと)"
                         r"|(提出|証拠に)(し)?たい(ので|から|ため)|被害届を出しました"
                         r"|(警察|警察署|弁護士)(に|へ)(相談|通報|届け出)(し|を)?(た|ました)(こと|ので|けど|が)|(?<![a-z])for (my|our) (own )?(case|claim|police report)(?![a-z])")
#: An authority or a lawyer named as part of the writer's own business elsewhere (「別件で警察に被害届を出したのですが、
#: それとは関係なく」, "on an unrelated matter"): neither asks us for anything nor is threatened against us.
_UNRELATED_ERRAND = re.compile(
    r"別件で[^。、]{0,8}(に|へ)|今回は(別件|別の(件|話|用件|ご相談|お願い))|別件(で|の)[^。、]{0,12}(警察|弁護士|裁判所)(に|へ)(相談|届|行|通報)|(それ|これ|その件|そちら)とは(関係|無関係|別)|"
    r"(?<![a-z])(unrelated to (this|my|the|that)|(on|for|about) (an unrelated|a separate|a different) matter|has nothing to do with this"
    r"|this time (it'?s|it is|i'?m writing|i am writing|we'?re writing|we are writing) (about|on|for) (something|a) (else|different|separate))(?![a-z])"
)
#: Whether to hand something out, asked about data still here (「通話ログに別のユーザーの情報も入ってる。全部そのまま
#: 出さないといけない？」, "do we have to send it as it is?"): someone else's data in a file not yet given is no leak.
_NOT_YET_OUT = re.compile(
    r"(出さ|開示し|渡さ|送ら|提出し|見せ)(ないと|なきゃ|なければ)(いけ|だめ|ダメ|なら)|(出す|開示する|渡す|送る|見せる)(べき|必要)"
    r"|(?<![a-z])(do|must|should) (we|i) (send|disclose|hand over|release|give|provide) (it|them|this|that|everything|all)\b[^.?!]{0,20}"
    r"(as (it is|they are)|in full|unredacted)(?![a-z])"
)
#: The writer is the authority (「〇〇県警察本部 サイバー犯罪対策課です」, "this is the … police department"), or its
#: instrument arrived (捜査関係事項照会書): a leak it names is the case it investigates, and what it asks of us comes first.
_AUTHORITY_WRITING = re.compile(
    r"(警察|県警|府警|道警|警視庁|警察署|検察|検察庁|裁判所|税務署|[一-龥]{1,8}(省|庁|委員会))[^。、]{0,20}(です|でございます|と申します)(。|、|$)|"
    r"(?<![a-z])(this is|we are|writing from|on behalf of|(notice|letter|request|order) from) (the )?([\w-]+ ){0,6}(police|constabulary"
    r"|prosecutor'?s? office|court|ministry|agency|commission|tax office|regulator)(?![a-z])"
)
#: A member of an authority writing in a personal capacity, or saying that this is not an official request.
_PERSONAL_CAPACITY = re.compile(
    r"個人(として|的)|私用|プライベート|(公務|職務|仕事|捜査|照会)(では|じゃ)(ない|なく|ありません)|"
    r"(?<![a-z])(in a personal capacity|as a private (person|individual|citizen)|not an? (official|police) (request|inquiry|matter))"
)


#: An authority's demand in the form of one: a legal basis cited and a report, an answer or records demanded. The
#: words of a formal letter (規定, 別紙様式, 下記事項) read elsewhere as a question about rules; with a demand made
#: under a law they are the letter itself.
_LEGAL_BASIS = re.compile(
    r"に基づ|の規定に(より|基づ)|法(律)?第?\s*\d+\s*条|(?<![a-z])(pursuant to|under (article|section|rule)|in accordance with"
    r" (article|section))(?![a-z])"
)
_DEMAND_MADE = re.compile(
    r"照会(します|いたします|申し上げます)|(報告|提出|回答|返送|送付|提供|説明)を求め(ます|る(?!場合|とき|時|際|か))|"
    r"ご?(報告|提出|回答|返送|送付|提供)(ください|下さい|願います|願いたく|をお願い(します|いたします)|いただきたく)|"
    r"(?<![a-z])((you are|are) (hereby )?(requested|required|ordered|directed)|requests? that you|(shall|must) (provide|produce"
    r"|submit)|please (provide|produce|submit|state))(?![a-z])"
)
#: A threat that waits on a repeat (「次があったら弁護士に相談する」, "if it happens again…") warns; it takes no action yet.
_IF_AGAIN = re.compile(
    r"(次|今度|また|再び|もう一度|二度目)[^。!?！？]{0,20}(あったら|あれば|起きたら|来たら|届いたら|続いたら|続くようなら|ようなら|場合)|"
    r"(?<![a-z])(if (this|it|that) (ever )?(happens|occurs) again|if (i|we) (get|receive) (another|one more)|next time)(?![a-z])"
)


#: A lawsuit only feared for the future (「将来もし裁判沙汰になったりしたら嫌なので」): a reason, no threat.
#: A step toward a regulator only considered (「委員会に相談することも考えています」): a warning, no action yet.
_HEDGED = re.compile(r"(相談|申告|通報|申し立て)(すること|するの)も(考え|検討)")
_FEARED = re.compile(r"(将来|いつか|もし|万が一|万一|仮に)[^。]{0,15}(裁判|訴訟|沙汰|トラブル)[^。]{0,15}(ら|場合|とき)[^。]{0,6}(嫌|困|心配|不安|怖)")


#: A lawyer or a court named as what the writer would turn to later (「弁護士に相談する前に」, "before I involve a
#: lawyer"): the request comes first, and no action is taken yet.
_BEFORE_ACTION = re.compile(
    r"(弁護士|法律事務所)(に|へ|を)?[^。!?！？]{0,10}(相談|依頼|頼|連絡|入れ|立て)[^。!?！？]{0,6}(前に|より先に)|"
    r"(?<![a-z])before (i |we )?(go(ing)? to|involv(e|ing)|contact(ing)?|consult(ing)?|get(ting)?|call(ing)?|hir(e|ing))"
    r"( \w+){0,2} (lawyer|attorney|solicitor|law firm)s?(?![a-z])"
)


#: A message that ends in a question. For a policy question put to `ask` this alone still calls for a word that
#: something happened (staff mostly ask about rules); triage no longer asks that: "…, who do I tell?" reports.
_ENDS_AS_A_QUESTION = re.compile(r"[?？]\s*$")
#: "if the police sent us…": a marker of something that happened, inside a condition.
_IF_BEFORE = re.compile(r"(?<![a-z])(if|when|whenever|in case|suppose|once)(?![a-z])[^.?!。？,、;]*$")


def _describes_an_event(folded: str, *, question_needs_proof: bool = False) -> bool:
    """Whether the text reports something that happened here, rather than asking about a rule, a hypothesis or
    an incident elsewhere."""
    if _NOT_AN_INCIDENT.search(folded) or _INVITATION.search(folded):
        return False
    if _HOW_HANDLED.search(folded) and not _MISHAP.search(folded):
        return False
    if _ELSEWHERE.search(folded) and not _HERE.search(folded):
        return False
    if _MARKETING.search(folded) and not (_OTHERS_DATA.search(folded) or _ONLY_HERE.search(folded)
                                          or _INCIDENT_NOTICE.search(folded)):
        return False
    if not (_HYPOTHETICAL.search(folded) or question_needs_proof and _ENDS_AS_A_QUESTION.search(folded)):
        return True
    return any(not _NOT_ACTUAL_AFTER.match(folded, m.end()) and not _IF_BEFORE.search(folded[max(0, m.start() - 40) : m.start()])
               for m in _ACTUAL.finditer(folded))


def _only_deferred_threat(folded: str) -> bool:
    """Whether every threat in the text is a lawyer named as a later step (a threat elsewhere still counts)."""
    if not _BEFORE_ACTION.search(folded):
        return False
    rest = _BEFORE_ACTION.sub(" ", folded)
    return not any(p.search(rest) for p in _COMPILED["legal_threat"])


def urgency_signals(text: str, *, composed: bool = True) -> tuple[str, ...]:
    """The names of the urgency signals the text carries (empty when none).

    `composed` also reads an incident or an authority from what any wording of one is made of (triage, where a
    missed urgent inquiry is the worst error); without it only the known wordings count (see `critical_type`).
    """
    folded = _fold(text)
    found = [name for name, patterns in _COMPILED.items() if any(p.search(folded) for p in patterns)]
    if composed:
        # a leak read only from its makings, where what is asked is the record of provision or its stop (「知らない会社から
        # 電話が来る。どこに渡したのか記録を見せて」): the writer suspects our provision; the request says what to do
        guarded = _PROVISION_ASKED.search(folded) is not None
        found += [name for name in _composed_signals(folded) if name not in found and not (guarded and name == "leak")]
    found.sort(key=list(_COMPILED).index)
    if "safety" in found and _PAST_DANGER.search(folded) and not _STILL.search(folded):
        found.remove("safety")
    if "authority" in found and (_PERSONAL_CAPACITY.search(folded) or _FOR_ONESELF.search(folded) or _OWN_ERRAND.search(folded)):
        found.remove("authority")
    if _UNRELATED_ERRAND.search(folded):
        found = [name for name in found if name not in ("authority", "legal_threat")]
    if "leak" in found and _NOT_YET_OUT.search(folded):
        found.remove("leak")
    if any(name in _EVENT_SIGNALS for name in found) and not _describes_an_event(folded, question_needs_proof=not composed):
        demanded = "authority" in found and _LEGAL_BASIS.search(folded) and _DEMAND_MADE.search(folded)
        found = [name for name in found if name not in _EVENT_SIGNALS or demanded and name == "authority"]
    if "legal_threat" in found and (_INVITATION.search(folded) or _IF_AGAIN.search(folded) or _OWN_ERRAND.search(folded)
                                    or _FEARED.search(folded) or _HEDGED.search(folded)
                                    or _only_deferred_threat(folded)):
        found.remove("legal_threat")
    if "authority" in found and "leak" in found and (_AUTHORITY_WRITING.search(folded) or _INSTRUMENT.search(folded)):
        found.remove("authority")
        found.insert(found.index("leak"), "authority")
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
    r"[^\s、。,.!?！？]{1,12}(ではなく|じゃなくて?|ではありません|ではないです|は不要|はせず|(まで)?はしなくて|(まで)?はしません"
    r"|(まで)?はしない(が|けど|で)|まで(は)?(不要|いらない|結構))|"
    r"\b(don't|do not|not to|never|without) (want (you )?to )?(delete|remove|erase|close|cancel|deleting|removing|closing"
    r"|cancelling)( (my|the|our|their|his|her))?( \w+)?"
    r"|\b(don't|do not) want (it|them|my \w+|the \w+) (deleted|removed|erased|closed)",
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


#: What became of one's data (「登録した情報が今どうなっているのか」, "what happened to my data"): a question for
#: disclosure, where 「どうなっているのか」 about a request would chase it.
_STATE_OF_DATA = re.compile(
    r"(情報|データ|記録|登録内容|個人情報)(\([^)]{0,30}\))?(が|は)[^。、]{0,8}どうなって|(?<![a-z])what (has )?(happened|happens|became) (to|of) (my|our)"
    r" (data|information|details|records)(?![a-z])"
)
#: What is asked to stop, in any wording: using the data (利用を一旦止めて, 使うのは今後控えて, "stop using"), or passing
#: it to others (渡すのはやめて, "stop passing it on"). The act asked outweighs the words around it, as the English
#: request verb does.
_STOP = (r"[^。!?！？]{0,12}(やめ|止め|とめ|停止し|中止し|控え|ストップし)(て(ください|下さい|ほしい|欲しい|いただ|もら|くれ)"
         r"|るよう|ていただけ|させ(たい|て))")
#: Use asked not to be made (「分析に使わないでほしい」): the stop of use in its negative form.
_DONT_USE = r"(使わ|利用し|使用し|活用し)ないで(ほしい|欲しい|ください|下さい|いただ|もら|くれ)"
_ACTS_ASKED = (
    # browsing tracked for advertising, asked to stop (「閲覧情報を広告に使うのをやめさせたい」, "opt me out of targeted ads"):
    # the cookie opt-out, before the stop of use it also reads as. One's registered data used for ads is that stop of use.
    (re.compile(r"(閲覧(情報|履歴|データ)|アクセス履歴|行動履歴|ターゲティング|トラッキング|追跡|cookie|クッキー)[^。!?！？]{0,20}(" + _STOP
                + r"|[^。!?！？]{0,12}" + _DONT_USE + ")"
                + r"|(?<![a-z])(stop|opt (me )?out of|turn off|disable)( the| all| your)? ([\w!-]+ )?(targeted |personali[sz]ed |tracking )?"
                r"(ads|advertising|advertisements|tracking|cookies)(?![a-z])"
                r"|(?<![a-z])(stop|don't|do not|never)\b[^.?!]{0,30}\b(browsing (data|history|activity)|track(ed|ing) me)"
                # the ads that follow a visit, asked to stop (「サイトを見てから広告がずっと出てきます。止めたい」), or the tracking
                # itself (「記録されない設定にしたい」, "tracking cookies: how do I turn them off?")
                r"|広告[^。!?！？]{0,30}(出て|出る|表示され)[^!?！？]{0,20}(止め|やめ|とめ|消し)|広告が(出ない|表示されない)(よう|設定)"
                r"|(記録|追跡)されない(よう|設定)"
                r"|(?<![a-z])(cookies?|tracking|trackers?)[^.?!]{0,40}\b(turn (them|it|these|those) off|disable (them|it)|opt out|block (them|it))"
                r"(?![a-z])"), "cookie_optout"),
    # the record of to whom data was given (「警察に提供したことがあるなら、その記録を開示して」): third-party records
    (re.compile(r"(提供|渡|開示)(した|された)[^。!?！？]{0,20}記録|(渡っ|流れ|出|渡し|提供し)た(記録|履歴)|提供(の)?記録|(?<![a-z])records? of [^.?!]{0,40}(shared|disclosed"
                r"|provided|given|passed|handed|sent|sold|transferred|disclosures?|transfers?|provisions?)(?![a-z])"
                r"|(?<![a-z])(logs?|records?|list|history) of (third[- ]party )?(disclosures|transfers|sharing)(?![a-z])"
                r"|(?<![a-z])(logs?|history|list) of (which|who|whom|what|every|all)"
                r"[^.?!]{0,40}(shared|disclosed|provided|given|passed|sent|sold|transferred)(?![a-z])"
                # to whom it went, and when ("whether my data was ever passed to an outside company, to whom and when")
                r"|(?<![a-z])(passed|given|shared|disclosed|provided|sold|transferred)\b[^.?!]{0,60}\b(to whom|who received it"
                r"|who got it)(?![a-z])|(誰|どこ|どの会社)に[^。!?！？]{0,6}(いつ|何を)[^。!?！？]{0,15}(提供|渡|開示|共有)"
                # where it went (「自分の情報がどこの会社に渡ったのか」)
                r"|(どこ(の会社)?|誰|どの会社)(に|へ)[^。!?！？]{0,10}(渡|提供|共有|送|売)(っ|さ|し|ら)?(た|れた)(の|か)"), "third_party_records"),
    (re.compile(r"(渡|提供|共有|販売|売|譲|流)(す|る|する|し)?(の|こと)(は|を|も)" + _STOP
                # 「第三者に渡しているなら止めてほしい」
                + r"|(渡|提供|共有|販売|売|譲)(して|し)(い)?(る)?(なら|のなら|んだったら|んなら)" + _STOP
                + r"|(?<![a-z])((stop|cease|quit) |object(ing)? to (you |your |the company |selfree )?)(passing|sharing|selling|giving"
                r"|handing|providing|disclosing|sending (anything|data|information|my|her|his|their)[^.?!]{0,30}\bto)(?![a-z])|(?<![a-z])(never|don't|do not) (ever )?(pass|share|sell|give|hand|disclose"
                r"|provide)\w*( (on|over))? (my|our|any of my)(?![a-z])"
                # 「外部への提供をすべて止めて」, "I withdraw my consent to the sharing…", "I don't want my data passed on"
                + r"|(外部|第三者|他社|社外)(へ|に)の(提供|共有|販売)(を|は|も)" + _STOP
                + r"|(提供|共有)(は|を)?[^。!?！？]{0,6}お断り|(送ら|渡さ|提供し)ないで(ほしい|欲しい|ください|下さい)"
                r"|(?<![a-z])(do not|don't|never) (send|share|pass|give|sell|hand) (mine|my (data|information|details)|it|them) (on )?to"
                r" (anyone|anybody|any(one)? outside|third|other)"
                + r"|(?<![a-z])withdraw\w* (my |our )?consent (to|for) (the )?(sharing|provision|disclosure|transfer|passing)"
                r"|(?<![a-z])(stop|cease|end|halt) (all |any )?(provision|disclosure|transfers?|sharing) (of [^.?!]{0,30})?to (third|outside|other|any)"
                r"|(?<![a-z])object(ing)? to (it|them|my (personal )?(data|information|details)) being (passed|shared|given|sold|sent|handed"
                r"|disclosed|provided)(?![a-z])"
                r"|(?<![a-z])(don't|do not) want (my|our) (personal )?(data|information|details) (to be )?(passed|shared|given|sold|sent"
                r"|handed|disclosed)(?![a-z])"), "third_party_stop"),
    (re.compile(r"(使|利用|使用|活用)(う|する)?(の|こと)?(は|を|も)" + _STOP
                # 「自分の情報を分析に使わないでほしい」
                + r"|(情報|データ|個人情報|履歴|記録)[^。!?！？]{0,15}" + _DONT_USE
                + r"|(?<![a-z])((stop|cease|quit) |object(ing)? to (you |your |the company |selfree )?)(using|processing"
                r"|analy[sz]ing)(?![a-z])|(?<![a-z])(suspend|stop|halt|cease|restrict) (all |any |the )?(further )?(use|processing)"
                r" of (my|our)(?![a-z])"), "suspension"),
    (_STATE_OF_DATA, "disclosure"),
    # what is registered about oneself, asked (「自分について何が登録されているのか書面で知りたい」)
    (re.compile(r"(自分|私|わたし)(について|の)[^。!?！？]{0,10}(何|どんな(情報|データ)?)(が|を)[^。!?！？]{0,6}(登録|保存|保管|記録|保有)"
                r"(されて|して)(いる|いた|おられる)"), "disclosure"),
    # what has been logged or kept on oneself, asked to be seen ("see which IP addresses you have logged for my account")
    (re.compile(r"(?<![a-z])(see|know|view|check) (which|what) [^.?!]{0,50}\byou (have |'ve )?(logged|stored|kept|recorded|collected"
                r"|hold|held)\b[^.?!]{0,20}\b(for|on|about) (me|my|our)(?![a-z])"), "disclosure"),
    # what the data is used for, asked to be told (「どういう目的に使われるのか書面で知りたい」)
    (re.compile(r"(どういう|どんな|何の|なんの)目的(に|で)[^。!?！？]{0,10}(使|利用)[^。!?！？]{0,15}(知りたい|教えて|説明|お知らせ)"
                r"|何に(使|利用)(う|する|われる|される|って)[^。!?！？]{0,4}(のか|か)[^。!?！？]{0,10}(知りたい|教えて|説明|お知らせ|送って|書面|紙)"
                r"|(?<![a-z])what (purposes?|exactly) (do you|you|is|are)[^.?!]{0,30}\b(use|using|used)\b"), "purpose_notice"),
    (re.compile(r"(私|自分|わたし)の[^。!?！？]{0,20}(履歴|情報|データ|記録)[^。!?！？]{0,15}(出して|送って|見せて|開示して)(ください|下さい|ほしい|欲しい|いただ)"),
     "disclosure"),
    # a registered detail asked to be changed to a new value (「登録の電話番号を新しい番号に変えておきたい」)
    (re.compile(r"(電話番号|携帯番号|住所|メールアドレス|アドレス|氏名|名前|名字|姓|生年月日|登録情報|登録内容|連絡先)[^。!?！？]{0,15}"
                r"(変え|変更し|直し|訂正し|修正し|更新し|書き換え)(て(ください|下さい|ほしい|欲しい|いただ|もら|おきたい)|たい)"
                r"|(?<![a-z])(change|update|correct|fix) (my|our|the) (registered |old )?(phone number|number|address|e-?mail( address)?"
                r"|name|surname|date of birth|birthday|contact details)(?![a-z])"), "correction"),
    # one's own data asked to be listed or sent (「自分の登録情報を一覧で送って」, "send me what you hold on me")
    (re.compile(r"(自分|私|わたし)の[^。!?！？]{0,15}(情報|データ|記録)[^。!?！？]{0,25}(一覧|リスト|コピー)[^。!?！？]{0,6}(送って|ください|下さい"
                r"|ほしい|欲しい|いただけ|確認したい|見たい|知りたい)"
                r"|(?<![a-z])(a |full )?copy of (everything|all|the data|the information|what)[^.?!]{0,30}\b(you|selfree|callconnect)"
                r" (still )?(hold|have|keep|store)"
                # what is held about oneself, asked to be told (「私の個人情報について、保有されている内容をすべてお知らせいただけ…」)
                r"|(自分|私|わたし)の[^。!?！？]{0,50}(保有|保持|保管|登録)(されて|して)(いる|おられる)(内容|情報|データ|項目)[^。!?！？]{0,10}"
                r"(お知らせ|教えて|開示|送って|見せて)"
                # "can I get an export of everything your system has stored about me"
                r"|(?<![a-z])(get|have|receive|see|download|request) (an? |the )?(export|copy|list|printout|dump) of (everything|all)\b[^.?!]{0,50}"
                r"\b(about|on) me(?![a-z])"
                # "I want ALL the data you have on me", "I'd like everything you hold about me"
                r"|(?<![a-z])(i want|i'd like|i would like|i need|i demand|i request|i'm requesting|give me|show me|hand over)"
                r" (a copy of |to see |to get )?(all|everything|every)\b[^.?!]{0,25}\byou (have|hold|keep|store)\b[^.?!]{0,10}"
                r"\b(on|about) (me|us)(?![a-z])"
                r"|(?<![a-z])(send|give|email) me (a (copy|list) of )?(all |everything |what )?(the )?(data|information"
                r"|details)? ?(you (hold|have|keep|store)) (on|about) me(?![a-z])"), "disclosure"),
)


@functools.lru_cache(maxsize=256)
def _acts_named(folded: str) -> tuple[str, ...]:
    """The request types whose act the text asks with its object (see `_ACTS_ASKED`), in that table's order. Cached:
    classification asks it of the same text for the lift, the grievance and the general-inquiry checks."""
    return tuple(type_id for pattern, type_id in _ACTS_ASKED if pattern.search(folded))


#: Requests answered by disclosing something other than one's data: asking to "disclose" them asks for them.
_SHOWN_BY_DISCLOSING = ("third_party_records", "purpose_notice")


def _lift_requested(query: str, request_types: RequestTypes, scores: dict[str, float]) -> None:
    verbs = _verbs(request_types)
    top = max(scores.values(), default=0.0)
    requested = [type_id for type_id in (verbs.get(m.group("verb")) for m in _REQUEST_VERB.finditer(query.lower()))
                 if type_id is not None and scores.get(type_id, 0.0) >= REQUEST_FLOOR * top]
    # an act named with its object (using my data, passing it on) needs no support from the matcher's words
    folded = _fold(query)
    acts = [type_id for type_id in _acts_named(folded) if type_id in request_types][:1]
    if acts and acts[0] in _SHOWN_BY_DISCLOSING:
        # "please disclose the records of provision": disclosing is how the records are given, not the request
        requested = [type_id for type_id in requested if type_id != "disclosure"]
    requested += acts
    for type_id in requested:
        scores[type_id] = max(scores.get(type_id, 0.0), top + (1 - top) * REQUEST_LIFT)


#: A question about how the company works in general (御社は…ですか, "do you…?", 一般論として, "just curious"), or a
#: newsletter or an invitation: a general inquiry, unless the writer asks for something done with their own data.
_ABOUT_PRACTICE = re.compile(
    r"(御社|貴社|うち|そちら|callconnect)(は|では|で|の|も|って)|一般論|一般的に|具体的にどういう場合|"
    r"(?<![a-z])(do you|does (your|callconnect|the company)|are you|is (your|callconnect)|have you|would you|will you"
    r"|in general|general terms|in principle|just curious|how (does|do) .{0,40}work|due diligence|vendor (review|assessment)"
    r"|whether (you|selfree|callconnect|your company|the company) (would|will|do|does|can))(?![a-z])"
)
_ASKED_AS_A_QUESTION = re.compile(
    r"[?？]|ですか|ますか|でしょうか|教えて|知りたい|(?<![a-z])(please (send|tell|explain)|i'd like to know|(check|know|ask) whether"
    r"|wondering|curious|(want|wanted|like) to (know|check|ask))(?![a-z])"
)
#: The writer asking for something about their own data: 「私の情報を消して」, "stop using my data", "send me my records".
_OWN_DATA = re.compile(
    r"(私|自分|本人|わたし|僕)(の|が|に|を|について)|(?<![a-z])(my|me|mine|i want you to|we want you to)(?![a-z])"
    # the writer's firm, about its data (弊社の登録情報), not its own rules (弊社の社内規程)
    r"|弊社(の|が|に|を|について)(?=[^。]{0,12}(情報|データ|記録|アカウント|登録|通話|録音|従業員|社員|顧客))"
)
#: Research, an interview, a survey or press: a request to talk about how things are done, not about anyone's data.
_STUDY = re.compile(
    r"研究|インタビュー|取材|アンケート|論文|卒論|ゼミ|(?<![a-z])(research(er|ing)?|interview|survey|thesis|dissertation"
    r"|journalist|reporter|podcast)(?![a-z])"
)
#: A grievance: dissatisfaction with how something was handled, a request left unanswered, an escalation.
_GRIEVANCE = re.compile(
    r"不満|苦情|抗議|クレーム|放置|無視され|音沙汰|納得(でき|いか|が(いか|でき))(?!(なけれ|ない場合|なかったら))|許せ|不信感|遅すぎ|(回答|対応|返事|返信)が遅|"
    r"どうなって(いる|る|います|いるん|るん)|何(回|度)(も|同じ)|何度[^。!?！？]{0,10}ても|機能して(い)?(ない|ません)|お怒り|怒って(?!(は|も)?(い)?(ない|ません|おりません))|激怒|憤慨|"
    r"がっかり|失望|しつこ|説明しなさい|説明しろ|立腹|曖昧な(説明|回答|対応)|きちんと(した)?(対応|説明)を求め|誠意(ある|のある)対応|(返事|返信|回答|連絡)が(ない|なく|来ない|来ません)|(何の|なんの|一切|全く|まったく)(連絡|返事|返信|回答|音沙汰)も(ない|なく|ありません|来)"
    r"|不誠実|誠意(が|の)(ない|感じられ)|(経つ|経った|たつ|たった)のに|"
    r"(?<![a-z])(complain(t|ing)?|unacceptable|ignored|still waiting|no (reply|response|answer)|outrageous|disgusted|furious|angry"
    r"|escalated?|(speak|talk) to (a|your) (manager|supervisor)|unhappy|not happy|dissatisfied|excessive|upset)(?![a-z])"
)
#: A complaint made in so many words (「正式に苦情を申し立てます」, "I want to make a formal complaint"): a complaint
#: whatever request it is about.
_COMPLAINT_MADE = re.compile(
    r"苦情を(申し立て|申し入れ|入れ|申し上げ)|(正式に|正式な)(苦情|抗議)|抗議(します|いたします)"
    r"|(?<![a-z])((make|file|lodge|submit|raise|register) a (formal |written )?complaint|formally complain)(?![a-z])"
)
#: What is asked to be sent or shown: a request for data, which a grievance alongside does not turn into a complaint.
_SEND_ASKED = re.compile(
    r"(開示|送付|提供)して|見せて|送って|出して|(?<![a-z])(send|give|provide|show) (me|us)(?![a-z])"
)
#: How far a complaint is lifted above the best request type.
COMPLAINT_LIFT = 0.1


#: How far a general inquiry is lifted above the best request type.
GENERAL_LIFT = 0.1


#: Something asked to be done (stopped, deleted, changed, opted out of): a request, not a general question.
_ACT_ASKED = re.compile(
    r"やめ|止め|停止|消し|消去|削除|訂正|修正|変更|更新|直し|無効|外し|解除|オプトアウト|配信停止|ないで(ください|下さい|ほしい|欲しい)|"
    r"(され|し)ないよう(に)?(する|したい|でき|して)|"
    r"(?<![a-z])(stop|delete|remove|erase|update|change|correct|fix|restrict|suspend|object to|opt(ing)? out|unsubscribe|take (me|my)|turn off|disable"
    r"|(don't|do not|never) (send|email|call|contact|use|share))(?![a-z])"
)


#: The writer saying they only want to know (「興味本位で」, "just out of curiosity", "nothing has happened"): a
#: question about their own data asked this way still asks nothing to be done with it.
_ONLY_CURIOUS = re.compile(
    r"興味本位|念のため(聞き|お聞き|確認し)たい(だけ)?|聞いてみた(だけ|かった)|(?<![a-z])(out of curiosity|just (curious|wondering|want(ed)? to know"
    r"|asking)|nothing (has )?happened)(?![a-z])"
)


#: The writer saying it is not about personal data at all (a product question logged by mistake).
_NOT_PRIVACY = re.compile(
    r"個人情報(の|に関する|とは)?(件|問題|話|相談)?(では|じゃ)(ない|なく|ありません)|個人情報とは(関係|無関係)|"
    # the contract itself (a plan, billing), not anyone's data
    r"(料金|利用|契約)?プラン(を|の)?[^。]{0,6}(変更|変え|切り替え|アップグレード|ダウングレード)|請求書の(再発行|送付先)|"
    # the price of the product (「オペレーターを追加する場合の料金」), not of a request
    r"(オペレーター|席|ライセンス|アカウント|回線|オプション|プラン)(を|の)?[^。]{0,10}(料金|費用|価格|見積)|パスワード(を)?忘れ|(?<![a-z])forgot (my |the )?password(?![a-z])|支払い?方法(を|の)?変更|"
    r"(?<![a-z])(change|upgrade|downgrade|switch) (my |our )?(plan|subscription|billing (plan|cycle))(?![a-z])|"
    r"(?<![a-z])(charged twice|double[- ]charged|billing (error|mistake)|invoice (error|mistake)|refund)(?![a-z])|"
    r"(?<![a-z])(send|give|share|email) (me|us) (the |a )?(copy of )?(the |your )?(latest |current |new )?(version of )?(the |your )?"
    r"privacy (policy|notice)(?![a-z])|プライバシーポリシー(の)?(pdf|ファイル|最新版|写し)|"
    r"(?<![a-z])(no privacy (issue|concern|question|matter)|not (a )?privacy (issue|matter|question|request)|nothing to do with"
    r" (privacy|personal data))(?![a-z])"
)


#: The writer saying the question is general or hypothetical (一般論として, "hypothetically").
_IN_GENERAL = re.compile(r"一般論として|一般的に(は|言って)?|仮の話|仮定の話|(?<![a-z])(hypothetically|in theory|as a general question"
                         r"|in general terms|just want to understand your (policy|practice|process))(?![a-z])")


def _general_inquiry(folded: str) -> bool:
    """A question about how the company works, or a newsletter or invitation: nothing asked about one's own data,
    nothing asked to be done."""
    if _NOT_PRIVACY.search(folded):
        return True
    if _IN_GENERAL.search(folded) and _ASKED_AS_A_QUESTION.search(folded) and not (_ACT_ASKED.search(folded)
                                                                                   or _SEND_ASKED.search(folded)):
        return True  # 「一般論として教えてください」, "hypothetically, would you…?": about practice, even with 私の情報
    if _ONLY_CURIOUS.search(folded) and not (_ACT_ASKED.search(folded) or _SEND_ASKED.search(folded)):
        return True
    if _INVITATION.search(folded) or _STUDY.search(folded):
        # what an invitation's footer offers (配信停止はこちら) is not asked by the writer
        rest = _INVITATION.sub(" ", folded)
        return not (_ACT_ASKED.search(rest) or _OWN_DATA.search(rest))
    if _OWN_DATA.search(folded) or _ACT_ASKED.search(folded) or _acts_named(folded):
        return False
    if _MARKETING.search(folded):
        return not _OTHERS_DATA.search(folded)
    return bool(_ABOUT_PRACTICE.search(folded) and _ASKED_AS_A_QUESTION.search(folded))


#: A request made before, which the grievance is about (「削除をお願いしたのに」): not what is asked now.
_ASKED_BEFORE = re.compile(r"[^。、]{1,12}(を)?(お願いした|依頼した|申請した|頼んだ|請求した)のに"
                           # what the writer did it for ("a copy of my passport just to update my email address")
                           r"|[^。、]{1,12}(を)?(変える|変更する|直す|訂正する|消す|削除する)だけ(なの)?に"
                           r"|(?<![a-z])(just|only|simply|merely) to (update|change|correct|fix|delete|remove|see|get) [^.?!,]{0,30}"
                           r"|[^。、]{1,12}の(依頼|請求|お願い|申請)(から|をして(から)?|後)")


def _a_grievance(folded: str) -> bool:
    """Dissatisfaction with how something was handled (a request answered late, a rep's conduct), with nothing asked
    to be done or sent: the request it names (「開示請求への回答が遅い」「削除をお願いしたのに」) is its subject, not what is
    asked now."""
    folded = _ASKED_BEFORE.sub(" ", _STATE_OF_DATA.sub(" ", folded))
    return bool(_GRIEVANCE.search(folded)) and not (_ACT_ASKED.search(folded) or _SEND_ASKED.search(folded)
                                                    or bool(_acts_named(folded)))


def classify(text: str, *, request_types: RequestTypes | None = None) -> Classification:
    """Suggest the request type and urgency of an inquiry.

    Confidence is the best score discounted by how close the runner-up is, so an inquiry that reads equally as a
    deletion and a suspension request is not presented as a sure thing.
    """
    types = request_types or load_request_types()
    query = _NEGATED.sub(" ", clean_input(text))
    scores = {m.key: m.score for m in _matcher(types).rank(query, limit=len(types.types))}
    signals = urgency_signals(text[:MAX_SIGNAL_CHARS])
    signalled = [SIGNAL_TYPES[s] for s in signals if s in SIGNAL_TYPES]
    # An urgent type needs the evidence its signal gives (a leak here, an authority asking us): words alone
    # (「ドラマで刑事が…」, a question about the rules) do not make one, and so page nobody.
    scores = {type_id: score for type_id, score in scores.items() if not types[type_id].urgent or type_id in signalled}
    _lift_requested(query, types, scores)
    top = max(scores.values(), default=0.0)
    if signalled:
        # What happened decides the type: a leak report that also asks for deletion is a leak report first. The
        # signal's type is lifted above the best, so it is also the best candidate listed.
        lifted = max(SIGNAL_CONFIDENCE, top + (1 - top) * SIGNAL_LIFT) if top >= SIGNAL_DECIDES_BELOW else SIGNAL_CONFIDENCE
        scores[signalled[0]] = max(scores.get(signalled[0], 0.0), lifted)
    elif "complaint" in types and _COMPLAINT_MADE.search(_fold(query)):
        scores["complaint"] = max(scores.get("complaint", 0.0), top + (1 - top) * COMPLAINT_LIFT, MIN_TYPE_SCORE)
    elif "complaint" in types and _a_grievance(_fold(query)):
        # a grievance is a complaint even in words no type knows ("taken up with whoever is responsible"), and even
        # when it asks how things are done (「何度も電話が来る。個人情報をどう扱っているんですか」)
        scores["complaint"] = max(scores.get("complaint", 0.0), top + (1 - top) * COMPLAINT_LIFT, MIN_TYPE_SCORE)
    elif top >= MIN_TYPE_SCORE and FALLBACK_TYPE in types and _general_inquiry(_fold(query)):
        scores[FALLBACK_TYPE] = max(scores.get(FALLBACK_TYPE, 0.0), top + (1 - top) * GENERAL_LIFT)
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

    The same evidence as urgency: a question *about* the rules for leaks or police requests is not critical. Only the
    known wordings count here, not the composed reading triage adds: a staff member's policy question often names
    someone else's data as its subject (a disclosure file that holds another customer's complaint), and guidance
    put before the quote would then displace the answer. Triage, which pages, takes the wider reading.
    """
    signals = urgency_signals(text[:MAX_SIGNAL_CHARS], composed=False)
    if "leak" in signals and _AUTHORITY_WRITING.search(_fold(text)) and "authority" in urgency_signals(text[:MAX_SIGNAL_CHARS]):
        return SIGNAL_TYPES["authority"]  # the authority writing about the case it investigates (see urgency_signals)
    return next((SIGNAL_TYPES[signal] for signal in signals if signal in ("leak", "authority")), None)
