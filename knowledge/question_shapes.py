"""The shapes of question that say which section is meant, whatever words the matcher finds.

A question names data (氏名, 電話番号), people and acts; the matcher scores the sections whose words it shares. Some
shapes decide the section by themselves: the user asking for their own data is disclosure (§10) though it names §2's
data, a changed phone number is a correction (§11) though 変更 is §15's word, someone else asking for the user's data
is provision to a third party (§8), a list received from another company is obtained indirectly (§5 item 2), a life at
risk is §4 item 2's case, data used outside its purposes is §4's limit, cookies and ads are §14's, data handed to an
outside firm to handle is §7's, data the user gave out themselves is §12's, who is responsible for personal data is §9's,
the rules for obtaining data are §5's. `knowledge.base` lifts the section when a question has the shape; this module only
recognises the shapes, in both languages.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_DATA_ITEM = (r"(メール)?アドレス|メアド|住所|(電話|携帯)?番号|氏名|名前|名字|苗字|連絡先|登録(情報|内容|名)|会社名|部署名|生年月日|誕生日"
              r"|性別|年齢"
              r"|e-?mail( address)?|(postal |home |street )?address|phone( number)?|(last |family |sur)?name|date of birth"
              r"|birthday|gender")
_DATA_CHANGED = re.compile(
    # changed, or wrong (間違っている, ずれている, 古いまま): either way the data is to be put right
    rf"({_DATA_ITEM})(の|を|が)?[^。？?]{{0,12}}(変更|変え|変わ|更新|書き換え|間違|違って|違う|誤|ずれ|古い|直し|直す|訂正|修正)"
    # 「登録名の漢字が「斉藤」になっていますが正しくは「齋藤」です」: the right value given
    rf"|({_DATA_ITEM})[^。？?]{{0,30}}(正しくは|本当は|正しい(表記|もの)は)"
    # 「氏名が旧姓のままになっている」「住所を新しいものに変えたい」: the old value left after a change, or a new one asked for
    rf"|({_DATA_ITEM})[^。？?]{{0,20}}(旧姓|旧住所|旧社名)[^。？?]{{0,6}}まま"
    rf"|({_DATA_ITEM})[^。？?]{{0,30}}新しい[^。？?]{{0,8}}(に|へ)(変|更新|切り?替|直)"
    r"|\b(old|previous|former|maiden) (name|surname|last name|family name|address|e-?mail( address)?|number)\b[^.?!]{0,30}"
    r"\b(still|remains?|is left)\b"
    rf"|\b(change|update|correct|amend)\w*\b (the |my |his |her |their |our )?({_DATA_ITEM})"
    rf"|\b({_DATA_ITEM})\b[^.?!]{{0,30}}\b(changed|updated|outdated|out of date|wrong|old)\b",
    re.IGNORECASE,
)
#: The user asking for their own data in any words: 「自分の登録情報を見せて」「私どもの情報を一覧でいただけますか」, "send
#: me a copy of my data". What lies between the data and the asking is no other act (「私の情報を削除していただけ…」 asks
#: for deletion).
_OWN_DATA_ASKED = re.compile(
    r"(自分|私|わたし|わたくし|僕|俺|弊社|当方)(ども|個人|自身)?(の|について|に関する)[^。？?]{0,12}(情報|データ|記録|履歴|項目)"
    r"(?:(?!して|どこ|だれ|誰|何|なに|どう|いつ)[^。？?]){0,8}"
    r"((見せ|送っ|出し|教え)て[」』]?(ほしい|欲しい|ください|下さい|くれ|もらえ|いただ|頂|と|って|$)|開示(して|し)?(いただ|頂|もら|ください|下さい|ほしい)"
    r"|いただけ|頂け|ください|下さい|もらえ"
    r"|確認させて)"
    # 「私の情報として、どのような項目を保持されているか一覧でいただけますか」: what is held, asked to be listed
    r"|(自分|私|弊社|当方)[^。？?]{0,40}(保持|保有|保管|持って)[^。？?]{0,12}(一覧|リスト|コピー|写し)[^。？?]{0,6}"
    r"(いただけ|頂け|ください|下さい|ほしい|欲しい|送って|もらえ)"
    # 「御社が私について保有している個人情報の内容を確認させていただきたく」: what is held, asked to be seen
    r"|(自分|私|弊社|当方)(について|に関して|の)[^。？?]{0,10}(保有|保持|保管|登録|記録)(して|されて)(いる|おられる|おり)[^。？?]{0,40}"
    r"(確認させ|確認したい|見せ|教え|開示|知りたい|お知らせ)"
    r"|\b(send|give|show|provide|forward|email)( me| us)\b[^.?!]{0,30}\b(my|our)\b[^.?!]{0,20}"
    r"\b(data|information|info|details|records|file)\b|\bcopy of (my|our|all|everything)\b"
    # "everything you hold on me", "what do you have about us"
    r"|\b(you|selfree|callconnect|your company) (hold|have|keep|store|process)\w* (on|about) (me|us)\b"
    r"|\b(show|give|send) (a user|the user|a customer|the customer|them|him|her) (the |their |his |her |all )(data|information"
    r"|records)\b"
    # told of a user: "a user asked for all the data we hold about them"
    r"|\b(asks?|asked|asking|wants?|requests?|requested) (us )?for (a copy of )?(all )?(the |their |his |her )?(data|information"
    r"|records|details)( (that )?(we|you) (hold|have|keep|store))? (on|about) (them|him|her)\b",
    re.IGNORECASE,
)
_OTHER_PARTY = (r"病院|医師|救急|家族|親族|夫|妻|旦那|奥さん|両親|親御|父親|母親|息子|娘|兄弟|姉妹|勤務先|雇用主|元夫|元妻|探偵|興信所|上司|同僚|職場|知人|友人"
                r"|他社|取引先|提携先|パートナー(企業|会社)|協力会社|広告代理店"
                r"|記者|報道|マスコミ|メディア|新聞社|テレビ局|取材"
                r"|hospital|doctor|paramedic|ambulance|family|relative|husband|wife|spouse|partner|parent|mother|father|son"
                r"|daughter|brother|sister|employer|boss|private investigator|journalist|reporter|the press|newspaper|media")
_OTHERS_ASKING = re.compile(
    rf"({_OTHER_PARTY})(の[^、。？?]{{1,8}}?)?(という|と名乗る)?(の方|方|さん|様)?(から|より|が)[^。？?]{{0,40}}(教えて|出して|渡して|提供して|見せて|開示して|送って"
    r"|(もら|いただ)えない|(くれ|くださ)い?ないか)"
    # the party named in one sentence, what they want in the next ("…the husband of a user. He wants to know…")
    rf"|\b({_OTHER_PARTY})\b[^?!]{{0,60}}\b(wants?|asks?|asked|asking|requests?|requested|needs?|demands?)\b[^.?!]{{0,40}}"
    r"\b(her|his|their|he|she|the user's|a user's|the caller's|a caller's|(one of )?our (customers|users|clients)|an? (customer|user"
    r"|client)'s)\b"
    # "He wants the call logs from his wife's account": the relative's data asked for, the asker named before
    rf"|\b(wants?|asks?|asked|asking|requests?|requested|needs?|demands?)\b[^.?!]{{0,40}}\b(his|her|their) ({_OTHER_PARTY})'s\b"
    # 「本人じゃない人に他のユーザーの情報を教えていい？」: someone other than the user, whoever they are
    r"|(本人|ユーザー本人|利用者本人)(じゃない|ではない|以外の)(人|方|者|相手)(に|へ)[^。？?]{0,20}(教え|渡|伝え|開示|見せ)",
    re.IGNORECASE,
)
#: Data given to another company (「グループ会社に顧客データを渡していい？」, "do you transfer my data to affiliated
#: companies?"): provision to a third party (§8), unless the company works for us (§7) or the data goes by cookie (§14).
_GIVEN_TO_ANOTHER_COMPANY = re.compile(
    # 「一切外部に提供しないで」: no data named, the act alone
    r"([一-龥ァ-ヶー]{1,6}(企業|会社)|外部|第三者|他社|他の会社|別の会社)(さん|様)?(に|へ)[^。？?]{0,4}(提供|渡|共有|販売|売)(し|さ|す|る)"
    r"|(他社|グループ会社|関連会社|子会社|親会社|提携先|取引先|第三者|third[- ]?part(y|ies)|外部の会社|別の会社|別会社)\s?(に|へ)[^。？?]{0,20}(データ|情報|名簿|リスト|data|info)"
    r"(を)?[^。？?]{0,6}(渡|提供|共有|譲|販売|売|移|送)"
    r"|\b(transfer|pass|share|give|hand|sell|disclose|provide)\w*\b[^.?!]{0,40}\b(data|information|info|details|records)\b[^.?!]{0,20}"
    r"\bto (\w+ ){0,3}(compan\w*|firms?|business\w*|affiliat\w*|group|subsidiar\w*|sister|parent compan\w*|third[- ]part\w*)",
    re.IGNORECASE,
)
_WORKS_FOR_US = re.compile(r"委託|外注|代行|クッキー|cookie|広告|\b(outsourc\w*|contractors?|vendors?|processors?|ads?|advertis\w*)\b",
                           re.IGNORECASE)
#: The policy itself changing: §15's.
_POLICY_CHANGED = re.compile(r"(ポリシー|プラポリ|規約|方針)(の|が|を|って)?(少し|一部|ちょっと|大幅に|全面的に)?(変更|改定|改訂|更新|変わ|変え"
                             r"|修正|書き換え|手直し)"
                             r"|\b(policy|terms)\b[^.?!]{0,20}"
                             r"\b(change|update|revis|amend|edit|modif|reword|rewrit|tweak)"
                             r"|\b(change|update|revis|amend|edit|modif|reword|rewrit|rewrote|tweak)\w*\b[^.?!]{0,30}\b(policy|terms)\b",
                             re.IGNORECASE)
_AT_A_CONTRACTOR = re.compile(r"委託先|委託している|外部委託|業務委託|再委託|(外注|委託)(先|業者)|ベンダー"
                              r"|\b(vendor|contractor|processor|subcontractor|outsourc\w*|(service|gateway|hosting|cloud|delivery"
                              r"|email|sms|payment) provider)",
                              re.IGNORECASE)
#: What data is collected, asked outright (「ユーザーからどんな情報をもらってる？」, "what data do we collect?"): §2's
#: question, though 「どんな情報を…」 reads close to a user asking what is held about them (§10).
_WHAT_IS_COLLECTED = re.compile(
    r"(どんな|何の|なんの|どういう|どの(ような)?)(個人)?(情報|データ|項目)(を|が)?[^。？?]{0,10}(もら|取得|収集|集め|取って|とって|入力させ|預か)"
    # 「IPアドレスとか端末IDってしゅとくしてる？」: whether a kind of data is collected
    r"|(id|アドレス|番号|位置情報|ログ)(とか|って|は|を|も)?[^。？?]{0,6}(取得|収集|しゅとく|しゅうしゅう|集め|取って|とって)"
    r"(して|され|て|る|ます)[^。？?]{0,6}[?？]"
    # 「連携アプリ経由でユーザーの情報をもらうことってある？」: whether data is ever received that way
    r"|(情報|データ|id)(を)?[^。？?]{0,8}(もらう|取ってくる|取得する|受け取る|集める)こと(って|は|も)?(ある|あります)"
    # 「苦情の中身も取得情報に入ってますか」, "is chat history part of the data we collect?": within what is collected
    r"|(取得|収集)(する|した|している|される)?(情報|データ|項目)(に|の中に|として|の対象に)(入|含ま|なる|当たる|該当)"
    # 「問い合わせた内容も個人情報として記録されてる？」: whether something is kept as personal data
    r"|(個人情報|ユーザー情報|データ)として(記録|保存|保管|取得|収集)(され|して)"
    r"|\b(part of|among|included in|in) (the )?(data|information|info|details) (we|you|callconnect|selfree) (collect|gather|obtain)"
    r"|\b(what|which) (kinds? of |types? of |sorts? of )?(personal )?(data|information|info|details) (do|does|did) (we|you|callconnect"
    r"|selfree) (collect|gather|get|receive|ask for|obtain)\b|\b(do|does|did) (we|you|callconnect|selfree) (collect|gather|obtain)\b",
    re.IGNORECASE,
)
#: Whether the policy covers something (「連携先のデータもポリシーで保護される？」, "is that covered by our privacy
#: policy?"); not where it says something ("where does the policy cover that?").
_SCOPE_ASKED = re.compile(
    r"(ポリシー|ぽりしー|プラポリ|規約)(で|に|の)?(は|も)?(保護され|守られ|カバーされ|適用され|対象)"
    r"|(ポリシー|ぽりしー|プラポリ|規約)の?(適用)?範囲(内|外)?(なん|です|だ|に|か|[?？])"
    r"|(ポリシー|ぽりしー|プラポリ|規約)(で|が)(答え|扱|カバー|対応|決め)[^。？?]{0,6}(べき|もの|こと|話|範囲|いい)"
    r"|\b(covered|protected|governed) by (the |our |your |this |selfree's )?(privacy )?(policy|notice)"
    r"|\bwhether (the |our |your |this )?(privacy )?policy (also )?(covers|applies to|governs)(?! (that|this|it)\b)"
    # how a linked service treats the data on its side (「連携したら向こうで自分の情報がどう扱われるのか」): §1 item 2
    r"|(連携|提携)[^。？?]{0,30}(向こう|先方|連携先|提携先|相手先|あちら)(側)?(で|では|の)[^。？?]{0,20}(扱|取り?扱|管理|使わ|利用)"
    r"|\b(integrat\w*|partner|linked|connected) [^.?!]{0,40}\b(on their (side|end)|how (they|the partner|that service|it) (handles?|uses?"
    r"|treats?))\b"
    r"|(?<!where )(?<!which part )\b(does|would|will) (the |our |your |this )?(privacy )?policy (also )?(cover|apply to|protect|govern)"
    r"(?! (that|this|it)\b)",
    re.IGNORECASE,
)
#: What a question asks when §2 is its topic: what is collected, held or given when signing up.
_COLLECTING = re.compile(
    r"取得|収集|集め|取って|とって|もら|入手|入力|登録|預か|把握|記録|保存|保管|持って|種類|どんな(情報|データ)|何の(情報|データ)"
    r"|\b(what|which) (kinds? of )?(data|information|info|details|personal)|\b(collect|gather|acquir|obtain|store|keep"
    r"|record|track|log|ask for|sign ?up|register|hold|have on)",
    re.IGNORECASE,
)


#: A change named without what is changed ("before we change anything", 「変更する前に」): the message says what.
_A_CHANGE = re.compile(r"\b(change|changes|changing|update|updating|correct|correcting|amend|amending)\b|変更|更新|訂正|修正|直す|変える",
                       re.IGNORECASE)


def names_a_change(text: str) -> bool:
    """A change named, of whatever."""
    return _A_CHANGE.search(text) is not None


def names_a_data_change(text: str) -> bool:
    """A change of a user's data (「メールアドレスの変更をお願いします」, "wants the address on file changed")."""
    return _DATA_CHANGED.search(text) is not None


def names_a_policy_change(text: str) -> bool:
    """The policy itself changing (§15's), not a user's data."""
    return _POLICY_CHANGED.search(text) is not None


#: Users to be told (「全ユーザーにメールで知らせる必要ある？」, "do we have to email every single user about it?").
_USERS_TOLD = re.compile(
    r"(知らせ|通知|周知|告知|連絡|案内|メール)[^。？?]{0,15}(必要|べき|いけない|ないと|なきゃ|義務|[?？])"
    r"|(ユーザー|利用者|お客|顧客|全員)[^。？?]{0,10}(知らせ|通知|周知|告知|メール)"
    r"|\b(notify|inform|tell|email|e-mail|alert|announce)\w*\b[^.?!]{0,30}\b(users?|customers?|everyone|every|all|people)\b",
    re.IGNORECASE,
)


def asks_whether_users_are_told(text: str) -> bool:
    """Whether users must be told of something (§15 says how a revised policy takes effect)."""
    return _USERS_TOLD.search(text) is not None


def asks_for_own_data(text: str) -> bool:
    """The user asking to see, be sent or be given a list of their own data (disclosure, §10)."""
    return _OWN_DATA_ASKED.search(text) is not None


#: A person's life, body or safety at risk (倒れた, 命に関わる, "her life is in danger"): the case where §4 item 2 lets
#: data be used outside its purposes, or given, without consent. Not 生命保険 (an insurer) or 命令 (an order).
_DANGER_TO_LIFE = re.compile(
    r"命(に|の|が)(危険|危な|あぶな|関わ|かかわ|危)|生命(の|に|や|、|・)|身体(の|に)危険|身の危険|死に(たい|そう)|死ぬ|自殺|自死"
    r"|倒れ(た|て)|意識(が(ない|な|戻)|不明|を失)|救急|急病|危篤|安否"
    r"|\b(life|lives) (is |are |was |were |may be |might be )?(in danger|at risk|threatened)|\b(danger|risk|threat) to (his |her"
    r" |their |someone's |a person's |the user's )?(life|lives|safety)|suicid|self-harm|collapsed|unconscious|ambulance"
    r"|paramedics?|medical emergency",
    re.IGNORECASE,
)


def names_a_danger_to_life(text: str) -> bool:
    """A person's life or body at risk (§4 item 2's case), in the message."""
    return _DANGER_TO_LIFE.search(text) is not None


#: Data used outside the purposes it was collected for (目的外利用, 「目的以外に使う」, "for something outside the stated
#: purposes"): §4's limit, though the word 目的 / "purpose" names §3 too.
_OUTSIDE_THE_PURPOSES = re.compile(
    r"目的外|目的以外(に|で|の)|目的の範囲(外|を超え)|目的(と|とは)(違|別|異な)"
    r"|\b(outside|beyond|other than|different from|not covered by) (the |our |its |their )?(stated |original |declared |specified )?"
    r"purposes?\b"
    # the purpose named by what the data was collected for (「集めた目的と違う使い方」, "beyond what it was collected for")
    r"|(集めた|取得した|預かった|もらった)(ときの)?目的(と|とは|以外|の外)|\b(beyond|other than|outside( of)?|different from) what"
    r" (\w+ ){0,2}(was|were|is|are|had been) (originally |first )?(collected|obtained|gathered|given|provided) for\b"
    r"|\bother than what (we|you|selfree) (originally |first )?(told|said|promised|stated|explained)\b|\bfor (a |any )?(different|other|another|new|unrelated) purposes?\b",
    re.IGNORECASE,
)


#: Browsing tracked, cookies or ads shown (閲覧履歴, クッキー, 「広告がやたら出てくる」, "ads follow me"): §14's topic,
#: whatever else the words name (渡している reads as §8's provision).
_BROWSING_OR_ADS = re.compile(
    r"閲覧(履歴|情報|データ)|アクセス解析|クッキー|cookie|トラッキング|リターゲティング|(行動|閲覧|ネット|ウェブ|サイト)?(の)?追跡(?!番号)|広告が[^。？?]{0,10}(出|表示|追いかけ)"
    # ads chosen by who the visitor is (「年齢や職業で広告を出し分けたい」, "targeted ads")
    r"|広告(を|の)?[^。？?]{0,6}(出し分け|配信先|最適化|ターゲティング|パーソナライズ)|ターゲティング広告|行動ターゲティング"
    # what a visit gives away (「サイトを見ただけでデータを取られたくない」, "users picked by which pages they viewed")
    r"|(サイト|ページ)を見(た|る)(だけ)?で[^。？?]{0,10}(データ|情報)(を)?(取|収集|記録)|閲覧したページ"
    r"|\b(pages?|sites?) (they|the user|users|he|she|people) (viewed|visited|browsed)\b"
    r"|\b(targeted|personali[sz]ed|behaviou?ral) (ads|advertising|advertisements)\b|\bad targeting\b"
    r"|\b(browsing (history|data|activity)|cookies?|tracking pixel|retarget\w*|(ads|advertising) (follow|keep (showing|appearing))"
    r"|analytics tools?)\b",
    re.IGNORECASE,
)
#: The handling of data entrusted to an outside firm (「外部のSIerにログを預けたい」「扱いを外部に任せる」, "outsource the
#: processing"): §7's supervision of contractors.
_ENTRUSTED = re.compile(
    r"(外部|外注|業者|ベンダー|sier|委託先|協力会社)[^。？?]{0,6}(に|へ)[^。？?]{0,20}(預け|任せ|委託|外注|頼)"
    # 「その会社にもユーザー情報を扱ってもらいます」: someone else handling the data for us
    r"|(情報|データ|個人情報)[^。？?]{0,10}(扱って|取り扱って|処理して|管理して)(もら|いただ)"
    # data handed to a firm that works for us (「開発のためにベンダーへ通話ログを渡す」)
    r"|(外注(先)?|ベンダー|sier|委託先|業務委託先)[^。？?]{0,6}(に|へ)[^。？?]{0,20}(渡|提供|共有|送)"
    r"|(扱い|取り?扱い|処理|運用|管理|分析)を?[^。？?]{0,4}(外部|業者|外注)?[^。？?]{0,4}(に|へ)?(任せ|委託|外注)"
    r"|\b(outsourc\w*|entrust\w*|hand (over )?(the )?(processing|handling))\b",
    re.IGNORECASE,
)


def names_browsing_or_ads(text: str) -> bool:
    """Browsing tracked, cookies or ads (§14's topic)."""
    return _BROWSING_OR_ADS.search(text) is not None


def entrusts_handling(text: str) -> bool:
    """The handling of data entrusted to an outside firm (§7)."""
    return _ENTRUSTED.search(text) is not None


def uses_data_outside_its_purposes(text: str) -> bool:
    """Data used outside the purposes it was collected for (§4)."""
    return _OUTSIDE_THE_PURPOSES.search(text) is not None


def others_ask_for_the_users_data(text: str) -> bool:
    """Someone other than the user (family, an employer, the press) asking for the user's data (§8)."""
    return _OTHERS_ASKING.search(text) is not None


#: Data about people received from another company (a list bought, leads a partner collected, 名簿を業者から仕入れた):
#: obtained indirectly, which §5 item 2 says we check was obtained properly from the people themselves.
_FROM_ANOTHER_COMPANY = re.compile(
    r"(他社|業者|代理店|取引先|提携先|パートナー|販売店|イベント会社|外部(の会社)?|別の会社|名簿屋|リスト業者)(企業|会社|各社|の会社|の業者|さん|様)?(から|より)"
    r"[^。？?]{0,25}"
    r"(名簿|リスト|一覧|データ|情報|csv|エクセル)[^。？?]{0,12}(買|購入|仕入|入手|もら|受け取|提供され|送られ|譲)"
    r"|(名簿|リスト|一覧|データ|csv)[^。？?]{0,12}(を)?(他社|業者|代理店|取引先|提携先|パートナー|外部)(企業|会社|各社)?(から|より)[^。？?]{0,8}(買|購入|仕入|入手|もら|受け取)"
    r"|\b(bought|purchased|acquired|received|got|obtained|imported)\b[^.?!]{0,40}\b(list|leads|contacts|database|csv|data)\b"
    r"[^.?!]{0,30}\bfrom (a |an |the |another |our )?([\w-]+ ){0,3}(company|vendor|broker|partner|reseller|agency|firm|organi[sz]er|third party)"
    r"|\b(partner|reseller|vendor|agency|broker|distributor|another company|third party)\b[^.?!]{0,30}\b((sent|gave|sold|shared"
    r"|passed|provided|hand|hands|handed|give|gives|send|sends|sell|sells)( over)? (us|to us)|hand(s|ed|ing)? over (their|its))\b"
    r"[^.?!]{0,40}\b(list|leads|contacts|database|csv|data|spreadsheet)"
    # "leads that an event co-host collected", "personal data second-hand from another company"
    r"|\b(leads|contacts|lists?|data)\b that (a|an|the|our|their) ([\w-]+ ){0,2}(collected|gathered|compiled)"
    r"|\b(second-?hand|indirectly) from (a |an |another |other |the )?([\w-]+ )?(company|companies|firm|partner|third part(y|ies))"
    # data obtained indirectly, in those words (「間接的に取得したデータ」, "data we receive indirectly")
    r"|間接的に[^。？?]{0,10}(取得|入手|受け取|もら|集め)|\b(receive|obtain|get|acquire|collect)\w* (\w+ ){0,3}indirectly\b"
    r"|\bindirectly (obtained|received|acquired|collected)\b"
    # "data we get from other sources", 「外部のソースから入手したデータ」
    r"|\b(get|gets|got|receive|received|obtain|obtained|buy|bought|acquire|acquired|source|sourced)\b[^.?!]{0,30}\bfrom (other|another"
    r"|third[- ]party|outside|external) (sources?|compan(y|ies)|partners?|providers?|parties)\b"
    r"|(他|外部|第三者|別)の?(ソース|情報源|入手先|取得元)(から|より)[^。？?]{0,10}(取得|入手|受け取|もら|集め|仕入)"
    # "data that comes to us through partners rather than from the user directly"
    r"|\b(through|via|from) (our |a |the )?partners?\b[^.?!]{0,30}\brather than\b|\brather than (directly )?from the (users?|customers?|person)",
    re.IGNORECASE,
)


def obtains_data_from_another_company(text: str) -> bool:
    """Data about people received from another company (§5 item 2's indirect acquisition)."""
    return _FROM_ANOTHER_COMPANY.search(text) is not None


#: The rules for obtaining data (「個人情報を集めるときのルール」, "how are we allowed to collect personal data?"): §5's
#: lawful and fair means, not §2's list of what is collected.
_HOW_DATA_IS_OBTAINED = re.compile(
    r"(集める|集め方|取得する|取得の|収集する|収集の|入手する|入手の)(とき|際|場合)?(の)?(ルール|決まり|方針|原則|手段|方法|仕方|やり方)"
    r"|(ルール|決まり|方針|原則)[^。？?]{0,6}(集め|取得|収集|入手)|(やり方|方法|手段)で[^。？?]{0,10}(集め|取得|収集|入手)"
    r"|\b(rules?|principles?|restrictions?) (on|for|about|around) (collecting|obtaining|gathering|acquiring)\b"
    r"|\bhow (are|is) (we|selfree|the company) (allowed|permitted) to (collect|obtain|gather|acquire)\b"
    # where the data came from (「どこで私の電話番号を入手したのですか」, "where did you get my number?")
    r"|(どこ|どうやって)(で|から)[^。？?]{0,20}(入手|手に入れ|仕入れ)|\bwhere did (you|we|selfree|callconnect) (get|obtain|find|buy)\b"
    r"|\bhow did (you|we|selfree|callconnect) get (my|his|her|their|our)\b"
    r"|(よそ|他社|外部|第三者|別の会社)から[^。？?]{0,12}(を)?(手に入れ|入手|取得|仕入)",
    re.IGNORECASE,
)


def asks_how_data_is_obtained(text: str) -> bool:
    """The rules or means of obtaining data (§5)."""
    return _HOW_DATA_IS_OBTAINED.search(text) is not None


#: A request of §11's kinds named as such (削除の依頼, 訂正の請求, "deletion requests"), not disclosure: §11's
#: procedure, though 断れる and "refuse" are §10's words.
_SECTION_11_REQUEST = re.compile(
    r"(削除|消去|訂正|追加|利用停止|利用の停止)(の)?(依頼|請求|要求|申請|申し出|要望)"
    # the stop of use asked in the person's words (「もう情報を使わないでほしい」, "doesn't want us using her data anymore"),
    # not of browsing for ads (§14's)
    r"|(情報|データ)[^。？?]{0,15}(使わ|利用し)ないで(ほしい|欲しい|ください|下さい)|(使って|利用して)(ほしく|欲しく)ない"
    r"|\b(don't|doesn't|do not|does not|no longer) wants? (us|you|the company|selfree|callconnect) (to )?(use|using|process"
    r"|processing)\b(?![^.?!]{0,40}\b(ads?|advertis\w*|cookies?|tracking)\b)"
    # "I want all my details gone from your systems", 「全部消してほしい」
    r"|\b(want|wants|wanted|like)\b[^.?!]{0,30}\b(gone|removed|erased|deleted|wiped|scrubbed)\b"
    r"|(消して|削除して|消去して)(ほしい|欲しい|ください|下さい|くれ)"
    r"|\b(deletion|erasure|correction|rectification) requests?\b|\brequests? (to|for) (delete|erase|correct|deletion|erasure|correction)\b",
    re.IGNORECASE,
)
_DISCLOSURE_NAMED = re.compile(r"開示|見せ|\b(disclos|access request|copy of)", re.IGNORECASE)


#: Part of a disclosure held back (「一部だけ開示しないことはできる？」, "can we hold back part of it?"): §10's grounds for
#: not disclosing all or part.
_PART_WITHHELD = re.compile(
    r"一部(を|は|だけ)?[^。？?]{0,8}(開示しない|出さない|伏せ|黒塗り|マスキング|除い|除外|省い|隠)"
    r"|(伏せ|黒塗り|マスキング|除い|省い|隠)[^。？?]{0,10}(開示|出し|渡し)"
    r"|\b(hold|holding|keep|keeping) back (part|some|parts|portions?|sections?)\b"
    r"|\b(hold|holding|keep|keeping|withhold\w*) (the |their |his |her |some |any )?(data|information|records|it|them) back\b|\b(withhold|redact|leave out|exclude|black out)\w*\b"
    r"[^.?!]{0,30}\b(part|some|parts|portions?|sections?|notes|names|passages|lines)\b",
    re.IGNORECASE,
)


def withholds_part_of_a_disclosure(text: str) -> bool:
    """Part of what a person asked to see held back (§10)."""
    return _PART_WITHHELD.search(text) is not None


def names_a_correction_or_deletion_request(text: str) -> bool:
    """A request of §11's kinds (deletion, correction, stop of use) named as such, with no disclosure named."""
    return _SECTION_11_REQUEST.search(text) is not None and _DISCLOSURE_NAMED.search(text) is None


#: Where the policy defines a term: 「以下「ユーザー」といいます」, 「…により定義された「個人データ」をいい」, and in the
#: translation (hereinafter "User Information"), (meaning "personal data" as defined…).
_DEFINES = re.compile(r"「([^」]{1,20})」(といいます|をいい)|定義された「([^」]{1,20})」"
                      r"|(hereinafter|meaning) \"([^\"]{1,40})\"")


def defined_terms(entries: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """The terms the policy defines, folded (「ユーザー」, "personal data"), each with the entry that defines it, from
    (entry id, Japanese text, English text) triples."""
    terms: dict[str, str] = {}
    for entry_id, ja, en in entries:
        if entry_id == "0":
            continue  # the preamble names the company, the service and the policy itself: no question asks those
        for match in _DEFINES.finditer(f"{ja}\n{en}"):
            term = next(group for group in (match.group(1), match.group(3), match.group(5)) if group)
            terms.setdefault(term.lower().removesuffix(", etc.").removesuffix("等").strip(), entry_id)
    return terms


@functools.lru_cache(maxsize=256)
def _definition_of(term: str) -> re.Pattern[str]:
    """A definition of the term asked, the term next to the asking (「個人データの定義」「ユーザーとは？」「個人情報って何を指す」,
    "what counts as personal information?", "what does 'personal data' mean?")."""
    t = re.escape(term)
    return re.compile(
        rf"{t}[」』]?(扱い[?？]|に(入|含ま|当た|該当)(る|ります)?(の|か|[?？])|の定義|とは|って(何|なに|誰|だれ)(のこと|を指|[?？。]|$|ですか|でしょう)|の意味|が指す|って(どこまで|どういう意味))|定義[^。？?]{{0,6}}[「『]?{t}"
        rf"|\b(definition of|what counts as|what qualifies as|meant by|what is|what are|what's)( an?| the)? ['\"]?{t}\b"
        rf"|\b{t}['\"]? (mean|means|is defined|refers? to)\b",
        re.IGNORECASE,
    )


def the_term_defined(text: str, terms: dict[str, str]) -> str | None:
    """The entry that defines the term whose definition the question asks (the longest such term)."""
    asked = [term for term in terms if len(term) >= 2 and _definition_of(term).search(text)]
    return terms[max(asked, key=len)] if asked else None


#: The user giving their own data to someone (「利用者が友人にIDを教えた」「自分の携帯番号を書いたら」, "a user gave their
#: login details to a friend"): what a third party then learns is §12's case, for which the company is not liable.
_USER_GAVE_OUT = re.compile(
    r"(ユーザー|利用者|本人|お客様?|顧客|会員|オペレーター|スタッフ|従業員|社員)(さん|様)?(が|は)[^。？?]{0,20}(友人|知人|友達|第三者|他人|家族|同僚"
    r"|誰か|取引先|他社|外部|社外|別の会社)(に|へ)"
    r"[^。？?]{0,20}(教え|渡し|共有|公開|書い|伝え|見せ|貸し|明かし|話し|喋っ|しゃべっ|言っ)"
    r"|(自分|私|わたし)の[^。？?]{0,6}(携帯番号|電話番号|番号|住所|連絡先|メールアドレス|アドレス|id|パスワード|個人情報|情報)を[^。？?]{0,12}"
    r"((書い|書き込ん|載せ|公開し|投稿し|共有し)(た|て|ちゃ)|教え(た|ちゃ))"
    r"|\b(users?|customers?|clients?|members?|he|she|they)\b[^.?!]{0,20}\b(gave|shared|posted|told|handed|revealed|disclosed|sent"
    r"|published|lent)\b( out)? (their|his|her|own|the) [^.?!]{0,30}\b(to|with) (a |an |the |his |her |their )?(friends?|colleagues?"
    r"|family|someone|somebody|others|other people|third part(y|ies)|strangers?|coworkers?|co-workers?|partners?)\b"
    r"|\b(users?|customers?|clients?|members?|he|she|they)\b[^.?!]{0,20}\b(posted|published|shared|put)\b (their|his|her|own) [^.?!]{0,40}"
    r"\bon (a |an |the |his |her |their )?(public |open |online )?(forum|website|site|sns|social media|board|blog|profile)\b"
    # what the user typed into the service, by which someone was identified (§12 item 2)
    r"|\b(users?|customers?|clients?|members?|he|she|they)\b[^.?!]{0,20}\b(typed|types|type|entered|enters|enter|put|puts|wrote"
    r"|writes|write|filled)\b[^.?!]{0,10}\b(their|his|her|own)\b[^.?!]{0,40}\b(into|in)\b[^.?!]{0,20}\b(fields?|notes?|memos?"
    r"|profiles?|bios?|comments?|forms?|box|chat|descriptions?)\b"
    r"|(自分|自ら|本人|ユーザー|利用者)[^。？?]{0,10}(入力|書き込|記入|書い)[^。？?]{0,30}(特定|識別|見られ|知られ|バレ)",
    re.IGNORECASE,
)


def the_user_gave_out_their_data(text: str) -> bool:
    """The user giving their own data to someone else (§12's case)."""
    return _USER_GAVE_OUT.search(text) is not None


#: Who is responsible for personal data in the company (「個人情報の責任者として誰の名前を出せば」, "who is accountable
#: for personal data protection?"): the manager §9 appoints, whatever words (保護 reads as §6) surround it.
_WHO_IS_RESPONSIBLE = re.compile(
    r"(個人情報|プライバシー|データ保護|情報管理)[^。？?]{0,12}(責任者|管理者|担当者|担当役員|統括)(は|って|が|を|として)?[^。？?]{0,10}(誰|だれ|どなた|名前)"
    r"|(責任者|管理者|担当者)として(誰|だれ|どなた)"
    r"|(誰|だれ|どなた)が[^。？?]{0,6}(個人情報|プライバシー|データ保護)[^。？?]{0,10}(責任|管理|統括|担当)"
    r"|\bwho('s| is| are)( the (one|person|people))?( \w+ly)? (in charge of|accountable for|responsible for|overseeing|looking after)\b"
    r"[^.?!]{0,40}\b(personal (data|information)|privacy|data protection)\b"
    r"|\bwho (oversees|manages|owns|looks after)\b[^.?!]{0,30}\b(privacy|personal (data|information)|data protection)\b"
    # the topic named first: "for privacy issues …, who is ultimately responsible?"
    r"|\b(privacy|personal (data|information)|data protection)\b[^.?!]{0,80}\bwho\b[^.?!]{0,30}\b(is|'s) (\w+ )?(responsible|accountable"
    r"|in charge)\b",
    re.IGNORECASE,
)


def asks_who_is_responsible(text: str) -> bool:
    """Who in the company is responsible for personal data (§9's manager)."""
    return _WHO_IS_RESPONSIBLE.search(text) is not None


#: The user giving out their own data (「ユーザーが自分で第三者に共有した」): §12's case, not our provision.
_BY_THE_USER = re.compile(r"(ユーザー|利用者|本人|お客様?|顧客)(さん|様)?(が|は)?(自分で|自ら|自身で|勝手に)"
                          r"|\b(users?|customers?|clients?) (themselves|himself|herself)\b", re.IGNORECASE)


#: Whether consent is needed to hand data over (「業者に住所を渡すのに本人の同意っている？」, "do we need each user's
#: consent before handing those over?"): §8's rule of consent and its exceptions, whoever receives it (a vendor too).
_CONSENT_TO_GIVE = re.compile(
    r"(渡す|渡し|渡して|提供する|提供し|共有する|共有し|送る|預ける|預け)[^。？?]{0,15}(同意|承諾|許可|了承)"
    r"|(同意|承諾|許可|了承)(なし|なく|を得ず|を取らず)[^。？?]{0,20}(渡|提供|共有|預け)"
    r"|\b(share|give|pass|send|hand|disclose|provide|transfer)\w*\b[^.?!]{0,60}\b(consent|permission)\b"
    r"|\b(consent|permission)\b[^.?!]{0,40}\b(before|for|to) (sharing|giving|passing|sending|handing|disclosing|providing"
    r"|transferring)\b",
    re.IGNORECASE,
)


_CONSENT = re.compile(r"同意|承諾|許可|了承|\b(consent|permission)\b", re.IGNORECASE)


def names_consent(text: str) -> bool:
    """Consent named (a question about it, when the data given is told in the context)."""
    return _CONSENT.search(text) is not None


#: Data no one can be identified from: statistics, aggregates (「個人が特定できない集計レポート」, "nothing in it identifies
#: anyone"): §13's statistical data.
_UNIDENTIFIABLE = re.compile(
    # not 匿名化 or "anonymised" alone: an IP address anonymised for analytics is §14's, insights sold are §8's
    r"統計|集計|個人を(識別|特定)でき(ない|ません)|個人が(特定|識別)でき(ない|ません)|誰の(もの|データ)か(わから|分から)ない"
    r"|\b(aggregat\w*|statistic\w*|benchmarks?)\b"
    r"|\b(nothing|nobody|no one|no individual|none of it)\b[^.?!]{0,20}\bidentif|\bidentif\w* (no one|nobody|no individual)\b"
    r"|\b(can't|cannot|can not) (be )?identif",
    re.IGNORECASE,
)
#: A question that refers back to what the message told ("that kind of data", 「そういうデータ」).
_BACK_REFERENCE = re.compile(r"\b(that|this|such|those|these|it)\b|それ|その|そういう|こういう|この", re.IGNORECASE)


def names_unidentifiable_data(question: str, message: str) -> bool:
    """Data from which no one can be identified, named in the question or in the message the question refers back to."""
    return _UNIDENTIFIABLE.search(question) is not None or (
        _BACK_REFERENCE.search(question) is not None and _UNIDENTIFIABLE.search(message) is not None)


def asks_consent_to_give(text: str) -> bool:
    """Whether consent is needed to hand a user's data to someone else (§8)."""
    return _CONSENT_TO_GIVE.search(text) is not None


def gives_data_to_another_company(text: str) -> bool:
    """Data given by us to another company that does not work for us (§8, not §7's contractors, §14's cookies or
    §12's data the user gave out)."""
    return (_GIVEN_TO_ANOTHER_COMPANY.search(text) is not None and _WORKS_FOR_US.search(text) is None
            and _BY_THE_USER.search(text) is None)


def names_a_contractor(text: str) -> bool:
    """A contractor or vendor named (a leak there is governed first by §7's supervision)."""
    return _AT_A_CONTRACTOR.search(text) is not None


def asks_what_is_collected(text: str) -> bool:
    """What data is collected, asked outright (§2's question)."""
    return _WHAT_IS_COLLECTED.search(text) is not None


def asks_about_collecting(text: str) -> bool:
    """Whether the question asks what is collected, held or given when signing up (§2 as its topic)."""
    return _COLLECTING.search(text) is not None


#: Not a question of scope: whether an act is covered (「決済会社への提供はポリシーでカバーされてる？」, "is sharing with the
#: payment company covered by the policy?") asks the rule for the act; whether a foreign law's rights are covered asks
#: about a law the policy never names.
_NOT_SCOPE = re.compile(
    r"(提供|共有|渡す|渡し|販売|売る|送る|預ける)(こと|の)?(は|も|って)[^。？?]{0,10}(ポリシー|プラポリ|規約)"
    r"|\b(sharing|selling|giving|passing|disclosing|sending|transferring|providing|handing|using|recording)\b[^.?!]{0,50}"
    r"\b(covered|governed|allowed|permitted) by\b"
    r"|\b(gdpr|ccpa|cpra|lgpd|pipeda|hipaa|coppa)\b",
    re.IGNORECASE,
)


def asks_whether_the_policy_covers(text: str) -> bool:
    """Whether the policy covers or applies to something (§1's scope): a service or a kind of data, not an act or a
    foreign law (see `_NOT_SCOPE`)."""
    return _SCOPE_ASKED.search(text) is not None and _NOT_SCOPE.search(text) is None
