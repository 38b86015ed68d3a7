"""Alembic migrations: older databases upgrade with every row kept, on SQLite and PostgreSQL."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select
from typer.testing import CliRunner

from newsfacts.cli import app
from storage.db import (
    BASELINE_REVISION,
    SchemaOutdatedError,
    alembic_config,
    create_db_and_tables,
    head_revision,
    make_engine,
    schema_revision,
    upgrade_db,
)
from storage.models import Article, Claim, CrawlRun, Entity, Mention, Source

runner = CliRunner()

# Rows as the first schema knew them (no failure columns yet).
FIRST_SCHEMA_ROWS = {
    "sources": [{"id": 1, "name": "wire", "created_at": "2024-01-02 03:04:05"}],
    "articles": [
        {"id": 1, "url": "http://a.example/1", "canonical_url": "http://a.example/1", "title": "One", "authors": '["Ann"]',
         "published": "2023-05-30 00:00:00", "language": "en", "text": "China released 19 LLMs in 2023.", "content_hash": "h1",
         "source_id": 1, "syndicated_from_id": None, "fetched_at": "2024-01-02 03:04:05", "processed_at": "2024-01-02 04:00:00",
         "extractor_version": "0.0.9"},
        {"id": 2, "url": "http://b.example/2", "canonical_url": "http://b.example/2", "title": None, "authors": "[]",
         "published": None, "language": None, "text": "China released 19 LLMs in 2023.", "content_hash": "h1",
         "source_id": 1, "syndicated_from_id": 1, "fetched_at": "2024-01-02 03:05:00", "processed_at": None,
         "extractor_version": None},
    ],
    "entities": [{"id": 1, "label": "COUNTRY", "canonical": "China", "code": "CN"}],
    "mentions": [{"id": 1, "entity_id": 1, "article_id": 1, "text": "China", "start_char": 0, "end_char": 5}],
    "claims": [{"id": 1, "article_id": 1, "subject_entity_id": 1, "subject": "China", "subject_code": "CN", "count": 19,
                "qualifier": "exact", "item": "large language model", "year_start": 2023, "year_end": 2023,
                "sentence": "China released 19 LLMs in 2023.", "start_char": 0, "end_char": 31, "extractor_version": "0.0.9"}],
    "crawl_runs": [{"id": 1, "started_at": "2024-01-02 03:00:00", "finished_at": "2024-01-02 03:10:00", "status": "finished",
                    "sources": '["wire"]', "stats": '{"newsfacts/articles/new": 2}'}],
}


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def make_first_schema_database(engine: Engine, stamped: bool = True) -> None:
    """The database as the first migration made it, with a row in every table."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), BASELINE_REVISION)
        for table, rows in FIRST_SCHEMA_ROWS.items():
            columns = list(rows[0])
            insert = text(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})")
            connection.execute(insert, rows)
        if not stamped:  # as create_all made it before migrations existed
            connection.execute(text("DROP TABLE alembic_version"))
        if connection.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for table in FIRST_SCHEMA_ROWS:
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))


def test_upgrade_from_first_migration_keeps_every_row(engine: Engine, db_url: str) -> None:
    make_first_schema_database(engine)
    with pytest.raises(SchemaOutdatedError, match="newsfacts db upgrade"):
        create_db_and_tables(engine)
    result = runner.invoke(app, ["db", "upgrade", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert f"from revision {BASELINE_REVISION} to {head_revision()}" in result.output
    create_db_and_tables(engine)  # now current: no error
    with Session(engine) as session:
        for model in (Source, Article, Entity, Mention, Claim, CrawlRun):
            assert len(session.exec(select(model)).all()) == len(FIRST_SCHEMA_ROWS[model.__tablename__])
        first, copy = session.exec(select(Article).order_by(Article.id)).all()
        assert (first.title, first.authors, first.extractor_version, first.failed_at) == ("One", ["Ann"], "0.0.9", None)
        assert first.published is not None and first.published.year == 2023 and first.published.tzinfo is not None
        assert copy.syndicated_from_id == first.id and copy.processed_at is None
        claim = session.exec(select(Claim)).one()
        assert (claim.subject_code, claim.count, claim.article_id) == ("CN", 19, 1)
        assert session.exec(select(CrawlRun)).one().stats == {"newsfacts/articles/new": 2}
        session.add(Article(url="http://c/3", canonical_url="http://c/3", text="new", content_hash="h3"))
        session.commit()  # the upgraded schema takes new rows


def test_database_made_before_migrations_is_upgraded(engine: Engine) -> None:
    make_first_schema_database(engine, stamped=False)
    assert schema_revision(engine) == BASELINE_REVISION
    assert upgrade_db(engine) == (BASELINE_REVISION, head_revision())
    with Session(engine) as session:
        assert len(session.exec(select(Article)).all()) == 2


def test_upgrade_is_idempotent_and_works_on_empty_database(engine: Engine) -> None:
    assert upgrade_db(engine) == (None, head_revision())
    assert upgrade_db(engine) == (head_revision(), head_revision())


@pytest.mark.parametrize("build", ["migrations", "create_all"])
def test_migrations_and_models_give_the_same_schema(engine: Engine, build: str) -> None:
    if build == "migrations":
        upgrade_db(engine)
    else:
        create_db_and_tables(engine)
    assert schema_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_commands_refuse_an_outdated_database_with_one_clear_line(engine: Engine, db_url: str) -> None:
    make_first_schema_database(engine)
    for command_line in (["process"], ["query", "claims"]):
        result = runner.invoke(app, [*command_line, "--db", db_url])
        assert result.exit_code != 0 and "Traceback" not in result.output
        assert "newsfacts db upgrade" in result.output
    status = runner.invoke(app, ["status", "--db", db_url])
    assert status.exit_code == 1 and "OUTDATED" in status.output and "newsfacts db upgrade" in status.output
