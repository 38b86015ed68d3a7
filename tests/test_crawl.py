"""A real crawl of the sample site served on 127.0.0.1 into a real SQLite file."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from crawler.extraction import storable_text, to_utc
from crawler.runner import LOCAL_SITE_OVERRIDES, crawl_settings, run_crawl
from crawler.sources import SourcesError, load_sources
from newsfacts.demo_server import SITE_URL
from storage.db import make_engine
from storage.models import Article, CrawlRun, Source
from tests.conftest import SAMPLE_ARTICLE_SLUGS


def stored_articles(db: Path) -> list[Article]:
    engine = make_engine(str(db))
    with Session(engine) as session:
        articles = list(session.exec(select(Article)))
    engine.dispose()
    return articles


def test_crawl_stores_exactly_the_articles(crawled_db: Path, sample_site: str) -> None:
    urls = {a.canonical_url for a in stored_articles(crawled_db)}
    # Not stored: the front page, section front and tag page (not articles),
    # and /private/articles/… (robots.txt disallows it).
    assert urls == {f"{SITE_URL}/articles/{slug}.html" for slug in SAMPLE_ARTICLE_SLUGS}
    assert {a.url for a in stored_articles(crawled_db)} == {f"{sample_site}/articles/{slug}.html" for slug in SAMPLE_ARTICLE_SLUGS}


def test_crawled_article_metadata(crawled_db: Path, sample_site: str) -> None:
    seed = next(a for a in stored_articles(crawled_db) if "musk-visits-beijing" in a.canonical_url)
    assert seed.title == "China accelerates launch of large-language models as Elon Musk visits Beijing"
    assert seed.authors == ["Daniel Lehewych"]
    assert seed.language == "en"
    assert seed.published is not None and seed.published.date().isoformat() == "2023-05-30"
    assert "U.S. organizations released 37 LLMs in 2022, slightly ahead of China's 28." in seed.text
    assert "Related" not in seed.text and "Advertisement" not in seed.text
    assert seed.processed_at is None


def test_crawl_run_is_recorded_with_stats(crawled_db: Path) -> None:
    engine = make_engine(str(crawled_db))
    with Session(engine) as session:
        runs = list(session.exec(select(CrawlRun)))
        sources = [s.name for s in session.exec(select(Source))]
    engine.dispose()
    assert len(runs) == 1
    run = runs[0]
    assert run.status == "finished" and run.sources == ["sample"] and sources == ["sample"]
    assert run.finished_at is not None and run.finished_at >= run.started_at
    assert run.stats["newsfacts/articles/new"] == len(SAMPLE_ARTICLE_SLUGS)
    assert run.stats["robotstxt/response_count"] == 1


def test_second_crawl_skips_stored_urls(crawled_db: Path, sources_file: Path) -> None:
    result = run_crawl(load_sources(sources_file), f"sqlite:///{crawled_db}", LOCAL_SITE_OVERRIDES)
    assert result.status == "finished"
    assert result.stats.get("newsfacts/articles/new", 0) == 0
    assert result.stats["newsfacts/skipped/known_url"] == len(SAMPLE_ARTICLE_SLUGS)
    assert "newsfacts/articles/duplicate" not in result.stats  # not even fetched
    assert len(stored_articles(crawled_db)) == len(SAMPLE_ARTICLE_SLUGS)


def test_refresh_fetches_stored_urls_again_without_doubling(crawled_db: Path, sources_file: Path) -> None:
    result = run_crawl(load_sources(sources_file), f"sqlite:///{crawled_db}", LOCAL_SITE_OVERRIDES, refresh=True)
    assert result.stats["newsfacts/articles/duplicate"] == len(SAMPLE_ARTICLE_SLUGS)
    assert "newsfacts/skipped/known_url" not in result.stats
    assert len(stored_articles(crawled_db)) == len(SAMPLE_ARTICLE_SLUGS)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[[source]]\nfeeds = ['http://x/feed']\n", "missing a 'name'"),
        ("[[source]]\nname = 'a'\n", "needs at least one of"),
        ("[[source]]\nname = 'a'\nfeeds = 'http://x/feed'\n", "'feeds' must be a list"),
        ("[[source]]\nname = 'a'\nfeeds = ['ftp://x/feed']\n", "not an http(s) URL"),
        ("[[source]]\nname = 'a'\nfeeds = ['http://x/f']\nallow = ['(']\n", "bad 'allow' pattern"),
        ("[[source]]\nname = 'a'\nfeeds = ['http://x/f']\n[[source]]\nname = 'a'\nfeeds = ['http://x/f']\n", "appears twice"),
        ("[[source]\nname = 'a'\n", "not valid TOML"),
        ("title = 'no sources'\n", "no [[source]] entries"),
        ("[[source]]\nname = 'a'\nfeeds = ['http://x/f']\nmax_age_day = 30\n", "unknown key 'max_age_day'"),
        ("[[source]]\nname = 'a'\nfeeds = ['http://x/f']\nschedule = 'hourly'\n", "'schedule' must be a cron expression"),
    ],
)
def test_malformed_sources_are_named(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(SourcesError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        load_sources(path)


def test_unknown_source_name_lists_known_ones(sources_file: Path) -> None:
    with pytest.raises(SourcesError, match="unknown source 'nope'; known: sample"):
        load_sources(sources_file, ["nope"])


def test_bundled_sources_file_is_valid() -> None:
    sources = load_sources()
    assert len(sources) >= 5
    assert all(s.allow and (s.feeds or s.sitemaps or s.start_urls) for s in sources)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-05-30T09:12:00+08:00", "2023-05-30T01:12:00+00:00"), ("2023-05-30", "2023-05-30T00:00:00+00:00"), ("May 30, 2023", "2023-05-30T00:00:00+00:00"), ("not a date", None)],
)
def test_dates_are_stored_in_utc(value: str, expected: str | None) -> None:
    parsed = to_utc(value)
    assert (parsed.isoformat() if parsed else None) == expected


def test_crawl_settings_carry_per_source_politeness_and_contact(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        "[[source]]\nname = 'slow'\nfeeds = ['https://slow.example/feed']\ndownload_delay = 5.0\nconcurrency = 2\n"
        "[[source]]\nname = 'lab'\nfeeds = ['http://10.0.0.8/feed']\nallow_private = true\n",
        encoding="utf-8",
    )
    settings = crawl_settings("sqlite:///x.sqlite", load_sources(path), {"NEWSFACTS_CONTACT_URL": "https://ops.example/bot"})
    assert settings.getdict("DOWNLOAD_SLOTS") == {"slow.example": {"delay": 5.0, "concurrency": 2}}
    assert settings.getlist("NEWSFACTS_PRIVATE_HOSTS_ALLOWED") == ["10.0.0.8"]
    assert settings.get("USER_AGENT") == "newsfacts/0.1 (+https://ops.example/bot)"
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("DOWNLOAD_MAXSIZE") == 5 * 1024 * 1024


@pytest.mark.parametrize(("raw", "expected"), [("a\x00b", "ab"), ("x\ud800y", "x?y"), ("plain café", "plain café")])
def test_stored_text_has_no_nul_or_lone_surrogates(raw: str, expected: str) -> None:
    assert storable_text(raw) == expected
