"""The analyst SQL views answer like the Python queries, and creating them twice is harmless."""
from __future__ import annotations

import sqlite3

from sqlmodel import Session

from storage.corroboration import GROUP_COLUMNS, query_groups
from storage.queries import CLAIM_COLUMNS, query_claims
from storage.views import create_views
from tests.analysis_db import AnalysisDb, analysis_db, analysis_db_template  # noqa: F401  (fixtures)


def plain(value: object) -> object:
    return value.strftime("%Y-%m-%d %H:%M:%S.%f") if hasattr(value, "strftime") else value


def test_claim_table_view_matches_query_claims(analysis_db: AnalysisDb) -> None:
    with Session(analysis_db.engine) as session:
        expected = [tuple(plain(r[c]) for c in CLAIM_COLUMNS) for r in query_claims(session)]
    with sqlite3.connect(analysis_db.path) as conn:
        cursor = conn.execute("SELECT * FROM claim_table ORDER BY published, article_id, start_char, claim_id")
        assert tuple(d[0] for d in cursor.description) == CLAIM_COLUMNS
        assert cursor.fetchall() == expected


def test_claim_groups_view_matches_query_groups(analysis_db: AnalysisDb) -> None:
    with Session(analysis_db.engine) as session:
        expected = sorted(tuple(plain(int(v) if isinstance(v, bool) else v) for v in g.values()) for g in query_groups(session))
    with sqlite3.connect(analysis_db.path) as conn:
        cursor = conn.execute("SELECT * FROM claim_groups")
        assert tuple(d[0] for d in cursor.description) == GROUP_COLUMNS
        rows = [(*r[:8], ", ".join(sorted(r[8].split(", "))), *r[9:]) for r in cursor.fetchall()]
    assert sorted(rows) == expected


def test_analysts_sql_for_conflicts(analysis_db: AnalysisDb) -> None:
    with sqlite3.connect(analysis_db.path) as conn:
        rows = conn.execute(
            "SELECT subject_code, year_end, count, independent_sources FROM claim_groups WHERE conflict = 1 ORDER BY count"
        ).fetchall()
    assert rows == [("CN", 2023, 14, 2), ("CN", 2023, 19, 2)]


def test_create_views_twice_changes_nothing(analysis_db: AnalysisDb) -> None:
    create_views(analysis_db.engine)
    create_views(analysis_db.engine)
    with sqlite3.connect(analysis_db.path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")]
        assert names == ["claim_groups", "claim_table"]
        assert conn.execute("SELECT count(*) FROM claim_table").fetchone() == (14,)
