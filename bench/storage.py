"""Storage benchmark: load, query and export a million synthetic claims in SQLite.

    python bench/storage.py [--claims 1000000] [--articles 100000] [--runs 20]

Prints the load rate of the SQLAlchemy bulk insert the storage layer uses
(Core `insert(Claim)` with a list of rows through a Session) as a ratio to a
plain sqlite3 `executemany` of the same rows into an identical empty schema,
the per-article `replace_article_facts` rate on a sample, the median and p95
of typical analyst queries, and the CSV export rate. The last line is one
JSON object: {"load_ratio", "query_p95_ms": {name: ms}, "export_rows_per_s"}.
Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

# Run as a script, this file's folder comes first on sys.path, and this file's
# name would hide the `storage` package: put the repository root there instead.
ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402
from sqlmodel import Session  # noqa: E402

from storage.corroboration import query_conflicts, query_groups  # noqa: E402
from storage.db import create_db_and_tables, make_engine  # noqa: E402
from storage.exports import export_table  # noqa: E402
from storage.facts import replace_article_facts  # noqa: E402
from storage.filters import ClaimFilter  # noqa: E402
from storage.models import Article, Claim, Entity, Mention, Source  # noqa: E402
from storage.queries import query_articles, query_claims, query_entities  # noqa: E402
from storage.views import create_views  # noqa: E402

COUNTRIES = ["CN", "US", "JP", "KR", "IN", "GB", "FR", "DE", "CA", "IL", "SG", "AE", "SA", "BR", "AU",
             "NL", "SE", "CH", "IT", "ES", "TW", "RU", "PL", "FI", "NO"]
ORGS = [f"Org {i:03d}" for i in range(200)]
PEOPLE = ["Elon Musk", "Sam Altman", "Jensen Huang"] + [f"Person {i:03d}" for i in range(97)]
ITEMS = ["large language model", "large language model", "AI model", "data center", "chip design", "AI startup"]
QUALIFIERS = ["exact"] * 7 + ["more_than", "about", "at_least"]
CLAIM_FIELDS = ("article_id", "subject_entity_id", "subject", "subject_code", "count", "qualifier", "item",
                "year_start", "year_end", "sentence", "start_char", "end_char", "extractor_version")
START = datetime(2019, 1, 1, tzinfo=timezone.utc)


@dataclass
class Synthetic:
    sources: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    claims: list[tuple[Any, ...]]


def synthesize(n_articles: int, n_claims: int, seed: int = 7) -> Synthetic:
    """Deterministic sources, entities, articles (10% syndicated copies), mentions and claims."""
    rng = random.Random(seed)
    sources = [{"id": i + 1, "name": f"site-{i:02d}", "created_at": START} for i in range(50)]
    entities: list[dict[str, Any]] = []
    for label, names in (("COUNTRY", COUNTRIES), ("ORG", ORGS), ("PERSON", PEOPLE)):
        for name in names:
            entities.append({"id": len(entities) + 1, "label": label, "canonical": name if label != "COUNTRY" else f"Country {name}",
                             "code": name if label == "COUNTRY" else None})
    countries, orgs, people = entities[:25], entities[25:225], entities[225:]
    articles, mentions = [], []
    span = (datetime(2024, 12, 31, tzinfo=timezone.utc) - START).total_seconds()
    for i in range(1, n_articles + 1):
        published = START + timedelta(seconds=span * i / n_articles)
        copy_of = rng.randrange(1, i) if i > 10 and rng.random() < 0.1 else None
        articles.append({"id": i, "url": f"https://site-{i % 50:02d}.example/a/{i}", "canonical_url": f"https://site-{i % 50:02d}.example/a/{i}",
                         "title": f"Article {i}", "authors": [], "published": published, "language": "en", "text": f"text {i}",
                         "content_hash": f"{i:064x}", "source_id": i % 50 + 1, "syndicated_from_id": copy_of, "fetched_at": published,
                         "processed_at": published, "extractor_version": "bench"})
        picked = [rng.choice(countries), rng.choice(orgs)] + ([people[0]] if rng.random() < 0.03 else [rng.choice(people)])
        for j, entity in enumerate(picked):
            mentions.append({"entity_id": entity["id"], "article_id": i, "text": entity["canonical"], "start_char": j * 20, "end_char": j * 20 + 10})
    truth: dict[tuple[int, str, int], int] = {}
    subjects = countries + orgs[:25]
    claims = []
    for k in range(n_claims):
        article_id = k * n_articles // n_claims + 1
        subject = rng.choice(subjects)
        item = rng.choice(ITEMS)
        year = rng.randrange(2015, 2025)
        roll = rng.random()
        start, end = (year, year) if roll < 0.85 else ((year - 3, year) if roll < 0.95 else (None, year))
        count = truth.setdefault((subject["id"], item, year), rng.randrange(2, 80))
        if rng.random() < 0.15:
            count += rng.choice([-3, -1, 1, 2, 5])
        claims.append((article_id, subject["id"], subject["canonical"], subject["code"], count, rng.choice(QUALIFIERS), item,
                       start, end, f"{subject['canonical']} released {count} {item}s in {year}.", (k % 10) * 80, (k % 10) * 80 + 60, "bench"))
    return Synthetic(sources, entities, articles, mentions, claims)


def _chunks(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def prepare(url: str, data: Synthetic, batch: int = 10_000) -> None:
    """Schema, views and every table but claims, through the storage layer."""
    engine = make_engine(url)
    create_db_and_tables(engine)
    create_views(engine)
    with Session(engine) as session:
        for model, rows in ((Source, data.sources), (Entity, data.entities), (Article, data.articles), (Mention, data.mentions)):
            for chunk in _chunks(rows, batch):
                session.execute(insert(model), chunk)
        session.commit()
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


def load_with_storage(url: str, data: Synthetic, batch: int = 10_000) -> float:
    """Claims through SQLAlchemy Core (an executemany of row dicts on the session's connection); returns seconds.

    `insert(Claim.__table__)` rather than `insert(Claim)`: the table, not the
    ORM entity, so SQLAlchemy skips its ORM bulk-insert layer.
    """
    engine = make_engine(url)
    statement = insert(Claim.__table__)  # type: ignore[attr-defined]
    with Session(engine) as session:
        began = time.perf_counter()
        for chunk in _chunks(data.claims, batch):
            session.connection().execute(statement, [dict(zip(CLAIM_FIELDS, row, strict=True)) for row in chunk])
            session.commit()
        seconds = time.perf_counter() - began
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return seconds


def load_plain(path: Path, data: Synthetic, batch: int = 10_000) -> float:
    """The same claim rows with sqlite3 executemany, same pragmas, same tables; returns seconds."""
    conn = sqlite3.connect(path)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    sql = f"INSERT INTO claims ({', '.join(CLAIM_FIELDS)}) VALUES ({', '.join('?' * len(CLAIM_FIELDS))})"
    began = time.perf_counter()
    for chunk in _chunks(data.claims, batch):
        conn.executemany(sql, chunk)
        conn.commit()
    seconds = time.perf_counter() - began
    conn.close()
    return seconds


@dataclass(frozen=True)
class _Mention:
    label: str
    text: str
    canonical: str
    start: int
    end: int
    code: str | None


@dataclass(frozen=True)
class _Claim:
    subject: str
    subject_label: str
    subject_code: str | None
    count: int
    qualifier: str
    item: str
    year_start: int | None
    year_end: int | None
    sentence: str
    start: int
    end: int


def per_article_rate(url: str, data: Synthetic, n_articles: int = 1000) -> float:
    """Claims/s of `replace_article_facts` (one transaction per article, as `process` writes)."""
    engine = make_engine(url)
    create_db_and_tables(engine)
    by_article: dict[int, list[tuple[Any, ...]]] = {}
    for row in data.claims:
        if row[0] > n_articles:
            break
        by_article.setdefault(row[0], []).append(row)
    with Session(engine) as session:
        session.execute(insert(Source), data.sources)
        session.execute(insert(Article), [{**a, "syndicated_from_id": None} for a in data.articles[:n_articles]])
        session.commit()
        began = time.perf_counter()
        for article_id, rows in by_article.items():
            claims = [_Claim(r[2], "COUNTRY", r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]) for r in rows]
            mentions = [_Mention("COUNTRY", r[2], r[2], r[10], r[10] + 5, r[3]) for r in rows[:3]]
            replace_article_facts(session, article_id, mentions, claims, "bench")
            session.commit()
        seconds = time.perf_counter() - began
    engine.dispose()
    return sum(len(rows) for rows in by_article.values()) / seconds


def typical_queries() -> dict[str, Callable[[Session], Any]]:
    """Five-plus questions an analyst asks again and again."""
    return {
        "claims_subject_item_year": lambda s: query_claims(s, ClaimFilter(subject="CN", item="LLM", year=2023)),
        "claims_source_month": lambda s: query_claims(s, ClaimFilter(source="site-07", published_from=date(2023, 3, 1), published_to=date(2023, 3, 31))),
        "claims_min_sources": lambda s: query_claims(s, ClaimFilter(subject="US", item="LLM", year=2022, min_sources=3)),
        "groups_subject_item_years": lambda s: query_groups(s, ClaimFilter(subject="CN", item="LLM", year=2021, year_to=2023)),
        "groups_subject_item_all_years": lambda s: query_groups(s, ClaimFilter(subject="CN", item="LLM")),
        "conflicts_subject_item": lambda s: query_conflicts(s, ClaimFilter(subject="JP", item="LLM")),
        "entities_top_org_quarter": lambda s: query_entities(s, "ORG", 20, since=date(2024, 1, 1), until=date(2024, 3, 31)),
        "entities_with_person": lambda s: query_entities(s, None, 20, with_entity="Elon Musk"),
        "articles_entity_item": lambda s: query_articles(s, ClaimFilter(item="LLM", year=2024), entity="Elon Musk", limit=100),
    }


def time_queries(url: str, runs: int) -> dict[str, tuple[float, float, int]]:
    """Per query: (median ms, p95 ms, rows) over `runs` runs, each in a fresh Session."""
    engine = make_engine(url)
    results = {}
    for name, run in typical_queries().items():
        times, rows = [], 0
        for _ in range(runs):
            began = time.perf_counter()
            with Session(engine) as session:
                rows = len(run(session))
            times.append((time.perf_counter() - began) * 1000)
        times.sort()
        results[name] = (statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], rows)
    engine.dispose()
    return results


def export_rate(url: str, folder: Path) -> tuple[int, float]:
    engine = make_engine(url)
    with Session(engine) as session:
        began = time.perf_counter()
        count = export_table(session, "claims", "csv", folder / "claims.csv")
        seconds = time.perf_counter() - began
    engine.dispose()
    return count, count / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20, help="runs per query")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        began = time.perf_counter()
        data = synthesize(args.articles, args.claims)
        print(f"synthesized {len(data.claims):,} claims, {len(data.articles):,} articles, {len(data.mentions):,} mentions in {time.perf_counter() - began:.1f} s")
        url = f"sqlite:///{folder / 'bench.sqlite'}"
        prepare(url, data)
        shutil.copy(folder / "bench.sqlite", folder / "plain.sqlite")  # the same tables, rows and indexes
        plain_s = load_plain(folder / "plain.sqlite", data)
        storage_s = load_with_storage(url, data)
        n = len(data.claims)
        ratio = plain_s / storage_s
        print(f"load: storage {n / storage_s:,.0f} rows/s, plain executemany {n / plain_s:,.0f} rows/s, ratio {ratio:.2f}")
        per_article = per_article_rate(f"sqlite:///{folder / 'per_article.sqlite'}", data)
        print(f"replace_article_facts (one transaction per article): {per_article:,.0f} claims/s")
        timings = time_queries(url, args.runs)
        for name, (median, p95, rows) in timings.items():
            print(f"query {name:<28} median {median:7.1f} ms  p95 {p95:7.1f} ms  ({rows} rows)")
        count, rate = export_rate(url, folder)
        print(f"export: {count:,} claims to CSV at {rate:,.0f} rows/s")
        print(json.dumps({"load_ratio": round(ratio, 3), "query_p95_ms": {k: round(v[1], 1) for k, v in timings.items()},
                          "export_rows_per_s": round(rate)}))


if __name__ == "__main__":
    main()
