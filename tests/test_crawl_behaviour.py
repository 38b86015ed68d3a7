"""The crawler against a test site with every awkward case, over real HTTP."""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select

from crawler.runner import LOCAL_SITE_OVERRIDES, CrawlFailedError, CrawlResult, run_crawl
from crawler.sources import load_sources
from storage.db import make_engine
from storage.models import Article
from tests.crawl_site import CrawlSite, serve_crawl_site

TEST_OVERRIDES = {
    **LOCAL_SITE_OVERRIDES,
    "DOWNLOAD_TIMEOUT": 1,
    "DOWNLOAD_MAXSIZE": 200_000,
    "RETRY_TIMES": 1,
    "NEWSFACTS_RETRY_BACKOFF_BASE": 0.05,
}
STORED_PATHS = {
    "/news/rss-one", "/news/atom-one", "/news/gz-one", "/news/moved-here", "/news/flaky", "/news/latin",
    "/news/two-urls-a", "/news/german", "/news/undated", "/news/news-one", "/news/start-one",
}


def sources_toml(port: int, allow_private: bool = True, held: bool = False) -> str:
    """Two sources on the test site: the site itself, and a mirror on `localhost`.

    `held=True` gives one source whose feed includes the page that hangs.
    """
    base = f"http://127.0.0.1:{port}"
    private = str(allow_private).lower()
    if held:
        return f"""[[source]]
name = "testsite"
feeds = ["{base}/held-feed.xml"]
allow = ['/news/']
allow_private = {private}
"""
    return f"""[[source]]
name = "testsite"
feeds = ["{base}/feed.xml", "{base}/atom.xml"]
sitemaps = ["{base}/robots.txt"]
start_urls = ["{base}/section/tech"]
allow = ['/news/']
allowed_domains = ["127.0.0.1"]
allow_private = {private}
max_depth = 1

[[source]]
name = "mirror"
feeds = ["http://localhost:{port}/mirror/feed.xml"]
allow = ['/mirror/']
allow_private = {private}
"""


@pytest.fixture
def crawl_site() -> Iterator[tuple[CrawlSite, int]]:
    with serve_crawl_site() as served:
        yield served


def crawl(tmp_path: Path, toml: str, **kwargs: object) -> tuple[CrawlResult, list[Article]]:
    sources = tmp_path / "sources.toml"
    sources.write_text(toml, encoding="utf-8")
    db_url = f"sqlite:///{tmp_path / 'crawl.sqlite'}"
    result = run_crawl(load_sources(sources), db_url, TEST_OVERRIDES, **kwargs)  # type: ignore[arg-type]
    return result, stored(db_url)


def stored(db_url: str) -> list[Article]:
    engine = make_engine(db_url)
    with Session(engine) as session:
        articles = list(session.exec(select(Article).order_by(Article.id)))
    engine.dispose()
    return articles


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory: pytest.TempPathFactory):
    """One crawl of the whole test site, shared by the tests that read it."""
    tmp_path = tmp_path_factory.mktemp("full")
    with serve_crawl_site() as (site, port), pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSFACTS_STATE_DIR", str(tmp_path / "state"))
        result, articles = crawl(tmp_path, sources_toml(port))
    return site, port, result, articles


def test_stores_exactly_the_articles(full_crawl) -> None:
    site, port, result, articles = full_crawl
    base = f"http://127.0.0.1:{port}"
    assert {a.canonical_url for a in articles if a.canonical_url.startswith(base)} == {base + p for p in STORED_PATHS}
    assert result.status == "finished"


def test_syndicated_copy_on_second_host_links_to_first(full_crawl) -> None:
    site, port, result, articles = full_crawl
    copy = next(a for a in articles if "localhost" in a.canonical_url)
    original = next(a for a in articles if a.canonical_url.endswith("/news/rss-one"))
    assert copy.canonical_url == f"http://localhost:{port}/mirror/rss-one-copy"
    assert {copy.syndicated_from_id, original.syndicated_from_id} - {None} in ({original.id}, {copy.id})
    assert len(articles) == len(STORED_PATHS) + 1
    assert result.stats["newsfacts/articles/syndicated"] == 1


def test_old_feed_and_sitemap_entries_and_robots_disallowed_are_never_fetched(full_crawl) -> None:
    site, port, result, articles = full_crawl
    assert site.hits["/news/old-one"] == site.hits["/news/news-old"] == site.hits["/news/secret"] == 0
    assert result.stats["newsfacts/skipped/too_old"] == 2
    assert result.stats["robotstxt/forbidden"] == 1


def test_retries_5xx_and_timeouts_but_not_4xx(full_crawl) -> None:
    site, port, result, articles = full_crawl
    assert site.hits["/news/flaky"] == 2  # a 500, then success
    assert site.hits["/news/gone"] == 1  # 404: recorded, not retried
    assert site.hits["/news/slow"] == 2  # a timeout, retried once, then given up
    assert result.stats["newsfacts/errors/http_404"] == 1
    assert result.stats["newsfacts/errors/DownloadTimeoutError"] == 1
    assert result.stats["downloader/response_status_count/500"] == 1


def test_drops_pdf_oversized_and_redirect_loop(full_crawl) -> None:
    site, port, result, articles = full_crawl
    assert result.stats["newsfacts/rejected/not_html"] == 1
    assert result.stats["newsfacts/rejected/too_large"] == 1
    assert result.stats["newsfacts/rejected/redirect_loop"] == 1
    assert site.hits["/news/huge"] == site.hits["/news/loop"] == site.hits["/news/loop-back"] == 1
    assert not any(a.canonical_url.endswith(("/huge", "/report.pdf", "/loop", "/loop-back")) for a in articles)


def test_same_article_under_two_urls_stored_once(full_crawl) -> None:
    site, port, result, articles = full_crawl
    assert site.hits["/news/two-urls-a"] == site.hits["/news/two-urls-b"] == 1
    assert [a.url.rsplit("/", 1)[1] for a in articles if a.canonical_url.endswith("/two-urls-a")] in (["two-urls-a"], ["two-urls-b"])
    assert result.stats["newsfacts/articles/duplicate"] == 1


def test_redirect_stores_the_target_url(full_crawl) -> None:
    site, port, result, articles = full_crawl
    moved = next(a for a in articles if a.canonical_url.endswith("/moved-here"))
    assert moved.url == f"http://127.0.0.1:{port}/news/moved-here"


def test_metadata_of_odd_pages(full_crawl) -> None:
    site, port, result, articles = full_crawl
    by_path = {a.canonical_url.rsplit("/", 1)[1]: a for a in articles}
    assert by_path["german"].language == "de"
    assert by_path["undated"].published is None
    assert "Café owners’ use of AI" in by_path["latin"].text and "Ã" not in by_path["latin"].text
    assert by_path["rss-one"].published is not None and by_path["rss-one"].authors == ["Test Writer"]
    assert "Comments" not in by_path["rss-one"].text and "Related" not in by_path["rss-one"].text


def test_tag_page_is_not_an_article(full_crawl) -> None:
    site, port, result, articles = full_crawl
    assert site.hits["/news/tag/ai"] == 1
    assert result.stats["newsfacts/rejected/not_article"] == 1


def test_private_hosts_refused_by_default(crawl_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFACTS_STATE_DIR", str(tmp_path / "state"))
    site, port = crawl_site
    result, articles = crawl(tmp_path, sources_toml(port, allow_private=False))
    assert articles == []
    assert sum(site.hits.values()) == 0
    assert result.stats["newsfacts/refused/private_host"] >= 1


def test_killed_crawl_resumes_without_loss_or_doubles(crawl_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFACTS_STATE_DIR", str(tmp_path / "state"))
    site, port = crawl_site
    outcome: dict[str, object] = {}

    def first_crawl() -> None:
        try:
            crawl(tmp_path, sources_toml(port, held=True))
        except CrawlFailedError as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=first_crawl)
    thread.start()
    assert site.held.wait(60), "the crawl never reached the held page"
    (child,) = multiprocessing.active_children()
    os.kill(child.pid, signal.SIGKILL)  # mid-run, the held page still downloading
    thread.join(60)
    assert isinstance(outcome.get("error"), CrawlFailedError)
    site.release.set()
    before = {a.canonical_url for a in stored(f"sqlite:///{tmp_path / 'crawl.sqlite'}")}
    result, articles = crawl(tmp_path, sources_toml(port, held=True), resume=True)
    urls = [a.canonical_url for a in articles]
    expected = {f"http://127.0.0.1:{port}/news/{s}" for s in ("rss-one", "held", "gz-one", "atom-one")}
    assert before < expected  # the kill came before everything was stored
    assert sorted(urls) == sorted(expected)  # everything stored, nothing twice
    assert result.status == "finished"
    assert result.stats.get("newsfacts/skipped/known_url", 0) == len(before)
