"""The count-claim extractor: "<subject> released/has <count> <item> in <period>".

For every count in a sentence it reads the counted item (normalized: "LLMs" and
"large-language models" -> "large language model", AI/foundation/generative models ->
"AI model"; elided items inherit the previous count's item), the subject (see
`subjects.py`), the qualifier, and the period (see `periods.py`). Forecasts, negated
counts, worldwide totals, percentages and money are not claims. Counts of other
things are kept with their own item. Results go on `Doc._.claims`.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import CLAIMS, PUBLISHED, register_extensions
from .numbers import Count, NumberReader
from .periods import DateResolver, PeriodReader, TimeExpr, years_of
from .rules import RulesComponent
from .subjects import Subject, SubjectFinder

LLM = "large language model"
AI_MODEL = "AI model"
NOUNS = ("NOUN", "PROPN")
ITEM_WINDOW = 6  # tokens to look ahead for the noun of "from 1.8 billion to 72 billion parameters"


@dataclass(frozen=True)
class Claim:
    """One count claim, with character offsets of its sentence and number."""

    subject: str
    subject_label: str
    subject_code: str | None
    count: int | float
    qualifier: str
    item: str
    year_start: int | None
    year_end: int | None
    sent_start: int
    sent_end: int
    count_start: int
    count_end: int


class ClaimExtractor(RulesComponent):
    """Find count claims; word lists come from the claims lexicon given at initialize."""

    def __init__(self, nlp: Language, name: str, date_resolver: DateResolver) -> None:
        self.date_resolver = date_resolver
        super().__init__(nlp, name)

    def _compile(self) -> None:
        lex = self.rules
        self.numbers = NumberReader(lex)
        self.periods = PeriodReader(lex, self.date_resolver)
        self.llm_markers = set(lex.get("llm_markers", []))
        self.ai_markers = set(lex.get("ai_model_markers", []))
        self.system_markers = set(lex.get("system_markers", []))
        self.stop_modifiers = set(lex.get("item_stop_modifiers", []))
        self.forecast = set(lex.get("forecast_lemmas", []))
        self.negations = set(lex.get("negation_words", []))
        self.reporting = set(lex.get("reporting_lemmas", []))
        self.global_words = set(lex.get("global_words", []))
        self.comparison_heads = set(lex.get("comparison_heads", []))
        self.respectively = set(lex.get("respective_words", []))
        self.total_nouns = set(lex.get("total_nouns", []))

    # -- items ---------------------------------------------------------------------
    def item_noun(self, root: Token) -> Token | None:
        """The noun a count counts: "19 LLMs", "seven of the ... models"."""
        if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and root.head.pos_ in NOUNS:
            return root.head
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in NOUNS and pobj.tag_ in ("NNS", "NNPS"):
                        return pobj
            # "up to fifteen large language models" parsed as a verb "to fifteen" with an
            # object: a plural noun phrase starting right after the number is what it counts.
            if child.dep_ in ("dobj", "attr") and child.tag_ in ("NNS", "NNPS") and child.left_edge.i == root.i + 1:
                return child
        return None

    def item_text(self, noun: Token, count: Count, previous: str | None) -> str:
        """Canonical counted item of a noun and its modifiers."""
        doc = noun.doc
        words = [t.lower_ for t in doc[max(count.end, noun.left_edge.i) : noun.i]
                 if t.pos_ not in ("DET", "PRON", "PUNCT", "NUM") and t.lower_ not in self.stop_modifiers]
        head = noun.lower_
        lemma = noun.lemma_.lower()
        if head in ("llm", "llms") or lemma == "llm":
            return LLM
        if lemma == "model":
            if self.llm_markers.intersection(words):
                return LLM
            if words:
                return AI_MODEL
            return previous if previous in (LLM, AI_MODEL) else AI_MODEL
        if lemma == "system" and self.system_markers.intersection(words):
            return AI_MODEL
        words = [w for w in words if "model" not in w and w not in self.llm_markers]
        return " ".join([*words, lemma])

    def total_noun(self, root: Token) -> Token | None:
        """"The number of LLMs in China reached 238": the noun counted by a total."""
        node = root
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in self.total_nouns:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        return next((p for p in prep.children if p.dep_ == "pobj" and p.pos_ in NOUNS), None)
        return None

    def elided_item(self, root: Token, count: Count, counts: list[Count], last: str | None) -> str | None:
        """Item of a bare number: the next noun of a range, the noun of a total, else the
        previous item."""
        total = self.total_noun(root)
        if total is not None:
            return self.item_text(total, count, last)
        if root.head.lower_ in ("from", "between"):
            for other in counts:
                if count.end <= other.start <= count.end + ITEM_WINDOW:
                    noun = self.item_noun(other.root(root.doc[:]))
                    if noun is not None:
                        return self.item_text(noun, other, last)
        return last

    # -- filters -------------------------------------------------------------------
    def is_negated(self, root: Token, count: Count, noun: Token | None) -> bool:
        doc = root.doc
        start = min(count.start, noun.left_edge.i) if noun is not None else count.start
        if start > 0 and doc[start - 1].lower_ in self.negations:
            return True
        return noun is not None and any(c.dep_ == "neg" for c in noun.children)

    def is_global(self, root: Token, noun: Token | None) -> bool:
        anchors = [root] + ([noun] if noun is not None else [])
        doc = root.doc
        left = min(a.left_edge.i for a in anchors)
        right = max(a.i for a in anchors)
        if any(t.lower_ in self.global_words for t in doc[left : right + 1]):
            return True
        for anchor in anchors:
            for child in anchor.children:
                if child.lower_ in self.global_words:
                    return True
                if child.dep_ in ("acl", "relcl", "prep") and any(
                    g.lower_ in self.global_words for g in child.children):
                    return True
        return False

    @staticmethod
    def is_total(root: Token, noun: Token | None, count: Count) -> bool:
        """A whole that a part is taken from: "of the 3,755 launched", "out of 271"."""
        doc = root.doc
        head = (noun if noun is not None else root)
        before = doc[count.start - 1].lower_ if count.start > 0 else ""
        prep = head.head if head.dep_ == "pobj" else None
        if prep is None or prep.lower_ != "of":
            return False
        return before == "the" or (prep.i > 0 and doc[prep.i - 1].lower_ == "out")

    def is_forecast(self, root: Token) -> bool:
        node = root
        while node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in self.reporting:
                return False
            if node.lemma_.lower() in self.forecast:
                return True
            if any(c.dep_ == "aux" and c.lemma_.lower() in self.forecast for c in node.children):
                return True
        return False

    def is_comparison(self, root: Token) -> bool:
        """A bare number compared with the previous count: "up from 79", "compared with 11"."""
        head = root.head
        return root.dep_ == "pobj" and (head.lower_ in self.comparison_heads and head.lower_ != "from"
                                        or head.head.lower_ in self.comparison_heads)

    # -- periods -------------------------------------------------------------------
    def clause_top(self, root: Token) -> Token:
        node = root
        while node.head.i != node.i:
            head = node.head
            if head.lemma_.lower() in self.reporting:
                break
            node = head
        return node

    def reaches(self, token: Token, top: Token) -> bool:
        node = token
        while True:
            if node.i == top.i:
                return True
            if node.lemma_.lower() in self.reporting or node.head.i == node.i:
                return False
            node = node.head

    def choose_period(self, root: Token, noun: Token | None, exprs: list[TimeExpr]) -> tuple[TimeExpr | None, bool]:
        """The expression dating a count, and whether its clause counts a stock."""
        doc = root.doc
        top = self.clause_top(root)
        clause = [e for e in exprs if self.reaches(doc[e.root], top)]
        anchors = {root.i} | ({noun.i} if noun is not None else set())
        own = [e for e in clause if doc[e.root].head.head.i in anchors or doc[e.root].head.i in anchors]
        stock = any(e.kind in ("asof", "stock") for e in clause) or self.is_stock_verb(root)
        explicit = [e for e in (own or clause) if e.kind in ("point", "range", "asof", "soft")]
        if not explicit:
            return None, stock
        return min(explicit, key=lambda e: abs(e.root - root.i)), stock

    @staticmethod
    def is_stock_verb(root: Token) -> bool:
        node = root
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            return False
        perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in node.children)
        return perfect or node.tag_ in ("VBZ", "VBP")

    # -- the component ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        published = getattr(doc._, PUBLISHED)
        setattr(doc._, CLAIMS, self.extract(doc, published))
        return doc

    def extract(self, doc: Doc, published: date | None) -> list[Claim]:
        """All count claims of a document, in order, without restatements."""
        state = _State(SubjectFinder(doc, self.rules), published)
        claims: list[Claim] = []
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for index, (sent, ents) in enumerate(zip(sents, ents_by_sentence(sents, doc.ents))):
            has_numbers = any(t.like_num or t.lower_ in self.numbers.words for t in sent)
            exprs, last_year = self.periods.expressions(sent, ents, published, state.last_year, has_numbers)
            found = self.sentence_claims(state, index, sent, exprs) if has_numbers else []
            state.finder.after_sentence(index, ents, [Subject(c.subject, c.subject_label, c.subject_code) for c in found])
            state.last_year = last_year
            claims += found
        return dedupe(claims)

    def sentence_claims(self, state: _State, index: int, sent: Span, exprs: list[TimeExpr]) -> list[Claim]:
        """Claims of one sentence; updates the item and period carried to the next one."""
        counts = self.numbers.counts(sent)
        found: list[Claim] = []
        dated: tuple[int | None, int | None] | None = None  # the sentence's last dated count
        for count in counts:
            root = count.root(sent)
            noun = self.item_noun(root)
            previous = state.last_item[1] if state.last_item and state.last_item[0] >= index - 1 else None
            item = self.item_text(noun, count, previous) if noun is not None else \
                self.elided_item(root, count, counts, previous)
            if item is None or count.value == 1 and item not in (LLM, AI_MODEL):
                continue
            state.last_item = (index, item)
            expr, stock = self.choose_period(root, noun, exprs)
            years = years_of(expr, stock, state.published)
            if expr is not None or stock:
                dated = years
            elif dated is not None:
                years = dated
            elif state.carry is not None and state.carry[0] == index - 1:
                years = state.carry[1]
            if self.is_negated(root, count, noun) or self.is_global(root, noun) or self.is_total(root, noun, count):
                continue
            past = years[1] is not None and state.published is not None and years[1] < state.published.year
            if self.is_forecast(root) and not past:  # "were expected to release N in <a past year>" stays
                continue
            subjects = self.find_subjects(state.finder, root, noun or self.total_noun(root), index, count)
            if not subjects and found and noun is None and self.is_comparison(root):
                subjects = [Subject(found[-1].subject, found[-1].subject_label, found[-1].subject_code)]
            found += [self.make_claim(s, count, item, years, sent) for s in subjects]
        if any(t.lower_ in self.respectively for t in sent):
            found = pair_respectively(found)
        if dated is not None:
            state.carry = (index, dated)
        elif state.carry is not None and state.carry[0] == index - 1 and counts:
            state.carry = (index, state.carry[1])  # an elliptical ranking goes on
        return found

    @staticmethod
    def find_subjects(finder: SubjectFinder, root: Token, noun: Token | None, index: int, count: Count) -> list[Subject]:
        anchors = [root] + ([noun] if noun is not None else [])
        doc = root.doc
        own = finder.own_subject(anchors, index, doc[count.end] if count.end < len(doc) else None)
        if own is not None:
            return own
        return finder.clause_subject(noun if noun is not None else root, anchors, index)

    @staticmethod
    def make_claim(subject: Subject, count: Count, item: str, years: tuple[int | None, int | None], sent: Span) -> Claim:
        doc = sent.doc
        text = sent.text
        stripped = text.strip()
        start = sent.start_char + (len(text) - len(text.lstrip()))
        return Claim(subject.name, subject.label, subject.code, count.value, count.qualifier, item,
                     years[0], years[1], start, start + len(stripped), doc[count.start].idx,
                     doc[count.end - 1].idx + len(doc[count.end - 1]))


@dataclass
class _State:
    """What one document's extraction carries from sentence to sentence."""

    finder: SubjectFinder
    published: date | None
    last_year: int | None = None
    last_item: tuple[int, str] | None = None  # (sentence index, item)
    carry: tuple[int, tuple[int | None, int | None]] | None = None  # (sentence index, years)


def ents_by_sentence(sents: list[Span], ents: Sequence[Span]) -> list[list[Span]]:
    """The entities of each sentence, in one pass (Span.ents rescans the whole doc)."""
    buckets: list[list[Span]] = [[] for _ in sents]
    index = 0
    for ent in ents:
        while index < len(sents) and sents[index].end <= ent.start:
            index += 1
        if index < len(sents):
            buckets[index].append(ent)
    return buckets


def pair_respectively(found: list[Claim]) -> list[Claim]:
    """"France and Germany released 8 and 5 LLMs respectively": the k-th subject has the
    k-th count, when there are as many counts as subjects."""
    counts = list(dict.fromkeys((c.count_start, c.count) for c in found))
    subjects = list(dict.fromkeys((c.subject, c.subject_label, c.subject_code) for c in found))
    if len(counts) < 2 or len(counts) != len(subjects) or len(found) != len(counts) * len(subjects):
        return found
    pairs = set(zip(counts, subjects))
    return [c for c in found if ((c.count_start, c.count), (c.subject, c.subject_label, c.subject_code)) in pairs]


class Restatable(Protocol):
    """What `dedupe` reads: a `Claim`, or a `ClaimRecord` made from one."""

    @property
    def subject(self) -> str: ...
    @property
    def count(self) -> int | float: ...
    @property
    def item(self) -> str: ...
    @property
    def year_start(self) -> int | None: ...
    @property
    def year_end(self) -> int | None: ...


C = TypeVar("C", bound=Restatable)


def dedupe(claims: list[C]) -> list[C]:
    """One claim per (subject, count, item, year_end): a restatement (a headline, "the 79
    models it analysed") is the same claim; the first dated version is kept, and an
    undated restatement of a dated claim is dropped."""
    best: dict[tuple[Any, ...], C] = {}
    dated = {(c.subject, c.count, c.item) for c in claims if c.year_end is not None}
    for claim in claims:
        key = (claim.subject, claim.count, claim.item, claim.year_end)
        if claim.year_end is None and key[:3] in dated:
            continue
        kept = best.get(key)
        if kept is None or kept.year_start is None and claim.year_start is not None:
            best[key] = claim
    chosen = {id(c) for c in best.values()}
    return [c for c in claims if id(c) in chosen]


@Language.factory(
    "newsfacts_claims",
    assigns=[f"doc._.{CLAIMS}"],
    requires=["doc.ents", "token.dep", "doc.sents"],
    default_config={"date_resolver": {"@misc": "newsfacts.dateparser_resolver.v1"}},
)
def make_claims(nlp: Language, name: str, date_resolver: Callable[[str, date], date | None]) -> ClaimExtractor:
    """Factory of `ClaimExtractor`; its lexicon comes from `[initialize.components.<name>]`."""
    register_extensions()
    return ClaimExtractor(nlp, name, date_resolver)
