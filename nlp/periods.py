"""Time expressions in sentences, resolved to years against the publication date.

Kinds of expression:
- point: one year ("in 2022", "last year", "the following year");
- range: years a..b ("over the past three years", "since 2020", "in the six months since");
- asof: a stock at a date ("by October", "as of June", "at that time");
- soft: a day, week or month ("last week", "in June"): a point, or an as-of date when
  the clause counts a stock;
- stock: no date, but the count is a stock now ("now", "already", "to date").
Phrases come from the claims lexicon; month-level dates go through a date resolver
(dateparser by default, swappable through the config).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

from .syntax import clause_verb, lower_words

YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
MONTH = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|ember|ober)?\.?")
YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s?[–—-]\s?(?:19|20)?\d\d")
SHORT_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s?[–—/-]\s?(\d\d)\b")
AT_EDGE = re.compile(r"^the (?:start|end|beginning|close) of ")  # "at the start of 2023": a point in time
DATA_NOUNS = {"figure", "data", "tally", "count", "number", "statistic", "report", "edition", "ranking", "list", "census", "survey"}
FUTURE_LEMMAS = {"will", "shall", "plan", "intend", "expect", "aim", "schedule", "due"}
PRIOR_YEARS = re.compile(r"^(?:the )?(?:previous|prior|preceding) (\w+) years(?: combined)?$")
PAST_YEARS = re.compile(r"^(?:the )?(?:past|last|previous|preceding) (\w+) (years?|months?|weeks?)$")
DURATION = re.compile(r"^(?:the )?(?:\w+ )?(\w+|\d+) (days?|weeks?|months?|years?)$")
BARE_DURATION = re.compile(r"^(?:the )?(?:\w+ )?(\w+)(?:-\w+)? (?:days?|weeks?|months?|years?|decades?)$")
VAGUE_AMOUNTS = ("a", "an", "few", "several", "many", "some", "couple")
YEAR_END = re.compile(r"^(?:the )?(?:year[- ]end|end[- ]year|end of (?:the )?year|year's end)$")
YEAR_END_GRACE_MONTHS = 2
# Nouns a year may modify and still be a period ("the 2024 period", "its 2023 fiscal year").
TIME_HEADS = ("year", "years", "period", "quarter", "half", "season", "cycle")
RANGE_TAIL = re.compile(r"\s+(?:through|until|till|to)\s+.*$")
# "this year alone", "in 2023 only": an emphasis after the date does not change it.
EMPHASIS_TAIL = re.compile(r"\s+(?:alone|only)$")
# Marks of a contrasting clause with a time of its own ("..., while Upstage released two in 2024").
CONTRAST_MARKS = ("while", "whereas", "whilst", "although", "though")
# Parts of a year, and references back to one ("the previous quarter", "the July-September period").
PART_WORDS = re.compile(r"\b(?:quarter|half|q[1-4]|h[12])\b")
PART_REF = re.compile(rf"^(?:the )?(?:(?P<back>previous|prior|preceding|last|past)|same|following|next|latest)?\s?"
                      rf"(?:quarter|three months|three-month period|(?P<m1>{MONTH.pattern})\s?[-–]\s?(?P<m2>{MONTH.pattern})"
                      rf"(?: period| quarter)?)$")
PERIOD_TO = re.compile(r"^(?:the )?(\w+) (months?|years?) (?:to|through|ending|ended|until) (.+)$")
# "between January and May", "August to December" (its "from" left outside the entity)
SEASON = re.compile(r"(last|this|the) (summer|winter|spring|autumn|fall)", re.IGNORECASE)
SEASON_MONTH = {"winter": 1, "spring": 4, "summer": 7, "autumn": 10, "fall": 10}
MONTH_SPAN = re.compile(rf"^(?:(?:between|from)\s+)?({MONTH.pattern}(?:\s+\d{{4}})?)\s+(?:and|to|through|until)\s+({MONTH.pattern}(?:\s+\d{{4}})?)$")
RANGE_JOINERS = ("and", "to", "through", "until", "-", "–")
QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|q1|q2|q3|q4) (quarter|half)\b|\b(q[1-4])\b")
QUARTER_START = {"first": 1, "1st": 1, "q1": 1, "second": 4, "2nd": 4, "q2": 4, "third": 7, "3rd": 7, "q3": 7,
                 "fourth": 10, "4th": 10, "q4": 10}

DateResolver = Callable[[str, date], "date | None"]
NAME_TYPES = ("ORG", "PERSON", "COUNTRY", "GPE")  # whose modifiers tell their own history
Years = tuple["int | None", "int | None"]
# "the same period" / "the same two years": resolved by the claim extractor from earlier claims
# "over the same period", "the same two years"; "over the three years" after a named span is that span
SAME = re.compile(r"^(?:(?:the )?same (?:period|time|(\w+ )?(?:years?|months?|weeks?|days?))"
                  r"|the ((?:two|three|four|five|six|seven|eight|nine|ten|\d+) )years)$")
SAME_SPAN = -1  # year_start of a "same" expression naming a duration: the last multi-year period


@dataclass(frozen=True)
class TimeExpr:
    """A resolved time expression: tokens [start, end), its root token and its years."""

    start: int
    end: int
    root: int
    kind: str
    year_start: int | None
    year_end: int | None


def _months_back(published: date, amount: int, unit: str) -> int:
    if unit.startswith("year"):
        return published.year - amount
    months = amount if unit.startswith("month") else 0
    days = amount * (7 if unit.startswith("week") else 1) if unit[0] in "dw" else 0
    index = published.year * 12 + published.month - 1 - months - days // 30
    return index // 12


class PeriodReader:
    """Find and resolve time expressions with the phrases of the claims lexicon."""

    def __init__(self, lexicon: dict[str, Any], resolve_date: DateResolver) -> None:
        self.numbers: dict[str, float] = lexicon.get("number_words", {})
        self.relative: dict[str, list[int | str]] = lexicon.get("period_relative", {})
        self.relative_keys = sorted(self.relative, key=len, reverse=True)
        self.asof_preps = set(lexicon.get("asof_prepositions", []))
        # First word -> (phrase, kind), so a sentence is scanned once.
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for key, kind in (("asof_phrases", "asof"), ("stock_words", "stock"), ("same_period_phrases", "same")):
            for phrase in lexicon.get(key, []):
                words = tuple(phrase.split())
                self.phrases.setdefault(words[0], []).append((words, kind))
        # multi-word relative years by first word, to find those the model left unlabelled
        self.relative_starts: dict[str, list[tuple[str, ...]]] = {}
        for key in self.relative_keys:
            if " " in key:
                self.relative_starts.setdefault(key.split()[0], []).append(tuple(key.split()))
        # first words of both, to skip the word scans of a sentence that has none
        self.start_ids = numpy.array([get_string_id(word) for word in {*self.phrases, *self.relative_starts}],
                                     dtype=numpy.uint64)
        alternatives = "|".join(re.escape(k) for k in self.relative_keys)
        self.relative_re = re.compile(rf"(?:^|\b)({alternatives})$") if alternatives else None
        self.resolve_date = resolve_date
        prefixes = "|".join(re.escape(p) for p in sorted(lexicon.get("date_prefixes", []), key=len, reverse=True))
        self.date_prefix = re.compile(rf"^(?:{prefixes})\s*") if prefixes else None

    def phrase_starts(self, lower_ids: numpy.ndarray) -> numpy.ndarray:
        """For each token (by its LOWER id) whether a phrase or relative year can start
        there; one call per doc, since numpy.isin costs as much on a sentence as on a doc."""
        return numpy.isin(lower_ids, self.start_ids)

    def _amount(self, word: str) -> int | None:
        if word.isdigit():
            return int(word)
        value = self.numbers.get(word)
        return int(value) if value is not None else None

    def expressions(
        self, sent: Span, ents: list[Span], published: date | None, last_year: int | None, phrases: bool = True,
        claim_year: int | None = None, part_year: int | None = None, starts: numpy.ndarray | None = None,
    ) -> tuple[list[TimeExpr], int | None, int | None]:
        """Time expressions of a sentence in order, the last year mentioned after it, and
        the year of the last part of a year mentioned ("the third quarter"), for "the
        previous quarter" and "the July-September period".

        ents (list[Span]): the sentence's entities. starts: for each of its tokens whether
        a phrase or relative year can start there (`phrase_starts`), when the caller has it. phrases (bool): also look for as-of
        and stock phrases ("at that time", "now"), needed only where there are counts.
        """
        found: list[TimeExpr] = []
        doc = sent.doc
        covered: set[int] = set()
        # "2023–2024" is often tagged a number
        dates = [e for e in ents if e.label_ == "DATE" or e.label_ == "CARDINAL" and YEAR_SPAN.fullmatch(e.text)]
        scan = starts is None or bool(starts.any())
        words = lower_words(sent) if scan else []
        for ent in sorted([*dates, *self._unlabelled_relatives(sent, dates, words)], key=lambda e: e.start):
            covered.update(range(ent.start, ent.end))
            expr = self._classify(ent, published, last_year, claim_year, part_year)
            if expr is not None:
                found.append(expr)
                if expr.kind in ("soft", "point") and PART_WORDS.search(ent.text.lower()):
                    part_year = expr.year_end
                # "on Wednesday" names no year, but "in December" said in January names the last one
                if expr.year_end is not None and (expr.kind != "soft" or published is not None
                                                  and expr.year_end != published.year):
                    named = [int(y) for y in YEAR.findall(ent.text)]
                    # "since the chatbot's debut in 2022 ... at that time": the year the text names
                    last_year = expr.year_start if expr.kind == "range" and named == [expr.year_start] else expr.year_end
                    if named or expr.kind == "point":
                        # "three in 2020; the following year 26", "seven last year, up from four the
                        # previous year": this sentence's year counts
                        claim_year = None
        for i, word in enumerate(words if phrases else ()):
            for phrase, kind in self.phrases.get(word, ()):
                n = len(phrase)
                start = sent.start + i
                if tuple(words[i : i + n]) != phrase or covered.intersection(range(start, start + n)):
                    continue
                year = last_year if kind == "asof" else (published.year if published else None)
                if kind == "asof" and year is None:
                    continue
                found.append(TimeExpr(start, start + n, start, kind, None, None if kind == "same" else year))
                covered.update(range(start, start + n))
        found.sort(key=lambda e: e.start)
        return self._join_ranges(found, doc), last_year, part_year

    def _unlabelled_relatives(self, sent: Span, dates: list[Span], words: list[str]) -> list[Span]:
        """Relative years the statistical model did not label ("The following year
        American developers put out 41"), as DATE spans. words: the sentence's, lower-cased."""
        taken = {i for e in dates for i in range(e.start, e.end)}
        spans: list[Span] = []
        for i, word in enumerate(words):
            for phrase in self.relative_starts.get(word, ()):
                start = sent.start + i
                end = start + len(phrase)
                if tuple(words[i : i + len(phrase)]) == phrase and not taken.intersection(range(start, end)):
                    spans.append(Span(sent.doc, start, end, label="DATE"))
                    taken.update(range(start, end))
        return spans

    @staticmethod
    def _join_ranges(found: list[TimeExpr], doc: Any) -> list[TimeExpr]:
        """"between August 2022 and August 2023", "from 2021 to 2022": one range."""
        joined: list[TimeExpr] = []
        for expr in found:
            if joined:
                prev = joined[-1]
                # the opener may sit inside the first date ("between March 2022" tagged whole)
                opener = doc[prev.start].lower_ if doc[prev.start].lower_ in ("between", "from") else \
                    doc[prev.start - 1].lower_ if prev.start > 0 else ""
                between = doc[prev.end : expr.start]
                if (opener in ("between", "from", "in", "during") and len(between) == 1 and between[0].lower_ in RANGE_JOINERS
                        and prev.year_start is not None and expr.year_end is not None):
                    joined[-1] = TimeExpr(prev.start, expr.end, prev.root, "range", prev.year_start, expr.year_end)
                    continue
            joined.append(expr)
        return joined

    def _classify(self, ent: Span, published: date | None, last_year: int | None,
                  claim_year: int | None = None, part_year: int | None = None) -> TimeExpr | None:
        doc = ent.doc
        # the model may take the comma after a fronted time into it: "the year before, two"
        text = EMPHASIS_TAIL.sub("", ent.text.lower().strip().rstrip(",").rstrip())
        prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        prev2 = f"{doc[ent.start - 2].lower_} {prev}" if ent.start > 1 else prev
        nxt = doc[ent.end].lower_ if ent.end < len(doc) else ""
        asof = prev in self.asof_preps or prev2 in self.asof_preps or prev == "at" and AT_EDGE.match(ent.text.lower()) is not None
        if prev in ("in", "of") and "since" in [t.lower_ for t in doc[max(0, ent.start - 9) : ent.start - 1]
                                               if not t.is_sent_start or t.lower_ == "since"]:
            prev = "since"  # "since its founding in July 2023"
        elif any(c.dep_ == "mark" and c.lower_ == "since" for a in list(ent.root.ancestors)[:2] for c in a.children):
            prev = "since"  # "since it was founded last April"
        elif ent.root.head.lower_ != "since" and any(
                t.lower_ == "since" and t.dep_ == "prep" and ent.root.is_ancestor(t) is False and t.is_ancestor(ent.root)
                for t in doc[max(0, ent.start - 4) : ent.start]):
            prev = "since"  # "since Ernie's 2019 debut"

        def make(kind: str, a: int | None, b: int | None) -> TimeExpr:
            return TimeExpr(ent.start, ent.end, ent.root.i, kind, a, b)

        pub = published.year if published else None
        same = SAME.match(text)
        if same:
            return make("same", SAME_SPAN if same.group(1) or same.group(2) else None, None)
        # "this year through the end of November": the period is its first part.
        text = RANGE_TAIL.sub("", text) if self._relative(RANGE_TAIL.sub("", text), pub, last_year, claim_year) else text
        relative = self._relative(text, pub, last_year, claim_year)
        if relative is None and text in ("the year", "the quarter", "the month") and prev in ("during", "over", "through", "in") \
                and (last_year is not None or pub is not None):
            # "said in December that it launched 11 during the year", "during the quarter"
            year = part_year if text != "the year" and part_year is not None else last_year if last_year is not None else pub
            relative = (year, year)
        event_year = last_year if last_year is not None else pub
        if relative is None and text == "the year" and nxt in ("before", "after") and event_year is not None \
                and doc[ent.end].dep_ == "mark":
            # "the year before the law took effect": of the event the story last dated, else a recent one
            relative = (event_year + (-1 if nxt == "before" else 1),) * 2
        part = PART_REF.match(text) if relative is None else None
        if part is not None and (part_year is not None or pub is not None):
            # "in the previous quarter", "the July-September period": of the quarter the story is about
            months = [m for m in (part.group("m1"), part.group("m2")) if m]
            resolved_end = self.resolve_date(months[-1], published) if months and published is not None else None
            year = resolved_end.year if resolved_end is not None else part_year if part_year is not None else pub
            if not months and part.group("back") and part_year is None and published is not None:
                year = published.year - (1 if published.month <= 3 else 0)  # "last quarter": the one before publication
            relative = (year, year)
        to_end = PERIOD_TO.match(text) if relative is None and published is not None else None
        if to_end is not None and (n := self._amount(to_end.group(1))) is not None:
            # "in the 12 months to June": a span ending at that month
            end = self.resolve_date(to_end.group(3), published)
            if end is not None:
                months_back = n * (12 if to_end.group(2).startswith("year") else 1)
                start_year = (end.year * 12 + end.month - months_back) // 12  # the span's first month's year
                return make("range" if start_year != end.year else "point", start_year, end.year)
        if relative is not None:
            if asof:
                return make("asof", None, relative[1])
            if prev == "since" and pub is not None:
                return make("range", relative[0], pub)  # "since last year"
            return make("point" if relative[0] == relative[1] else "range", *relative)
        match = PRIOR_YEARS.match(text)
        base = claim_year if claim_year is not None else last_year
        if match and base is not None and (n := self._amount(match.group(1))) is not None:
            # "seven in 2024, after three in the prior two years": the years before the story's last one
            return make("range", base - n, base - 1)
        match = PAST_YEARS.match(text)
        if match and published is not None and (n := self._amount(match.group(1))) is not None:
            return make("range", _months_back(published, n, match.group(2)), pub)
        match = DURATION.match(text)
        if match and (nxt == "since" or prev in ("in", "over", "within") and "year" in match.group(2)) \
                and published is not None and (n := self._amount(match.group(1))) is not None:
            # "in the six months since ...", "open-sourced 100 models in two years"
            return make("range", _months_back(published, n, match.group(2)), pub)
        if text.replace(",", "").isdigit() and not YEAR.fullmatch(text) or all(
                t.like_num and not YEAR.fullmatch(t.text) or t.pos_ in ("CCONJ", "PUNCT") for t in ent):
            return None  # a count the statistical model took for a date ("the US for 35", "five and three")
        years = sorted({int(y) for y in YEAR.findall(text)})
        short = SHORT_YEAR_SPAN.search(text)
        if short is not None and int(short.group(2)) > int(short.group(1)[2:]):  # "2023–24", not "2024-08-30"
            years = [int(short.group(1)), int(short.group(1)[:2] + short.group(2))]
        if len(years) > 1:
            return make("range", years[0], years[-1])
        if years:
            if asof:
                return make("asof", None, years[0])
            return make("range", years[0], pub) if prev == "since" and pub else make("point", years[0], years[0])
        bare = BARE_DURATION.match(text)
        if published is None or bare and (self._amount(bare.group(1)) is not None or bare.group(1) in VAGUE_AMOUNTS):
            return None
        season = SEASON.fullmatch(text)
        if season is not None:
            # "by last summer" said in January: the summer before; in October: this year's
            start = SEASON_MONTH[season.group(2).lower()]
            year = published.year if season.group(1).lower() == "this" or start + 2 < published.month else published.year - 1
            return make("asof", None, year) if asof else make("point", year, year)
        if YEAR_END.match(text):
            # early in a year, "by year-end" is the year-end just past
            year = published.year - (1 if published.month <= YEAR_END_GRACE_MONTHS else 0)
            return make("asof", None, year) if asof else make("soft", year, year)
        resolved = self.resolve_date(text, published)
        if resolved is None and self.date_prefix is not None and self.date_prefix.match(text):
            rest = self.date_prefix.sub("", text)  # "the end of March" -> "March"
            relative = self._relative(rest, pub, last_year, claim_year)
            resolved = date(relative[1], 1, 1) if relative else self.resolve_date(rest, published) if rest else None
            if resolved is not None and text.startswith("last ") and MONTH.fullmatch(rest) and (resolved.year, resolved.month) >= (
                    published.year, published.month):
                resolved = date(resolved.year - 1, resolved.month, 1)  # "last May" said in May: a year ago
            base = claim_year if claim_year is not None else last_year
            if resolved is None and rest == "the year" and base is not None:
                resolved = date(base, 1, 1)  # "in the first half of the year": the year of the story's last count
            if resolved is None and rest in ("the year", "this year", "year"):
                resolved = published
        span = MONTH_SPAN.match(text) if resolved is None else None
        if span is not None:  # "between January and May": both ends resolved, each as a month
            ends = [self.resolve_date(part, published) for part in span.groups()]
            if ends[0] is not None and ends[1] is not None:
                first, last = sorted((ends[0].year, ends[1].year))
                return make("point" if first == last else "range", first, last)
        quarter = QUARTER.search(text) if resolved is None else None
        if quarter is not None:  # "the first quarter": of this year unless it has not begun
            word = (quarter.group(1) or quarter.group(3)).lower()
            month = QUARTER_START[word] if quarter.group(2) != "half" else (1 if word in ("first", "1st") else 7)
            ahead = month > published.month and not _in_future_clause(ent.root)
            resolved = date(published.year - 1 if ahead else published.year, month, 1)
        if resolved is None:
            return None
        if asof:
            return make("asof", None, resolved.year)
        if prev == "since":
            return make("range", resolved.year, pub)
        return make("soft", resolved.year, resolved.year)

    def _relative(self, text: str, pub: int | None, last_year: int | None,
                  claim_year: int | None = None) -> tuple[int, int] | None:
        """Years of a relative expression. "The following year" and "a year earlier" count
        from the year of the last dated claim (`claim_year`) when there is one, not from a
        year named in passing ("since it began tracking in 2019"); "that year" is the last
        year named."""
        match = self.relative_re.search(text) if self.relative_re else None
        if match is None:
            return None
        bounds = []
        for offset in self.relative[match.group(1)]:
            if isinstance(offset, int):
                if pub is None:
                    return None
                bounds.append(pub + offset)
            else:
                base = claim_year if offset != "same" and claim_year is not None else last_year
                if base is None:
                    return None
                bounds.append(base + {"prev": -1, "next": 1, "same": 0}[offset])
        return bounds[0], bounds[1]


def _in_future_clause(token: Token) -> bool:
    """"plans to publish a database in the second half", "will ship in the fourth quarter":
    a part of the year still to come is this year's."""
    for node in [token, *token.ancestors]:
        if node.lemma_.lower() in FUTURE_LEMMAS or any(
                c.dep_ == "aux" and c.lemma_.lower() in FUTURE_LEMMAS for c in node.children):
            return True
    return False


class PeriodChooser:
    """Choose which of a sentence's time expressions dates a count, from the parse."""

    def __init__(self, reporting: set[str]) -> None:
        self.reporting = reporting

    def clause_top(self, root: Token) -> Token:
        """The top of a count's clause, below any reporting verb."""
        node = root
        while node.head.i != node.i:
            head = node.head
            if head.lemma_.lower() in self.reporting and node.dep_ != "dobj":
                break
            if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                break  # "X published nine last year, and Y has launched four": a clause of its own
            node = head
        return node

    def reaches(self, token: Token, top: Token, anchors: set[int] | None = None) -> bool:
        """Whether a time expression's token belongs to the clause under `top`; with
        anchors, not through a modifier of a name ("Mistral AI, founded last year, ...":
        "last year" dates the founding, not the count)."""
        node = token
        owner = token.head
        if anchors is not None and owner.pos_ == "PROPN" and owner.ent_type_ in NAME_TYPES and owner.dep_ in ("nsubj", "nsubjpass") \
                and any(t.text == "," for t in token.doc[owner.i : token.i]):
            return False  # "Sarvam AI, the start-up chosen last year to ..., accounted for four": the gloss's time
        while True:
            if node.i == top.i:
                return True
            if node.head.i == node.i:
                return False
            if node.lemma_.lower() in self.reporting and node.dep_ != "acl" and not any(
                    c.dep_ == "dobj" and c.i in (anchors or ()) for c in node.children):
                # a saying's time; but "added five more so far this year" is the count's verb, and
                # "the first batch, announced in late January, covered 12" the batch's
                return False
            if anchors is not None and node.pos_ in ("VERB", "AUX") and node.i != token.i and node.head.i not in anchors \
                    and not anchors.intersection(t.i for t in node.subtree) and node.dep_ == "xcomp":
                return False  # "the gap since the firm began tracking the field in 2019": another verb's time
            if anchors is not None and node.i != token.i and node.lemma_.lower() in FUTURE_LEMMAS \
                    and not anchors.intersection(t.i for t in node.subtree):
                return False  # "has three, with a fourth due in the summer": the plan's time
            if anchors is not None and node.head.i not in anchors and not anchors.intersection(t.i for t in node.subtree) \
                    and (node.dep_ in ("acl", "relcl", "appos") and node.head.ent_type_ in NAME_TYPES
                         or node.dep_ == "advcl" and node.head.pos_ in ("NOUN", "PROPN")
                         or node.dep_ == "appos" and node.pos_ in ("NOUN", "PROPN") and node.head.i not in anchors):
                # "accounted for 29, the narrowest gap since the firm began tracking in 2019"
                # "the lowest share since the census began in 2015": a clause on another noun
                return False
            if anchors is not None and node.dep_ == "advcl" and node.pos_ in ("VERB", "AUX") \
                    and (any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
                         and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in node.children)
                         or node.tag_ == "VBN" and node.i < node.head.i and not any(c.dep_ == "mark" for c in node.children)) \
                    and not anchors.intersection(t.i for t in node.subtree):
                # "has developed three to date, while Upstage released two in 2024"; "Founded in
                # 2023 by ..., the company has released five": another clause's time
                return False
            if anchors is not None and node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") \
                    and not anchors.intersection(t.i for t in node.subtree):
                # "accounted for three and now sells them": a conjoined verb's time is its own
                return False
            node = node.head

    def choose(self, root: Token, noun: Token | None, exprs: list[TimeExpr],
               others: set[int] | None = None, comparison: bool = False) -> tuple[TimeExpr | None, bool]:
        """The expression dating a count, and whether its clause counts a stock. others:
        the roots of the sentence's other counts, whose own dates ("up from 29 in 2021")
        are not this count's; comparison: the count is a baseline ("up from 150")."""
        doc = root.doc
        top = self.clause_top(root)
        anchors = {root.i} | ({noun.i} if noun is not None else set())
        foreign: set[int] = set()
        for other in (others or set()) - anchors:
            phrase = doc[other]
            if phrase.dep_ == "nummod" and phrase.head.ent_type_ == "DATE" and phrase.head.dep_ == "pobj":
                phrase = phrase.head  # "including three last year": the parser hangs the count on its time
            phrase = phrase.head if phrase.dep_ == "pobj" else phrase  # "from 29 in 2021"
            region = {t.i for t in phrase.subtree}
            # "; the year before, two": a count hung on a time owns that time
            region |= {t for e in exprs if e.start <= doc[other].head.i < e.end and e.end <= other
                       and doc[other].dep_ in ("nummod", "npadvmod") for t in range(e.start, e.end)}
            if phrase.lower_ in ("from", "with"):
                # "compares with four the year before": a time right after a baseline is its own
                # ("up from seven in the second half of last year": with its preposition)
                region |= {t for e in exprs if e.start == other + 1 or e.start == other + 2 and doc[other + 1].pos_ == "ADP"
                           for t in range(e.start, e.end)}
            if not region & anchors:
                foreign |= region
        clause = [e for e in exprs if self.reaches(doc[e.root], top, anchors) and e.root not in foreign
                  and not _in_relative_aside(doc, e, root)]
        subject = next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and top.head.i != top.i and top.head.lemma_.lower() in self.reporting:
            # "Tencent said this month it had released 30 models over the past year": a time
            # before the reported clause's subject dates the saying
            clause = [e for e in clause if not (doc[e.root].dep_ == "npadvmod" and top.head.i < e.start and e.end <= subject.i)]
        # on the count, or in a clause of its own: "the 15 they put out in all of 2024"
        inside = {t.i for a in anchors for t in doc[a].subtree}
        # ... or on the preposition that holds it: "from 15 in 2023"
        holder = root.head.i if root.dep_ == "pobj" else None
        own = [e for e in clause if (doc[e.root].head.head.i in anchors or doc[e.root].head.i in anchors
               # the parser hangs the count on its time: "and seven so far this year", "; the year before, two"
               or e.start <= root.head.i < e.end and root.dep_ in ("nummod", "npadvmod")
               or holder is not None and doc[e.root].head.head.i == holder
               or e.root in inside and not anchors.intersection(t.i for t in doc[e.root].subtree))
               and not self._in_appositive(doc[e.root], anchors)]
        stock = any(e.kind in ("asof", "stock") for e in clause) or self.is_stock_verb(root)
        # ... or under the count's own verb: "while three more have been released so far in 2025"
        verb = clause_verb(root)
        local = [e for e in clause if verb.pos_ in ("VERB", "AUX") and verb.i != top.i and verb.is_ancestor(doc[e.root])]
        dated = ("point", "range", "asof", "soft", "same")
        # the nearest scope that dates the count ("five more so far this year": not "so far" alone)
        explicit = next(([e for e in scope if e.kind in dated] for scope in (own, local, clause)
                         if any(e.kind in dated for e in scope)), [])
        # "its 2025 edition counted 40 models ... in 2024": a year naming a thing is not a period
        named = [e for e in explicit if doc[e.root].dep_ in ("compound", "nummod", "amod", "nmod")
                 and doc[e.root].head.pos_ in ("NOUN", "PROPN") and doc[e.root].head.lower_ not in TIME_HEADS]
        explicit = [e for e in explicit if e not in named] or explicit
        if not explicit and top.head.i != top.i and top.head.lemma_.lower() in self.reporting:
            # "By the end of last year the regulator said 300 models had completed registration":
            # an as-of date opening the sentence dates what was said
            say = top.head
            explicit = [e for e in exprs if e.kind == "asof" and e.start <= say.sent.start + 1 and say.is_ancestor(doc[e.root])]
            if not explicit and (stock or clause_verb(root).lemma_.lower() == "have"):
                # "the CAICT said last July that the country had released 1,500 models to date",
                # "an official told me last year China had 130": a stock reported without a time
                # of its own stands as of the saying
                explicit = [TimeExpr(e.start, e.end, e.root, "asof", None, e.year_end) for e in exprs
                            if e.kind in ("point", "soft") and self._dates_saying(doc[e.root], say, top)][:1]
        if not explicit:
            return None, stock
        chosen = min(explicit, key=lambda e: abs(e.root - root.i))
        # "its figures for 2025, updated last month, list 63": the figures' own period
        covering = [e for e in explicit if doc[e.root].head.lower_ == "for" and doc[e.root].head.head.lemma_.lower() in DATA_NOUNS]
        if covering:
            chosen = covering[0]
        lead = min(root.i, root.left_edge.i)  # "and more than 30 so far this year": before the qualifier
        gap = doc[lead - 1].lower_ in ("and", ",") if lead > 0 else False
        after = [e for e in explicit if 0 < e.start - root.i <= 4 and not any(t.is_punct for t in doc[root.i : e.start])]
        if gap and after:  # "five were released last year and six so far this year": the gapped clause's own time
            chosen = after[0]
        end = max(anchors) + 1
        if any(a.lower_ == "including" for a in root.ancestors):
            # "has released 11 since 2021, including three open-weight models last year": the time
            # right after the included part is its own
            chosen = next((e for e in explicit if e.start == end), chosen)
        if chosen.kind in ("point", "soft") and any(e.kind == "asof" for e in clause) and comparison:
            # "284 as of December, up from 150 a year earlier": the baseline is a stock too
            chosen = TimeExpr(chosen.start, chosen.end, chosen.root, "asof", None, chosen.year_end)
        return chosen, stock

    @staticmethod
    def _dates_saying(token: Token, say: Token, top: Token) -> bool:
        """Whether a time expression modifies the reporting verb itself, not its clause."""
        node = token
        while node.head.i != node.i and node.i != say.i:
            if node.i == top.i:
                return False
            node = node.head
        return node.i == say.i

    @staticmethod
    def _in_appositive(token: Token, anchors: set[int]) -> bool:
        """Whether a date sits in an appositive on the counted noun: "two models, gpt-oss-120b
        and gpt-oss-20b, its first since GPT-2 in 2019"."""
        node = token
        while node.head.i != node.i and node.i not in anchors:
            if node.dep_ == "appos":
                return True
            node = node.head
        return False

    @staticmethod
    def is_perfect(root: Token) -> bool:
        """A perfect tense on the count's verb ("has launched four")."""
        node = clause_verb(root)
        return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in node.children)

    @staticmethod
    def is_stock_verb(root: Token) -> bool:
        """A perfect or present tense on the count's verb: a stock ("has released")."""
        node = clause_verb(root)
        while node.tag_ == "VBG" and node.dep_ == "advcl" and node.head.pos_ in ("VERB", "AUX"):
            node = node.head  # "has approved 37 more, taking the total past 300": the main verb's tense
        if node.pos_ not in ("VERB", "AUX"):
            return False
        perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in node.children)
        return perfect or node.tag_ in ("VBZ", "VBP")


def is_embedded(root: Token) -> bool:
    """Whether a count sits in a relative or participial clause ("Cohere, which has
    released seven ...")."""
    return any(t.dep_ in ("relcl", "acl") for t in root.ancestors)


RELATIVE_WORDS = ("whose", "which", "who")


def _in_relative_aside(doc: Doc, expr: TimeExpr, root: Token) -> bool:
    """"DeepSeek, the start-up whose model rattled markets last January, was credited with
    three": a time inside a relative clause set off by commas before the count, however
    parsed, dates that clause."""
    if root.i < expr.end:
        return False
    i = expr.start - 1
    while i >= root.sent.start and doc[i].text != ",":
        if doc[i].lower_ in RELATIVE_WORDS:
            # a gloss on a name ("DeepSeek, the start-up whose ...", "Upstage, whose ..."), not on
            # a time ("In the first round, which ran from August to December, X unveiled two")
            comma = i
            while comma > root.sent.start and doc[comma].text != ",":
                comma -= 1
            named = comma > root.sent.start and doc[comma - 1].ent_type_ in ("ORG", "COUNTRY", "PERSON", "GPE", "NORP")
            return named and any(doc[j].text == "," for j in range(expr.end, root.i))
        i -= 1
    return False


def years_of(expr: TimeExpr | None, stock_context: bool, published: date | None) -> tuple[int | None, int | None]:
    """(year_start, year_end) of a claim given its chosen expression and stock context."""
    if expr is None:
        return (None, published.year) if stock_context and published else (None, None)
    if expr.kind == "soft":
        return (None, expr.year_end) if stock_context else (expr.year_start, expr.year_end)
    if expr.kind in ("asof", "stock"):
        return None, expr.year_end
    return expr.year_start, expr.year_end


@lru_cache(maxsize=4096)
def _parse_date(text: str, base: date) -> date | None:
    import dateparser  # imported lazily: it is slow to import and only month-level dates need it

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def dateparser_resolver(text: str, base: date) -> date | None:
    """Resolve a day/week/month expression ("last week", "June", "by October") to a date."""
    text = re.sub(r"^(?:the|on|in|of)\s+", "", text.strip())
    return _parse_date(text, base)


@registry.misc("newsfacts.dateparser_resolver.v1")  # type: ignore[untyped-decorator]
def make_dateparser_resolver() -> DateResolver:
    """The default date resolver of the claim extractor (see `dateparser_resolver`)."""
    return dateparser_resolver
