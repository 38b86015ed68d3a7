"""From an HTML page to the article's main text and metadata.

Main text comes from trafilatura; metadata prefers what the publisher
declares (JSON-LD, OpenGraph, rel=canonical) over what is guessed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin

import dateparser
import trafilatura
from parsel import Selector
from w3lib.url import canonicalize_url

ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle"}


@dataclass
class ExtractedPage:
    canonical_url: str
    title: str | None
    text: str
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None  # UTC
    language: str | None = None
    declares_article: bool = False  # og:type=article or a JSON-LD article


def _json_ld_objects(sel: Selector) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for raw in sel.xpath('//script[@type="application/ld+json"]/text()').getall():
        try:
            data = json.loads(raw)
        except ValueError:
            continue  # publishers ship broken JSON-LD; other sources remain
        stack = data if isinstance(data, list) else [data]
        while stack:
            obj = stack.pop()
            if isinstance(obj, dict):
                objects.append(obj)
                stack.extend(v for v in obj.get("@graph", []) if isinstance(v, dict))
            elif isinstance(obj, list):
                stack.extend(obj)
    return objects


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def to_utc(value: str | None) -> datetime | None:
    """Parse a date string into an aware UTC datetime; None when it is not a date.

    A date without a zone is taken as UTC.
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False})
        if parsed is None:
            return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def _authors(article_ld: dict[str, Any] | None, fallback: str | None) -> list[str]:
    names: list[str] = []
    raw = (article_ld or {}).get("author", [])
    for author in raw if isinstance(raw, list) else [raw]:
        name = author.get("name") if isinstance(author, dict) else author
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    if not names and fallback:
        names = [part.strip() for part in fallback.split(";") if part.strip()]
    return names


def extract_page(html: str, url: str) -> ExtractedPage | None:
    """Main text and metadata of a page; None when no main text is found."""
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    if document is None or not (document.text or "").strip():
        return None
    sel = Selector(text=html)
    ld_objects = _json_ld_objects(sel)
    article_ld = next((o for o in ld_objects if _types(o) & ARTICLE_TYPES), None)
    og_type = (sel.xpath('//meta[@property="og:type"]/@content').get() or "").strip().lower()
    canonical = (
        sel.xpath('//link[@rel="canonical"]/@href').get()
        or sel.xpath('//meta[@property="og:url"]/@content').get()
        or url
    )
    published = (
        to_utc((article_ld or {}).get("datePublished"))
        or to_utc(sel.xpath('//meta[@property="article:published_time"]/@content').get())
        or to_utc(document.date)
    )
    title = (article_ld or {}).get("headline") or document.title
    language = sel.xpath("/html/@lang").get() or document.language
    return ExtractedPage(
        canonical_url=canonicalize_url(urljoin(url, canonical.strip())),
        title=title.strip() if isinstance(title, str) else None,
        text=document.text.strip(),
        authors=_authors(article_ld, document.author),
        published=published,
        language=language.split("-")[0].lower() if language else None,
        declares_article=article_ld is not None or og_type == "article",
    )
