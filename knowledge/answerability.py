"""Whether the section found *states* what was asked, or only touches the topic.

The search finds the right section well; what it cannot tell on its own is when the policy is silent. A question
asks for a kind of fact (an amount, a retention period, a number of days, a place, a certification, names of
vendors, a date, past events, an age limit…), and a section answers it only when its text states such a fact:
"開示請求の手数料は？" finds §10, but §10 states no amount, so the honest reply is *partial*. Terms the policy has
never used (standards, vendors, product features: "ISMS", "HubSpot", "暗号化") mark a question the policy does not
address, weighed by how much of the question they are; and a question about the law in general (a definition,
who the law applies to) is not answered by this company's policy, whatever section it resembles.

Each check reads only the question and the cited policy text, so it works the same for questions never seen.
Every pattern is general language about the kind of fact, never a phrasing collected from an evaluation.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import jaconv
from rapidfuzz.distance import Levenshtein

from common.text import STOPWORDS, english_content_stems, english_stems, normalise, reading

#: A number with a unit of time: what "how many days" or "how long do we keep it" needs to be answered.
_DURATION = r"\d+\s*(日|年|か月|ヶ月|カ月|週|時間|営業日|days?|years?|months?|weeks?|hours?)"
#: Three items or more joined by ・ (氏名・生年月日・年齢): a text that lists what it names.
_DOT_LIST = r"[^・\n]+・[^・\n]+・"
_QUALITATIVE_TIME = r"遅滞なく|合理的な期間|速やか|直ちに|without delay|reasonable period|promptly|immediately"


@dataclass(frozen=True)
class FactKind:
    """A kind of fact a question can ask for, and what a text must contain to state one."""

    id: str  # the English label reported in `not_in_policy`
    label_ja: str
    asked: re.Pattern[str]
    #: None: no policy text states this kind of fact; the question is answered only by a manager.
    stated: re.Pattern[str] | None
    #: Values a question may name (電話, "by post"), each with how a text states that value: when the question
    #: names some, the text must state one of them, not merely some value of the kind ("can they ask by phone?"
    #: is not answered by a text that gives an email address).
    values: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    #: A text that gives the address to write to answers which way to use, whatever way the question names.
    address_answers: bool = False
    #: Its `stated` pattern is precise enough to choose between two texts found about equally well (a name given
    #: after 代表社員); most are not (§8's 利用料金 "states" a fee, but not the fee for a request).
    decides_rank: bool = False


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


#: The channels a question may name, each with how a text states it: §16 gives email through the site, so "can
#: they ask by phone?" finds a channel in §16, but not the one asked about.
_CHANNELS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (_re(r"電話|\bphone\b|telephone|\bcall\b"), _re(r"電話|phone|telephone")),
    (_re(r"郵送|郵便|手紙|\bby post\b|\bpostal\b|\bletters?\b"), _re(r"郵送|郵便|\bpost\b|postal")),
    (_re(r"書面|in writing|\bwritten\b"), _re(r"書面|in writing")),
    (_re(r"\bfax\b|ファックス|ファクス"), _re(r"\bfax\b|ファックス|ファクス")),
    (_re(r"チャット|\bchat\b|\bsms\b|\bline\b"), _re(r"チャット|\bchat\b")),
    (_re(r"メール|e-?mail"), _re(r"メール|e-?mail")),
    (_re(r"アプリ|\bapp\b|設定画面|settings (screen|page)"), _re(r"アプリ|\bapp\b|設定画面")),
    (_re(r"来店|対面|口頭|in person|face to face"), _re(r"来店|対面|in person")),
)

#: Data getting out, in general words (not the name of any one incident).
_LEAK = (r"漏え|漏洩|漏れ|流出|誤送信|誤送付|誤って送|間違えて送|紛失|盗難|盗まれ|不正アクセス|不正ログイン|乗っ取|ハッキング"
         r"|breach|leak|hack|stolen|exposed|unauthori[sz]ed access|compromised|to the wrong (person|customer|address|company)")
#: What is done about it.
_RESPONSE = (r"どうすれば|どうしたら|どう(対応|動|す|し)|何をすれば|なにをすれば|対応(方法|手順|フロー)|手順|報告|届出|届け出|通知|連絡する"
             r"|what (should|do|must|would) (we|i) do|what now|next steps|the steps|process|procedure|how (do|should|would) we"
             r" (respond|handle|deal)|respond|report|notify|inform")
_PHONE = r"\d{2,5}-\d{2,4}-\d{3,4}"
_POSTAL = r"〒|\d{3}-\d{4}|[都道府県].{1,6}[市区町村]"
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")

#: Checked on the question in NFKC form with case folded (so ＰＭＡＲＫ and Pマーク meet the same pattern).
FACT_KINDS: tuple[FactKind, ...] = (
    FactKind(
        "fee",
        "手数料・料金の額",
        _re(r"手数料|料金|費用|金額|いくら|有料|無料|お金|月額|年額|値段|価格|\bfees?\b|(?<!in )\bcharg(e|es|ed|ing)\b"
            r"|\bcosts?\b|\bprices?\b|\bpricing\b(?! page)|how much|free of charge|\b(is|are|be) (it |this |that |they )?paid\b|\b(is|are) (it|this|that|they|an? \w+( \w+)?)"
            r" free\b|\bfor free\b|\b(have|need|has|needs) to pay\b|\bpay (anything|something|for|extra)\b"
            # paying, not a record of payments held as data (支払履歴)
            r"|支払(?!い?(履歴|情報|記録|状況|データ))|払う|払わ"),
        _re(r"\d[\d,]*\s*(円|yen)|手数料|無料|free of charge|\bfees?\b"),
    ),
    FactKind(
        # a sum other than a fee: compensation, a cap on liability, a fine
        "amount",
        "金額（賠償・上限など）",
        _re(r"(上限|限度|賠償|補償|損害)額|賠償(金|額)|補償(金|額)|罰金|違約金|(額|金額)の上限|上限(は|って)?(いくら|何円)"
            r"|\b(cap|limit|ceiling) on (our |the company's )?(liability|damages|compensation)|liability (cap|limit)"
            r"|maximum (liability|compensation|damages|payout|amount)|how much (compensation|damages)|penalt(y|ies) amount"),
        _re(r"\d[\d,]*\s*(円|yen|万円)"),
    ),
    FactKind(
        "retention period",
        "保存期間",
        _re(r"(保存|保管|保持|保有)(期間|期限)|いつまで.{0,6}(保存|保管|保持|残|持って|消え)|いつ(消|削除|破棄|廃棄)|"
            r"(\d+|何)\s*(ヶ月|か月|カ月|年|日)(なのか|なの|ですか)[^。？?]{0,10}(\d+|何)\s*(ヶ月|か月|カ月|年|日)|(保存|保管|保持|残)"
            r".{0,8}(いつまで|何年|何日|何か月|何ヶ月|どれくらい|どのくらい)|(何年|何日|何か月|何ヶ月)"
            r".{0,4}(保存|保管|保持|残|消え|消す|削除|捨て|破棄|廃棄|消去)|(どれくらい|どのくらい|何年|いつまで)(の期間)?.{0,6}(保存|保管|保持|残|持って)"
            r"|\b(keep|kept|store|stored|retain|retained|hold|held)\b.{0,60}\bhow long|for how long"
            r"|how many (years|months|days) .{0,30}\b(keep|hold|store|retain)|retention|\bretain"
            r"|how long .{0,40}\b(keep|kept|store|stored|hold|held"
            r"|retain|retained|remain|stay|last|lasts|valid)|kept for|stored for|deleted after"
            r"|how long (until|before) .{0,40}\b(deleted|erased|removed|gone|disappears?|purged)"
            r"|有効期限|有効期間|\bexpir|lifetime|lifespan"),
        _re(_DURATION),
    ),
    FactKind(
        "number of days",
        "具体的な日数・時間",
        _re(r"何日|なんにち|何営業日|何時間|何週間|何か月以内|何\s*(business |working )?(days|hours|weeks)|how many (business )?(days|hours|weeks|months|years)|within how many"
            # how long it takes: a length, which "without delay" or "a reasonable period" does not give
            r"|how long (do|does|will|would|did|should) (it|this|that|we|they|you) (take|have)|\bsla\b"
            r"|how long (it|this|that) (will|would|should|is going to|is supposed to) take|\b(a|the|any) number of days\b"
            r"|how long [^.?!]{0,30}\b(is supposed to|should|will|would|is meant to|is going to) take\b"
            r"|how many working days|\d+\s*(日|週間|か月|ヶ月|カ月|営業日|days?|weeks?|months?)\s*[?？]|\b(a|one) (week|month)\s*\?"
            r"|(合理的な期間|遅滞なく|速やかに)(って|とは|は)?.{0,6}(どれくらい|どのくらい|何日|具体的)"
            r"|what counts as (a |the )?(reasonable|prompt|without delay)|how long is (a |the )?(reasonable|without delay)"
            r"|\b(one|two|three|four|five|six|seven|ten|fourteen|thirty) (business |working )?(days?|weeks?|months?)\s*\?"
            r"|具体的な(日数|期間|期限)|\bin (business |working |calendar )?(days|hours|weeks)\b|日数"
            # a number of days' notice asked for (「30日前に通知してくれる？」, "14 days' notice")
            r"|\d+\s*(business |working |calendar )?days'? (notice|in advance|ahead|prior)|\d+\s*日前(まで)?に"
            # a figure asked for as "a fixed deadline" (明確な期限ってある？, "is there a hard time limit?")
            r"|(明確な|決まった|はっきりした|厳密な|正確な|確定した)(期限|期間|締め?切り?)|(期限|締め?切り?)(は|が|って)?(明確|決まって|はっきり)"
            # a date asked for exactly (正確にいつ, "exactly when it will be done")
            r"|(正確に|具体的に|はっきり)いつ|\bexactly when\b|\bwhen exactly\b"
            r"|(specific|exact|concrete|fixed|firm|hard|set|definite|precise|strict) (number of days|deadline|date|time ?limit"
            r"|time ?frame|turnaround)"),
        _re(_DURATION),
    ),
    FactKind(
        "deadline",
        "期限",
        _re(r"期限(?!が(近|迫|過ぎ|切れ))|いつまでに|締め?切り?|どれくらいで|どのくらいで|何日以内|deadline|how (quickly|fast|soon)"
            r"|response time|time limit|turnaround|by when|time ?frame|timeline"
            # how long before something happens it is announced
            r"|how (far|long|much time|many days) (in advance|ahead|before)|how much (advance )?notice|advance notice|notice period"
            r"|何日前|どれくらい前|どのくらい前|いつ(まで)?に(告知|通知|周知|お知らせ|連絡)|事前(に|の)?.{0,6}(何日|どれくらい|どのくらい|いつ)"),
        _re(_DURATION + "|" + _QUALITATIVE_TIME),
    ),
    FactKind(
        "place or country",
        "保存場所・国",
        _re(r"どこの国|どの国|(保存|保管|置き場所|設置)(先|場所)?の(国|地域)|国・地域|国や地域|所在地|リージョン|データセンター|越境|(サーバ|保存|保管|(データ|情報)(を|は)?置いて).{0,12}どこ(?!に(書|載|記載|ある))|どこ.{0,8}(サーバ|保存|保管|置いて)"
            r"|(国内|海外|国外|日本)(に|で|へ)?(サーバ|保存|保管|置|ある|あり|移転|送)"
            r"|(サーバ|データ|保存先|保管先).{0,10}(国内|海外|国外|日本)|which country|what country|overseas|abroad"
            # a region the data is in, not the users' region ("the users in their region")
            r"|(cloud|server|data|hosting|storage|aws|azure|gcp) region|\bregion\b.{0,20}\b(stored|hosted|kept|servers?|data ?cent)"
            r"|data ?cent(er|re)|residency|(where|which).{0,30}\b(located|stored|hosted|kept|servers?)\b"
            r"|in japan|\b(outside( of)?|out of) (the )?(japan|eu|eea|us|usa|uk)\b|cross-border|transferred? (abroad|outside)"
            r"|server location|location of (the |our |your )?(servers?|data)|(japan|japan-) only|(only|solely) in japan|(日本|国内)(のみ|だけ)"
            r"|(any|which|what|another|other) countr(y|ies)"
            r"|(海外|国外|外国)(に|へ|の)|欧州|ヨーロッパ|\bin the (eu|eea|us|usa|uk)\b|\beu (representative|residents?)"),
        _re(r"(?<!ヤフー)日本|国内|海外|国外|(?<!yahoo )japan(?! corporation)|overseas|abroad|country"),
    ),
    FactKind(
        "certification",
        "認証・認定",
        _re(r"(?<![本人段要])認証(を|は|って|取|持|あ|受|の取得|書)|認定|pマーク|プライバシーマーク|isms|\biso ?\d{4,5}"
            r"|\bsoc ?[12]\b|\bpci\b|certifi(ed|cation|cations)\b|accredit|監査報告|audit report"),
        _re(r"認証|認定|マーク|certif|isms|\biso\b"),
    ),
    FactKind(
        "named vendors",
        "委託先・提供先の名称",
        _re(r"((委託|再委託|提供|外注|送信|販売|共有|提携|連携|移転)先|再委託|ベンダー|クラウド|サブプロセッサ)(の|って|は|が|を)?[^にへ]{0,4}(一覧|リスト|名前|社名|名称|どこ)"
            r"|どの(クラウド|ベンダー|事業者|業者)|(社名|名前)を教えて"
            r"|list of (the )?(vendors|companies|providers|processors|sub-?processors|sub-?contractors|partners|recipients)"
            r"|どの(ツール|システム|ソフト|サービス|製品|crm|サーバ)(を|で|に|が)?(使|利用|導入|預|置|保存|管理)"
            r"|which ([\w-]+ ){0,2}(vendors?|providers?|cloud|tools?|software|systems?|platforms?|crm|products?|apps?|third parties"
            r"|contractors?|sub-?contractors?"
            r"|(partner |third-party )?(services|integrations)|partners?)\b"
            r"|what (vendors?|cloud( provider)?|providers?|tools?|software|systems?|platforms?|crm) (do|does|is|are)"
            r"|sub-?processors?"
            r"|names? of ((the|every|all|each|our) )*([\w-]+ ){0,3}(vendors?|compan(y|ies)|providers?|sub-?contractors?|contractors?|banks?"
            r"|processors?|sub-?processors?|partners?)"
            # which company does a job the policy names only by its kind (決済代行会社ってどこ？, "which bank")
            r"|(会社|業者|事業者|銀行|代行|(?<![\u4e00-\u9fff])(?!連絡先|宛先|送付先|送り先|届け先|届先|勤務先|行き先|行先|転居先|引越し?先)[\u4e00-\u9fff]{1,5}先)(は|って|が|も)?(どこ|どちら|何て|なんて)|(?<![\u4e00-\u9fff])(?!連絡先|宛先|送付先|送り先|届け先|届先|勤務先|行き先|行先|転居先|引越し?先)[\u4e00-\u9fff]{1,5}先(は|って)[?？]"
            r"|(どこ|どちら|どの会社)(の(会社|企業|業者))?(に|へ)(販売|売って|売っ|提供|渡)"
            r"|どこの(業者|事業者|ベンダー|クラウド|代行|銀行|サーバ|システム|ツール|製品)|具体的に(は)?どこ(の|に|へ)"
            r"|(社名|会社名|企業名|業者名|事業者名)(を|は|も|って)?.{0,6}(教え|知り|知りた|分か|わか|開示|一覧|リスト|載って|書いて|記載)"
            r"|(会社|企業|業者|事業者|(?<![\u4e00-\u9fff])(?!連絡先|宛先|送付先|送り先|届け先|届先|勤務先|行き先|行先|転居先|引越し?先)[\u4e00-\u9fff]{1,5}先)の(名前|名称)(の)?(一覧|リスト)?(は|って|を|が|も|[?？])"
            r"|どの(提携|連携)(サービス|先|会社)|(提携|連携)(サービス|先)(は|って|が)?(どこ|どれ|何)"
            r"|(どこ|どちら|どの会社)(を|に|の)?(会社を?)?(使|利用|頼|依頼|委託|契約)"
            # the names themselves asked for ("I need the names"), or which services concretely (具体的にどのサービス)
            r"|\b(need|want|give me|tell me|list|know) (the|their|its) (company |vendor |actual |exact )?names\b"
            r"|(具体的|concretely|specifically)\s?(に|には)?\s?どの(サービス|会社|企業|ツール|業者)"
            r"|which (banks?|compan(y|ies)|firms?|couriers?|carriers?|(data )?brokers?|processors?|suppliers?|credit card compan(y|ies)"
            r"|card compan(y|ies)|delivery compan(y|ies)|payment (processor|provider|compan(y|ies))s?)\b"
            r"|who (do|does) (we|selfree|callconnect) use (for|to)"
            r"|\b(list|name) (all |the |every |each |our )+(partners?|vendors?|compan|providers?|processors?|sub-?contractors?"
            r"|contractors?|partner services|recipients?|banks?|firms?)"),
        # another company named, not the company's own name (合同会社selfree, "selfree LLC")
        _re(r"(?<!selfree )llc|inc\.|株式会社|google|yahoo|microsoft|meta|facebook"),
    ),
    FactKind(
        # which items of data go to a recipient: stated only by a text that lists items (§2 does, §14 names recipients)
        "data items sent",
        "送信・提供されるデータ項目",
        _re(r"\b(exact|specific|which|what) (data )?(fields|parameters|attributes|data points|data elements)\b"
            r"|(どの|どんな|何の|具体的な)(データ)?(項目|フィールド|パラメータ)(を|が)[^。？?]{0,10}(送|渡|提供|共有|連携)"
            r"|(どの|どんな|何の)\s*(fields?|parameters?|attributes?)\b"),
        _re(_DOT_LIST + r"|\b(name|e-?mail address|phone number|ip address|device id)s?\b[^.\n]{0,40}"
            r"\b(name|e-?mail address|phone number|ip address|device id)s?\b"),
    ),
    FactKind(
        # what falls under a term the policy uses but never spells out (「重要な変更」って何が当たる？): answered only
        # by a text that gives examples or a list
        "criteria",
        "該当する基準・具体例",
        _re(r"(どういう|どんな|どの(ような)?|何|なに)(もの|の|こと|場合|ケース|変更|情報|内容)?が(当たる|あたる|該当|含まれ|対象)"
            r"|どこまで(が|を|は)(含|対象|該当|当たる)|\bwhat (counts|qualifies) as\b|\bwhat (exactly )?(is|are|would be) considered"
            r"|\bwhat falls under\b|\bexamples? of (what|a|an|the)\b"),
        _re(r"例えば|たとえば|具体的には|for example|such as|e\.g\.|\n\s*\d+\.|" + _DOT_LIST),
    ),
    FactKind(
        "date",
        "日付",
        _re(r"いつから|(施行|改定|改訂|制定|更新|発効)日|(施行|改定|改訂|制定|更新|変更)した?(日付|日にち)|最終(更新|改定)|いつ(施行|改定|更新|変更)(された|したの|になった)|effective date"
            r"|last (updated|revised|changed)|when (was|did|does|will) [^?.!]{0,50}(updated|changed|revised|take effect"
            r"|come into (force|effect)|published|adopted|(start|begin)(s)? to apply)|since when|as of (what|which) date"
            r"|what date|いつ付|いつ(から|より)?(施行|発効|適用|公表|公開)|いつ[^。？?]{0,8}(変わった|(改定|改訂|更新|変更)(された|した|になった))"),
        _re(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{2}-\d{2}"),
    ),
    FactKind(
        "past incidents",
        "過去の事故・実績",
        _re(r"(過去に|これまでに|今までに).{0,20}(漏|流出|事故|事件|問題|違反|トラブル|あった|ありました|ある[?？]|ありますか)"
            r"|実績|前例|\bever (had|been|happened|leaked|breached|hacked)|\bhas .{0,30}\bever\b"
            r"|\bhave .{0,30}\bever\b|in the past|track record|history of (leaks?|breach(es)?|incidents?|problems?|violations?|data)"
            r"|(incidents?|breach(es)?|leaks?) in the (last|past)|(had|have had) any ([\w-]+ ){0,3}(incidents?|breach(es)?|leaks?)"
            r"|(過去|直近|ここ)[^。？?]{0,8}(年|か月|ヶ月)[^。？?]{0,12}(事故|漏えい|漏洩|インシデント|流出)"),
        None,
    ),
    FactKind(
        "age limit",
        "年齢制限・未成年の扱い",
        _re(r"何歳|\d+\s*歳|未成年|年齢制限|親権|保護者の同意|\bminors?\b|(子ども|子供|こども)(の(個人情報|情報|データ)|が.{0,8}(使|利用|登録))"
            r"|\b(child(ren)?|kids?|students?|pupils?)('s?)? (personal )?(data|information|accounts?|can|use|sign|under)\b"
            r"|under \d+|minimum age|age limit|parental|underage|teen"),
        _re(r"\d+\s*歳|未成年|親権|保護者|parental|minimum age|under \d+"),
    ),
    FactKind(
        "business transfer",
        "事業譲渡・合併時の扱い",
        # The company changing hands, not data being "acquired" (§5) or "sold" (§8).
        _re(r"合併|買収|事業譲渡|事業承継|会社分割|倒産|破産|廃業|merger|\bm&a\b|takeover|taken over|(bought|acquired) by"
            r"|(company|business|selfree|callconnect|firm) (is |was |gets |got |being )?(sold|bought|acquired)"
            r"|acquisition of (the |our )?(company|business|selfree)|bankrupt|sale of the company|change of control"
            r"|changes? hands|(we|selfree|callconnect|(the|our) (company|business|firm)) (might|may|could|will) be (acquired|bought|sold)"),
        _re(r"合併|事業譲渡|承継|merger|acquisition"),
    ),
    FactKind(
        "channel",
        "受付・連絡の手段",
        # A specific channel asked about as a way to do something (電話でも受け付けていい？, "can they apply by
        # post?"), or the channel itself (申請方法, "which channel"); a channel that only says how a message came
        # in (「メールで削除依頼が来た」) asks nothing.
        _re(r"(電話|郵送|書面|手紙|fax|ファックス|ファクス|窓口|来店|対面|口頭|チャット|メール|フォーム|line|sms|アプリ|添付)(で|から)(も|の)?"
            r"[^。.!?！？]{0,12}(受け付け|受付|申請|請求|申し込|申込|依頼|連絡|通知|知らせ|送っ|出し|提出|でき|いい|大丈夫|可能|ok|対応し(て|ても)"
            r"|やって|行って|して(る|いる|います))"
            r"[^。.!！]{0,12}([?？]|か|いい|の$)"
            r"|(申請|請求|申込|申し込み|提出|送付|連絡|受付|通知)(の)?(方法|手段|経路|窓口)|どの(方法|手段|経路)で"
            r"|(電話|郵送|書面|fax|ファックス|チャット|line|sms|窓口|来店|対面)(も|は)(ある|あり|受け付け|受付|でき|対応|可能|ok)"
            r"|^(can|could|may|do|does|should|will|is|are)\b.{0,60}\b(by|via|over|through) (the )?(phone|telephone|post|mail"
            r"|letter|fax|e-?mail|chat|sms|text|app|web ?form|form|website)\b|\bin (writing|person)\b.{0,20}\?"
            r"|\b(do|does|will|would|should) (we|you|they|selfree) (e-?mail|phone|call|text|write to|post to|mail)"
            r" (each|every|all|the|our|affected)? ?(users?|customers?|them|people|individuals?)\b"
            r"|(what|which) (channel|method|means)|how (can|do|should) (they|users?|customers?|people) (submit|send|apply"
            r"|make|file|request|contact|reach)"),
        _re(r"メール|電話|郵送|書面|窓口|フォーム|サイト(より|から|上)|e-?mail|phone|\bby post\b|in writing"
            r"|(via|through|on) (the |our )?(company's )?(website|site)|contact form"),
        _CHANNELS,
        address_answers=True,
    ),
    FactKind(
        "identity documents",
        "本人確認の方法・書類",
        _re(r"本人確認.{0,10}(方法|書類|手段|やり方|どうやって|どうやる|どうする|何を|なにを|何で|なにで)"
            r"|(どう|どうやって|どのように|何で|なにで).{0,10}本人(確認|かどうか)|身分証|免許証|マイナンバー|パスポート|保険証"
            r"|(どんな|どの|何の|なんの|どういう)(書類|資料|証明書|証明|エビデンス)|(書類|証明書)(は|って|が)?(何|なに|どれ)"
            r"|(what|which) (kind of )?(id|identification|documents?|proof)\b|proof of (identity|id\b)|\bid documents?"
            r"|(どの|どんな|何の|なんの)\s*(id|identification|document)"
            r"|photo id|how (do|should|can|will|would) (we|i|you) (verify|confirm|check) (their |the |his |her |a )?"
            r"(identity|id\b|who)"),
        _re(r"免許証|身分証|書類|パスポート|\bdocuments?\b|passport|id card"),
    ),
    FactKind(
        "format",
        "渡す形式",
        # A file or a medium named as the way data is handed over (PDFで渡す？), not a file that is only mentioned.
        _re(r"形式|フォーマット|(pdf|csv|エクセル|excel|紙|書面|データ|ファイル|電子)(で|の形で)(渡|送|提供|開示|出|もら|くれ|ほし|欲し)"
            r"|file format|\bformat\b|spreadsheet|on paper|(electronic|digital|paper|printed) (copy|form)"
            r"|(as|in) (an? )?(pdf|csv|excel)\b|machine-readable|portab"),
        _re(r"形式|書面|電磁的|\bformat\b|\bpdf\b|\bcsv\b|in writing"),
    ),
    FactKind(
        "frequency",
        "頻度・回数",
        _re(r"頻度|何回|何度|(年|月|週)(に|で)(何|\d+|[一二三四五六七八九十])|定期的に|how often|how many times|frequency|per (year|month|week)"
            r"|once a (year|month|week)|\bregularly\b|\bperiodic"),
        _re(r"\d+\s*(回|度|times)|毎(年|月|週|日)|定期的|annually|every (year|month|week)|periodically|regularly"),
    ),
    FactKind(
        "who exactly",
        "担当者・担当部署",
        _re(r"誰が.{0,8}(対応|担当|やる|やって|判断|管理|見|扱|処理|決め|アクセス)|どの(部署|チーム|担当|部門|人)"
            r"|担当(者|部署)(は|って|の名前|が誰|を教え)"
            # not the recipients ("who exactly are you sending my browsing info to?": the named vendors)
            r"|who (exactly|specifically)(?!( [\w']+){0,3} (send|sending|sent|share|sharing|shared|give|giving|pass|passing|sell|selling)\b)|which (team|department|person|staff|employee)s?\b"
            r"|who (handles|is responsible|decides|processes|deals|can access|has access|sees|reviews|approves)"
            # which staff can see the data: the policy says who receives it, never which employees see it
            r"|(社員|従業員|スタッフ|オペレーター|担当者|サポート)(は|が|も|なら)?.{0,20}(見|閲覧|アクセス|聞)(られ|でき|れる|ける|けま|れま)"
            r"|\b(can|do|does|could) (our |the )?(staff|employees?|agents?|support( staff| agents)?|operators?|anyone at"
            r" \w+) (see|access|view|read|listen)"),
        _re(r"責任者|管理者|代表|担当|部署|manager|officer|representative|\bteam\b|department"),
    ),
    FactKind(
        "security measure",
        "具体的な安全管理措置",
        # A named safeguard: the policy says data is managed "appropriately and safely" (§6) and names none.
        _re(r"暗号|ハッシュ|バックアップ|二段階認証|二要素|多要素|アクセス(制限|制御|権限)|権限管理|ファイアウォール|脆弱性"
            r"|ペネトレーション|侵入テスト|ウイルス対策|encrypt|hashed|hashing|backups?\b|two-factor|\b2fa\b|\bmfa\b"
            r"|multi-factor|firewall|access control|access rights|penetration|pen ?test|vulnerabilit|anti-?virus"
            r"|具体的(に|な).{0,8}(対策|措置|セキュリティ)|具体策|(どんな|どのような)(セキュリティ)?対策|(specific|concrete|exact|which)"
            r" (security )?(measures|safeguards|controls)|security measures (specifically|exactly|in detail)"
            # the people side of it: vetting and training of staff
            r"|身元調査|バックグラウンドチェック|background (checks?|screening)|\bvetting|(従業員|社員|スタッフ|オペレーター)(向け)?[^。？?]{0,10}(研修|教育)"
            r"|(security|privacy|awareness|staff|employee) training|training (for|of) (staff|employees|operators)"
            r"|bug bount|responsible disclosure|vulnerability disclosure|脆弱性(報奨金|報告)"),
        _re(r"暗号|ハッシュ|バックアップ|アクセス制限|encrypt|hash|backup|firewall|access control"),
    ),
    FactKind(
        "notification",
        "本人への通知の有無・方法",
        # Whether (or how) the person is told; the policy says so only where it announces something (§15).
        _re(r"(本人|ユーザー?|お客様|お客さん|利用者|顧客)(に|へ)(は|も)?(事前に|すぐ|必ず)?(通知|連絡|知らせ|お知らせ|報告|伝え)"
            r"|(通知|お知らせ)(は|を)?(され|する|します|しま|来|届|ある|あり)|\bnotif(y|ies|ied|ication)\b"
            r"|(?<!what we )(?<!what you )(?<!originally )\b(tell|told|inform|informed|alert|alerted|warn|warned) (the )?(users?|customers?|them|individuals?"
            r"|data subjects?|people|person)\b|\b(users?|customers?|person|individuals?|data subjects?|they|he|she)"
            r" (is|are|gets?|will be|would be|be) (told|informed|notified|alerted|warned)\b"
            r"|\b(is|are|will|would|does|do) (the |a )?(users?|customers?|person|individuals?|data subjects?|they|he|she)"
            r" (be |get )?(told|informed|notified|alerted|warned)\b"),
        _re(r"通知|お知らせ|知らせ|notif|announce|\binform(ed|s)?\b"),
    ),
    FactKind(
        "how consent is obtained",
        "同意の取り方",
        _re(r"同意(を|は|って)?.{0,6}(どうやって|どのように|どう(取|得|も)|方法|取り方|取得方法|もらい方|どこで)"
            r"|(どうやって|どのように|どこで).{0,10}同意|チェックボックス|オプトイン|\bopt-?in\b|check ?box"
            r"|同意(の)?取得(について|に関して|は|って)|(cookie|クッキー)\s*(バナー|banner)|consent (banner|pop-?up|management)"
            r"|how (do|does|did|is|are|should) .{0,30}\bconsent\b.{0,20}(obtained|given|collected|recorded|get|got)?"
            r"|how .{0,20}(get|obtain|collect|record) .{0,15}\bconsent"),
        _re(r"チェック|クリック|ボタン|書面|check ?box|click|in writing"),
    ),
    FactKind(
        "automatic deletion",
        "退会・解約時に自動で消えるか",
        # What happens to data when an account is closed: §11 says what is done when deletion is *asked for*,
        # not what happens by itself at closure.
        _re(r"(退会|解約|アカウント(を)?削除|利用をやめ|やめ)(したら|すると|した後|したあと|後|の後|時|とき|の際)(は|に|も|って)?"
            r".{0,12}(消え|削除され|消去され|なくな|残る|残り|残っ|どうなる)"
            r"|自動(で|的に)?(削除|消去|消え|消す)|automatically (deleted|removed|erased|purged|wiped)|(deleted|removed|erased|purged|wiped) (automatically"
            r"|immediately|right away)|what happens to .{0,30}(data|information|details|records).{0,20}(after|when|if|once)"
            r" .{0,20}(cancel|close|leave|delete|unsubscribe|quit)"),
        _re(r"退会|解約|自動|automatic|account (closure|is closed)|cancel"),
    ),
    FactKind(
        "audit",
        "監査・点検の実施",
        # audits asked about, not an audit firm that is only the occasion of the question (「監査法人のヒアリング」)
        _re(r"監査(?!法人)(を|は|って|も|に)?[^。？?]{0,10}(して|実施|受け|ある|あり|やって|行って|行わ|入|応じ|可能|でき|頻度|結果|報告)"
            r"|(監査|点検)(の)?(頻度|結果|報告|記録|実績|体制)|立入|点検|\baudit(s|ed|ing)?\b(?! firm)|inspect(s|ed|ion|ions)?\b"),
        _re(r"監査|点検|\baudit|inspect"),
    ),
    FactKind(
        "request by an agent",
        "代理人・家族からの請求",
        # The policy speaks of requests from the person (ユーザーご本人より); whether someone else may make them is
        # a question it leaves open.
        _re(r"代理人|代理で|(?<!うちの)(?<!当社の)(?<!弊社の)(?<!会社の)代わりに|本人以外|亡くな|故人|死亡|逝去|(家族|親族|配偶者|夫|妻|息子|娘|弁護士)(が|から|の代わり|に代わって)"
            r".{0,20}(請求|依頼|申請|頼|求め|開示|削除|訂正|消して)"
            r"|他界|\b(deceased|passed away|died|dead|widow|widower|late (husband|wife|father|mother))\b"
            r"|on (his|her|their|someone's|the user's|a user's) behalf|on behalf of (the |a |an )?(users?|customers?|persons?|clients?"
            r"|members?|him|her|them|his|their|someone|family|deceased)\b|family member|relatives?\b|本人(じゃなく|ではなく|でなく)"
            r"|power of attorney|\bproxy\b|someone other than the (user|customer|person)|letter of authority"
            r"|(user's|customer's|caller's|his|her|their) (lawyer|attorney|solicitor|representative)"),
        _re(r"代理|本人以外|on behalf|\bagent\b|\bproxy\b"),
    ),
    FactKind(
        "records kept",
        "記録の作成・保存",
        _re(r"((提供|共有|開示|削除|対応|請求)(の)?|(提供|共有|開示)(先|相手)[^。？?]{0,8})(記録|ログ|履歴)(は|って|を|が|も)?[^。？?]{0,12}"
            r"(残|保存|保管|取って|とって|つけて|ある|あり|見せ|出せ|出して|開示|もら|[?？])|(記録|ログ|履歴)(を|は|って)?(残|保存|保管|取って|とって|つけて)"
            # 「第三者に渡した記録を見せてほしい」: the record of a provision asked to be shown
            r"|(渡し|提供し|共有し|開示し)た(こと)?の?(記録|ログ|履歴)(を|は|って|が|も)?[^。？?]{0,12}(見せ|出し|開示|教え|ほしい|欲しい|[?？])"
            r"|keep (a |any )?(records?|logs?)( of| like)|records? of (who|what|when|which)|logs? of (who|what|when|which)"
            r"|(disclosure|sharing|deletion|request) (records?|logs?)\b"),
        _re(r"記録|\brecords?\b|\blogs?\b"),
    ),
    FactKind(
        "phone number or address",
        "電話番号・住所",
        # The company's (or the manager's) number or postal address: §16 gives an email address and a name only.
        _re(r"(責任者|担当者?|窓口|問い?合わ?せ先|管理者|当社|御社|弊社|selfree|manager|officer|team|company|dpo|you)"
            r"(の|って|は)?[^私自僕俺]{0,4}(電話番号|電話|住所|所在地|ファックス|fax)(は|って|を|教|知り|しり|分か|わか|[?？]|$)"
            r"|\b(their|his|her) direct (phone|telephone) number|\bwhat('s| is) the (direct |main |contact )?(phone|telephone) number"
            r"|\b(call|phone|ring) (the |our |your )?([\w-]+ ){0,2}(manager|officer|dpo|team|desk|company)\b[^.?!]{0,20}\bdirectly\b"
            r"|\b(your|our|company's|selfree's|manager's|officer's|team's|office|contact|support)( direct| main| contact)?"
            r" (phone|telephone"
            r"|fax) number|\b(postal|mailing) address\b|(窓口|問い?合わ?せ|責任者|担当).{0,30}(電話)?番号(を|は|って|が)?(あれば|あったら)?(教え|わか|分か|知り|ある|あり|[?？])"
            r"|(専用|直通|代表|窓口|サポート)(の)?(電話)?番号|(直接)?電話(できる|できます|をかけられる|がかけられる|かけられる|がつながる|つながる)"
            r"[^。?？]{0,4}番号"
            r"|\b(phone|telephone|fax) number (for|of) (the |our |your )?(privacy|complaints?|inquiries|questions|requests"
            r"|manager|officer|team|company|contact|selfree)|\b(your|our|company's|selfree's|manager's) (postal |mailing "
            r"|office |street )?address\b|\b(postal|mailing|office|street) address (of|for) (the |our |your )?(company"
            r"|selfree|office|manager)"),
        # Stated only as a number or an address itself: §2 lists the user's 電話番号 and 住所 as data collected.
        _re(_PHONE + "|" + _POSTAL),
        ((_re(r"電話|\bphone\b|telephone|fax|ファックス"), _re(_PHONE)), (_re(r"住所|所在地|address"), _re(_POSTAL))),
    ),
    FactKind(
        "cookie details",
        "Cookieの名称・種類",
        # What a cookie is called or what sort it is: §14 names the services that set them, never the cookies.
        _re(r"(cookie|クッキー).{0,12}(名前|名称|種類|ドメイン|セッション)|(名前|名称|種類)(の|を).{0,4}(cookie|クッキー)"
            r"|(names?|types?|kinds?|domains?) of (the |our |each )?cookies|cookie names?|session cookies?"
            r"|(first|third)-party cookies?|persistent cookies?"),
        None,
    ),
    FactKind(
        "configuration",
        "設定の有無",
        # Whether the company has switched a feature on (IP匿名化を設定してる？, "is it enabled?"): the policy says
        # what is done with data, not how a product is configured.
        _re(r"(設定|有効化|有効に|オンに|導入)(して(る|いる|います|ますか|ありますか)|されて(る|いる|います)|済み)"
            r"|\b(is|are|have we|do we have) .{0,30}\b(enabled|turned on|switched on|configured)\b"
            r"|バナー|ポップアップ|\bbanners?\b|pop-?ups?|consent (tool|manager|management platform)|\bcmp\b"),
        None,
    ),
    FactKind(
        "required or optional",
        "入力が必須か任意か",
        # Whether giving an item is compulsory: §2 lists what is collected, never whether it may be left out.
        # 必須/任意 said of an item given; 「本人確認って必須？」 asks about a step, which a text may state.
        _re(r"(登録|入力|記入|項目|欄|回答|提出|情報|番号|住所|氏名|名前|性別|生年月日)[^。？?]{0,8}(必須|任意)|(必須|任意)(項目|入力)"
            r"|入力しなくても|(入れ|入力せ|書か)ずに|省略でき|空欄でも|\bmandatory\b|\boptional\b|\bcompulsory\b|(do|does) (they|users?|customers?"
            r"|people|i|he|she) (have|need) to (give|provide|enter|fill in)|required to (give|provide|enter|fill)"
            r"|can (they|users?|i|we) (skip|leave out|leave (it )?blank)|leave .{0,25}\b(empty|blank)\b|空(欄|白)のまま"),
        _re(r"必須|任意|mandatory|optional|required"),
    ),
    FactKind(
        "precision",
        "取得の精度・タイミング",
        # How precise a collected item is, or when it is taken: §2 names 端末位置情報 and nothing about either.
        _re(r"精度|細かさ|粒度|どのくらい(正確|詳しく|細かく)|gps|番地|常時|常に(取|収集)|バックグラウンド|how (precise|accurate|exact|fine|granular)"
            r"|precision|granularity|exact (building|spot|address)|(street|city|address)[- ]level|in the background|all the time"
            r"|only while"),
        _re(r"精度|precision|accuracy of location"),
    ),
    FactKind(
        "hours",
        "受付時間",
        # When a contact point answers: §16 gives an email address, no hours.
        _re(r"受付時間|営業時間|対応時間|何時(から|まで)|土日|祝日|business hours|opening hours|office hours|what time\b|weekends?"
            r"|(open|available) (on|at|until)"),
        _re(r"\d{1,2}[:：]\d{2}|\d{1,2}時|平日|weekdays?"),
    ),
    FactKind(
        "onward outsourcing",
        "再委託の扱い",
        # A contractor passing the work on: §7 speaks of the company's own contractors and their supervision only.
        _re(r"再委託|孫請け|さらに(別の|他の)?(会社|業者|事業者)?に(委託|外注)|sub-?contract (it|the|this|that|processing|work)"
            r"|(vendors?|contractors?|processors?) (to |can |may )?(sub-?contract|outsource (it|further|again))|sub-?processors? of"
            r"|onward (transfer|outsourcing)|further outsourc"),
        _re(r"再委託|sub-?contract"),
    ),
    FactKind(
        "renewed consent",
        "改定時の同意の取り直し",
        # asked about a change of the policy, not consent for something else taken again (「配送のために同意を取り直す？」)
        _re(r"(改定|改訂|変更|変わ|新しい|ポリシー|規約|policy|terms|version)[^？?]{0,60}(再同意|改めて同意|もう一度同意|同意(を)?(取り直|し直"
            r"|もらい直|得直)|同意.{0,6}(改めて|再度|もう一度)|agree again|re-?consent|consent again)"
            r"|(再同意|改めて同意|もう一度同意|同意(を)?(取り直|し直|もらい直|得直)|agree again|re-?consent|consent again)[^？?]{0,60}"
            r"(改定|改訂|変更|新しい|ポリシー|規約|policy|terms|version)"
            r"|(accept|agree to) the (new|changed|revised|updated) (policy|terms|version)"),
        None,
    ),
    FactKind(
        "what a term covers",
        "用語の具体的な範囲",
        # What one of the policy's own words covers (重要な変更, 適切な監督): answered only where the text defines it
        # (「…といいます」, 「…により定義された」), which the policy does for users, personal information and personal data.
        _re(r"(何|どんな|どういう)(もの|こと|変更|場合|監督|措置|処置)?(が|を)?(該当|当たる|あたる|含まれる|指す)"
            r"|(何|どんな|どういう)(もの|こと)?が.{1,12}に(該当|当た|あた)(る|ります)|に(該当|当た|あた)(る|ります)(の|か)|(どんな|どういう|何の)(もの|こと)を指(す|して|しま)"
            r"|what (exactly )?(counts|qualifies) as|what (is|are) meant by|what does .{0,40}\b(mean|cover|include)\b"
            # which laws 「法令に基づく場合」 means: the policy names only the personal information protection act
            r"|(具体的に|実際)?(は)?どの(法律|法令)|どんな(法律|法令)|\bwhich (laws?|statutes?|acts?|legislation|regulations?)\b"),
        _re(r"といいます|をいい|定義|means|defined|hereinafter|保護法|act on the protection"),
    ),
    FactKind(
        # what changed between versions: §15 says the policy may be revised and announced, never what was changed
        "changes made",
        "改定の内容・変更履歴",
        _re(r"何が変わ|どこが変わ|変更(点|内容|箇所|履歴)|改定(内容|箇所|履歴)|前の版|旧版|以前の版|\bwhat (has |have )?changed\b"
            r"|\b(list|summary|history|log) of (the )?changes\b|change ?(history|log)|changelog|previous versions?"),
        None,
    ),
    FactKind(
        # a web address itself: the policy shows links (ページを開く) but no address in its text
        "web address",
        "URL（ページのアドレス）",
        _re(r"\burls?\b|リンク先|(ページ|サイト)の(アドレス|リンク)|\b(web ?address|link) (of|to|for) the\b"),
        _re(r"https?://|www\."),
    ),
    FactKind(
        # when a request may be refused: §10 lists the cases for disclosure; §11 gives none for the other requests
        "grounds for refusal",
        "断れる場合・拒否できる条件",
        _re(r"(断れる|断る|拒否できる|拒否する|拒める)(理由|根拠|条件|ケース|場合)"
            r"|(断れる|断る|断って|拒否できる|拒否する|拒める|応じなくて(も)?いい|対応しなくて(も)?いい)(の|のって|って)?[^。？?]{0,4}(どういう|どんな|どの(ような)?)"
            r"(場合|ケース|とき|時|条件)|(どういう|どんな|どの(ような)?)(場合|ケース|とき|時)(に|なら|は)?[^。？?]{0,4}(断れ|拒否でき|拒め)"
            r"|\bwhen (can|may|could|should) (we|i|you|the company) (refuse|decline|reject|say no)|grounds (for|to) (refus|declin|reject)"
            r"|(in )?what (cases|circumstances|situations) (can|may|could) (we|i|you) (refuse|decline|reject)"),
        _re(r"しない場合があります|応じない|開示しない|may (decline|refuse|withhold)|not (to )?disclose|following cases"),
    ),
    FactKind(
        "whose data",
        "ユーザー以外の人の情報",
        # The policy is about users of the Service (§2); staff, applicants or a customer's own clients are others.
        _re(r"(社員|従業員|職員|スタッフ|アルバイト|応募者|採用|退職者)(の|に関する)(個人情報|情報|データ|人事|履歴書|給与)|人事(データ|情報)"
            r"|(employees?|staff|job applicants?|applicants?|contractors?|workers?)'?s? (personal )?(data|information|records|details)"
            r"|\bhr (data|records)\b"
            # the people a customer's call center talks to: the customer's data, which the policy on users leaves out
            r"|(コールセンター|導入企業|クライアント|ユーザー企業|契約(して(い)?る|先の)企業)(に|へ)(電話|架電|問い合わせ)(した|してきた)(一般の)?(人|方|客)"
            r"|通話相手|顧客の顧客|(end|their) customers'? (data|calls|recordings)|callers? (of|to) (our |a |the )?(clients?|customers?)"
            r"|our (clients?|customers?)'s? (own )?(customers|callers|clients)"
            # someone who is not a user at all (「利用者じゃない人からの削除依頼」, "a non-user")
            r"|(利用者|ユーザー?|会員)(じゃない|ではない|でない|以外の)(人|方)|\bnon-?users?\b|\bnot (a|an|one of our) (users?|customers?)\b"),
        _re(r"従業員|社員|応募者|employee|applicant"),
    ),
    FactKind(
        "procedure details",
        "具体的な手順・ルール",
        # How exactly something is done, or a specific internal rule: the policy states commitments, not procedures.
        _re(r"具体的(に|な).{0,6}(どうやって|どのように|方法|手順|やり方|フロー|ステップ|ルール|規定|決まり|確認方法)|詳しい(手順|方法|やり方)"
            r"|詳細な(手順|方法)|(実際|実務上)(は|に)?.{0,8}(手順|やり方|方法)|社内(ルール|規程|規定|マニュアル)|how exactly|step[- ]by[- ]step"
            r"|(exact|specific|detailed) (steps|procedure|process|method|rules?)|internal (rules?|guidelines?|procedures?)"),
        None,
    ),
    FactKind(
        "documents",
        "書類・ひな形・他の版",
        # A document the company may have besides the policy: a translation, a template, a contract to sign.
        _re(r"英語版|英文|翻訳|[^\s]{1,4}語(版|訳)|ひな形|雛形|テンプレート|契約書(の)?(案|ひな形|雛形|サンプル)|english version|translat(ed|ion)"
            r"|templates?|\bdpa\b|data processing (agreement|addendum)|(sample|model) (contract|agreement|clauses)"
            # a certificate that something was done (削除証明書), which the policy never offers
            r"|(削除|消去|廃棄)(の|した)?証明|証明書(を|の)?(発行|出し|もら|ほし|欲し)|certificate of (deletion|destruction|erasure)"
            r"|(deletion|destruction|erasure) certificate"
            # the company's internal rules as a document (情報セキュリティ基本方針, "our internal security policy")
            r"|(internal|our|your|company'?s?) (information )?security polic(y|ies)|(社内|内部)(の)?(情報)?セキュリティ(ポリシー|規程|規定)"
            r"|情報セキュリティ基本方針"),
        None,
    ),
    FactKind(
        "incident response",
        "漏えい等が起きたときの対応（報告や本人への連絡など）",
        # What to do once data has leaked (whom to report to, whether those affected are told, the steps): §6 says
        # data is managed safely and §9 names a manager, but the policy has no procedure for a leak. A report of a
        # leak asks this too (see `knowledge.base`), whatever its words.
        _re(rf"({_LEAK}).{{0,60}}({_RESPONSE})|({_RESPONSE}).{{0,60}}({_LEAK})"),
        None,
    ),
    FactKind(
        "product support",
        "サービスの操作・契約手続き",
        # Using the product or managing the contract (a password reset, restoring an account, a plan, an invoice, an
        # integration, an admin setting): the policy is not about these at all (see `NOT_ABOUT_THE_POLICY`).
        _re(r"(パスワード|password).{0,15}(忘れ|リセット|再設定|変え方|変更方法|文字数|何文字|桁|reset|forgot|forgotten|recover|length"
            r"|characters|requirements?)|(忘れ|リセット|再設定).{0,10}(パスワード|password)|\breset\b.{0,40}\bpassword|ログインでき(ない|ません)|ログイン方法"
            # a test or demo account to be issued (「デモ用のtest accountってどこで発行する？」)
            r"|(test|テスト|demo|デモ|trial|トライアル|検証)\s?(用の?)?\s?(account|アカウント).{0,20}(発行|作成|作る|作れ|どこ|issue|create|set up|get)"
            r"|\b(create|set up|issue|make|get)\b.{0,15}\b(test|demo|trial|sandbox) (account|user|login)\b"
            r"|can'?t (log|sign) ?in|unable to (log|sign) ?in|(アカウント|account).{0,12}(復活|復元|元に戻|restore|restored|reactivat"
            r"|recover)|請求書(の)?.{0,10}(宛名|宛先|送付先|再発行|送って|住所|変更|変え|ほしい|欲しい)|(send|need|copy|issue).{0,30}\binvoices?\b"
            r"|\binvoices?\b.{0,30}(address|name|send|need|copy)|料金プラン|上位プラン|プラン.{0,10}(変更|切り替|変え)"
            r"|new password|locked out|パスワード.{0,6}(再発行|発行)|how (do|can|should) (i|we|they) (upgrade|downgrade)|(upgrade|downgrade) (my|our|their) (plan|account)|(と|に)(連携|統合)(でき|可能)(る|ます|です)?(か|の|[?？]|$)"
            r"|(can|does|do|will) (callconnect|it|you|we) integrate with|(restrict|limit|block)\w* "
            r"(log ?ins?|logins|access|sign-?ins?) by ip|\bip (restriction|allowlist|whitelist)|番号ポータビリティ|number porting"
            r"|通話品質|call quality|\bsla\b|uptime|稼働率|service credits?|可用性|availability guarantee"
            r"|(請求書|カード|クレカ|コンビニ)払い|pay (by|with) (invoice|card|credit card|bank)"
            r"|操作(方法|手順)|管理画面(で|から)[^。？?]{0,15}(方法|やり方|手順|どうやる|どこ)"
            r"|\bhow (do|can) (i|we|admins?|an admin) (remove|delete|deactivate|add|disable) (a |an |the )?(user|seat|member|agent"
            r"|operator)s?( account)?\b"
            r"|割引|値引|\bdiscounts?\b|(席|ライセンス|アカウント)数(の)?(追加|変更)|(extra|additional) (seats|licen[cs]es)"
            r"|cancel (their|my|our|the|a) (\w+ )?(contract|subscription|plan)|(解約|契約解除)(の)?(方法|手続き|やり方)"),
        None,
    ),
    FactKind(
        "dealings with the regulator",
        "監督機関への届出・報告",
        _re(r"(個人情報保護委員会|保護委員会|監督官庁|\bppc\b|regulator|commission)(に|へ|への|to|with)?.{0,10}(届出|届け出|報告|登録|申請"
            r"|filing|filed|registered|notif|report)|(届出|届け出|報告|登録).{0,10}(個人情報保護委員会|保護委員会|\bppc\b)"),
        None,
    ),
    FactKind(
        "jurisdiction",
        "裁判管轄・準拠法",
        _re(r"管轄|準拠法|どこの裁判所|どの裁判所|jurisdiction|governing law|which court|what court"
            r"|where .{0,30}(lawsuit|case|claim|dispute).{0,20}(filed|heard|tried|brought)"
            # whether something is lawful under another country's or state's law
            r"|\b(legal|lawful|illegal|unlawful|allowed|compliant)\b[^.?!]{0,20}\bunder\b[^.?!]{0,20}\b(us|u\.s\.|american|federal|state"
            r"|california|eu|european|uk|british|chinese|korean|foreign)\b|(米国|アメリカ|欧州|eu|海外|外国|中国|韓国)の[^。？?]{0,10}法(律|令)?(上|で|的)"),
        None,
    ),
    FactKind(
        "person's name",
        "担当者の氏名",
        # Who a role is, by name: §16 names the manager (代表社員 and the name); §9 only says one is appointed.
        _re(r"(責任者|管理者|担当者|担当役員|窓口|責任を(持|負)[^。?？]{0,6}(方|人)|\bdpo\b|officer|manager)[^。?？]{0,8}"
            r"(誰|だれ|どなた|(名前|氏名)(は|を|って|が)?([?？]|$|教え|知り|わか|分か|載|書))"
            r"|(誰|だれ|どなた)[^。?？]{0,4}(責任者|管理者|担当者)|\bby name\b(?=[^.!。]{0,20}[?？])|\b(full |real )?name of (the|our|your) [a-z ]{0,30}"
            r"(manager|officer|dpo|person)|\bwho('s| is) (our|the|your) ([a-z]+ ){0,3}(manager|officer|dpo|person in charge)\b"
            r"|\bnamed (individual|person)\b|\b(wants?|needs?|asks? for|asked for|asking for) (a|the) name\b(?! (on|in) | ?(fixed|changed|corrected|updated|amended|removed"
            r"|deleted|spelled|spelt|put right))"),
        _re(r"代表社員|代表取締役|代表者|representative (member|director)"),
        decides_rank=True,
    ),
    FactKind(
        "sensitive data",
        "要配慮個人情報（健康・医療など）の扱い",
        # Health, medical or other special-category data and how it is handled: the policy names no such category.
        _re(r"要配慮|機微(な)?(情報|データ)|センシティブ(な)?(個人)?(情報|データ)|(健康|医療|診療|病歴|カルテ|患者)(の)?(情報|データ|記録)"
            r"|sensitive (personal )?(data|information)"
            r"|special categor|\b(health|medical|patient|clinical|biometric|genetic) (data|information|records|details)"),
        _re(r"要配慮|sensitive|special categor"),
    ),
    FactKind(
        "AI training",
        "AI・機械学習への利用",
        # Using data to train or improve AI models: the policy lists no purpose at all (§3), let alone this one.
        _re(r"機械学習|学習データ|(ai|モデル|エーアイ)(の)?(学習|改善|開発|トレーニング)|(学習|トレーニング)(に|へ)(使|利用|活用)"
            r"|\btrain(ing|ed)? (an? |our |the |their )?(ai|models?|llms?|algorithms?)|machine learning|model (training|improvement)"
            r"|improve (our |the |its )?(ai|models?)"),
        None,
    ),
    FactKind(
        "insurance",
        "保険・補償",
        # Cyber or liability insurance and what it covers: a question vendor questionnaires ask; the policy has none.
        # Not 保険証, an identity document.
        _re(r"保険(?!証)|補償額|insurance|insured|\bcoverage amount"),
        None,
    ),
    FactKind(
        "count",
        "件数・人数",
        # 件数 asked for (「件数は？」「件数を教えて」), not a figure described (「通話件数の平均を載せたい」)
        _re(r"何件|何人|何名|何社|何か国|何カ国|何ヶ国|(件数|人数)(は|って|を|が|も)?[^。、？?]{0,8}(教え|知り|わかる|分かる|わかり|分かり|[?？]|ですか|いくつ"
            r"|どれくらい|どのくらい)|how many (\w+ ){0,2}(users|people|customers|requests|times"
            r"|cases|records|complaints|breaches|incidents|companies|firms|vendors|partners|countries|recipients"
            r"|advertisers)"),
        _re(r"\d+\s*(件|人|名)|\b\d+ (users|people|customers|requests|times|cases|records)\b"),
    ),
)

#: Kinds of fact whose question is about something the policy does not deal with at all: the reply quotes nothing.
NOT_ABOUT_THE_POLICY = frozenset({"product support", "dealings with the regulator", "jurisdiction"})

_LAW = _re(r"法的(な)?義務|\blegal (obligation|requirement|duty)|合法|違法|\blegal\b|\billegal\b|\blawful\b|個人情報保護法|個人情報の保護に関する法律|個情法|保護法|\bappi\b|法律上|法律では|法律で|法律違反|法的に|法令上|法改正|"
           r"gdpr|ccpa|\bthe law\b|under the law|legally|\bact on the protection|privacy law|data protection law")
_GENERAL_ASK = _re(r"定義|とは|って何|ってなに|って誰|意味|対象(に|と)?なる|該当する|当てはまる|適用(され|対象|範囲)|義務|罰則|罰金|"
                   r"違反(する|した)と|要配慮|匿名加工|仮名加工|改正|施行|what (is|are|counts|does)|definition|define|\bmean\b|"
                   r"\bamend|\breform|"
                   r"\bappl(y|ies)\b|penalt|\bfines?\b|obligat|required|\bcovered\b|^(is|are) (it|this|that) (legal|illegal|lawful)"
                   r"|(合法|違法)(です|なの|なん)?(か|[?？])|(違法|合法|法律違反)(に|と)(なる|なら|される)|^(is|are) .{0,40}(against the law"
                   r"|illegal|unlawful|legal|lawful)")
#: A question asking what a term means, or how two terms differ: answered by the policy only if it uses the term.
_DEFINITION = _re(r"とは([?？。]|$|何|なに|どういう|どんな)|って(何|なに)([?？。]|$|ですか|でしょう|のこと)|の意味|意味は|の違い|違いは|違いって|what (is|are|does) (an? |the )?\w+( \w+)? mean"
                  r"|difference between|\bdefin(e|ition)\b|what is meant by")
_OUR_POLICY = _re(r"ポリシー|規約|当社|弊社|うち|自社|我々|callconnect|selfree|\bour\b|\bwe\b|\bus\b|policy|terms")


_LABELS_JA = {kind.id: kind.label_ja for kind in FACT_KINDS} | {"the law itself": "法律そのものの内容"}


_PHRASES_EN = {
    "fee": "fees or their amount",
    "amount": "an amount (compensation, a cap, a penalty)",
    "retention period": "a retention period",
    "number of days": "a specific number of days (or other period)",
    "deadline": "a deadline",
    "place or country": "where data is kept (place or country)",
    "certification": "certifications",
    "named vendors": "the names of vendors",
    "data items sent": "which items of data are sent",
    "criteria": "what falls under it (criteria or examples)",
    "date": "a date",
    "past incidents": "past incidents",
    "age limit": "an age limit or minors",
    "business transfer": "a merger or business transfer",
    "count": "numbers of cases or people",
    "channel": "which channel (phone, post, email…) is used or accepted",
    "identity documents": "how identity is checked, or which documents",
    "format": "the format data is given in",
    "frequency": "how often",
    "who exactly": "who exactly (person or team) does it",
    "security measure": "specific security measures",
    "notification": "whether or how the person is notified",
    "automatic deletion": "whether data is deleted by itself when an account is closed",
    "audit": "audits or inspections",
    "request by an agent": "requests made by someone other than the person (an agent or family)",
    "records kept": "records kept of what was done",
    "how consent is obtained": "how consent is obtained",
    "incident response": "what to do when data leaks (reporting it, telling the people affected)",
    "required or optional": "whether giving it is required or optional",
    "precision": "how precisely or when it is collected",
    "hours": "the hours it answers",
    "onward outsourcing": "contractors passing the work on (re-entrustment)",
    "renewed consent": "asking users to consent again",
    "what a term covers": "what exactly the term covers",
    "whose data": "the data of people other than users (staff, applicants)",
    "procedure details": "the exact procedure or a specific rule",
    "documents": "other documents (translations, templates, contracts)",
    "product support": "how the product or the contract works",
    "dealings with the regulator": "filings or reports to the regulator",
    "jurisdiction": "which court or law governs a dispute",
    "the law itself": "what the law itself says",
    "person's name": "the name of the person in that role",
    "insurance": "insurance and what it covers",
    "sensitive data": "how sensitive data (health, medical…) is handled",
    "AI training": "using data to train or improve AI models",
}


def label_for(item: str, language: str) -> str:
    """How a `not_in_policy` item reads in the reply: a kind of fact by its label, a term as typed."""
    if language == "ja":
        return _LABELS_JA.get(item, f"「{item}」")
    return _PHRASES_EN.get(item, f"“{item}”")


def fold(text: str) -> str:
    """NFKC and case folded, punctuation kept but quotation marks dropped ("which 'partner services'"): the form the
    patterns of this module are written for."""
    return _QUOTATION_MARKS.sub("", unicodedata.normalize("NFKC", text).lower())


#: Quotation marks, not the apostrophe inside a word ("company's", "don't").
_QUOTATION_MARKS = re.compile(r"[\"“”「」『』]|(?<![a-z])['‘’]|['‘’](?![a-z])")


#: Where a Latin word meets Japanese (「breachのnotification」): no word boundary there for `\b`, as の is a word
#: character too.
_SCRIPT_EDGE = re.compile(r"(?<=[a-z0-9])(?=[\u3040-\u30ff\u3400-\u9fff])|(?<=[\u3040-\u30ff\u3400-\u9fff])(?=[a-z0-9])")


#: Hiragana with a long-vowel mark: a loanword typed without converting it to katakana (ぱすわーど, さーばー).
_HIRAGANA_LOANWORD = re.compile(r"[ぁ-ゖ]*ー[ぁ-ゖー]*")


def kinds_asked(question: str) -> list[FactKind]:
    """The kinds of fact the question asks for (most questions ask for none in particular). English words in a
    Japanese sentence are read as words too (「notificationのルール」)."""
    folded = fold(question)
    spaced = _SCRIPT_EDGE.sub(" ", folded)
    # a loanword typed in hiragana (「ぱすわーどりせっと」) is read in the katakana the patterns are written in
    loaned = _HIRAGANA_LOANWORD.sub(lambda m: jaconv.hira2kata(m.group()), spaced)
    readings = tuple(dict.fromkeys((folded, spaced, loaned)))  # most questions are in one script: read once
    kinds = [kind for kind in FACT_KINDS if any(kind.asked.search(text) for text in readings)]
    if any(k.id == "number of days" for k in kinds):  # "何日以内" is a number, not only "a deadline"
        kinds = [k for k in kinds if k.id != "deadline"]
    return kinds


def stated(kind: FactKind, cited: str, question: str = "") -> bool:
    """Whether the cited policy text states a fact of this kind (one of the values the question names, if any)."""
    text = fold(cited)
    if kind.stated is None or not kind.stated.search(text):
        return False
    named = [says for asks, says in kind.values if asks.search(fold(question))]
    # A text that gives the address to write to answers how to reach the company by naming its way ("電話でもいい？"
    # → "by email, here"); elsewhere a channel stated for one thing does not say whether another is accepted.
    if not named or (kind.address_answers and _ADDRESS.search(text)):
        return True
    return any(says.search(text) for says in named)


#: 「Xは含まれる？」「Xも入ってる？」: whether a thing is among what the text lists. The text must name it.
_AMONG = re.compile(r"(?P<item>[\u30a0-\u30ff\u3400-\u9fff々]{2,}(の[\u30a0-\u30ff\u3400-\u9fff々]{2,})?)(は|も|って)"
                    r"([\u30a0-\u30ff\u3400-\u9fff々]{1,8}(に|へ))?(含まれ|入って|入る|含んで|載って|書いて)"
                    # asked, not reported: 「…メモも含まれていました」 tells what a file held
                    r"(?!て?(い|お)?(た|ました|て|り)(?!か))")
#: Words that say only "information about someone", whatever list they are asked about.
_GENERIC_ITEM = frozenset({"情報", "データ", "個人情報", "ユーザー", "ユーザー情報", "顧客", "顧客情報", "お客様", "本人", "内容", "履歴",
                           "項目", "種類", "記録", "中身", "詳細", "一覧", "全部", "実際", "本当", "名前", "名称",
                           # whose data it is, not a thing held (「私のデータ持ってる？」)
                           "私", "自分", "僕", "俺", "当方", "弊社", "御社", "貴社", "当社", "本人様",
                           # consent is obtained, not collected as data (「本人から同意を取ってる？」)
                           "同意", "承諾", "了承", "許可", "許諾",
                           # the case or the matter asked about, not a thing held (「断れるケースって書いてある？」)
                           "ケース", "場合", "パターン", "話", "こと", "もの", "例"})
#: A word that asks rather than names (何の項目, どんな情報): not a thing the text must name.
_ASKING_WORD = re.compile(r"何|なに|どんな|どの|どういう|どれ|いくつ")
_GENERIC_ITEM_EN = frozenset(english_content_stems("data information info details personal user users customer customers"
                                                   " people their any kind kinds type types"))
_RUN = r"[\u30a0-\u30ff\u3400-\u9fff々A-Za-z0-9ー]+"
#: 「XとかYって取得してる？」: the things asked about, joined by とか, や, と, の.
_COLLECTED = re.compile(rf"(?P<item>{_RUN}((とか|や|と|、|・|の){_RUN})*)(って|は|も|とか|を)?((取得|収集|保存|保管|記録|登録)"
                        r"(して|され|する|しています|してもら)|集め(て|られ|る)|(取|と|持)って(る|い|ま))")
_ITEM_SEPARATOR = re.compile(r"とか|や|と|、|・|の")
#: "do we collect X?": the thing asked about, whose words the text must use.
_COLLECTED_EN = re.compile(r"\b(do|does|did|are|is) (we|you|callconnect|selfree|they) (collect|store|record|gather|save|ask for)"
                           r"(ing)?( any| the)?( users?'?s?| customers?'?s?| their| people's)? (?P<item>(?!what|how|where|when|why"
                           r"|which|who)[a-z][a-z'-]*( (?!is|are|it|and|or|to|from|in|on|for|accurate|current|safe|secure|up)[a-z][a-z'-]*"
                           r"| (and|or) [a-z][a-z'-]*){0,3})( too| as well)?\?")


def unlisted_names(unknown: Iterable[UnknownTerm], cited: str) -> list[str]:
    """Names the question gives (an acronym, a product or a company: "LINE広告", "TikTok") that a text listing named
    vendors (§14's table) does not list: 「TikTokにも送ってる？」 is answered only by a list that has TikTok."""
    named_vendors = next(kind for kind in FACT_KINDS if kind.id == "named vendors")
    if named_vendors.stated is None or not named_vendors.stated.search(fold(cited)):
        return []
    return [t.surface for t in unknown if _TERM_OF_ART.fullmatch(t.surface) or _KATAKANA_NAME.fullmatch(t.surface)]


def unlisted_items(question: str, cited: str) -> list[str]:
    """Things the question asks whether the text includes (「通話の録音は含まれる？」「マイナンバーって取得してる？」,
    "do we collect passport numbers?") that it never names."""
    text = normalise(cited).replace(" ", "")
    nfkc = unicodedata.normalize("NFKC", question)
    missing = []
    for match in [*_AMONG.finditer(nfkc), *_COLLECTED.finditer(nfkc)]:
        words = [w for w in _ITEM_SEPARATOR.split(match.group("item")) if w and w not in _GENERIC_ITEM]
        if any(_ASKING_WORD.search(w) for w in words):
            continue
        if words and not all(normalise(w).replace(" ", "") in text for w in words):
            missing.append(match.group("item"))
    stems = set(english_stems(normalise(cited)))
    for match in _COLLECTED_EN.finditer(fold(question)):
        item = match.group("item")
        content = [s for s in english_content_stems(item) if s not in _GENERIC_ITEM_EN]
        if content and not all(s in stems for s in content):
            missing.append(item)
    return missing


#: What the policy promises about keeping data safe, asked (not what to do now): "what does our policy commit us to
#: about keeping data secure?", 「安全管理についてポリシーでどう約束してる？」.
_PROMISED = re.compile(r"(commit|promise|pledge|guarantee)\w*[^.?!]{0,40}\b(secur|safe|protect)|(安全|セキュリティ|保護)[^。？?]{0,20}"
                       r"(約束|定め|規定|どう書いて|何て書いて|なんて書いて)")


def asks_what_is_promised(question: str) -> bool:
    """Whether the question asks what the policy promises about safe management, and not what to do or whom to tell."""
    folded = fold(question)
    return bool(_PROMISED.search(folded)) and not re.search(_RESPONSE, folded)


def asks_definition(question: str) -> bool:
    """Whether the question asks what a term means (or how terms differ)."""
    return _DEFINITION.search(fold(question)) is not None


def about_law_in_general(question: str) -> bool:
    """A question about the law itself (a definition, who it applies to), not about this company's policy."""
    folded = fold(question)
    return bool(_LAW.search(folded) and _GENERAL_ASK.search(folded) and not _OUR_POLICY.search(folded))


# ---------------------------------------------------------------------------------------------- unknown terms

_TERM_RUN = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff\uf900-\ufaff々]{2,}")
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*|\d+[A-Za-z]+[A-Za-z0-9]*")
#: Prefixes and suffixes that do not change what a known word is about (開示請求書, お客様側, 利用者等).
_AFFIXES = frozenset("書者先側様等時後前中内用的化上類系分件別毎各全当本御お")
#: General words of Japanese conversation that carry no topic (tone, time, filler, who is talking).
_GENERAL_JA = frozenset(
    """マジ ヤバ ヤバい ちょっと ホント 本当 一応 結局 全部 全然 具体的 基本的 普通 大丈夫 今日 明日 昨日 今回 前回 最近 至急
    お客様 お客さん 顧客 会社 弊社 御社 担当 担当者 部署 社内 上司 先方 自分 本人 相手 皆様 質問 回答 返答 返信 返事 連絡 案内
    説明 確認 対応 方法 手順 場合 状況 内容 理由 意味 問題 予定 必要 可能 不要 教 聞 言 書 見 知 答 返 送 来 方 話 件 何 誰 時
    メール 電話 チャット スラック 問合 問合せ 問い合わせ 依頼 相談 クレーム 連絡先 窓口 大体 全体 関係 範囲
    ケース パターン チェック フロー ステップ プロセス マジ
    セクション パート ページ 箇所 部分 該当箇所 全文 原文 本文 条文 条項 文言 整理 考え方 解釈 位置づけ 位置付け 見解 客様 システム""".split()
)
_GENERAL_EN = frozenset(
    """customer customers client clients user users someone somebody people person company team staff colleague
    question questions answer reply respond response email mail message call phone chat slack asking asked says
    said told tell thanks thank hello dear regards best please quick quickly exactly actually really basically
    allowed supposed okay ok yes yeah hey hi guys folks anything everything nothing today tomorrow yesterday
    week month year time times handle handling deal process work works working check checking help happen happens
    happened case cases thing stuff lot lots right wrong good bad new old still already just also else mean means
    sure true false kind sort type types part way ways point keep find found look looks show shows send sent make
    made give given take taken write wrote written read use used using fax
    commit commits committed commitment promise promises promised guarantee guarantees mention mentions mentioned
    timeframe timeline january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


@dataclass(frozen=True)
class UnknownTerm:
    """A word of the question the knowledge base has never used; `central` when the question is about it.

    Only a term of art is taken as central (an acronym, a product name, a code with digits: "ISMS", "HubSpot",
    "ISO 27001", "our Zendesk account"), and in Japanese only when the sentence is about it (「DPOって」「ISMS認証は」). Unknown ordinary
    words (ケース, チェック, 立腹) are tone and phrasing far more often than topic; they count only through
    `Vocabulary.mostly_unknown`.
    """

    surface: str
    central: bool


class Vocabulary:
    """What the policy (and the FAQ that answers from it) talks about, to spot the words it never uses."""

    def __init__(self, texts: Iterable[str], terms: Iterable[str], policy: Iterable[str] = ()) -> None:
        """`texts`: everything the knowledge base says; `terms`: its keywords and titles, also matched by reading
        (short, and read once by the matcher already; reading whole passages would cost seconds on a large base);
        `policy`: the policy's own text, where a term of the law must occur to count as used (an example question
        that mentions "legal basis" does not make the policy speak of one)."""
        normalised = [normalise(t) for t in texts]
        self._text = " | ".join(normalised).replace(" ", "")
        self._policy_text = " | ".join(normalise(t) for t in policy).replace(" ", "")
        self._reading = " | ".join(reading(normalise(t)) for t in terms).replace(" ", "")
        self._stems = {stem for t in normalised for stem in english_stems(t)}
        self._latin_words = {w for t in normalised for w in re.findall(r"[a-z0-9]+", t)}
        self._short_words = frozenset(w for w in self._latin_words if 2 <= len(w) <= 5)

    @functools.lru_cache(maxsize=4096)
    def knows_run(self, run: str) -> bool:
        """A kanji/katakana run is known when it, its reading, or known pieces with neutral affixes make it up."""
        folded = normalise(run).replace(" ", "")
        if not folded or folded in self._text or (len(folded) >= 2 and reading(folded) in self._reading):
            return True
        if folded in _GENERAL_JA_FOLDED:
            return True
        return self._decomposes(folded)

    def _decomposes(self, folded: str) -> bool:
        """Whether the run splits into known words (two characters or more) and neutral one-character affixes."""
        n = len(folded)
        ok = [True] + [False] * n
        for end in range(1, n + 1):
            for start in range(end):
                if not ok[start]:
                    continue
                piece = folded[start:end]
                if (len(piece) == 1 and piece in _AFFIXES_FOLDED) or (
                    len(piece) >= 2 and (piece in self._text or piece in _GENERAL_JA_FOLDED)
                ):
                    ok[end] = True
                    break
        return ok[n]

    def unknown_terms(self, question: str) -> list[UnknownTerm]:
        """Words of the question the knowledge base never uses, in order; neighbouring Latin ones joined."""
        nfkc = unicodedata.normalize("NFKC", question)
        found: list[tuple[int, int, UnknownTerm]] = []
        japanese = bool(_TERM_RUN.search(nfkc))
        signed = [m.span("name") for m in _SIGN_OFF.finditer(nfkc)]
        for match in _LATIN_TOKEN.finditer(nfkc):
            word = match.group()
            lower = word.lower()
            if len(lower) < 3 or _ORDINAL.fullmatch(lower) or lower in _GENERAL_EN or self._known_latin(lower):
                continue
            if any(start <= match.start() < end for start, end in signed):
                continue  # the name a pasted message is signed with ("Regards, Dana Lee")
            term_of_art = bool(_TERM_OF_ART.fullmatch(word))
            if _REPORTS.match(nfkc, match.end()):
                central = False  # the one who asks ("A CSM asked me whether…") is not what is asked about
            elif not japanese:
                central = term_of_art or (word[0].isupper() and _MID_SENTENCE.search(nfkc[: match.start()]) is not None)
            else:
                # In a Japanese sentence a capitalised Latin word is a name; it is what is asked about when the
                # sentence is about it or does something with it (Zendesk使ってる？), not when it is one example
                # of a kind (「Xとか外部のサービス」).
                central = (term_of_art and bool(_ABOUT_IT.match(nfkc, match.end()))) or (
                    word[0].isupper() and bool(_NAME_USED.match(nfkc, match.end()))
                )
            end = match.end()
            number = _NUMBER_AFTER.match(nfkc, end) if central else None
            if number:  # "SOC 2", "ISO 27001"
                word, end = nfkc[match.start() : number.end()], number.end()
            found.append((match.start(), end, UnknownTerm(word, central)))
        terms_of_art = [(m.start(), m.end()) for m in _LEGAL_TERMS.finditer(nfkc)
                        if normalise(m.group()).replace(" ", "") not in self._policy_text]
        # a law the policy never names (特商法, 電気通信事業法): a question about that law, not about this policy
        terms_of_art += [(m.start(), m.end()) for m in _LAW_NAME.finditer(nfkc)
                         if m.group() not in _NOT_LAWS and not self.knows_run(m.group()[:-1])
                         and normalise(m.group()).replace(" ", "") not in self._policy_text]
        for start, end in terms_of_art:
            found.append((start, end, UnknownTerm(nfkc[start:end], True)))
        for start, end in _word_spans(nfkc):
            word = nfkc[start:end]
            if any(start < t_end and t_start < end for t_start, t_end in terms_of_art):
                continue
            # 「契約結ぶ」: the last kanji before kana is a verb's stem (結ぶ), not part of the known word before it
            verb_stem = len(word) >= 3 and end < len(nfkc) and "ぁ" <= nfkc[end] <= "ゖ" and self.knows_run(word[:-1])
            if not self.knows_run(word) and not verb_stem:
                # A long katakana word the policy never uses, that the sentence is about, names a product or a
                # vendor (セールスフォースとの連携は？); shorter ones are mostly ordinary loanwords (ケース, リスト).
                named = _KATAKANA_NAME.fullmatch(word) is not None and _ABOUT_NAME.match(nfkc, end) is not None
                found.append((start, end, UnknownTerm(word, named)))
        found.sort(key=lambda item: item[0])
        merged: list[tuple[int, int, UnknownTerm]] = []
        for start, end, term in found:
            last = merged[-1] if merged else None
            if (last and term.central == last[2].central and term.surface.isascii() and last[2].surface.isascii()
                    and not nfkc[last[1] : start].strip()):
                merged[-1] = (last[0], end, UnknownTerm(nfkc[last[0] : end], term.central))
            else:
                merged.append((start, end, term))
        return [term for _, _, term in merged]

    def unknown_share(self, question: str) -> float:
        """The share of an English question's content words that the policy never uses ("reset", "wifi").

        A short word one letter away from a known or common word counts as a typo of it ("knwo", "wat"), not as
        something the policy lacks. Japanese questions give 0: kanji words unknown to the policy are far more
        often tone or phrasing (立腹, チェック) than topic.
        """
        if _TERM_RUN.search(question):
            return 0.0
        words = [w for w in re.findall(r"[a-z][a-z0-9]{2,}", fold(question)) if w not in _GENERAL_EN]
        content = [w for w in words if english_content_stems(w)]
        if len(content) < 2:
            return 0.0
        unknown = [w for w in content if not self._known_latin(w) and not self._typo_of_known(w)]
        return len(unknown) / len(content)

    def _typo_of_known(self, word: str) -> bool:
        if len(word) >= 5:
            return False
        return any(Levenshtein.distance(word, other, score_cutoff=1) <= 1 for other in _SHORT_WORDS | self._short_words)

    def _known_latin(self, lower: str) -> bool:
        stems = english_stems(lower)
        if not stems:
            return True
        if all(s in self._stems for s in stems):
            return True
        return lower in self._latin_words


_KATAKANA = re.compile(r"[\u30a0-\u30ff]+|[^\u30a0-\u30ff]+")


def _word_spans(nfkc: str) -> list[tuple[int, int]]:
    """Kanji and katakana words of Japanese text, runs split where the script changes (ユーザー|自身)."""
    spans = []
    for run in _TERM_RUN.finditer(nfkc):
        for part in _KATAKANA.finditer(run.group()):
            if len(part.group()) >= 2:
                spans.append((run.start() + part.start(), run.start() + part.end()))
    return spans


#: Terms of art of Japan's privacy law (../shared/docs/appi.md's vocabulary). Made of words the policy uses (匿名 +
#: 加工 + 情報), they would pass as known; a question naming one asks about a category the policy never defines.
_LEGAL_TERMS = _re(r"要配慮個人情報|匿名加工情報|仮名加工情報|個人関連情報|共同利用|個人情報取扱事業者|認定個人情報保護団体"
                   r"|外国にある第三者|越境移転|確認記録|漏えい等報告|オプトアウト(の)?届出|保有個人データ"
                   r"|sensitive personal (information|data)|special care-required|anonymously processed|pseudonymously processed"
                   r"|personally referable|joint use|retained personal data|special categor(y|ies) of (personal )?data"
                   # the GDPR's and other laws' own terms
                   r"|(legal|lawful) basis|legitimate interests?|\bdpia\b|impact assessment|standard contractual clauses|\bsccs?\b"
                   r"|binding corporate rules|adequacy decision|right to be forgotten|data portability|法的根拠|正当な利益|十分性認定"
                   # techniques of de-identification, which the policy's "processed so no individual is identified" never names
                   r"|k-?匿名(化|性)?|\bk-?anonymi(ty|sation|zation)\b|差分プライバシー|differential privacy|仮名化|pseudonymi[sz]ation")
_SHORT_WORDS = frozenset(w for w in STOPWORDS | _GENERAL_EN if len(w) <= 5)
#: The name a message is signed with, after its closing words ("Regards, Dana Lee", "Thanks, Ravi").
_SIGN_OFF = re.compile(r"\b(?i:regards|thanks|thank you|best|cheers|sincerely|yours)[,!.]?\s+(?P<name>([A-Z][\w'-]+\s?){1,3})")
#: What follows the one who reports a question ("A CSM asked me…", "our DPO wants…").
_REPORTS = re.compile(r"\s+(asked|asks|wants|wanted|says|said|told|is asking|was asking|needs|needed|wrote|emailed|called)\b")
#: A law's name: kanji ending in 法 (特商法, 労働基準法); the policy names only 個人情報保護法.
_LAW_NAME = re.compile(r"[\u4e00-\u9fff]{2,10}(?<![方手用寸作文療技戦魔話書製])法(?![人的令務律案則])")
#: Words ending in 法 that name a way of doing something (対処法, 周知方法), not a law.
_NOT_LAWS = frozenset("対処法 解決法 計算法 勉強法 処理法 対応法 表示法 分析法 集計法".split())
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)")
#: An acronym of three capitals or more, a CamelCase name, or letters with digits (ISMS, HubSpot, ISO27001, 2FA).
_TERM_OF_ART = re.compile(r"[A-Z]{3,}[A-Za-z]*|[A-Z]?[a-z]+[A-Z][A-Za-z]*|(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{2,}")
_NUMBER_AFTER = re.compile(r"\s?\d+\b")
#: A capital letter after a word (not after a full stop or at the start) begins a name: "our Zendesk account".
_MID_SENTENCE = re.compile(r"[A-Za-z0-9,;:'\"()]\s+$")
#: What follows a term the Japanese sentence is about: a topic particle, "certified/compliant", or the sentence end.
_KATAKANA_NAME = re.compile(r"[\u30a1-\u30ff]{5,}")
_ABOUT_NAME = re.compile(r"\s*([\u4e00-\u9fff]{1,3})?(って|とか|との連携|と連携|(に|には)対応|対応|を使って|を使ってる|を導入|の(認証|導入|連携))")
_NAME_USED = re.compile(r"\s*(って|は|を?使|で|に|へ|を|の(導入|連携|設定|利用|アカウント|対応|準拠|規制|要件|基準)|[?？。!！]|$)")
_ABOUT_IT = re.compile(r"\)?\s*(って|は|とか|ってある|に対応|対応|認証|を使|の設定|の方法|の(対応|準拠|規制|要件|基準)|準拠|compliant|compliance"
                       r"|[?？。!！]|$)")


_GENERAL_JA_FOLDED = frozenset(normalise(w).replace(" ", "") for w in _GENERAL_JA)
#: The general words of both languages: no topic of their own (see `KnowledgeBase.coverage`).
GENERAL_WORDS = _GENERAL_JA | _GENERAL_EN
_AFFIXES_FOLDED = frozenset(normalise(c) for c in _AFFIXES)
