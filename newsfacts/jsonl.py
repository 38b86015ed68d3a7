"""The `extract` contract's JSON lines: reading articles in, writing facts out."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO


class InputLineError(ValueError):
    """One input line cannot be used; the message names its line number."""


@dataclass(frozen=True)
class ArticleInput:
    id: str
    text: str
    title: str | None
    published: str | None
    line: int


def read_articles(lines: Iterable[str]) -> list[ArticleInput]:
    """Parse and check every line before anything is extracted.

    Blank lines are skipped. RAISES (InputLineError): for a line that is not
    a JSON object or whose `text` is missing or not a string.
    """
    articles: list[ArticleInput] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row: Any = json.loads(line)
        except ValueError as exc:
            raise InputLineError(f"line {number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise InputLineError(f"line {number}: expected a JSON object")
        if not isinstance(row.get("text"), str):
            raise InputLineError(f"line {number}: missing 'text' string")
        published = row.get("published")
        title = row.get("title")
        articles.append(
            ArticleInput(
                id=str(row.get("id", number)),
                text=row["text"],
                title=title if isinstance(title, str) else None,
                published=published if isinstance(published, str) else None,
                line=number,
            )
        )
    return articles


def write_line(out: TextIO, record: dict[str, Any]) -> None:
    """One JSON object per line, non-ASCII kept readable."""
    out.write(json.dumps(record, ensure_ascii=False))
    out.write("\n")
