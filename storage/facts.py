"""Replacing the extracted facts of one article.

`storage` does not import `nlp`: any objects with the attributes of
`MentionLike` and `ClaimLike` will do (the NLP records have them).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from storage.models import Article, Claim, Entity, Mention, utcnow


class MentionLike(Protocol):
    label: str
    text: str
    canonical: str
    start: int
    end: int
    code: str | None


class ClaimLike(Protocol):
    subject: str
    subject_label: str
    subject_code: str | None
    count: int | float
    qualifier: str
    item: str
    year_start: int | None
    year_end: int | None
    sentence: str
    start: int
    end: int


class ArticleNotFoundError(LookupError):
    """No article has the given id."""


def _insert_entity_if_missing(session: Session, label: str, canonical: str, code: str | None) -> None:
    values = {"label": label, "canonical": canonical, "code": code}
    bind = session.get_bind()
    dialect = bind.dialect.name
    # ON CONFLICT DO NOTHING: concurrent workers may meet the same entity.
    if dialect == "postgresql":
        stmt = postgresql.insert(Entity).values(**values).on_conflict_do_nothing()
        # Committed at once on its own connection: a new entity row held by a
        # worker's batch transaction would make the others wait, or deadlock.
        engine = bind if isinstance(bind, Engine) else bind.engine
        with engine.begin() as connection:
            connection.execute(stmt)
        return
    if dialect == "sqlite":
        session.execute(sqlite.insert(Entity).values(**values).on_conflict_do_nothing())
        return
    # other backends: plain get-or-create
    if _entity_id(session, label, canonical) is None:
        session.add(Entity(**values))
        session.flush()


def _entity_id(session: Session, label: str, canonical: str) -> int | None:
    return session.exec(
        select(Entity.id).where(Entity.label == label, Entity.canonical == canonical)
    ).first()


def _entity_ids(session: Session, keys: Iterable[tuple[str, str, str | None]]) -> dict[tuple[str, str], int]:
    ids: dict[tuple[str, str], int] = {}
    for label, canonical, code in keys:
        if (label, canonical) in ids:
            continue
        entity_id = _entity_id(session, label, canonical)
        if entity_id is None:
            _insert_entity_if_missing(session, label, canonical, code)
            entity_id = _entity_id(session, label, canonical)
        assert entity_id is not None
        ids[(label, canonical)] = entity_id
    return ids


def replace_article_facts(
    session: Session,
    article_id: int,
    mentions: Iterable[MentionLike],
    claims: Iterable[ClaimLike],
    extractor_version: str,
) -> None:
    """Replace the mentions and claims of one article and mark it processed.

    Old facts of the article are deleted first, so re-processing never
    doubles them. The caller commits: one transaction per article.
    RAISES (ArticleNotFoundError): when `article_id` does not exist.
    """
    article = session.get(Article, article_id)
    if article is None:
        raise ArticleNotFoundError(article_id)
    mentions = list(mentions)
    claims = list(claims)
    session.execute(delete(Mention).where(Mention.article_id == article_id))
    session.execute(delete(Claim).where(Claim.article_id == article_id))
    keys = [(m.label, m.canonical, m.code) for m in mentions]
    keys += [(c.subject_label, c.subject, c.subject_code) for c in claims]
    entity_ids = _entity_ids(session, keys)
    session.add_all(
        Mention(
            entity_id=entity_ids[(m.label, m.canonical)],
            article_id=article_id,
            text=m.text,
            start_char=m.start,
            end_char=m.end,
        )
        for m in mentions
    )
    session.add_all(
        Claim(
            article_id=article_id,
            subject_entity_id=entity_ids[(c.subject_label, c.subject)],
            subject=c.subject,
            subject_code=c.subject_code,
            count=int(round(c.count)),
            qualifier=c.qualifier,
            item=c.item,
            year_start=c.year_start,
            year_end=c.year_end,
            sentence=c.sentence,
            start_char=c.start,
            end_char=c.end,
            extractor_version=extractor_version,
        )
        for c in claims
    )
    article.processed_at = utcnow()
    article.extractor_version = extractor_version
    article.failed_at = None
    article.failure = None
    session.add(article)
