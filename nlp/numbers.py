"""Counts in text: digits, number words, "a dozen", scales, and their qualifiers.

All words come from the claims lexicon (`nlp/data/claims_lexicon.json`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LIKE_NUM
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .syntax import lower_ids

# Entity labels whose numbers are never counts of things.
NON_COUNT_LABELS = {"TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
# Names a number may open ("Twelve Labs").
NAME_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC"}
COUNT_STARTS_KEY = "newsfacts.count_starts"  # doc.user_data key of `NumberReader.count_starts`
NUMBER_TOKENS_KEY = "newsfacts.number_tokens"  # ... and of `NumberReader.number_tokens`
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
CURRENCY = {"$", "€", "£", "¥", "₹", "₩", "US$", "HK$", "RMB", "yuan", "dollars", "euros"}
# Currencies named after the amount ("850 won a share"): words that are also verbs or
# names elsewhere ("Samsung won three awards"), so only right after a number
CURRENCY_AFTER = CURRENCY | {"won", "yen", "rupees", "rupiah", "naira", "shillings", "rand", "riyals", "dirhams",
                             "pesos", "reais", "lira", "pounds"}
PERCENT = {"%", "percent", "per", "pct"}
DEICTIC = {"last", "this", "next", "previous"}


@dataclass(frozen=True)
class Count:
    """A number in a sentence: tokens [start, end) of the doc, its value and qualifier."""

    start: int
    end: int
    value: int | float
    qualifier: str

    def root(self, doc_span: Span) -> Token:
        """The token of the number whose head lies outside it (its syntactic root)."""
        doc = doc_span.doc
        for i in range(self.end - 1, self.start - 1, -1):
            if not self.start <= doc[i].head.i < self.end or doc[i].head.i == i:
                return doc[i]
        return doc[self.end - 1]


class NumberReader:
    """Find counts in sentences, using word tables from the claims lexicon."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        self.words: dict[str, float] = lexicon.get("number_words", {})
        self.word_ids = numpy.array([get_string_id(word) for word in self.words], dtype=numpy.uint64)
        self.scales: dict[str, float] = lexicon.get("scale_words", {})
        self.scale_ids = numpy.array([get_string_id(word) for word in self.scales], dtype=numpy.uint64)
        self.vague = set(lexicon.get("vague_words", []))
        self.multipliers = set(lexicon.get("multiplier_words", []))
        self.time_nouns = set(lexicon.get("time_nouns", []))
        self.months = set(lexicon.get("month_names", []))
        self.distributive = set(lexicon.get("distributive_words", []))
        self.ranks = set(lexicon.get("rank_words", []))
        self.sequence_nouns = set(lexicon.get("sequence_nouns", []))
        quals: dict[str, str] = lexicon.get("qualifiers", {})
        # Longest phrase first, as token tuples.
        self.qualifiers = sorted(((tuple(k.split()), v) for k, v in quals.items()), key=lambda kv: -len(kv[0]))
        self.suffixes: dict[str, str] = lexicon.get("suffix_qualifiers", {})
        self.verb_qualifiers: dict[str, str] = lexicon.get("verb_qualifiers", {})

    def number_tokens(self, doc: Doc, lower: numpy.ndarray | None = None) -> numpy.ndarray:
        """Per token of the doc, whether it looks like a number or is a number word, read
        from the doc's arrays once per doc (kept in its user data). lower: the doc's LOWER array."""
        numbers = doc.user_data.get(NUMBER_TOKENS_KEY)
        if numbers is None:
            lower = lower if lower is not None else lower_ids(doc)
            numbers = doc.user_data[NUMBER_TOKENS_KEY] = (doc.to_array(LIKE_NUM) == 1) | numpy.isin(lower, self.word_ids)
        return numbers

    def word_value(self, token: Token) -> float | None:
        text = token.lower_
        if DIGITS.match(text):
            return float(text.replace(",", ""))
        return self.words.get(text)

    def count_starts(self, doc: Doc) -> numpy.ndarray:
        """Per token of the doc, whether `_count_at` can find a count there: a number
        (spaCy's like_num holds for every digit string `DIGITS` reads), a number word or a
        scale word ("a million"). Read from the doc's arrays once per doc (kept in its user data)."""
        starts = doc.user_data.get(COUNT_STARTS_KEY)
        if starts is None:
            lower = lower_ids(doc)
            starts = doc.user_data[COUNT_STARTS_KEY] = self.number_tokens(doc, lower) | numpy.isin(lower, self.scale_ids)
        return starts

    def counts(self, sent: Span) -> list[Count]:
        """Every count in the sentence, in order."""
        doc = sent.doc
        found: list[Count] = []
        end = sent.start
        for i in numpy.flatnonzero(self.count_starts(doc)[sent.start : sent.end]).tolist():
            if i + sent.start < end:
                continue  # inside the count just found ("thirty-seven", "1.8 billion")
            count = self._count_at(doc[i + sent.start], sent)
            if count is not None:
                found.append(count)
                end = count.end
        return found

    def _count_at(self, token: Token, sent: Span) -> Count | None:
        doc = token.doc
        value = self.word_value(token)
        if value is None and token.lower_ in self.scales and token.lower_ != "dozen" and token.i > sent.start \
                and doc[token.i - 1].lower_ == "a" and token.ent_type_ not in NON_COUNT_LABELS:
            # "more than a million public models"; not "a trillion-parameter model"
            if self._is_excluded(doc, token.i - 1, token.i + 1, self.scales[token.lower_], sent):
                return None
            return Count(token.i - 1, token.i + 1, int(self.scales[token.lower_]), self._qualifier(doc, token.i - 1, token.i + 1, sent))
        if value is None or ORDINAL.match(token.text):
            return None
        if token.ent_type_ in NON_COUNT_LABELS and not self._mislabelled_percent(token):
            return None
        if token.ent_type_ == "DATE" and self._is_date_part(token):
            return None
        if token.ent_type_ in NAME_LABELS and (token.ent_iob_ == "I" or token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"):
            return None  # part of a name: "Twelve Labs", "Gemma 2"
        if token.i > 0 and doc[token.i - 1].lower_ in self.months and token.is_digit and value <= 31:
            return None  # a day in a date the statistical model missed: "LONDON, Nov 20 (Reuters)"
        start, end = token.i, token.i + 1
        # "a dozen", "half a dozen"
        if token.lower_ == "dozen" and start > sent.start and doc[start - 1].lower_ in self.vague:
            return None  # "several dozen"
        if token.lower_ == "dozen" and start > sent.start and doc[start - 1].lower_ in ("a", "one"):
            start -= 1
            if start > sent.start and doc[start - 1].lower_ == "half":
                start, value = start - 1, value / 2
        elif token.lower_ == "one" and start > sent.start and doc[start - 1].lower_ in ("the", "that", "this"):
            return None  # "it rewards the one model people build on": which one, not how many
        elif token.lower_ == "one" and token.dep_ != "nummod" and not self._distributive_next(token, sent) \
                and not self._closing_one(token, sent) and not _baseline_one(token) and not _listed_one(token, sent):
            return None  # "one of", "no one", "American ones"; but "one each" counts
        # "thirty-seven"
        if end + 1 < sent.end and doc[end].text == "-" and not token.whitespace_:
            unit = self.word_value(doc[end + 1])
            if unit is not None and value >= 20 and value % 10 == 0 and unit < 10:
                value, end = value + unit, end + 2
        if token.lower_ in self.scales and start > sent.start and doc[start - 1].lower_ in self.vague:
            return None  # "several hundred", "a few thousand": no count
        # "1.8 billion", "100 million"
        while end < sent.end and doc[end].lower_ in self.scales:
            value, end = value * self.scales[doc[end].lower_], end + 1
        if self._is_excluded(doc, start, end, value, sent):
            return None
        number = int(value) if float(value).is_integer() else value
        return Count(start, end, number, self._qualifier(doc, start, end, sent))

    @staticmethod
    def _mislabelled_percent(token: Token) -> bool:
        """"10+ foundation models" tagged PERCENT: a PERCENT entity with no percent sign
        or word is a count."""
        if token.ent_type_ != "PERCENT":
            return False
        doc = token.doc
        start = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return not any(t.lower_ in PERCENT or t.text == "%" for t in doc[start:end])

    @staticmethod
    def _closing_one(token: Token, sent: Span) -> bool:
        """"followed with one.", "and Chinese ones just one,", "produced one.": a gapped or
        elided count ending its clause."""
        doc = token.doc
        nxt = doc[token.i + 1] if token.i + 1 < sent.end else None
        prev = doc[token.i - 1] if token.i > sent.start else None
        if prev is not None and prev.pos_ == "VERB" and token.dep_ == "dobj" and token.head.i == prev.i \
                and (nxt is None or nxt.is_punct or _time_phrase_at(doc, token.i + 1, sent)):
            return True  # "and IIT Madras produced one.", "released one last year", "has released one so far this year"
        return (nxt is None or nxt.is_punct) and prev is not None and prev.lower_ in ("with", "at", "for", "just", "only")

    def _distributive_next(self, token: Token, sent: Span) -> bool:
        return token.i + 1 < sent.end and token.doc[token.i + 1].lower_ in self.distributive

    def _is_date_part(self, token: Token) -> bool:
        """A number in a date ("three years", "August 31"); the statistical DATE label
        alone is not trusted ("40+ large language models" gets it too)."""
        doc = token.doc
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in DEICTIC:
            return False  # "released four last year"
        near = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        if abs(token.head.i - token.i) <= 2:  # not "released four last year"
            near.append(token.head)
        return any(t.lower_ in self.time_nouns for t in near)

    def _is_excluded(self, doc: Any, start: int, end: int, value: float, sent: Span) -> bool:
        before = doc[start - 1] if start > sent.start else None
        after = doc[end] if end < sent.end else None
        if after is not None and (after.lower_ in PERCENT or after.ent_type_ == "PERCENT"
                                  and not self._mislabelled_percent(after)):
            return True
        if before is not None and before.text in CURRENCY or after is not None and after.lower_ in CURRENCY_AFTER:
            return True
        if after is not None and after.text.startswith("^") or before is not None and before.lower_ in ("x", "×", "^"):
            return True  # "4 x 10^26 operations": arithmetic, not a count
        # Parts of hyphenated compounds: "72-billion-parameter", "three-year", "hundred-model".
        if after is not None and after.text == "-" and not doc[end - 1].whitespace_:
            return end + 1 >= sent.end or doc[end + 1].lower_ != "plus"
        if before is not None and before.text == "-" and not before.whitespace_:
            return True
        if before is not None and before.pos_ == "PROPN" and end - start == 1 and (
                "." in doc[start].text or before.ent_type_ == "PRODUCT" and doc[start].text.isdigit()
                or doc[start].text.isdigit() and before.ent_type_ not in ("COUNTRY", "GPE")
                and after is not None and after.is_alpha and after.pos_ in ("NOUN", "PROPN", "ADJ")
                and (before.ent_type_ != "ORG" and any(t.like_num for t in doc[max(sent.start, start - 5) : start - 1])
                     or before.ent_type_ == "ORG" and after.lemma_.lower() not in ("model", "llm"))):
            # a version: "Pangu 3.0", "WuDao 2.0", "Gemini 3", "four multimodal Gemma 3 models",
            # "the MareNostrum 5 supercomputer"
            return True
        if before is not None and before.lower_ in self.ranks and before.pos_ != "VERB":
            return True  # "the top five": a rank, not a count (but "models top 400" is one)
        if before is not None and before.lower_ in self.sequence_nouns \
                and not (after is not None and not after.is_punct and doc[end - 1].head.i >= end):
            return True  # "day two", "Phase 3", "in round two": a name in a sequence, not a count
        if after is not None and (after.lower_ in self.vague or after.lower_ in self.multipliers):
            return True
        following = [t.lower_ for t in doc[end + 1 : min(end + 3, sent.end)]] if after is not None and after.lower_ == "at" else []
        if following[:1] == ["once"] or following == ["a", "time"]:
            return True  # "usually 64 at a time": a batch size, not a count
        # Years: 1900-2100 written without a thousands separator.
        text = doc[start].text
        return end - start == 1 and text.isdigit() and len(text) == 4 and 1900 <= value <= 2100

    def _qualifier(self, doc: Any, start: int, end: int, sent: Span) -> str:
        before = tuple(t.lower_ for t in doc[max(sent.start, start - 4) : start])
        for phrase, qualifier in self.qualifiers:
            if len(phrase) <= len(before) and before[len(before) - len(phrase) :] == phrase:
                return qualifier
        if before[-1:] == ("past",) and before[-2:-1] not in (("the",), ("its",)):
            return "more_than"  # "taking the total past 300", not "the past three years"
        verb = doc[start - 1] if start > sent.start else None
        if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in self.verb_qualifiers:
            return self.verb_qualifiers[verb.lemma_.lower()]  # "models top 400", "exceeded 300"
        if end < sent.end:
            after = doc[end].lower_
            if after == "-" and end + 1 < sent.end:
                after = "-" + doc[end + 1].lower_
            if after in self.suffixes:
                return self.suffixes[after]
            if end + 1 < sent.end and f"{after} {doc[end + 1].lower_}" in self.suffixes:
                return self.suffixes[f"{after} {doc[end + 1].lower_}"]
        return "exact"


def _baseline_one(token: Token) -> bool:
    """"up from one the year before": a baseline of one, not "from one of its labs"."""
    return token.dep_ == "pobj" and token.head.lower_ == "from" and not any(c.lower_ == "of" for c in token.children) \
        and token.head.head.lower_ in ("up", "down", "rising", "rose", "falling", "fell", "growing", "grew", "jumping",
                                       "jumped", "increase", "increased", "climbing", "climbed")


def _listed_one(token: Token, sent: Span) -> bool:
    """"- Kestrel Labs — one, Falcon Mini, ...": the count of a list line, after a name and a dash or colon."""
    doc = token.doc
    return token.i - 2 >= sent.start and doc[token.i - 1].text in ("—", "–", "-", ":") \
        and doc[token.i - 2].pos_ == "PROPN" and token.i + 1 < len(doc) and doc[token.i + 1].text in (",", "(")


def _time_phrase_at(doc: Doc, i: int, sent: Span) -> bool:
    """Whether a time phrase starts at token i of the sentence: a DATE ("last year"), "so
    far" or "to date", or a preposition before a DATE ("in 2023", "since March")."""
    if i >= sent.end:
        return False
    token = doc[i]
    after = doc[i + 1] if i + 1 < sent.end else None
    if token.ent_type_ == "DATE":
        return True
    if after is None:
        return False
    return (token.lower_, after.lower_) in (("so", "far"), ("to", "date")) \
        or token.lower_ in ("in", "since", "during", "over") and after.ent_type_ == "DATE"
