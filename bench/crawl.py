#!/usr/bin/env python3
"""Crawl throughput and memory: a bare Scrapy spider against the full newsfacts crawl.

Serves N generated article pages (default 2,000) with a sitemap on
127.0.0.1, then crawls them twice in this run, each crawl in its own child
process: a bare spider that only downloads, and the full `newsfacts crawl`
(extraction, deduplication, SQLite). Prints pages per second of both, their
ratio, the full crawl's peak RSS and its RSS after 500 and after N pages.
The last line is one JSON object.

    python bench/crawl.py [--pages 2000] [--rounds 2]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import scrapy  # noqa: E402
from scrapy.crawler import CrawlerProcess  # noqa: E402

from crawler.runner import LOCAL_SITE_OVERRIDES, run_crawl  # noqa: E402
from crawler.sources import SourceConfig  # noqa: E402

SPEED_SETTINGS: dict[str, Any] = {
    **LOCAL_SITE_OVERRIDES,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "LOG_LEVEL": "ERROR",
}
WORDS = ("model chip regulator startup cloud data training open source release market investor "
         "government report company research lab benchmark language country policy").split()


def article_html(number: int) -> bytes:
    """A realistic generated news page: nav, ~450-word article, related links, comments."""
    paragraphs = []
    for p in range(8):
        words = [WORDS[(number * 7 + p * 13 + i * 3) % len(WORDS)] for i in range(55)]
        paragraphs.append(f"<p>Story {number} part {p}: {' '.join(words).capitalize()}.</p>")
    related = "".join(f'<li><a href="/a/{(number + k) % 9973}">Related story {k}</a></li>' for k in range(1, 6))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story {number}</title>
<link rel="canonical" href="/a/{number}"><meta property="og:type" content="article">
<meta property="article:published_time" content="2024-05-{1 + number % 28:02d}T08:00:00Z"></head>
<body><nav><a href="/">Home</a><a href="/tech">Tech</a><a href="/ai">AI</a></nav>
<article><h1>Story number {number} about AI models</h1>{''.join(paragraphs)}</article>
<aside class="related"><ul>{related}</ul></aside>
<div class="comments"><p>First comment on story {number}.</p></div><footer>Bench News</footer></body></html>""".encode()


@contextmanager
def serve_pages(count: int) -> Iterator[str]:
    """Serve `count` generated articles and a sitemap on 127.0.0.1; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/sitemap.xml":
                base = f"http://{self.headers['Host']}"
                urls = "".join(f"<url><loc>{base}/a/{i}</loc></url>" for i in range(count))
                body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
                kind = "application/xml"
            elif self.path == "/robots.txt":
                body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
            else:
                body, kind = article_html(int(self.path.rsplit("/", 1)[-1] or 0)), "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server_class = type("Server", (ThreadingHTTPServer,), {"daemon_threads": True, "request_queue_size": 256})
    server = server_class(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class BareSpider(scrapy.Spider):
    """Downloads every sitemap entry and does nothing with it."""

    name = "bare"

    def __init__(self, sitemap: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap = sitemap

    async def start(self):  # type: ignore[no-untyped-def]
        yield scrapy.Request(self.sitemap, self.parse_sitemap)

    def parse_sitemap(self, response):  # type: ignore[no-untyped-def]
        selector = scrapy.Selector(response, type="xml")
        selector.remove_namespaces()
        for url in selector.xpath("//loc/text()").getall():
            yield scrapy.Request(url, self.parse_page)

    def parse_page(self, response) -> None:  # type: ignore[no-untyped-def]
        return None


def _bare_crawl(sitemap: str, results: Any) -> None:
    process = CrawlerProcess({**SPEED_SETTINGS, "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor"})
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, sitemap=sitemap)
    process.start()
    results.put(dict(crawler.stats.get_stats()))


def bare_pages_per_s(base: str) -> float:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    child = context.Process(target=_bare_crawl, args=(f"{base}/sitemap.xml", results))
    child.start()
    stats = results.get()
    child.join()
    return (stats["response_received_count"] - 2) / stats["elapsed_time_seconds"]


def full_crawl(base: str, folder: Path, pages: int, checkpoint: int) -> dict[str, Any]:
    """One full newsfacts crawl into a fresh SQLite file; returns its stats."""
    source = SourceConfig(name="bench", sitemaps=(f"{base}/sitemap.xml",), allow=("/a/",), allow_private=True, max_age_days=0)
    overrides = {**SPEED_SETTINGS, "NEWSFACTS_MEMORY_CHECKPOINTS": [checkpoint, pages], "JOBDIR": None}
    database = folder / "bench.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    return run_crawl([source], f"sqlite:///{database}", overrides).stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2, help="alternating bare/full rounds; the best of each counts")
    args = parser.parse_args()
    checkpoint = min(500, args.pages)
    bares: list[float] = []
    fulls: list[tuple[float, dict[str, Any]]] = []
    with serve_pages(args.pages) as base, tempfile.TemporaryDirectory() as folder:
        # Alternating rounds and the best of each: other load on the machine
        # slows single runs, and it should not decide the ratio.
        for _ in range(args.rounds):
            bares.append(bare_pages_per_s(base))
            stats = full_crawl(base, Path(folder), args.pages, checkpoint)
            fulls.append((stats.get("newsfacts/articles/new", 0) / stats["elapsed_time_seconds"], stats))
    bare = max(bares)
    full, stats = max(fulls, key=lambda pair: pair[0])
    stored = stats.get("newsfacts/articles/new", 0)
    early = stats.get(f"newsfacts/memory/rss_mb_at_{checkpoint}")
    late = stats.get(f"newsfacts/memory/rss_mb_at_{args.pages}")
    figures = {
        "bare_pages_per_s": round(bare, 1),
        "full_pages_per_s": round(full, 1),
        "ratio": round(full / bare, 3),
        "peak_rss_mb": stats.get("newsfacts/memory/peak_rss_mb"),
        "rss_growth": round(late / early, 3) if early and late else None,
    }
    print(f"pages served: {args.pages}; articles stored by the full crawl: {stored}; best of {args.rounds} rounds")
    print(f"bare Scrapy spider:   {figures['bare_pages_per_s']:8.1f} pages/s  (rounds: {', '.join(f'{b:.0f}' for b in bares)})")
    print(f"full newsfacts crawl: {figures['full_pages_per_s']:8.1f} pages/s  (rounds: {', '.join(f'{f:.0f}' for f, _ in fulls)}; ratio {figures['ratio']})")
    print(f"full crawl RSS: {early} MB after {checkpoint} articles, {late} MB after {args.pages}, peak {figures['peak_rss_mb']} MB")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
