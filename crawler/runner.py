"""Running one crawl and recording it in the crawl_runs table.

Scrapy's Twisted reactor cannot be restarted inside one process, so each
crawl runs in a fresh child process; the caller (the CLI, a scheduler, a
test) can crawl as often as it likes.
"""
from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from sqlmodel import Session

from crawler import settings as default_settings
from crawler.sources import SourceConfig
from crawler.spiders.news import NewsSpider
from storage.db import create_db_and_tables, make_engine
from storage.models import CrawlRun
from storage.runs import finish_run, start_run


# For a site on this machine (the demo, tests, benchmarks): no politeness delay.
LOCAL_SITE_OVERRIDES: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "LOG_LEVEL": "WARNING",
}


@dataclass(frozen=True)
class CrawlResult:
    run_id: int
    status: str
    stats: dict[str, Any]


class CrawlFailedError(RuntimeError):
    """The crawl process ended abnormally."""


def crawl_settings(db_url: str, overrides: dict[str, Any] | None = None) -> Settings:
    """Scrapy settings: crawler/settings.py, then the database, then overrides."""
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("NEWSFACTS_DB", db_url, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def _plain_stats(stats: dict[str, Any]) -> dict[str, Any]:
    # JSON-friendly: datetimes become ISO strings.
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in stats.items()}


def _crawl_in_this_process(
    sources: list[SourceConfig], db_url: str, run_id: int, overrides: dict[str, Any]
) -> None:
    process = CrawlerProcess(crawl_settings(db_url, overrides))
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, sources=sources)
    process.start()
    stats = _plain_stats(crawler.stats.get_stats() if crawler.stats else {})
    reason = stats.get("finish_reason", "unknown")
    engine = make_engine(db_url)
    with Session(engine) as session:
        finish_run(session, run_id, "finished" if reason == "finished" else reason, stats)
        session.commit()
    engine.dispose()


def run_crawl(
    sources: list[SourceConfig], db_url: str, overrides: dict[str, Any] | None = None
) -> CrawlResult:
    """Crawl `sources` into the database at `db_url`; returns the run's record.

    RAISES (CrawlFailedError): when the crawl process dies; the run is then
    recorded with status "failed".
    """
    engine = make_engine(db_url)
    create_db_and_tables(engine)
    with Session(engine) as session:
        run = start_run(session, [s.name for s in sources])
        session.commit()
        run_id = run.id
    assert run_id is not None
    child = multiprocessing.get_context("spawn").Process(
        target=_crawl_in_this_process,
        args=(sources, db_url, run_id, dict(overrides or {})),
        name=f"newsfacts-crawl-{run_id}",
    )
    child.start()
    child.join()
    with Session(engine) as session:
        if child.exitcode != 0:
            finish_run(session, run_id, "failed", {"exit_code": child.exitcode})
            session.commit()
        run = session.get(CrawlRun, run_id)
        assert run is not None
        result = CrawlResult(run_id=run_id, status=run.status, stats=dict(run.stats))
    engine.dispose()
    if child.exitcode != 0:
        raise CrawlFailedError(f"crawl process exited with code {child.exitcode}")
    return result
