"""Commands of the crawl stage: crawl, runs, sources."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session

from crawler.sources import SourcesError, load_sources
from crawler.stats import RUN_COLUMNS, format_counts, run_summary, summarize_stats
from newsfacts.cli.common import DbOption, app, fail, open_engine
from newsfacts.output import OutputFormat, print_rows
from newsfacts.settings import Settings


@app.command()
def crawl(
    sources: Annotated[Path | None, typer.Option("--sources", help="Sources TOML file (default: the bundled sources).")] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Crawl only this source (repeatable).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the last interrupted crawl of these sources.")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="Fetch already stored articles again.")] = False,
    db: DbOption = None,
) -> None:
    """Crawl the configured sources and store new articles as unprocessed.

    Article URLs already stored are not fetched again (unless --refresh).
    An interrupted crawl continues with --resume.

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
        result = run_crawl(selected, settings.db_url, resume=resume, refresh=refresh)
    except CrawlFailedError as exc:
        fail(str(exc), code=1)
    summary = summarize_stats(result.stats)
    typer.echo(
        f"crawl run {result.run_id} {result.status}: {summary['new']} new, {summary['updated']} updated, "
        f"{summary['duplicate']} duplicate, {summary['syndicated']} syndicated articles; "
        f"{summary['requests']} requests in {summary['duration_s']} s"
    )
    if result.status != "finished":
        raise typer.Exit(1)


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
        rows = [run_summary(r) for r in last_runs(session, limit)]
    if format is not OutputFormat.json:  # JSON keeps the counts as objects
        for row in rows:
            for key in ("responses", "rejected", "skipped", "errors"):
                row[key] = format_counts(row[key])
    print_rows(rows, RUN_COLUMNS, format, title="crawl runs")


sources_app = typer.Typer(invoke_without_command=True)
app.add_typer(sources_app, name="sources")


@sources_app.callback()
def sources_list(
    ctx: typer.Context,
    sources: Annotated[Path | None, typer.Option("--sources", help="Sources TOML file (default: the bundled sources).")] = None,
    format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.table,
) -> None:
    """List the configured sources.

    Example: newsfacts sources --sources my-sources.toml
    """
    if ctx.invoked_subcommand is not None:
        return
    try:
        configured = load_sources(sources)
    except SourcesError as exc:
        fail(str(exc))
    rows = [
        {
            "name": s.name, "feeds": len(s.feeds), "sitemaps": len(s.sitemaps), "start_urls": len(s.start_urls),
            "domains": ", ".join(s.domains()), "max_age_days": s.max_age_days, "allow_private": s.allow_private,
        }
        for s in configured
    ]
    print_rows(rows, ("name", "feeds", "sitemaps", "start_urls", "domains", "max_age_days", "allow_private"), format, title="sources")


@sources_app.command("check")
def sources_check(
    file: Annotated[Path, typer.Argument(help="Sources TOML file to validate.")],
) -> None:
    """Validate a sources file: exit 0 and a summary if it is usable, else one error line.

    Example: newsfacts sources check my-sources.toml
    """
    try:
        configured = load_sources(file)
    except SourcesError as exc:
        fail(str(exc))
    typer.echo(f"{file}: {len(configured)} sources OK ({', '.join(s.name for s in configured)})")
