"""Corroboration: claims that state the same thing, grouped across articles.

A group is every claim with the same subject (ISO code, else name), item,
period (year_start, year_end), count and qualifier. Its independent sources
are the distinct sources of the claims' articles after each syndicated copy
is replaced by its first copy (`articles.syndicated_from_id`), so copies and
several articles of one site count once; an article without a source counts
as a source of its own. A group is in conflict when another group with the
same subject, item and period gives a different count.

The statements here are the ones behind the `claim_groups` view, so Python
and SQL users see the same groups.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, String, Subquery, and_, case, distinct, func, literal, tuple_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from storage.filters import ClaimFilter, key_conditions, report_conditions
from storage.models import Article, Claim, Source

# Stable column order of a corroboration group (queries, exports and the view).
GROUP_COLUMNS: tuple[str, ...] = (
    "subject",
    "subject_code",
    "item",
    "year_start",
    "year_end",
    "count",
    "qualifier",
    "independent_sources",
    "sources",
    "claims",
    "articles",
    "first_published",
    "first_source",
    "first_article_url",
    "conflict",
)

_Origin = aliased(Article, name="origin")
_OriginSource = aliased(Source, name="origin_source")
_NO_YEAR = -1  # stands for a missing year inside group keys, so keys compare with '='


class source_list(FunctionElement[str]):  # noqa: N801 - named like the SQL functions it stands for
    """The distinct source names of a group, joined with ', ' (names in no fixed order).

    Portable SQL has no aggregate for this: SQLite's group_concat takes
    DISTINCT only without a separator, PostgreSQL has string_agg.
    """

    type = String()
    inherit_cache = True


@compiles(source_list)
def _source_list_default(element: source_list, compiler: Any, **kw: Any) -> str:
    return f"string_agg(DISTINCT {compiler.process(element.clauses, **kw)}, ', ')"


@compiles(source_list, "sqlite")
def _source_list_sqlite(element: source_list, compiler: Any, **kw: Any) -> str:
    return f"replace(group_concat(DISTINCT {compiler.process(element.clauses, **kw)}), ',', ', ')"


def _facts(conditions: Sequence[ColumnElement[bool]], shown: Sequence[ColumnElement[bool]] = ()) -> Subquery:
    """One row per claim with its group key parts and its independent-source key."""
    query = (
        select(
            col(Claim.id).label("claim_id"),
            col(Claim.article_id).label("article_id"),
            func.coalesce(Claim.subject_code, Claim.subject).label("subject_key"),
            col(Claim.subject).label("subject"),
            col(Claim.subject_code).label("subject_code"),
            col(Claim.item).label("item"),
            col(Claim.year_start).label("year_start"),
            col(Claim.year_end).label("year_end"),
            func.coalesce(Claim.year_start, _NO_YEAR).label("ys"),
            func.coalesce(Claim.year_end, _NO_YEAR).label("ye"),
            col(Claim.count).label("count"),
            col(Claim.qualifier).label("qualifier"),
            col(Article.published).label("published"),
            col(Article.canonical_url).label("article_url"),
            col(Source.name).label("source"),
            func.coalesce(_Origin.source_id, -_Origin.id).label("source_key"),
            col(_OriginSource.name).label("independent_source"),
            (case((and_(*shown), 1), else_=0) if shown else literal(1)).label("shown"),
        )
        .join(Article, col(Article.id) == Claim.article_id)
        .outerjoin(Source, col(Source.id) == Article.source_id)
        .join(_Origin, col(_Origin.id) == func.coalesce(Article.syndicated_from_id, Article.id))
        .outerjoin(_OriginSource, col(_OriginSource.id) == _Origin.source_id)
    )
    return query.where(*conditions).subquery("facts")


def _key(table: Any) -> list[Any]:
    return [table.c.subject_key, table.c.item, table.c.ys, table.c.ye, table.c.count, table.c.qualifier]


def _groups(facts: Subquery) -> Subquery:
    """Aggregate facts into groups, each with its first report and source list."""
    key = _key(facts)
    first = [case((facts.c.published.is_(None), 1), else_=0), facts.c.published, facts.c.article_id, facts.c.claim_id]
    ranked = select(
        facts,
        func.first_value(facts.c.article_url).over(partition_by=key, order_by=first).label("first_article_url"),
        func.first_value(facts.c.source).over(partition_by=key, order_by=first).label("first_source"),
    ).subquery("ranked")
    return (
        select(
            *_key(ranked),
            func.min(ranked.c.subject).label("subject"),
            func.min(ranked.c.subject_code).label("subject_code"),
            func.min(ranked.c.year_start).label("year_start"),
            func.min(ranked.c.year_end).label("year_end"),
            func.count(distinct(ranked.c.source_key)).label("independent_sources"),
            source_list(ranked.c.independent_source).label("sources"),
            func.count().label("claims"),
            func.count(distinct(ranked.c.article_id)).label("articles"),
            func.min(ranked.c.published).label("first_published"),
            func.min(ranked.c.first_source).label("first_source"),
            func.min(ranked.c.first_article_url).label("first_article_url"),
            func.max(ranked.c.shown).label("shown"),
        )
        .group_by(*_key(ranked))
        .subquery("grouped")
    )


def _with_conflicts(groups: Subquery) -> Subquery:
    period = [groups.c.subject_key, groups.c.item, groups.c.ys, groups.c.ye]
    disputed = func.min(groups.c.count).over(partition_by=period) != func.max(groups.c.count).over(partition_by=period)
    return select(groups, case((disputed, 1), else_=0).label("conflict")).subquery("judged")


def groups_select(conditions: Sequence[ColumnElement[bool]] = (), shown: Sequence[ColumnElement[bool]] = ()) -> Select[Any]:
    """Every group of the claims meeting `conditions`, in GROUP_COLUMNS order.

    `shown` marks the claims a caller wants to see; groups without one get
    `shown = 0` (an extra last column) but still count in conflicts.
    """
    judged = _with_conflicts(_groups(_facts(conditions, shown)))
    return select(*(judged.c[name] for name in GROUP_COLUMNS), judged.c.shown, *_period_key(judged))


def _period_key(table: Any) -> list[Any]:
    return [table.c.subject_key, table.c.ys, table.c.ye]


def view_select() -> Select[Any]:
    """The `claim_groups` view: every group, GROUP_COLUMNS only."""
    judged = _with_conflicts(_groups(_facts(())))
    return select(*(judged.c[name] for name in GROUP_COLUMNS))


def min_sources_condition(session: Session, filters: ClaimFilter) -> ColumnElement[bool]:
    """Claims whose group has at least `filters.min_sources` independent sources."""
    facts = _facts(key_conditions(session, filters))
    supported = select(*_key(facts)).group_by(*_key(facts)).having(func.count(distinct(facts.c.source_key)) >= filters.min_sources)
    claim_key = tuple_(
        func.coalesce(Claim.subject_code, Claim.subject), Claim.item, func.coalesce(Claim.year_start, _NO_YEAR),
        func.coalesce(Claim.year_end, _NO_YEAR), Claim.count, Claim.qualifier,
    )
    return claim_key.in_(supported)


def _group_rows(session: Session, filters: ClaimFilter, conflicts_only: bool) -> list[dict[str, Any]]:
    judged = groups_select(key_conditions(session, filters), report_conditions(session, filters)).subquery("shown_groups")
    outer = select(*(judged.c[name] for name in GROUP_COLUMNS)).where(judged.c.shown == 1)
    if filters.qualifier:
        outer = outer.where(judged.c.qualifier == filters.qualifier.strip().lower())
    if filters.min_sources:
        outer = outer.where(judged.c.independent_sources >= filters.min_sources)
    if conflicts_only:
        outer = outer.where(judged.c.conflict == 1)
    rows = []
    order = (judged.c.subject_key, judged.c.item, judged.c.ys, judged.c.ye, judged.c.independent_sources.desc(), judged.c.count, judged.c.qualifier)
    for row in session.execute(outer.order_by(*order)):
        group = dict(zip(GROUP_COLUMNS, row, strict=True))
        group["sources"] = ", ".join(sorted((group["sources"] or "").split(", "))).strip(", ")
        group["conflict"] = bool(group["conflict"])
        rows.append(group)
    return rows


def query_groups(session: Session, filters: ClaimFilter | None = None) -> list[dict[str, Any]]:
    """Corroboration groups of the claims matching `filters`, in GROUP_COLUMNS order.

    Independent sources and conflicts are always counted over every claim
    with the filter's subject, item and period; source and published-date
    filters only pick which groups are shown (those with a matching claim).
    Sorted by subject, item, period, then most independent sources.
    """
    return _group_rows(session, filters or ClaimFilter(), conflicts_only=False)


def query_conflicts(session: Session, filters: ClaimFilter | None = None) -> list[dict[str, Any]]:
    """Only the disputed groups: each side of a subject, item and period with its sources."""
    return _group_rows(session, filters or ClaimFilter(), conflicts_only=True)


@dataclass(frozen=True)
class Figure:
    """The best-supported count for one subject and period (what a chart draws)."""

    subject: str
    subject_code: str | None
    period: str  # "2023", "2020-2023", or "by 2023" when only the end year is known
    year_start: int | None
    year_end: int | None
    count: int
    qualifier: str
    independent_sources: int
    disputed: bool


def period_label(year_start: int | None, year_end: int | None) -> str:
    """'2023', '2020-2023', 'by 2023', or 'undated'."""
    if year_end is None:
        return "undated"
    if year_start is None:
        return f"by {year_end}"
    return str(year_end) if year_start == year_end else f"{year_start}-{year_end}"


def best_figures(session: Session, filters: ClaimFilter | None = None) -> list[Figure]:
    """Per subject and period, the group with most independent sources (then the earliest).

    Meant for one item (the caller filters by item). Undated claims are left out. A figure is `disputed` when another group
    gives a different count for the same subject, item and period.
    """
    best: dict[tuple[str, int | None, int | None], dict[str, Any]] = {}
    for group in query_groups(session, filters):
        if group["year_end"] is None:
            continue
        key = (group["subject"], group["year_start"], group["year_end"])
        if key not in best or _better(group, best[key]):
            best[key] = group
    return [
        Figure(g["subject"], g["subject_code"], period_label(g["year_start"], g["year_end"]), g["year_start"], g["year_end"],
               g["count"], g["qualifier"], g["independent_sources"], g["conflict"])
        for g in best.values()
    ]


def _better(group: dict[str, Any], held: dict[str, Any]) -> bool:
    """More independent sources wins; on a tie, the earlier first report (ties keep `held`)."""
    if group["independent_sources"] != held["independent_sources"]:
        return bool(group["independent_sources"] > held["independent_sources"])
    if group["first_published"] is None:
        return False
    return held["first_published"] is None or bool(group["first_published"] < held["first_published"])
