"""A crawl's Scrapy stats summed up the way an operator reads them."""
from __future__ import annotations

from typing import Any

from storage.models import CrawlRun

SUMMARY_COLUMNS = (
    "requests", "responses", "new", "updated", "duplicate", "syndicated",
    "rejected", "skipped", "refused", "errors", "duration_s",
)


def _by_suffix(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {key[len(prefix):]: int(value) for key, value in sorted(stats.items()) if key.startswith(prefix)}


def summarize_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """Requests, responses by status, articles by outcome, errors by kind, duration."""
    rejected = _by_suffix(stats, "newsfacts/rejected/")
    skipped = _by_suffix(stats, "newsfacts/skipped/")
    return {
        "requests": int(stats.get("downloader/request_count", 0)),
        "responses": _by_suffix(stats, "downloader/response_status_count/"),
        "new": int(stats.get("newsfacts/articles/new", 0)),
        "updated": int(stats.get("newsfacts/articles/updated", 0)),
        "duplicate": int(stats.get("newsfacts/articles/duplicate", 0)),
        "syndicated": int(stats.get("newsfacts/articles/syndicated", 0)),
        "rejected": rejected,
        "skipped": skipped,
        "refused": int(stats.get("newsfacts/refused/private_host", 0)),
        "errors": _by_suffix(stats, "newsfacts/errors/"),
        "duration_s": round(float(stats.get("elapsed_time_seconds", 0.0)), 1),
    }


def format_counts(counts: dict[str, int]) -> str:
    """`{"200": 7, "404": 1}` → "200: 7, 404: 1" (empty when none)."""
    return ", ".join(f"{key}: {value}" for key, value in counts.items())


RUN_COLUMNS = ("run", "started_at", "status", "sources", *SUMMARY_COLUMNS)


def run_summary(run: CrawlRun) -> dict[str, Any]:
    """One crawl run as a row of RUN_COLUMNS."""
    return {"run": run.id, "started_at": run.started_at, "status": run.status, "sources": ", ".join(run.sources), **summarize_stats(run.stats)}
