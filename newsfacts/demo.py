"""The demo: serve the bundled sample site, crawl it, process it, show claims."""
from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from spacy.language import Language
from sqlmodel import Session

from crawler.runner import LOCAL_SITE_OVERRIDES, CrawlResult, run_crawl
from crawler.sources import load_sources
from newsfacts.demo_server import SAMPLE_SOURCE_NAME, sample_sources_toml, serve_sample_site
from newsfacts.processing import ProcessResult, process_pending
from storage.db import create_db_and_tables, make_engine
from storage.queries import query_claims

def remove_sqlite_file(path: Path) -> None:
    """Delete a SQLite database file with its WAL, shared-memory and worker-lock files."""
    for suffix in ("", "-wal", "-shm", ".worker-lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def is_demo_database(path: Path) -> bool:
    """Whether `path` is missing, or a SQLite file that only the demo filled (its one source)."""
    if not path.exists():
        return True
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            names = {row[0] for row in connection.execute("SELECT name FROM sources")}
    except sqlite3.Error:
        return False  # not SQLite, or not ours: never replace it unasked
    return names <= {SAMPLE_SOURCE_NAME}


def run_demo(
    db_path: Path,
    load_nlp: Callable[[], Language],
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[CrawlResult, ProcessResult, list[dict[str, Any]]]:
    """Crawl the sample site into a fresh SQLite file at `db_path` and process it.

    Returns the crawl record, the processing result and the claim table.
    """
    remove_sqlite_file(db_path)
    db_url = f"sqlite:///{db_path}"
    engine = make_engine(db_url)
    create_db_and_tables(engine)
    with serve_sample_site() as base_url, tempfile.TemporaryDirectory() as folder:
        sources_file = Path(folder, "sources.toml")
        sources_file.write_text(sample_sources_toml(base_url), encoding="utf-8")
        crawl = run_crawl(load_sources(sources_file), db_url, LOCAL_SITE_OVERRIDES)
    processed = process_pending(engine, load_nlp(), on_progress=on_progress)
    with Session(engine) as session:
        claims = query_claims(session)
    engine.dispose()
    return crawl, processed, claims
