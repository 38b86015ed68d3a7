"""The offline demo command."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsfacts.cli.analysis import TABLE_CLAIM_COLUMNS
from newsfacts.cli.common import app, fail, load_nlp
from newsfacts.output import OutputFormat, print_rows


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="SQLite file for the demo (a path, not a URL); replaced on every run.")] = Path("newsfacts-demo.sqlite"),
    yes: Annotated[bool, typer.Option("--yes", help="Replace --db even if it holds more than an earlier demo.")] = False,
) -> None:
    """Crawl, process and query the bundled offline sample news site.

    Serves the sample site on 127.0.0.1 (a free port), crawls it into a
    fresh SQLite file, processes it and prints the claim table.

    Example: newsfacts demo --db /tmp/demo.sqlite
    """
    from newsfacts.demo import is_demo_database, run_demo

    if not db.parent.is_dir():
        fail(f"folder does not exist: {db.parent}")
    if not yes and not is_demo_database(db):
        fail(f"{db} holds more than an earlier demo; the demo replaces its --db: choose another file, or add --yes")
    crawl_result, processed, claims = run_demo(db, load_nlp)
    stats = crawl_result.stats
    typer.echo(
        f"crawled {stats.get('newsfacts/articles/new', 0)} articles from the sample site, "
        f"processed {processed.processed}, found {processed.claims} claims; database: {db}"
    )
    print_rows(claims, TABLE_CLAIM_COLUMNS, OutputFormat.table, title="claims")
