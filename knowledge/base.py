"""The knowledge base: policy entries and FAQ, indexed once, asked many times.

A question is matched against the policy entries (keywords, titles, Japanese text and English rendering) and
against the FAQ's example questions; an FAQ that matches lends its score to the sections it cites. Entries are
grouped by top-level section, so the three best hits are three different sections. Below `ANSWER_THRESHOLD`
the bot abstains: a question the policy does not cover goes to the manager, it is never guessed.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from knowledge.answer import Answer, Hit
from knowledge.check import BUNDLED_DIR, read_knowledge
from knowledge.matcher import Matcher, MatchDocument
from knowledge.model import FaqEntry, PolicyEntry, Problem
from knowledge.text import Language, TopicWord, clean_input, detect_language, normalise, topic_words

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


class KnowledgeBaseError(Exception):
    """The knowledge files are broken; str() lists each problem as `file:line: message`."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class KnowledgeBase:
    """Answers questions from the policy; build it once at start-up."""

    def __init__(self, policy: Iterable[PolicyEntry], faq: Iterable[FaqEntry]) -> None:
        self.policy = {entry.id: entry for entry in policy}
        self.faq = {entry.id: entry for entry in faq}
        self._children: dict[str, list[PolicyEntry]] = {}
        for entry in self.policy.values():
            for ancestor in _ancestors(entry.id):
                self._children.setdefault(ancestor, []).append(entry)
        self._policy_matcher = Matcher(
            MatchDocument(
                key=e.id,
                keywords=(*e.keywords_ja, *e.keywords_en, e.title_ja, e.title_en),
                passages=(e.title_ja, e.ja, e.title_en, e.en),
            )
            for e in self.policy.values()
        )
        self._faq_matcher = Matcher(
            MatchDocument(key=f.id, passages=(*f.questions_ja, *f.questions_en), phrases=(*f.questions_ja, *f.questions_en))
            for f in self.faq.values()
        )
        self._vocabulary: set[str] = set()
        self._reading_vocabulary: set[str] = set()
        texts = [t for e in self.policy.values() for t in (e.title_ja, e.title_en, e.ja, e.en, *e.keywords_ja, *e.keywords_en)]
        texts += [t for f in self.faq.values() for t in (*f.questions_ja, *f.questions_en)]
        for text in texts:
            for word in topic_words(text):
                self._vocabulary |= word.units
                self._reading_vocabulary |= word.reading_units

    def has_entry(self, entry_id: str) -> bool:
        return entry_id in self.policy

    def entry(self, entry_id: str) -> PolicyEntry:
        return self.policy[entry_id]

    def contact(self, language: Language = "ja") -> str:
        """§16's contact block, quoted: where to go when the policy has no answer."""
        lines = [self.policy[i].ja for i in CONTACT_IDS if i in self.policy]
        label = "Contact (Section 16)" if language == "en" else "お問い合わせ先（第16条）"
        return f"{label}: " + " / ".join(lines)

    def ask(self, question: str) -> Answer:
        """Answer one question; never raises for any text, however empty, long or garbled."""
        text = clean_input(question)
        language = detect_language(text)
        if not normalise(text):
            return Answer(question=text, language=language, answered=False, summary="", contact=self.contact(language))
        scores, best_faq = self._score(text)
        hits = self._hits(scores)
        answered = bool(hits) and hits[0].score >= ANSWER_THRESHOLD
        summary, note, faq_id = "", "", None
        if best_faq and self.faq[best_faq[0]].policy_silent and best_faq[1] >= max([FAQ_SUMMARY_THRESHOLD, *(h.score for h in hits[:1])]):
            faq = self.faq[best_faq[0]]
            answered, summary, faq_id = False, (faq.answer_en if language == "en" else faq.answer_ja), faq.id
        elif answered:
            top = self.policy[hits[0].id]
            summary = self._default_summary(top, language)
            if best_faq and best_faq[1] >= FAQ_SUMMARY_THRESHOLD:
                faq = self.faq[best_faq[0]]
                if any(c.split(".")[0] == top.section for c in faq.cites):
                    summary, faq_id = (faq.answer_en if language == "en" else faq.answer_ja), faq.id
            section = self.policy[top.section]
            note = section.note_en if language == "en" else section.note_ja
        return Answer(
            question=text,
            language=language,
            answered=answered,
            summary=summary,
            hits=hits,
            note=note,
            contact=self.contact(language),
            faq_id=faq_id,
        )

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

    def _hits(self, scores: dict[str, float]) -> list[Hit]:
        """The best entry of each top-level section, best section first."""
        best: dict[str, tuple[float, str]] = {}
        for entry_id, score in scores.items():
            section = self.policy[entry_id].section
            if section == "0":
                continue
            if section not in best or score > best[section][0]:
                best[section] = (score, entry_id)
        ranked = sorted(best.values(), key=lambda pair: (-pair[0], pair[1]))[:MAX_HITS]
        return [self._hit(entry_id, score) for score, entry_id in ranked]

    def _hit(self, entry_id: str, score: float) -> Hit:
        entry = self.policy[entry_id]
        # A section is quoted whole; an item with the sentence that introduces it ("ただし、以下の場合は…").
        parent = self.policy[entry.parent] if entry.parent else None
        pieces = [parent, entry] if parent and parent.ja else [entry]
        pieces += self._items(entry)
        quote = "\n".join(_quoted(p) for p in pieces if p.ja)
        translation = "\n".join(p.en for p in pieces if p.en)
        return Hit(
            id=entry.id,
            title=entry.title_ja,
            title_en=entry.title_en,
            score=score,
            quote=quote,
            translation=translation,
            citation_ja=self.citation_ja(entry),
            citation_en=self.citation_en(entry),
        )

    def _items(self, entry: PolicyEntry) -> list[PolicyEntry]:
        """Sub-items quoted with a section: all of them under a top-level heading, table rows under 14.4."""
        return self._children.get(entry.id, [])

    def citation_ja(self, entry: PolicyEntry) -> str:
        """「第8条（個人情報の第三者への提供）第4号」, as Japanese documents cite numbered items."""
        text = f"第{entry.section}条（{self.policy[entry.section].title_ja}）"
        item = self._item(entry)
        if item is not None and item.numbered:
            text += f"第{item.number}号"
        if item is not None and item is not entry:
            text += f"の表「{entry.title_ja}」"
        return f"「{text}」"

    def citation_en(self, entry: PolicyEntry) -> str:
        text = f"Section {entry.section} ({self.policy[entry.section].title_en})"
        item = self._item(entry)
        if item is not None and item.numbered:
            text += f", item {item.number}"
        if item is not None and item is not entry:
            text += f", table row “{entry.title_en}”"
        return text

    def _item(self, entry: PolicyEntry) -> PolicyEntry | None:
        """The second-level entry an id sits under ("8.4" for "8.4" and for "8.4.1"); None for a section."""
        parts = entry.id.split(".")
        return self.policy[".".join(parts[:2])] if len(parts) > 1 else None

    def _default_summary(self, entry: PolicyEntry, language: Language) -> str:
        if language == "en":
            return f"{self.citation_en(entry)} of the privacy policy covers this:"
        return f"プライバシーポリシーの{self.citation_ja(entry)}に、次のとおり定められています。"


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
    return KnowledgeBase(files.policy, files.faq)
