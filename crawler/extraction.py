"""From an HTML page to the article's main text and metadata.

Main text comes from `crawler.maintext` (trafilatura checked against
readability); metadata prefers what the publisher declares (JSON-LD,
OpenGraph, rel=canonical) over what trafilatura's metadata finder guesses.
"""
from __future__ import annotations

import email.utils
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import dateparser
import trafilatura
from parsel import Selector
from w3lib.url import canonicalize_url

from crawler.maintext import extract_main_text

ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "techarticle"}
# Page types that publishers use for listings, searches and profiles.
LISTING_TYPES = {"collectionpage", "searchresultspage", "profilepage", "itemlist", "website", "aboutpage"}
LISTING_OG_TYPES = {"website", "profile"}
# URL paths of pages that are never articles, whatever their text.
NON_ARTICLE_PATH = re.compile(
    r"/(?:tags?|topics?|category|categories|section|author|authors|search|login|signin|sign-in|register|account|subscribe)(?:/|$|\?)",
    re.IGNORECASE,
)
# Without any declaration, a page needs this much text to count as an article.
MIN_UNDECLARED_ARTICLE_CHARS = 600


@dataclass
class ExtractedPage:
    canonical_url: str
    title: str | None
    text: str
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None  # UTC
    language: str | None = None
    is_article: bool = False


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
    """Parse a date string (ISO 8601, RFC 822, or prose) into aware UTC.

    A date without a zone is taken as UTC; None when it is not a date.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)  # RSS pubDate
        except (TypeError, ValueError, IndexError):
            parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def _visible_date(sel: Selector) -> datetime | None:
    # Last resort: date text a reader sees, e.g. <time>May 30, 2023</time>.
    candidates = sel.xpath("//time//text() | //*[contains(@class, 'date')]/text()").getall()
    for text in candidates[:5]:
        if 6 <= len(text.strip()) <= 60:
            parsed = to_utc(text)
            if parsed is not None:
                return parsed
    return None


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


def _is_article(url: str, ld_objects: list[dict[str, Any]], og_type: str, text: str) -> bool:
    if any(_types(o) & ARTICLE_TYPES for o in ld_objects) or og_type == "article":
        return True
    if NON_ARTICLE_PATH.search(urlsplit(url).path):
        return False
    if og_type in LISTING_OG_TYPES or any(_types(o) & LISTING_TYPES for o in ld_objects):
        return False
    return len(text) >= MIN_UNDECLARED_ARTICLE_CHARS


def extract_page(html: str, url: str) -> ExtractedPage | None:
    """Main text and metadata of a page; None when no main text is found."""
    text = storable_text(extract_main_text(html, url))
    if not text:
        return None
    document = trafilatura.extract_metadata(html, default_url=url)
    sel = Selector(text=html)
    ld_objects = _json_ld_objects(sel)
    article_ld = next((o for o in ld_objects if _types(o) & ARTICLE_TYPES), None)
    og_type = (sel.xpath('//meta[@property="og:type"]/@content').get() or "").strip().lower()
    canonical = (
        sel.xpath('//link[@rel="canonical"]/@href').get()
        or sel.xpath('//meta[@property="og:url"]/@content').get()
        or url
    )
    ld_date = (article_ld or {}).get("datePublished")
    published = (
        to_utc(ld_date if isinstance(ld_date, str) else None)
        or to_utc(sel.xpath('//meta[@property="article:published_time"]/@content').get())
        or to_utc(document.date)
        or _visible_date(sel)
    )
    title = (article_ld or {}).get("headline") or document.title
    language = sel.xpath("/html/@lang").get() or document.language
    return ExtractedPage(
        canonical_url=canonicalize_url(urljoin(url, canonical.strip())),
        title=title.strip() if isinstance(title, str) else None,
        text=text,
        authors=_authors(article_ld, document.author),
        published=published,
        language=language.split("-")[0].lower() if language else None,
        is_article=_is_article(url, ld_objects, og_type, text),
    )


def storable_text(text: str) -> str:
    """Text every database accepts: no NUL (PostgreSQL refuses it), no lone surrogates."""
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def decode_html(body: bytes, declared_encoding: str | None, fallback_text: str) -> str:
    """The page's text, trusting valid UTF-8 over a wrong declared charset.

    Servers often declare latin-1 for UTF-8 pages; decoding those as
    declared garbles every non-ASCII character.
    """
    if declared_encoding and declared_encoding.lower().replace("-", "") not in ("utf8",):
        try:
            decoded = body.decode("utf-8")
        except UnicodeDecodeError:
            return fallback_text
        if not decoded.isascii():
            return decoded
    return fallback_text
