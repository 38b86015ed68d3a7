"""Articles per second of `process` with one and with two workers on PostgreSQL.

Creates a throwaway database on the given server, stores the same synthetic
articles, processes them with one worker, resets them, processes them with
two workers at once (`FOR UPDATE SKIP LOCKED` shares the batches), checks
every article was processed exactly once, and drops the database. Workers
are forked processes that inherit the loaded pipeline, so model loading is
not timed; each uses one BLAS thread, so the workers are the parallelism. The last line is one JSON object:
``{"one_worker_aps": …, "two_workers_aps": …, "ratio": …}``.

Example:
    python bench/process.py --db postgresql+psycopg://newsfacts@127.0.0.1:5432/postgres --articles 400
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, without installing
# One BLAS thread per worker (set before numpy loads): the workers are the
# parallelism; extra threads per worker only fight over the same CPUs.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from spacy.language import Language  # noqa: E402
from sqlalchemy import create_engine, delete, text, update  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlmodel import Session  # noqa: E402

from newsfacts.processing import ProcessOptions, ProcessResult, process_pending  # noqa: E402
from nlp.pipeline import build_pipeline  # noqa: E402
from storage.articles import content_hash, store_article  # noqa: E402
from storage.db import create_db_and_tables, make_engine  # noqa: E402
from storage.models import Article, ArticleBase, Claim, Entity, Mention  # noqa: E402

URL_ENVS = ("NEWSFACTS_BENCH_PG_URL", "NEWSFACTS_TEST_PG_URL")
FORK = multiprocessing.get_context("fork")
COUNTRIES = ("China", "the United States", "Japan", "France", "India", "Germany", "South Korea")
PEOPLE = ("Elon Musk", "Sam Altman", "Jensen Huang", "Satya Nadella")
COMPANIES = ("Tencent", "Baidu", "OpenAI", "Nvidia", "Microsoft", "Alibaba")


class BenchSetupError(Exception):
    """No PostgreSQL server was given, or it cannot be used."""


def article_text(i: int) -> str:
    """A short news article with entities and a few count claims, different for each `i`."""
    country, other = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i + 3) % len(COUNTRIES)]
    person, company = PEOPLE[i % len(PEOPLE)], COMPANIES[i % len(COMPANIES)]
    return (
        f"Bulletin {i}. {country} released {i % 40 + 2} large language models in 2023, according to a new report, "
        f"while {other} released {i % 17 + 1}.\n\n"
        f"{person} visited {company} in Beijing on Tuesday to discuss chips and export controls. "
        f"{company} said it now runs {i % 9 + 3} data centers and employs {1000 + i} engineers.\n\n"
        f"Regulators in {country} approved {i % 12 + 1} generative AI services last year, "
        f"and analysts expect more in 2024."
    )


def store_articles(engine_url: str, count: int) -> None:
    engine = make_engine(engine_url)
    create_db_and_tables(engine)
    published = datetime(2024, 1, 15, tzinfo=timezone.utc)
    with Session(engine) as session:
        for i in range(count):
            body, url = article_text(i), f"https://bench.example/{i}"
            store_article(session, ArticleBase(url=url, canonical_url=url, text=body, content_hash=content_hash(body), published=published), "bench")
        session.commit()
    engine.dispose()


def reset(engine_url: str) -> None:
    """Every article pending again, no facts, no entities."""
    engine = make_engine(engine_url)
    with Session(engine) as session:
        for model in (Mention, Claim, Entity):
            session.execute(delete(model))
        session.execute(update(Article).values(processed_at=None, extractor_version=None, failed_at=None, failure=None))
        session.commit()
    engine.dispose()


def _worker(engine_url: str, nlp: Language, batch_size: int, start: object, results: object) -> None:
    engine = make_engine(engine_url)
    start.wait()  # type: ignore[attr-defined]
    results.put(process_pending(engine, nlp, ProcessOptions(batch_size=batch_size)))  # type: ignore[attr-defined]


def timed_run(engine_url: str, nlp: Language, workers: int, batch_size: int) -> tuple[float, list[ProcessResult]]:
    """Seconds from the start signal until every worker is done, and their results."""
    start, results = FORK.Event(), FORK.Queue()
    children = [FORK.Process(target=_worker, args=(engine_url, nlp, batch_size, start, results)) for _ in range(workers)]
    for child in children:
        child.start()
    began = time.perf_counter()
    start.set()
    done = [results.get() for _ in children]
    elapsed = time.perf_counter() - began
    for child in children:
        child.join()
    return elapsed, done


def _spin(_: int) -> float:
    began = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i * i
    return time.perf_counter() - began


def machine_parallelism() -> float:
    """How much faster two CPU-bound processes get through work than one: the ceiling for the ratio."""
    one = _spin(0)
    with FORK.Pool(2) as pool:
        both = max(pool.map(_spin, [0, 1]))
    return 2 * one / both


def check_exactly_once(results: list[ProcessResult], count: int) -> None:
    ids = [i for r in results for i in r.article_ids]
    if len(ids) != len(set(ids)) or len(ids) != count or any(r.failed for r in results):
        raise AssertionError(f"expected {count} articles processed once each, got {len(ids)} ({len(set(ids))} distinct)")


@contextmanager
def scratch_database(server_url: str) -> Iterator[str]:
    """A new database on the server for this run, dropped afterwards."""
    name = f"newsfacts_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        raise BenchSetupError(f"cannot create a database on {make_url(server_url).render_as_string()}: {exc}") from exc
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help=f"PostgreSQL server URL whose role may CREATE DATABASE (default: ${URL_ENVS[0]} or ${URL_ENVS[1]})")
    parser.add_argument("--articles", type=int, default=400, help="How many articles (default 400).")
    parser.add_argument("--batch-size", type=int, default=16, help="Articles per claimed batch (default 16).")
    args = parser.parse_args(argv)
    server_url = args.db or next((os.environ[e] for e in URL_ENVS if os.environ.get(e)), None)
    if not server_url or make_url(server_url).get_backend_name() != "postgresql":
        print(f"error: give a PostgreSQL server URL with --db or ${URL_ENVS[0]}", file=sys.stderr)
        return 2
    ceiling = machine_parallelism()
    nlp = build_pipeline()
    try:
        with scratch_database(server_url) as url:
            store_articles(url, args.articles)
            one_s, one = timed_run(url, nlp, 1, args.batch_size)
            check_exactly_once(one, args.articles)
            reset(url)
            two_s, two = timed_run(url, nlp, 2, args.batch_size)
            check_exactly_once(two, args.articles)
    except BenchSetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    one_aps, two_aps = args.articles / one_s, args.articles / two_s
    print(f"articles: {args.articles} (batch size {args.batch_size}), {os.cpu_count()} CPUs")
    print(f"one worker:  {one_s:6.2f} s  {one_aps:7.1f} articles/s")
    print(f"two workers: {two_s:6.2f} s  {two_aps:7.1f} articles/s  (split {' + '.join(str(r.processed) for r in two)})")
    print(f"ratio two/one: {two_aps / one_aps:.2f} (this machine runs two CPU-bound processes {ceiling:.2f}x as fast as one)")
    print(json.dumps({"one_worker_aps": round(one_aps, 1), "two_workers_aps": round(two_aps, 1), "ratio": round(two_aps / one_aps, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
