"""Exporting the claim table to files analysts open elsewhere."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from sqlmodel import Session

from storage.queries import CLAIM_COLUMNS, ClaimFilter, iter_claims

EXPORT_FORMATS = ("csv", "jsonl")

# A text cell starting with one of these is a formula to spreadsheet programs.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class UnknownFormatError(ValueError):
    """The export format is not one of EXPORT_FORMATS."""


def neutralize_formula(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would run as a formula with a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    """Write rows as CSV with a header, neutralizing formulas; returns the row count."""
    writer = csv.writer(out)
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([neutralize_formula(_plain(row[name])) for name in columns])
        count += 1
    return count


def write_jsonl(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    """Write rows as JSON lines with keys in column order; returns the row count."""
    count = 0
    for row in rows:
        out.write(json.dumps({name: _plain(row[name]) for name in columns}, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def export_claims(
    session: Session, fmt: str, path: Path, filters: ClaimFilter | None = None
) -> int:
    """Write the claim table to `path` as `fmt`; returns the number of rows.

    The file is written next to its target and renamed into place, so a
    failed export never leaves a half-written file under the final name.
    RAISES (UnknownFormatError): for a format not in EXPORT_FORMATS.
    """
    writers = {"csv": write_csv, "jsonl": write_jsonl}
    if fmt not in writers:
        raise UnknownFormatError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            count = writers[fmt](iter_claims(session, filters), CLAIM_COLUMNS, out)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count
