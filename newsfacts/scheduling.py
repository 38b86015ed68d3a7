"""Scheduled crawl-then-process runs, in the foreground, with APScheduler.

Each job is a cron expression and the sources it crawls: one job for every
selected source with `--cron`, or one per distinct `schedule = "…"` in the
sources file. Runs never overlap: a firing while any run is going is
skipped, logged, and recorded as a `skipped` row in `crawl_runs`.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, JobSubmissionEvent
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from spacy.language import Language
from sqlalchemy.engine import Engine
from sqlmodel import Session

from crawler.runner import run_crawl
from crawler.sources import SourceConfig
from newsfacts.processing import ProcessOptions, process_pending
from storage.runs import finish_run, start_run

log = logging.getLogger("newsfacts.schedule")



class ScheduleError(ValueError):
    """A cron expression is malformed, or a source has no schedule."""


def parse_cron(expression: str) -> CronTrigger:
    """A trigger from a cron expression: the usual five fields, or six with seconds first.

    "*/15 * * * *" fires every quarter hour; "*/5 * * * * *" every five seconds.
    RAISES (ScheduleError): when the expression is malformed.
    """
    fields = expression.split()
    try:
        if len(fields) == 5:
            return CronTrigger.from_crontab(expression)
        if len(fields) == 6:
            second, minute, hour, day, month, day_of_week = fields
            return CronTrigger(second=second, minute=minute, hour=hour, day=day, month=month, day_of_week=day_of_week)
    except ValueError as exc:
        raise ScheduleError(f"bad cron expression {expression!r}: {exc}") from exc
    raise ScheduleError(f"bad cron expression {expression!r}: expected 5 fields (or 6, seconds first)")


@dataclass(frozen=True)
class ScheduledJob:
    cron: str
    sources: tuple[SourceConfig, ...]

    @property
    def name(self) -> str:
        return ", ".join(s.name for s in self.sources)


def plan_jobs(sources: list[SourceConfig], cron: str | None = None) -> list[ScheduledJob]:
    """One job for all `sources` on `cron`, or one per `schedule` value in the sources file.

    RAISES (ScheduleError): for a bad expression, or a source without a schedule and no `cron`.
    """
    if cron is not None:
        jobs = [ScheduledJob(cron, tuple(sources))]
    else:
        missing = [s.name for s in sources if s.schedule is None]
        if missing:
            raise ScheduleError(
                f"no schedule for source {', '.join(map(repr, missing))}: "
                f'give --cron, or add schedule = "0 * * * *" to the source in the sources file'
            )
        groups: dict[str, list[SourceConfig]] = {}
        for source in sources:
            assert source.schedule is not None
            groups.setdefault(source.schedule, []).append(source)
        jobs = [ScheduledJob(expression, tuple(group)) for expression, group in groups.items()]
    for job in jobs:
        parse_cron(job.cron)
    return jobs


@dataclass
class ScheduleSummary:
    runs: int = 0
    skipped: int = 0
    failed: int = 0
    log: list[str] = field(default_factory=list)


def run_schedule(
    jobs: list[ScheduledJob],
    run_job: Callable[[ScheduledJob], str],
    on_skip: Callable[[ScheduledJob], None],
    stop: threading.Event,
    max_runs: int | None = None,
) -> ScheduleSummary:
    """Fire `run_job` on each job's cron until `stop` is set (or `max_runs` runs ended).

    `run_job` returns a one-line account of the run, which is logged. A
    firing while a run is going calls `on_skip` instead. On stop, the run
    in hand is waited for (it should watch `stop` too).
    """
    summary = ScheduleSummary()
    running = threading.Lock()  # one run at a time, across all jobs
    by_id = {f"job-{i}": job for i, job in enumerate(jobs)}

    def note(line: str, level: int = logging.INFO) -> None:
        summary.log.append(line)
        log.log(level, line)

    def skip(job: ScheduledJob) -> None:
        summary.skipped += 1
        note(f"[{job.name}] skipped: the previous run is still going", logging.WARNING)
        try:
            on_skip(job)
        except Exception:  # noqa: BLE001 - a failed record must not stop the schedule
            log.exception("[%s] could not record the skipped run", job.name)

    def fire(job: ScheduledJob) -> None:
        if stop.is_set():
            return
        if not running.acquire(blocking=False):
            skip(job)
            return
        try:
            note(f"[{job.name}] run started")
            note(f"[{job.name}] {run_job(job)}")
        except Exception as exc:  # noqa: BLE001 - the next firing tries again
            summary.failed += 1
            log.debug("run failed", exc_info=True)
            note(f"[{job.name}] run failed: {exc.__class__.__name__}: {exc}", logging.ERROR)
        finally:
            summary.runs += 1
            running.release()
            if max_runs is not None and summary.runs >= max_runs:
                stop.set()

    def on_max_instances(event: JobSubmissionEvent) -> None:
        skip(by_id[event.job_id])

    scheduler = BackgroundScheduler()
    scheduler.add_listener(on_max_instances, EVENT_JOB_MAX_INSTANCES)
    for job_id, job in by_id.items():
        scheduler.add_job(
            fire, parse_cron(job.cron), args=[job], id=job_id, name=job.name,
            max_instances=1, coalesce=True, misfire_grace_time=None,
        )
        log.info("[%s] scheduled on %r", job.name, job.cron)
    scheduler.start()
    try:
        stop.wait()
    finally:
        scheduler.shutdown(wait=True)
    return summary


@dataclass
class CrawlAndProcess:
    """The scheduled run: crawl the job's sources, then process what is pending."""

    db_url: str
    engine: Engine
    nlp: Language
    options: ProcessOptions
    stop: threading.Event

    def __call__(self, job: ScheduledJob) -> str:
        crawl = run_crawl(list(job.sources), self.db_url)  # CrawlFailedError: a failed run, logged
        line = f"crawl run {crawl.run_id} {crawl.status}: {crawl.stats.get('newsfacts/articles/new', 0)} new articles"
        if self.stop.is_set():
            return f"{line}; stopping before processing"
        result = process_pending(self.engine, self.nlp, self.options, stop=self.stop)
        return f"{line}; processed {result.processed} ({result.claims} claims), {result.failed} failed"

    def record_skip(self, job: ScheduledJob) -> None:
        record_skipped_run(self.engine, job)


def record_skipped_run(engine: Engine, job: ScheduledJob) -> None:
    """A `skipped` crawl_runs row, so `newsfacts runs` and `status` show the missed firing."""
    with Session(engine) as session:
        run = start_run(session, [s.name for s in job.sources])
        assert run.id is not None
        stats = {"reason": "the previous run was still going", "skipped_at": datetime.now(timezone.utc).isoformat()}
        finish_run(session, run.id, "skipped", stats)
        session.commit()
