"""The one item the crawler yields: a crawled news article, data only."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class ArticleItem:
    url: str  # the URL that was fetched
    canonical_url: str  # rel=canonical / og:url, normalized
    title: str | None
    text: str  # main text only
    source: str  # name of the source in the sources file
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None  # UTC
    language: str | None = None
