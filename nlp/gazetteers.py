"""Gazetteer data files turned into span-ruler patterns, and the ruler's entity filter.

The data lives in `nlp/data/` (one JSON object a line); `nlp/config.cfg` feeds it to
spaCy's built-in `span_ruler` at initialize through the readers registered here.

Line shapes:
- countries: {"country": <name pycountry resolves>, "name": <display name>,
  "aliases": [...], "demonyms": [...], "ambiguous": [...], "not_a_country": bool}
- organizations: {"name": <canonical>, "aliases": [...], "ticker": ..., "case": bool}
- other names: {"label": "LOC" | "GPE" | "PRODUCT" | ..., "name": ..., "aliases": [...],
  "capital_of": <country name, for a capital city>}
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pycountry
from spacy.tokens import Span
from spacy.util import registry

DATA_DIR = Path(__file__).parent / "data"
# Pattern ids of countries are "<alpha-2>:<display name>"; a capital city's id is
# "<city>@<alpha-2>:<country display name>" (its government may be a claim subject).
COUNTRY_ID_SEP = ":"
CAPITAL_ID_SEP = "@"
# Short all-capital aliases ("MOST", "CAC", "US") are matched with their case.
SHORT_ACRONYM_MAX = 5

Pattern = dict[str, Any]
# Labels of place names, and of statistical entities that may contain one.
PLACE_LABELS = ("COUNTRY", "GPE", "LOC")
NAME_HOLDERS = ("ORG", "FAC", "EVENT", "WORK_OF_ART")
NAME_JOINERS = ("of", "and", "for", "the", "&", "-", "on", "in")


class GazetteerError(ValueError):
    """A gazetteer data file holds a line that cannot be used."""


def data_path(path: str) -> Path:
    """Resolve a data file name relative to `nlp/data/` unless it is absolute."""
    candidate = Path(path)
    return candidate if candidate.is_absolute() else DATA_DIR / candidate


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSON-lines file, skipping blank lines."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as err:
                    raise GazetteerError(f"{path.name}:{number}: {err}") from err


def _is_short_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= SHORT_ACRONYM_MAX


def country_names(entry: dict[str, Any]) -> tuple[str, str, list[str]]:
    """Return (alpha-2 code, display name, every surface form) of a country line."""
    try:
        country = pycountry.countries.lookup(entry["country"])
    except (KeyError, LookupError) as err:
        raise GazetteerError(f"unknown country {entry.get('country')!r}") from err
    display = entry.get("name") or getattr(country, "common_name", None) or country.name
    forms = [display, country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
    forms += entry.get("aliases", []) + entry.get("demonyms", [])
    ambiguous = set(entry.get("ambiguous", []))
    return country.alpha_2, display, [f for f in dict.fromkeys(forms) if f and f not in ambiguous]


def ambiguous_country_ids(path: Path) -> dict[str, str]:
    """Pattern ids of countries by the names they share with people or places ("Jordan",
    "Chad", "Georgia"), which the rulers never match on their own."""
    ids: dict[str, str] = {}
    for entry in read_jsonl(path):
        if entry.get("ambiguous") and not entry.get("not_a_country"):
            code, display, _ = country_names(entry)
            ids.update({form: f"{code}{COUNTRY_ID_SEP}{display}" for form in entry["ambiguous"]})
    return ids


def _plain_pycountry_names(listed: set[str]) -> Iterator[tuple[str, str, list[str]]]:
    """Countries the data file does not describe: their pycountry names only."""
    for country in pycountry.countries:
        if country.alpha_2 in listed:
            continue
        display = getattr(country, "common_name", None) or country.name
        forms = [display, country.name, getattr(country, "official_name", "")]
        # "Korea, Republic of" and "Bolivia (Plurinational State of)" never occur in prose.
        forms = [f for f in dict.fromkeys(forms) if f and "," not in f and "(" not in f]
        yield country.alpha_2, display, forms


def country_patterns(path: Path) -> list[Pattern]:
    """Patterns for every pycountry country, with the aliases and demonyms of `path`."""
    patterns: list[Pattern] = []
    listed: set[str] = set()
    entries = []
    for entry in read_jsonl(path):
        code, display, forms = country_names(entry)
        listed.add(code)
        # Territories that are not sovereign states stay places, never COUNTRY.
        label = "GPE" if entry.get("not_a_country") else "COUNTRY"
        entries.append((code, display, forms, label))
    entries += [(c, d, f, "COUNTRY") for c, d, f in _plain_pycountry_names(listed)]
    for code, display, forms, label in entries:
        pattern_id = f"{code}{COUNTRY_ID_SEP}{display}" if label == "COUNTRY" else display
        patterns += [{"label": label, "pattern": form, "id": pattern_id} for form in forms]
    return patterns


@functools.cache
def _country_forms_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One alternation of every country's names and demonyms (longest first), and the
    (code, display name) of each form."""
    forms: dict[str, tuple[str, str]] = {}
    for pattern in country_patterns(data_path("countries.jsonl")):
        if pattern["label"] == "COUNTRY" and not _is_short_acronym(pattern["pattern"]):
            code, display = str(pattern["id"]).split(COUNTRY_ID_SEP, 1)
            forms.setdefault(pattern["pattern"], (code, display))
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), forms


def country_in_name(name: str) -> tuple[str, str] | None:
    """(code, display name) of the first country an organization's name spells out
    ("Uganda Communications Commission", "the Nigerian Communications Commission");
    acronyms ("US", "UK") are left out, being parts of many names."""
    pattern, forms = _country_forms_pattern()
    match = pattern.search(name)
    return forms[match.group(0)] if match is not None else None


def name_patterns(path: Path, case_sensitive: bool) -> list[Pattern]:
    """Patterns for organizations (no "label") or other named things ("label"): with
    `case_sensitive`, the names marked "case" and short acronyms; without, the others."""
    patterns: list[Pattern] = []
    for entry in read_jsonl(path):
        if "name" not in entry:
            raise GazetteerError(f"{path.name}: a line without a name: {entry}")
        label = entry.get("label", "ORG")
        name = entry["name"]
        pattern_id = name
        if entry.get("capital_of"):
            code, display, _ = country_names({"country": entry["capital_of"]})
            pattern_id = f"{name}{CAPITAL_ID_SEP}{code}{COUNTRY_ID_SEP}{display}"
        for form in dict.fromkeys([name, *entry.get("aliases", [])]):
            if case_sensitive == (bool(entry.get("case")) or _is_short_acronym(form)):
                patterns.append({"label": label, "pattern": form, "id": pattern_id})
    return patterns


@registry.readers("newsfacts.gazetteer.v1")  # type: ignore[untyped-decorator]
def create_gazetteer_reader(paths: list[str], case_sensitive: bool = False) -> list[Pattern]:
    """Read gazetteer files into span-ruler patterns.

    paths (list[str]): data files, relative to `nlp/data/` unless absolute; a file whose
        lines carry "country" is a country gazetteer.
    case_sensitive (bool): patterns for a ruler matching ORTH (countries, and the names
        marked "case" or short acronyms of the other files), else for one matching LOWER
        (all other names). Both rulers use phrase matchers only, which keeps them cheap.
    RETURNS (list[dict]): span-ruler patterns with label and id.
    """
    patterns: list[Pattern] = []
    for name in paths:
        path = data_path(name)
        first = next(read_jsonl(path), {})
        if "country" in first:
            patterns += country_patterns(path) if case_sensitive else []
        else:
            patterns += name_patterns(path, case_sensitive)
    return patterns


@registry.readers("newsfacts.json.v1")  # type: ignore[untyped-decorator]
def create_json_reader(path: str) -> dict[str, Any]:
    """Read one JSON data file (rules, lexicons) from `nlp/data/` unless absolute."""
    with data_path(path).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def prefer_gazetteer(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """Merge ruler matches into the entities: gazetteer spans (new matches and entities
    that already carry a gazetteer id) win over statistical entities they overlap, and
    among themselves the longest, then leftmost, wins. One exception: a place name inside
    a statistical name ("Korea" in "Korea Advanced Institute of Science and Technology")
    leaves that name alone.
    """
    entities = list(entities)
    names = [e for e in entities if not e.id_ and e.label_ in NAME_HOLDERS and _is_proper_name(e)]
    gazetteer = [e for e in entities if e.id_] + [
        s for s in spans if not _miscased_words(s)
        if s.label_ not in PLACE_LABELS or not any(n.start <= s.start and s.end <= n.end and len(n) > len(s)
                                                   and not _place_and_count(n, s) for n in names)
    ]
    gazetteer.sort(key=lambda s: (-(s.end - s.start), s.start))
    taken: set[int] = set()
    kept: list[Span] = []
    for span in gazetteer:
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    kept += [e for e in entities if not e.id_ and not taken.intersection(range(e.start, e.end))]
    return kept


def _miscased_words(span: Span) -> bool:
    """Words that only spell a name when its case is ignored: "large-scale AI models",
    "to scale AI": a lower-case first word that ends a compound or is a verb or adjective."""
    first = span[0]
    if len(span) < 2 or not first.text.islower():
        return False
    doc = span.doc
    return first.i > 0 and doc[first.i - 1].text == "-" and not doc[first.i - 1].whitespace_ \
        or first.pos_ in ("VERB", "ADJ")


def _place_and_count(name: Span, place: Span) -> bool:
    """"Chile 5" in a list of counts: a place and a number, not a name holding the place."""
    return name.start == place.start and all(t.is_digit for t in name.doc[place.end : name.end])


def _is_proper_name(span: Span) -> bool:
    """Capitalized words joined by short function words, with no possessive."""
    return all(t.text[:1].isupper() or t.is_digit or t.lower_ in NAME_JOINERS for t in span) and \
        not any(t.tag_ == "POS" for t in span) and span[0].lower_ not in NAME_JOINERS


@registry.misc("newsfacts.prefer_gazetteer.v1")  # type: ignore[untyped-decorator]
def make_prefer_gazetteer() -> Any:
    """The `ents_filter` of the gazetteer span rulers (see `prefer_gazetteer`)."""
    return prefer_gazetteer
