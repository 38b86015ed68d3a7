"""`newsfacts schedule`: cron firing, skipped overlaps, job planning, and one real crawl+process run."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, col, func, select
from typer.testing import CliRunner

from crawler.sources import SourceConfig
from newsfacts.cli import app
from newsfacts.scheduling import ScheduledJob, ScheduleError, parse_cron, plan_jobs, record_skipped_run, run_schedule
from storage.db import create_db_and_tables, make_engine
from storage.models import Article, CrawlRun
from tests.conftest import SAMPLE_ARTICLE_SLUGS

EVERY_SECOND = "* * * * * *"
WAIT = 30  # seconds: an upper bound for the scheduler to act, not a delay


@pytest.fixture
def stop() -> Iterator[threading.Event]:
    stop = threading.Event()
    guard = threading.Timer(WAIT, stop.set)  # a broken scheduler ends the test instead of hanging it
    guard.start()
    yield stop
    guard.cancel()


def source(name: str, schedule: str | None = None) -> SourceConfig:
    return SourceConfig(name=name, feeds=(f"https://{name}.example/feed.xml",), schedule=schedule or None)


def test_fast_cron_fires_twice(stop: threading.Event) -> None:
    fired: list[str] = []
    summary = run_schedule(
        [ScheduledJob(EVERY_SECOND, (source("a"),))],
        run_job=lambda job: fired.append(job.name) or "ok",
        on_skip=lambda job: None,
        stop=stop,
        max_runs=2,
    )
    assert fired == ["a", "a"]
    assert (summary.runs, summary.failed) == (2, 0)
    assert summary.log.count("[a] ok") == 2


def test_overlapping_run_is_skipped_and_recorded(stop: threading.Event, db_url: str) -> None:
    engine = make_engine(db_url)
    create_db_and_tables(engine)
    skipped = threading.Event()

    def long_run(job: ScheduledJob) -> str:
        assert skipped.wait(WAIT), "the next firing was not skipped"
        return "done"

    def on_skip(job: ScheduledJob) -> None:
        record_skipped_run(engine, job)
        skipped.set()

    jobs = [ScheduledJob(EVERY_SECOND, (source("a"),)), ScheduledJob(EVERY_SECOND, (source("b"),))]
    summary = run_schedule(jobs, long_run, on_skip, stop, max_runs=1)
    assert summary.runs == 1 and summary.skipped >= 1
    assert any("skipped: the previous run is still going" in line for line in summary.log)
    with Session(engine) as session:
        runs = session.exec(select(CrawlRun)).all()
    assert runs and {r.status for r in runs} == {"skipped"}
    assert runs[0].stats["reason"] == "the previous run was still going"
    engine.dispose()


def test_plan_jobs_groups_sources_by_their_schedule() -> None:
    sources = [source("a", "0 * * * *"), source("b", "*/5 * * * *"), source("c", "0 * * * *")]
    jobs = plan_jobs(sources)
    assert {(j.cron, j.name) for j in jobs} == {("0 * * * *", "a, c"), ("*/5 * * * *", "b")}
    (single,) = plan_jobs(sources, cron="30 6 * * 1-5")
    assert single.name == "a, b, c"


@pytest.mark.parametrize(
    ("sources", "cron", "fragment"),
    [
        ([source("a")], None, "no schedule for source 'a'"),
        ([source("a")], "61 * * * *", "bad cron expression"),
        ([source("a", "every hour")], None, "expected 5 fields"),
    ],
)
def test_plan_jobs_rejects_bad_schedules(sources: list[SourceConfig], cron: str | None, fragment: str) -> None:
    with pytest.raises(ScheduleError, match=fragment):
        plan_jobs(sources, cron)


def test_six_field_cron_has_seconds_first() -> None:
    assert "second='*/5'" in repr(parse_cron("*/5 * * * * *"))


def test_schedule_command_crawls_then_processes(sources_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "scheduled.sqlite"
    result = CliRunner().invoke(
        app, ["schedule", "--sources", str(sources_file), "--cron", EVERY_SECOND, "--max-runs", "1", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert "schedule ended: 1 runs" in result.output and "0 failed" in result.output
    assert "run started" in result.output and "processed" in result.output
    engine = make_engine(str(db))
    with Session(engine) as session:
        processed = session.exec(select(func.count()).select_from(Article).where(col(Article.processed_at).is_not(None))).one()
        assert processed == len(SAMPLE_ARTICLE_SLUGS)
        assert "finished" in {r.status for r in session.exec(select(CrawlRun))}
    engine.dispose()


def test_schedule_command_needs_a_schedule(sources_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schedule", "--sources", str(sources_file), "--db", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 2 and "no schedule for source 'sample'" in result.output and "Traceback" not in result.output
