"""The one generic news spider: feeds, sitemaps and start pages of each source."""
from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.extraction import decode_html, to_utc
from crawler.items import ArticleItem
from crawler.sources import SourceConfig, load_sources
from crawler.workers import PageExtractor

HTML_TYPES = (b"text/html", b"application/xhtml+xml")
# Feed entry links and dates: RSS 2.0 and Atom (namespaces removed first).
FEED_ENTRIES = "//item | //entry"
ENTRY_LINK = "link/text() | link[not(@rel) or @rel='alternate']/@href | guid[@isPermaLink='true']/text()"
ENTRY_DATE = "pubDate/text() | published/text() | updated/text() | date/text()"
# Sitemap entries; news sitemaps carry news/publication_date.
SITEMAP_DATE = "news/publication_date/text() | lastmod/text()"
# A gzip sitemap larger than this once inflated is refused (zip bombs).
MAX_SITEMAP_BYTES = 50 * 1024 * 1024


class NewsSpider(scrapy.Spider):
    """Crawl every configured source; yield an ArticleItem per article page.

    Spider arguments: `sources` (a list of SourceConfig, when run from
    Python) or `sources_file` and `source` (comma-separated names, as with
    `scrapy crawl news -a sources_file=… -a source=…`).
    """

    name = "news"

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.extractor = PageExtractor(crawler.settings.getint("NEWSFACTS_EXTRACT_WORKERS"))
        crawler.signals.connect(spider.extractor.close, signal=signals.spider_closed)
        return spider

    def __init__(
        self,
        sources: list[SourceConfig] | None = None,
        sources_file: str | None = None,
        source: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if sources is None:
            names = [n.strip() for n in source.split(",") if n.strip()] if source else None
            sources = load_sources(Path(sources_file) if sources_file else None, names)
        self.sources = {s.name: s for s in sources}
        self.allowed_domains = sorted({d for s in sources for d in s.domains()})
        self.now = datetime.now(timezone.utc)

    # Requests carry the source's name, not the object: a resumable crawl
    # (JOBDIR) keeps pending requests on disk.
    def _request(self, url: str, callback: Any, source: SourceConfig, **kwargs: Any) -> scrapy.Request:
        request = scrapy.Request(
            url, callback, errback=self.on_error, cb_kwargs={"source_name": source.name, **kwargs}
        )
        if source.download_delay is not None:
            # The source set its own delay: AutoThrottle must not change it.
            request.meta["autothrottle_dont_adjust_delay"] = True
        return request

    def _article_request(self, url: str, source: SourceConfig) -> scrapy.Request:
        # Entries of feeds and sitemaps are fetched, not crawled further.
        request = self._request(url, self.parse_page, source, depth=source.max_depth)
        request.meta["newsfacts_article"] = True
        return request

    async def start(self) -> AsyncIterator[Any]:
        for source in self.sources.values():
            for url in source.feeds:
                yield self._request(url, self.parse_feed, source)
            for url in source.sitemaps:
                callback = self.parse_robots if url.rstrip("/").endswith("/robots.txt") else self.parse_sitemap
                yield self._request(url, callback, source)
            for url in source.start_urls:
                yield self._request(url, self.parse_page, source, depth=0)

    def on_error(self, failure: Failure) -> None:
        """Count every failed request by the kind of its failure."""
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            return  # robots.txt or our middlewares refused it, and counted it
        if failure.check(DownloadCancelledError):
            # Scrapy cancels a download that exceeds DOWNLOAD_MAXSIZE.
            self.crawler.stats.inc_value("newsfacts/rejected/too_large")
            return
        kind = failure.type.__name__ if failure.type else "unknown"
        self.crawler.stats.inc_value(f"newsfacts/errors/{kind}")
        response = getattr(failure.value, "response", None)
        if response is not None:
            self.crawler.stats.inc_value(f"newsfacts/errors/http_{response.status}")

    def _too_old(self, source: SourceConfig, date_text: str | None) -> bool:
        if not source.max_age_days or not date_text:
            return False
        published = to_utc(date_text)
        if published is None or published >= self.now - timedelta(days=source.max_age_days):
            return False
        self.crawler.stats.inc_value("newsfacts/skipped/too_old")
        return True

    def _wanted(self, source: SourceConfig, url: str) -> bool:
        return not source.allow or source.matches_article(url)

    def parse_feed(self, response: Response, source_name: str) -> Iterator[scrapy.Request]:
        """RSS or Atom feed: request every recent entry that looks like an article."""
        source = self.sources[source_name]
        selector = scrapy.Selector(response, type="xml")
        selector.remove_namespaces()
        for entry in selector.xpath(FEED_ENTRIES):
            link = entry.xpath(ENTRY_LINK).get()
            if not link:
                continue
            url = response.urljoin(link.strip())
            if self._wanted(source, url) and not self._too_old(source, entry.xpath(ENTRY_DATE).get()):
                yield self._article_request(url, source)

    def parse_robots(self, response: Response, source_name: str) -> Iterator[scrapy.Request]:
        """robots.txt given as a sitemap: follow its Sitemap: lines."""
        source = self.sources[source_name]
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield self._request(url, self.parse_sitemap, source)

    def parse_sitemap(self, response: Response, source_name: str) -> Iterator[scrapy.Request]:
        """Sitemap, sitemap index or news sitemap (gzip too)."""
        source = self.sources[source_name]
        body = response.body
        if body[:2] == b"\x1f\x8b":
            # Inflate at most MAX_SITEMAP_BYTES: a small gzip can unpack huge.
            body = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, MAX_SITEMAP_BYTES)
        selector = scrapy.Selector(text=body.decode("utf-8", "replace"), type="xml")
        selector.remove_namespaces()
        for loc in selector.xpath("//sitemapindex/sitemap/loc/text()").getall():
            yield self._request(response.urljoin(loc.strip()), self.parse_sitemap, source)
        for entry in selector.xpath("//urlset/url"):
            loc = entry.xpath("loc/text()").get()
            if not loc:
                continue
            url = response.urljoin(loc.strip())
            if self._wanted(source, url) and not self._too_old(source, entry.xpath(SITEMAP_DATE).get()):
                yield self._article_request(url, source)

    async def parse_page(
        self, response: Response, source_name: str, depth: int
    ) -> AsyncIterator[ArticleItem | scrapy.Request]:
        """Any HTML page: keep it if it is an article, follow links within the depth limit."""
        source = self.sources[source_name]
        content_type = response.headers.get(b"Content-Type", b"").split(b";")[0].strip().lower()
        if not isinstance(response, TextResponse) or content_type not in HTML_TYPES:
            self.crawler.stats.inc_value("newsfacts/rejected/not_html")
            return
        if source.matches_article(response.url) or response.meta.get("newsfacts_article"):
            item = await self._article(response, source)
            if item is not None:
                yield item
        if depth < source.max_depth:
            for link in LinkExtractor().extract_links(response):
                if not source.owns(link.url):
                    continue
                request = self._request(link.url, self.parse_page, source, depth=depth + 1)
                request.meta["newsfacts_article"] = source.matches_article(link.url)
                yield request

    async def _article(self, response: TextResponse, source: SourceConfig) -> ArticleItem | None:
        html = decode_html(response.body, response.encoding, response.text)
        page = await self.extractor.extract(html, response.url)
        if page is None:
            self.crawler.stats.inc_value("newsfacts/rejected/no_text")
            return None
        if not page.is_article:
            self.crawler.stats.inc_value("newsfacts/rejected/not_article")
            return None
        return ArticleItem(
            url=response.url,
            canonical_url=page.canonical_url,
            title=page.title,
            text=page.text,
            source=source.name,
            authors=page.authors,
            published=page.published,
            language=page.language,
        )
