"""The process stage: NLP over unprocessed articles, facts stored per article.

This module and the CLI are the only places that wire `nlp` to `storage`.

A worker repeatedly claims a batch of articles (`storage.articles.claim_articles`:
`FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite, one worker at a time),
runs the batch through `nlp.pipe`, and writes each article's facts in a
savepoint of the batch transaction, so every article is stored whole or not at all. The
batch commits at its end, or as soon as a stop is asked for (SIGTERM,
Ctrl-C) after the article in hand; a worker that is killed rolls its batch
back and the articles are taken again by the next worker.
"""
from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from types import FrameType
from typing import Any

from spacy.language import Language
from sqlalchemy.engine import Engine
from sqlmodel import Session

from nlp import EXTRACTOR_VERSION
from nlp.extract import extract_many
from nlp.records import ArticleFacts
from storage.articles import ArticleSelection, begin_exclusive, claim_articles, count_selected, current_hashes, mark_failed
from storage.db import single_worker
from storage.facts import replace_article_facts
from storage.models import Article

log = logging.getLogger(__name__)


@dataclass
class ProcessResult:
    processed: int = 0
    failed: int = 0
    mentions: int = 0
    claims: int = 0
    warnings: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)  # processed or failed, in order
    stopped: bool = False  # a stop was asked for before the work ran out


@dataclass(frozen=True)
class ProcessOptions:
    """What a worker takes and how.

    batch_size: articles per claimed batch and per `nlp.pipe` batch.
    reprocess: take articles handled by another extractor version instead of
    pending ones. since: only articles published (else fetched) from then on.
    """

    batch_size: int = 32
    reprocess: bool = False
    since: datetime | None = None
    extractor_version: str = EXTRACTOR_VERSION

    def selection(self) -> ArticleSelection:
        return ArticleSelection(reprocess_version=self.extractor_version if self.reprocess else None, since=self.since)


def extract_each(nlp: Language, inputs: Sequence[tuple[str, Any]], batch_size: int) -> list[ArticleFacts | Exception]:
    """Facts per input; if the batch fails, each article alone, so one bad text fails alone."""
    try:
        return list(extract_many(nlp, inputs, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - find the article that breaks the batch
        log.debug("batch extraction failed; extracting one article at a time", exc_info=True)
    results: list[ArticleFacts | Exception] = []
    for item in inputs:
        try:
            results.extend(extract_many(nlp, [item], batch_size=1))
        except Exception as exc:  # noqa: BLE001 - recorded on the article
            results.append(exc)
    return results


def _store(session: Session, article: Article, facts: ArticleFacts | Exception, version: str, result: ProcessResult) -> None:
    assert article.id is not None
    url = article.canonical_url
    if isinstance(facts, ArticleFacts):
        result.warnings.extend(f"article {article.id} ({url}): {w}" for w in facts.warnings)
        try:
            with session.begin_nested():
                replace_article_facts(session, article.id, facts.mentions, facts.claims, version)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            facts = exc
        else:
            result.processed += 1
            result.mentions += len(facts.mentions)
            result.claims += len(facts.claims)
            return
    log.warning("article %s (%s) failed: %s", article.id, url, facts)
    with session.begin_nested():
        mark_failed(session, article, f"{facts.__class__.__name__}: {facts}", version)
    result.failed += 1


def process_pending(
    engine: Engine,
    nlp: Language,
    options: ProcessOptions | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    stop: threading.Event | None = None,
) -> ProcessResult:
    """Extract facts for every article the options select, until none is left.

    Safe to run in several processes at once on PostgreSQL: no article is
    taken twice and none is skipped. An article that cannot be processed is
    marked failed and not retried with the same extractor version.
    `on_progress(done, total)` is called after each article (total is the
    number selected at the start, other workers' share included). `stop`,
    once set, ends the work after the article in hand, which is committed.
    """
    options = options or ProcessOptions()
    selection = options.selection()
    with Session(engine) as session:
        total = count_selected(session, selection)
    result = ProcessResult()
    with single_worker(engine):
        while not (stop and stop.is_set()):
            with Session(engine) as session:
                batch = claim_articles(session, options.batch_size, selection)
                if not batch:
                    break
                for done in _process_batch(session, nlp, batch, options, result):
                    if on_progress:
                        on_progress(done, max(total, done))
                    if stop and stop.is_set():
                        break
                session.commit()  # the rest of an interrupted batch is released, still pending
    result.stopped = bool(stop and stop.is_set())
    return result


def _process_batch(
    session: Session, nlp: Language, batch: list[Article], options: ProcessOptions, result: ProcessResult
) -> Iterator[int]:
    """Extract and store the batch's facts; yields the number done so far after each article."""
    hashes = {a.id: a.content_hash for a in batch}
    facts = extract_each(nlp, [(a.text, a.published) for a in batch], options.batch_size)
    begin_exclusive(session)  # SQLite: the write lock only now, after the NLP
    unchanged = current_hashes(session, [i for i in hashes if i is not None])
    for article, article_facts in zip(batch, facts, strict=True):
        assert article.id is not None
        if unchanged.get(article.id) != hashes[article.id]:
            continue  # a crawl changed the text meanwhile (SQLite): it is pending again
        _store(session, article, article_facts, options.extractor_version, result)
        result.article_ids.append(article.id)
        yield len(result.article_ids)


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[threading.Event]:
    """Set `stop` on SIGTERM or Ctrl-C instead of dying; a second signal interrupts at once.

    Only the main thread can install handlers; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handle(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt  # the open transaction rolls back: nothing half-written
        log.warning("%s: finishing the article in hand, then stopping", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
