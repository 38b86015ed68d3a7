"""Running one crawl and recording it in the crawl_runs table.

Scrapy's Twisted reactor cannot be restarted inside one process, so each
crawl runs in a fresh child process; the caller (the CLI, a scheduler, a
test) can crawl as often as it likes.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
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
STATE_DIR_ENV = "NEWSFACTS_STATE_DIR"


@dataclass(frozen=True)
class CrawlResult:
    run_id: int
    status: str
    stats: dict[str, Any]


class CrawlFailedError(RuntimeError):
    """The crawl process ended abnormally."""


def job_dir(db_url: str, sources: list[SourceConfig]) -> Path:
    """Where Scrapy keeps a crawl's pending requests (JOBDIR) for --resume.

    One folder per database and set of sources, under $NEWSFACTS_STATE_DIR
    (default ~/.local/state/newsfacts).
    """
    root = Path(os.environ.get(STATE_DIR_ENV) or Path.home() / ".local" / "state" / "newsfacts")
    key = hashlib.sha1("\n".join([db_url, *sorted(s.name for s in sources)]).encode()).hexdigest()[:16]
    return root.expanduser() / "jobs" / key


def crawl_settings(
    db_url: str, sources: list[SourceConfig], overrides: dict[str, Any] | None = None
) -> Settings:
    """Scrapy settings: crawler/settings.py, then per-source values, then overrides."""
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("NEWSFACTS_DB", db_url, priority="cmdline")
    settings.set(
        "NEWSFACTS_PRIVATE_HOSTS_ALLOWED",
        sorted({d for s in sources if s.allow_private for d in s.domains()}),
        priority="cmdline",
    )
    slots = {
        domain: {k: v for k, v in (("delay", s.download_delay), ("concurrency", s.concurrency)) if v is not None}
        for s in sources
        for domain in s.domains()
        if s.download_delay is not None or s.concurrency is not None
    }
    if slots:
        settings.set("DOWNLOAD_SLOTS", slots, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    if "USER_AGENT" not in (overrides or {}):
        settings.set("USER_AGENT", f"newsfacts/0.1 (+{settings.get('NEWSFACTS_CONTACT_URL')})", priority="cmdline")
    return settings


def _plain_stats(stats: dict[str, Any]) -> dict[str, Any]:
    # JSON-friendly: datetimes become ISO strings.
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in stats.items()}


def _status(finish_reason: str) -> str:
    return {"finished": "finished", "shutdown": "interrupted"}.get(finish_reason, finish_reason)


def _crawl_in_this_process(
    sources: list[SourceConfig], db_url: str, run_id: int, settings: Settings
) -> None:
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, sources=sources)
    process.start()
    stats = _plain_stats(crawler.stats.get_stats() if crawler.stats else {})
    engine = make_engine(db_url)
    with Session(engine) as session:
        finish_run(session, run_id, _status(stats.get("finish_reason", "unknown")), stats)
        session.commit()
    engine.dispose()


def run_crawl(
    sources: list[SourceConfig],
    db_url: str,
    overrides: dict[str, Any] | None = None,
    resume: bool = False,
    refresh: bool = False,
) -> CrawlResult:
    """Crawl `sources` into the database at `db_url`; returns the run's record.

    The pending requests are kept on disk while the crawl runs, so a crawl
    that was interrupted continues with `resume=True`; without it, a new
    crawl starts. `refresh=True` fetches already stored articles again.
    RAISES (CrawlFailedError): when the crawl process dies; the run is then
    recorded with status "failed" and can be resumed.
    """
    engine = make_engine(db_url)
    create_db_and_tables(engine)
    with Session(engine) as session:
        run = start_run(session, [s.name for s in sources])
        session.commit()
        run_id = run.id
    assert run_id is not None
    jobs = job_dir(db_url, sources)
    if not resume:
        shutil.rmtree(jobs, ignore_errors=True)
    settings = crawl_settings(db_url, sources, {"JOBDIR": str(jobs), "NEWSFACTS_REFRESH": refresh, **(overrides or {})})
    child = multiprocessing.get_context("spawn").Process(
        target=_crawl_in_this_process, args=(sources, db_url, run_id, settings), name=f"newsfacts-crawl-{run_id}"
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
        raise CrawlFailedError(f"crawl process exited with code {child.exitcode}; continue it with --resume")
    if result.status == "finished":
        shutil.rmtree(jobs, ignore_errors=True)
    return result
