"""Scrapy extensions: resident memory at chosen article counts."""
from __future__ import annotations

import multiprocessing
import resource

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured


def _rss_mb(pid: int | str) -> float:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return 0.0  # a worker that just exited
    return pages * resource.getpagesize() / 2**20


def current_rss_mb() -> float:
    """Resident memory of this process and its worker processes now, in MB (Linux /proc)."""
    return _rss_mb("self") + sum(_rss_mb(child.pid) for child in multiprocessing.active_children() if child.pid)


class MemoryCheckpoints:
    """Record RSS (crawl process plus extraction workers) after the N-th
    scraped article for each N in NEWSFACTS_MEMORY_CHECKPOINTS, and the peak
    at the end, as stats: a long crawl must stay flat."""

    def __init__(self, crawler: Crawler, checkpoints: list[int]) -> None:
        self.stats = crawler.stats
        self.checkpoints = set(checkpoints)
        self.scraped = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MemoryCheckpoints:
        checkpoints = [int(n) for n in crawler.settings.getlist("NEWSFACTS_MEMORY_CHECKPOINTS")]
        if not checkpoints:
            raise NotConfigured
        extension = cls(crawler, checkpoints)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def item_scraped(self) -> None:
        self.scraped += 1
        if self.scraped in self.checkpoints:
            self.stats.set_value(f"newsfacts/memory/rss_mb_at_{self.scraped}", round(current_rss_mb(), 1))

    def spider_closed(self) -> None:
        # Peak of this process plus the largest peak of an ended worker, or now.
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        self.stats.set_value("newsfacts/memory/peak_rss_mb", round(max(peak_kb / 1024, current_rss_mb()), 1))
