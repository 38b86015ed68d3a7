"""Item pipelines: validate, drop in-run duplicates, store. One job each."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage.articles import StoreOutcome, content_hash, host_key, store_article
from storage.db import create_db_and_tables, make_engine
from storage.models import ArticleBase


class ValidateArticlePipeline:
    """Drop articles without a URL or with too little text to be news."""

    def __init__(self, crawler: Crawler, min_chars: int) -> None:
        self.stats = crawler.stats
        self.min_chars = min_chars

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidateArticlePipeline:
        return cls(crawler, crawler.settings.getint("NEWSFACTS_MIN_TEXT_CHARS", 200))

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if not adapter.get("canonical_url"):
            self.stats.inc_value("newsfacts/rejected/no_url")
            raise DropItem("article without a URL")
        if len((adapter.get("text") or "").strip()) < self.min_chars:
            self.stats.inc_value("newsfacts/rejected/too_short")
            raise DropItem(f"text shorter than {self.min_chars} characters: {adapter['url']}")
        return item


class DuplicatesPipeline:
    """Drop an article already seen in this run: same canonical URL, or same
    text on the same host. (Same text on another host is a syndicated copy,
    which the store keeps with a link to the first copy.)
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.seen_urls: set[str] = set()
        self.seen_texts: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DuplicatesPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        text_key = (host_key(adapter["canonical_url"]), content_hash(adapter["text"]))
        if adapter["canonical_url"] in self.seen_urls or text_key in self.seen_texts:
            self.stats.inc_value("newsfacts/articles/duplicate")
            raise DropItem(f"duplicate article: {adapter['url']}")
        self.seen_urls.add(adapter["canonical_url"])
        self.seen_texts.add(text_key)
        return item


class StoreArticlePipeline:
    """Store each article as unprocessed, one transaction per article, in a writer thread."""

    def __init__(self, crawler: Crawler, db_url: str) -> None:
        self.stats = crawler.stats
        self.db_url = db_url
        self.engine: Engine | None = None
        # One writer thread: database work leaves the reactor free for
        # downloads, and writes stay in order, one at a time.
        self.writer: ThreadPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoreArticlePipeline:
        db_url = crawler.settings.get("NEWSFACTS_DB")
        if not db_url:
            raise NotConfigured("NEWSFACTS_DB is not set")
        return cls(crawler, db_url)

    def open_spider(self) -> None:
        self.engine = make_engine(self.db_url)
        create_db_and_tables(self.engine)
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfacts-store")

    def close_spider(self) -> None:
        if self.writer is not None:
            self.writer.shutdown(wait=True)
        if self.engine is not None:
            self.engine.dispose()

    def _store(self, data: ArticleBase, source: str | None) -> StoreOutcome:
        with Session(self.engine) as session:
            outcome = store_article(session, data, source)
            session.commit()
        return outcome

    async def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        data = ArticleBase(
            url=adapter["url"],
            canonical_url=adapter["canonical_url"],
            title=adapter.get("title"),
            authors=list(adapter.get("authors") or []),
            published=adapter.get("published"),
            language=adapter.get("language"),
            text=adapter["text"],
            content_hash=content_hash(adapter["text"]),
        )
        assert self.writer is not None
        outcome = await asyncio.get_running_loop().run_in_executor(self.writer, self._store, data, adapter.get("source"))
        self.stats.inc_value(f"newsfacts/articles/{outcome.value}")
        return item
