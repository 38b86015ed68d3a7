"""`process` workers: shared batches, stops, kills and re-processing, on SQLite and PostgreSQL.

Workers run in forked processes that inherit the loaded pipeline; they tell
the test where they are through multiprocessing events, never by timing.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timezone

import pytest
from spacy.language import Language
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, col, func, select

from nlp import EXTRACTOR_VERSION
from nlp.pipeline import build_pipeline
from newsfacts.processing import ProcessOptions, ProcessResult, process_pending, stop_on_signals
from storage.articles import ArticleSelection, article_counts, claim_articles, content_hash, store_article
from storage.db import WriterBusyError, create_db_and_tables, make_engine, single_worker
from storage.models import Article, ArticleBase, Claim, Mention

FORK = multiprocessing.get_context("fork")
WAIT = 60  # seconds: an upper bound for a worker to reach a point, not a delay


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    create_db_and_tables(engine)
    yield engine
    engine.dispose()


def add_articles(engine: Engine, count: int, published: datetime | None = None, marker: str = "") -> list[int]:
    """`count` short articles, each with one claim: China released i+1 LLMs in 2023."""
    published = published or datetime(2023, 5, 30, tzinfo=timezone.utc)
    with Session(engine) as session:
        start = session.exec(select(func.count()).select_from(Article)).one()
        for i in range(start, start + count):
            text = f"Report {i}. China released {i + 1} large language models in 2023, Elon Musk said in Beijing.{marker}"
            url = f"http://news.example/{i}"
            data = ArticleBase(url=url, canonical_url=url, title=f"R{i}", text=text, content_hash=content_hash(text), published=published)
            store_article(session, data, "news")
        session.commit()
        return [i for i in session.exec(select(Article.id).order_by(col(Article.id))) if i is not None][start:]


def facts_per_article(engine: Engine) -> dict[int, tuple[bool, int, int]]:
    """article id → (processed, mentions, claims)."""
    with Session(engine) as session:
        mentions = dict(session.exec(select(Mention.article_id, func.count()).group_by(Mention.article_id)).all())
        claims = dict(session.exec(select(Claim.article_id, func.count()).group_by(Claim.article_id)).all())
        return {
            a.id: (a.processed_at is not None, mentions.get(a.id, 0), claims.get(a.id, 0))
            for a in session.exec(select(Article)) if a.id is not None
        }


def run_forked(target: Callable[..., None], *args: object) -> multiprocessing.process.BaseProcess:
    child = FORK.Process(target=target, args=args, daemon=True)
    child.start()
    return child


def _worker(db_url: str, nlp: Language, options: ProcessOptions, start: object, results: object) -> None:
    engine = make_engine(db_url)
    start.wait(WAIT)  # type: ignore[attr-defined]
    results.put(process_pending(engine, nlp, options))  # type: ignore[attr-defined]


def test_two_workers_on_postgresql_process_each_article_exactly_once(pg_url: str, nlp: Language) -> None:
    engine = make_engine(pg_url)
    create_db_and_tables(engine)
    ids = add_articles(engine, 200)
    start, results = FORK.Event(), FORK.Queue()
    workers = [run_forked(_worker, pg_url, nlp, ProcessOptions(batch_size=8), start, results) for _ in range(2)]
    start.set()
    first, second = (results.get(timeout=WAIT) for _ in workers)
    for worker in workers:
        worker.join(WAIT)
    assert isinstance(first, ProcessResult) and isinstance(second, ProcessResult)
    assert not set(first.article_ids) & set(second.article_ids)
    assert sorted(first.article_ids + second.article_ids) == ids
    assert first.processed and second.processed  # both took a share
    assert set(facts_per_article(engine).values()) == {(True, 3, 1)}


def test_skip_locked_gives_concurrent_workers_disjoint_batches(pg_url: str) -> None:
    engine = make_engine(pg_url)
    create_db_and_tables(engine)
    ids = add_articles(engine, 6)
    with Session(engine) as first, Session(engine) as second:
        batch_one = [a.id for a in claim_articles(first, 4)]
        batch_two = [a.id for a in claim_articles(second, 4)]
        assert batch_one == ids[:4] and batch_two == ids[4:]
        first.rollback()  # a worker that dies: its rows are free again
        with Session(engine) as third:
            assert [a.id for a in claim_articles(third, 4)] == ids[:4]


def _process_then_hang(db_url: str, nlp: Language, in_hand: object) -> None:
    def progress(done: int, _total: int) -> None:
        in_hand.set()  # type: ignore[attr-defined]
        threading.Event().wait()  # hold the batch until killed

    process_pending(make_engine(db_url), nlp, ProcessOptions(batch_size=10), on_progress=progress)


def test_worker_killed_mid_batch_leaves_its_articles_to_the_next(db_url: str, nlp: Language, engine: Engine) -> None:
    ids = add_articles(engine, 25)
    in_hand = FORK.Event()
    child = run_forked(_process_then_hang, db_url, nlp, in_hand)
    assert in_hand.wait(WAIT), "the worker never wrote an article"
    os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
    child.join(WAIT)
    assert facts_per_article(engine) == dict.fromkeys(ids, (False, 0, 0))  # nothing of the batch committed
    result = process_pending(engine, nlp, ProcessOptions(batch_size=10))
    assert sorted(result.article_ids) == ids
    assert set(facts_per_article(engine).values()) == {(True, 3, 1)}


def _process_until_sigterm(db_url: str, nlp: Language, in_hand: object, go: object, results: object) -> None:
    def progress(done: int, _total: int) -> None:
        if done == 1:
            in_hand.set()  # type: ignore[attr-defined]
            go.wait(WAIT)  # type: ignore[attr-defined]  (SIGTERM arrives while this article is in hand)

    with stop_on_signals(threading.Event()) as stop:
        results.put(process_pending(make_engine(db_url), nlp, ProcessOptions(batch_size=10), on_progress=progress, stop=stop))  # type: ignore[attr-defined]


def test_sigterm_finishes_the_article_in_hand_and_commits(db_url: str, nlp: Language, engine: Engine) -> None:
    ids = add_articles(engine, 25)
    in_hand, go, results = FORK.Event(), FORK.Event(), FORK.Queue()
    child = run_forked(_process_until_sigterm, db_url, nlp, in_hand, go, results)
    assert in_hand.wait(WAIT), "the worker never wrote an article"
    os.kill(child.pid, signal.SIGTERM)  # type: ignore[arg-type]
    go.set()
    result = results.get(timeout=WAIT)
    child.join(WAIT)
    assert child.exitcode == 0
    assert result.stopped and result.article_ids == ids[:1]
    facts = facts_per_article(engine)
    assert facts[ids[0]] == (True, 3, 1)
    assert {facts[i] for i in ids[1:]} == {(False, 0, 0)}  # no half-written article
    with Session(engine) as session:
        assert article_counts(session, EXTRACTOR_VERSION).pending == 24


def test_second_sqlite_worker_is_told_sqlite_allows_one_writer(tmp_path, nlp: Language) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'one-worker.sqlite'}")
    create_db_and_tables(engine)
    add_articles(engine, 3)
    with single_worker(engine):  # a first worker is running
        with pytest.raises(WriterBusyError, match="another `newsfacts process` is working on .*SQLite allows one writer"):
            process_pending(engine, nlp)
    assert process_pending(engine, nlp).processed == 3  # once the first one is done


def test_sqlite_worker_waits_for_another_writer_then_says_why_it_gave_up(tmp_path, nlp: Language) -> None:
    url = f"sqlite:///{tmp_path / 'busy.sqlite'}"
    engine = make_engine(url, sqlite_timeout=0.05)
    create_db_and_tables(engine)
    add_articles(engine, 3)
    holder = sqlite3.connect(make_url(url).database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # e.g. a crawl writing, for longer than the timeout
    try:
        with pytest.raises(WriterBusyError, match="locked too long; SQLite allows one writer"):
            process_pending(engine, nlp)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert process_pending(engine, nlp).processed == 3


def test_reprocess_replaces_facts_from_older_extractor_without_doubling(engine: Engine, nlp: Language) -> None:
    old = add_articles(engine, 4, published=datetime(2022, 3, 1, tzinfo=timezone.utc))
    new = add_articles(engine, 4, published=datetime(2024, 3, 1, tzinfo=timezone.utc))
    assert process_pending(engine, nlp, ProcessOptions(extractor_version="0.0.1")).processed == 8
    before = facts_per_article(engine)
    since = datetime(2024, 1, 1, tzinfo=timezone.utc)
    result = process_pending(engine, nlp, ProcessOptions(reprocess=True, since=since))
    assert sorted(result.article_ids) == new
    assert facts_per_article(engine) == before
    with Session(engine) as session:
        versions = dict(session.exec(select(Article.id, Article.extractor_version)).all())
        assert {versions[i] for i in new} == {EXTRACTOR_VERSION} and {versions[i] for i in old} == {"0.0.1"}
        assert set(session.exec(select(Claim.extractor_version).where(col(Claim.article_id).in_(new)))) == {EXTRACTOR_VERSION}
    assert sorted(process_pending(engine, nlp, ProcessOptions(reprocess=True)).article_ids) == old
    assert process_pending(engine, nlp, ProcessOptions(reprocess=True)).article_ids == []
    assert facts_per_article(engine) == before


@Language.component("newsfacts_test_refuse_marked")
def refuse_marked(doc):  # type: ignore[no-untyped-def]
    if "UNREADABLE" in doc.text:
        raise ValueError("this article cannot be read")
    return doc


def test_failed_article_is_recorded_counted_and_not_retried(engine: Engine, nlp: Language) -> None:
    nlp = build_pipeline()
    nlp.add_pipe("newsfacts_test_refuse_marked", first=True)
    good = add_articles(engine, 3)
    (bad,) = add_articles(engine, 1, marker=" UNREADABLE")
    result = process_pending(engine, nlp, ProcessOptions(batch_size=8))
    assert (result.processed, result.failed) == (3, 1)
    with Session(engine) as session:
        article = session.get(Article, bad)
        assert article is not None and article.failed_at is not None and "cannot be read" in (article.failure or "")
        counts = article_counts(session, EXTRACTOR_VERSION)
        assert (counts.processed, counts.pending, counts.failed, counts.outdated) == (3, 0, 1, 0)
        assert session.exec(select(func.count()).select_from(Article).where(ArticleSelection().where())).one() == 0
    assert process_pending(engine, nlp).article_ids == []
    assert {facts_per_article(engine)[i] for i in good} == {(True, 3, 1)}
