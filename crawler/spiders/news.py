"""The one generic news spider: feeds, sitemaps and start pages of each source."""
from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap

from crawler.extraction import extract_page
from crawler.items import ArticleItem
from crawler.sources import SourceConfig, load_sources

_ATOM_LINKS = (
    "//*[local-name()='entry']/*[local-name()='link']"
    "[not(@rel) or @rel='alternate']/@href"
)


class NewsSpider(scrapy.Spider):
    """Crawl every configured source; yield an ArticleItem per article page.

    Spider arguments: `sources` (a list of SourceConfig, when run from
    Python) or `sources_file` and `source` (comma-separated names, as with
    `scrapy crawl news -a sources_file=… -a source=…`).
    """

    name = "news"

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
        self.sources = sources
        self.allowed_domains = sorted({d for s in sources for d in s.domains()})

    async def start(self) -> AsyncIterator[Any]:
        for source in self.sources:
            for url in source.feeds:
                yield scrapy.Request(url, self.parse_feed, cb_kwargs={"source": source})
            for url in source.sitemaps:
                yield scrapy.Request(url, self.parse_sitemap, cb_kwargs={"source": source})
            for url in source.start_urls:
                yield scrapy.Request(url, self.parse_page, cb_kwargs={"source": source, "depth": 0})

    def _article_request(self, url: str, source: SourceConfig) -> scrapy.Request:
        # Entries of feeds and sitemaps are fetched, not crawled further.
        return scrapy.Request(
            url, self.parse_page, cb_kwargs={"source": source, "depth": source.max_depth}
        )

    def parse_feed(self, response: Response, source: SourceConfig) -> Iterator[scrapy.Request]:
        """RSS or Atom feed: request every entry that looks like an article."""
        selector = scrapy.Selector(response, type="xml")
        links = selector.xpath("//item/link/text()").getall() + selector.xpath(_ATOM_LINKS).getall()
        for link in links:
            url = response.urljoin(link.strip())
            if not source.allow or source.matches_article(url):
                yield self._article_request(url, source)

    def parse_sitemap(self, response: Response, source: SourceConfig) -> Iterator[scrapy.Request]:
        """Sitemap or sitemap index (gzip too): follow sub-sitemaps, request articles."""
        body = response.body
        if gzip_magic_number(response):
            body = gunzip(body)
        sitemap = Sitemap(body)
        for entry in sitemap:
            url = response.urljoin(entry["loc"])
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(url, self.parse_sitemap, cb_kwargs={"source": source})
            elif not source.allow or source.matches_article(url):
                yield self._article_request(url, source)

    def parse_page(
        self, response: Response, source: SourceConfig, depth: int
    ) -> Iterator[ArticleItem | scrapy.Request]:
        """Any HTML page: keep it if it is an article, follow links within the depth limit."""
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("newsfacts/rejected/not_html")
            return
        if source.matches_article(response.url):
            item = self._article(response, source)
            if item is not None:
                yield item
        if depth < source.max_depth:
            extractor = LinkExtractor(allow_domains=source.domains())
            for link in extractor.extract_links(response):
                yield scrapy.Request(
                    link.url, self.parse_page, cb_kwargs={"source": source, "depth": depth + 1}
                )

    def _article(self, response: TextResponse, source: SourceConfig) -> ArticleItem | None:
        page = extract_page(response.text, response.url)
        if page is None:
            self.crawler.stats.inc_value("newsfacts/rejected/no_text")
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
