"""Commands of the NLP stage: process (into the database) and extract (JSON lines)."""
from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Annotated, TextIO

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from newsfacts.cli.common import DbOption, app, err, fail, load_nlp, open_engine
from newsfacts.jsonl import InputLineError, read_articles, write_line
from newsfacts.settings import Settings


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        fail(f"--since: not a date: {value!r} (use YYYY-MM-DD)")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


@app.command()
def process(
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per claimed batch and per nlp.pipe batch.")] = 32,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Re-extract articles whose facts came from another extractor version.")] = False,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", help="Only articles published (else fetched) on or after DATE (YYYY-MM-DD, UTC).")] = None,
    db: DbOption = None,
) -> None:
    """Extract entities and claims from every unprocessed article.

    Facts of one article are written whole or not at all; running it again
    adds nothing, since processed articles are skipped. With --reprocess,
    articles processed by an older extractor get their facts replaced.
    Several workers may run at once on PostgreSQL; on SQLite a second one
    stops at once, saying SQLite allows one writer. SIGTERM or Ctrl-C finishes the article in hand,
    commits and exits.

    Example: newsfacts process --batch-size 64 --db postgresql+psycopg://newsfacts@localhost/newsfacts
    """
    from newsfacts.processing import ProcessOptions, process_pending, stop_on_signals
    from storage.db import WriterBusyError

    options = ProcessOptions(batch_size=batch_size, reprocess=reprocess, since=_since(since))
    engine = open_engine(Settings.from_options(db, batch_size=batch_size))
    nlp = load_nlp()
    with stop_on_signals(threading.Event()) as stop, Progress(
        TextColumn("processing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err, transient=True
    ) as progress:
        task = progress.add_task("process", total=None)
        try:
            result = process_pending(
                engine, nlp, options, stop=stop,
                on_progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
        except WriterBusyError as exc:
            fail(str(exc), code=1)
        finally:
            engine.dispose()  # closes the connections: SQLite folds its WAL back into the file
    for warning in result.warnings:
        err.print(f"warning: {warning}", markup=False, highlight=False, soft_wrap=True)
    verb = "re-processed" if reprocess else "processed"
    typer.echo(
        f"{verb} {result.processed} articles ({result.mentions} mentions, {result.claims} claims); {result.failed} failed"
        + ("; stopped early, the rest is still to do" if result.stopped else "")
    )
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
    from newsfacts.processing import extract_each
    from nlp.extract import facts_to_contract
    from nlp.records import ArticleFacts

    with _open_text(input, "r") as handle:
        try:
            articles = read_articles(handle)
        except InputLineError as exc:
            fail(f"{input}: {exc}")
        except UnicodeDecodeError as exc:
            fail(f"{input}: not UTF-8 text ({exc.reason})")
    nlp = load_nlp()
    with _open_text(output, "w") as out:
        for start in range(0, len(articles), batch_size):
            chunk = articles[start : start + batch_size]
            # One article that breaks the pipeline fails alone: it gets an
            # empty line and a warning, the others their facts.
            results = extract_each(nlp, [(a.text, a.published) for a in chunk], batch_size)
            for article, article_facts in zip(chunk, results, strict=True):
                if isinstance(article_facts, Exception):
                    article_facts = ArticleFacts(warnings=[f"extraction failed: {article_facts!r}"])
                for warning in article_facts.warnings:
                    err.print(f"warning: article {article.id}: {warning}", markup=False, highlight=False, soft_wrap=True)
                write_line(out, facts_to_contract(article.id, article_facts))
