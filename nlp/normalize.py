"""Canonical names: one name per entity within an article.

- PERSON: the fullest name mentioned; "Musk", "Mr. Musk", "Li" resolve to it, and a
  stray single-token entity of another label that is part of a person's full name
  ("Zhuang" tagged GPE after "Zhuang Rongwen") becomes that person;
- ORG: gazetteer entities take their gazetteer name; others are grouped by case- and
  possessive-insensitive text, and acronyms ("(HAI)" after a name, or a name's
  initials) join the name they abbreviate;
- COUNTRY: display name and ISO 3166-1 alpha-2 code from the gazetteer id.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .entities import NAME_PARTICLES, clear_stale_ids
from .extensions import CANONICAL, COUNTRY_CODE, register_extensions
from .gazetteers import CAPITAL_ID_SEP, COUNTRY_ID_SEP
from .rules import RulesComponent

INITIALS_SKIP = {"of", "and", "for", "the", "on", "in", "&"}
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")


NAME_JOINERS = {"of", "for", "and", "the", "de", "del", "la"}


@functools.lru_cache(maxsize=8192)  # called many times per doc on the same few names
def name_key(text: str) -> str:
    """Case-, possessive-, punctuation- and leading-"the"-insensitive key of a name."""
    text = re.sub(r"(?:'s|’s|'|’)$", "", text.strip()).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def name_word(token: Token) -> str:
    """A word of a person's name as names are compared: particles in lower case."""
    return token.lower_ if token.lower_ in NAME_PARTICLES else token.text


def is_title_name(words: list[str]) -> bool:
    """Whether the words go on a name in title case ("Machine Intelligence", "University of
    Rome"), not a tag run on into an acronym or a country ("Nasdaq IPO", "Halcyon Health UK")."""
    return all(w[:1].isupper() and not w.isupper() or w in NAME_JOINERS for w in words)


def initials(text: str) -> str:
    """Initials of the capitalized words of a name: "Cyberspace Administration of China" -> "CAC"."""
    words = re.split(r"[\s-]+", text)
    return "".join(w[0] for w in words if w and w.lower() not in INITIALS_SKIP and w[0].isupper())


class Normalizer(RulesComponent):
    """Set `Span._.canonical` on every entity and `Span._.country_code` on countries."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.nlp = nlp
        self._words: frozenset[str] | None = None

    def _compile(self) -> None:
        self.titles = set(self.rules.get("person_titles", []))
        self.org_suffixes = set(self.rules.get("org_suffixes", []))
        self.org_head_words = set(self.rules.get("org_head_words", []))

    def _dictionary_words(self) -> frozenset[str]:
        """The English words the base model's lemmatizer knows (its WordNet index), read
        once the pipeline is loaded; empty when the pipeline has no rule lemmatizer."""
        if self._words is None:
            words: set[str] = set()
            if "lemmatizer" in self.nlp.pipe_names:
                lookups = getattr(self.nlp.get_pipe("lemmatizer"), "lookups", None)
                if lookups is not None and lookups.has_table("lemma_index"):
                    for pos_words in lookups.get_table("lemma_index").values():
                        words.update(pos_words)
            self._words = frozenset(words)
        return self._words

    def person_words(self, ent: Span) -> tuple[str, ...]:
        """The words of a person's name without titles, possessive and hyphens; particles in
        lower case ("Dela Cruz" opening a sentence is "Maria Teresa dela Cruz")."""
        return tuple(name_word(t) for t in self.person_span(ent) if not t.is_punct)

    def person_span(self, ent: Span) -> Span:
        """The name itself: without leading titles ("Mr.") and a trailing possessive."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (doc[start].text in self.titles or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
            end -= 1
        return doc[start:end]

    def __call__(self, doc: Doc) -> Doc:
        # doc.ents makes every span anew on each read (50 µs on a 500-word story): the steps
        # pass the entities on, and a step that sets doc.ents passes on what it set
        ents = self._absorb_name_parts(doc, self._given_names_before(doc, doc.ents))
        self._persons(ents)
        ents = self._drop_lone_names(doc, ents)
        ents = self._drop_capitalized_words(doc, ents)
        ents = self._places_named_as_orgs(doc, ents)
        ents = self._org_names_repeated(doc, ents)
        self._orgs(doc, ents)
        for ent in ents:
            if ent.label_ == "COUNTRY" and COUNTRY_ID_SEP in ent.id_:
                code, display = ent.id_.split(COUNTRY_ID_SEP, 1)
                setattr(ent._, COUNTRY_CODE, code)
                setattr(ent._, CANONICAL, display)
            elif ent.label_ not in ("PERSON", "ORG"):
                name = ent.id_.split(CAPITAL_ID_SEP, 1)[0]
                setattr(ent._, CANONICAL, name or re.sub(r"^(?:the|The) ", "", ent.text))
        return doc

    def _given_names_before(self, doc: Doc, doc_ents: tuple[Span, ...]) -> tuple[Span, ...]:
        """"Mamadou Lamine Ndiaye" with only "Lamine Ndiaye" tagged: an untagged proper noun
        right before a person's name, that no dictionary knows and no title list holds, is
        the first of its given names."""
        words = self._dictionary_words()
        ents = list(doc_ents)
        # a one-word name the model gave another label ("Nusrat" tagged GPE) may be the given name
        lone = {e.start: e for e in ents if len(e) == 1 and not e.id_ and e.label_ in ("GPE", "NORP", "LOC", "ORG")}
        dropped: set[int] = set()
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ != "PERSON" or ent.id_ or ent.start == 0 or len(ent) < 2:
                continue
            start = ent.start - 1
            particle = doc[start].lower_ in NAME_PARTICLES and doc[start].is_lower and start > 0
            prev = doc[start - 1] if particle else doc[start]  # "Fatima bint Khalid Al Mazrouei"
            if (prev.ent_iob_ == "O" or prev.i in lone) and prev.pos_ == "PROPN" and prev.is_title and prev.is_alpha \
                    and prev.text not in self.titles and prev.text not in self.org_head_words \
                    and (particle or not {prev.lower_, prev.lemma_.lower(), prev.lower_[:-1]} & words):
                # ("Senators Richard Blumenthal": a plural title the lemmatizer left alone)
                ents[i] = Span(doc, prev.i, ent.end, label="PERSON")
                dropped.add(prev.i)
                changed = True
        if not changed:
            return doc_ents
        doc.ents = [e for e in ents if not (e.start in dropped and e.start in lone and lone[e.start] is e)]
        return doc.ents

    def _absorb_name_parts(self, doc: Doc, doc_ents: tuple[Span, ...]) -> tuple[Span, ...]:
        """Make a part of a full person name a PERSON mention where it stands alone: a
        single-token non-gazetteer entity ("Zhuang" tagged GPE) or an untagged proper
        noun ("Ives referred to ...")."""
        parts: set[str] = set()
        full: list[tuple[str, ...]] = []
        for ent in doc_ents:
            words = self.person_words(ent) if ent.label_ == "PERSON" else ()
            if len(words) > 1:
                # the parts as written: a lone "Le said" is a part of "Le Van Minh"
                written = [t.text for t in self.person_span(ent) if not t.is_punct]
                parts.update(w for w in written if w not in self.titles and len(w) > 1)
                full.append(words)
        ents = list(doc_ents)
        in_ent = {t for e in ents for t in range(e.start, e.end)}
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ == "PERSON" or ent.id_:
                continue
            # "Al Rashid said" (tagged ORG) after "Noor Al Rashid": the surname of the person.
            # "Al-Suwaidi" after "Hakim Al-Suwaidi"; particles compared as `person_words` has them
            words = tuple(name_word(t) for t in ent if not t.is_punct)
            if len(ent) == 1 and ent.text in parts or len(words) > 1 and any(
                    n[-len(words):] == words for n in full if len(n) > len(words)):
                ents[i] = Span(doc, ent.start, ent.end, label="PERSON")
                changed = True
        changed = self._absorb_org_short_names(doc, ents) or changed
        # "Verdane" (tagged PERSON) after "Verdane Labs": the short name of the org.
        org_heads = {e.text.split()[0] for e in ents if e.label_ == "ORG" and not e.id_ and len(e) > 1
                     and all(w in self.org_suffixes for w in e.text.split()[1:])}
        # "Corvalis said" after "Corvalis Machine Intelligence": a first word no dictionary knows
        words = self._dictionary_words()
        org_heads |= {e[0].text for e in ents if e.label_ == "ORG" and not e.id_ and len(e) > 1 and e[0].is_alpha
                      and e[0].is_title and e[0].lower_ not in words and is_title_name(e.text.split()[1:])}
        for i, ent in enumerate(ents):
            if ent.label_ != "ORG" and not ent.id_ and len(ent) == 1 and ent.text in org_heads:
                ents[i] = Span(doc, ent.start, ent.end, label="ORG")
                changed = True
        # only a token written as a name part or an org head can become one: find those on the arrays
        wanted = numpy.array([get_string_id(text) for text in parts | org_heads], dtype=numpy.uint64)
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), wanted)) if len(wanted) and len(doc) else ():
            token = doc[int(i)]
            if token.i in in_ent or token.is_stop:
                continue
            if token.text in parts and token.pos_ in ("PROPN", "NOUN"):
                ents.append(Span(doc, token.i, token.i + 1, label="PERSON"))
                changed = True
            # "Heliant shipped seven models" (untagged) after "Heliant AI".
            # (the model may tag a sentence-opening "Huiying said" as a common noun)
            elif token.text in org_heads and (token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.text[:1].isupper()) \
                    and not _in_longer_name(token):
                ents.append(Span(doc, token.i, token.i + 1, label="ORG"))
                changed = True
        if not changed:
            return doc_ents
        doc.ents = sorted(ents)
        return doc.ents

    def _absorb_org_short_names(self, doc: Doc, ents: list[Span]) -> bool:
        """"Lumen Crest said" with only "Crest" tagged (as a PERSON) after "Lumen Crest
        Labs": the org's name without its suffix is the org. Edits `ents` in place."""
        shorts: set[tuple[str, ...]] = set()
        for ent in ents:
            words = tuple(t.text for t in ent)
            while ent.label_ == "ORG" and not ent.id_ and len(words) > 2 and words[-1] in self.org_suffixes:
                words = words[:-1]
                shorts.add(words)
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ == "ORG" or ent.id_:
                continue
            for short in shorts:
                start = ent.end - len(short)
                if start >= 0 and tuple(t.text for t in doc[start : ent.end]) == short and not any(
                        e.start < ent.start and e.end > start for e in ents if e is not ent):
                    ents[i] = Span(doc, start, ent.end, label="ORG")
                    changed = True
                    break
        return changed

    def _persons(self, ents: tuple[Span, ...]) -> None:
        persons = [e for e in ents if e.label_ == "PERSON"]
        names = [self.person_words(e) for e in persons]
        # Written form of each name ("Kim Jae-won" keeps its hyphen), first one seen.
        written: dict[tuple[str, ...], str] = {}
        for ent, words in zip(persons, names):
            written.setdefault(words, self.person_span(ent).text)
        # where each full name is mentioned, in text order
        mentions: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for ent, words in zip(persons, names):
            if len(words) > 1:
                mentions[words].append(ent.start)
        for ent, words in zip(persons, names):
            longer = [n for n in mentions if len(n) > len(words) and _contains(n, words)]
            best = words
            if longer:
                # the longest; of two ("Lee Do-hyun", "Lee Jae-myung"), the one named last
                # before this mention ("Lee said"), else the one named first
                most = max(len(n) for n in longer)
                best = max((n for n in longer if len(n) == most), key=lambda n: (
                    max((i for i in mentions[n] if i < ent.start), default=-1), -mentions[n][0]))
            setattr(ent._, CANONICAL, written.get(best) or ent.text)

    @staticmethod
    def _org_names_repeated(doc: Doc, ents: tuple[Span, ...]) -> tuple[Span, ...]:
        """An org's name of two or more words, written again where the model tagged nothing
        ("SCB 10X" in a table row, then untagged opening a sentence), is the org again."""
        names = {tuple(t.orth for t in e) for e in ents if e.label_ == "ORG" and not e.id_ and len(e) > 1}
        if not names:
            return ents
        orth = doc.to_array(ORTH)
        taken = numpy.zeros(len(doc), dtype=bool)
        for ent in ents:
            taken[ent.start : ent.end] = True
        added = []
        for name in names:
            for i in numpy.flatnonzero(orth == name[0]).tolist():
                end = i + len(name)
                if end <= len(doc) and not taken[i:end].any() and tuple(orth[i:end].tolist()) == name:
                    added.append(Span(doc, i, end, label="ORG"))
                    taken[i:end] = True
        if not added:
            return ents
        clear_stale_ids(doc, added)
        doc.ents = sorted([*ents, *added])
        return doc.ents

    @staticmethod
    def _drop_lone_names(doc: Doc, ents: tuple[Span, ...]) -> tuple[Span, ...]:
        """News writing introduces a person by full name; a statistical PERSON that is one
        word and resolves to no full name in the article ("Gopher", "Monterrey", "Igbo") is a
        product, place or word the model took for a name, and is dropped."""
        lone = [e for e in ents if e.label_ == "PERSON" and not e.id_
                and len(str(getattr(e._, CANONICAL) or e.text).split()) == 1]
        if not lone:
            return ents
        drop = {(e.start, e.end) for e in lone}
        doc.ents = [e for e in ents if (e.start, e.end) not in drop]
        return doc.ents

    def _drop_capitalized_words(self, doc: Doc, ents: tuple[Span, ...]) -> tuple[Span, ...]:
        """"Compute is the binding constraint": a one-word statistical ORG that opens a
        sentence is a common word when the article also writes it in lower case, or when
        it is an English dictionary word the article never capitalizes mid-sentence (a
        company's name recurs mid-sentence)."""
        candidates = [e for e in ents if e.label_ == "ORG" and not e.id_ and len(e) == 1 and e[0].is_sent_start
                      and e.text[:1].isupper() and e.text[1:].islower()]
        if not candidates:
            return ents
        lower = {t.text for t in doc if t.text.islower()}
        mid_sentence = {t.text for t in doc if not t.is_sent_start}
        words = self._dictionary_words()
        drop = {e.start for e in candidates if e.text.lower() in lower or e.text.lower() in words
                and e.text not in mid_sentence and not _acts_as_a_name(e)}
        if not drop:
            return ents
        doc.ents = [e for e in ents if e.start not in drop]
        return doc.ents

    @staticmethod
    def _places_named_as_orgs(doc: Doc, ents: tuple[Span, ...]) -> tuple[Span, ...]:
        """"a bank in Chennai", "data centres in Hyderabad and Pune": a statistical ORG the
        article only ever puts after a locative "in" is a place. Not after an investment
        ("a stake in Verdane"), nor when it begins a longer org name in the article."""
        mentions: dict[str, list[Span]] = defaultdict(list)
        for ent in ents:
            if ent.label_ == "ORG":
                mentions[name_key(ent.text)].append(ent)
        places = set()
        for key, named in mentions.items():
            if any(e.id_ for e in named) or any(other.startswith(key + " ") for other in mentions):
                continue
            if all(_after_locative_in(e) for e in named):
                places.add(key)
        if not places:
            return ents
        doc.ents = [Span(doc, e.start, e.end, label="GPE") if e.label_ == "ORG" and name_key(e.text) in places
                    else e for e in ents]
        return doc.ents

    def _orgs(self, doc: Doc, ents: tuple[Span, ...]) -> None:
        orgs = [e for e in ents if e.label_ == "ORG"]
        groups: dict[str, list[Span]] = defaultdict(list)
        for ent in orgs:
            if not ent.id_:
                groups[name_key(ent.text)].append(ent)
        canonical_of: dict[str, str] = {}
        for key, members in groups.items():
            counts = Counter(re.sub(r"(?:'s|’s)$", "", m.text) for m in members)
            canonical_of[key] = max(counts, key=lambda t: (counts[t], sum(c.isupper() for c in t)))
        for ent in orgs:
            if ent.id_:
                canonical_of.setdefault(name_key(ent.text), ent.id_)
        # "Verdane" is "Verdane Labs" when the rest of the longer name is org suffixes; of
        # two such names ("Corvane Systems", "Corvane Cloud") the one the article names first.
        first: dict[str, int] = {}
        for ent in orgs:
            first.setdefault(name_key(ent.text), ent.start)
        for key in list(canonical_of):
            longer = [other for other in canonical_of if other.startswith(key + " ") and all(
                w.title() in self.org_suffixes or w.upper() in self.org_suffixes for w in other[len(key):].split())]
            if longer:
                canonical_of[key] = canonical_of[min(longer, key=lambda other: first[other])]
                continue
            # "Halcyon Machine Intelligence, the San Francisco developer ... Halcyon said": a
            # name first written in full, then by its first word
            earlier = [other for other in canonical_of if other.startswith(key + " ") and first[other] < first[key]
                       and is_title_name(canonical_of[other].split()[1:])]
            if " " not in key and earlier:
                canonical_of[key] = canonical_of[min(earlier, key=lambda other: first[other])]
        # "Imperial has built four models" after "Imperial College London": a one-word name
        # that starts a gazetteer org the article names, and is no org of its own
        written = as_written(orgs)
        named = [e for e in orgs if e.id_ and len(e) > 1]
        for key in list(canonical_of):
            if " " not in key and canonical_of[key] == next((m.text for m in groups.get(key, [])), None):
                longer = next((e for e in named if name_key(e.text).split()[0] == key), None)
                if longer is not None:
                    canonical_of[key] = written.get(longer.id_) or longer.id_
        aliases = self._acronyms(doc, orgs, canonical_of)
        for ent in orgs:
            # An acronym introduced in parentheses joins its name, gazetteer or not.
            canonical = aliases.get(ent.text) or written.get(ent.id_) or ent.id_ or canonical_of[name_key(ent.text)]
            setattr(ent._, CANONICAL, canonical)

    @staticmethod
    def _acronyms(doc: Doc, orgs: list[Span], canonical_of: dict[str, str]) -> dict[str, str]:
        """Acronym -> canonical name, from "Name (ACR)" and from the initials of names."""
        aliases: dict[str, str] = {}
        for ent in orgs:
            canonical = ent.id_ or canonical_of[name_key(ent.text)]
            after = doc[ent.end : ent.end + 3]
            if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and ACRONYM.match(after[1].text):
                aliases.setdefault(after[1].text, canonical)
            elif len(ent) > 1 and not ent.id_:
                aliases.setdefault(initials(ent.text), canonical)
        return {k: v for k, v in aliases.items() if len(k) > 1}


def as_written(orgs: list[Span]) -> dict[str, str]:
    """Gazetteer name -> the name an article uses when it never writes the gazetteer name:
    its longest written alias ("DeepMind", "Samsung Electronics"), acronyms excepted."""
    forms: dict[str, list[str]] = defaultdict(list)
    for ent in orgs:
        if ent.id_:
            forms[ent.id_].append(re.sub(r"(?:'s|’s)$", "", ent.text))
    chosen: dict[str, str] = {}
    for name, texts in forms.items():
        longest = max(texts, key=lambda t: (len(t.split()), len(t)))
        written = any(name_key(t) == name_key(name) for t in texts)
        # the fullest name the article writes: "Meta Platforms" over "Meta", not "Meta" over "Meta Platforms"
        # an abbreviation ("MOST") stands for the full name; an acronym that is the name's own
        # first word ("FPT" of "FPT Corporation") is the name as written
        own_word = longest.isupper() and longest in name.split()
        if not written and (not longest.isupper() or own_word) \
                or not longest.isupper() and len(longest.split()) > len(name.split()):
            chosen[name] = longest
    return chosen


INVESTMENT_LEMMAS = {"invest", "investment", "stake", "share", "interest", "holding", "position", "role", "job"}


def _after_locative_in(ent: Span) -> bool:
    """The entity is the object of "in" ("in Pune"), or listed after a place that is
    ("in Hyderabad and Pune"), and the "in" does not mark an investment or a post."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 1 and doc[i].lower_ in ("and", ",") and doc[i - 1].ent_type_ in ("GPE", "LOC", "COUNTRY") \
            and ent.root.dep_ == "conj":
        i = _entity_start(doc[i - 1]) - 1
    if i < 0 or doc[i].lower_ != "in":
        return False
    return doc[i].head.lemma_.lower() not in INVESTMENT_LEMMAS


def _entity_start(token: Token) -> int:
    i = token.i
    while i > 0 and token.doc[i].ent_iob_ == "I":
        i -= 1
    return i


NAME_VERBS = {"say", "announce", "release", "launch", "raise", "report", "open-source", "unveil", "publish"}


def _acts_as_a_name(ent: Span) -> bool:
    """"Orbit, which says ...", "Orbit's chief", "Orbit said": a word used as a company's name."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is not None and (after.text in (",", "'s", "’s") or after.lemma_.lower() in NAME_VERBS)


def _in_longer_name(token: Token) -> bool:
    """"Heliant Cloud" or "the Heliant Prize": a capitalised neighbour makes the word part
    of another name."""
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
               for i in (token.i - 1, token.i + 1))


def _contains(sequence: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return n > 0 and any(sequence[i : i + n] == part for i in range(len(sequence) - n + 1))


@Language.factory(
    "newsfacts_normalize", assigns=[f"span._.{CANONICAL}", f"span._.{COUNTRY_CODE}"], default_config={}
)
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    """Factory of `Normalizer`; person titles come from `[initialize.components.<name>]`."""
    register_extensions()
    return Normalizer(nlp, name)
