"""SQL views for analysts who use sqlite3, psql or Datasette on the database.

- `claim_table`: one row per claim with its provenance, columns in
  `storage.queries.CLAIM_COLUMNS` order (what `newsfacts export claims` writes).
- `claim_groups`: one row per corroboration group, columns in
  `storage.corroboration.GROUP_COLUMNS` order (what `newsfacts export groups`
  writes, except that `sources` lists names in no fixed order and `conflict`
  is 0 or 1).

Both are compiled from the same SQLAlchemy statements the Python queries
use, for the engine's own dialect, so SQLite and PostgreSQL get the same
views and the CLI and SQL users see the same rows.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Select, text
from sqlalchemy.engine import Connection, Engine

from storage.corroboration import view_select
from storage.queries import claim_table_select

VIEWS: dict[str, Any] = {"claim_table": claim_table_select, "claim_groups": view_select}


def view_sql(select: Select[Any], engine: Engine) -> str:
    """`select` as plain SQL for `engine`'s dialect, constants inlined (views take no parameters)."""
    return str(select.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))


def _stored_sql(conn: Connection, name: str) -> str | None:
    if conn.dialect.name != "sqlite":
        return None
    return conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = :name"), {"name": name}).scalar()


def create_views(engine: Engine) -> None:
    """Create or replace the analyst views; running it again changes nothing.

    Call it after the tables exist (it reads none of their rows). On SQLite
    an unchanged view is left alone, so opening a database stays read-only.
    """
    with engine.begin() as conn:
        for name, build in VIEWS.items():
            sql = f"CREATE VIEW {name} AS {view_sql(build(), engine)}"
            if _stored_sql(conn, name) == sql:
                continue
            conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
            conn.execute(text(sql))
