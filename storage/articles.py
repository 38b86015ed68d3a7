"""Writing crawled articles and finding the ones still to process."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from enum import Enum
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from storage.models import Article, ArticleBase, Source, utcnow


class StoreOutcome(str, Enum):
    NEW = "new"
    UPDATED = "updated"
    DUPLICATE = "duplicate"
    SYNDICATED = "syndicated"


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
    again. Same text under another URL of the same host: a duplicate. Same
    text on another host: a syndicated copy, stored with a link to the
    first copy. The caller commits.
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
    first_copy = session.exec(
        select(Article).where(Article.content_hash == data.content_hash).order_by(col(Article.id))
    ).first()
    if first_copy is not None and _host(first_copy.canonical_url) == _host(data.canonical_url):
        return StoreOutcome.DUPLICATE
    source_id = get_or_create_source(session, source_name).id if source_name else None
    update = {"source_id": source_id, "syndicated_from_id": first_copy.id if first_copy else None}
    session.add(Article.model_validate(data, update=update))
    return StoreOutcome.SYNDICATED if first_copy else StoreOutcome.NEW


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def pending_article_ids(session: Session, limit: int | None = None) -> Sequence[int]:
    """Ids of articles not processed yet, oldest first."""
    query = select(Article.id).where(col(Article.processed_at).is_(None)).order_by(col(Article.id))
    if limit is not None:
        query = query.limit(limit)
    return [article_id for article_id in session.exec(query) if article_id is not None]


def count_pending(session: Session) -> int:
    """How many articles wait for processing."""
    return len(pending_article_ids(session))


def known_article_urls(session: Session) -> set[str]:
    """Every fetched and canonical URL of the stored articles."""
    urls: set[str] = set()
    for url, canonical in session.exec(select(Article.url, Article.canonical_url)):
        urls.update((url, canonical))
    return urls
