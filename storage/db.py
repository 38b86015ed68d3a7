"""Engines and schema: SQLite (WAL) by default, any SQLAlchemy URL otherwise.

The schema is managed with Alembic (`storage/migrations/`). A new, empty
database gets every table at once and is stamped with the newest revision;
an older one is brought up to date by `upgrade_db` (`newsfacts db upgrade`).
"""
from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlmodel import SQLModel, create_engine

from storage import models  # noqa: F401  (registers every table on SQLModel.metadata)

if TYPE_CHECKING:
    from alembic.config import Config

DEFAULT_DB_FILE = "newsfacts.sqlite"
DB_ENV_VAR = "NEWSFACTS_DB"
MIGRATIONS = "storage:migrations"
# The revision a database made before migrations existed (by create_all) is at.
BASELINE_REVISION = "0001"
# Any constant: serializes schema creation between processes on PostgreSQL.
_SCHEMA_LOCK_KEY = 7_031_2024


class DatabaseURLError(ValueError):
    """The database URL or path cannot be used."""


class SchemaOutdatedError(RuntimeError):
    """The database schema is older (or newer) than this version of newsfacts."""

    def __init__(self, current: str | None, head: str) -> None:
        self.current, self.head = current, head
        super().__init__(
            f"the database schema is at revision {current or 'none'}, this newsfacts needs {head}: "
            "run `newsfacts db upgrade` (back up the database first)"
        )


class WriterBusyError(RuntimeError):
    """SQLite allows one writer, and another process holds the database."""


SQLITE_ONE_WRITER = (
    "SQLite allows one writer at a time: run one `newsfacts process` per SQLite file, "
    "or use PostgreSQL (--db postgresql+psycopg://…) for several workers"
)


def resolve_db_url(value: str | None = None) -> str:
    """Turn a `--db` value (URL or plain file path) into an SQLAlchemy URL.

    Falls back to the `NEWSFACTS_DB` environment variable, then to
    `newsfacts.sqlite` in the working directory.
    """
    value = value or os.environ.get(DB_ENV_VAR) or DEFAULT_DB_FILE
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser()}"
    return value


def display_url(url: str) -> str:
    """The URL with any password masked, for logs and `newsfacts status`."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        # Not parseable as a URL: still hide what looks like user:password@.
        return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def _enable_sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets analysts read while a crawl or process run writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str | None = None, sqlite_timeout: float = 30.0) -> Engine:
    """Create an engine for `url` (see `resolve_db_url`).

    sqlite_timeout (float): seconds a SQLite writer waits for another to finish.
    RAISES (DatabaseURLError): when the URL is malformed, names an unknown
    driver, or points at a SQLite file in a directory that does not exist.
    """
    resolved = resolve_db_url(url)
    try:
        parsed = make_url(resolved)
    except ArgumentError as exc:
        raise DatabaseURLError(f"not a database URL: {display_url(resolved)!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise DatabaseURLError(f"folder for SQLite file does not exist: {folder}")
    connect_args: dict[str, object] = {}
    if backend == "sqlite":
        # A second writer waits for the lock instead of failing at once.
        connect_args["timeout"] = sqlite_timeout
    elif backend == "postgresql" and parsed.get_driver_name() in ("psycopg", "psycopg2"):
        connect_args["options"] = "-c timezone=UTC"
    try:
        engine = create_engine(resolved, connect_args=connect_args, pool_pre_ping=backend != "sqlite")
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseURLError(f"no driver for database URL {display_url(resolved)!r}: {exc}") from exc
    if backend == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_pragmas)
    return engine


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for our migrations, bound to `connection` if given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration revision this code knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(connection).get_current_revision()
    if current is None and inspect(connection).has_table("articles"):
        return BASELINE_REVISION  # made by create_all before migrations existed
    return current


def schema_revision(engine: Engine) -> str | None:
    """The database's schema revision (None for an empty database)."""
    with engine.connect() as connection:
        return _revision(connection)


def _lock_schema(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})


def create_db_and_tables(engine: Engine) -> None:
    """Create the schema in an empty database; check it in any other.

    RAISES (SchemaOutdatedError): when the database was made by an older (or
    newer) newsfacts and needs `upgrade_db`.
    """
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = head_revision()
    with engine.begin() as connection:
        _lock_schema(connection)
        current = _revision(connection)
        if current is None:
            SQLModel.metadata.create_all(connection)
            MigrationContext.configure(connection).stamp(ScriptDirectory.from_config(alembic_config()), head)
    if current is not None and current != head:
        raise SchemaOutdatedError(current, head)
    _ensure_views(engine, replace=current is None)


def _ensure_views(engine: Engine, replace: bool) -> None:
    # The analyst views are derived from the tables, not migrated data: made
    # with a new or upgraded schema, or when missing, never on every open.
    from storage.views import VIEWS, create_views

    if replace or not set(VIEWS) <= set(inspect(engine).get_view_names()):
        create_views(engine)


def upgrade_db(engine: Engine) -> tuple[str | None, str]:
    """Bring the database to the newest schema, keeping every row.

    An empty database gets all migrations in order; one made before
    migrations existed is taken to be at the first revision.
    RETURNS (tuple): the revision before and after.
    """
    from alembic import command

    with engine.begin() as connection:
        _lock_schema(connection)
        before = _revision(connection)
        config = alembic_config(connection)
        if before == BASELINE_REVISION:
            command.stamp(config, before)  # no-op when already stamped
        command.upgrade(config, "head")
        after = _revision(connection)
    assert after is not None
    _ensure_views(engine, replace=True)
    return before, after


@contextmanager
def single_worker(engine: Engine) -> Iterator[None]:
    """On a SQLite file, make sure this is the only `process` worker; elsewhere nothing.

    The lock is an OS file lock on `<database>.worker-lock` (never on the
    database file itself, whose locks belong to SQLite), released when the
    process ends, however it ends.
    RAISES (WriterBusyError): when another worker holds it.
    """
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.worker-lock", "a", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise WriterBusyError(f"another `newsfacts process` is working on {database}; {SQLITE_ONE_WRITER}") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
