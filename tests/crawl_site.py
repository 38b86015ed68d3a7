"""A test news site with every awkward case a crawler meets, over real HTTP.

Served on 127.0.0.1; the same server answers as `localhost` too, which the
crawler sees as a second host (for syndicated copies).
"""
from __future__ import annotations

import gzip
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

NOW = datetime.now(timezone.utc)
RECENT = (NOW - timedelta(days=1)).replace(microsecond=0)
OLD = NOW - timedelta(days=60)

PARAGRAPHS = [
    "Regulators in {place} approved a new batch of artificial intelligence systems this week, officials said on Tuesday.",
    "The approvals follow months of review of how the systems handle personal data, safety testing and the labelling of generated content.",
    "Analysts said the decision would let several companies offer their chatbots to the public before the end of the quarter.",
    "Industry groups welcomed the move but said the filing process remained slow and expensive for smaller developers.",
    "{topic} has become a central question for investors, who are watching how quickly new products reach paying customers.",
]


def story(topic: str, place: str = "the region") -> str:
    """Several paragraphs of plain news prose about `topic`."""
    return "\n".join(f"<p>{p.format(topic=topic, place=place)}</p>" for p in PARAGRAPHS)


def article_page(
    base: str, path: str, title: str, body: str, *, canonical: str | None = None,
    published: datetime | None = RECENT, lang: str = "en", charset: str = "utf-8",
) -> str:
    """A realistic article page: nav, article with metadata, related links, comments."""
    meta = f'<meta property="article:published_time" content="{published.isoformat()}">' if published else ""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "author": [{"@type": "Person", "name": "Test Writer"}]}
    if published:
        ld["datePublished"] = published.isoformat()
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="{charset}"><title>{title}</title>
<link rel="canonical" href="{canonical or base + path}"><meta property="og:type" content="article">{meta}
<script type="application/ld+json">{json.dumps(ld)}</script></head><body>
<nav><a href="/">Home</a> <a href="/news/tag/ai">AI</a> <a href="/login">Log in</a></nav>
<article><h1>{title}</h1>{body}</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/news/rss-one">Other story</a></li></ul></aside>
<div class="comments"><h3>Comments</h3><p>Great read, thanks!</p></div>
<footer>Copyright Test News</footer></body></html>"""


def listing_page(title: str, links: list[str]) -> str:
    items = "".join(f'<li><a href="{link}">Story {i}: {link}</a></li>' for i, link in enumerate(links))
    return f"""<!doctype html><html lang="en"><head><title>{title}</title><meta property="og:type" content="website"></head>
<body><nav><a href="/">Home</a></nav><h1>{title}</h1><ul>{items}</ul></body></html>"""


class CrawlSite:
    """Routes of the test site; per-path hit counts; events to hold a request."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.release = threading.Event()  # lets held requests finish
        self.held = threading.Event()  # set when /news/held arrives
        self.base = ""

    def page(self, host: str, path: str) -> tuple[int, dict[str, str], bytes]:
        base = f"http://{host}"
        html = {"Content-Type": "text/html; charset=utf-8"}
        xml = {"Content-Type": "application/xml"}
        if path == "/robots.txt":
            body = f"User-agent: *\nDisallow: /news/secret\nSitemap: {base}/sitemap_index.xml\n"
            return 200, {"Content-Type": "text/plain"}, body.encode()
        if path == "/feed.xml":
            items = "".join(
                f"<item><title>{slug}</title><link>{base}/news/{slug}</link><pubDate>{date:%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>"
                for slug, date in (("rss-one", RECENT), ("old-one", OLD))
            )
            return 200, {"Content-Type": "application/rss+xml"}, f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()
        if path in ("/mirror/feed.xml", "/held-feed.xml"):
            slugs = ["mirror/rss-one-copy"] if path.startswith("/mirror") else ["news/rss-one", "news/held", "news/gz-one", "news/atom-one"]
            items = "".join(f"<item><title>{s}</title><link>{base}/{s}</link></item>" for s in slugs)
            return 200, {"Content-Type": "application/rss+xml"}, f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()
        if path == "/atom.xml":
            body = f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>A</title><link rel="alternate" href="{base}/news/atom-one"/><updated>{RECENT.isoformat()}</updated></entry></feed>"""
            return 200, {"Content-Type": "application/atom+xml"}, body.encode()
        if path == "/sitemap_index.xml":
            body = f"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-a.xml.gz</loc></sitemap><sitemap><loc>{base}/news-sitemap.xml</loc></sitemap></sitemapindex>"""
            return 200, xml, body.encode()
        if path == "/sitemap-a.xml.gz":
            slugs = ["gz-one", "moved", "flaky", "slow", "report.pdf", "huge", "latin", "two-urls-a", "two-urls-b",
                     "german", "undated", "secret", "loop", "gone", "tag/ai"]
            urls = "".join(f"<url><loc>{base}/news/{s}</loc><lastmod>{RECENT.date()}</lastmod></url>" for s in slugs)
            body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            return 200, {"Content-Type": "application/x-gzip"}, gzip.compress(body.encode())
        if path == "/news-sitemap.xml":
            body = f"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/news/news-one</loc><news:news><news:publication_date>{RECENT.isoformat()}</news:publication_date><news:title>N</news:title></news:news></url>
<url><loc>{base}/news/news-old</loc><news:news><news:publication_date>{OLD.isoformat()}</news:publication_date><news:title>O</news:title></news:news></url>
</urlset>"""
            return 200, xml, body.encode()
        if path in ("/", "/about"):
            return 200, html, listing_page("Test News", ["/section/tech"]).encode()
        if path == "/section/tech":
            return 200, html, listing_page("Tech", ["/news/start-one", "/news/tag/ai", "/about"]).encode()
        if path == "/news/tag/ai":
            return 200, html, listing_page("Tagged: AI", ["/news/rss-one", "/news/gz-one"] * 10).encode()
        if path == "/news/moved":
            return 301, {"Location": f"{base}/news/moved-here"}, b""
        if path == "/news/loop":
            return 302, {"Location": f"{base}/news/loop-back"}, b""
        if path == "/news/loop-back":
            return 302, {"Location": f"{base}/news/loop"}, b""
        if path == "/news/flaky" and self.hits[path] == 1:
            return 500, html, b"<html><body>Server error</body></html>"
        if path == "/news/slow":
            self.release.wait(10)  # longer than the crawl's DOWNLOAD_TIMEOUT
        if path == "/news/held":
            self.held.set()
            self.release.wait(30)
        if path == "/news/report.pdf":
            return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n" + b"0" * 2000
        if path == "/news/huge":
            return 200, html, article_page(base, path, "Huge", story("Size") + "<p>" + "x " * 300_000 + "</p>").encode()
        if path == "/news/latin":
            # Declared latin-1, sent as UTF-8: the crawler must not garble it.
            page = article_page(base, path, "Café owners adopt AI", story("Café owners’ use of AI"), charset="iso-8859-1")
            return 200, {"Content-Type": "text/html; charset=iso-8859-1"}, page.encode("utf-8")
        if path == "/news/two-urls-b":
            return 200, html, article_page(base, path, "Two URLs", story("Duplicate URLs"), canonical=f"{base}/news/two-urls-a").encode()
        if path == "/news/german":
            body = "".join(f"<p>{s}</p>" for s in [
                "Die Regulierungsbehörde hat am Dienstag eine neue Reihe von Systemen der künstlichen Intelligenz genehmigt.",
                "Die Genehmigungen folgen auf monatelange Prüfungen des Umgangs mit personenbezogenen Daten und Sicherheitstests.",
                "Analysten erwarten, dass mehrere Unternehmen ihre Chatbots noch vor Ende des Quartals anbieten werden.",
                "Branchenverbände begrüßten den Schritt, kritisierten aber das langsame und teure Anmeldeverfahren.",
            ])
            return 200, html, article_page(base, path, "Neue KI-Systeme genehmigt", body, lang="de").encode()
        if path == "/news/undated":
            return 200, html, article_page(base, path, "Undated", story("Undated"), published=None).encode()
        if path == "/news/gone":
            return 404, html, b"<html><body>Not found</body></html>"
        if path.startswith("/news/") or path.startswith("/mirror/"):
            slug = path.rsplit("/", 1)[-1]
            topic = "Syndicated wire" if slug in ("rss-one", "rss-one-copy") else slug.replace("-", " ").title()
            return 200, html, article_page(base, path, f"Story {topic}", story(topic)).encode()
        return 404, html, b"<html><body>Not found</body></html>"


class _Handler(BaseHTTPRequestHandler):
    site: CrawlSite

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = urlsplit(self.path).path
        with self.site.lock:
            self.site.hits[path] += 1
        status, headers, body = self.site.page(self.headers.get("Host", "127.0.0.1"), path)
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler gave up (timeout, size limit)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_crawl_site(factory: Callable[[], CrawlSite] = CrawlSite) -> Iterator[tuple[CrawlSite, int]]:
    """Serve a fresh CrawlSite on 127.0.0.1; yields (site, port)."""
    site = factory()
    handler = type("Handler", (_Handler,), {"site": site})
    server_class = type("Server", (ThreadingHTTPServer,), {"daemon_threads": True, "request_queue_size": 128})
    server = server_class(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, server.server_address[1]
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
