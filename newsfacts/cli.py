"""The `newsfacts` command line: thin wrappers over crawler, nlp and storage."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from crawler.sources import SourcesError, load_sources
from newsfacts.jsonl import InputLineError, read_articles, write_line
from newsfacts.output import OutputFormat, print_rows
from newsfacts.settings import Settings
from storage.db import DatabaseURLError, create_db_and_tables, make_engine
from storage.exports import EXPORT_FORMATS, UnknownFormatError, export_claims
from storage.queries import CLAIM_COLUMNS, ENTITY_COLUMNS, ClaimFilter, query_claims, query_entities

app = typer.Typer(help="Crawl tech news, extract who and what it is about, and query the facts.", no_args_is_help=True, add_completion=False)
query_app = typer.Typer(help="Query the stored facts.", no_args_is_help=True)
export_app = typer.Typer(help="Export stored facts to files.", no_args_is_help=True)
app.add_typer(query_app, name="query")
app.add_typer(export_app, name="export")

err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="NEWSFACTS_DB", help="Database URL or SQLite file path [default: newsfacts.sqlite]."),
]
TABLE_CLAIM_COLUMNS = ("subject", "subject_code", "count", "qualifier", "item", "year_start", "year_end", "published", "source", "article_url")


def fail(message: str, code: int = 2) -> NoReturn:
    """One clear error line on stderr, a non-zero exit, no traceback."""
    err.print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def open_engine(settings: Settings) -> Engine:
    """Engine with the schema in place, or a clean failure."""
    try:
        engine = make_engine(settings.db_url)
        create_db_and_tables(engine)
    except DatabaseURLError as exc:
        fail(f"bad --db: {exc}")
    except SQLAlchemyError as exc:
        fail(f"cannot open database {settings.db_url}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
    return engine


def load_nlp():  # type: ignore[no-untyped-def]
    """The full NLP pipeline, or a clean failure naming the missing model."""
    from nlp.model import ModelNotInstalledError
    from nlp.pipeline import build_pipeline

    try:
        return build_pipeline()
    except ModelNotInstalledError as exc:
        fail(str(exc))


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
def process(
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per nlp.pipe batch.")] = 32,
    db: DbOption = None,
) -> None:
    """Extract entities and claims from every unprocessed article.

    Facts of one article are written in one transaction; running it again
    adds nothing, since processed articles are skipped.

    Example: newsfacts process --batch-size 64
    """
    from newsfacts.processing import process_pending

    settings = Settings.from_options(db, batch_size=batch_size)
    engine = open_engine(settings)
    nlp = load_nlp()
    with Progress(TextColumn("processing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err, transient=True) as progress:
        task = progress.add_task("process", total=None)
        result = process_pending(
            engine, nlp, settings.batch_size,
            on_progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    for warning in result.warnings:
        err.print(f"warning: {warning}", highlight=False)
    typer.echo(f"processed {result.processed} articles ({result.mentions} mentions, {result.claims} claims); {result.failed} failed")
    if result.failed:
        raise typer.Exit(1)


@contextmanager
def _open_text(path: str, mode: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdin if mode == "r" else sys.stdout
        return
    try:
        handle = open(path, mode, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot open {path}: {exc.strerror}")
    with handle:
        yield handle


@app.command()
def extract(
    input: Annotated[str, typer.Option("--input", "-i", help="Articles as JSON lines ('-' for stdin).")],
    output: Annotated[str, typer.Option("--output", "-o", help="Facts as JSON lines ('-' for stdout).")],
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per nlp.pipe batch.")] = 32,
) -> None:
    """Extract facts from JSON-lines articles, without any database.

    Each input line is {"id", "text", "title"?, "published"?}; each output
    line is {"id", "entities", "claims"}, in the same order.

    Example: newsfacts extract --input articles.jsonl --output facts.jsonl
    """
    from nlp.extract import extract_many, facts_to_contract

    with _open_text(input, "r") as handle:
        try:
            articles = read_articles(handle)
        except InputLineError as exc:
            fail(f"{input}: {exc}")
        except UnicodeDecodeError as exc:
            fail(f"{input}: not UTF-8 text ({exc.reason})")
    nlp = load_nlp()
    facts = extract_many(nlp, ((a.text, a.published) for a in articles), batch_size=batch_size)
    with _open_text(output, "w") as out:
        for article, article_facts in zip(articles, facts, strict=True):
            for warning in article_facts.warnings:
                err.print(f"warning: article {article.id}: {warning}", highlight=False)
            write_line(out, facts_to_contract(article.id, article_facts))


@query_app.command("claims")
def query_claims_command(
    subject: Annotated[str | None, typer.Option(help="Subject name or ISO country code.")] = None,
    item: Annotated[str | None, typer.Option(help="Counted item, e.g. 'large language model'.")] = None,
    year: Annotated[int | None, typer.Option(help="Claims whose period includes this year.")] = None,
    format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List count claims, oldest article first.

    Example: newsfacts query claims --subject CN --item "large language model" --year 2023
    """
    engine = open_engine(Settings.from_options(db))
    with Session(engine) as session:
        rows = query_claims(session, ClaimFilter(subject=subject, item=item, year=year))
    columns = TABLE_CLAIM_COLUMNS if format is OutputFormat.table else CLAIM_COLUMNS
    print_rows(rows, columns, format, title="claims")


@query_app.command("entities")
def query_entities_command(
    label: Annotated[str | None, typer.Option(help="Only this label: PERSON, ORG, COUNTRY, …")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List entities, most mentioned first.

    Example: newsfacts query entities --label ORG --limit 20
    """
    engine = open_engine(Settings.from_options(db))
    with Session(engine) as session:
        rows = query_entities(session, label=label, limit=limit)
    print_rows(rows, ENTITY_COLUMNS, format, title="entities")


@export_app.command("claims")
def export_claims_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    format: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "csv",
    db: DbOption = None,
) -> None:
    """Export the claim table with provenance (article URL, source, published, sentence).

    Example: newsfacts export claims --format csv --output claims.csv
    """
    if format not in EXPORT_FORMATS:
        fail(f"unknown format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if not output.parent.is_dir():
        fail(f"folder does not exist: {output.parent}")
    engine = open_engine(Settings.from_options(db))
    with Session(engine) as session:
        try:
            count = export_claims(session, format, output)
        except UnknownFormatError as exc:
            fail(str(exc))
    typer.echo(f"wrote {count} claims to {output}")


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="SQLite file for the demo; replaced on every run.")] = Path("newsfacts-demo.sqlite"),
) -> None:
    """Serve the bundled sample news site on 127.0.0.1, crawl it into a fresh
    SQLite file, process it and print the claim table.

    Example: newsfacts demo --db /tmp/demo.sqlite
    """
    from newsfacts.demo import run_demo

    if not db.parent.is_dir():
        fail(f"folder does not exist: {db.parent}")
    crawl_result, processed, claims = run_demo(db, load_nlp)
    stats = crawl_result.stats
    typer.echo(
        f"crawled {stats.get('newsfacts/articles/new', 0)} articles from the sample site, "
        f"processed {processed.processed}, found {processed.claims} claims; database: {db}"
    )
    print_rows(claims, TABLE_CLAIM_COLUMNS, OutputFormat.table, title="claims")


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
