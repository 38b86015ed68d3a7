"""Downloader middlewares: private-address refusal, seen-URL skipping, retry backoff."""
from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from sqlmodel import Session

from storage.articles import known_article_urls
from storage.db import make_engine


class PrivateHostRefused(IgnoreRequest):
    """The host resolves to a private, loopback or link-local address."""


class UrlSkipped(IgnoreRequest):
    """Already fetched in this crawl, or an article already stored."""


def _is_private_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved


class PrivateHostMiddleware:
    """Refuse hosts on private, loopback or link-local addresses.

    A feed must not be able to point the crawler inside the operator's
    network. Hosts of sources marked `allow_private = true` are exempt.
    Names are resolved asynchronously (never blocking other downloads) and
    once per crawl.
    """

    def __init__(self, crawler: Crawler, allowed_hosts: set[str]) -> None:
        self.stats = crawler.stats
        self.allowed_hosts = allowed_hosts
        self.private: dict[str, bool] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PrivateHostMiddleware:
        return cls(crawler, set(crawler.settings.getlist("NEWSFACTS_PRIVATE_HOSTS_ALLOWED")))

    async def _is_private_host(self, host: str) -> bool:
        if host not in self.private:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
            except socket.gaierror:
                infos = []  # unresolvable: the download itself will fail and be counted
            self.private[host] = any(_is_private_address(info[4][0]) for info in infos)
        return self.private[host]

    async def process_request(self, request: Request) -> None:
        host = _hostname(request.url)
        if host in self.allowed_hosts:
            return None
        if await self._is_private_host(host):
            self.stats.inc_value("newsfacts/refused/private_host")
            raise PrivateHostRefused(f"{host} resolves to a private address: {request.url}")
        return None


def _hostname(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class SeenUrlMiddleware:
    """Fetch each URL once per crawl, and stored articles not at all.

    This replaces Scrapy's request-fingerprint dupefilter: that one marks a
    request as seen when it is scheduled, so a crawl killed before the
    request was downloaded would never fetch it on --resume. Here a URL
    counts as seen when its download starts, and feeds and sitemaps are
    read again on resume, so nothing is lost; stored articles are skipped
    (unless NEWSFACTS_REFRESH), so nothing is doubled.
    """

    def __init__(self, crawler: Crawler, db_url: str | None, refresh: bool) -> None:
        self.stats = crawler.stats
        self.db_url = db_url
        self.refresh = refresh
        self.stored: set[str] = set()
        self.fetched: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeenUrlMiddleware:
        middleware = cls(crawler, crawler.settings.get("NEWSFACTS_DB"), crawler.settings.getbool("NEWSFACTS_REFRESH"))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        if self.refresh or not self.db_url:
            return
        engine = make_engine(self.db_url)
        with Session(engine) as session:
            self.stored = known_article_urls(session)
        engine.dispose()

    def process_request(self, request: Request) -> None:
        if request.meta.get("retry_times") or request.meta.get("dont_obey_robotstxt"):
            return None  # a retry of a URL already counted, or robots.txt for its own sake
        if request.url in self.fetched:
            # A redirect back to a URL of this crawl is a redirect loop.
            reason = "rejected/redirect_loop" if request.meta.get("redirect_times") else "skipped/seen_in_run"
            self.stats.inc_value(f"newsfacts/{reason}")
            raise UrlSkipped(request.url)
        self.fetched.add(request.url)
        if request.meta.get("newsfacts_article") and request.url in self.stored:
            self.stats.inc_value("newsfacts/skipped/known_url")
            raise UrlSkipped(request.url)
        return None


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry (5xx, timeouts), waiting longer before each new try.

    The wait is asynchronous: other downloads go on meanwhile.
    """

    def __init__(self, settings) -> None:  # type: ignore[no-untyped-def]
        super().__init__(settings)
        self.base_delay = settings.getfloat("NEWSFACTS_RETRY_BACKOFF_BASE", 1.0)
        self.max_delay = settings.getfloat("NEWSFACTS_RETRY_BACKOFF_MAX", 60.0)

    def _delay(self, retry: Request) -> float:
        attempt = retry.meta.get("retry_times", 1)
        return min(self.max_delay, self.base_delay * 2 ** (attempt - 1))

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await asyncio.sleep(self._delay(result))
        return result

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:  # type: ignore[override]
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await asyncio.sleep(self._delay(result))
        return result
