"""Claim filters: what analysts ask for, resolved against the stored names.

Names typed by analysts (a subject's name or ISO code, an item or its
abbreviation, a source) are first resolved to the exact stored values with
small look-ups, so the claim queries compare indexed columns exactly. Every
value reaches the database as a bound parameter.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import ColumnElement, false, func, or_, text
from sqlmodel import Session, col, select

from storage.models import Article, Claim, Entity, Source

# Abbreviations analysts type for the canonical items the NLP stage stores
# (lower case; matching is case-insensitive and ignores a plural "s").
ITEM_ALIASES: dict[str, str] = {
    "llm": "large language model",
    "ai": "AI model",
    "ai system": "AI model",
}

# Every distinct item, read from the (item, year_end) index one value at a
# time: a handful of index seeks instead of a scan of the claims table.
_DISTINCT_ITEMS = text(
    "WITH RECURSIVE items(item) AS ("
    " SELECT MIN(item) FROM claims"
    " UNION ALL"
    " SELECT (SELECT MIN(item) FROM claims WHERE item > items.item) FROM items WHERE items.item IS NOT NULL"
    ") SELECT item FROM items WHERE item IS NOT NULL"
)

_YEAR_RANGE = re.compile(r"^\s*(\d{4})\s*(?:(?:-|\.\.|:)\s*(\d{4})\s*)?$")


class BadFilterError(ValueError):
    """A filter value cannot be understood (e.g. a malformed year range)."""


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to return; None means no constraint.

    Periods overlap: `year=2021, year_to=2023` keeps claims whose period
    (year_start..year_end) shares at least one year with 2021..2023; `year`
    alone keeps claims whose period includes that year. Published dates are
    inclusive UTC days. `min_sources` counts independent sources of the
    claim's corroboration group (see `storage.corroboration`).
    """

    subject: str | None = None  # canonical name or ISO code, case-insensitive
    item: str | None = None  # canonical item or an ITEM_ALIASES abbreviation, case-insensitive
    year: int | None = None
    year_to: int | None = None
    source: str | None = None  # source name, case-insensitive
    published_from: date | None = None
    published_to: date | None = None
    qualifier: str | None = None  # exact, more_than, at_least, about, less_than, at_most
    min_sources: int | None = None


@dataclass(frozen=True)
class UnknownName:
    """A filter name that matches nothing stored, with close stored names."""

    kind: str  # subject, item, source or entity
    name: str
    suggestions: tuple[str, ...]

    def __str__(self) -> str:
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"unknown {self.kind} {self.name!r}{hint}"


def parse_year_range(value: str) -> tuple[int, int | None]:
    """'2023' → (2023, None); '2021-2023', '2021..2023' or '2021:2023' → (2021, 2023).

    RAISES (BadFilterError): for anything else, or a range that runs backwards.
    """
    match = _YEAR_RANGE.match(value)
    if match is None:
        raise BadFilterError(f"not a year or year range: {value!r} (use 2023 or 2021-2023)")
    first, last = int(match.group(1)), match.group(2)
    if last is not None and int(last) < first:
        raise BadFilterError(f"year range runs backwards: {value!r}")
    return first, int(last) if last is not None else None


def _singular(name: str) -> str:
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name


def item_candidates(wanted: str) -> set[str]:
    """Lower-case stored item names that `wanted` may stand for."""
    base = " ".join(wanted.lower().split())
    names = {base, _singular(base)}
    return names | {ITEM_ALIASES[name].lower() for name in names if name in ITEM_ALIASES}


def stored_items(session: Session) -> list[str]:
    """Every distinct claim item, sorted."""
    return [row[0] for row in session.execute(_DISTINCT_ITEMS)]


def resolve_items(session: Session, wanted: str) -> list[str]:
    """The stored items `wanted` names (case, plural 's' and ITEM_ALIASES ignored)."""
    candidates = item_candidates(wanted)
    return [item for item in stored_items(session) if {item.lower(), _singular(item.lower())} & candidates]


def resolve_entities(session: Session, wanted: str) -> list[tuple[int, str | None]]:
    """(id, code) of the entities whose canonical name or code is `wanted`, any case."""
    name = wanted.strip()
    query = select(Entity.id, Entity.code).where(
        or_(func.lower(Entity.canonical) == name.lower(), func.upper(func.coalesce(Entity.code, "")) == name.upper())
    )
    return [(entity_id, code) for entity_id, code in session.execute(query) if entity_id is not None]


def subject_condition(session: Session, wanted: str) -> ColumnElement[bool]:
    """Claims about `wanted`: by ISO code where the entity has one (indexed with item and year)."""
    entities = resolve_entities(session, wanted)
    codes = sorted({code for _, code in entities if code})
    ids = sorted(entity_id for entity_id, code in entities if not code)
    conditions: list[ColumnElement[bool]] = []
    if codes:
        conditions.append(col(Claim.subject_code).in_(codes))
    if ids:
        conditions.append(col(Claim.subject_entity_id).in_(ids))
    return or_(*conditions) if conditions else false()


def _source_ids(session: Session, wanted: str) -> list[int]:
    query = select(Source.id).where(func.lower(Source.name) == wanted.strip().lower())
    return [source_id for source_id in session.exec(query) if source_id is not None]


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def period_conditions(filters: ClaimFilter) -> list[ColumnElement[bool]]:
    """Claims whose period overlaps the filter's year or year range."""
    if filters.year is None:
        return []
    last = filters.year_to if filters.year_to is not None else filters.year
    return [
        func.coalesce(Claim.year_start, Claim.year_end) <= last,
        col(Claim.year_end) >= filters.year,
    ]


def key_conditions(session: Session, filters: ClaimFilter) -> list[ColumnElement[bool]]:
    """Conditions on what a claim states: subject, item, period (the corroboration key)."""
    conditions = period_conditions(filters)
    if filters.subject:
        conditions.append(subject_condition(session, filters.subject))
    if filters.item:
        items = resolve_items(session, filters.item)
        conditions.append(col(Claim.item).in_(items) if items else false())
    return conditions


def report_conditions(session: Session, filters: ClaimFilter) -> list[ColumnElement[bool]]:
    """Conditions on where and when a claim was reported (need `articles` joined)."""
    conditions: list[ColumnElement[bool]] = []
    if filters.source:
        source_ids = _source_ids(session, filters.source)
        conditions.append(col(Article.source_id).in_(source_ids) if source_ids else false())
    if filters.published_from is not None:
        conditions.append(col(Article.published) >= _day_start(filters.published_from))
    if filters.published_to is not None:
        conditions.append(col(Article.published) < _day_start(filters.published_to) + timedelta(days=1))
    return conditions


def qualifier_conditions(filters: ClaimFilter) -> list[ColumnElement[bool]]:
    if not filters.qualifier:
        return []
    return [col(Claim.qualifier) == filters.qualifier.strip().lower()]


def _close(name: str, choices: list[str], limit: int = 5) -> tuple[str, ...]:
    """Stored names close to `name`: those containing it first, then similar spellings."""
    wanted = name.strip().lower()
    by_lower: dict[str, str] = {}
    for choice in choices:
        by_lower.setdefault(choice.lower(), choice)
    containing = sorted(lower for lower in by_lower if len(wanted) >= 3 and wanted in lower)
    similar = difflib.get_close_matches(wanted, list(by_lower), n=limit, cutoff=0.6)
    ordered = list(dict.fromkeys(containing + similar))[:limit]
    return tuple(by_lower[lower] for lower in ordered)


def _names_and_codes(rows: Any, wanted: str) -> list[str]:
    # Codes ("US") look like every short word: offer them only for short names.
    return [name for canonical, code in rows for name in (canonical, code if len(wanted.strip()) <= 3 else None) if name]


def _subject_names(session: Session, wanted: str) -> list[str]:
    subjects = select(Claim.subject_entity_id).distinct()
    return _names_and_codes(session.execute(select(Entity.canonical, Entity.code).where(col(Entity.id).in_(subjects))), wanted)


def unknown_names(session: Session, filters: ClaimFilter) -> list[UnknownName]:
    """The filter's names that match nothing stored, each with close stored names."""
    unknown: list[UnknownName] = []
    if filters.subject and not resolve_entities(session, filters.subject):
        unknown.append(UnknownName("subject", filters.subject, _close(filters.subject, _subject_names(session, filters.subject))))
    if filters.item and not resolve_items(session, filters.item):
        items = stored_items(session)
        unknown.append(UnknownName("item", filters.item, _close(filters.item, items + list(ITEM_ALIASES))))
    if filters.source and not _source_ids(session, filters.source):
        names = [name for name in session.exec(select(Source.name))]
        unknown.append(UnknownName("source", filters.source, _close(filters.source, names)))
    return unknown


def unknown_entity(session: Session, name: str) -> UnknownName | None:
    """None when `name` is a stored entity (canonical name or code), else close names."""
    if resolve_entities(session, name):
        return None
    rows = session.execute(select(Entity.canonical, Entity.code))
    return UnknownName("entity", name, _close(name, _names_and_codes(rows, name)))
