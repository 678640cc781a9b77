"""The knowledge base: policy entries and FAQ, indexed once, asked many times.

A question is matched against the policy entries (keywords, titles, Japanese text and English rendering) and
against the FAQ's example questions; an FAQ that matches lends its score to the sections it cites. Entries are
grouped by top-level section, so the three best hits are three different sections. Below `ANSWER_THRESHOLD`
the bot abstains: a question the policy does not cover goes to the manager, it is never guessed.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from common.matcher import Matcher, MatchDocument
from common.text import (
    STOPWORDS,
    Language,
    TopicWord,
    clean_input,
    clean_lines,
    detect_language,
    normalise,
    topic_words,
)
from knowledge.answer import Answer, Hit, Outcome, versioned
from knowledge.answerability import (
    GENERAL_WORDS,
    NOT_ABOUT_THE_POLICY,
    FactKind,
    Vocabulary,
    about_law_in_general,
    asks_definition,
    asks_what_is_promised,
    kinds_asked,
    stated,
    unlisted_items,
    unlisted_names,
)
from knowledge.check import BUNDLED_DIR, read_knowledge
from knowledge.english import is_english_word
from common.yaml_lines import Problem
from knowledge.model import FaqEntry, PolicyEntry, Summary
from knowledge.focus import focus
from knowledge.lookup import LookUp, find_reference
from knowledge.mixed_language import with_japanese_words
from knowledge.query_words import without_the_policy_named
from knowledge.question_shapes import (
    asks_about_collecting,
    asks_for_own_data,
    asks_how_data_is_obtained,
    asks_what_is_collected,
    asks_whether_the_policy_covers,
    asks_who_is_responsible,
    defined_terms,
    entrusts_handling,
    asks_consent_to_give,
    names_consent,
    names_a_change,
    names_unidentifiable_data,
    asks_whether_users_are_told,
    gives_data_to_another_company,
    withholds_part_of_a_disclosure,
    names_a_contractor,
    names_a_correction_or_deletion_request,
    names_a_danger_to_life,
    names_a_data_change,
    names_a_policy_change,
    names_browsing_or_ads,
    obtains_data_from_another_company,
    others_ask_for_the_users_data,
    the_term_defined,
    the_user_gave_out_their_data,
    uses_data_outside_its_purposes,
)
from knowledge.renumbering import follow
from knowledge.romaji import kana_of_romaji
from knowledge.replies import Replies
from knowledge.spelling import Speller

ANSWER_THRESHOLD = 0.48
#: An FAQ answer is shown as the short answer only when it is this sure and cites the section quoted.
FAQ_SUMMARY_THRESHOLD = 0.55
#: Each later citation of an FAQ counts a little less than the one before.
FAQ_CITE_DECAY = 0.9
FAQ_WEIGHT = 0.8
MAX_HITS = 5
#: A question whose topic words the knowledge base has never seen keeps only this share of its score
#: ("office wifi password" matches "password" of §2, but is not about the policy).
COVERAGE_FLOOR = 0.35
CONTACT_IDS = ("16.1", "16.2")
#: An English question whose content words are more than half unknown to the policy is not answered by it;
#: two thirds or more, and the policy is not about it at all.
MOSTLY_UNKNOWN = 0.5
NOTHING_KNOWN = 0.66
#: In a pasted message, a context sentence's match counts this much of the question sentence's.
CONTEXT_WEIGHT = 0.85
#: The section that lists the data collected, and the share of its score kept when the question only names such
#: data (see `_objects_are_not_the_topic`).
COLLECTED_SECTION = "2"
OBJECTS_ONLY = 0.6
#: A runner-up this close to the best hit, among the first this many, comes first when only it states the kind of
#: fact asked (see `_stating_first`).
STATING_SHARE = 0.8
STATING_DEPTH = 3
#: A section's best item is cited instead of the whole section when it scores at least this share of it.
ITEM_SHARE = 0.97
#: How far a requested act lifts its entries toward 1 (see `_requested_acts`).
REQUEST_LIFT = 0.5
#: An entry is lifted only when its own score is at least this share of the best one.
ACT_FLOOR = 0.6
#: Characters before a request ending searched for the act (「住所を消して|ほしい」).
ACT_WINDOW = 8
#: The entries that apply to an incident reported in the message, most specific first: a possible leak is a failure
#: of §6's safe management, which §9's 個人情報管理責任者 oversees; data asked for by the police or another
#: authority may be given without consent only "when permitted by law" (§8 item 6, §4 items 1 and 4).
INCIDENT_ENTRIES: dict[str, tuple[str, ...]] = {
    "leak_report": ("6", "9"),
    "authority_request": ("8.6", "4.1", "4.4"),
}
#: The section on correction, stop of use and deletion (see `KnowledgeBase._changed_data_is_corrected`).
CORRECTION_SECTION = "11"
#: Sections a topic belongs to (see `_sections_named_by_their_topic`).
PURPOSE_LIMIT_SECTION = "4"
POLICY_CHANGE_SECTION = "15"
COOKIE_SECTION = "14"
CONTRACTOR_SECTION = "7"
MANAGER_SECTION = "9"
ACQUISITION_SECTION = "5"
DISCLAIMER_SECTION = "12"
STATISTICS_SECTION = "13"
#: The section on disclosure (see `_own_data_asked_for`).
DISCLOSURE_SECTION = "10"
#: The section on what the policy applies to (see `_scope_asked`).
SCOPE_SECTION = "1"
#: Data obtained indirectly, checked for how the provider obtained it (§5 item 2; see `_obtained_from_another_company`).
INDIRECT_ACQUISITION_ITEM = "5.2"
#: Use or provision without consent to protect a person's life, body or property (§4 item 2; see `_danger_to_life`).
LIFE_ITEM = "4.2"
#: Provision to third parties (see `KnowledgeBase._others_asking_for_it`).
THIRD_PARTY_SECTION = "8"
#: A leak at a contractor: the supervision of contractors first, then safe management and the manager.
CONTRACTOR_LEAK_ENTRIES = ("7", "6", "9")
#: How far the entries that apply to a reported incident are lifted above the best match, and the step between them.
INCIDENT_LIFT = 0.5
INCIDENT_STEP = 0.01
_NOTHING_ASKED: dict[Language, str] = {
    "ja": "ご質問の内容が見つかりませんでした。お客様の文面を貼り付けるか、知りたい点を一文で書いてください。",
    "en": "I couldn't find a question in this. Paste the customer's message, or write what you want to know.",
}
_NO_SUCH_SECTION: dict[Language, str] = {
    "ja": "プライバシーポリシーの条項は第1条から第{last}条までです。",
    "en": "The privacy policy has Sections 1 to {last}.",
}


class _CitationForm(NamedTuple):
    """How a language cites a policy entry: the section, a numbered item in it, a table row, the whole."""

    section: str
    item: str
    row: str
    whole: str


_CITATION: dict[Language, _CitationForm] = {
    "ja": _CitationForm("第{section}条（{title}）", "第{number}号", "の表「{title}」", "「{text}」"),
    "en": _CitationForm("Section {section} ({title})", ", item {number}", ", table row “{title}”", "{text}"),
}


class KnowledgeBaseError(Exception):
    """The knowledge files are broken; str() lists each problem as `file:line: message`."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class KnowledgeBase:
    """Answers questions from the policy; build it once at start-up."""

    def __init__(
        self, policy: Iterable[PolicyEntry], faq: Iterable[FaqEntry], summaries: Iterable[Summary] = (),
        replies: Replies | None = None, *, under_review: frozenset[str] = frozenset(),
    ) -> None:
        self.policy = {entry.id: entry for entry in policy}
        #: What a revision left to review ("summary:3", "faq:ID", "policy:3"): written for the text before it, so
        #: never shown as an answer (a summary saying §3's list is empty, beside a §3 that now lists purposes).
        #: FAQ questions still help to find the section; the quote, always the version's own text, stands alone.
        self.under_review = under_review
        #: The reviewed reply templates (`knowledge.drafts` fills them from a case).
        self.replies = replies or Replies((), None)
        self.faq = {entry.id: entry for entry in faq}
        self.summaries = {summary.cites: summary for summary in summaries}
        #: The version of the policy this is ("base" or its effective date) and how a citation names it
        #: (「2026年12月1日改定版」); set by `knowledge.live`, which knows the versions held beside it. No label
        #: while only one version is held.
        self.version_key = "base"
        self.version_labels: dict[Language, str] = {}
        #: The base's ids that revisions moved or removed → their id in this version (None: removed); see
        #: `entry_id`. Set by `knowledge.live` with the labels.
        self.renumbered: dict[str, str | None] = {}
        #: The terms this version's text defines (「ユーザー」, "personal data") → the entry that defines them.
        self._defined = defined_terms((entry.id, entry.ja, entry.en) for entry in self.policy.values())
        self._children: dict[str, list[PolicyEntry]] = {}
        for entry in self.policy.values():
            for ancestor in _ancestors(entry.id):
                self._children.setdefault(ancestor, []).append(entry)
        self._policy_matcher = Matcher(
            (
                MatchDocument(
                    key=e.id,
                    keywords=(*e.keywords_ja, *e.keywords_en, e.title_ja, e.title_en),
                    passages=(e.title_ja, e.ja, e.title_en, e.en),
                )
                for e in self.policy.values()
            ),
            is_word=is_english_word,
        )
        self._faq_matcher = Matcher(
            (
                MatchDocument(key=f.id, passages=(*f.questions_ja, *f.questions_en),
                              phrases=(*f.questions_ja, *f.questions_en))
                for f in self.faq.values()
            ),
            is_word=is_english_word,
        )
        # What the policy talks about, to spot terms it never uses: FAQ questions the policy is silent on are
        # left out, or asking about ISMS would look covered because an FAQ says the policy does not cover it.
        terms = [t for e in self.policy.values() for t in (e.title_ja, e.title_en, *e.keywords_ja, *e.keywords_en)]
        self._vocabulary_of_policy = Vocabulary(
            terms
            + [t for e in self.policy.values() for t in (e.ja, e.en)]
            + [t for f in self.faq.values() if not f.policy_silent for t in (*f.questions_ja, *f.questions_en)],
            terms,
            policy=[t for e in self.policy.values() for t in (e.ja, e.en)],
        )
        # The acts a user may ask for, in the words of the entries that say what happens when they do (the
        # policy's own marker: 「…を求められた場合」): 「…を削除してください」 names the act asked for, which
        # outweighs the things it is asked about (電話番号, 住所 of §2).
        self._acts: dict[str, set[str]] = {}
        self._acts_en: dict[str, set[str]] = {}
        for e in self.policy.values():
            if not _ON_REQUEST.search(e.ja):
                continue
            for keyword in e.keywords_ja:
                if _VERBAL_NOUN.fullmatch(keyword) or _TE_FORM.fullmatch(keyword):  # 開示, 削除, 利用停止; 消して, 直して
                    self._acts.setdefault(normalise(keyword), set()).add(e.id)
            for keyword in e.keywords_en:
                verb = _MY_PHRASE.fullmatch(keyword)  # "delete my data", "erase my": the request in the user's words
                if verb:
                    self._acts_en.setdefault(verb.group(1), set()).add(e.id)
        self._speller = Speller(
            [t for e in self.policy.values() for t in (e.title_en, e.en, *e.keywords_en)]
            + [t for f in self.faq.values() for t in f.questions_en],
            common=STOPWORDS,
        )
        self._vocabulary: set[str] = set()
        self._reading_vocabulary: set[str] = set()
        texts = [t for e in self.policy.values() for t in (e.title_ja, e.title_en, e.ja, e.en, *e.keywords_ja, *e.keywords_en)]
        texts += [t for f in self.faq.values() for t in (*f.questions_ja, *f.questions_en)]
        # Words of ordinary conversation (ケース, "okay") are known too: they are no sign of a topic the policy lacks.
        for text in [*texts, *GENERAL_WORDS]:
            for word in topic_words(text):
                self._vocabulary |= word.units
                self._reading_vocabulary |= word.reading_units

    def has_entry(self, entry_id: str) -> bool:
        return entry_id in self.policy

    def entry(self, entry_id: str) -> PolicyEntry:
        return self.policy[entry_id]

    def entry_id(self, base_id: str) -> str | None:
        """This version's id of the entry the base numbered `base_id`, None when it has none. The code and the
        request types name entries by the base's numbers (§16's contact lines, §8 item 6, §10's grounds): a
        revision that renumbers them must not make them point at another entry's text."""
        found = follow(base_id, self.renumbered)
        return found if found in self.policy else None

    def contact(self, language: Language = "ja") -> str:
        """§16's contact block, quoted: where to go when the policy has no answer."""
        lines = [self.policy[i].ja for i in map(self.entry_id, CONTACT_IDS) if i is not None]
        label = "Contact (Section 16)" if language == "en" else "お問い合わせ先（第16条）"
        return f"{label}: " + " / ".join(lines)

    def ask(self, question: str) -> Answer:
        """Answer one question; never raises for any text, however empty, long or garbled. The answer carries the
        version of the policy it comes from, which the reply names where it cites."""
        answer = self._answer(question)
        return replace(answer, version=self.version_key, version_label=self.version_labels.get(answer.language, ""))

    def _answer(self, question: str) -> Answer:
        typed = clean_input(question)
        # Japanese typed in romaji is matched as the kana it spells, and answered in Japanese.
        spelled = kana_of_romaji(typed)
        text, question = (spelled, spelled) if spelled else (typed, question)
        language = detect_language(text)
        contact = self.contact(language)
        if not normalise(text):
            return Answer(question=typed, language=language, outcome="not_covered", summary="", contact=contact)
        # A question about the law in general ("what's the penalty for a company that leaks data?") reports nothing.
        incident = None if about_law_in_general(text) else _incident(text)
        reference = find_reference(text, self.policy)
        if reference is not None:
            return self._look_up(text, language, reference, incident=incident)
        found = focus(self._speller.correct(clean_lines(question)))
        if found is not None and not normalise(found.question + found.context):
            return Answer(question=typed, language=language, outcome="not_covered", summary=_NOTHING_ASKED[language],
                          contact=contact, incident=incident)
        query = found.question if found is not None and found.question else self._speller.correct(text)
        scores, best_faq = self._score(without_the_policy_named(with_japanese_words(_NAMES_OF.sub(" ", query))))
        self._objects_are_not_the_topic(query, scores)
        self._collected_asked(query, scores)
        asking = found.asking if found is not None and found.asking else query
        # 「…について質問してきた。これってうちのポリシーで答えるべきもの？」: the scope is asked in the sentence that points back
        self._scope_asked(_with_asking(query, asking), scores)
        self._own_data_asked_for(query, scores)
        self._sections_named_by_their_topic(query, text, scores)
        self._definition_asked(query, scores)
        self._requested_acts(query, scores)
        self._changed_data_is_corrected(query, text, scores)
        self._revision_told(query, text, scores)
        self._given_to_another_company(query, text, scores)
        self._obtained_from_another_company(text, scores)
        self._given_out_by_the_user(text, scores)
        if incident is None:
            # whether the policy covers a partner is §1's question, whoever asks it
            if not asks_whether_the_policy_covers(_with_asking(query, asking)):
                self._others_asking_for_it(text, scores)
        else:
            # A leak at a contractor is governed first by the supervision of contractors (§7).
            contractor = incident == "leak_report" and names_a_contractor(text)
            self._lift_applicable(CONTRACTOR_LEAK_ENTRIES if contractor else INCIDENT_ENTRIES[incident], scores)
        self._danger_to_life(text, scores)
        if found is not None and found.context and max(scores.values(), default=0.0) < ANSWER_THRESHOLD:
            # Context sentences count, but less than the sentence that asks, and only when it alone is not enough.
            wider, wider_faq = self._score(f"{found.question} {found.context}")
            for entry_id, value in wider.items():
                scores[entry_id] = max(scores.get(entry_id, 0.0), CONTEXT_WEIGHT * value)
            if best_faq is None or (wider_faq and CONTEXT_WEIGHT * wider_faq[1] > best_faq[1]):
                best_faq = (wider_faq[0], CONTEXT_WEIGHT * wider_faq[1]) if wider_faq else None
        asked = _with_the_context(_kinds_asked_in(query), query, text)
        hits = _stating_first(self._hits(scores), asked, query)
        outcome, missing = self._judge(query, hits, asked, incident=incident, asking=asking)
        summary, note, faq_id = "", "", None
        if best_faq is not None and f"faq:{best_faq[0]}" in self.under_review:
            best_faq = None  # its answer was written for the text before the revision
        silent = best_faq is not None and self.faq[best_faq[0]].policy_silent
        if best_faq and silent and best_faq[1] >= max([FAQ_SUMMARY_THRESHOLD, *(h.score for h in hits[:1])]):
            faq = self.faq[best_faq[0]]
            summary, faq_id = (faq.answer_en if language == "en" else faq.answer_ja), faq.id
            if outcome == "answered":
                outcome = "partial"
        advice, listing = "", ""
        if outcome == "answered":
            top = self.policy[hits[0].id]
            summary = self._summary(top, language)
            if best_faq and best_faq[1] >= FAQ_SUMMARY_THRESHOLD:
                faq = self.faq[best_faq[0]]
                if any(c.split(".")[0] == top.section for c in faq.cites):
                    advice, faq_id = (faq.answer_en if language == "en" else faq.answer_ja), faq.id
            note = self._note(top, language)
            listing = self._listing(top, language)
        if outcome != "answered" and not missing:
            # Nothing specific was found missing: name the words the policy never uses, else what was asked about.
            unknown = [t.surface for t in self._vocabulary_of_policy.unknown_terms(query)]
            missing = _unique(unknown)[:3] or self._topic(query)
        return Answer(
            question=typed,
            language=language,
            outcome=outcome,
            not_in_policy=missing,
            summary=summary,
            hits=hits,
            note=note,
            contact=contact,
            faq_id=faq_id,
            advice=advice,
            listing=listing,
            incident=incident,
        )

    def _look_up(self, text: str, language: Language, reference: LookUp, *, incident: str | None) -> Answer:
        """A section or item asked for by number or heading, quoted whole (or said not to exist)."""
        contact = self.contact(language)
        if not reference.found:
            label = f"第{reference.entry_id.replace('.', '条第', 1)}{'号' if '.' in reference.entry_id else '条'}"
            missing = [label if language == "ja" else f"section {reference.entry_id}"]
            return Answer(question=text, language=language, outcome="not_covered", not_in_policy=missing,
                          summary=_NO_SUCH_SECTION[language].format(last=self._last_section()),
                          contact=contact, incident=incident)
        entry = self.policy[reference.entry_id]
        hit = self._hit(entry.id, 1.0)
        asked = _without_reference(text)
        outcome, missing = self._judge(asked, [hit], _kinds_asked_in(asked))
        heading = (f"{hit.short_citation_en} of the privacy policy, in full." if language == "en"
                   else f"プライバシーポリシーの{hit.short_citation_ja}の全文です。")
        summary = f"{heading} {self._summary(entry, language)}" if language == "en" else heading + self._summary(entry, language)
        return Answer(question=text, language=language, outcome=outcome, not_in_policy=missing, summary=summary,
                      hits=[hit], note=self._note(entry, language), contact=contact,
                      listing=self._listing(entry, language), incident=incident)

    def _last_section(self) -> int:
        """The highest section number this version has (16 as published; a revision may add one)."""
        return max(int(entry_id) for entry_id in self.policy if entry_id.isdigit())

    def _note(self, entry: PolicyEntry, language: Language) -> str:
        section = self.policy[entry.section]
        if f"policy:{section.id}" in self.under_review:
            return ""  # a note on the text before the revision ("§3's list is empty") may no longer hold
        return section.note_en if language == "en" else section.note_ja

    def _judge(
        self, text: str, hits: list[Hit], asked: list[FactKind], *, incident: str | None = None, asking: str = ""
    ) -> tuple[Outcome, list[str]]:
        """answered / partial / not_covered, and what the policy lacks (see knowledge.answerability).

        Terms the policy never uses are looked for in `asking`, the sentences that ask in their own words (see
        `knowledge.focus.Focus`), when it is given; `asked` holds the kinds of fact the whole question asks for.

        A report of an incident is judged by the section that applies to it; the words that describe what happened
        (the file, the tool, the office) are not what is asked, so only a kind of fact asked ("within how many hours
        must we report?") can make it partial. An authority's request is answered by §8 item 6 ("permitted by law");
        a leak is not: what to do after one is nowhere in the policy, so a leak report is partial, unless what it asks
        is what the policy promises about keeping data safe (§6 states that).
        """
        asking = asking or text
        if not hits or hits[0].score < ANSWER_THRESHOLD:
            strong = [t.surface for t in self._vocabulary_of_policy.unknown_terms(asking) if t.central]
            return "not_covered", _unique(strong + [k.id for k in asked])
        cited = f"{hits[0].quote}\n{hits[0].translation}"
        missing = [kind.id for kind in asked if not stated(kind, cited, text)]
        # what a report asks that the section states (who the manager is, where to write) is answered by it
        states_what_is_asked = bool(asked) and not missing
        missing += unlisted_items(text, cited)
        if incident == "leak_report" and not (states_what_is_asked or asks_what_is_promised(asking)):
            missing.insert(0, "incident response")
        if incident is not None:
            return ("partial", _unique(missing)) if missing else ("answered", [])
        # §1 answers whether the policy covers a service by its rule (ours yes, a partner's no), whatever it is called
        by_rule = hits[0].id.split(".")[0] == SCOPE_SECTION and asks_whether_the_policy_covers(_with_asking(text, asking))
        unknown = [] if by_rule else self._vocabulary_of_policy.unknown_terms(asking)
        missing += [t.surface for t in unknown if t.central] + unlisted_names(unknown, cited)
        share = 0.0 if by_rule else self._vocabulary_of_policy.unknown_share(asking)
        if share > MOSTLY_UNKNOWN:
            missing += [t.surface for t in unknown]
        if about_law_in_general(text):
            missing.append("the law itself")
        if asks_definition(text):  # what a term means, when the policy never uses the term
            missing += [t.surface for t in unknown]
        if not missing:
            return "answered", []
        nothing = share >= NOTHING_KNOWN or any(m in NOT_ABOUT_THE_POLICY for m in missing)
        return ("not_covered" if nothing else "partial"), _unique(missing)

    def _topic(self, text: str) -> list[str]:
        """What the question is about, as typed, when nothing more specific is known to be missing."""
        words = _TOPIC_WORD.findall(unicodedata.normalize("NFKC", text))
        return _unique([w for w in words if w.lower() not in _TOPIC_STOPWORDS])[:3]

    def coverage(self, text: str) -> float:
        """The share of the question's topic words that the knowledge base knows at all (longer words count more)."""
        words = topic_words(text)
        total = sum(len(w.units) for w in words)
        return sum(len(w.units) * self._known(w) for w in words) / total if total else 1.0

    def _known(self, word: TopicWord) -> float:
        by_surface = len(word.units & self._vocabulary) / len(word.units)
        by_reading = len(word.reading_units & self._reading_vocabulary) / len(word.reading_units or {""})
        return max(by_surface, by_reading)

    def _score(self, text: str) -> tuple[dict[str, float], tuple[str, float] | None]:
        """Scores per policy entry (FAQ matches lent to what they cite), and the best FAQ match."""
        factor = COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * self.coverage(text)
        scores: dict[str, float] = {}
        for match in self._policy_matcher.rank(text, limit=30):
            scores[match.key] = match.score * factor
        faq_matches = self._faq_matcher.rank(text, limit=5)
        lent: dict[str, float] = {}
        for match in faq_matches:
            faq = self.faq[match.key]
            if faq.policy_silent:
                continue
            for rank, cite in enumerate(faq.cites):
                lent[cite] = max(lent.get(cite, 0.0), match.score * factor * FAQ_CITE_DECAY**rank)
        for cite, value in lent.items():
            # An entry found both directly and through an FAQ that cites it is surer than either alone.
            scores[cite] = 1 - (1 - scores.get(cite, 0.0)) * (1 - FAQ_WEIGHT * value)
        best_faq = (faq_matches[0].key, faq_matches[0].score * factor) if faq_matches else None
        return scores, best_faq

    def _objects_are_not_the_topic(self, query: str, scores: dict[str, float]) -> None:
        """§2 lists the data collected (氏名, 電話番号, 住所…); a question that names such data without asking what is
        collected or held is about something done with it (shared, posted, used elsewhere), so §2 counts less."""
        if asks_about_collecting(query):
            return
        for entry_id in scores:
            if self.policy[entry_id].section == COLLECTED_SECTION:
                scores[entry_id] *= OBJECTS_ONLY

    def _collected_asked(self, query: str, scores: dict[str, float]) -> None:
        """What data is collected, asked outright, is §2's question. Runs before the lifts for acts: a user asking
        to be shown what was collected about them (「どんな情報を集めたか開示して」) asks for disclosure."""
        if not asks_what_is_collected(query):
            return
        found = [(score, entry_id) for entry_id, score in scores.items() if self.policy[entry_id].section == COLLECTED_SECTION]
        if found:
            _lift_above(max(found)[1], max(scores.values()), scores)

    def _scope_asked(self, query: str, scores: dict[str, float]) -> None:
        """Whether the policy covers something (a linked service, a kind of data) is §1's question, though the words
        保護 and "protect" name §6's safe management too. The shape alone decides it, as far as the threshold: "does
        our policy cover what a partner keeps?" is answered by §1's rule, however little else the words match."""
        entry_id = self.entry_id(SCOPE_SECTION)
        if asks_whether_the_policy_covers(query) and entry_id is not None:
            _lift_above(entry_id, max(ANSWER_THRESHOLD, *scores.values()), scores)

    def _sections_named_by_their_topic(self, query: str, message: str, scores: dict[str, float]) -> None:
        """Topics that belong to one section whatever else their words name: data used outside its purposes (§4's
        limit, though 目的 / "purpose" names §3's list), the policy itself changing (§15, though 知らせる and "emailing"
        read as requests), cookies, browsing and ads (§14, though 渡す reads as §8), the handling of data entrusted to
        an outside firm (§7, though the data named is §2's), who is responsible for personal data (§9, though 保護
        reads as §6), the rules for obtaining data (§5, though 集める reads as §2's list), a deletion or correction
        request named as such (§11, though 断れる reads as §10's refusal), part of a disclosure held back (§10). Data no
        one can be identified from (a statistics report) is §13's, read also in the message a question refers back to
        ("…nothing in it identifies anyone. Can we use that kind of data?"); the topics after it may still override it
        (an analysis for ads is §14's)."""
        if names_unidentifiable_data(query, message):
            self._lift_section(STATISTICS_SECTION, scores)
        for named, section in ((uses_data_outside_its_purposes, PURPOSE_LIMIT_SECTION),
                               (names_a_policy_change, POLICY_CHANGE_SECTION), (names_browsing_or_ads, COOKIE_SECTION),
                               (entrusts_handling, CONTRACTOR_SECTION), (asks_who_is_responsible, MANAGER_SECTION),
                               (asks_how_data_is_obtained, ACQUISITION_SECTION),
                               (names_a_correction_or_deletion_request, CORRECTION_SECTION),
                               (withholds_part_of_a_disclosure, DISCLOSURE_SECTION)):
            if named(query):
                self._lift_section(section, scores)

    def _given_out_by_the_user(self, message: str, scores: dict[str, float]) -> None:
        """Data the user gave out themselves is §12's case (the company is not liable for what a third party then
        learns), though 渡す and 友人 read as §8's provision. Read in the whole message: the story tells the user's act
        before the question ("He posted his number on a forum. Now he wants compensation. What does the policy say?")."""
        if the_user_gave_out_their_data(message):
            self._lift_section(DISCLAIMER_SECTION, scores)

    def _definition_asked(self, query: str, scores: dict[str, float]) -> None:
        """The definition of a term the policy defines (「個人データの定義」, "what counts as personal information?") is
        given where the text defines it (§8 for 個人データ, §2 for ユーザー and 個人情報), whichever other section uses
        the term more."""
        entry_id = the_term_defined(query, self._defined)
        if entry_id is not None:
            _lift_above(entry_id, max(scores.values(), default=0.0), scores)

    def _own_data_asked_for(self, query: str, scores: dict[str, float]) -> None:
        """A user asking to see or be sent their own data asks for disclosure (§10), though the words name only the
        data (氏名, 電話番号 of §2) and a verb of giving. Runs before `_requested_acts`: an act named as well (「消して」)
        is what is asked."""
        if asks_for_own_data(query):
            self._lift_section(DISCLOSURE_SECTION, scores)

    def _requested_acts(self, query: str, scores: dict[str, float]) -> None:
        """Lift the entries whose act the question requests (「開示していただけますか」「消してほしい」「見せろと言われた」).

        The act is a keyword of an entry that says what happens on a request, found just before a request ending.
        """
        text = normalise(query).replace(" ", "")
        lifted: set[str] = set()
        for match in _REQUEST_ENDING.finditer(text):
            window = text[max(0, match.start() - ACT_WINDOW) : match.start() + 1]
            for act, entries in self._acts.items():
                if act in window:
                    lifted |= entries
        # English: the verb right after a request ("please delete…", "she wants us to remove…"), or a participle
        # after a wish ("wants her address removed"). A whole verb is surer than a Japanese substring, so the
        # entry needs no score of its own.
        folded = query.lower()
        verbs = [m.group("verb") for m in _REQUEST_EN.finditer(folded)]
        verbs += [m.group("verb") + e for m in _WISH_EN.finditer(folded) for e in ("", "e")]
        named = {entry_id for verb in verbs for entry_id in self._acts_en.get(verb, set())}
        top = max(scores.values(), default=0.0)
        for entry_id in lifted | named:
            if entry_id in named or scores.get(entry_id, 0.0) >= ACT_FLOOR * top:  # found on its own too
                _lift_above(entry_id, top, scores)

    def _changed_data_is_corrected(self, query: str, message: str, scores: dict[str, float]) -> None:
        """A change of a user's data (「メールアドレスの変更をお願いします」, "wants the address on file changed") is the
        correction §11 deals with, not a change of the policy (§15), which the word 変更 / "change" also names.

        The change is read in the question, or in the whole message when the question alone finds nothing (「これって
        どの手続き？」 after a pasted request): a story that mentions a change is not always about it."""
        weak = max(scores.values(), default=0.0) < ANSWER_THRESHOLD or names_a_change(query)
        changed = names_a_data_change(query) or (weak and names_a_data_change(message))
        if changed and not names_a_policy_change(message):
            self._lift_section(CORRECTION_SECTION, scores)

    def _revision_told(self, query: str, message: str, scores: dict[str, float]) -> None:
        """Whether users must be told of a revision (「規約を少し直した。全員にメールしないとダメ？」) is §15's, though the
        revision is told in the context and the question only asks about emailing users (which reads as §10 or §16)."""
        if names_a_policy_change(message) and asks_whether_users_are_told(query):
            self._lift_section(POLICY_CHANGE_SECTION, scores)

    def _given_to_another_company(self, query: str, message: str, scores: dict[str, float]) -> None:
        """Data given to another company, in any words, is provision to a third party (§8); so is whether consent is
        needed to hand it over, even to a contractor (§8 lists the contractors' cases as its exceptions), also when
        the giving is told before the question about consent (「共催企業に渡したい。同意を取る前に何を決める？」)."""
        if (gives_data_to_another_company(query) or asks_consent_to_give(query)
                or names_consent(query) and gives_data_to_another_company(message)):
            self._lift_section(THIRD_PARTY_SECTION, scores)

    def _obtained_from_another_company(self, message: str, scores: dict[str, float]) -> None:
        """A list of people received from another company (「名簿を業者から仕入れた」, "a partner sent us leads it collected")
        is data obtained indirectly: §5 item 2 says we check the provider obtained it properly, whatever §7 or §8 the
        words company and data also name. Read in the whole message: the list is named in the story, the question
        only points back (「これ使っていい？」)."""
        if obtains_data_from_another_company(message):
            self._lift_section(INDIRECT_ACQUISITION_ITEM, scores)

    def _danger_to_life(self, message: str, scores: dict[str, float]) -> None:
        """A person whose life or body is at risk (「通話中に倒れた」, "if their life is in danger") is §4 item 2's case,
        whoever asks for the data: it comes before §8's rule on giving data (which §4's exceptions qualify) and before
        §2's data named (「登録住所」)."""
        if names_a_danger_to_life(message):
            self._lift_section(LIFE_ITEM, scores)

    def _others_asking_for_it(self, message: str, scores: dict[str, float]) -> None:
        """Someone other than the user asking for the user's data (a hospital, a family member, an employer:
        「病院から家族の連絡先を教えてほしいと」, "her husband wants the call logs") asks whether it may be given to a third
        party (§8), not for the person's own disclosure (§10) or the company's contact point (§16)."""
        if others_ask_for_the_users_data(message):
            self._lift_section(THIRD_PARTY_SECTION, scores)

    def _lift_section(self, section: str, scores: dict[str, float]) -> None:
        """Put the section (the base's id, followed through a revision's renumbering) above the best match."""
        entry_id = self.entry_id(section)
        if entry_id is not None:
            _lift_above(entry_id, max(scores.values(), default=0.0), scores)

    def _lift_applicable(self, entries: tuple[str, ...], scores: dict[str, float]) -> None:
        """Put the entries that apply to a reported incident (the base's ids) first, in the order given, and above
        the threshold.

        A message reporting a leak or an authority's request reads like many sections at once (the data named:
        §2; the request: §10, §11); the section that governs what happens next is the one to cite.
        """
        top = max([ANSWER_THRESHOLD, *scores.values()])
        lifted = top + (1 - top) * INCIDENT_LIFT
        applicable = [found for found in map(self.entry_id, entries) if found is not None]
        for rank, entry_id in enumerate(applicable):
            scores[entry_id] = max(scores.get(entry_id, 0.0), lifted - rank * INCIDENT_STEP)

    def _hits(self, scores: dict[str, float]) -> list[Hit]:
        """The best entry of each top-level section, best section first."""
        best: dict[str, tuple[float, str]] = {}
        for entry_id, score in scores.items():
            section = self.policy[entry_id].section
            if section == "0":
                continue
            if section not in best or score > best[section][0]:
                best[section] = (score, entry_id)
        for section, (score, entry_id) in best.items():
            # A section found about as well as one of its items is cited by that item, which holds the words found
            # (「住所バレした、うちの責任？」: §12 by 当社の責任, its item 2 by 住所バレ).
            if entry_id == section:
                items = [(s, i) for i, s in scores.items() if i != section and self.policy[i].section == section]
                if items and max(items)[0] >= ITEM_SHARE * score:
                    best[section] = (score, max(items)[1])
        ranked = sorted(best.values(), key=lambda pair: (-pair[0], pair[1]))[:MAX_HITS]
        return [self._hit(entry_id, score) for score, entry_id in ranked]

    def _hit(self, entry_id: str, score: float) -> Hit:
        entry = self.policy[entry_id]
        # A section is quoted whole; an item with the sentence that introduces it ("ただし、以下の場合は…").
        parent = self.policy[entry.parent] if entry.parent else None
        pieces = [parent, entry] if parent and parent.ja else [entry]
        pieces += self._items(entry)
        quote = "\n".join(_LINK_LABELS_JA.sub("", _quoted(p)) for p in pieces if p.ja)
        # An entry a revision changed may have no English rendering while it awaits review: then the quote has no
        # translation at all, rather than one that silently leaves that text out.
        pending = any(p.ja and not p.en for p in pieces)
        translation = "" if pending else "\n".join(_LINK_LABELS_EN.sub("", p.en) for p in pieces if p.en)
        return Hit(
            id=entry.id,
            title=entry.title_ja,
            title_en=entry.title_en,
            score=score,
            quote=quote,
            translation=translation,
            citation_ja=self.citation(entry, "ja"),
            citation_en=self.citation(entry, "en"),
            short_citation_ja=self.citation(entry, "ja", with_version=False),
            short_citation_en=self.citation(entry, "en", with_version=False),
            translation_pending=pending,
        )

    def _items(self, entry: PolicyEntry) -> list[PolicyEntry]:
        """Sub-items quoted with a section: all of them under a top-level heading, table rows under 14.4."""
        return self._children.get(entry.id, [])

    def citation(self, entry: PolicyEntry, language: Language, *, with_version: bool = True) -> str:
        """How `language` cites an entry: 「第8条（個人情報の第三者への提供）第4号」, as Japanese documents cite
        numbered items, or "Section 8 (Provision to Third Parties), item 4"; a table row adds its heading, and the
        version is named when more than one is held (「2026年12月1日改定版 第10条（…）」 / "Section 10 (…), version
        of 2026-12-01") unless `with_version` is False (a reply names its version once, `knowledge.answer`)."""
        form = _CITATION[language]
        section = self.policy[entry.section]
        text = form.section.format(section=entry.section, title=_title(section, language))
        item = self._item(entry)
        if item is not None and item.numbered:
            text += form.item.format(number=item.number)
        if item is not None and item is not entry:
            text += form.row.format(title=_title(entry, language))
        if with_version:
            text = versioned(text, self.version_labels.get(language, ""), language)
        return form.whole.format(text=text)

    def _item(self, entry: PolicyEntry) -> PolicyEntry | None:
        """The second-level entry an id sits under ("8.4" for "8.4" and for "8.4.1"); None for a section."""
        parts = entry.id.split(".")
        return self.policy[".".join(parts[:2])] if len(parts) > 1 else None

    def _summary(self, entry: PolicyEntry, language: Language) -> str:
        """The entry's checked summary (summaries.yaml), else its section's, else a plain pointer to the text; a
        summary a revision left to review is passed over."""
        for entry_id in (entry.id, entry.section):
            if entry_id in self.summaries and f"summary:{entry_id}" not in self.under_review:
                found = self.summaries[entry_id]
                return found.en if language == "en" else found.ja
        return self._default_summary(entry, language)

    def _listing(self, entry: PolicyEntry, language: Language) -> str:
        """A table quoted in the answer (§14's recipients), as a readable list: purpose, service, recipient."""
        rows = [e for e in self._table_rows(entry)]
        if not rows:
            return ""
        lines = []
        for row in rows:
            # A row a revision added has no English rendering until it is reviewed: its Japanese fields stand in.
            purpose, service, recipient = _row_fields(row, language if row.en else "ja")
            lines.append(f"• {purpose}: {service} → {recipient}" if language == "en" else f"・{purpose}: {service}（送信先: {recipient}）")
        recipients = list(dict.fromkeys(_row_fields(row, language if row.en else "ja")[2] for row in rows))
        if language == "en":
            lines.append("Opting out is done with each recipient: " + ", ".join(recipients) + ".")
        else:
            lines.append("オプトアウト（Cookieの無効化）は各送信先のページで行います: " + "、".join(recipients))
        return "\n".join(lines)

    def _table_rows(self, entry: PolicyEntry) -> list[PolicyEntry]:
        """The table rows quoted with an entry: those below it, or the row itself (ids three levels deep)."""
        if entry.id.count(".") == 2:
            return [entry]
        return [e for e in self._children.get(entry.id, []) if e.id.count(".") == 2]

    def _default_summary(self, entry: PolicyEntry, language: Language) -> str:
        if language == "en":
            return f"{self.citation(entry, language)} of the privacy policy covers this:"
        return f"プライバシーポリシーの{self.citation(entry, language)}に、次のとおり定められています。"


_REFERENCE = re.compile(r"(第\s*)?[0-9〇一二三四五六七八九十]+\s*条(の?第?[0-9一二三四五六七八九十]+\s*[項号])?|§+\s*[\d.]+|"
                        r"\b(section|sec\.?|article|clause)\s*[\d.]+", re.IGNORECASE)


def _with_asking(question: str, asking: str) -> str:
    """The question with the sentence that asks in its own words, when that sentence only points back at it
    (「…について質問してきた。これってうちのポリシーで答えるべきもの？」)."""
    return question if asking in question else f"{question} {asking}"


#: Consent named in the question (see `_with_the_context`).
_CONSENT = re.compile(r"同意|\bconsent", re.IGNORECASE)


def _with_the_context(asked: list[FactKind], query: str, message: str) -> list[FactKind]:
    """Kinds the question asks with the help of its context: a deadline asked (「期限は？」, "what deadline do I give?")
    after the context wants a number ("they want a firm date", 「正確にいつ」) asks for the number of days, which
    「合理的な期間」 does not give; consent taken again, asked after the context names a revision of the policy
    (「来月改定します。…同意を取り直す必要ある？」), asks for renewed consent."""
    deadline = any(kind.id == "deadline" for kind in asked)
    consent = _CONSENT.search(query) is not None
    if not (deadline or consent) or message == query:
        return asked
    in_message = {kind.id: kind for kind in _kinds_asked_in(message)}
    if deadline and "number of days" in in_message:
        asked = [in_message["number of days"] if kind.id == "deadline" else kind for kind in asked]
    renewed = in_message.get("renewed consent")
    if consent and renewed is not None and renewed not in asked:
        asked = [*asked, renewed]
    return asked


def _kinds_asked_in(question: str) -> list[FactKind]:
    """The kinds of fact the question asks for, read in Japanese too: 「access logってどれくらいretainしてる？」 asks
    for a retention period."""
    return kinds_asked(with_japanese_words(question))


def _stating_first(hits: list[Hit], asked: list[FactKind], question: str) -> list[Hit]:
    """The hits with a near runner-up first when it states the kind of fact asked and the best one does not (for the
    kinds whose `stated` pattern can decide a rank).

    「責任者って誰？」 finds §9 (a manager is appointed) and §16 (the manager, by name) about equally well; the one
    that gives what is asked is the answer.
    """
    kinds = [kind for kind in asked if kind.decides_rank]
    if not kinds or not hits:
        return hits

    def states(hit: Hit) -> bool:
        return all(stated(kind, f"{hit.quote}\n{hit.translation}", question) for kind in kinds)

    if states(hits[0]):
        return hits
    for rank, hit in enumerate(hits[1:STATING_DEPTH], start=1):
        if hit.score >= max(ANSWER_THRESHOLD, STATING_SHARE * hits[0].score) and states(hit):
            return [hit, *hits[:rank], *hits[rank + 1 :]]
    return hits


def _lift_above(entry_id: str, top: float, scores: dict[str, float]) -> None:
    """Put the entry above `top`, the best score before the lift, as a request for its act does."""
    scores[entry_id] = max(scores.get(entry_id, 0.0), top + (1 - top) * REQUEST_LIFT)


def _without_reference(text: str) -> str:
    """The question with its section reference taken out, so "第14条" itself is not judged an unknown term."""
    return _REFERENCE.sub(" ", text)


def _incident(text: str) -> str | None:
    """The urgent request type the message reports (intake's evidence: a leak happened, an authority is asking).

    Imported on first use, not at the top: loading the case core takes about 0.1 s that reading the knowledge
    base (`kb check`, start-up) does not need.
    """
    from intake import critical_type

    # Staff name the policy in every question (「ポリシーのどこ？」, "what does our policy say?"): in a question to this
    # bot that is no sign of a question about the rules only, as it is in an inquiry.
    found = critical_type(_POLICY_NAMED.sub(" ", text))
    return found if found in INCIDENT_ENTRIES else None


#: The policy named (see `_incident`).
_POLICY_NAMED = re.compile(r"(プライバシー)?ポリシー|プラポリ|\b(privacy )?policy\b", re.IGNORECASE)
#: "the names of the subcontractors" asks for names of whatever follows: matched as it stands it reads as §2's
#: names collected from users.
_NAMES_OF = re.compile(r"\bnames? of\b", re.IGNORECASE)
_ON_REQUEST = re.compile(r"求められた場合")
#: A kanji verbal noun (開示, 削除, 利用停止) as the policy's keywords list them.
_VERBAL_NOUN = re.compile(r"[\u3400-\u9fff]{2,6}")
#: A verb in the て form a request is made with (消して, 直して): 「住所を消してほしい」 asks for the act as surely
#: as 「削除してください」. Not 見せて: 「委託先の一覧を見せて」 asks to see a list, not for §10's disclosure.
_TE_FORM = re.compile(r"[\u3400-\u9fff]{1,2}して")
#: How a request ends, in normalised text (kana folded to hiragana): 「…してください」「…してほしい」「…しろと言われた」.
_REQUEST_ENDING = re.compile(
    r"(いただけ|いただき|頂け|ほしい|欲しい|もらえ|もらい|ください|下さい|くれ|(ろ|て|よ)(と|って)言われ|(ろ|て)って|て[」』]?との(こと|事)"
    # the request named as one's own wish (「開示を請求したいと考えております」)
    r"|(請求|申請|申し立て|お願い)(し|を)?(たい|いたし|します))"
)
#: A request in the user's words as the policy's English keywords give it: "delete my data" -> "delete".
_MY_PHRASE = re.compile(r"([a-z]+) my( [a-z ]+)?")
_REQUEST_EN = re.compile(
    r"\b(please|can you|could you|would you|will you|(wants?|wanted|asks?|asked|asking|would like|told) (us|you|me) to"
    r"|wants? to|(we|i) need to|(can|should|do|must) we|how (do|can|should) (we|i))\s+(please\s+|\w+ly\s+)?(?P<verb>[a-z]+)"
)
_WISH_EN = re.compile(r"\b(wants?|wanted|would like|asked to have|asking to have)\b[^.?!]{0,40}?\b(?P<verb>[a-z]{3,}?)e?d\b")
_TOPIC_WORD = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff\uf900-\ufaff々]{2,}|[A-Za-z][A-Za-z0-9-]{2,}")
_TOPIC_STOPWORDS = frozenset(
    "what which when where who why how does did can could would should will the and for with about this that there"
    " have has are was were your our their any some".split()
)


#: The table of §14 ends each row with two links, printed as 「ページを開く」: a quote shows the row without them
#: (still a verbatim span of the policy), and the reply names each recipient instead.
_LINK_LABELS_JA = re.compile(r"(\s*ページを開く)+$")
_LINK_LABELS_EN = re.compile(r'(\s*\|\s*(Privacy policy|Opt-out): "Open page" link)+$')


def _title(entry: PolicyEntry, language: Language) -> str:
    """The entry's title; in English its Japanese heading while a revision's English title awaits review."""
    return entry.title_en or entry.title_ja if language == "en" else entry.title_ja


def _row_fields(row: PolicyEntry, language: Language) -> tuple[str, str, str]:
    """(purpose, service, recipient) of a table row, read from its verbatim text or its English rendering."""
    if language == "en":
        fields = dict(part.split(": ", 1) for part in row.en.split(" | ") if ": " in part)
        return fields.get("Purpose", ""), fields.get("Service", ""), fields.get("Recipient", "")
    purpose, service, recipient = (_LINK_LABELS_JA.sub("", row.ja).split(" ", 2) + ["", ""])[:3]
    return purpose, service, recipient


def _unique(items: list[str]) -> list[str]:
    """The items in order, each once (compared without case)."""
    first: dict[str, str] = {}
    for item in items:
        first.setdefault(item.lower(), item)
    return list(first.values())


def _quoted(item: PolicyEntry) -> str:
    """An item's text as printed, with its number when the policy numbers it."""
    return f"{item.number}. {item.ja}" if item.numbered else item.ja


def _ancestors(entry_id: str) -> list[str]:
    """"14.4.2" -> ["14", "14.4"]."""
    parts = entry_id.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def load_knowledge_base(directory: Path | str = BUNDLED_DIR) -> KnowledgeBase:
    """Read, check and index the knowledge files; the bundled ones by default."""
    files = read_knowledge(directory)
    if files.problems:
        raise KnowledgeBaseError(files.problems)
    return KnowledgeBase(files.policy, files.faq, files.summaries, files.replies, under_review=files.under_review)
