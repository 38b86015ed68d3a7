"""Writing crawled articles and finding the ones still to process."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from enum import Enum

from sqlmodel import Session, col, select

from storage.models import Article, ArticleBase, Source, utcnow


class StoreOutcome(str, Enum):
    NEW = "new"
    UPDATED = "updated"
    DUPLICATE = "duplicate"


_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with whitespace runs collapsed and case folded.

    Two copies of one story that differ only in layout whitespace hash alike.
    """
    normalized = _SPACE.sub(" ", text).strip().casefold()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def get_or_create_source(session: Session, name: str) -> Source:
    """The `sources` row named `name`, created on first use."""
    source = session.exec(select(Source).where(Source.name == name)).first()
    if source is None:
        source = Source(name=name)
        session.add(source)
        session.flush()
    return source


def store_article(session: Session, data: ArticleBase, source_name: str | None) -> StoreOutcome:
    """Insert or update one crawled article, marked as not yet processed.

    Same canonical URL and same text: a duplicate, nothing written. Same
    canonical URL, new text: the row is updated and queued for processing
    again. Same text under another canonical URL: a duplicate.
    The caller commits.
    """
    existing = session.exec(select(Article).where(Article.canonical_url == data.canonical_url)).first()
    if existing is not None:
        if existing.content_hash == data.content_hash:
            return StoreOutcome.DUPLICATE
        for name, value in data.model_dump().items():
            setattr(existing, name, value)
        existing.fetched_at = utcnow()
        existing.processed_at = None
        session.add(existing)
        return StoreOutcome.UPDATED
    same_text = session.exec(select(Article.id).where(Article.content_hash == data.content_hash)).first()
    if same_text is not None:
        return StoreOutcome.DUPLICATE
    source_id = get_or_create_source(session, source_name).id if source_name else None
    session.add(Article.model_validate(data, update={"source_id": source_id}))
    return StoreOutcome.NEW


def pending_article_ids(session: Session, limit: int | None = None) -> Sequence[int]:
    """Ids of articles not processed yet, oldest first."""
    query = select(Article.id).where(col(Article.processed_at).is_(None)).order_by(col(Article.id))
    if limit is not None:
        query = query.limit(limit)
    return [article_id for article_id in session.exec(query) if article_id is not None]


def count_pending(session: Session) -> int:
    """How many articles wait for processing."""
    return len(pending_article_ids(session))
