"""Printing result rows: a readable table, CSV or JSON."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from storage.exports import neutralize_formula


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, datetime):
        if value.tzinfo is not None:  # stored times are UTC: show them without the zone
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ", timespec="minutes")
    return str(value)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def print_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: OutputFormat,
    title: str | None = None,
    console: Console | None = None,
) -> None:
    """Print `rows` (dicts) with `columns` in the requested format."""
    if fmt is OutputFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralize_formula(_cell(row[c])) for c in columns])
        return
    if fmt is OutputFormat.json:
        json.dump([{c: _json_value(row[c]) for c in columns} for row in rows], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    # A terminal: its own width. A pipe or file: wide enough not to fold rows.
    console = console or Console(width=None if sys.stdout.isatty() else 200)
    if not rows:
        console.print(f"No {title or 'rows'} match.", markup=False)
        return
    table = Table(title=Text(title) if title else None, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        # Text, not markup: stored titles and sentences may hold "[...]".
        table.add_row(*(Text(_cell(row[c])) for c in columns))
    console.print(table)
