"""A small ranked matcher over bilingual documents, shared by the policy search and the inquiry triage.

Each document carries three kinds of text, each matched the way it is best matched:

- **keywords**: short terms and synonyms ("開示請求", "見せて", "copy of my data"). A Japanese keyword matches when
  its normalised form or its hiragana reading occurs in the query's (so さくじょ meets 削除), or, for longer ones,
  when RapidFuzz's `partial_ratio` finds it nearly; an English keyword matches when all its stems are among the
  query's stems. Rare keywords weigh more (inverse document frequency), long ones more than short ones. A keyword
  in pieces joined by "…" ("目的…違う", "outside…purpose") matches when its pieces occur in that order, a few
  words apart at most: 「利用目的とは違う使い方」 says what 「違う目的」 says, with words between.
- **passages**: running text (the policy text and its English rendering), scored with BM25 over character bigrams
  for Japanese and Snowball stems for English.
- **phrases**: example questions, compared whole with RapidFuzz's `token_set_ratio` on their readings.

The three signals are combined into one score in [0, 1) (a noisy-or, so agreeing signals reinforce each other);
callers decide the threshold below which they abstain. Postings lists keep a query's work proportional to the
terms it shares with the index, so a query stays in milliseconds with ten thousand documents.
"""
from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from common.text import char_ngrams, english_stems, kanji_count, normalise, reading, reading_with_words

#: Weights of the noisy-or: keywords are curated and most trusted, example questions next, running text last.
KEYWORD_SATURATION = 2.2
PASSAGE_SATURATION = 9.0
PASSAGE_WEIGHT = 0.55
PHRASE_FLOOR = 0.55
PHRASE_SCORER = fuzz.token_set_ratio
FUZZY_CUTOFF = 86.0
#: A Japanese keyword that keeps this many kanji besides one mistyped matches for this credit (`_one_kanji_off`).
MISTYPED_CREDIT = 0.7
MIN_KANJI_KEPT = 4
SPELLING_CUTOFF = 88.0
#: Words allowed between the words of a multi-word English keyword.
MAX_PHRASE_GAP = 1
BM25_K1 = 1.2
BM25_B = 0.6
#: Each passage token keeps at most this many documents (the strongest): bounds a query's work.
POSTINGS_CAP = 400
#: What joins the pieces of a keyword that may have words between them, and how far apart they may be: kana of
#: the reading in Japanese, words in English.
PIECE_JOINER = "…"
MAX_PIECE_GAP_KANA = 12
MAX_PIECE_GAP_WORDS = 4


@dataclass(frozen=True)
class MatchDocument:
    """Something to be found: a policy entry, an FAQ entry, a request type."""

    key: str
    keywords: Sequence[str] = ()
    passages: Sequence[str] = ()
    phrases: Sequence[str] = ()


@dataclass(frozen=True)
class Match:
    """One ranked document and its score."""

    key: str
    score: float


@dataclass(frozen=True)
class _Term:
    """A distinct keyword (after normalisation), shared by every document that lists it."""

    surface: str
    reading: str
    stems: tuple[str, ...]  # set for all-Latin keywords, matched by stems; empty for Japanese ones
    #: A keyword in pieces ("目的…違う"): each piece's reading (Japanese) or stems (Latin), matched in order.
    pieces: tuple[tuple[str, ...], ...] = ()
    #: A short katakana keyword (メタ, ヤフー) as written: folded to hiragana it would be found inside ordinary
    #: words (集めた), so it is matched only where the query writes it in katakana too.
    katakana: str = ""
    #: How many kanji it has: only a long compound is read through a mistyped kanji (`_one_kanji_off`).
    kanji: int = 0


@dataclass
class _Query:
    surface: str
    reading: str
    inside_words: frozenset[int]  # reading positions inside a kanji word: a keyword may not start or end there
    stems: frozenset[str]
    sequence: tuple[str, ...]  # the stems in order, for multi-word keywords
    tokens: list[str]
    katakana: str = ""  # the query in katakana as written (see `_Term.katakana`)


def _passage_tokens(normalised: str) -> list[str]:
    return char_ngrams(normalised) + english_stems(normalised)


#: Where a sentence ends: a keyword's reading found across it (「…います。うちの」 read as 数値 すうち) is chance.
_SENTENCE_END = re.compile(r"[。．！？!?\n]+")
_SENTENCE_MARK = "|"


def _sentence_readings(query: str) -> tuple[str, frozenset[int]]:
    """The query's reading, sentence by sentence joined by a mark no keyword contains, and the positions inside a
    kanji word (see `reading_with_words`)."""
    parts: list[str] = []
    inside: set[int] = set()
    at = 0
    for sentence in _SENTENCE_END.split(query):
        surface = normalise(sentence)
        if not surface:
            continue
        if parts:
            at += len(_SENTENCE_MARK)
        part, part_inside = reading_with_words(surface)
        inside.update(at + i for i in part_inside)
        parts.append(part)
        at += len(part)
    return _SENTENCE_MARK.join(parts), frozenset(inside)


def _one_kanji_off(term: str, text: str, known: frozenset[str]) -> bool:
    """Whether the text writes the keyword with one kanji of a compound swapped for another (第三者提共 for
    第三者提供): a conversion slip of the input method, which picks a kanji of the same sound.

    Only a slip that leaves a word nobody writes, in a long compound: each pair of characters it makes in the text
    is unknown to the index (`known`), or 開示要求 would be a misspelt 開示請求 and 情報を使 a misspelt 情報を売, and the
    keyword keeps four kanji besides (保存してる is no misspelt 保護してる). Found from the keyword's
    first or last two characters, which the slip leaves in place when it falls elsewhere."""
    n = len(term)
    for anchor, offset in ((term[:2], 0), (term[-2:], n - 2)):
        start = text.find(anchor)
        while start != -1:
            window = text[start - offset : start - offset + n] if start >= offset else ""
            if len(window) == n and _slip_of(term, window, known):
                return True
            start = text.find(anchor, start + 1)
    return False


def _slip_of(term: str, window: str, known: frozenset[str]) -> bool:
    slips = [i for i, (a, b) in enumerate(zip(term, window)) if a != b]
    if len(slips) != 1:
        return False
    i = slips[0]
    pairs = [window[j : j + 2] for j in (i - 1, i) if 0 <= j and j + 2 <= len(window)]
    in_compound = [p for p in pairs if kanji_count(p) == 2]
    kept = kanji_count(term) - 1
    return bool(kanji_count(term[i]) and in_compound and kept >= MIN_KANJI_KEPT and not any(p in known for p in pairs))


#: Kana whose vowel a following う (o, u: とう, すう, りょう) or い (e: せい) lengthens: that vowel is the end of the
#: syllable before, so no word starts on it (売って, うって, is not in てすうりょうって).
_LENGTHENED_BY = {"う": frozenset("うくすつぬふむゆるぐずづぶぷおこそとのほもよろごぞどぼぽゅょぅぉ"),
                  "い": frozenset("えけせてねへめれげぜでべぺぇ")}


def _lengthens(reading: str, at: int) -> bool:
    """Whether the kana at `at` lengthens the vowel before it (a long vowel is not lengthened again: ほう|うって)."""
    if at == 0 or reading[at - 1] not in _LENGTHENED_BY.get(reading[at], ()):
        return False
    before = reading[at - 1]
    return not (before in _LENGTHENED_BY and at >= 2 and reading[at - 2] in _LENGTHENED_BY[before])


def _found_on_word_edges(needle: str, q: _Query) -> bool:
    """Whether the reading occurs in the query's reading without cutting into a kanji word or a long vowel."""
    start = q.reading.find(needle)
    while start != -1:
        if start not in q.inside_words and start + len(needle) not in q.inside_words and not _lengthens(q.reading, start):
            return True
        start = q.reading.find(needle, start + 1)
    return False


def _in_order(phrase: tuple[str, ...], sequence: tuple[str, ...]) -> bool:
    """Whether the phrase's stems occur in order with at most one word between neighbours.

    "copy of my data" matches "a copy of all my data", but "stop providing" does not match
    "stop using it for anything except providing the service".
    """
    if len(phrase) == 1:
        return phrase[0] in sequence
    for start, stem in enumerate(sequence):
        if stem != phrase[0]:
            continue
        at = start
        for wanted in phrase[1:]:
            window = sequence[at + 1 : at + 1 + MAX_PHRASE_GAP + 1]
            if wanted not in window:
                break
            at = at + 1 + window.index(wanted)
        else:
            return True
    return False


_LATIN_WORDS = re.compile(r"[a-z0-9]+")
#: Katakana keywords this short or shorter are matched in katakana only.
SHORT_KATAKANA = 2
_LONG_VOWELS = re.compile(r"[ー〜～]")
_KATAKANA_ONLY = re.compile(r"[\u30a1-\u30fa]+")
_NOT_KATAKANA = re.compile(r"[^\u30a0-\u30ff]+")


def _katakana_form(text: str) -> str:
    """The katakana of a text as written (width folded, long vowels dropped), other characters as breaks."""
    folded = _LONG_VOWELS.sub("", unicodedata.normalize("NFKC", text))
    return _NOT_KATAKANA.sub("|", folded)


def _short_katakana(keyword: str) -> str:
    """A keyword written in katakana and short enough to be found inside ordinary hiragana: its katakana form."""
    form = _LONG_VOWELS.sub("", unicodedata.normalize("NFKC", keyword))
    return form if _KATAKANA_ONLY.fullmatch(form) and len(form) <= SHORT_KATAKANA else ""


def _pieces_in_order(term: _Term, q: _Query) -> bool:
    """Whether a keyword's pieces occur in the query in order, each close after the one before."""
    if term.stems:
        at = -1
        for piece in term.pieces:
            window = q.sequence if at < 0 else q.sequence[at + 1 : at + 1 + MAX_PIECE_GAP_WORDS + len(piece)]
            offset = 0 if at < 0 else at + 1
            found = next((i for i in range(len(window) - len(piece) + 1) if window[i : i + len(piece)] == piece), None)
            if found is None:
                return False
            at = offset + found + len(piece) - 1
        return True
    return _pieces_found(term.pieces, q.surface.replace(" ", ""), 0) or _pieces_found(term.pieces, q.reading, 1, q.inside_words)


def _pieces_found(pieces: tuple[tuple[str, ...], ...], text: str, form: int, inside: frozenset[int] = frozenset()) -> bool:
    """Japanese pieces in order in `text` (the compact surface, form 0, or the reading, form 1, where a piece may not
    start or end inside a kanji word), each at most `MAX_PIECE_GAP_KANA` characters after the one before."""
    end = -1
    for piece in pieces:
        needle = piece[form]
        start = text.find(needle, max(end, 0))
        while start != -1 and (start in inside or start + len(needle) in inside):
            start = text.find(needle, start + 1)
        if start == -1 or (end >= 0 and start - end > MAX_PIECE_GAP_KANA):
            return False
        end = start + len(needle)
    return True


class Matcher:
    """Index documents once; rank queries against them many times."""

    def __init__(self, documents: Iterable[MatchDocument], is_word: Callable[[str], bool] | None = None) -> None:
        """`is_word`, when given, tells an ordinary word of the language from a typo: only a typo is read as the
        closest stem of the index ("comply" is not a misspelt "complaints")."""
        self.documents = list(documents)
        self._is_word = is_word
        self._terms: list[_Term] = []
        self._term_id: dict[str, int] = {}
        self._term_docs: list[list[int]] = []
        self._term_grams: list[int] = []  # distinct reading bigrams per Japanese term
        self._by_gram: dict[str, list[int]] = defaultdict(list)  # reading bigram -> Japanese term ids
        self._by_stem: dict[str, list[int]] = defaultdict(list)  # first stem -> Latin term ids
        counts: dict[str, list[tuple[int, int]]] = defaultdict(list)  # passage token -> (doc, tf)
        doc_len: list[int] = []
        self._doc_text: list[str] = []
        self._phrases: list[str] = []
        self._phrase_doc: list[int] = []
        for index, doc in enumerate(self.documents):
            for text in doc.keywords:
                self._add_keyword(index, text)
            texts = [normalise(passage) for passage in doc.passages]
            self._doc_text.append(" | ".join(texts))
            tokens = [t for text in texts for t in _passage_tokens(text)]
            for token, tf in Counter(tokens).items():
                counts[token].append((index, tf))
            doc_len.append(len(tokens))
            for phrase in doc.phrases:
                self._phrases.append(reading(normalise(phrase)))
                self._phrase_doc.append(index)
        n = max(len(self.documents), 1)
        self._postings = self._bm25_postings(counts, doc_len, n)
        self._stem_vocabulary = {stem for term in self._terms for stem in term.stems} | {
            token for token in counts if token.isascii()
        }
        # A typo is mended to a stem of five letters or more: "start" is not a misspelt "stat".
        self._stem_list = sorted(s for s in self._stem_vocabulary if len(s) >= 5)
        self._term_weight = self._term_weights(counts, n)
        # Every pair of characters the index writes, to tell a mistyped kanji from another word (`_one_kanji_off`).
        self._known_pairs = frozenset(
            {token for token in counts if not token.isascii()}
            | {t.surface[i : i + 2] for t in self._terms if not t.stems for i in range(len(t.surface) - 1)}
        )

    def _add_keyword(self, doc: int, text: str) -> None:
        parts = [normalise(part) for part in text.split(PIECE_JOINER)]
        parts = [part for part in parts if part]
        surface = " … ".join(parts) if len(parts) > 1 else "".join(parts)
        if not surface:
            return
        term_id = self._term_id.get(surface)
        if term_id is None:
            term_id = self._term_id[surface] = len(self._terms)
            stems = tuple(english_stems(surface))
            is_latin = all(p.isascii() for p in parts) and bool(stems)
            pieces: tuple[tuple[str, ...], ...] = ()
            if len(parts) > 1:  # Latin: each piece's stems; Japanese: its compact surface and its reading
                pieces = tuple(tuple(english_stems(p)) if is_latin else (p.replace(" ", ""), reading(p).replace(" ", ""))
                               for p in parts)
            term = _Term(surface, "".join(p[1] for p in pieces) if pieces and not is_latin
                         else reading(surface).replace(" ", ""), stems if is_latin else (), pieces,
                         _short_katakana(text), kanji_count(surface))
            self._terms.append(term)
            self._term_docs.append([])
            if is_latin:
                self._by_stem[stems[0]].append(term_id)
            else:
                grams = set(char_ngrams(term.reading))
                for gram in grams:
                    self._by_gram[gram].append(term_id)
            self._term_grams.append(0 if is_latin else len(grams))
        if doc not in self._term_docs[term_id]:
            self._term_docs[term_id].append(doc)

    @staticmethod
    def _bm25_postings(
        counts: dict[str, list[tuple[int, int]]], doc_len: list[int], n: int
    ) -> dict[str, list[tuple[int, float]]]:
        """BM25 contributions computed at index time, each token's list cut to its strongest documents.

        The cut (static index pruning) bounds a query's work however common a token is; the documents dropped
        are those where the token matters least, so rankings at the top do not change in practice.
        """
        avg_len = (sum(doc_len) / n) or 1.0
        postings: dict[str, list[tuple[int, float]]] = {}
        for token, found in counts.items():
            idf = math.log(1 + (n - len(found) + 0.5) / (len(found) + 0.5))
            weighted = [
                (doc, idf * tf * (BM25_K1 + 1) / (tf + BM25_K1 * (1 - BM25_B + BM25_B * doc_len[doc] / avg_len)))
                for doc, tf in found
            ]
            weighted.sort(key=lambda pair: -pair[1])
            postings[token] = weighted[:POSTINGS_CAP]
        return postings

    def _term_weights(self, counts: dict[str, list[tuple[int, int]]], n: int) -> list[float]:
        """IDF times a length factor: a long term found in few documents says the most.

        Document frequency counts the documents that list the keyword *or* use it in their text, so a term
        that is everywhere in the policy ("個人データ", "personal data") weighs little even if only one entry
        lists it as a keyword.
        """
        weights = []
        for term, docs in zip(self._terms, self._term_docs):
            df = len(set(docs) | self._docs_using(term, counts))
            length = len(term.stems) * 3 if term.stems else len(term.reading)
            weights.append(math.log(1 + n / df) * min(1.0, 0.35 + length / 6))
        return weights

    def _docs_using(self, term: _Term, counts: dict[str, list[tuple[int, int]]]) -> set[int]:
        """Documents whose passages contain the term: candidates from the token counts, then checked."""
        docs: set[int] | None = None
        for token in set(_passage_tokens(term.surface)):
            found = {doc for doc, _ in counts.get(token, ())}
            docs = found if docs is None else docs & found
            if not docs:
                return set()
        if docs is None or term.stems:
            return docs or set()
        return {doc for doc in docs if term.surface in self._doc_text[doc]}

    def rank(self, query: str, limit: int = 10) -> list[Match]:
        """Documents best first, at most `limit`, all with a score above zero."""
        surface = normalise(query)
        if not surface:
            return []
        words = _LATIN_WORDS.findall(surface)
        sequence = tuple(self._spell(stem, word) for word, stem in zip(words, english_stems(surface)))
        q_reading, inside_words = _sentence_readings(query)
        q = _Query(surface, q_reading, inside_words, frozenset(sequence), sequence, _passage_tokens(surface),
                   _katakana_form(query))
        keyword_raw = self._score_keywords(q)
        passage_raw = self._score_passages(q)
        phrase = self._score_phrases(q)
        combined = {}
        for doc in set(keyword_raw) | set(passage_raw) | set(phrase):
            k = 1 - math.exp(-keyword_raw.get(doc, 0.0) / KEYWORD_SATURATION)
            p = passage_raw.get(doc, 0.0)
            p = p / (p + PASSAGE_SATURATION)
            f = phrase.get(doc, 0.0)
            combined[doc] = 1 - (1 - k) * (1 - PASSAGE_WEIGHT * p) * (1 - f)
        best = heapq.nsmallest(limit, combined.items(), key=lambda item: (-item[1], self.documents[item[0]].key))
        return [Match(self.documents[doc].key, score) for doc, score in best]

    def _spell(self, stem: str, word: str = "") -> str:
        """An English word the index has never seen is read as the closest one it has ("cookeis" -> cookie), unless
        it is an ordinary word (see `is_word`)."""
        if len(stem) < 5 or stem in self._stem_vocabulary or (self._is_word is not None and self._is_word(word)):
            return stem
        found = process.extractOne(stem, self._stem_list, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF)
        return found[0] if found else stem

    def _score_keywords(self, q: _Query) -> dict[int, float]:
        shared: Counter[int] = Counter()  # term id -> bigrams it shares with the query
        for gram in set(char_ngrams(q.reading)):
            shared.update(self._by_gram.get(gram, ()))
        candidates = {t for t, count in shared.items() if count * 2 >= self._term_grams[t]}
        for stem in q.stems:
            candidates.update(self._by_stem.get(stem, ()))
        compact_surface = q.surface.replace(" ", "")
        credited = {t: c for t in candidates if (c := self._term_credit(self._terms[t], q, compact_surface, self._known_pairs))}
        # "data protection" inside "data protection officer" is the longer keyword's evidence: the query names
        # the officer (§9), not protection (§6); "purpose" inside "outside…purpose" names §4's use outside the
        # purposes, not §3's purposes. An English keyword whose words are all among those of a longer one found too
        # counts for nothing in a document that does not list the longer one. Not so in Japanese, where a longer
        # compound is often a near-synonym (委託先 in 業務委託先).
        english = [(frozenset(self._terms[t].stems), self._term_docs[t]) for t in credited if self._terms[t].stems]
        matched: dict[int, list[tuple[float, _Term]]] = defaultdict(list)
        for term_id, credit in credited.items():
            term = self._terms[term_id]
            words = frozenset(term.stems)
            weight = credit * self._term_weight[term_id]
            for doc in self._term_docs[term_id]:
                if not (words and any(words < longer and doc not in docs for longer, docs in english)):
                    matched[doc].append((weight, term))
        scores: dict[int, float] = {}
        for doc, found in matched.items():
            # "email" inside "email address" is one piece of evidence, not two: count the longest only.
            found.sort(key=lambda pair: -len(pair[1].reading))
            kept: list[tuple[float, _Term]] = []
            for weight, term in found:
                if not any(term.reading in other.reading for _, other in kept):
                    kept.append((weight, term))
            scores[doc] = sum(weight for weight, _ in kept)
        return scores

    @staticmethod
    def _term_credit(term: _Term, q: _Query, compact_surface: str, known_pairs: frozenset[str]) -> float:
        if term.pieces:
            return 1.0 if _pieces_in_order(term, q) else 0.0
        if term.stems:
            return 1.0 if _in_order(term.stems, q.sequence) else 0.0
        if term.katakana:
            return 1.0 if term.katakana in q.katakana else 0.0
        if term.surface.replace(" ", "") in compact_surface or _found_on_word_edges(term.reading, q):
            return 1.0
        if len(term.reading) >= 5:
            found = fuzz.partial_ratio_alignment(term.reading, q.reading, score_cutoff=FUZZY_CUTOFF)
            # A near match must sit on word edges and cover some kanji: in kana-only text, near matches
            # are chance (照会 しょうかい vs …でしょうか).
            start, end = (found.dest_start, found.dest_end) if found else (0, 0)
            if found and start not in q.inside_words and end not in q.inside_words:
                if any(i in q.inside_words for i in range(start + 1, end)):
                    return 0.7 * found.score / 100
        if term.kanji > MIN_KANJI_KEPT and _one_kanji_off(term.surface, compact_surface, known_pairs):
            return MISTYPED_CREDIT
        return 0.0

    def _score_passages(self, q: _Query) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        for token in set(q.tokens):
            for doc, weight in self._postings.get(token, ()):
                scores[doc] += weight
        return scores

    def _score_phrases(self, q: _Query) -> dict[int, float]:
        if not self._phrases:
            return {}
        # The reading keeps its spaces, so English questions are compared word by word.
        found = process.extract(
            reading(q.surface), self._phrases, scorer=PHRASE_SCORER, limit=20, score_cutoff=PHRASE_FLOOR * 100
        )
        scores: dict[int, float] = {}
        for _, ratio, index in found:
            doc = self._phrase_doc[index]
            value = (ratio / 100 - PHRASE_FLOOR) / (1 - PHRASE_FLOOR)
            scores[doc] = max(scores.get(doc, 0.0), value)
        return scores
