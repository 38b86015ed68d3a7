"""Exporting facts to files analysts open elsewhere: CSV, JSON lines, Parquet, XLSX.

Each table has one documented, stable column order (`EXPORT_COLUMNS`), the
same in every format. CSV and XLSX are opened in spreadsheets, so a text
cell that would run as a formula is neutralized: CSV prefixes it with a
quote; XLSX stores it as a text cell (the value itself is unchanged).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Select
from sqlmodel import Session

from storage.corroboration import GROUP_COLUMNS, query_groups
from storage.filters import ClaimFilter
from storage.queries import (
    ARTICLE_COLUMNS,
    CLAIM_COLUMNS,
    ENTITY_TABLE_COLUMNS,
    MENTION_COLUMNS,
    articles_query,
    entity_table_select,
    iter_claim_tuples,
    mentions_select,
)

EXPORT_FORMATS = ("csv", "jsonl", "parquet", "xlsx")
EXPORT_TABLES = ("claims", "groups", "entities", "mentions", "articles")

EXPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "claims": CLAIM_COLUMNS,
    "groups": GROUP_COLUMNS,
    "entities": ENTITY_TABLE_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "articles": ARTICLE_COLUMNS,
}

# Column types for Parquet, by column name (names mean the same in every table).
_INTEGER = {
    "claim_id", "count", "year_start", "year_end", "article_id", "syndicated_from_id", "start_char", "end_char",
    "independent_sources", "claims", "articles", "entity_id", "mention_id", "mentions",
}
_TIMESTAMP = {"published", "first_published", "fetched_at", "processed_at"}
_BOOLEAN = {"conflict"}
_LIST = {"authors"}

# A text cell starting with one of these is a formula to spreadsheet programs.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(_FORMULA_PREFIXES)
XLSX_MAX_ROWS = 1_048_576  # one sheet, header included
_BATCH = 50_000

Rows = Iterable[tuple[Any, ...]]


class UnknownFormatError(ValueError):
    """The export format is not one of EXPORT_FORMATS."""


class UnknownTableError(ValueError):
    """The exported table is not one of EXPORT_TABLES."""


class TooManyRowsError(ValueError):
    """The rows do not fit the format (an XLSX sheet holds 1,048,575 rows)."""


def neutralize_formula(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would run as a formula with a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def _kinds(columns: tuple[str, ...]) -> tuple[list[int], list[int], list[int]]:
    """Positions of the text, timestamp and list columns (integers and booleans need nothing)."""
    text = [i for i, name in enumerate(columns) if name not in _INTEGER | _TIMESTAMP | _BOOLEAN | _LIST]
    times = [i for i, name in enumerate(columns) if name in _TIMESTAMP]
    lists = [i for i, name in enumerate(columns) if name in _LIST]
    return text, times, lists


def write_csv(rows: Rows, columns: tuple[str, ...], out: TextIO) -> int:
    """Write tuple rows as CSV with a header, neutralizing formulas; returns the row count."""
    writer = csv.writer(out)
    writer.writerow(columns)
    text, times, lists = _kinds(columns)
    count = 0
    # Per-column work decided once: this loop runs for every row of a million-row export.
    for row in rows:
        cells = list(row)
        for i in times:
            if cells[i] is not None:
                cells[i] = cells[i].isoformat()
        for i in lists:
            cells[i] = json.dumps(cells[i], ensure_ascii=False)
        for i in text:
            value = cells[i]
            if value.__class__ is str and value[:1] in _FORMULA_FIRST:
                cells[i] = "'" + value
        writer.writerow(cells)
        count += 1
    return count


def write_jsonl(rows: Rows, columns: tuple[str, ...], out: TextIO) -> int:
    """Write tuple rows as JSON lines with keys in column order; returns the row count."""
    count = 0
    for row in rows:
        record = {name: (value.isoformat() if isinstance(value, datetime) else value) for name, value in zip(columns, row, strict=True)}
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def _arrow_schema(columns: tuple[str, ...]) -> Any:
    import pyarrow as pa

    def kind(name: str) -> Any:
        if name in _INTEGER:
            return pa.int64()
        if name in _TIMESTAMP:
            return pa.timestamp("us", tz="UTC")
        if name in _BOOLEAN:
            return pa.bool_()
        if name in _LIST:
            return pa.list_(pa.string())
        return pa.string()

    return pa.schema([(name, kind(name)) for name in columns])


def _utc(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def _batches(rows: Rows, size: int = _BATCH) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(rows: Rows, columns: tuple[str, ...], path: Path) -> int:
    """Write tuple rows to a Parquet file (typed columns, UTC timestamps); returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(columns)
    timestamps = [i for i, name in enumerate(columns) if name in _TIMESTAMP]
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(rows):
            arrays = [list(values) for values in zip(*batch, strict=True)]
            for i in timestamps:
                arrays[i] = [_utc(value) for value in arrays[i]]
            writer.write_table(pa.Table.from_arrays([pa.array(a, type=f.type) for a, f in zip(arrays, schema, strict=True)], schema=schema))
            count += len(batch)
    return count


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, datetime):
        # Excel has no time zones: stored times are UTC, written without a zone.
        return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_xlsx(rows: Rows, columns: tuple[str, ...], path: Path, sheet: str = "data") -> int:
    """Write tuple rows to one XLSX sheet, formula-like text as text cells; returns the row count.

    RAISES (TooManyRowsError): when the rows do not fit one sheet.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    worksheet.append(list(columns))
    count = 0
    for row in rows:
        count += 1
        if count >= XLSX_MAX_ROWS:
            raise TooManyRowsError(f"more than {XLSX_MAX_ROWS - 1} rows do not fit an XLSX sheet; use csv, jsonl or parquet")
        cells: list[Any] = []
        for value in map(_xlsx_cell, row):
            if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
                cell = WriteOnlyCell(worksheet, value=value)
                cell.data_type = "s"  # a text cell, never a formula
                cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
                cells.append(cell)
            else:
                cells.append(value)
        worksheet.append(cells)
    workbook.save(path)
    return count


_TEXT_WRITERS: dict[str, Callable[[Rows, tuple[str, ...], TextIO], int]] = {"csv": write_csv, "jsonl": write_jsonl}
_FILE_WRITERS: dict[str, Callable[[Rows, tuple[str, ...], Path], int]] = {"parquet": write_parquet, "xlsx": write_xlsx}


def write_rows(rows: Rows, columns: tuple[str, ...], fmt: str, path: Path) -> int:
    """Write tuple rows to `path` as `fmt`; returns the number of rows.

    The file is written next to its target and renamed into place, so a
    failed export never leaves a half-written file under the final name.
    RAISES (UnknownFormatError): for a format not in EXPORT_FORMATS.
    """
    if fmt not in EXPORT_FORMATS:
        raise UnknownFormatError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    partial = path.with_name(path.name + ".partial")
    try:
        if fmt in _TEXT_WRITERS:
            with partial.open("w", encoding="utf-8", newline="") as out:
                count = _TEXT_WRITERS[fmt](rows, columns, out)
        else:
            count = _FILE_WRITERS[fmt](rows, columns, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def _stream(session: Session, query: Select[Any]) -> Iterator[tuple[Any, ...]]:
    yield from session.connection().execute(query.execution_options(yield_per=10_000))


def table_rows(session: Session, table: str, filters: ClaimFilter | None = None) -> Iterator[tuple[Any, ...]]:
    """Rows of an export table in EXPORT_COLUMNS[table] order.

    `filters` applies to claims, groups and articles (articles with a
    matching claim); entities and mentions are exported whole.
    RAISES (UnknownTableError): for a table not in EXPORT_TABLES.
    """
    filters = filters or ClaimFilter()
    if table == "claims":
        return iter_claim_tuples(session, filters)
    if table == "groups":
        return (tuple(group[name] for name in GROUP_COLUMNS) for group in query_groups(session, filters))
    if table == "entities":
        return _stream(session, entity_table_select())
    if table == "mentions":
        return _stream(session, mentions_select())
    if table == "articles":
        return _stream(session, articles_query(session, filters))
    raise UnknownTableError(f"unknown table {table!r}; use one of {', '.join(EXPORT_TABLES)}")


def export_table(session: Session, table: str, fmt: str, path: Path, filters: ClaimFilter | None = None) -> int:
    """Write one export table to `path` as `fmt`; returns the number of rows.

    RAISES (UnknownTableError, UnknownFormatError, TooManyRowsError).
    """
    if fmt not in EXPORT_FORMATS:
        raise UnknownFormatError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    return write_rows(table_rows(session, table, filters), EXPORT_COLUMNS[table], fmt, path)


def export_claims(session: Session, fmt: str, path: Path, filters: ClaimFilter | None = None) -> int:
    """Write the claim table to `path` as `fmt`; returns the number of rows.

    RAISES (UnknownFormatError): for a format not in EXPORT_FORMATS.
    """
    return export_table(session, "claims", fmt, path, filters)
