"""The process stage: NLP over unprocessed articles, facts stored per article.

This module and the CLI are the only places that wire `nlp` to `storage`.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from sqlalchemy.engine import Engine
from sqlmodel import Session

from nlp import EXTRACTOR_VERSION
from nlp.extract import extract_many
from storage.articles import pending_article_ids
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


def _chunks(ids: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def process_pending(
    engine: Engine,
    nlp: Language,
    batch_size: int = 32,
    on_progress: Callable[[int, int], None] | None = None,
) -> ProcessResult:
    """Extract facts for every article not processed yet.

    The pending ids are read once up front, so an article that fails is
    reported and left pending rather than retried forever in this run.
    Each article's facts are written in their own transaction.
    `on_progress(done, total)` is called after each article.
    """
    with Session(engine) as session:
        ids = list(pending_article_ids(session))
    result = ProcessResult()
    done = 0
    for chunk in _chunks(ids, batch_size):
        with Session(engine) as session:
            articles = [a for a in (session.get(Article, i) for i in chunk) if a is not None]
            inputs = [(a.text, a.published) for a in articles]
            keys = [(a.id, a.canonical_url) for a in articles]
        for (article_id, url), facts in zip(keys, extract_many(nlp, inputs, batch_size=batch_size), strict=True):
            assert article_id is not None
            result.warnings.extend(f"article {article_id} ({url}): {w}" for w in facts.warnings)
            try:
                with Session(engine) as session:
                    replace_article_facts(session, article_id, facts.mentions, facts.claims, EXTRACTOR_VERSION)
                    session.commit()
            except Exception as exc:  # one bad article must not stop the batch
                log.warning("article %s (%s) not stored: %s", article_id, url, exc)
                result.failed += 1
            else:
                result.processed += 1
                result.mentions += len(facts.mentions)
                result.claims += len(facts.claims)
            done += 1
            if on_progress:
                on_progress(done, len(ids))
    return result
