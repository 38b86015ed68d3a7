"""Every table of newsfacts, as SQLModel models.

Shared fields live in `*Base` data models; tables are `X(XBase, table=True)`.
Character offsets are `start_char`/`end_char` (not `start`/`end`, which are
SQL keywords and would need quoting in analysts' hand-written SQL).
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Current time, timezone-aware in UTC (every stored time is UTC)."""
    return datetime.now(timezone.utc)


class SourceBase(SQLModel):
    name: str = Field(index=True, unique=True)


class Source(SourceBase, table=True):
    __tablename__ = "sources"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)


class ArticleBase(SQLModel):
    url: str
    canonical_url: str = Field(unique=True)
    title: str | None = None
    authors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    published: datetime | None = Field(default=None, index=True)  # UTC
    language: str | None = None
    text: str
    content_hash: str = Field(index=True)


class Article(ArticleBase, table=True):
    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_pending", "processed_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int | None = Field(default=None, foreign_key="sources.id", index=True)
    # A syndicated copy (same text on another site) points at the first copy,
    # so counting independent sources can tell them apart.
    syndicated_from_id: int | None = Field(default=None, foreign_key="articles.id", index=True)
    fetched_at: datetime = Field(default_factory=utcnow)
    processed_at: datetime | None = None
    extractor_version: str | None = None
    # Processing failed with this extractor version: counted, not retried
    # until the text or the extractor changes.
    failed_at: datetime | None = None
    failure: str | None = None


class Entity(SQLModel, table=True):
    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("label", "canonical", name="uq_entities_label_canonical"),)

    id: int | None = Field(default=None, primary_key=True)
    label: str = Field(index=True)
    canonical: str
    code: str | None = Field(default=None, index=True)


class Mention(SQLModel, table=True):
    __tablename__ = "mentions"

    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entities.id", index=True)
    article_id: int = Field(foreign_key="articles.id", index=True)
    text: str
    start_char: int
    end_char: int


class Claim(SQLModel, table=True):
    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_subject_item_year", "subject_code", "item", "year_end"),
        Index("ix_claims_item_year", "item", "year_end"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="articles.id", index=True)
    subject_entity_id: int | None = Field(default=None, foreign_key="entities.id", index=True)
    subject: str
    subject_code: str | None = None
    count: int = Field(sa_column=Column(BigInteger, nullable=False))
    qualifier: str
    item: str
    year_start: int | None = None
    year_end: int | None = None
    sentence: str
    start_char: int
    end_char: int
    extractor_version: str


class CrawlRun(SQLModel, table=True):
    __tablename__ = "crawl_runs"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    status: str = "running"  # running, finished, failed, interrupted
    sources: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    stats: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
