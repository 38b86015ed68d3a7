"""Commands of the NLP stage: process (into the database) and extract (JSON lines)."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, TextIO

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from newsfacts.cli.common import DbOption, app, err, fail, load_nlp, open_engine
from newsfacts.jsonl import InputLineError, read_articles, write_line
from newsfacts.settings import Settings


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
