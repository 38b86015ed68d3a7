"""Source definitions read from a TOML sources file.

    [[source]]
    name = "example"
    feeds = ["https://example.com/feed.xml"]      # RSS or Atom
    sitemaps = ["https://example.com/sitemap.xml"]
    start_urls = ["https://example.com/tech/"]    # followed by link patterns
    allow = ['/\\d{4}/\\d{2}/']                     # regexes article URLs match
    allowed_domains = ["example.com"]
    max_depth = 2
    max_age_days = 7          # skip feed/sitemap entries older than this (0: no limit)
    download_delay = 2.0      # seconds between requests to this source's hosts
    concurrency = 1           # parallel requests per host
    allow_private = false     # allow hosts on private/loopback addresses

A `sitemaps` entry ending in /robots.txt is read for its `Sitemap:` lines.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

DEFAULT_SOURCES_FILE = Path(__file__).with_name("sources.toml")


class SourcesError(ValueError):
    """The sources file is missing, unreadable or malformed."""


@dataclass(frozen=True)
class SourceConfig:
    name: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    max_depth: int = 2
    max_age_days: int = 7
    allow_private: bool = False
    download_delay: float | None = None
    concurrency: int | None = None
    schedule: str | None = None  # cron expression for `newsfacts schedule`

    def matches_article(self, url: str) -> bool:
        """Whether `url` looks like one of this source's article URLs."""
        return any(re.search(pattern, url) for pattern in self.allow)

    def owns(self, url: str) -> bool:
        """Whether `url` is on one of this source's domains (subdomains included)."""
        host = (urlparse(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains())

    def domains(self) -> tuple[str, ...]:
        """Allowed domains, or the hosts of its entry URLs when none are given."""
        if self.allowed_domains:
            return self.allowed_domains
        hosts = {urlparse(u).hostname for u in (*self.feeds, *self.sitemaps, *self.start_urls)}
        return tuple(sorted(h for h in hosts if h))


_LIST_KEYS = ("feeds", "sitemaps", "start_urls", "allow", "allowed_domains")
_KNOWN_KEYS = {f.name for f in fields(SourceConfig)}


def _parse_source(index: int, raw: Any) -> SourceConfig:
    where = f"source #{index}"
    if not isinstance(raw, dict):
        raise SourcesError(f"{where}: expected a table, got {type(raw).__name__}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SourcesError(f"{where}: missing a 'name' string")
    where = f"source {name!r}"
    values: dict[str, Any] = {"name": name.strip()}
    for key in _LIST_KEYS:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SourcesError(f"{where}: '{key}' must be a list of strings")
        values[key] = tuple(value)
    for url in (*values["feeds"], *values["sitemaps"], *values["start_urls"]):
        if urlparse(url).scheme not in ("http", "https"):
            raise SourcesError(f"{where}: not an http(s) URL: {url!r}")
    if not (values["feeds"] or values["sitemaps"] or values["start_urls"]):
        raise SourcesError(f"{where}: needs at least one of feeds, sitemaps, start_urls")
    for pattern in values["allow"]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SourcesError(f"{where}: bad 'allow' pattern {pattern!r}: {exc}") from exc
    for key, default in (("max_depth", 2), ("max_age_days", 7)):
        number = raw.get(key, default)
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise SourcesError(f"{where}: '{key}' must be a non-negative integer")
        values[key] = number
    concurrency = raw.get("concurrency")
    if concurrency is not None and (not isinstance(concurrency, int) or isinstance(concurrency, bool) or concurrency < 1):
        raise SourcesError(f"{where}: 'concurrency' must be a positive integer")
    values["concurrency"] = concurrency
    allow_private = raw.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise SourcesError(f"{where}: 'allow_private' must be true or false")
    values["allow_private"] = allow_private
    delay = raw.get("download_delay")
    if delay is not None and (not isinstance(delay, int | float) or isinstance(delay, bool) or delay < 0):
        raise SourcesError(f"{where}: 'download_delay' must be a non-negative number")
    values["download_delay"] = delay
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        # A typo ("max_age_day") would otherwise silently keep the default.
        raise SourcesError(f"{where}: unknown key {', '.join(map(repr, unknown))}; known keys: {', '.join(sorted(_KNOWN_KEYS))}")
    schedule = raw.get("schedule")
    if schedule is not None and (not isinstance(schedule, str) or len(schedule.split()) not in (5, 6)):
        raise SourcesError(f"{where}: 'schedule' must be a cron expression of 5 fields (or 6, seconds first)")
    values["schedule"] = schedule
    return SourceConfig(**values)


def load_sources(path: Path | None = None, names: list[str] | None = None) -> list[SourceConfig]:
    """Read the sources file and keep the sources named in `names` (all if empty).

    RAISES (SourcesError): for a missing, unreadable or malformed file, or an
    unknown source name.
    """
    path = path or DEFAULT_SOURCES_FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SourcesError(f"sources file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"cannot read sources file {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{path}: not valid TOML: {exc}") from exc
    entries = raw.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{path}: no [[source]] entries")
    sources = [_parse_source(i, entry) for i, entry in enumerate(entries, 1)]
    seen: set[str] = set()
    for source in sources:
        if source.name in seen:
            raise SourcesError(f"{path}: source name {source.name!r} appears twice")
        seen.add(source.name)
    if names:
        unknown = [n for n in names if n not in seen]
        if unknown:
            raise SourcesError(
                f"unknown source {', '.join(map(repr, unknown))}; known: {', '.join(sorted(seen))}"
            )
        sources = [s for s in sources if s.name in names]
    return sources
