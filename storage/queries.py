"""Analyst queries over the facts. Every filter value is a bound parameter.

Filters and name resolution live in `storage.filters`, corroboration groups
in `storage.corroboration`; both are re-exported here for callers.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, false, func
from sqlmodel import Session, col, select

from storage.corroboration import GROUP_COLUMNS, min_sources_condition, query_conflicts, query_groups
from storage.filters import (
    ITEM_ALIASES,
    ClaimFilter,
    UnknownName,
    key_conditions,
    qualifier_conditions,
    report_conditions,
    resolve_entities,
    unknown_entity,
    unknown_names,
)
from storage.models import Article, Claim, Entity, Mention, Source

__all__ = [
    "ARTICLE_COLUMNS", "CLAIM_COLUMNS", "ENTITY_COLUMNS", "ENTITY_TABLE_COLUMNS", "GROUP_COLUMNS", "ITEM_ALIASES", "MENTION_COLUMNS",
    "ClaimFilter", "UnknownName", "iter_claims", "iter_claim_tuples", "query_articles", "query_claims", "query_conflicts",
    "query_entities", "query_groups", "unknown_entity", "unknown_names",
]

# Stable column order of the claim table (queries, exports and the `claim_table` view).
CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "subject",
    "subject_code",
    "count",
    "qualifier",
    "item",
    "year_start",
    "year_end",
    "published",
    "source",
    "article_id",
    "syndicated_from_id",
    "article_url",
    "title",
    "sentence",
    "start_char",
    "end_char",
    "extractor_version",
)

ENTITY_COLUMNS: tuple[str, ...] = ("label", "canonical", "code", "mentions", "articles")
ENTITY_TABLE_COLUMNS: tuple[str, ...] = ("entity_id", *ENTITY_COLUMNS)

ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "published",
    "source",
    "title",
    "article_url",
    "url",
    "authors",
    "language",
    "syndicated_from_id",
    "fetched_at",
    "processed_at",
    "extractor_version",
)

MENTION_COLUMNS: tuple[str, ...] = (
    "mention_id",
    "entity_id",
    "label",
    "canonical",
    "code",
    "text",
    "start_char",
    "end_char",
    "article_id",
    "published",
    "source",
    "article_url",
)

ENTITY_SORTS = ("mentions", "articles")


def claim_table_select() -> Select[Any]:
    """The claim table (CLAIM_COLUMNS) without filters or order: the `claim_table` view."""
    return (
        select(
            col(Claim.id).label("claim_id"),
            Claim.subject,
            Claim.subject_code,
            Claim.count,
            Claim.qualifier,
            Claim.item,
            Claim.year_start,
            Claim.year_end,
            Article.published,
            col(Source.name).label("source"),
            Claim.article_id,
            Article.syndicated_from_id,
            col(Article.canonical_url).label("article_url"),
            Article.title,
            Claim.sentence,
            Claim.start_char,
            Claim.end_char,
            Claim.extractor_version,
        )
        .join(Article, col(Article.id) == Claim.article_id)
        .outerjoin(Source, col(Source.id) == Article.source_id)
    )


def claim_conditions(session: Session, filters: ClaimFilter) -> list[ColumnElement[bool]]:
    """Every condition of `filters` on claims joined to their articles."""
    conditions = key_conditions(session, filters) + report_conditions(session, filters) + qualifier_conditions(filters)
    if filters.min_sources:
        conditions.append(min_sources_condition(session, filters))
    return conditions


def iter_claims(session: Session, filters: ClaimFilter | None = None) -> Iterator[dict[str, Any]]:
    """Claim-table rows (dicts in `CLAIM_COLUMNS` order), oldest article first."""
    for row in iter_claim_tuples(session, filters):
        yield dict(zip(CLAIM_COLUMNS, row, strict=True))


def iter_claim_tuples(session: Session, filters: ClaimFilter | None = None) -> Iterator[tuple[Any, ...]]:
    """Claim-table rows as tuples in `CLAIM_COLUMNS` order (the fast path for exports)."""
    query = claim_table_select().where(*claim_conditions(session, filters or ClaimFilter()))
    query = query.order_by(col(Article.published), col(Article.id), col(Claim.start_char), col(Claim.id))
    # Core execution on the session's connection: no ORM result layer per row.
    yield from session.connection().execute(query.execution_options(yield_per=10_000))


def query_claims(session: Session, filters: ClaimFilter | None = None) -> list[dict[str, Any]]:
    """All claim-table rows matching `filters`."""
    return list(iter_claims(session, filters))


def _published_window(since: date | None, until: date | None) -> ClaimFilter:
    return ClaimFilter(published_from=since, published_to=until)


def query_entities(
    session: Session,
    label: str | None = None,
    limit: int | None = 50,
    *,
    by: str = "mentions",
    since: date | None = None,
    until: date | None = None,
    with_entity: str | None = None,
) -> list[dict[str, Any]]:
    """Entities with their mention and article counts (ENTITY_COLUMNS), top first.

    `by` ("mentions" or "articles") picks the order; `since`/`until` keep
    mentions in articles published in those inclusive days. With
    `with_entity`, counts are of the articles that also mention that entity
    (its co-occurring entities, by articles shared); an unknown name gives [].
    """
    mentions = func.count(col(Mention.id)).label("mentions")
    articles = func.count(func.distinct(Mention.article_id)).label("articles")
    query = (
        select(Entity.label, Entity.canonical, Entity.code, mentions, articles)
        .join(Mention, col(Mention.entity_id) == Entity.id)
        .group_by(col(Entity.id), Entity.label, Entity.canonical, Entity.code)
    )
    window = report_conditions(session, _published_window(since, until))
    if window:
        query = query.join(Article, col(Article.id) == Mention.article_id).where(*window)
    if label:
        query = query.where(func.upper(Entity.label) == label.strip().upper())
    if with_entity:
        ids = [entity_id for entity_id, _ in resolve_entities(session, with_entity)]
        shared = select(Mention.article_id).where(col(Mention.entity_id).in_(ids)) if ids else None
        query = query.where(col(Mention.article_id).in_(shared), col(Entity.id).not_in(ids)) if shared is not None else query.where(false())
        by = "articles"
    first, second = (articles, mentions) if by == "articles" else (mentions, articles)
    query = query.order_by(first.desc(), second.desc(), col(Entity.canonical))
    if limit is not None:
        query = query.limit(limit)
    return [dict(zip(ENTITY_COLUMNS, row, strict=True)) for row in session.execute(query)]


def articles_select() -> Select[Any]:
    """Articles in ARTICLE_COLUMNS order, without filters or order."""
    return select(
        col(Article.id).label("article_id"),
        Article.published,
        col(Source.name).label("source"),
        Article.title,
        col(Article.canonical_url).label("article_url"),
        Article.url,
        Article.authors,
        Article.language,
        Article.syndicated_from_id,
        Article.fetched_at,
        Article.processed_at,
        Article.extractor_version,
    ).outerjoin(Source, col(Source.id) == Article.source_id)


def articles_query(session: Session, filters: ClaimFilter | None = None, entity: str | None = None) -> Select[Any]:
    """Articles (ARTICLE_COLUMNS) mentioning `entity` and having a claim matching `filters`, oldest first."""
    query = articles_select()
    if entity:
        ids = [entity_id for entity_id, _ in resolve_entities(session, entity)]
        query = query.where(col(Article.id).in_(select(Mention.article_id).where(col(Mention.entity_id).in_(ids))))
    if filters is not None and filters != ClaimFilter():
        matching = claim_table_select().with_only_columns(col(Claim.article_id)).where(*claim_conditions(session, filters))
        # correlate(None): the subquery joins `articles` itself instead of borrowing the outer row.
        query = query.where(col(Article.id).in_(matching.correlate(None)))
    return query.order_by(col(Article.published), col(Article.id))


def query_articles(
    session: Session, filters: ClaimFilter | None = None, entity: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Articles (ARTICLE_COLUMNS) mentioning `entity` and having a claim matching `filters`, oldest first."""
    query = articles_query(session, filters, entity)
    if limit is not None:
        query = query.limit(limit)
    return [dict(zip(ARTICLE_COLUMNS, row, strict=True)) for row in session.execute(query)]


def entity_table_select() -> Select[Any]:
    """Every entity (ENTITY_TABLE_COLUMNS), those without mentions too, by label and name."""
    return (
        select(
            col(Entity.id).label("entity_id"), Entity.label, Entity.canonical, Entity.code,
            func.count(col(Mention.id)).label("mentions"), func.count(func.distinct(Mention.article_id)).label("articles"),
        )
        .outerjoin(Mention, col(Mention.entity_id) == Entity.id)
        .group_by(col(Entity.id), Entity.label, Entity.canonical, Entity.code)
        .order_by(col(Entity.label), col(Entity.canonical))
    )


def mentions_select() -> Select[Any]:
    """Mentions with their entity and article (MENTION_COLUMNS), by article then offset."""
    return (
        select(
            col(Mention.id).label("mention_id"),
            Mention.entity_id,
            Entity.label,
            Entity.canonical,
            Entity.code,
            Mention.text,
            Mention.start_char,
            Mention.end_char,
            Mention.article_id,
            Article.published,
            col(Source.name).label("source"),
            col(Article.canonical_url).label("article_url"),
        )
        .join(Entity, col(Entity.id) == Mention.entity_id)
        .join(Article, col(Article.id) == Mention.article_id)
        .outerjoin(Source, col(Source.id) == Article.source_id)
        .order_by(col(Mention.article_id), col(Mention.start_char), col(Mention.id))
    )
