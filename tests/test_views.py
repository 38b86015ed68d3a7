"""The analyst SQL views answer like the Python queries, and creating them twice is harmless.

The views are queried through the database's own driver (sqlite3 or
psycopg), as an analyst's sqlite3, psql or Datasette session would.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlmodel import Session

from storage.corroboration import GROUP_COLUMNS, query_groups
from storage.queries import CLAIM_COLUMNS, query_claims
from storage.views import create_views
from tests.analysis_db import AnalysisDb, analysis_db, analysis_db_template  # noqa: F401  (fixtures)


def plain(value: object) -> object:
    """One form for values whichever driver returned them (SQLite keeps dates as this text; booleans as 0/1)."""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")  # type: ignore[union-attr]
    return int(value) if isinstance(value, bool) else value


def fetch(db: AnalysisDb, sql: str) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(sql)
        columns = tuple(d[0] for d in cursor.description)
        rows = [tuple(plain(v) for v in row) for row in cursor.fetchall()]
    finally:
        connection.close()
    return columns, rows


def test_claim_table_view_matches_query_claims(analysis_db: AnalysisDb) -> None:
    with Session(analysis_db.engine) as session:
        expected = [tuple(plain(r[c]) for c in CLAIM_COLUMNS) for r in query_claims(session)]
    columns, rows = fetch(analysis_db, "SELECT * FROM claim_table ORDER BY published, article_id, start_char, claim_id")
    assert columns == CLAIM_COLUMNS
    assert rows == expected


def test_claim_groups_view_matches_query_groups(analysis_db: AnalysisDb) -> None:
    with Session(analysis_db.engine) as session:
        expected = sorted(tuple(plain(v) for v in g.values()) for g in query_groups(session))
    columns, rows = fetch(analysis_db, "SELECT * FROM claim_groups")
    assert columns == GROUP_COLUMNS
    rows = [(*r[:8], ", ".join(sorted(r[8].split(", "))), *r[9:]) for r in rows]
    assert sorted(rows) == expected


def test_analysts_sql_for_conflicts(analysis_db: AnalysisDb) -> None:
    _, rows = fetch(
        analysis_db,
        "SELECT subject_code, year_end, count, independent_sources FROM claim_groups WHERE conflict = 1 ORDER BY count",
    )
    assert rows == [("CN", 2023, 14, 2), ("CN", 2023, 19, 2)]


def test_create_views_twice_changes_nothing(analysis_db: AnalysisDb) -> None:
    create_views(analysis_db.engine)
    create_views(analysis_db.engine)
    assert sorted(inspect(analysis_db.engine).get_view_names()) == ["claim_groups", "claim_table"]
    assert fetch(analysis_db, "SELECT count(*) FROM claim_table")[1] == [(14,)]
