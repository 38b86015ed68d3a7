"""The operator commands (status, db upgrade, schedule) and process's new options, through the CLI."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from newsfacts.cli import app
from storage.articles import content_hash, get_or_create_source, store_article
from storage.db import create_db_and_tables, make_engine
from storage.models import Article, ArticleBase, CrawlRun, utcnow

runner = CliRunner()


@pytest.mark.parametrize("command", [["status"], ["schedule"], ["db", "upgrade"], ["process"]])
def test_operator_commands_have_help_with_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def _fill(db_url: str) -> None:
    engine = make_engine(db_url)
    create_db_and_tables(engine)
    now = utcnow()
    with Session(engine) as session:
        for i in range(4):
            text = f"article {i}"
            store_article(session, ArticleBase(url=f"http://a/{i}", canonical_url=f"http://a/{i}", text=text, content_hash=content_hash(text)), "busy")
        session.flush()
        for article, state in zip(session.exec(select(Article).order_by(col(Article.id))), ["processed", "processed", "pending", "failed"]):
            if state == "processed":
                article.processed_at, article.extractor_version = now, "0.0.1" if article.id == 1 else None
            elif state == "failed":
                article.failed_at, article.failure = now, "ValueError: unreadable"
        stale = get_or_create_source(session, "stale")
        text = "old news"
        session.add(Article(url="http://s/1", canonical_url="http://s/1", text=text, content_hash=content_hash(text),
                            source_id=stale.id, fetched_at=now - timedelta(days=30), processed_at=now - timedelta(days=30)))
        session.add(CrawlRun(status="finished", sources=["busy"], stats={"downloader/request_count": 12, "newsfacts/articles/new": 4}))
        session.commit()
    engine.dispose()


def test_status_counts_articles_runs_and_quiet_sources(db_url: str, sources_file: Path) -> None:
    _fill(db_url)
    result = runner.invoke(app, ["status", "--format", "json", "--sources", str(sources_file), "--db", db_url])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["schema_current"] is True
    articles = report["articles"]
    assert (articles["total"], articles["processed"], articles["pending"], articles["failed"]) == (5, 3, 1, 1)
    assert articles["outdated"] == 4  # by 0.0.1, by no version, the failure, and the stale article
    (run,) = report["runs"]
    assert (run["status"], run["requests"], run["new"]) == ("finished", 12, 4)
    quiet = {row["source"]: row for row in report["quiet_sources"]}
    assert set(quiet) == {"stale", "sample"}  # "sample" is configured but never produced an article
    assert quiet["sample"]["articles"] == 0 and quiet["stale"]["articles"] == 1
    table = runner.invoke(app, ["status", "--sources", str(sources_file), "--db", db_url])
    assert table.exit_code == 0 and "3 processed, 1 pending, 1 failed" in table.output and "stale" in table.output


@pytest.mark.parametrize("since", ["yesterday-ish", "2024-13-01"])
def test_process_rejects_a_bad_since_date(tmp_path: Path, since: str) -> None:
    result = runner.invoke(app, ["process", "--reprocess", "--since", since, "--db", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 2 and "--since: not a date" in result.output and "Traceback" not in result.output


def test_process_reprocess_command_replaces_facts(crawled_db: Path) -> None:
    first = runner.invoke(app, ["process", "--db", str(crawled_db)])
    assert first.exit_code == 0, first.output
    engine = make_engine(str(crawled_db))
    with Session(engine) as session:  # as if an older extractor had made the facts
        for article in session.exec(select(Article)):
            article.extractor_version = "0.0.1"
        session.commit()
    since = (datetime.now(timezone.utc) - timedelta(days=1)).date().isoformat()
    again = runner.invoke(app, ["process", "--reprocess", "--since", "2000-01-01", "--db", str(crawled_db)])
    assert again.exit_code == 0, again.output
    assert "re-processed 7 articles" in again.output
    assert runner.invoke(app, ["process", "--reprocess", "--since", since, "--db", str(crawled_db)]).output.count("re-processed 0 articles") == 1
    engine.dispose()


def test_db_upgrade_rejects_a_bad_url() -> None:
    result = runner.invoke(app, ["db", "upgrade", "--db", "nosuchdb://x"])
    assert result.exit_code == 2 and "bad --db" in result.output
