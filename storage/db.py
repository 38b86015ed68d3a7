"""Engines and schema: SQLite (WAL) by default, any SQLAlchemy URL otherwise."""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlmodel import SQLModel, create_engine

from storage import models  # noqa: F401  (registers every table on SQLModel.metadata)

DEFAULT_DB_FILE = "newsfacts.sqlite"
DB_ENV_VAR = "NEWSFACTS_DB"


class DatabaseURLError(ValueError):
    """The database URL or path cannot be used."""


def resolve_db_url(value: str | None = None) -> str:
    """Turn a `--db` value (URL or plain file path) into an SQLAlchemy URL.

    Falls back to the `NEWSFACTS_DB` environment variable, then to
    `newsfacts.sqlite` in the working directory.
    """
    value = value or os.environ.get(DB_ENV_VAR) or DEFAULT_DB_FILE
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser()}"
    return value


def _enable_sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets analysts read while a crawl or process run writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """Create an engine for `url` (see `resolve_db_url`).

    RAISES (DatabaseURLError): when the URL is malformed, names an unknown
    driver, or points at a SQLite file in a directory that does not exist.
    """
    resolved = resolve_db_url(url)
    try:
        parsed = make_url(resolved)
    except ArgumentError as exc:
        raise DatabaseURLError(f"not a database URL: {resolved!r}") from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise DatabaseURLError(f"folder for SQLite file does not exist: {folder}")
    try:
        engine = create_engine(resolved, connect_args=_connect_args(parsed.get_backend_name()))
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseURLError(f"no driver for database URL {resolved!r}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_pragmas)
    return engine


def _connect_args(backend: str) -> dict[str, object]:
    # A second writer waits for the lock instead of failing at once.
    return {"timeout": 30} if backend == "sqlite" else {}


def create_db_and_tables(engine: Engine) -> None:
    """Create every missing table and index (existing ones are left alone)."""
    SQLModel.metadata.create_all(engine)
