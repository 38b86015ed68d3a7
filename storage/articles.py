"""Writing crawled articles, finding the ones to process, and counting them.

Several `process` workers share the work through `claim_articles`: on
PostgreSQL each takes a batch with `SELECT … FOR UPDATE SKIP LOCKED`; SQLite
allows one writer, so it gets one worker at a time.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from urllib.parse import urlsplit

from sqlalchemy import ColumnElement, and_, case, func, or_
from sqlmodel import Session, col, select

from storage.db import SQLITE_ONE_WRITER, WriterBusyError
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
        existing.failed_at = None
        existing.failure = None
        session.add(existing)
        return StoreOutcome.UPDATED
    copies = session.exec(
        select(Article.id, Article.canonical_url).where(Article.content_hash == data.content_hash).order_by(col(Article.id))
    ).all()
    if any(host_key(url) == host_key(data.canonical_url) for _, url in copies):
        return StoreOutcome.DUPLICATE
    first_copy = copies[0] if copies else None
    source_id = get_or_create_source(session, source_name).id if source_name else None
    update = {"source_id": source_id, "syndicated_from_id": first_copy[0] if first_copy else None}
    session.add(Article.model_validate(data, update=update))
    return StoreOutcome.SYNDICATED if first_copy else StoreOutcome.NEW


def host_key(url: str) -> str:
    """The host of `url` as one site: lower case, without a leading "www."."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _is_pending() -> ColumnElement[bool]:
    return and_(col(Article.processed_at).is_(None), col(Article.failed_at).is_(None))


def pending_article_ids(session: Session, limit: int | None = None) -> Sequence[int]:
    """Ids of articles neither processed nor failed yet, oldest first."""
    query = select(Article.id).where(_is_pending()).order_by(col(Article.id))
    if limit is not None:
        query = query.limit(limit)
    return [article_id for article_id in session.exec(query) if article_id is not None]


@dataclass(frozen=True)
class ArticleSelection:
    """Which articles a `process` worker takes.

    Pending ones by default; with `reprocess_version`, the ones processed (or
    failed) by any other extractor version. `since` keeps articles published
    (or, without a date, fetched) at or after that time.
    """

    reprocess_version: str | None = None
    since: datetime | None = None

    def where(self) -> ColumnElement[bool]:
        if self.reprocess_version is None:
            condition = _is_pending()
        else:
            handled = or_(col(Article.processed_at).is_not(None), col(Article.failed_at).is_not(None))
            other_version = or_(
                col(Article.extractor_version).is_(None), col(Article.extractor_version) != self.reprocess_version
            )
            condition = and_(handled, other_version)
        if self.since is not None:
            condition = and_(condition, func.coalesce(Article.published, Article.fetched_at) >= self.since)
        return condition


def begin_exclusive(session: Session) -> None:
    """On SQLite, take the write lock now (waiting for another writer); elsewhere nothing.

    Call it before the session's first write.
    RAISES (WriterBusyError): when SQLite's wait for the lock times out.
    """
    if session.get_bind().dialect.name != "sqlite":
        return
    from sqlalchemy.exc import OperationalError

    try:
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")
    except OperationalError as exc:
        if "locked" not in str(exc):
            raise
        raise WriterBusyError(f"another process kept this SQLite database locked too long; {SQLITE_ONE_WRITER}") from exc


def claim_articles(session: Session, limit: int, selection: ArticleSelection | None = None) -> list[Article]:
    """Lock and return up to `limit` articles for this worker, oldest first.

    PostgreSQL: `FOR UPDATE SKIP LOCKED`, so concurrent workers get disjoint
    batches and the rows stay locked until the session commits or rolls back
    (a worker that dies releases them). SQLite has no row locks: one worker
    at a time (`storage.db.single_worker`), which writes after
    `begin_exclusive` and checks that the texts did not change meanwhile.
    """
    query = (
        select(Article)
        .where((selection or ArticleSelection()).where())
        .order_by(col(Article.id))
        .limit(limit)
        .with_for_update(skip_locked=True, of=Article)
    )
    return list(session.exec(query))


def current_hashes(session: Session, article_ids: Sequence[int]) -> dict[int, str]:
    """id → content hash now stored, to notice a text updated by a crawl meanwhile."""
    query = select(Article.id, Article.content_hash).where(col(Article.id).in_(article_ids))
    return {article_id: digest for article_id, digest in session.exec(query) if article_id is not None}


def count_selected(session: Session, selection: ArticleSelection) -> int:
    """How many articles `selection` matches (locked ones included)."""
    return session.exec(select(func.count()).select_from(Article).where(selection.where())).one()


def mark_failed(session: Session, article: Article, reason: str, extractor_version: str) -> None:
    """Record that `extractor_version` could not process `article`; the caller commits."""
    article.failed_at = utcnow()
    article.failure = reason[:2000]
    article.extractor_version = extractor_version
    session.add(article)


@dataclass(frozen=True)
class ArticleCounts:
    total: int
    processed: int
    pending: int
    failed: int
    outdated: int  # processed or failed by another extractor version


def article_counts(session: Session, extractor_version: str) -> ArticleCounts:
    """Articles by processing state, in one query."""
    failed = col(Article.failed_at).is_not(None)
    processed = and_(col(Article.processed_at).is_not(None), col(Article.failed_at).is_(None))
    outdated = ArticleSelection(reprocess_version=extractor_version).where()

    def total(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    row = session.exec(
        select(func.count(), total(processed), total(_is_pending()), total(failed), total(outdated)).select_from(Article)
    ).one()
    return ArticleCounts(*(int(value) for value in row))


def quiet_sources(session: Session, since: datetime, configured: Sequence[str] = ()) -> list[dict[str, object]]:
    """Sources with no article fetched at or after `since`, quietest first.

    `configured` names sources from the sources file: those that never
    produced an article are not in the table yet and are listed too.
    """
    last = func.max(Article.fetched_at)
    query = (
        select(Source.name, last.label("last_article"), func.count(col(Article.id)).label("articles"))
        .select_from(Source)
        .join(Article, col(Article.source_id) == col(Source.id), isouter=True)
        .group_by(col(Source.id), col(Source.name))
        .having(or_(last.is_(None), last < since))
        .order_by(last.nulls_first(), col(Source.name))
    )
    rows: list[dict[str, object]] = [
        {"source": name, "last_article": last_at, "articles": n} for name, last_at, n in session.exec(query)
    ]
    known = set(session.exec(select(Source.name)))
    never = [{"source": name, "last_article": None, "articles": 0} for name in configured if name not in known]
    return never + rows


def known_article_urls(session: Session) -> set[str]:
    """Every fetched and canonical URL of the stored articles."""
    urls: set[str] = set()
    for url, canonical in session.exec(select(Article.url, Article.canonical_url)):
        urls.update((url, canonical))
    return urls
