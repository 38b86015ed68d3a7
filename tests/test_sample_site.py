"""Tests for the bundled offline sample site and its demo server."""

from __future__ import annotations

import json
import re
import tomllib
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import trafilatura

from newsfacts.demo_server import SAMPLE_SITE_DIR, SITE_URL, sample_sources_toml, serve_sample_site

SEED_PATH = "/articles/china-accelerates-launch-of-large-language-models-musk-visits-beijing.html"
SEED_SENTENCE = "U.S. organizations released 37 LLMs in 2022, slightly ahead of China's 28."
SM_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def fetch(url: str) -> tuple[int, str, str]:
    """GET url; return (status, content type, decoded body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve_sample_site() as url:
        yield url


def article_files() -> list[Path]:
    return sorted((SAMPLE_SITE_DIR / "articles").glob("*.html"))


def expected_article_urls(base: str) -> set[str]:
    return {f"{base}/articles/{p.name}" for p in article_files()}


def test_base_url_shape(base_url: str) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base_url)
    assert not base_url.endswith(":0")


def test_robots_txt(base_url: str) -> None:
    status, ctype, body = fetch(base_url + "/robots.txt")
    assert status == 200
    assert ctype.startswith("text/plain")
    lines = [line.strip() for line in body.splitlines()]
    assert f"Sitemap: {base_url}/sitemap.xml" in lines
    assert "Disallow: /private/" in lines
    assert "Disallow: /search" in lines
    assert "{{BASE_URL}}" not in body


def test_feed_lists_exactly_the_articles(base_url: str) -> None:
    status, ctype, body = fetch(base_url + "/feed.xml")
    assert status == 200
    assert "xml" in ctype
    root = ET.fromstring(body)
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    links = [item.findtext("link") for item in items]
    assert len(links) == len(set(links))
    assert set(links) == expected_article_urls(base_url)
    for item in items:
        assert item.findtext("title")
        assert item.findtext("guid") == item.findtext("link")
        assert item.findtext("pubDate")
        assert item.findtext("description")


def test_sitemap_lists_exactly_the_articles(base_url: str) -> None:
    status, ctype, body = fetch(base_url + "/sitemap.xml")
    assert status == 200
    assert "xml" in ctype
    root = ET.fromstring(body)
    assert root.tag == f"{SM_NS}urlset"
    locs = [u.findtext(f"{SM_NS}loc") for u in root.findall(f"{SM_NS}url")]
    assert set(locs) == expected_article_urls(base_url)
    assert len(locs) == len(set(locs))
    for u in root.findall(f"{SM_NS}url"):
        assert re.match(r"\d{4}-\d{2}-\d{2}", u.findtext(f"{SM_NS}lastmod") or "")


def test_article_urls_serve_html_with_metadata(base_url: str) -> None:
    assert len(article_files()) >= 6
    for url in sorted(expected_article_urls(base_url)):
        status, ctype, body = fetch(url)
        assert status == 200, url
        assert ctype.startswith("text/html"), url
        assert "{{BASE_URL}}" not in body and "{{SITE_URL}}" not in body
        assert '<html lang="en">' in body
        public = url.replace(base_url, SITE_URL)  # pages declare the public address as canonical
        assert f'<link rel="canonical" href="{public}">' in body
        assert f'<meta property="og:url" content="{public}">' in body
        assert '<meta property="og:type" content="article">' in body
        ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
        assert ld, url
        data = json.loads(ld.group(1))
        assert data["@type"] == "NewsArticle"
        assert data["url"] == public
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", data["datePublished"])
        assert data["author"] and data["headline"]


def test_listing_pages_and_private_page(base_url: str) -> None:
    for path in ("/", "/technology/", "/tag/ai/", "/about.html"):
        status, ctype, body = fetch(base_url + path)
        assert status == 200, path
        assert ctype == "text/html; charset=utf-8"
        assert 'content="article"' not in body
    _, _, front = fetch(base_url + "/")
    assert 'href="/private/' in front  # linked, but disallowed by robots.txt
    private = re.search(r'href="(/private/[^"]+)"', front)
    assert private
    status, _, _ = fetch(base_url + private.group(1))
    assert status == 200  # the server serves it; obeying robots is the crawler's job
    # not in the feed or sitemap
    assert private.group(1) not in fetch(base_url + "/feed.xml")[2]
    assert private.group(1) not in fetch(base_url + "/sitemap.xml")[2]


def test_directory_without_slash_redirects(base_url: str) -> None:
    status, ctype, body = fetch(base_url + "/technology")
    assert status == 200  # urllib follows the 301
    assert "<h1" in body


def test_missing_paths_are_404(base_url: str) -> None:
    for path in ("/no-such-page.html", "/articles/missing.html", "/search?q=ai", "/../etc/passwd"):
        status, _, _ = fetch(base_url + path)
        assert status == 404, path


def test_trafilatura_extracts_clean_seed_text(base_url: str) -> None:
    _, _, html = fetch(base_url + SEED_PATH)
    text = trafilatura.extract(html, url=base_url + SEED_PATH, include_comments=False)
    assert text
    assert SEED_SENTENCE in text
    assert "Rapid Rise of Large-Language Models in China" in text
    assert "Daniel Lehewych" not in text  # byline is not body text
    for noise in (
        "Advertisement", "NimbusStack", "Ledger Pro",  # ads
        "Related articles", "Chinese regulators approved 14",  # related links
        "vanity metric", "methodology behind", "quantum_ferret", "join the conversation",  # comments
        "Ledger Daily", "cookies", "Most read", "All rights reserved",  # newsletter, banner, chrome
    ):
        assert noise not in text, noise
    meta = trafilatura.bare_extraction(html, url=base_url + SEED_PATH, with_metadata=True)
    assert meta.author == "Daniel Lehewych"
    assert meta.date == "2023-05-30"


def test_every_article_extracts_without_page_chrome() -> None:
    for path in article_files():
        text = trafilatura.extract(path.read_text(encoding="utf-8"), include_comments=False)
        assert text and len(text.split()) > 200, path.name
        for noise in ("Advertisement", "Related articles", "join the conversation", "Ledger Daily", "Most read"):
            assert noise not in text, (path.name, noise)


def test_sample_sources_toml_parses() -> None:
    base = "http://127.0.0.1:8765"
    cfg = tomllib.loads(sample_sources_toml(base))
    (src,) = cfg["source"]
    assert src["name"] == "sample"
    assert src["feeds"] == [f"{base}/feed.xml"]
    assert src["sitemaps"] == [f"{base}/sitemap.xml"]
    assert src["start_urls"] == [f"{base}/"]
    assert src["allow"] == ["/articles/"]
    assert src["allowed_domains"] == ["127.0.0.1"]
    assert src["allow_private"] is True
    assert src["max_depth"] == 2
    assert tomllib.loads(sample_sources_toml(base + "/")) == cfg


def test_server_shuts_down_cleanly() -> None:
    with serve_sample_site() as url:
        assert fetch(url + "/robots.txt")[0] == 200
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url + "/robots.txt", timeout=2)


def test_custom_root(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>{{BASE_URL}}/x</p>", encoding="utf-8")
    with serve_sample_site(tmp_path) as url:
        status, _, body = fetch(url + "/")
    assert status == 200 and body == f"<p>{url}/x</p>"
