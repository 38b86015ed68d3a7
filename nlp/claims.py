"""The count-claim extractor: "<subject> released/has <count> <item> in <period>".

For every count in a sentence it reads the counted item (see `items.py`), the
subject (see `subjects.py`), the qualifier, and the period (see `periods.py`); an
undated count takes the sentence's period, else the previous sentence's, else the
story's. Forecasts, negated counts, worldwide totals, models tested or ranked by a
third party, percentages and money are not claims. Counts of other things are kept
with their own item. Results go on `Doc._.claims`.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol, TypeVar

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import CLAIMS, PUBLISHED, register_extensions
from .items import AI_MODEL, LLM, ItemReader
from .numbers import Count, NumberReader
from .periods import (
    SAME_SPAN,
    DateResolver,
    PeriodChooser,
    PeriodReader,
    TimeExpr,
    Years,
    is_embedded,
    years_of,
)
from .rules import RulesComponent
from .subjects import SUBJECT_LABELS, Subject, SubjectFinder, subject_of
from .syntax import clause_verb, doc_text, lower_ids, lower_words, sentence_words, span_text

# "... had four apiece, as did Anthropic"
AS_DID = ("did", "does", "do", "had", "has", "have")
# Nouns of a running total ("taking Europe's total to seven").
TOTALS = ("total", "tally", "count", "number")
# Verbs saying models appeared, with the models as subject and no maker named.
APPEARING_VERBS = ("debut", "appear", "arrive", "emerge")
# Row labels that gather what the named rows leave over, and so name nobody.
REMAINDER_ROWS = ("other", "others", "rest", "remaining", "unattributed", "unknown", "misc")
# Verbs of a register or list that holds models it did not make ("the register lists 14 ...").
LISTING_VERBS = ("list", "include", "contain", "record", "show", "hold")
COUNTING_VERBS = ("count", "tally", "identify", "record", "list", "track", "find", "log", "catalogue", "catalog")
# Verbs that take a total somewhere ("taking the total to 346", "bringing the tally to nine").
RAISING_VERBS = ("take", "bring", "push", "lift", "raise", "put")
REACHING_VERBS = ("pass", "top", "reach", "hit", "exceed", "surpass", "cross")
# Forecast verbs that, in the past tense about a past year, hedge a count rather than plan one.
HEDGES = ("expect", "estimate", "forecast", "project", "predict", "believe")
# Sentences a bare count ("NTT led with six") may lie after the story's last model count.
MODEL_GAP = 4
PERIOD_LABEL_WORDS = {"first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "quarter", "half", "q1", "q2", "q3",
                      "q4", "h1", "h2", "january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december", "fiscal", "fy"}
YEAR_LABEL = re.compile(r"(?:FY)?(?:19|20)\d\d")
BREAKDOWN_GAP = 4  # sentences back to the total a list of periods breaks down
PART_GAP = 2  # sentences back to the count a passive "Seventeen were released" is a part of


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
        self.chooser = PeriodChooser(set(lex.get("reporting_lemmas", [])))
        self.items = ItemReader(lex, self.numbers)
        self.forecast = set(lex.get("forecast_lemmas", []))
        self.negations = set(lex.get("negation_words", []))
        self.third_party = set(lex.get("third_party_lemmas", []))
        self.reporting = set(lex.get("reporting_lemmas", []))
        self.global_words = set(lex.get("global_words", []))
        self.comparison_heads = set(lex.get("comparison_heads", []))
        self.respectively = set(lex.get("respective_words", []))
        self.hypothetical_marks = set(lex.get("hypothetical_marks", []))
        self.joint_words = set(lex.get("joint_words", []))
        self.figure_nouns = set(lex.get("total_nouns", [])) | {"figure", "tally"}
        self.ranking_nouns = set(lex.get("ranking_nouns", []))
        self.change_verbs = set(lex.get("change_verbs", []))
        self.making_verbs = set(lex.get("making_verbs", []))
        self.forecast_nouns = set(lex.get("forecast_nouns", []))
        self.same_period_phrases = list(lex.get("same_period_phrases", []))

    # -- filters -------------------------------------------------------------------
    def is_negated(self, root: Token, count: Count, noun: Token | None) -> bool:
        doc = root.doc
        start = min(count.start, noun.left_edge.i) if noun is not None else count.start
        if start > 0 and doc[start - 1].lower_ in self.negations:
            return True
        denied = corrected_number(doc[start - 2]) if start > 1 and doc[start - 2].lower_ == "not" else None
        if denied is not None and denied.i == start:
            return True  # "26 models, not the 34 previously reported": the figure taken back
        i = start - 1  # "China 15, and no country in the European Union more than three"
        while i > root.sent.start and doc[i].text not in (",", ";") and doc[i].pos_ not in ("VERB", "AUX"):
            if doc[i].lower_ in ("no", "none", "neither") and doc[i + 1].lower_ not in ("fewer", "less", "more"):
                return True  # (but "no fewer than three" is a qualifier)
            i -= 1
        if noun is not None and any(c.dep_ == "neg" and not is_correction_not(c) for c in noun.children):
            return True
        verb = clause_verb(root)
        if verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" and not is_correction_not(c) for c in verb.children):
            return True  # "Nine Dutch models and four Belgian ones do not add up to 30 American ones"
        return is_retracted(root)

    def is_hypothetical(self, root: Token, noun: Token | None) -> bool:
        """A count in a "whether"/"if" clause ("whether it ends up with 50 models or 500"),
        or a model noun that is the subject of a negated verb ("one model is not enough")."""
        if noun is not None and noun.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "neg" for c in noun.head.children):
            return True
        verb = clause_verb(root)
        if verb.dep_ == "xcomp" and any(c.lower_ == "yet" for c in [*verb.children, *verb.head.children]):
            return True  # "Slovakia has yet to publish one": not done
        node = root
        while True:
            if any(c.dep_ == "mark" and c.lower_ in self.hypothetical_marks for c in node.children):
                return True
            if node.head.i == node.i:
                return False
            node = node.head

    def is_joint(self, root: Token, subjects: list[Subject]) -> bool:
        """Several subjects sharing one count: "A, B and C together accounted for 11"."""
        sent = root.sent
        words = sentence_words(sent)
        verb = clause_verb(root)
        if "between" in words and any(
                t.lower_ == "between" and t.head.i in (verb.i, root.i) and t.nbor(1).lower_ == "them"
                for t in sent if t.i + 1 < len(t.doc)):
            return True  # "... member states managed seven between them": a group's count, nobody's own
        if len(subjects) < 2:
            return False
        if len(set(subjects)) > 1 and all(s.label == "ORG" for s in subjects) and not (
                words & self.numbers.distributive or words & self.respectively or "both" in words):
            return True  # "12 models from Naver, LG AI Research, SK Telecom and Kakao": shared, no one's
        return not words.isdisjoint(self.joint_words)

    def is_global(self, root: Token, noun: Token | None) -> bool:
        anchors = [root] + ([noun] if noun is not None else [])
        if root.dep_ == "attr":  # "worldwide the figure was roughly 300"
            anchors.append(root.head)
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
                        g.lower_ in self.global_words or g.dep_ == "prep" and g.lower_ == "across"
                        and any(o.lower_ in self.global_words or o.lower_ == "region" for o in g.children)
                        for g in child.children):
                    return True  # "... models built worldwide", "... built across the region"
        # "Worldwide, the firm counted 812 new models": the clause is about the world, unless
        # it names its maker ("Worldwide, Google released the most")
        verb = clause_verb(root)
        return any(c.dep_ == "advmod" and c.lower_ in self.global_words for c in verb.children) and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ in ("ORG", "COUNTRY") for c in verb.children)

    @staticmethod
    def is_total(root: Token, noun: Token | None, count: Count) -> bool:
        """A whole that a part is taken from: "of the 3,755 launched", "out of 271"."""
        doc = root.doc
        head = noun if noun is not None else hung_on_name(root) or root
        before = doc[count.start - 1].lower_ if count.start > 0 else ""
        prep = head.head if head.dep_ == "pobj" else None
        if prep is None or prep.lower_ != "of" or prep.head.lower_ in ("ahead", "short", "front", "instead", "because"):
            return False  # "narrowly ahead of the 104 launched in the US" compares, it takes no part
        # "of the 3,755", "of those 14", "out of 271", "three of its country's four"; but "nine of China's 44
        # approved models" tells a named owner's count
        named_owner = before in ("'s", "’s") and doc[count.start - 2].ent_type_ in ("COUNTRY", "ORG")
        return before in ("the", "those", "these") or before in ("'s", "’s") and prep.head.like_num and not named_owner \
            or (prep.i > 0 and doc[prep.i - 1].lower_ == "out")

    def forecast_word(self, root: Token) -> Token | None:
        """The word making a count a plan or forecast ("plans to", "will", "expects"), if any."""
        node = root
        while node.head.i != node.i:
            if node.dep_ in ("pcomp", "advcl") and (node.head.lower_ in PAST_LINKS or any(
                    c.dep_ == "mark" and c.lower_ in PAST_LINKS for c in node.children)):
                return None  # "plans to release four next year after releasing five last year"
            if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return None  # "... aims to put AI into 60% of factories, and that Indonesia now has 400 models"
            node = node.head
            if node.lemma_.lower() in self.reporting:
                return None
            if node.lemma_.lower() in self.forecast:
                return node
            aux = next((c for c in node.children if c.dep_ in ("aux", "acomp") and c.lemma_.lower() in self.forecast
                        or c.dep_ == "nsubj" and node.lemma_ == "be" and c.lemma_.lower() in self.forecast_nouns), None)
            if aux is not None:
                return aux  # "will release", "eight more models were due by March", "its aim is to have 20"
        return None

    @staticmethod
    def has_maker(noun: Token | None) -> bool:
        """"63 notable models from American developers", "14 Nigerian language models": the
        noun names who made them."""
        return noun is not None and any(
            p.dep_ == "prep" and p.lower_ in ("from", "by") and any(t.ent_type_ in ("COUNTRY", "ORG") for t in p.subtree)
            or p.dep_ in ("amod", "compound") and p.ent_type_ == "COUNTRY" for p in noun.children)

    def is_third_party(self, root: Token, noun: Token | None) -> bool:
        """Models tested, evaluated or ranked by someone else ("the institute evaluated 16
        models", "when the authors benchmarked 30 models, three of the top five came from
        ...", "on the firm's leaderboard, five of the 10 best models come from China"): the
        verbs above the count, the clauses they govern, or a ranking they are placed on say so."""
        verb = clause_verb(root)
        if self.has_maker(noun) and verb.lemma_.lower() in ("list", "include", "count", "record"):
            return False  # "its figures list 63 notable models from American developers": the makers' count
        # "on the firm's leaderboard", "ran 96 of the models through its own benchmark suite"
        if any(p.dep_ == "prep" and p.lower_ in ("on", "in", "atop", "through", "against") and any(
                o.dep_ == "pobj" and (o.lemma_.lower() in self.ranking_nouns or any(
                    c.dep_ == "compound" and c.lemma_.lower() in self.ranking_nouns for c in o.children))
                for o in p.children) for p in verb.children):
            return True
        # "Of the 25 highest-ranked models on the board, seven were developed in the UAE": a part
        # of models a third party ranked or tested
        for whole in (o for p in (*verb.children, *root.children) if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in ("model", "llm", "system")):
            if any(self.third_party.intersection((t.lemma_.lower(), t.lower_)) for t in whole.subtree if t.i != whole.i):
                return True
        node, child = root, None
        while True:
            # its object or passive subject: "ranked eighth with three" is a claim
            # ... or the models themselves: "three Chinese models ranked among the top 10"
            if self.third_party.intersection((node.lemma_.lower(), node.lower_)) and (child is None or child.dep_ in ("dobj", "nsubjpass")
                                                                                    or child.dep_ == "nsubj" and child.lemma_.lower() in ("model", "llm", "system")):
                return True
            if any(c.dep_ == "advcl" and self.third_party.intersection((c.lemma_.lower(), c.lower_))
                   and any(o.dep_ == "dobj" for o in c.children) for c in node.children):
                return True
            if node.head.i == node.i or node.head.lemma_.lower() in self.reporting:
                return False
            node, child = node.head, node

    @staticmethod
    def sources(sent: Span, finder: SubjectFinder) -> set[str]:
        """Names a sentence cites as its source: "according to industry body Nasscom"."""
        names: set[str] = set()
        if "according" not in sentence_words(sent):
            return names
        for token in sent:
            if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
                for pobj in token.nbor().children:
                    ent = finder.entity(pobj)
                    if ent is not None:
                        names.add(subject_of(ent).name)
        return names

    @staticmethod
    def is_period_line(sent: Span) -> bool:
        """A list line labelled by a time, not a name: "- Second quarter: four models"."""
        tokens = [t for t in sent if not t.is_space and t.text not in ("-", "•", "*", "–")]
        colon = next((i for i, t in enumerate(tokens[:6]) if t.text == ":"), None)
        return colon is not None and colon > 0 and all(
            t.ent_type_ == "DATE" or t.lower_ in PERIOD_LABEL_WORDS or YEAR_LABEL.fullmatch(t.text) for t in tokens[:colon])

    def names_same_period(self, sent: Span) -> bool:
        """"... over that period", "in the same period": the sentence refers to a period named before."""
        text = " " + " ".join(lower_words(sent)) + " "
        return any(f" {phrase} " in text for phrase in self.same_period_phrases)

    @staticmethod
    def is_counter(root: Token, subjects: list[Subject], found: list[Claim]) -> bool:
        """Whether a baseline's clause subject is the one who counted, not whose count it is:
        the verb's subject differs from the last claim's, and that claim was credited elsewhere."""
        verb = clause_verb(root)
        return verb.lemma_.lower() in COUNTING_VERBS and found[-1].subject not in {s.name for s in subjects}

    def is_counting_org(self, root: Token, noun: Token | None, subjects: list[Subject]) -> bool:
        """Whether the subjects are an org that counted the models, the subject of a counting
        verb ("The watchdog tallied 40 models"), when nothing names who made them."""
        verb = clause_verb(root)
        counter = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return verb.lemma_.lower() in COUNTING_VERBS and counter is not None and not self.has_maker(noun) \
            and all(s.label == "ORG" for s in subjects) and not counter.is_ancestor(root)

    def is_unowned_release(self, root: Token) -> bool:
        """"Seventeen were released last year": a bare count made the passive subject of a
        making verb with no agent, a part of the count the story just gave."""
        verb = root.head
        if root.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in verb.children):
            # "Three of them came out last year", "two debuted in May": a verb of appearing
            lemma = verb.lemma_.lower()
            return lemma in APPEARING_VERBS or lemma == "come" and any(
                c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
        return root.dep_ == "nsubjpass" and verb.lemma_.lower() in self.making_verbs \
            and not any(c.dep_ == "agent" for c in verb.children)

    @staticmethod
    def is_continuation(root: Token) -> bool:
        """"three more have been released": a count whose clause names nobody (a time the
        parser took for a subject names nobody either)."""
        verb = clause_verb(root)
        return not any(c.dep_ in ("nsubj", "agent") and c.i != root.i and not root.is_ancestor(c) and not c.is_ancestor(root)
                       and c.ent_type_ != "DATE" for c in verb.children)

    @staticmethod
    def as_did(sent: Span, found: list[Claim], finder: SubjectFinder) -> list[Claim]:
        """"DeepSeek and Alibaba Cloud had four apiece, as did Anthropic": the same claim for
        the name after "as did"."""
        extra: list[Claim] = []
        doc = sent.doc
        if not {"as", "same"} & sentence_words(sent):
            return extra
        for token in sent:
            if token.lower_ == "as" and token.i + 2 < sent.end and doc[token.i + 1].lower_ in AS_DID:
                ent = finder.entity(doc[token.i + 2])  # "as did Anthropic"
            elif token.lower_ == "same" and token.i + 2 < sent.end and doc[token.i + 1].lower_ == "as":
                ent = finder.entity(doc[token.i + 2])  # "three notable models in 2024, the same as France"
            else:
                continue
            before = [c for c in found if c.count_end <= token.idx]
            if ent is None or ent.label_ not in ("COUNTRY", "ORG") or not before:
                continue
            subject = subject_of(ent)
            last = before[-1]
            extra.append(Claim(subject.name, subject.label, subject.code, last.count, last.qualifier, last.item,
                               last.year_start, last.year_end, last.sent_start, last.sent_end, last.count_start,
                               last.count_end))
        return extra

    def is_figure_changed_to(self, root: Token, found: list[Claim]) -> bool:
        """A bare number the figure just given changes to: "The following year that rose to
        three", and a gapped "..., and last year to eight" after it."""
        to = root.head
        if root.dep_ != "pobj" or to.lower_ != "to":
            return False
        verb = to.head
        if verb.lemma_.lower() in self.change_verbs:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return subject is not None and (subject.lower_ in ("it", "that", "this") or subject.lemma_.lower() in self.figure_nouns
                                            and not any(c.dep_ == "prep" for c in subject.children))  # not "the number of services"
        # the gapped "and last year to eight": a time, then "to" and the number, after such a change
        return bool(found) and verb.ent_type_ == "DATE" and any(
            t.lemma_.lower() in self.change_verbs for t in root.doc[root.sent.start : verb.i])

    def is_restated_figure(self, root: Token) -> bool:
        """A bare number that a figure or "it" is equal to: "the figure was 26", "it was 29"."""
        verb = root.head
        if root.dep_ != "attr" or verb.lemma_ != "be":
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subject is not None and (subject.lower_ in ("it", "that", "this") or subject.lemma_.lower() in self.figure_nouns
                                        and not any(c.dep_ == "prep" for c in subject.children))

    @staticmethod
    def is_running_total(root: Token) -> bool:
        """A bare count a total is taken or brought to, or that a bare total passes, the
        total owned by no one named: "taking the total registered since August 2023 to 346",
        "total passes 300"."""
        doc = root.doc
        verb = root.head
        if root.dep_ == "dobj" and verb.lemma_.lower() in REACHING_VERBS and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in TOTALS and not any(g.dep_ in ("poss", "prep") for g in c.children)
                for c in verb.children):
            return True  # "..., total passes 300": the total of what the sentence counted
        if root.i == 0 or doc[root.i - 1].lower_ != "to":
            return False
        for verb in doc[root.sent.start : root.i]:
            if verb.lemma_.lower() in RAISING_VERBS:
                total = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in TOTALS), None)
                if total is not None and not any(c.dep_ == "poss" for c in total.children):
                    return True
        return False

    @staticmethod
    def is_total_brought_now(root: Token) -> bool:
        """A bare count a total is brought to in the present ("That brings the country's
        running total to 15"), with no date in the bringing clause."""
        verb = total_raised_to(root)
        return verb is not None and verb.tag_ in ("VBZ", "VBP") and reached_now(root.head)

    @staticmethod
    def is_total_brought_along(root: Token) -> bool:
        """A bare count a participle brings a total to, with no date of its own: "released
        two this week, bringing its total to nine" (the week dates the two, not the nine)."""
        verb = total_raised_to(root)
        return verb is not None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") \
            and not any(t.ent_type_ == "DATE" for t in verb.subtree)

    def of_a_figure(self, root: Token) -> bool:
        """Whether a count's clause is about the figure just given: "The figure was up from
        57", "It rose from 41"."""
        subject = next((c for c in clause_verb(root).children if c.dep_ == "nsubj"), None)
        return subject is not None and (subject.lower_ == "it" or subject.lemma_.lower() in self.figure_nouns)

    def has_named_owner(self, count: Count, sent: Span) -> bool:
        """"..., compared with 40 for the United States": a compared count placed with a
        country or org of its own, not the excluded count's earlier figure."""
        doc = sent.doc
        prep = doc[count.end] if count.end < sent.end else None
        return prep is not None and prep.lower_ in ("for", "from", "in", "by") and any(
            t.ent_type_ in SUBJECT_LABELS for t in prep.subtree if t.i > prep.i)

    def is_comparison(self, root: Token) -> bool:
        """A bare number compared with the previous count: "up from 79", "compared with 11"."""
        if root.dep_ == "nummod" and root.head.ent_type_ == "DATE" and root.head.dep_ == "pobj" and root.ent_type_ != "DATE":
            root = root.head  # "up from nine last year": the parser hangs the count on its time
        head = root.head
        return root.dep_ == "pobj" and (head.lower_ in self.comparison_heads and head.lower_ != "from"
                                        or head.head.lower_ in self.comparison_heads
                                        or head.lower_ == "from" and head.head.lemma_.lower() in self.change_verbs)

    def corrects(self, earlier: Claim, claim: Claim, sent: Span) -> bool:
        """Whether a claim corrects an earlier one: "Nine Ghanaian models, not seven." takes
        back the same subject's seven for the same period."""
        if (earlier.subject, earlier.item, earlier.year_start, earlier.year_end) != \
                (claim.subject, claim.item, claim.year_start, claim.year_end):
            return False
        after = [t for t in sent if t.idx >= claim.count_end][:6]
        # ", not five" right after the claim's noun phrase
        for i, token in enumerate(after[1:-1], start=1):
            denied = corrected_number(token) if token.lower_ == "not" else None
            if denied is not None:
                return self.numbers.word_value(denied) == earlier.count
        return False

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
        lower = lower_ids(doc) if len(doc) else None
        number_tokens = self.numbers.number_tokens(doc, lower) if lower is not None else numpy.zeros(0, dtype=bool)
        phrase_starts = self.periods.phrase_starts(lower) if lower is not None else None
        for index, (sent, ents) in enumerate(zip(sents, ents_by_sentence(sents, state.finder.ents))):
            has_numbers = bool(number_tokens[sent.start : sent.end].any())
            exprs, last_year, state.part_year = self.periods.expressions(
                sent, ents, published, state.last_year, has_numbers, state.claim_year, state.part_year,
                None if phrase_starts is None else phrase_starts[sent.start : sent.end])
            cells = table_cells(sent)
            if state.table is not None and TABLE_RULE.fullmatch(span_text(sent).strip()):
                found = []  # "|---|---|": the rule under a header keeps the table going
            elif cells is not None and state.table is not None and len(cells) == state.table.width:
                found = self.table_row(state, index, sent, cells)  # "Mistral AI | France | 5"
            else:
                # "Lab | Country | LLMs released, 2024" starts a table; any other line is read as text
                recent_class = state.model_item if state.model_at is not None and state.model_at >= index - MODEL_GAP else None
                state.table = None if cells is None else self.table_header(cells, exprs, published, recent_class) \
                    or self.yearly_table_header(cells, recent_class, state.finder)
                found = [] if state.table is not None or not has_numbers else self.sentence_claims(state, index, sent, exprs)
            named = self.items.listed_class(sent) if not found and cells is None else None
            if named is not None:
                # "The firm counted large language models released between January 2023 and June
                # 2024": before any model count, the class a story names is what its bare counts
                # count; and the period of such a sentence dates a list or table that follows
                dated = next((e for e in exprs if e.kind in ("point", "range", "soft")), None)
                if state.model_item is None or dated is not None:
                    state.model_item, state.model_at = named, index
                if dated is not None:
                    state.carry = (index, years_of(dated, False, published))
                    state.period = state.carry[1]
                elif (state.period or state.named_period) is not None and self.names_same_period(sent):
                    # "The report tracked releases from January 2023 to September 2025. Language
                    # models released ... over that period:"
                    state.carry = (index, state.period or state.named_period)
            elif not found and (mentioned := self.items.sentence_model_class(sent)) is not None:
                # "providers of generative models must register. The first batch covered 12 models":
                # the class named last is what a bare "models" next counts
                state.model_item, state.model_at = mentioned, index
            elif found and not exprs and state.carry is not None and state.carry[0] == index - 1:
                state.carry = (index, state.carry[1])  # "China: 74" / "Japan: 21": a table goes on in one period
            if not has_numbers and not exprs and state.carry is not None and state.carry[0] == index - 1:
                state.carry = (index, state.carry[1])  # "Most came from London." keeps the period going
            state.finder.after_sentence(index, ents, [Subject(c.subject, c.subject_label, c.subject_code) for c in found])
            spans = [e for e in exprs if e.kind in ("point", "range") and e.year_end is not None]
            if spans:
                state.named_period = years_of(spans[-1], False, published)
            state.last_year = last_year
            # "Cohere released four, up from one the year before": the main count's year, not its baseline's
            state.claim_year = next((c.year_end for c in reversed(found) if c.year_end is not None
                                     and c.item in (LLM, AI_MODEL) and c.count_start not in state.baselines),
                                    state.claim_year)
            state.baselines = set()
            claims = [c for c in claims if not any(self.corrects(c, f, sent) for f in found)]
            claims += found
            for c in found:
                state.claimed.setdefault((c.subject, c.count, c.item), (c.year_start, c.year_end))
        return dedupe(claims)

    def sentence_claims(self, state: _State, index: int, sent: Span, exprs: list[TimeExpr]) -> list[Claim]:
        """Claims of one sentence; updates the item and period carried to the next one."""
        counts = self.numbers.counts(sent)
        found: list[Claim] = []
        dates = _SentenceDates()
        roots = {c.root(sent).i for c in counts}
        excluded = False  # whether the last count was set aside (a third party's, the world's ...)
        text = span_text(sent)
        bracketed = BRACKET_YEAR.search(text)
        heading = re.search(r"((?:19|20)\d\d)\s*$", text[: bracketed.start()]) if bracketed is not None else None
        if bracketed is not None:
            # "2025 (2024 figures in brackets): United States 52 (40)": the declaration dates the
            # bracketed counts, the rest keep the sentence's other year
            start = sent.start_char + bracketed.start()
            exprs = [e for e in exprs if not start <= sent.doc[e.start].idx < sent.start_char + bracketed.end()]
        for count in counts:
            root = count.root(sent)
            noun = self.items.item_noun(root)
            item = self.count_item(state, index, count, (root, noun), counts)
            if item is None:
                continue
            if bracketed is not None and sent.doc[count.start].idx > sent.start_char + bracketed.end():
                inside = count.start > 0 and sent.doc[count.start - 1].text in ("(", "[")
                if inside or heading is not None:
                    year = int((bracketed if inside else heading).group(1))
                    found += [self.make_claim(s, count, item, (year, year), sent)
                              for s in self.find_subjects(state.finder, root, noun, index, count)]
                    continue
            baseline = self.is_comparison(root) and noun is None  # "up from 29 in 2021"
            years, own_date = self.count_years(state, index, (root, noun), exprs, roots - {root.i},
                                               dates.baseline if baseline and dates.baseline else dates.last)
            main = not is_embedded(root)
            if self.is_negated(root, count, noun) or self.is_global(root, noun) or self.is_total(root, noun, count) \
                    or self.is_third_party(root, noun) or self.is_hypothetical(root, noun) \
                    or baseline and excluded and not self.has_named_owner(count, sent) \
                    or noun is not None and any(c.dep_ == "acl" and self.third_party.intersection((c.lemma_.lower(), c.lower_))
                                                for c in noun.children):  # "of 60 systems tested"
                # "... has identified more than 30 models, up from just two": the baseline goes with its count
                excluded = True
                if own_date and not baseline:
                    dates.note(years, main, claimed=False)
                continue
            excluded = False
            if baseline and own_date:
                dates.baseline = years  # "up from 39 a year earlier, while China's rose from 18"
            forecast = self.forecast_word(root)
            # "were expected to release N in <a past year>" stays; "wants to reach N" does not
            hedge = forecast is not None and forecast.tag_ in ("VBD", "VBN") and forecast.lemma_.lower() in HEDGES \
                and years[1] is not None \
                and state.published is not None and years[1] < state.published.year
            future = state.published is not None and years[1] is not None and years[1] > state.published.year \
                and (years[0] is None or years[0] > state.published.year)  # "has two models of its own by 2027"
            if forecast is not None and not hedge or future:
                continue
            subjects = self.find_subjects(state.finder, root, noun or self.items.total_noun(root), index, count)
            subjects = state.finder.credit_regulator(subjects, root, index)
            if self.is_joint(root, subjects):
                subjects = state.finder.approving_country(root)
            if subjects and self.is_counting_org(root, noun, subjects):
                subjects = []  # "The group counted 37 in all": the tracker counted them, it did not make them
            if baseline and found and subjects and ({s.name for s in subjects} <= self.sources(sent, state.finder)
                                                    or self.is_counter(root, subjects, found)):
                # "25 LLMs, according to industry body Nasscom, up from fewer than 10", "Nasscom counted
                # 11 LLMs developed by Indian organisations, up from four": the parser hangs "up" on the
                # source or the counter; a baseline is the same subject's earlier figure
                subjects = last_subject(found)
            # A count that goes on from the last claim takes its subject: a baseline ("up from
            # 79"), "three more have been released", "the following year the figure was 26".
            if not subjects and found and noun is None and self.is_comparison(root):
                subjects = last_subject(found)
            if not subjects and noun is None and self.is_running_total(root):
                # "17 more completed the process, taking the total registered since 2023 to 346"
                subjects = last_subject(found) or state.finder.previous_claim_subject(index)
                if (not own_date or reached_now(root)) and state.published is not None:
                    years = (None, state.published.year)  # a total so far, not the last count's period
            elif noun is None and not own_date and state.published is not None and self.is_total_brought_now(root):
                years = (None, state.published.year)  # "That takes the country's running total to 15"
            elif noun is None and years[1] is not None and self.is_total_brought_along(root):
                years = (None, years[1])  # "released two this week, bringing its total to nine": all to date
            if not subjects and not found and noun is None and self.is_comparison(root) and self.of_a_figure(root):
                subjects = state.finder.previous_claim_subject(index)  # "The figure was up from 57"
            if not subjects and noun is None and self.is_figure_changed_to(root, found):
                subjects = last_subject(found) or state.finder.previous_claim_subject(index)
            if not subjects and found and noun is None and count.start > sent.start \
                    and sent.doc[count.start - 1].lower_ == "and" and sent.doc[count.start - 1].head.i < count.start \
                    and not (count.end < sent.end and sent.doc[count.end].lower_ in ("from", "in", "by", "at", "among")
                             and sent.doc[count.end].ent_type_ != "DATE"
                             and not any(c.ent_type_ == "DATE" for c in sent.doc[count.end].children)):
                # "nine were released last year and seven so far this year": a gapped clause
                subjects = last_subject(found)
            if not subjects and self.is_period_line(sent):
                # "The report breaks the releases down by quarter: - Second quarter: four models"
                subjects = state.finder.recent_claim_subject(index, BREAKDOWN_GAP)
            if not subjects and (noun is None or is_part_of_the(root, noun)) and self.is_unowned_release(root):
                # "43 LLMs in all. Most of them are recent. Seventeen were released last year"
                subjects = last_subject(found) or state.finder.recent_claim_subject(index, PART_GAP)
            if not subjects and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause_verb(root).children):
                subjects = state.finder.interviewee(root)  # a verbless answer: "A: Eleven, since we started"
            more = count.end < len(sent.doc) and sent.doc[count.end].lower_ == "more" and self.is_continuation(root)
            if not subjects and (more or noun is None and self.is_restated_figure(root)):
                subjects = last_subject(found) or state.finder.previous_claim_subject(index)
            if not subjects and noun is not None and clause_verb(root).lemma_.lower() in LISTING_VERBS:
                # "its register now lists 14 Nigerian language models": the country the models are from
                subjects = [subject_of(e) for c in noun.children if c.dep_ in ("amod", "compound")
                            and (e := state.finder.entity(c)) is not None and e.label_ == "COUNTRY"][:1]
            if not subjects and found and is_part_said_to_be_models(root):
                subjects = last_subject(found)  # "..., and that three of last year's releases were LLMs"
            restated = {state.claimed.get((s.name, count.value, item)) for s in subjects}
            if subjects and noun is None and not own_date and count.start > 0 and sent.doc[count.start - 1].tag_ == "POS" \
                    and len(restated) == 1 and None not in restated:
                years = restated.pop()  # "Senegal's three include a Wolof model": the count given before, again
            found += [self.make_claim(s, count, item, years, sent) for s in subjects]
            if baseline:
                state.baselines.update(c.count_start for c in found[len(found) - len(subjects):])
            # "up from 31 last year and nine the year before": a count joined to a baseline is one too
            joined_baseline = noun is None and root.dep_ == "conj" and root.head.like_num and self.is_comparison(root.head)
            if own_date and not baseline and not joined_baseline:  # the date of a count carries on; not that of a baseline
                dates.note(years, main, claimed=bool(subjects) and item in (LLM, AI_MODEL))
        if not sentence_words(sent).isdisjoint(self.respectively):
            text = doc_text(sent.doc)
            each = {c.count_start for c in found if SHARED_BY_EACH.match(text, c.count_end)}
            found = pair_years_respectively(pair_respectively(found, each), sent)
        found += self.as_did(sent, found, state.finder)
        state.end_sentence(index, found, dates)
        return found

    def count_item(self, state: _State, index: int, count: Count, anchors: tuple[Token, Token | None],
                   counts: list[Count]) -> str | None:
        """The item a count counts (None: not a count worth keeping); remembers it."""
        root, noun = anchors
        previous = state.last_item[1] if state.last_item and state.last_item[0] >= index - 1 else None
        # a count in a relative or participial clause is an aside, unless it goes on counting
        # what the main clause counted ("led with nine such laws, followed by Spain with five")
        aside = state.last_embedded and not (state.main_item and state.last_item
                                             and state.main_item == (index, state.last_item[1]))
        if previous not in (LLM, AI_MODEL, None) and state.last_item and (state.last_item[0] < index or aside):
            # a bare count continues the story's models, past other things counted before or in
            # a relative clause ("Kakao, whose app is used by 48 million people, released two")
            previous = state.model_item or (state.main_item[1] if aside and state.main_item
                                            and state.main_item[0] >= index - 1 else previous)
        elif previous is None and state.model_at is not None and state.model_at >= index - MODEL_GAP:
            previous = state.model_item  # ... across a sentence or two about something else
        whole = self.partitive_whole(root, state) if noun is None else None
        said = None
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "118 of the models registered were LLMs"
            attr = next((c for c in root.head.children if c.dep_ == "attr" and c.lemma_.lower() in ("model", "llm")), None)
            said = self.items.item_text(attr, count, "unknown", "unknown") if attr is not None else None
        if noun is None and previous not in (LLM, AI_MODEL):
            # "By Epoch's tally of notable models, American organizations were behind 44"
            previous = self.items.sentence_model_class(root.sent) or previous
        doc = root.doc
        if noun is not None and count.start > 0 and doc[count.start - 1].lower_ in ("the", "those", "these") \
                and state.items_by_count.get(count.value) in (LLM, AI_MODEL):
            previous = state.items_by_count[count.value]  # "the eight Polish models": the eight counted before
        item = self.items.item_text(noun, count, previous, state.model_item) if noun is not None else \
            whole or self.items.elided_item(root, count, counts, previous)
        if said in (LLM, AI_MODEL):
            item = said
        if item is None or count.value == 1 and item not in (LLM, AI_MODEL):
            return None
        if noun is None and item in (LLM, AI_MODEL) and count.value >= 1_000_000:
            return None  # "8 billion and 35 billion parameters": no one counts models in millions
        state.last_item = (index, item)
        state.last_embedded = is_embedded(root)
        if not state.last_embedded:
            state.main_item = (index, item)
        state.items_by_count[count.value] = item
        if item in (LLM, AI_MODEL):
            state.model_item = item
            state.model_at = index
        return item

    def partitive_whole(self, root: Token, state: _State) -> str | None:
        """The item of an earlier count a part is taken from: "Three of the 11 came from
        its enterprise division" counts what the 11 counted."""
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    value = self.numbers.word_value(pobj) if pobj.dep_ == "pobj" else None
                    if value is not None and value in state.items_by_count:
                        return state.items_by_count[value]
        return None

    def count_years(self, state: _State, index: int, anchors: tuple[Token, Token | None], exprs: list[TimeExpr],
                    others: set[int], dated: Years | None) -> tuple[Years, bool]:
        """The years of a count, and whether its own clause dates it. Undated counts take
        the sentence's date, else the previous sentence's, else the story's; a stock read
        only from the tense ("Indonesia has managed fewer than 10") yields to them too."""
        root, noun = anchors
        since = next((c for c in clause_verb(root).children if c.dep_ == "prep" and c.lower_ == "since"), None) \
            if "since" in sentence_words(root.sent) else None
        if since is not None and state.published is not None and self.chooser.is_perfect(root) \
                and not any(t.ent_type_ == "DATE" for t in root.doc[since.i : root.sent.end]):
            # "... last year and has released 11 since the spin-off": a stock up to now, not the other verb's year
            return (None, state.published.year), True
        expr, stock = self.chooser.choose(root, noun, exprs, others, self.is_comparison(root))
        years = years_of(expr, stock, state.published)
        if expr is not None and expr.kind == "same":  # "over the same two years", "in the period"
            # "117 in 2023, ahead of the 104 ... over the same period": this sentence's period first
            named = state.named_period if state.named_period is not None and state.named_period[0] != state.named_period[1] else None
            span = state.span or named  # the last multi-year claim period, else the last multi-year period named
            return (span if expr.year_start == SAME_SPAN else dated) or state.span or state.period or (None, None), True
        tense_only = expr is None and stock and not any(e.kind in ("asof", "stock") for e in exprs)
        if expr is not None or stock and not tense_only:
            return years, True
        carried = state.carry[1] if state.carry is not None and state.carry[0] == index - 1 else None
        if tense_only and (noun is not None or self._has_now(root)) and (dated is None or self.chooser.is_perfect(root)):
            # "IIT Bombay has released two language models", "Egypt has up to five": a stock of
            # its own, not the previous sentence's period (that carries to elliptical perfects:
            # "Y has managed 5")
            return years, False
        return dated or carried or (years if tense_only else state.lead) or years, False

    @staticmethod
    def _has_now(root: Token) -> bool:
        """Whether a count is what its subject has now: "Egypt has up to five"."""
        verb = clause_verb(root)
        return verb.lemma_.lower() == "have" and verb.tag_ in ("VBZ", "VBP") and verb.dep_ != "aux"

    @staticmethod
    def find_subjects(finder: SubjectFinder, root: Token, noun: Token | None, index: int, count: Count) -> list[Subject]:
        anchors = [root] + ([noun] if noun is not None else [])
        doc = root.doc
        if root.dep_ == "pobj" and root.head.lower_ == "to":  # "taking Europe's total to seven": the total's owner
            for total in root.head.head.children:
                owner = next((c for c in total.children if c.dep_ == "poss"), None) if total.dep_ == "dobj" else None
                if owner is not None and total.lemma_.lower() in TOTALS:
                    owners = finder.resolve_np(owner, index)
                    if owners is None and owner.lower_ in ("its", "their"):
                        # "released two this week, bringing its total to nine": whoever released them
                        return finder.clause_subject(root, [root], index)
                    return owners or []
        if noun is not None and noun.head.lower_ == "of" and noun.head.head.i == root.i:
            # "Mistral AI accounted for three of France's five releases": the part is the
            # clause subject's; the whole's owner only when the clause names none
            own_part = finder.clause_subject(root, [root], index)
            if own_part or any(c.dep_ == "nsubj" and c.i != root.i and not c.is_ancestor(root) for c in clause_verb(root).children):
                return own_part  # "Bavarian firms account for six of Germany's 21": not Germany's six
        own = finder.own_subject(anchors, index, doc[count.end] if count.end < len(doc) else None, doc[count.start])
        if own is not None:
            return own
        # from the count when it sits inside its noun's clause: "the number of models the
        # institute has released to four"
        start = noun if noun is not None and not noun.is_ancestor(root) else root
        return finder.clause_subject(start, anchors, index)

    def table_header(self, cells: list[Span], exprs: list[TimeExpr], published: date | None,
                     recent_class: str | None = None) -> _Table | None:
        """The header of a table whose rows count models: the cell that names the class of
        models counted, with the period it names ("LLMs released, Jan-Jun 2024"); or cells
        that are years ("Country  2024  2025") under a line naming the class (`recent_class`).
        A line that itself counts something is no header. A total or as-of column after a
        model column ("Total as of Dec 2024") counts the same models as a stock at its year."""
        year_columns: list[tuple[int, Years]] = [
            (i, years) for i, cell in enumerate(cells) if i > 0 and (years := self.column_years(cell.text, published)) is not None]
        if year_columns:
            # "Country  2023  2024  2025*  Total": a total column covers the years before it
            first_year, last_year = year_columns[0][1][0], year_columns[-1][1][1]
            year_columns += [(i, (first_year, last_year)) for i, cell in enumerate(cells)
                             if i > year_columns[-1][0] and cell.text.lower() in ("total", "all", "overall")]
        if recent_class is not None and year_columns and len(year_columns) == len(cells) - 1:
            return _Table(len(cells), year_columns, recent_class)
        if self.numbers.counts(cells[0].sent):
            return None
        # each cell naming the class counted is a count column with its own period:
        # "| Country | LLMs released in 2024 | LLMs released in 2025 |"
        columns: list[tuple[int, Years]] = []
        counted: str | None = None
        for i, cell in enumerate(cells):
            noun = next((t for t in cell if t.lemma_.lower() in ("model", "llm") or t.lower_ == "llms"), None)
            if noun is None:
                if counted is not None and TOTAL_CELL.search(cell.text):
                    # "| LLMs released in 2024 | Total as of Dec 2024 |": the running total of the same models
                    named_years = YEAR_IN_TEXT.findall(cell.text)
                    year = int(named_years[-1]) if named_years else published.year if published is not None else None
                    columns.append((i, (None, year)))
                continue
            item = self.items.item_text(noun, Count(cell.start, cell.start, 0, "exact"), "unknown", "unknown")
            if item not in (LLM, AI_MODEL) or counted not in (None, item):
                continue
            dated = [e for e in exprs if cell.start <= e.start < cell.end and e.kind in ("point", "range", "soft")]
            years: Years = years_of(dated[0], False, published) if dated else (None, None)
            named_years = sorted(int(y) for y in YEAR_IN_TEXT.findall(cell.text))
            if not dated and named_years:
                years = (named_years[0], named_years[-1])
            columns.append((i, years))
            counted = item
        return _Table(len(cells), columns, counted) if counted is not None else None

    @staticmethod
    def column_years(text: str, published: date | None) -> Years | None:
        """The period a table column's header names, if it names nothing else: "2024",
        "2025*" (a footnote), "2021-2023", "Since 2023" (to the publication year)."""
        text = text.strip()
        if (m := YEAR_CELL.fullmatch(text)) is not None:
            return int(m.group(1)), int(m.group(1))
        if (m := YEAR_RANGE_CELL.fullmatch(text)) is not None:
            first, last = int(m.group(1)), int(m.group(2))
            last += first - first % 100 if last < 100 else 0  # "2021-23"
            return (first, last) if first <= last else None
        if (m := SINCE_YEAR_CELL.fullmatch(text)) is not None and published is not None \
                and int(m.group(1)) <= published.year:
            return int(m.group(1)), published.year
        return None

    @staticmethod
    def yearly_table_header(cells: list[Span], recent_class: str | None, finder: SubjectFinder) -> _Table | None:
        """"Year | Brazil | Argentina | Chile | Rest of region" under a line naming the class of
        models counted: a row per year, a column per country or org (a column naming neither,
        "Rest of region", credits nobody)."""
        if recent_class is None or cells[0].text.strip().lower() not in ("year", "years"):
            return None
        subjects = {i: subject_of(ent) for i, cell in enumerate(cells) if i > 0
                    and (ent := next((e for t in cell if (e := finder.entity(t)) is not None), None)) is not None
                    and ent.label_ in SUBJECT_LABELS}
        if not subjects:
            return None
        return _Table(len(cells), [(i, (None, None)) for i in subjects], recent_class, subjects)

    def table_row(self, state: _State, index: int, sent: Span, cells: list[Span]) -> list[Claim]:
        """A row of a table: the first named country or org, the count in each count
        column, and what and when the header says for that column."""
        table = state.table
        assert table is not None
        if table.subjects:
            return self.yearly_row(state, index, sent, cells, table)
        count_cells = {i for i, _ in table.columns}
        if any(t.lower_ in TOTALS or t.lower_ in REMAINDER_ROWS for t in cells[0]):
            return []  # "GCC total", "Others": a row of no one's own
        subject = next((subject_of(e) for i, other in enumerate(cells) if i not in count_cells for t in other
                        if (e := state.finder.entity(t)) is not None and e.label_ in SUBJECT_LABELS), None)
        first = cells[0]
        if 0 not in count_cells and not any(t.ent_id_ or t.ent_type_ in SUBJECT_LABELS for t in first) and all(
                t.text[:1].isupper() or t.text[:1].isdigit() for t in first if not t.is_punct) \
                and not any(t.lower_ in self.global_words for t in first):  # not "Worldwide"
            # a name the model missed or mislabelled heads its row; an acronym, the name it stands for
            subject = state.finder.named_by_acronym(first.text) or Subject(first.text, "ORG", None)
        if subject is None:
            return []
        found = []
        numbers = self.numbers.counts(sent)
        for i, years in table.columns:
            counts = [c for c in numbers if cells[i].start <= c.start < cells[i].end]
            value = self.numbers.word_value(cells[i][0]) if len(cells[i]) == 1 else None
            if not counts and value is not None:
                # a bare number in a count column is a count, whatever the model tagged it
                counts = [Count(cells[i].start, cells[i].end, int(value), "exact")]
            if len(counts) == 1:
                found.append(self.make_claim(subject, counts[0], table.item, years, sent))
        if not found:
            return []
        # what the table counted is what a bare count after it counts ("That makes nine")
        state.last_item = state.main_item = (index, table.item)
        state.model_item, state.model_at = table.item, index
        if len(table.columns) == 1 and table.columns[0][1] != (None, None):  # the table's period goes on after it
            years = table.columns[0][1]
            state.carry = (index, years)
            state.period = years
            state.lead = state.lead or years
        return found

    def yearly_row(self, state: _State, index: int, sent: Span, cells: list[Span], table: _Table) -> list[Claim]:
        """"2023 | 9 | 3 | 3 | 7": the year of the row, the count of each column's subject."""
        years = self.column_years(cells[0].text, state.published)
        if years is None:
            return []
        found = []
        for i, subject in table.subjects.items():
            value = self.numbers.word_value(cells[i][0]) if len(cells[i]) == 1 else None
            if value is not None:
                found.append(self.make_claim(subject, Count(cells[i].start, cells[i].end, int(value), "exact"),
                                             table.item, years, sent))
        if found:
            state.last_item = state.main_item = (index, table.item)
            state.model_item, state.model_at = table.item, index
        return found

    @staticmethod
    def make_claim(subject: Subject, count: Count, item: str, years: tuple[int | None, int | None], sent: Span) -> Claim:
        doc = sent.doc
        text = span_text(sent)
        stripped = text.strip()
        start = sent.start_char + (len(text) - len(text.lstrip()))
        return Claim(subject.name, subject.label, subject.code, count.value, count.qualifier, item,
                     years[0], years[1], start, start + len(stripped), doc[count.start].idx,
                     doc[count.end - 1].idx + len(doc[count.end - 1]))


YEAR_IN_TEXT = re.compile(r"\b((?:19|20)\d\d)\b")
TOTAL_CELL = re.compile(r"(?i)\b(?:total|cumulative|to date|as of|all[- ]time)\b")
# a rule under a table's header: Markdown's "|---|:---:|", or dashes aligned with
# spaces ("-------    -----"), which the sentencizer may split in pieces
TABLE_RULE = re.compile(r"[|+:\s]*(?:[-=]{3,}[|+:\s]*)+")
YEAR_CELL = re.compile(r"((?:19|20)\d\d)\*?")  # "2025*": a year with a footnote
YEAR_RANGE_CELL = re.compile(r"((?:19|20)\d\d)\s?[–—-]\s?((?:19|20)?\d\d)\*?")
SINCE_YEAR_CELL = re.compile(r"(?i:since|from)\s+((?:19|20)\d\d)\*?")


@dataclass
class _Table:
    """A table's header: cells per row, the cells holding counts with the period of each,
    and what they count."""

    width: int
    columns: list[tuple[int, Years]]
    item: str
    # a table with a year per row and a country or org per column ("Year | Brazil | Chile"):
    # the subject of each count column
    subjects: dict[int, Subject] = field(default_factory=dict)


# Whitespace that spaCy keeps as a token of its own (anything but one plain space),
# leaving out line breaks: those end a line, they do not separate its cells.
SPACE_RUN = re.compile(r"[^\S\n]{2,}|[^\S \n]")


def table_cells(sent: Span) -> list[Span] | None:
    """The cells of a line of a pipe table ("Mistral AI | France | 5") or of a table
    aligned with spaces ("France      3      4", ending in a number or a total column), else None."""
    doc = sent.doc
    text = span_text(sent)
    if "|" not in text and not SPACE_RUN.search(text):
        return None  # no bar and no space token: most sentences
    separators = [t.i for t in sent if t.text == "|"]
    if not separators:
        # spaCy keeps a run of two or more spaces as a token of its own
        separators = [t.i for t in sent if t.is_space and "\n" not in t.text]
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if not separators or last is None or not (last.like_num or last.lower_ in ("total", "all", "overall")) \
                or "\n" in text.strip():
            return None
    edges = [sent.start - 1, *separators, sent.end]
    cells = []
    for left, right in zip(edges, edges[1:]):
        start, end = left + 1, right
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        cells.append(doc[start:end])
    # "| a | b |": the empty cells outside the outer bars are not columns
    while cells and not len(cells[0]):
        cells.pop(0)
    while cells and not len(cells[-1]):
        cells.pop()
    return cells if len(cells) > 1 else None


BRACKET_YEAR = re.compile(r"[(\[](?:the )?((?:19|20)\d\d) (?:figures?|numbers?|totals?|counts?|data) (?:are )?in "
                          r"(?:brackets|parentheses)[)\]]", re.IGNORECASE)

# Words that tie a clause to what already happened ("after releasing five last year").
PAST_LINKS = ("after", "since", "having")


@dataclass
class _State:
    """What one document's extraction carries from sentence to sentence."""

    finder: SubjectFinder
    published: date | None
    last_year: int | None = None
    last_item: tuple[int, str] | None = None  # (sentence index, item)
    lead: Years | None = None  # the period of the first dated model claim
    model_item: str | None = None  # the last LLM / AI model item, for a later bare "models"
    model_at: int | None = None  # the sentence index of that item
    carry: tuple[int, Years] | None = None  # (sentence index, years)
    period: Years | None = None  # the last dated claim's period, for "the same period"
    span: Years | None = None  # the last multi-year one, for "the same two years"
    items_by_count: dict[int | float, str] = field(default_factory=dict)  # what each count so far counted
    last_embedded: bool = False  # whether the last count sat in a relative or participial clause
    main_item: tuple[int, str] | None = None  # (sentence index, item) of the last count not in such a clause
    claim_year: int | None = None  # year_end of the last dated model claim, for "a year earlier"
    named_period: Years | None = None  # the last period any sentence named, for "over that period"
    baselines: set[int] = field(default_factory=set)  # count offsets of this sentence's baselines ("up from 4")
    part_year: int | None = None  # the year of the last quarter or half named, for "the previous quarter"
    table: _Table | None = None  # the header of the pipe table being read
    claimed: dict[tuple[str, int | float, str], Years] = field(default_factory=dict)  # (subject, count, item) -> period

    def end_sentence(self, index: int, found: list[Claim], dates: _SentenceDates) -> None:
        """Carry a sentence's periods on to the following ones."""
        if self.lead is None:
            self.lead = next(((c.year_start, c.year_end) for c in found
                              if c.year_start is not None and c.item in (LLM, AI_MODEL)), None)
        for period in (dates.last, dates.first_main):
            # a stock ("has so far released one") is not a period "the same period" can mean
            if period is not None and period[0] is not None and period[1] is not None:
                self.period = period
                if period[0] is not None and period[0] != period[1]:
                    self.span = period
        carried = dates.main or dates.last
        if carried is not None:
            self.carry = (index, carried)
        elif self.carry is not None and self.carry[0] == index - 1 and found:
            self.carry = (index, self.carry[1])  # an elliptical ranking goes on


@dataclass
class _SentenceDates:
    """The periods of a sentence's dated counts."""

    last: Years | None = None  # the last one: later undated counts of the sentence take it
    main: Years | None = None  # the last one outside relative clauses: the next sentence takes it
    first_main: Years | None = None  # the first claim's one outside them: "the same period" means it
    baseline: Years | None = None  # the last dated baseline: a later undated baseline takes it

    def note(self, years: Years, main: bool, claimed: bool) -> None:
        if main or claimed:  # not "whose app reached 2 million users within months of its March launch"
            self.last = years
        if main:
            self.main = years
            if claimed and self.first_main is None:
                self.first_main = years


def is_part_of_the(root: Token, noun: Token) -> bool:
    """"19 of the models": a count of a part of things the story already counted (not of
    "the 38 EU models", whose modifier names another owner)."""
    return noun.head.lower_ == "of" and noun.head.head.i == root.i and any(
        c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in noun.children) and not any(
        t.ent_type_ or t.text[:1].isupper() for t in root.doc[noun.left_edge.i : noun.i])


SUPERSEDED = {"earlier", "previous", "prior", "original", "first"}


# A correction given later in the same sentence: "...; the correct figure is seven"
CORRECT_FIGURE = re.compile(r"[;,:]\s*(?:but\s+)?the\s+(?:correct|right|actual)\s+(?:figure|number|count|total|tally)\s+(?:is|was)\s+"
                            r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)\b")
SHARED_BY_EACH = re.compile(r"\s*(?:each|apiece)\b")  # "which had released one each, ..."

# How a correction says a report was wrong: "The story incorrectly said that ..."
WRONGLY = {"incorrectly", "wrongly", "erroneously", "mistakenly", "falsely"}


def is_retracted(root: Token) -> bool:
    """A count a correction takes back: "An earlier version also said Alibaba had 13 such
    models; the correct number is 11", "The story also incorrectly said that X had launched four"."""
    for verb in root.ancestors:
        if verb.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() == "version" and any(m.lower_ in SUPERSEDED for m in c.children)
                or c.dep_ == "advmod" and c.lower_ in WRONGLY for c in verb.children):
            return True
    # "It also said X had released nine models this year; the correct figure is seven"
    after = span_text(root.doc[root.i : root.sent.end]).lower()
    return CORRECT_FIGURE.search(after) is not None


def is_part_said_to_be_models(root: Token) -> bool:
    """"three of last year's releases were large language models": a part of what was just
    counted, said to be models of a class."""
    verb = root.head
    return root.dep_ == "nsubj" and verb.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children) \
        and any(c.dep_ == "attr" and c.lemma_.lower() in ("model", "llm") for c in verb.children)


def corrected_number(token: Token) -> Token | None:
    """The number a correcting "not" denies: "Nine Ghanaian models, not seven", "26, not
    the 34 reported"; None when the "not" is no correction."""
    doc = token.doc
    number = token.i + 2 if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "the" else token.i + 1
    if token.i > 0 and doc[token.i - 1].text == "," and number < len(doc) and doc[number].like_num:
        return doc[number]
    return None


def is_correction_not(token: Token) -> bool:
    """The "not" of a correction: it denies the number after it, not the clause."""
    return corrected_number(token) is not None


def total_raised_to(root: Token) -> Token | None:
    """The verb that takes or brings a total to this number ("brings its total to 15"), if any."""
    doc = root.doc
    if root.i == 0 or doc[root.i - 1].lower_ != "to" or root.head.i != root.i - 1:
        return None
    verb = root.head.head
    if verb.lemma_.lower() in RAISING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in TOTALS for c in verb.children):
        return verb
    return None


def reached_now(root: Token) -> bool:
    """"..., total passes 300": a total reached in the present, no date in its own clause."""
    verb = root.head
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    own = [t for c in verb.children if c.dep_ not in ("ccomp", "conj", "advcl", "parataxis") for t in c.subtree]
    return not any(t.ent_type_ == "DATE" for t in own)


def last_subject(found: list[Claim]) -> list[Subject]:
    """The subject of the last claim found so far in a sentence, if any."""
    return [Subject(found[-1].subject, found[-1].subject_label, found[-1].subject_code)] if found else []


def hung_on_name(root: Token) -> Token | None:
    """The name a number was wrongly hung on by the parser ("three of the nine and LG AI
    Research for two": "nine" modifies "Research"): the name's root, else None."""
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound") and head.i > root.i and head.ent_type_ in ("ORG", "COUNTRY") \
            and any(t.dep_ == "cc" or t.ent_type_ for t in root.doc[root.i + 1 : head.i]):
        return head
    return None


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


def pair_respectively(found: list[Claim], shared_by_all: frozenset[int] | set[int] = frozenset()) -> list[Claim]:
    """"France and Germany released 8 and 5 LLMs respectively": the k-th subject has the
    k-th count, among the counts that share as many subjects as there are counts, or a
    multiple ("..., up from 3 and 4": each run of counts goes through the subjects again).
    Other clauses of the sentence, "while Britain managed a dozen", are left as they are,
    and so are the counts starting at `shared_by_all` ("which had released one each")."""
    subjects_of: dict[tuple[int, Any], list[tuple[str, str, str | None]]] = {}
    for c in found:
        if c.count_start in shared_by_all:
            continue
        subjects_of.setdefault((c.count_start, c.count), [])
        subject = (c.subject, c.subject_label, c.subject_code)
        if subject not in subjects_of[(c.count_start, c.count)]:
            subjects_of[(c.count_start, c.count)].append(subject)
    groups: dict[tuple[tuple[str, str, str | None], ...], list[tuple[int, Any]]] = {}
    for count, subjects in subjects_of.items():
        groups.setdefault(tuple(subjects), []).append(count)
    pairs = {(count, subjects[k % len(subjects)]) for subjects, counts in groups.items()
             if len(subjects) > 1 and len(counts) % len(subjects) == 0
             for k, count in enumerate(sorted(counts, key=lambda c: c[0]))}
    shared = {count for count, _ in pairs}
    return [c for c in found if (c.count_start, c.count) not in shared
            or ((c.count_start, c.count), (c.subject, c.subject_label, c.subject_code)) in pairs]


LISTED_YEARS = re.compile(r"\b(between\s+)?((?:19|20)\d\d(?:\s*,\s*(?:19|20)\d\d)*,?\s+and\s+(?:19|20)\d\d)\b",
                          re.IGNORECASE)


def pair_years_respectively(found: list[Claim], sent: Span) -> list[Claim]:
    """"released 41 and 57 LLMs in 2022 and 2023, respectively": one subject's k-th count
    is of the k-th year listed, not of the span from the first to the last ("between 2022
    and 2023" is a span, and stays one)."""
    listed = next((m for m in LISTED_YEARS.finditer(span_text(sent)) if not m.group(1)), None)
    if listed is None:
        return found
    years = [int(y) for y in YEAR_IN_TEXT.findall(listed.group(2))]
    runs: dict[str, list[Claim]] = {}
    for claim in found:
        if claim.year_start is not None and claim.year_end is not None and years[0] <= claim.year_start \
                and claim.year_end <= years[-1]:  # dated by the list, whole or in part
            runs.setdefault(claim.subject, []).append(claim)
    dated: dict[int, Claim] = {}
    for claims in runs.values():
        if len({c.count_start for c in claims}) == len(claims) == len(years):
            for claim, year in zip(sorted(claims, key=lambda c: c.count_start), years):
                dated[id(claim)] = replace(claim, year_start=year, year_end=year)
    return [dated.get(id(c), c) for c in found]


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
