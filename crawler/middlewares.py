"""Downloader middlewares: private-address refusal, known-URL skipping, retry backoff."""
from __future__ import annotations

import asyncio
import ipaddress
import socket
from functools import lru_cache
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from sqlmodel import Session

from storage.articles import known_article_urls
from storage.db import make_engine


class PrivateHostRefused(IgnoreRequest):
    """The host resolves to a private, loopback or link-local address."""


class KnownArticleSkipped(IgnoreRequest):
    """The article URL is already stored (and --refresh was not given)."""


@lru_cache(maxsize=4096)
def _is_private_host(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        return False  # unresolvable: the download itself will fail and be counted
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
            return True
    return False


class PrivateHostMiddleware:
    """Refuse hosts on private, loopback or link-local addresses.

    A feed must not be able to point the crawler inside the operator's
    network. Hosts of sources marked `allow_private = true` are exempt.
    """

    def __init__(self, crawler: Crawler, allowed_hosts: set[str]) -> None:
        self.stats = crawler.stats
        self.allowed_hosts = allowed_hosts

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PrivateHostMiddleware:
        return cls(crawler, set(crawler.settings.getlist("NEWSFACTS_PRIVATE_HOSTS_ALLOWED")))

    def process_request(self, request: Request) -> None:
        host = request.meta.get("newsfacts_host") or _hostname(request.url)
        if host in self.allowed_hosts:
            return None
        if _is_private_host(host):
            self.stats.inc_value("newsfacts/refused/private_host")
            raise PrivateHostRefused(f"{host} resolves to a private address: {request.url}")
        return None


def _hostname(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class KnownArticleMiddleware:
    """Skip article requests whose URL is already stored, unless refreshing."""

    def __init__(self, crawler: Crawler, db_url: str) -> None:
        self.stats = crawler.stats
        self.db_url = db_url
        self.known: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> KnownArticleMiddleware:
        db_url = crawler.settings.get("NEWSFACTS_DB")
        if not db_url or crawler.settings.getbool("NEWSFACTS_REFRESH"):
            raise NotConfigured("refreshing, or no database")
        middleware = cls(crawler, db_url)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        engine = make_engine(self.db_url)
        with Session(engine) as session:
            self.known = known_article_urls(session)
        engine.dispose()

    def process_request(self, request: Request) -> None:
        if request.meta.get("newsfacts_article") and request.url in self.known:
            self.stats.inc_value("newsfacts/skipped/known_url")
            raise KnownArticleSkipped(request.url)
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
