"""Who a count is about: the country or organization subject of a count claim.

Read from the dependency parse and the entities: the grammatical subject of the
clause (or a country/org modifying it: "Chinese organizations", "U.S. organizations"),
a possessive ("China's 28"), a preposition on the count ("11 in the United States",
"two LLMs from Chinese organizations"), a locative on a subject-less passive ("launched
in China"), distributive "both countries", and anaphora ("the country", "the company",
"the newest round") resolved from what the article said before.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from .extensions import BOILERPLATE, CANONICAL, COUNTRY_CODE
from .gazetteers import CAPITAL_ID_SEP, COUNTRY_ID_SEP, country_in_name
from .syntax import SPEAKER_TURN, clause_verb, doc_text

SUBJECT_LABELS = ("COUNTRY", "ORG")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OWN_PREPS = ("from", "in", "by", "among", "at")
LOCATIVE_PREPS = ("in", "from", "among")
PRONOUNS = ("it", "its", "they", "their")
RELATIVE_PRONOUNS = ("which", "that", "who")
# Words between a gapped subject and its count ("Canada at three", "and Korea just two").
GAP_SKIP = ("with", "for", "at", "on", "behind", "(", "more", "fewer", "less", "than", "least", "over", "just", "only", "alone", "about", "around", "some", "nearly", "roughly", "almost", "to")
# Nouns of research institutions, any of which may refer back to another ("the institute"
# after "the Beijing Academy of ...").
INSTITUTIONS = {"institute", "academy", "university", "lab", "laboratory", "center", "college", "campus", "school"}
# British spellings of organization nouns, for matching "the centre" with "... Center".
SPELLINGS = {"centre": "center", "programme": "program", "organisation": "organization", "labs": "lab"}
# The start of an interview answer: "A: ...", "A. ..."
ANSWER = re.compile(r"A\s?[:.]\s")
QUESTION_LINE = re.compile(r"^(?:Q\s?[:.]\s.*|[^\n]{1,200}\?)[ \t]*$", re.MULTILINE)
# Nouns for a part of a company, which may carry a name of its own ("its cloud unit").
UNIT_NOUNS = ("unit", "arm", "division", "subsidiary", "business", "affiliate")
# Participles that place an organization ("based in", "headquartered in").
LOCATED_VERBS = ("base", "based", "headquarter", "headquartered", "locate", "located", "register", "registered")
GAP_OPENERS = ("and", ",", "while", "but", "whereas", ";")


def hyphened_lemma(token: Token) -> str:
    """The lemma of a noun the tokenizer split at its hyphen: "start - up" -> "start-up"."""
    doc = token.doc
    if token.i > 1 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
            and not doc[token.i - 2].whitespace_ and doc[token.i - 2].is_alpha:
        return f"{doc[token.i - 2].lower_}-{token.lemma_.lower()}"
    return token.lemma_.lower()


@dataclass(frozen=True)
class Subject:
    """A claim subject: canonical name, label (COUNTRY or ORG) and ISO code for countries."""

    name: str
    label: str
    code: str | None = None


@dataclass
class Salience:
    """What the article has said so far, for anaphora and distributives."""

    claims: list[tuple[int, Subject]] = field(default_factory=list)  # (sentence index, subject)
    org_subject: Subject | None = None
    named_subject: tuple[int, Subject] | None = None  # the last country/org grammatical subject
    orgs: list[Subject] = field(default_factory=list)  # every org named so far, the latest last
    countries: Counter[Subject] = field(default_factory=Counter)
    recent_countries: list[Subject] = field(default_factory=list)


RANK_GAP = {"at", "with", "on", "up", "to", "about", "nearly", "some", "around", "least", "more", "than", "over",
            "place", "spot", "position"}
CREDIT_VERBS = {"credit", "attribute", "associate"}
FAMILY_NOUNS = {"family", "series", "line", "lineup", "line-up", "portfolio", "range"}
REGULATOR_NOUNS = {"regulator", "authority", "government", "watchdog", "official"}


def is_subject(token: Token) -> bool:
    """A grammatical subject, or a name in apposition to one ("The most watched start-up,
    Sakana AI, has taken ...")."""
    return token.dep_ in SUBJECT_DEPS or token.dep_ == "appos" and token.head.dep_ in SUBJECT_DEPS


def subject_of(ent: Span) -> Subject:
    """The Subject an entity stands for."""
    extensions = ent._  # spaCy builds this accessor anew on every access
    return Subject(getattr(extensions, CANONICAL) or ent.text, ent.label_, getattr(extensions, COUNTRY_CODE))


class SubjectFinder:
    """Resolve claim subjects in one document (create one per doc)."""

    def __init__(self, doc: Doc, lexicon: dict[str, Any]) -> None:
        self.doc = doc
        # doc.ents makes new spans on every read: read once (nothing changes them while claims are read)
        self.ents: tuple[Span, ...] = doc.ents
        self.ent_starts = [e.start for e in self.ents]
        self.ent_at: dict[int, Span] = {t: e for e in self.ents for t in range(e.start, e.end)}
        self.country_nouns = set(lexicon.get("country_nouns", []))
        self.org_nouns = set(lexicon.get("org_anaphora_nouns", []))
        self.event_nouns = set(lexicon.get("event_anaphora_nouns", []))
        self.home_adjectives = set(lexicon.get("country_subject_adjectives", []))
        self.reporting = set(lexicon.get("reporting_lemmas", []))
        self.approvals = set(lexicon.get("approval_lemmas", []))
        self.approval_nouns = set(lexicon.get("approval_nouns", []))
        self.total_nouns = set(lexicon.get("total_nouns", []))
        self.making_verbs = set(lexicon.get("making_verbs", []))
        self.government_heads = set(lexicon.get("government_heads", []))
        self.salience = Salience()
        self.boilerplate: list[tuple[int, int]] = list(getattr(doc._, BOILERPLATE, None) or [])
        self.doc_countries: Counter[Subject] = Counter()
        self.country_forms: dict[Subject, set[str]] = {}
        self.doc_orgs: Counter[Subject] = Counter()
        # the Subject of each org and country entity by its token span, read once per doc
        self.subject_at: dict[tuple[int, int], Subject] = {}
        for ent in self.ents:
            if ent.label_ == "COUNTRY":
                subject = self.subject_at[ent.start, ent.end] = subject_of(ent)
                self.doc_countries[subject] += 1
                self.country_forms.setdefault(subject, {subject.name}).add(re.sub(r"^the\s+|(?:'s|’s)$", "", ent.text))
            elif ent.label_ == "ORG":
                subject = self.subject_at[ent.start, ent.end] = subject_of(ent)
                self.doc_orgs[subject] += 1

    def named_by_acronym(self, text: str) -> Subject | None:
        """The org an article introduces with this acronym ("Vidyasirimedhi Institute of
        Science and Technology (VISTEC)"), for a table row that uses the acronym alone."""
        doc = self.doc
        for ent in self.ents:
            if ent.label_ == "ORG" and ent.end + 2 < len(doc) and doc[ent.end].text == "(" \
                    and doc[ent.end + 1].text == text and doc[ent.end + 2].text == ")":
                return self.subject_at[ent.start, ent.end]
        return None

    def sentence_ents(self, span: Span) -> list[Span]:
        """`span.ents` from the entities read once: those from the span's start on, up to
        the first that ends past it."""
        found = []
        for ent in self.ents[bisect_left(self.ent_starts, span.start):]:
            if ent.end > span.end:
                break
            found.append(ent)
        return found

    def subject_of(self, ent: Span) -> Subject:
        """`subject_of(ent)`, looked up for the doc's org and country entities."""
        return self.subject_at.get((ent.start, ent.end)) or subject_of(ent)

    # -- bookkeeping ---------------------------------------------------------------
    def after_sentence(self, index: int, ents: list[Span], subjects: list[Subject]) -> None:
        """Record the sentence's claim subjects, org subjects and country mentions."""
        self.salience.claims += [(index, s) for s in subjects]
        named = [e for e in ents if e.label_ in SUBJECT_LABELS and is_subject(e.root)] \
            or [e for e in ents if e.label_ == "ORG" and e.root.dep_ in ("dobj", "pobj")]  # "... to found Mistral AI"
        if named:
            self.salience.named_subject = (index, self.subject_of(named[-1]))
        for ent in ents:
            if ent.label_ == "ORG":
                subject = self.subject_of(ent)
                if is_subject(ent.root):
                    self.salience.org_subject = subject
                self.salience.orgs.append(subject)
            elif ent.label_ == "COUNTRY":
                subject = self.subject_of(ent)
                self.salience.countries[subject] += 1
                if subject in self.salience.recent_countries:
                    self.salience.recent_countries.remove(subject)
                self.salience.recent_countries.append(subject)

    def _org_named_by(self, noun: str, exact: bool = False) -> Subject | None:
        """"The centre" after "the Barcelona Supercomputing Center": the latest org whose
        name ends in that noun (British and American spellings alike)."""
        wanted = SPELLINGS.get(noun, noun)
        for subject in reversed(self.salience.orgs):
            if wanted in (SPELLINGS.get(w, w) for w in subject.name.lower().split()):
                return subject  # "the institute" -> "National Institute of Informatics"
        if wanted in INSTITUTIONS and not exact:  # "the non-profit institute" -> "Beijing Academy of ...", "the campus" -> a university
            for subject in reversed(self.salience.orgs):
                if INSTITUTIONS.intersection(SPELLINGS.get(w, w) for w in subject.name.lower().split()):
                    return subject
        return None

    def _recent_claim_countries(self, n: int) -> list[Subject]:
        seen: list[Subject] = []
        for _, subject in reversed(self.salience.claims):
            if subject.label == "COUNTRY" and subject not in seen:
                seen.append(subject)
        for subject in reversed(self.salience.recent_countries):
            if subject not in seen:
                seen.append(subject)
        return seen[:n]

    def countries_named_in(self, name: str) -> list[Subject]:
        """Countries of the article an org's name contains ("the Cyberspace Administration of
        China"), by their names or the way the article writes them ("Korea")."""
        return [c for c, forms in self.country_forms.items()
                if any(re.search(rf"\b{re.escape(f)}\b", name) for f in forms)]

    def _country_after(self, ent: Span) -> list[Subject]:
        """"the ... Commission of Korea" when the country is tagged apart from the name."""
        doc = ent.doc
        if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of":
            country = self.entity(doc[ent.end + 1])
            if country is not None and country.label_ == "COUNTRY":
                return [subject_of(country)]
        return []

    def in_answer(self, token: Token) -> bool:
        """Whether a token is in an interview answer ("A: Eleven since we started")."""
        text = doc_text(self.doc)
        start = text.rfind("\n", 0, token.idx) + 1
        line = text[start : token.idx + 1]
        if ANSWER.match(line) is not None:
            return True
        # an interview written without "Q:"/"A:": the paragraph right after a one-line question
        before = text[:start].rstrip().rsplit("\n", 1)[-1].strip()
        return before.endswith("?") and len(before) < 200 and not line.lstrip().startswith(('"', "“"))

    def speakers_org(self, token: Token) -> list[Subject]:
        """"We", "our lab" in a transcript turn ("DUBE: Our own lab has released two"): the
        org the speaker was introduced with ("Lindiwe Dube, who founded the Durban lab
        Ubuntu Speech")."""
        text = doc_text(self.doc)
        start = text.rfind("\n", 0, token.idx) + 1
        label = SPEAKER_TURN.match(text[start : token.idx + 1])
        if label is None:
            return []
        surname = label.group(1).split()[-1].lower()
        for person in (e for e in self.ents if e.label_ == "PERSON" and e.text.split()[-1].lower() == surname):
            gloss = [t for c in person.root.children if c.dep_ in ("appos", "relcl", "acl") for t in c.subtree]
            org = next((e for t in gloss if (e := self.entity(t)) is not None and e.label_ == "ORG"), None)
            if org is not None:
                return [subject_of(org)]
        return []

    def interviewee(self, token: Token) -> list[Subject]:
        """"We" in an interview answer: the organization the interview is about, the one
        the article names most (the first of equals)."""
        if not self.in_answer(token):
            return []
        # the org the introduction names, before the first question, else the article's most named
        first_question = QUESTION_LINE.search(doc_text(self.doc))
        intro = Counter(subject_of(e) for e in self.ents if e.label_ == "ORG"
                        and first_question is not None and e.start_char < first_question.start())
        common = (intro or self.doc_orgs).most_common(1)
        return [common[0][0]] if common else []

    def _dominant_country(self) -> list[Subject]:
        common = (self.salience.countries or self.doc_countries).most_common(1)
        return [common[0][0]] if common else []

    def _glossed_before(self, verb: Token) -> list[Subject]:
        """A subjectless verb right after "<name>, <relative clause or appositive>,": "and
        Zhipu AI, which was spun out of Tsinghua University, open-sourced four"."""
        doc = verb.doc
        close = verb.i - 1
        while close > verb.sent.start and doc[close].dep_ in ("aux", "auxpass", "neg") and doc[close].head.i == verb.i:
            close -= 1  # "and OpenAI, whose ..., was credited with two"
        if close < 2 or doc[close].text != ",":
            return []
        open_ = close - 1
        while open_ > verb.sent.start and doc[open_].text != ",":
            open_ -= 1
        ent = self.entity(doc[open_ - 1]) if doc[open_].text == "," and open_ > 0 else None
        if ent is None or ent.label_ not in SUBJECT_LABELS or ent.end != open_:
            return []
        if any(t.dep_ in ("relcl", "appos", "acl") and ent.start <= t.head.i < ent.end for t in doc[open_ + 1 : close]):
            return [subject_of(ent)]
        if doc[open_ + 1].lower_ in ("whose", "which", "who") and open_ > 1 and doc[ent.start - 1].lower_ == "and":
            return [subject_of(ent)]  # the parser hung the relative clause elsewhere
        return []

    def _name_before_gloss(self, subject: Token, verb: Token) -> list[Subject]:
        """"Krutrim, the AI venture founded by ..., released two": the parser made the gloss
        the subject and hung the name on the verb; the name is the subject."""
        edge = subject.left_edge.i
        doc = subject.doc
        if edge < 2 or doc[edge - 1].text != "," or self.entity(subject) is not None:
            return []
        ent = self.entity(doc[edge - 2])
        if ent is None or ent.label_ not in SUBJECT_LABELS or ent.end != edge - 1 or ent.root.head.i != verb.i:
            return []
        return [subject_of(ent)]

    def _in_boilerplate(self, token: Token) -> bool:
        return any(start <= token.idx < end for start, end in self.boilerplate)

    # -- noun phrases --------------------------------------------------------------
    def entity(self, token: Token) -> Span | None:
        return self.ent_at.get(token.i)

    def resolve_np(self, head: Token, sentence: int) -> list[Subject] | None:
        """Subjects named by a noun phrase; [] when it names something else (a sector,
        a person, a region); None when it is a pronoun the caller may resolve further."""
        ent = self.entity(head)
        if ent is not None:
            if CAPITAL_ID_SEP in ent.id_ and head.dep_ in SUBJECT_DEPS and self._is_approval(head.head):
                # "Beijing approved 14 LLMs": the capital stands for the government.
                code, display = ent.id_.split(CAPITAL_ID_SEP, 1)[1].split(COUNTRY_ID_SEP, 1)
                return [Subject(display, "COUNTRY", code)]
            if ent.label_ not in SUBJECT_LABELS:
                return []
            return self._with_conjuncts(head, ent)
        if head.lower_ in PRONOUNS or head.pos_ == "PRON":
            return None
        lemma = hyphened_lemma(head)
        lefts = list(head.lefts)
        left_words = {t.lower_ for t in lefts}
        owned = "its" in left_words or any(c.dep_ == "poss" and c.lemma_.lower() in self.org_nouns for c in lefts)
        if lemma in FAMILY_NOUNS and owned and head.dep_ in SUBJECT_DEPS:  # (or "the company's ... family")
            # "Naver accounted for the biggest share. Its HyperCLOVA X family now includes more
            # than a dozen models": the family of the org the last sentence was about
            named = self._org_just_named(sentence)
            if named is not None:
                return [named]
        if lemma in self.country_nouns and head.tag_ == "NNS" and left_words & {"both", "two"}:
            return self._recent_claim_countries(2)
        for child in head.rights:  # "the company's cloud unit, Huawei Cloud,", "makers NEC and Fujitsu"
            ent = self.entity(child)
            # the parser may read "operators SK Telecom and KT Corp" as a verb and its object
            adjacent = child.dep_ in ("dobj", "npadvmod", "compound") and child.left_edge.i == head.i + 1
            if (child.dep_ == "appos" or adjacent) and ent is not None and ent.label_ in SUBJECT_LABELS:
                return self._with_conjuncts(child, ent)
        if lemma in self.org_nouns and head.tag_ == "NN" and "our" in left_words:
            return self.speakers_org(head) or None  # "DUBE: Our own lab has released two"
        if lemma in self.org_nouns and head.tag_ == "NN" and left_words & {"his", "her"}:
            # "Veldt AI's chief executive, Thandiwe Mokoena, said her company has released four":
            # the org that glosses the one saying so
            reporters_org = self._reporters_org(head)
            if reporters_org is not None:
                return [reporters_org]
        if lemma in self.org_nouns and head.tag_ == "NN" and "the" in left_words:
            # "DeepSeek deserves its own paragraph. ... the Chinese lab has now open-sourced 14":
            # a definite org noun after a sentence about an org is that org, its country or
            # city ("the Paris start-up") a gloss
            named = self._org_just_named(sentence)
            if named is not None and any((e := self.entity(c)) is not None and e.label_ in ("COUNTRY", "GPE") for c in lefts):
                return [named]
        for child in reversed(lefts):  # the nearest: "G42's Inception unit" -> Inception
            ent = self.entity(child)
            if ent is not None and ent.label_ in SUBJECT_LABELS:
                unit = self._named_unit(ent, head)  # "French and German labs": both countries
                return [unit] if unit is not None else self._with_conjuncts(child, ent)
            if child.dep_ == "poss" and child.lemma_.lower() in self.country_nouns and child.tag_ != "NNS":
                # "the kingdom's developers": the country last named
                return self.salience.recent_countries[-1:] or self._dominant_country()
            if child.dep_ == "amod":  # "British-based developers", "U.S.-headquartered labs"
                owner = next((e for t in child.subtree if t.i != child.i and (e := self.entity(t)) is not None
                              and e.label_ == "COUNTRY"), None)
                if owner is not None:
                    return [subject_of(owner)]
        if left_words & {"the", "this", "that"}:
            if lemma in self.country_nouns and head.tag_ != "NNS":
                named = [e for e in self.sentence_ents(head.sent) if e.label_ == "COUNTRY" and e.end <= head.left_edge.i]
                if named and "the" in left_words:  # "In Canada, ...; the country produced three"
                    return [subject_of(named[-1])]
                if "this" in left_words:  # "in this country", said by someone of the story's country
                    return self._dominant_country() or self._recent_claim_countries(1)
                topic = self.salience.named_subject
                if topic is not None and topic[1].label == "COUNTRY" and topic[0] == sentence - 1:
                    return [topic[1]]  # "India offers a useful corrective. ... the country has produced two"
                return self._recent_claim_countries(1) or self._dominant_country()
            if lemma in self.org_nouns:
                named = self._org_named_by(lemma) or next(
                    (n for c in lefts if c.dep_ == "compound" and (n := self._org_named_by(c.lemma_.lower(), exact=True))), None)
                if named is not None:
                    return [named]
                if self.salience.org_subject is not None:
                    return [self.salience.org_subject]
        dated = any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in lefts)
        if lemma in self.event_nouns and (dated or left_words & {"the", "this", "that", "second", "third", "fourth",
                                                                  "another", "next", "latest", "new", "final"}):
            # "the newest round", "last month's batch": the body whose rounds the article reports
            recent = [s for i, s in self.salience.claims if i >= sentence - 3]
            return recent[-1:]
        # "institutions based in the United States": the place of a located noun
        located = [p for acl in head.rights if acl.dep_ == "acl" and acl.lemma_.lower() in LOCATED_VERBS
                   for p in acl.children if p.dep_ == "prep" and p.lower_ == "in"]
        for prep in [*head.rights, *located]:
            # "researchers from British institutions", "developers in the United States",
            # "institutes of the Fraunhofer Society"
            if prep.dep_ == "prep" and (prep.lower_ in LOCATIVE_PREPS or prep.lower_ in ("of", "at") and lemma in self.org_nouns):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME"):
                        found = self.resolve_np(pobj, sentence)
                        if found:
                            return found
        left_text = head.doc[head.left_edge.i : head.i].text.lower()
        if any(re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", left_text) for a in self.home_adjectives):
            # "Indonesia's ministry said domestic developers ...": the country just named, else the story's
            named = [e for e in self.sentence_ents(head.sent) if e.label_ == "COUNTRY" and e.end <= head.left_edge.i]
            return [subject_of(named[-1])] if named else self._dominant_country()
        return []

    def approving_country(self, root: Token) -> list[Subject]:
        """"The first batch of approvals covered 12 models from Naver, LG and Kakao": a count
        that a batch or round of approvals holds is the approving country's."""
        verb = clause_verb(root)
        holders = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
        if not any(t.lemma_.lower() in self.approval_nouns for t in holders):
            return []
        return self.salience.recent_countries[-1:] or self._dominant_country()

    def credit_regulator(self, subjects: list[Subject], root: Token, sentence: int) -> list[Subject]:
        """Approvals by a national regulator are the country's: "the Data Authority, the
        kingdom's AI regulator, has approved 11 models" -> the kingdom."""
        verb = clause_verb(root)
        if len(subjects) != 1 or subjects[0].label != "ORG" or not self._is_approval(verb):
            return subjects
        ent = next((e for h in self._holders(verb) if (e := self.entity(h)) is not None
                    and self.government_heads.intersection(t.text for t in e)), None)
        name = ent.text if ent is not None else subjects[0].name
        if ent is None and not self.government_heads.intersection(name.split()):
            return subjects
        named = self.countries_named_in(name)
        if named:  # "the Cyberspace Administration of China", or "the watchdog" after it
            return named[:1]
        spelled = country_in_name(name)
        if spelled is not None:  # "the Uganda Communications Commission", its country named nowhere else
            return [Subject(spelled[1], "COUNTRY", spelled[0])]
        if ent is not None:
            # "the Nigerian Data Protection Commission", "Qatar's Ministry of Communications": the
            # country tagged apart, right before the name or its possessive
            doc = ent.doc
            at = ent.start - 2 if ent.start > 1 and doc[ent.start - 1].tag_ == "POS" else ent.start - 1
            before = self.entity(doc[at]) if at >= 0 else None
            if before is not None and before.label_ == "COUNTRY":
                return [self.subject_of(before)]
        if ent is not None:
            for appos in (c for c in ent.root.children if c.dep_ == "appos"):
                found = self.resolve_np(appos, sentence)
                if found and found[0].label == "COUNTRY":
                    return found[:1]
        # "South Korea's Ministry of Science and ICT said it has registered 23 models"
        return self.salience.recent_countries[-1:] or self._dominant_country() or subjects

    def _glossed_name(self, token: Token) -> Subject | None:
        """The country/org an appositive containing `token` glosses: "Volcano Engine, the
        cloud arm of ByteDance" for "ByteDance"."""
        node = token
        while node.dep_ in ("pobj", "prep", "agent", "acl", "compound", "poss") and node.head.i != node.i:
            node = node.head
        if node.dep_ != "appos" or node.i == token.i:
            return None
        ent = self.entity(node.head)
        return subject_of(ent) if ent is not None and ent.label_ in SUBJECT_LABELS else None

    @staticmethod
    def _holders(verb: Token) -> list[Token]:
        """Who does an approval: the subject, the agent of a passive, or the body a
        registration is made with ("completed registration with the CAC")."""
        holders = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        for prep in verb.children:
            if prep.dep_ == "agent" or prep.dep_ == "prep" and prep.lower_ in ("with", "by"):
                holders += [p for p in prep.children if p.dep_ == "pobj"]
        return holders

    def _with_conjuncts(self, head: Token, ent: Span) -> list[Subject]:
        """An entity and the countries/orgs coordinated with it ("France and Germany")."""
        found = [(ent.start, subject_of(ent))]
        for conj in head.conjuncts:
            other = self.entity(conj)
            if other is None:  # "... and the telecom operator TeleSul": the name glossing the noun
                other = next((e for c in conj.rights if c.dep_ == "appos" and (e := self.entity(c)) is not None), None)
            if other is None and conj.pos_ == "NOUN":  # "Emirati and Saudi developers" parsed with "developers" as the conjunct
                other = next((e for c in conj.lefts if c.dep_ == "amod" and (e := self.entity(c)) is not None
                              and e.label_ == "COUNTRY"), None)
            if other is not None and other.label_ in SUBJECT_LABELS:
                found.append((other.start, subject_of(other)))
        # in the order written, for "respectively": "Naver and LG AI Research, which released three and four"
        return [subject for _, subject in sorted(found, key=lambda pair: pair[0])]

    # -- the clause ----------------------------------------------------------------
    def own_subject(self, anchors: list[Token], sentence: int, after: Token | None = None,
                    first: Token | None = None) -> list[Subject] | None:
        """A possessive or preposition on the count or its noun ("China's 28", "11 in the
        U.S."), or the conjunct before a gapped "with N" ("Google with six and Alibaba
        with four", "and Chinese groups for 22", "France at four"). first (Token): the
        count's first token."""
        if first is not None and self._listed_region(first):
            return []  # "European Union total 9 (6)": a bloc's line in a list is no one's
        gapped = (self._adjacent(first, sentence) if first is not None else []) or self._gapped(anchors[0])
        if gapped:
            return gapped
        if first is not None and first.i > 1 and first.doc[first.i - 1].text == "(" \
                and first.doc[first.i - 2].pos_ == "PROPN" and self.entity(first.doc[first.i - 2]) is None:
            return []  # "Itaú (2)": the count of a name we do not know, no one else's
        # A preposition right after the number belongs to it even when the parser
        # hangs it on the verb: "... and 15 from Chinese ones".
        if after is not None and after.lower_ == "of" and after.i + 2 < len(after.doc) \
                and after.doc[after.i + 1].lower_ in ("them", "those", "these"):
            after = after.doc[after.i + 2]  # "four of them from Google DeepMind"
        # "compared with 40 for the United States": a bare count's "for" names its owner
        bare_for = after is not None and after.lower_ == "for" and len(anchors) == 1 and any(
            c.dep_ == "pobj" and (e := self.entity(c)) is not None and e.label_ in SUBJECT_LABELS for c in after.children)
        preps = [after] if after is not None and after.dep_ == "prep" and (after.lower_ in OWN_PREPS or bare_for) else []
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME"):
                    found = self.resolve_np(pobj, sentence)
                    if found or self._place_or_body(pobj):
                        return found
        for anchor in anchors:
            # "the 110 put out by U.S. developers" (not "led by", "followed by")
            for acl in (c for c in anchor.children if c.dep_ == "acl" and c.lemma_.lower() in self.making_verbs):
                for agent in (c for c in acl.children if c.dep_ == "agent"):
                    for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                        # "eight models built by hospitals": a maker that is no country or org is nobody's claim
                        return self.resolve_np(pobj, sentence) or []
                for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")):
                        found = self.resolve_np(pobj, sentence)  # "the 104 launched in the United States"
                        if found:
                            return found
            # "the 50 models Japanese organisations have released": the maker in a relative clause
            for relcl in (c for c in anchor.children if c.dep_ == "relcl" and c.lemma_.lower() in self.making_verbs):
                for maker in (c for c in relcl.children if c.dep_ == "nsubj" and c.pos_ != "PRON"):
                    found = self.resolve_np(maker, sentence)
                    if found:
                        return found
            for of in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"):
                # "nine of those models": part of the count the last sentence claimed
                if anchor.dep_ in SUBJECT_DEPS and any(p.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("those", "these") for d in p.children)
                       for p in of.children):
                    previous = self.previous_claim_subject(sentence)
                    if previous:
                        return previous
                # "six, four of them from Google DeepMind"
                for pobj in (c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PRON"):
                    for prep in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ in OWN_PREPS):
                        for inner in (c for c in prep.children if c.dep_ == "pobj"):
                            found = self.resolve_np(inner, sentence)
                            if found:
                                return found
            if anchor.lower_ == "ones" and not _is_share(anchors[0]):  # "compared with 17 Chinese ones": the demonym owns the count
                for child in (c for c in anchor.children if c.dep_ in ("amod", "compound")):
                    ent = self.entity(child)
                    if ent is not None and ent.label_ in SUBJECT_LABELS:
                        return [subject_of(ent)]
            for child in anchor.children:
                owner = self.entity(child) if child.dep_ == "poss" else None
                if owner is not None and owner.label_ not in ("DATE", "TIME"):  # not "last year's"
                    return self.resolve_np(child, sentence)
                if child.dep_ == "prep" and child.lower_ in OWN_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ != "pobj" or pobj.ent_type_ in ("DATE", "TIME"):
                            continue
                        found = self.resolve_np(pobj, sentence)
                        if found or self._place_or_body(pobj) or self._unnamed_makers(child, pobj):
                            return found
        return None

    def _adjacent(self, first: Token, sentence: int) -> list[Subject]:
        """The subject of a gapped clause written right before its count: "and Zhipu AI
        three", "Israel and Japan at two apiece", "and Chinese ones just one", "and start-up
        Kite AI, founded in 2020, two"."""
        ranked = self._ranked_with(first)
        if ranked:
            return ranked
        doc = first.doc
        i = first.i - 1
        skipped = 0
        while i >= 0 and skipped < 3 and doc[i].lower_ in GAP_SKIP:
            i, skipped = i - 1, skipped + 1
        if i < 0:
            return []
        token = doc[i]
        if token.text == ":" and i > 0 and (ent := self.entity(doc[i - 1])) is not None \
                and ent.label_ in SUBJECT_LABELS and ent.end == i:
            # "- Kestrel Labs: 6"; "- Orbis AI, Lumora AI and Veldt AI: 2 each"
            listed: list[Subject] = []
            j = ent.start
            while True:  # the names before it, joined by commas and "and"
                gap = 2 if j > 2 and doc[j - 1].lower_ == "and" and doc[j - 2].text == "," else 1
                if j - gap < 1 or doc[j - 1].lower_ not in (",", "and"):
                    break
                named = self.entity(doc[j - gap - 1])
                if named is None or named.label_ not in SUBJECT_LABELS or named.end != j - gap:
                    break
                listed.insert(0, subject_of(named))
                j = named.start
            each = first.i + 1 < len(doc) and doc[first.i + 1].lower_ in ("each", "apiece")
            if each or not listed:
                return [*listed, subject_of(ent)]
        if token.lower_ in ("'s", "’s") and i > 0 and (ent := self.entity(doc[i - 1])) is not None \
                and ent.label_ in SUBJECT_LABELS and ent.end == i:
            return [subject_of(ent)]  # "ahead of Germany's three and Switzerland's two", however parsed
        if token.text == "," and i > 0 and (ent := self.entity(doc[i - 1])) is not None \
                and ent.label_ in SUBJECT_LABELS and ent.end == i and ent.root.dep_ != "pobj":
            # "..., and China, with about 120"; not "France, buoyed by Mistral AI, six"
            return [subject_of(ent)]
        if token.text == "," and i > 0:  # an appositive between the subject and its count
            j = i - 1
            while j > max(-1, i - 25) and doc[j].text != ",":
                j -= 1
            if any(t.like_num for t in doc[j:i]):
                return []  # a list of counts: "released five, four and three"
            k = j - 1
            if k > 0 and doc[k].text == ")":  # "the Beijing Academy of ... (BAAI), a lab, four"
                while k > 0 and doc[k].text != "(":
                    k -= 1
                k -= 1
            ent = self.entity(doc[k]) if k >= 0 and doc[j].text == "," else None
            if ent is not None and ent.label_ in SUBJECT_LABELS and k == ent.end - 1:
                return [subject_of(ent)]
            return []
        ent = self.entity(token)
        if ent is not None:
            if ent.label_ not in SUBJECT_LABELS or token.i != ent.end - 1:
                return []
            # "Israel and Japan at two apiece", not "Alibaba with 11, Tencent with eight"
            found = [subject_of(e) for c in ent.root.conjuncts
                     if (e := self.entity(c)) is not None and e.label_ in SUBJECT_LABELS and e.end <= ent.start
                     and not any(t.like_num for t in doc[e.end : ent.start])]
            return [*found, subject_of(ent)]
        before = doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
        if token.pos_ == "NOUN" and before is not None and before.lower_ in GAP_OPENERS:
            return self.resolve_np(token, sentence) or []
        owner = self.entity(doc[token.i - 1]) if token.pos_ == "NOUN" and token.i > 0 else None
        if owner is not None and owner.label_ in SUBJECT_LABELS and owner.end == token.i and owner.start > 0 \
                and doc[owner.start - 1].lower_ in GAP_OPENERS:
            return [subject_of(owner)]  # "... three and Swiss ones two", however parsed
        return []

    def _place_or_body(self, token: Token) -> bool:
        """A name that owns a count placed after it ("in Europe": nobody's), not a product
        or a series ("four models in its Salamandra series")."""
        ent = self.entity(token)
        return ent is not None and ent.label_ not in ("FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")

    def _listed_region(self, first: Token) -> bool:
        """A count written right after a region, bloc or city name ("Europe 9", "European
        Union total 9 (6)"), or in brackets after such a count."""
        doc = first.doc
        i = first.i - 1
        if i > 0 and doc[i].text == "(" and doc[i - 1].like_num:
            i -= 2
        while i > 0 and doc[i].lower_ in ("total", "tally", "overall"):
            i -= 1
        ent = self.entity(doc[i]) if i >= 0 else None
        return ent is not None and ent.end == i + 1 and ent.label_ in ("LOC", "GPE", "NORP")

    def _ranked_with(self, first: Token) -> list[Subject]:
        """"with Britain a distant third at up to five": the name a ranking phrase places."""
        doc = first.doc
        i = first.i - 1
        while i > first.sent.start and (doc[i].lower_ in RANK_GAP or doc[i].pos_ in ("DET", "ADJ") or doc[i].ent_type_ == "ORDINAL"):
            i -= 1
        ent = self.entity(doc[i])
        if ent is None or ent.label_ not in SUBJECT_LABELS or ent.end != i + 1 or i + 1 == first.i \
                or ent.start == 0 or doc[ent.start - 1].lower_ != "with" \
                or not any(doc[j].ent_type_ == "ORDINAL" for j in range(ent.end, first.i)):
            return []
        return [subject_of(ent)]

    def _named_unit(self, owner: Span, head: Token) -> Subject | None:
        """"Alibaba Group's cloud computing unit" is the article's "Alibaba Cloud": a unit
        described by a word its parent's name shares with an org named in the article."""
        if owner.label_ != "ORG" or head.lemma_.lower() not in UNIT_NOUNS:
            return None
        words = {t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod") and t.i > owner.end - 1}
        parent = owner.text.split()[0].lower()
        for ent in {e for e in self.ent_at.values() if e.label_ == "ORG" and e.start != owner.start}:
            name = [w.lower() for w in ent.text.split()]
            if len(name) > 1 and name[0] == parent and words.intersection(name[1:]):
                return subject_of(ent)
        return None

    def _unnamed_makers(self, prep: Token, pobj: Token) -> bool:
        """"32 LLMs from European organisations": makers named only by a region or a
        sector, whose count is no country's or org's (not the counter's either)."""
        return prep.lower_ == "from" and pobj.lemma_.lower() in self.org_nouns and pobj.tag_ == "NNS" \
            and not any(c.dep_ == "poss" for c in pobj.children)

    @staticmethod
    def _whose_clause(subject: Token, verb: Token) -> Token | None:
        """"The UAE, whose institute (TII) has released 20 models, signed ...": the parser
        may take the whose-phrase for an appositive and its verb for the main one."""
        for appos in (c for c in subject.children if c.dep_ == "appos" and subject.i < c.i < verb.i):
            if any(c.dep_ == "poss" and c.lower_ == "whose" for c in appos.children) \
                    and all(t.dep_ in ("aux", "auxpass", "advmod", "neg") for t in verb.doc[appos.right_edge.i + 1 : verb.i]):
                return appos
        return None

    def _gapped(self, root: Token) -> list[Subject]:
        prep = root.head
        if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == 0:
            return []
        ent = self.entity(prep.doc[prep.i - 1])
        if ent is not None and ent.label_ in SUBJECT_LABELS and ent.root.dep_ == "conj":
            return [subject_of(ent)]
        return []

    def clause_subject(self, start: Token, anchors: list[Token], sentence: int) -> list[Subject]:
        """Walk up from the count to the clause that has a subject."""
        inside = {a.i for a in anchors}
        node = start
        head_ent = self.entity(start.head)
        if head_ent is not None and start.i < head_ent.start and start.dep_ in ("nummod", "quantmod", "compound"):
            # a number does not modify a name: "followed with three and Baidu AI Cloud with
            # two" hangs "three" on the next name; its clause is the name's
            node = head_ent.root.head
        while True:
            ent = self.entity(node)
            if node.i not in inside and ent is not None and ent.label_ in SUBJECT_LABELS:
                return [subject_of(ent)]
            # a verbless clause has a subject too: "with China close behind at nearly 50"
            if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT" \
                    or any(c.dep_ in SUBJECT_DEPS and c.i not in inside for c in node.children):
                found = self._verb_subject(node, inside, sentence)
                if found is not None:
                    return found
            if node.head.i == node.i or node.head.lemma_.lower() in self.reporting and node.dep_ != "dobj" \
                    and not (node.dep_ == "advmod" and node.lower_ == "more"):
                # "announced 20 models", "added five more": a reporting verb whose object is the count is its verb
                return []
            node = node.head

    def _verb_subject(self, verb: Token, inside: set[int], sentence: int) -> list[Subject] | None:
        """Subjects of a verb; [] when its clause has a subject that names no country or org;
        None when it has no subject at all (the walk goes on to the governing clause)."""
        credited = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if verb.lemma_.lower() in CREDIT_VERBS and credited is not None and any(
                c.dep_ == "prep" and c.lower_ == "with" and inside.intersection(t.i for t in c.subtree)
                for c in [*verb.children, *credited.children]):
            # "credited U.S.-based institutions with 40 notable models": whom it credits
            found = self.resolve_np(credited, sentence)
            if found:
                return found
        if verb.lemma_.lower() in CREDIT_VERBS:
            # "the United States, to which the AI Index attributed 61 models": the one credited
            for prep in (c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"):
                for held in prep.children:
                    if held.lower_ in ("which", "whom"):
                        # the antecedent: the clause's head, or the name before ", to which"
                        before = verb.doc[prep.i - 2] if prep.i > 1 and verb.doc[prep.i - 1].text == "," else None
                        held = verb.head if verb.dep_ == "relcl" else before
                        if held is None:
                            continue
                    found = self.resolve_np(held, sentence)
                    if found:
                        return found
        all_subjects = self._subject_tokens(verb)
        # not the counted phrase itself ("a total of 302 models had completed ...")
        subjects = [c for c in all_subjects if c.i not in inside and not (
            c.lemma_.lower() in self.total_nouns and inside.intersection(t.i for t in c.subtree))]
        if subjects:
            if verb.dep_ == "relcl" and self.entity(subjects[0]) is None and subjects[0].pos_ != "PRON" \
                    and any(c.lower_ == "where" for c in verb.children):
                # "the United States, where organisations released 45", "China, where the
                # regulator had approved 180": a where-clause's common-noun subject is of that place
                place = self.resolve_np(verb.head, sentence)
                if place:
                    return place
            if len(subjects) > 1:  # "Counting Jais, ..., Emirati organisations have released": the one that names
                # "Sarvam AI, the Bengaluru company backed by ..., released three": an appositive read as a
                # second subject; the name it glosses
                named = next((c for c in subjects if (e := self.entity(c)) is not None and e.label_ in SUBJECT_LABELS
                              and verb.doc[c.i + 1].text == "," and any(o.i > c.i for o in subjects)), None)
                named = named or next((c for c in sorted(subjects, key=lambda c: abs(verb.i - c.i))
                                       if c.pos_ not in ("PRON", "DET") and self.resolve_np(c, sentence)), None)
                if named is not None:
                    subjects = [named]
            if subjects[0].lower_ in ("each", "both") and subjects[0].i > 0:
                # "Preferred Networks and rinna each open-sourced two", however parsed
                before = verb.doc[subjects[0].i - 1]
                head = before.head if before.dep_ == "conj" else before
                ent = self.entity(head)
                if ent is not None and ent.label_ in SUBJECT_LABELS:
                    return self._with_conjuncts(head, ent)
            whose = self._whose_clause(subjects[0], verb)
            if whose is not None:
                subjects = [whose]
            found = self.resolve_np(subjects[0], sentence)
            if found == [] and subjects[0].lemma_.lower() in REGULATOR_NOUNS and self._is_approval(verb) \
                    and not any(t.ent_type_ for t in subjects[0].subtree):  # not "EU regulators"
                # "regulators cleared about 70 models": the regulators of the country just named
                # ("In China, regulators have approved ..."), else of the one the story is about
                named = [e for e in self.sentence_ents(verb.sent) if e.label_ == "COUNTRY" and e.end <= verb.i]
                found = [subject_of(named[-1])] if named else self.salience.recent_countries[-1:] or self._dominant_country()
            if found == []:
                found = self._name_before_gloss(subjects[0], verb) or found
            if found is None and verb.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS:
                # "Cohere, which has released seven": the relative clause's antecedent.
                found = self.resolve_np(verb.head, sentence)
                if not found and verb.head.dep_ == "appos":  # "Corvana, a start-up that built three"
                    found = self.resolve_np(verb.head.head, sentence)
                glossed = self._glossed_name(verb.head)
                if glossed is not None and verb.head.i > 0 and verb.doc[verb.head.i + 1].text == ",":
                    # "Volcano Engine, the cloud arm of ByteDance, which has put 12": the
                    # clause after the whole appositive is about the name it glosses
                    return [glossed]
                return found or []
            if found is None and subjects[0].lower_ == "we":
                return self.speakers_org(subjects[0]) or self.interviewee(subjects[0])
            if found is None:  # a pronoun: "Baidu said it released ..." -> the reporter
                return self._pronoun(verb, sentence) or self._earlier_subject(subjects[0]) \
                    or self._antecedent(sentence) or self._named_antecedent(subjects[0], sentence)
            # "the report counted 12 LLMs from Japanese companies": the source is the subject.
            return found or self._source(verb) or found
        for aside in (c for c in verb.children if c.dep_ == "parataxis" and c.lemma_.lower() in self.reporting):
            # "American institutions, the university's AI Index reported, produced 61": the parser
            # gives the aside the main clause's subject
            for held in (c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i):
                found = self.resolve_np(held, sentence)
                if found:
                    return found
        glossed = self._glossed_before(verb)
        if glossed:
            return glossed
        before = self.entity(verb.doc[verb.i - 1]) if verb.i > 0 else None
        if before is not None and before.label_ in SUBJECT_LABELS and before.root.dep_ != "pobj":
            return self._with_conjuncts(before.root, before)  # a misparsed gapped clause: "... and Germany released 6"
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    found = self.resolve_np(pobj, sentence)
                    if found:
                        return found
        for holder in self._holders(verb):  # "302 models had completed registration with the CAC"
            ent = self.entity(holder)
            if ent is not None and ent.label_ == "ORG" and self.government_heads.intersection(t.text for t in ent):
                return [subject_of(ent)]
        source = self._source(verb)
        if source:
            return source
        if verb.dep_ == "ROOT" and verb.pos_ in ("NOUN", "PROPN"):
            # No finite verb: the parser read "China open-sourced 2 LLMs" or "French
            # start-ups released 2 models" as one noun phrase; its country/org modifier
            # is the subject.
            found = self.resolve_np(verb, sentence)
            if found:
                return found
        # The counted thing is itself the subject ("149 were released"): no one else is,
        # unless a country names it ("two dozen Chinese LLMs were approved").
        for counted in all_subjects:
            for child in counted.lefts:
                ent = self.entity(child)
                if ent is not None and ent.label_ == "COUNTRY" and child.dep_ in ("amod", "poss", "compound"):
                    return [subject_of(ent)]  # "two dozen Chinese LLMs were approved", "China's models top 400"
        registered = any(a.dep_ == "acl" and a.lemma_.lower() in self.approvals
                         for c in all_subjects for a in c.subtree)
        if all_subjects and (self._is_approval(verb) or registered):
            # "... completed the filing procedure"; "118 of the models registered last year were LLMs"
            # "58 models completed the filing procedure": registered with the country's regulator,
            # the one saying so when it names its country ("the Cyberspace Administration of China said")
            speaker = verb.head if verb.head.lemma_.lower() in self.reporting else None
            for holder in self._subject_tokens(speaker) if speaker is not None else []:
                ent = self.entity(holder)
                if ent is not None and ent.label_ == "ORG" and self.government_heads.intersection(t.text for t in ent):
                    named = self.countries_named_in(ent.text) or self._country_after(ent)
                    if named:
                        return named[:1]
            return self.salience.recent_countries[-1:] or self._dominant_country()
        return [] if all_subjects else None

    def _reporters_org(self, token: Token) -> Subject | None:
        """The one org named in the subject of the reporting verb above a token, outside
        relative clauses: "Veldt AI's chief executive, Thandiwe Mokoena, said ..." -> Veldt AI."""
        say = next((a for a in token.ancestors if a.lemma_.lower() in self.reporting), None)
        if say is None:
            return None
        speaker = [t for c in say.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]
        aside = {d.i for t in speaker if t.dep_ in ("relcl", "acl") for d in t.subtree}
        orgs = {subject_of(e) for t in speaker
                if t.i not in aside and (e := self.entity(t)) is not None and e.label_ == "ORG"}
        return orgs.pop() if len(orgs) == 1 else None

    def _is_approval(self, verb: Token) -> bool:
        """An approval or registration: "approved", "completed registration", "the filing procedure"."""
        if verb.lemma_.lower() in self.approvals:
            return True
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in self.approval_nouns or any(
            g.dep_ == "compound" and g.lemma_.lower() in self.approval_nouns for g in c.children)) for c in verb.children)

    def _source(self, verb: Token) -> list[Subject]:
        """A country or org in "in/from/among X" on the verb or its object."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
        # "saw 40 LLMs released in South Korea": the participle on the object too
        places = [verb, *objects, *(a for o in objects for a in o.children if a.dep_ == "acl")]
        for holder in places[len(objects) + 1 :]:  # "four are LLMs developed by the SDAIA itself"
            for agent in holder.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        found = self.resolve_np(pobj, -1) if pobj.dep_ == "pobj" else None
                        if found:
                            return found
        for holder in places:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
                    for pobj in prep.children:
                        found = self.resolve_np(pobj, -1) if pobj.dep_ == "pobj" else None
                        if found:
                            return found
        return []

    def _antecedent(self, sentence: int) -> list[Subject]:
        """"Japan released 12 in 2022. The previous year, it released five": the subject
        of the last claim in this or the previous sentence."""
        recent = [s for i, s in self.salience.claims if i >= sentence - 1]
        return recent[-1:]

    def _earlier_subject(self, pronoun: Token) -> list[Subject]:
        """"Google DeepMind was even busier: it shipped 14": a singular pronoun after a named
        subject of the same sentence is that subject."""
        if pronoun.lower_ != "it":
            return []
        named = [e for e in self.sentence_ents(pronoun.sent) if e.label_ in SUBJECT_LABELS and e.root.dep_ in SUBJECT_DEPS
                 and e.end <= pronoun.i]
        return [subject_of(named[-1])] if named else []

    def recent_claim_subject(self, sentence: int, back: int) -> list[Subject]:
        """The subject of the main (first) claim of the last sentence with claims, up to
        `back` sentences before: "Ukrainian organisations had released nine, more than
        Poland's 13. At least seven of them were released as open source" -> Ukraine."""
        recent = [(i, s) for i, s in self.salience.claims if i >= sentence - back]
        if not recent:
            return []
        last = recent[-1][0]
        return [next(s for i, s in recent if i == last)]

    def previous_claim_subject(self, sentence: int) -> list[Subject]:
        """The subject of the last claim of the previous sentence."""
        return self._antecedent(sentence)

    def _org_just_named(self, sentence: int) -> Subject | None:
        """The org this or the previous sentence was about (its grammatical subject)."""
        named = self.salience.named_subject
        return named[1] if named is not None and named[0] >= sentence - 1 and named[1].label == "ORG" else None

    def _named_antecedent(self, pronoun: Token, sentence: int) -> list[Subject]:
        """"Mistral AI was founded in 2023. Since then it has released three": a singular
        pronoun opening a clause refers to the last country or org that was a grammatical
        subject, in this or the previous sentence."""
        named = self.salience.named_subject
        verb = pronoun.head
        while verb.dep_ == "conj":
            verb = verb.head
        # only a main clause's "it": inside "LightOn (which says it has ...)" it is someone else's
        if pronoun.lower_ != "it" or named is None or named[0] < sentence - 1 or verb.dep_ != "ROOT":
            return []
        return [named[1]]

    def _subject_tokens(self, verb: Token) -> list[Token]:
        """A verb's subjects, never a dateline the parser took for one ("NEW DELHI, Feb 18
        (PTI) — Indian companies released ..."): then the name after it."""
        return [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not self._in_boilerplate(c)] or [
            j for c in verb.children if c.dep_ in SUBJECT_DEPS
            for j in (*c.conjuncts, *(a for a in c.children if a.dep_ in ("appos", "npadvmod")))
            if not self._in_boilerplate(j)][:1]  # "SAN FRANCISCO — Cardinal AI, ..., released 11"

    def _pronoun(self, verb: Token, sentence: int) -> list[Subject]:
        head = verb.head
        if head.i != verb.i and head.lemma_.lower() in self.reporting:
            # "X launched Y and said it has released ...": a conjoined verb shares X
            speaker = head.head if head.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in head.children) \
                else head
            for child in self._subject_tokens(speaker):
                ent = self.entity(child)
                if ent is not None and ent.label_ == "ORG":
                    # "VinAI and Viettel said they had released ...": "they" is all of them
                    plural = any(c.dep_ in SUBJECT_DEPS and c.lower_ == "they" for c in verb.children)
                    return self._with_conjuncts(child, ent) if plural else [subject_of(ent)]
                if ent is None and child.lower_ in RELATIVE_PRONOUNS and speaker.dep_ == "relcl":
                    child = speaker.head  # "LightOn, which says it has trained six"
                    ent = self.entity(child)
                    if ent is not None and ent.label_ == "ORG":
                        return [subject_of(ent)]
                found = self.resolve_np(child, sentence) if ent is None else None
                if found and found[0].label == "ORG":
                    return found
        return []


def _is_share(count: Token) -> bool:
    """"one in five": a count after "in" is a share's denominator."""
    edge = count.left_edge.i
    return edge > 0 and count.doc[edge - 1].lower_ == "in"
