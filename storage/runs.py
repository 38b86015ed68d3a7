"""The crawl_runs table: one row per crawl with its stats."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from storage.models import CrawlRun, utcnow


def start_run(session: Session, sources: Sequence[str]) -> CrawlRun:
    """Record a crawl as running; the caller commits."""
    run = CrawlRun(sources=list(sources))
    session.add(run)
    session.flush()
    return run


def finish_run(session: Session, run_id: int, status: str, stats: dict[str, Any]) -> CrawlRun:
    """Stamp a crawl's end, status and stats; the caller commits."""
    run = session.get(CrawlRun, run_id)
    if run is None:
        raise LookupError(f"no crawl run {run_id}")
    run.finished_at = utcnow()
    run.status = status
    run.stats = stats
    session.add(run)
    return run


def last_runs(session: Session, limit: int = 10) -> Sequence[CrawlRun]:
    """The most recent crawl runs, newest first."""
    return session.exec(select(CrawlRun).order_by(col(CrawlRun.id).desc()).limit(limit)).all()
