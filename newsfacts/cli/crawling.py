"""Commands of the crawl stage: crawl, runs."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session

from crawler.sources import SourcesError, load_sources
from newsfacts.cli.common import DbOption, app, fail, open_engine
from newsfacts.output import OutputFormat, print_rows
from newsfacts.settings import Settings


@app.command()
def crawl(
    sources: Annotated[Path | None, typer.Option("--sources", help="Sources TOML file [default: the bundled sources].")] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Crawl only this source (repeatable).")] = None,
    db: DbOption = None,
) -> None:
    """Crawl the configured sources and store new articles as unprocessed.

    Example: newsfacts crawl --sources my-sources.toml --source techcrunch
    """
    from crawler.runner import CrawlFailedError, run_crawl

    settings = Settings.from_options(db, sources)
    try:
        selected = load_sources(settings.sources_file, source)
    except SourcesError as exc:
        fail(str(exc))
    open_engine(settings).dispose()
    try:
        result = run_crawl(selected, settings.db_url)
    except CrawlFailedError as exc:
        fail(str(exc), code=1)
    stats = result.stats
    typer.echo(
        f"crawl run {result.run_id} {result.status}: "
        f"{stats.get('newsfacts/articles/new', 0)} new, "
        f"{stats.get('newsfacts/articles/updated', 0)} updated, "
        f"{stats.get('newsfacts/articles/duplicate', 0)} duplicate articles; "
        f"{stats.get('downloader/request_count', 0)} requests"
    )


@app.command()
def runs(
    limit: Annotated[int, typer.Option(min=1, help="How many runs to show.")] = 10,
    format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Show the last crawl runs with their stats.

    Example: newsfacts runs --limit 5
    """
    from storage.runs import last_runs

    engine = open_engine(Settings.from_options(db))
    with Session(engine) as session:
        rows = [
            {
                "run": r.id, "started_at": r.started_at, "finished_at": r.finished_at, "status": r.status,
                "sources": ", ".join(r.sources),
                "requests": r.stats.get("downloader/request_count", 0),
                "new": r.stats.get("newsfacts/articles/new", 0),
                "updated": r.stats.get("newsfacts/articles/updated", 0),
                "duplicate": r.stats.get("newsfacts/articles/duplicate", 0),
            }
            for r in last_runs(session, limit)
        ]
    columns = ("run", "started_at", "finished_at", "status", "sources", "requests", "new", "updated", "duplicate")
    print_rows(rows, columns, format, title="crawl runs")
