"""Commands for operators: schedule, status, db upgrade."""
from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from crawler.sources import SourcesError, load_sources
from newsfacts.cli.common import DbOption, app, fail, load_nlp, open_engine
from newsfacts.output import OutputFormat, print_rows
from newsfacts.settings import Settings
from storage.db import DatabaseURLError, display_url, head_revision, make_engine, schema_revision, upgrade_db

db_app = typer.Typer(help="Manage the database schema.\n\nExample: newsfacts db upgrade --db postgresql+psycopg://newsfacts@localhost/newsfacts", no_args_is_help=True)
app.add_typer(db_app, name="db")

RUN_COLUMNS = ("run", "started_at", "status", "sources", "requests", "new", "updated", "duplicate", "duration_s")


def _engine(db: str | None) -> Engine:
    try:
        return make_engine(Settings.from_options(db).db_url)
    except DatabaseURLError as exc:
        fail(f"bad --db: {exc}")


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Bring the database to the current schema, keeping every row.

    Works on a database made by any earlier newsfacts (with or without
    migrations) and on an empty one. Back up the database first.

    Example: newsfacts db upgrade --db postgresql+psycopg://newsfacts@localhost/newsfacts
    """
    engine = _engine(db)
    try:
        before, after = upgrade_db(engine)
    except SQLAlchemyError as exc:
        fail(f"cannot upgrade {display_url(str(engine.url))}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}", code=1)
    if before == after:
        typer.echo(f"database schema already current (revision {after})")
    else:
        typer.echo(f"database schema upgraded from revision {before or 'none'} to {after}")


def _status(engine: Engine, days: int, runs: int, configured: list[str]) -> dict[str, Any]:
    from crawler.stats import run_summary
    from nlp import EXTRACTOR_VERSION
    from storage.articles import article_counts, quiet_sources
    from storage.runs import last_runs

    since = datetime.now(timezone.utc) - timedelta(days=days)
    with Session(engine) as session:
        counts = article_counts(session, EXTRACTOR_VERSION)
        run_rows = [
            run_summary(r)
            for r in last_runs(session, runs)
        ]
        quiet = quiet_sources(session, since, configured)
    return {
        "articles": {**vars(counts), "extractor_version": EXTRACTOR_VERSION},
        "runs": [{c: row[c] for c in RUN_COLUMNS} for row in run_rows],
        "quiet_sources": quiet,
        "quiet_since": since,
    }


@app.command()
def status(
    days: Annotated[int, typer.Option(min=1, help="A source is quiet when it produced no article in this many days.")] = 7,
    runs: Annotated[int, typer.Option(min=1, help="How many crawl runs to show.")] = 5,
    sources: Annotated[Path | None, typer.Option("--sources", help="Sources TOML file whose sources to check (default: the bundled sources).")] = None,
    format: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Show the database, article counts, the last crawl runs and quiet sources.

    Articles are processed, pending, or failed (and outdated when an older
    extractor made their facts). Exits 1 when the schema needs `db upgrade`.

    Example: newsfacts status --days 3 --db postgresql+psycopg://newsfacts@localhost/newsfacts
    """
    settings = Settings.from_options(db, sources)
    try:
        configured = [s.name for s in load_sources(settings.sources_file)]
    except SourcesError as exc:
        fail(str(exc))
    engine = _engine(db)
    try:
        revision, head = schema_revision(engine), head_revision()
    except SQLAlchemyError as exc:
        fail(f"cannot open database {display_url(settings.db_url)}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
    report: dict[str, Any] = {"database": display_url(settings.db_url), "schema_revision": revision, "schema_current": False}
    if revision is not None and revision != head:
        report["problem"] = f"schema revision {revision} is not {head}, the current one: run `newsfacts db upgrade`"
    else:  # current, or empty: the schema is created as by every other command
        report.update(schema_revision=head, schema_current=True, **_status(open_engine(settings), days, runs, configured))
    if format is OutputFormat.json:
        typer.echo(json.dumps(report, default=lambda v: v.isoformat(), indent=1))
    else:
        _print_status(report)
    if "problem" in report:
        raise typer.Exit(1)


def _print_status(report: dict[str, Any]) -> None:
    console = Console(width=200)
    state = "current" if report["schema_current"] else "OUTDATED"
    typer.echo(f"database: {report['database']} (schema revision {report['schema_revision']}, {state})")
    if "problem" in report:
        typer.echo(f"problem: {report['problem']}")
        return
    a = report["articles"]
    typer.echo(
        f"articles: {a['total']} total: {a['processed']} processed, {a['pending']} pending, {a['failed']} failed; "
        f"{a['outdated']} from an extractor other than {a['extractor_version']}"
    )
    print_rows(report["runs"], RUN_COLUMNS, OutputFormat.table, title="crawl runs", console=console)
    title = f"sources with no article since {report['quiet_since']:%Y-%m-%d}"
    if report["quiet_sources"]:
        print_rows(report["quiet_sources"], ("source", "last_article", "articles"), OutputFormat.table, title=title, console=console)
    else:
        typer.echo(f"every source produced articles since {report['quiet_since']:%Y-%m-%d}")


@contextmanager
def _log_to_stderr() -> Iterator[None]:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    ours, apscheduler = logging.getLogger("newsfacts"), logging.getLogger("apscheduler")
    levels = (ours.level, apscheduler.level)
    ours.addHandler(handler)
    ours.setLevel(logging.INFO)
    apscheduler.setLevel(logging.ERROR)  # we log skipped runs ourselves
    try:
        yield
    finally:
        ours.removeHandler(handler)
        ours.setLevel(levels[0])
        apscheduler.setLevel(levels[1])


@app.command()
def schedule(
    cron: Annotated[str | None, typer.Option("--cron", help='Cron expression for all selected sources, e.g. "*/30 * * * *" (6 fields: seconds first).')] = None,
    sources: Annotated[Path | None, typer.Option("--sources", help="Sources TOML file (default: the bundled sources).")] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Schedule only this source (repeatable).")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per process batch.")] = 32,
    max_runs: Annotated[int | None, typer.Option("--max-runs", min=1, help="Exit after this many runs (default: run until stopped).")] = None,
    db: DbOption = None,
) -> None:
    """Crawl, then process, on a cron schedule, in the foreground, logging each run.

    Without --cron, each source runs on the `schedule = "…"` of its entry in
    the sources file. Runs never overlap: a firing while a run is going is
    skipped and recorded as a `skipped` crawl run. SIGTERM or Ctrl-C lets
    the run in hand finish its article, commit, and exit.

    Example: newsfacts schedule --cron "0 */2 * * *" --source techcrunch
    """
    from newsfacts.processing import ProcessOptions, stop_on_signals
    from newsfacts.scheduling import CrawlAndProcess, ScheduleError, plan_jobs, run_schedule

    settings = Settings.from_options(db, sources, batch_size)
    try:
        jobs = plan_jobs(load_sources(settings.sources_file, source), cron)
    except (SourcesError, ScheduleError) as exc:
        fail(str(exc))
    engine = open_engine(settings)
    nlp = load_nlp()
    with _log_to_stderr(), stop_on_signals(threading.Event()) as stop:
        job = CrawlAndProcess(settings.db_url, engine, nlp, ProcessOptions(batch_size=batch_size), stop)
        summary = run_schedule(jobs, job, job.record_skip, stop, max_runs)
    typer.echo(f"schedule ended: {summary.runs} runs, {summary.skipped} skipped, {summary.failed} failed")
