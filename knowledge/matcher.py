"""A small ranked matcher over bilingual documents, shared by the policy search and the inquiry triage.

Each document carries three kinds of text, each matched the way it is best matched:

- **keywords**: short terms and synonyms ("開示請求", "見せて", "copy of my data"). A Japanese keyword matches when
  its normalised form or its hiragana reading occurs in the query's (so さくじょ meets 削除), or, for longer ones,
  when RapidFuzz's `partial_ratio` finds it nearly; an English keyword matches when all its stems are among the
  query's stems. Rare keywords weigh more (inverse document frequency), long ones more than short ones.
- **passages**: running text (the policy text and its English rendering), scored with BM25 over character bigrams
  for Japanese and Snowball stems for English.
- **phrases**: example questions, compared whole with RapidFuzz's `token_set_ratio` on their readings.

The three signals are combined into one score in [0, 1) (a noisy-or, so agreeing signals reinforce each other);
callers decide the threshold below which they abstain. Postings lists keep a query's work proportional to the
terms it shares with the index, so a query stays in milliseconds with ten thousand documents.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from knowledge.text import char_ngrams, english_stems, normalise, reading

#: Weights of the noisy-or: keywords are curated and most trusted, example questions next, running text last.
KEYWORD_SATURATION = 2.2
PASSAGE_SATURATION = 9.0
PASSAGE_WEIGHT = 0.55
PHRASE_FLOOR = 0.55
FUZZY_CUTOFF = 86.0
BM25_K1 = 1.2
BM25_B = 0.6


@dataclass(frozen=True)
class MatchDocument:
    """Something to be found: a policy entry, an FAQ entry, a request type."""

    key: str
    keywords: Sequence[str] = ()
    passages: Sequence[str] = ()
    phrases: Sequence[str] = ()


@dataclass(frozen=True)
class Match:
    """One ranked document; `terms` are the keywords that matched, for explaining a result."""

    key: str
    score: float
    keyword_score: float = 0.0
    passage_score: float = 0.0
    phrase_score: float = 0.0
    terms: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Keyword:
    doc: int
    text: str
    surface: str
    reading: str
    stems: tuple[str, ...]


@dataclass
class _Query:
    surface: str
    reading: str
    stems: frozenset[str]
    tokens: list[str]


def _passage_tokens(normalised: str) -> list[str]:
    return char_ngrams(normalised) + english_stems(normalised)


class Matcher:
    """Index documents once; rank queries against them many times."""

    def __init__(self, documents: Iterable[MatchDocument]) -> None:
        self.documents = list(documents)
        self._keywords: list[_Keyword] = []
        self._by_gram: dict[str, list[int]] = defaultdict(list)  # reading bigram -> Japanese keyword ids
        self._by_stem: dict[str, list[int]] = defaultdict(list)  # first stem -> English keyword ids
        self._postings: dict[str, list[tuple[int, int]]] = defaultdict(list)  # passage token -> (doc, tf)
        self._doc_len: list[int] = []
        self._doc_text: list[str] = []
        self._phrases: list[str] = []
        self._phrase_doc: list[int] = []
        for index, doc in enumerate(self.documents):
            self._index_keywords(index, doc.keywords)
            texts = [normalise(passage) for passage in doc.passages]
            self._doc_text.append(" | ".join(texts))
            tokens = [t for text in texts for t in _passage_tokens(text)]
            for token, tf in Counter(tokens).items():
                self._postings[token].append((index, tf))
            self._doc_len.append(len(tokens))
            for phrase in doc.phrases:
                self._phrases.append(reading(normalise(phrase)))
                self._phrase_doc.append(index)
        n = max(len(self.documents), 1)
        self._avg_len = (sum(self._doc_len) / n) or 1.0
        self._idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self._postings.items()}
        self._keyword_weight = self._keyword_weights(n)

    def _index_keywords(self, doc: int, keywords: Sequence[str]) -> None:
        seen: set[str] = set()
        for text in keywords:
            surface = normalise(text)
            if not surface or surface in seen:
                continue
            seen.add(surface)
            stems = tuple(english_stems(surface))
            is_latin = surface.isascii() and bool(stems)
            kid = len(self._keywords)
            self._keywords.append(_Keyword(doc, text, surface, reading(surface), stems if is_latin else ()))
            if is_latin:
                self._by_stem[stems[0]].append(kid)
            else:
                for gram in set(char_ngrams(self._keywords[kid].reading.replace(" ", ""))):
                    self._by_gram[gram].append(kid)

    def _keyword_weights(self, n: int) -> list[float]:
        """IDF times a length factor: a long term found in few documents says the most.

        Document frequency counts the documents that list the keyword *or* use it in their text, so a term
        that is everywhere in the policy ("個人データ", "personal data") weighs little even if only one entry
        lists it as a keyword.
        """
        docs_with: dict[str, set[int]] = defaultdict(set)
        for kw in self._keywords:
            docs_with[kw.reading].add(kw.doc)
        weights = []
        cache: dict[str, int] = {}
        for kw in self._keywords:
            if kw.surface not in cache:
                cache[kw.surface] = len(docs_with[kw.reading] | self._docs_using(kw))
            idf = math.log(1 + n / cache[kw.surface])
            length = len(kw.stems) * 3 if kw.stems else len(kw.reading.replace(" ", ""))
            weights.append(idf * min(1.0, 0.35 + length / 6))
        return weights

    def _docs_using(self, kw: _Keyword) -> set[int]:
        """Documents whose passages contain the keyword: candidates from the postings, then checked."""
        tokens = set(_passage_tokens(kw.surface))
        if not tokens:
            return set()
        docs: set[int] | None = None
        for token in tokens:
            found = {doc for doc, _ in self._postings.get(token, ())}
            docs = found if docs is None else docs & found
            if not docs:
                return set()
        assert docs is not None
        if kw.stems:
            return docs
        return {doc for doc in docs if kw.surface in self._doc_text[doc]}

    def rank(self, query: str, limit: int = 10) -> list[Match]:
        """Documents best first, at most `limit`, all with a score above zero."""
        surface = normalise(query)
        if not surface:
            return []
        q = _Query(surface, reading(surface), frozenset(english_stems(surface)), _passage_tokens(surface))
        keyword_raw, terms = self._score_keywords(q)
        passage_raw = self._score_passages(q)
        phrase = self._score_phrases(q)
        matches = []
        for doc in set(keyword_raw) | set(passage_raw) | set(phrase):
            k = 1 - math.exp(-keyword_raw.get(doc, 0.0) / KEYWORD_SATURATION)
            p = passage_raw.get(doc, 0.0)
            p = p / (p + PASSAGE_SATURATION)
            f = phrase.get(doc, 0.0)
            score = 1 - (1 - k) * (1 - PASSAGE_WEIGHT * p) * (1 - f)
            matches.append(Match(self.documents[doc].key, score, k, p, f, tuple(terms.get(doc, ()))))
        matches.sort(key=lambda m: (-m.score, m.key))
        return matches[:limit]

    def _score_keywords(self, q: _Query) -> tuple[dict[int, float], dict[int, list[str]]]:
        candidates: set[int] = set()
        q_reading = q.reading.replace(" ", "")
        for gram in set(char_ngrams(q_reading)):
            candidates.update(self._by_gram.get(gram, ()))
        for stem in q.stems:
            candidates.update(self._by_stem.get(stem, ()))
        matched: dict[int, list[tuple[float, _Keyword]]] = defaultdict(list)
        for kid in candidates:
            kw = self._keywords[kid]
            credit = self._keyword_credit(kw, q, q_reading)
            if credit:
                matched[kw.doc].append((credit * self._keyword_weight[kid], kw))
        scores: dict[int, float] = {}
        terms: dict[int, list[str]] = {}
        for doc, found in matched.items():
            # "email" inside "email address" is one piece of evidence, not two: count the longest only.
            found.sort(key=lambda pair: -len(pair[1].reading))
            kept: list[tuple[float, _Keyword]] = []
            for weight, kw in found:
                if not any(kw.reading in other.reading for _, other in kept):
                    kept.append((weight, kw))
            scores[doc] = sum(weight for weight, _ in kept)
            terms[doc] = [kw.text for _, kw in kept]
        return scores, terms

    @staticmethod
    def _keyword_credit(kw: _Keyword, q: _Query, q_reading: str) -> float:
        if kw.stems:
            return 1.0 if all(s in q.stems for s in kw.stems) else 0.0
        kw_reading = kw.reading.replace(" ", "")
        if kw.surface.replace(" ", "") in q.surface.replace(" ", "") or kw_reading in q_reading:
            return 1.0
        if len(kw_reading) >= 5:
            ratio = fuzz.partial_ratio(kw_reading, q_reading, score_cutoff=FUZZY_CUTOFF)
            return 0.7 * ratio / 100 if ratio else 0.0
        return 0.0

    def _score_passages(self, q: _Query) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        for token in set(q.tokens):
            idf = self._idf.get(token)
            if idf is None:
                continue
            for doc, tf in self._postings[token]:
                norm = BM25_K1 * (1 - BM25_B + BM25_B * self._doc_len[doc] / self._avg_len)
                scores[doc] += idf * tf * (BM25_K1 + 1) / (tf + norm)
        return scores

    def _score_phrases(self, q: _Query) -> dict[int, float]:
        if not self._phrases:
            return {}
        found = process.extract(
            q.reading, self._phrases, scorer=fuzz.token_set_ratio, limit=20, score_cutoff=PHRASE_FLOOR * 100
        )
        scores: dict[int, float] = {}
        for _, ratio, index in found:
            doc = self._phrase_doc[index]
            value = (ratio / 100 - PHRASE_FLOOR) / (1 - PHRASE_FLOOR)
            scores[doc] = max(scores.get(doc, 0.0), value)
        return scores
