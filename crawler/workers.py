"""Page extraction in worker processes, off Scrapy's reactor thread.

Extraction is the CPU-heavy part of a crawl: run inline, it stalls every
download while it parses. Workers also bound memory: each is replaced
after a fixed number of pages, so whatever a parsing library leaks per
page is returned to the system.
"""
from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from crawler.extraction import ExtractedPage, extract_page


class PageExtractor:
    """`await extractor.extract(html, url)`: inline with 0 workers, else in a process pool."""

    def __init__(self, workers: int, pages_per_worker: int = 500) -> None:
        self.workers = workers
        self.pages_per_worker = pages_per_worker
        self._pool: ProcessPoolExecutor | None = None

    async def extract(self, html: str, url: str) -> ExtractedPage | None:
        if self.workers == 0:
            return extract_page(html, url)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                max_tasks_per_child=self.pages_per_worker,
            )
        return await asyncio.wrap_future(self._pool.submit(extract_page, html, url))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
