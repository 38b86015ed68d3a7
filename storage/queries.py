"""Analyst queries over the facts. Every filter value is a bound parameter."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_
from sqlmodel import Session, col, select

from storage.models import Article, Claim, Entity, Mention, Source

# Stable column order of the claim table (queries and exports share it).
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
    "article_url",
    "title",
    "sentence",
    "start_char",
    "end_char",
    "extractor_version",
)

ENTITY_COLUMNS: tuple[str, ...] = ("label", "canonical", "code", "mentions", "articles")


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to return; None means no constraint."""

    subject: str | None = None  # canonical name or ISO code, case-insensitive
    item: str | None = None  # canonical item, case-insensitive; a plural 's' is ignored
    year: int | None = None  # claims whose period includes this year


def _claim_select(filters: ClaimFilter) -> Select[Any]:
    query = (
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
    if filters.subject:
        wanted = filters.subject.strip()
        query = query.where(
            or_(
                func.lower(Claim.subject) == wanted.lower(),
                func.upper(func.coalesce(Claim.subject_code, "")) == wanted.upper(),
            )
        )
    if filters.item:
        wanted_item = filters.item.strip().lower()
        singular = wanted_item[:-1] if wanted_item.endswith("s") else wanted_item
        query = query.where(func.lower(Claim.item).in_({wanted_item, singular}))
    if filters.year is not None:
        query = query.where(
            func.coalesce(Claim.year_start, Claim.year_end) <= filters.year,
            col(Claim.year_end) >= filters.year,
        )
    return query.order_by(
        col(Article.published), col(Article.id), col(Claim.start_char), col(Claim.id)
    )


def iter_claims(session: Session, filters: ClaimFilter | None = None) -> Iterator[dict[str, Any]]:
    """Claim-table rows (dicts in `CLAIM_COLUMNS` order), oldest article first."""
    result = session.execute(_claim_select(filters or ClaimFilter()))
    for row in result:
        yield dict(zip(CLAIM_COLUMNS, row, strict=True))


def query_claims(session: Session, filters: ClaimFilter | None = None) -> list[dict[str, Any]]:
    """All claim-table rows matching `filters`."""
    return list(iter_claims(session, filters))


def query_entities(
    session: Session, label: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Entities with their mention and article counts, most mentioned first."""
    mentions = func.count(col(Mention.id)).label("mentions")
    articles = func.count(func.distinct(Mention.article_id)).label("articles")
    query = (
        select(Entity.label, Entity.canonical, Entity.code, mentions, articles)
        .join(Mention, col(Mention.entity_id) == Entity.id)
        .group_by(col(Entity.id), Entity.label, Entity.canonical, Entity.code)
        .order_by(mentions.desc(), col(Entity.canonical))
        .limit(limit)
    )
    if label:
        query = query.where(func.upper(Entity.label) == label.strip().upper())
    return [dict(zip(ENTITY_COLUMNS, row, strict=True)) for row in session.execute(query)]
