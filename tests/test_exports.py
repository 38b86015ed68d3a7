"""Every export table in every format, read back cell by cell."""
from __future__ import annotations

import csv
import json
from datetime import datetime, timezone
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook
from sqlmodel import Session
from typer.testing import CliRunner

from newsfacts.cli import app
from storage.exports import EXPORT_COLUMNS, EXPORT_FORMATS, EXPORT_TABLES, UnknownFormatError, export_table
from storage.filters import ClaimFilter
from tests.analysis_db import LLM, AnalysisDb, analysis_db, analysis_db_template  # noqa: F401  (fixtures)

UTC = timezone.utc
DAILY_URL = "http://daily.example/cn-llm-approvals"


def daily_claim(db: AnalysisDb) -> list[object]:
    """The daily's claim row, typed as in Parquet, with its formula-like texts."""
    return [
        None, "China", "CN", 14, "exact", LLM, 2023, 2023, datetime(2024, 2, 1, 8, 0, tzinfo=UTC), "daily",
        db.ids["daily1"], None, DAILY_URL, "@Daily: 14 approved", "=14 approved, +3 pending", 0, 10, "test-1",
    ]


def read_back(path: Path, fmt: str) -> list[dict]:
    if fmt == "csv":
        return list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    sheet = load_workbook(path).active
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return [dict(zip(header, row, strict=True)) for row in rows]


def export(db: AnalysisDb, table: str, fmt: str, tmp_path: Path, filters: ClaimFilter | None = None) -> tuple[int, Path]:
    path = tmp_path / f"{table}.{fmt}"
    with Session(db.engine) as session:
        count = export_table(session, table, fmt, path, filters)
    assert not list(tmp_path.glob("*.partial"))
    return count, path


@pytest.mark.parametrize("table", EXPORT_TABLES)
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_table_keeps_its_column_order(analysis_db: AnalysisDb, tmp_path: Path, table: str, fmt: str) -> None:
    count, path = export(analysis_db, table, fmt, tmp_path)
    rows = read_back(path, fmt)
    assert count == len(rows) == {"claims": 14, "groups": 8, "entities": 7, "mentions": 24, "articles": 11}[table]
    assert tuple(rows[0]) == EXPORT_COLUMNS[table]


def test_claims_parquet_cells_are_typed(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    _, path = export(analysis_db, "claims", "parquet", tmp_path, ClaimFilter(source="daily"))
    (row,) = read_back(path, "parquet")
    expected = daily_claim(analysis_db)
    assert list(row.values())[1:] == expected[1:] and isinstance(row["claim_id"], int)


def test_claims_csv_neutralizes_formulas(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    _, path = export(analysis_db, "claims", "csv", tmp_path, ClaimFilter(source="daily"))
    (row,) = read_back(path, "csv")
    assert row["title"] == "'@Daily: 14 approved" and row["sentence"] == "'=14 approved, +3 pending"
    assert row["published"] == "2024-02-01T08:00:00+00:00" and row["count"] == "14" and row["article_url"] == DAILY_URL


def test_claims_xlsx_keeps_formulas_as_text_cells(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    _, path = export(analysis_db, "claims", "xlsx", tmp_path, ClaimFilter(source="daily"))
    sheet = load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    assert [cell.value for cell in sheet[2]][1:] == [
        v.replace(tzinfo=None) if isinstance(v, datetime) else v for v in daily_claim(analysis_db)[1:]
    ]
    for name in ("title", "sentence"):
        assert cells[name].data_type == "s" and cells[name].quotePrefix  # text, not a formula
    assert cells["count"].data_type == "n"


def test_articles_export_neutralizes_titles_and_lists_authors(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    _, path = export(analysis_db, "articles", "csv", tmp_path, ClaimFilter(source="wire"))
    rows = read_back(path, "csv")
    assert [(r["article_url"], r["title"], r["authors"]) for r in rows] == [
        ("http://wire.example/2023/06/china-llms", "China counts 19 LLMs", "[]"),
        ("http://wire.example/2023/07/llm-race", "'-The LLM race", "[]"),
    ]


def test_groups_jsonl_rows(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    _, path = export(analysis_db, "groups", "jsonl", tmp_path, ClaimFilter(subject="CN", item="LLM", year=2023))
    assert read_back(path, "jsonl") == [
        {"subject": "China", "subject_code": "CN", "item": LLM, "year_start": 2020, "year_end": 2023, "count": 79,
         "qualifier": "exact", "independent_sources": 1, "sources": "sample", "claims": 1, "articles": 1,
         "first_published": "2023-05-30T01:12:00+00:00", "first_source": "sample", "first_article_url": analysis_db.urls["seed"], "conflict": False},
        {"subject": "China", "subject_code": "CN", "item": LLM, "year_start": 2023, "year_end": 2023, "count": 14,
         "qualifier": "exact", "independent_sources": 2, "sources": "daily, sample", "claims": 2, "articles": 2,
         "first_published": "2024-01-09T02:30:00+00:00", "first_source": "sample", "first_article_url": analysis_db.urls["regulators"], "conflict": True},
        {"subject": "China", "subject_code": "CN", "item": LLM, "year_start": 2023, "year_end": 2023, "count": 19,
         "qualifier": "exact", "independent_sources": 2, "sources": "sample, wire", "claims": 4, "articles": 4,
         "first_published": "2023-05-30T01:12:00+00:00", "first_source": "sample", "first_article_url": analysis_db.urls["seed"], "conflict": True},
    ]


def test_groups_xlsx_and_parquet_cells(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    for fmt in ("xlsx", "parquet"):
        _, path = export(analysis_db, "groups", fmt, tmp_path, ClaimFilter(subject="JP"))
        (row,) = read_back(path, fmt)
        published = datetime(2024, 9, 10, 1, 0, tzinfo=UTC if fmt == "parquet" else None)
        assert list(row.values()) == ["Japan", "JP", LLM, None, 2024, 20, "about", 1, "sample", 1, 1, published, "sample", analysis_db.urls["japan"], False]


def test_entities_and_mentions_rows(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    _, path = export(analysis_db, "entities", "parquet", tmp_path)
    assert [(r["label"], r["canonical"], r["code"], r["mentions"], r["articles"]) for r in read_back(path, "parquet")] == [
        ("COUNTRY", "China", "CN", 10, 9), ("COUNTRY", "Japan", "JP", 1, 1), ("COUNTRY", "United States", "US", 5, 5),
        ("ORG", "Baidu", None, 3, 3), ("ORG", "Nvidia", None, 1, 1), ("ORG", "Tencent", None, 1, 1), ("PERSON", "Elon Musk", None, 3, 3),
    ]
    _, path = export(analysis_db, "mentions", "xlsx", tmp_path)
    rows = [r for r in read_back(path, "xlsx") if r["article_id"] == analysis_db.ids["daily1"]]
    assert [(r["label"], r["canonical"], r["text"], r["source"], r["article_url"]) for r in rows] == [
        ("COUNTRY", "China", "x", "daily", DAILY_URL), ("ORG", "Baidu", "x", "daily", DAILY_URL)
    ]


def test_unknown_format_is_a_named_error(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    with Session(analysis_db.engine) as session, pytest.raises(UnknownFormatError):
        export_table(session, "claims", "ods", tmp_path / "x.ods")


@pytest.mark.parametrize("table", EXPORT_TABLES)
def test_cli_export_every_table(analysis_db: AnalysisDb, tmp_path: Path, table: str) -> None:
    out = tmp_path / f"{table}.xlsx"
    result = CliRunner().invoke(app, ["export", table, "--format", "xlsx", "--output", str(out), "--db", analysis_db.url])
    assert result.exit_code == 0, result.output
    assert f"to {out}" in result.stdout and out.exists()


def test_cli_export_bad_format_fails_cleanly(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "groups", "--format", "ods", "--output", str(tmp_path / "g.ods"), "--db", analysis_db.url])
    assert result.exit_code == 2 and "Traceback" not in result.output and not (tmp_path / "g.ods").exists()
