"""Storage on a real SQLite file: articles, facts replacement, queries, exports."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, func, select

from storage.articles import StoreOutcome, content_hash, pending_article_ids, store_article
from storage.db import DatabaseURLError, create_db_and_tables, make_engine, resolve_db_url
from storage.exports import export_claims, neutralize_formula
from storage.facts import replace_article_facts
from storage.models import Article, ArticleBase, Claim, Entity, Mention
from storage.queries import ClaimFilter, query_claims, query_entities


@dataclass
class Mention_:
    label: str
    text: str
    canonical: str
    start: int
    end: int
    code: str | None = None


@dataclass
class Claim_:
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


@pytest.fixture
def engine(db_url: str):
    engine = make_engine(db_url)
    create_db_and_tables(engine)
    yield engine
    engine.dispose()


def article(url: str, body: str, published: datetime | None = None) -> ArticleBase:
    return ArticleBase(url=url, canonical_url=url, title="T", text=body, content_hash=content_hash(body), published=published)


def test_same_text_on_another_host_is_a_linked_syndicated_copy(engine) -> None:
    with Session(engine) as session:
        store_article(session, article("http://www.a.example/1", "wire story"), "a")
        session.commit()
        outcome = store_article(session, article("http://b.example/x", "wire  story"), "b")
        session.commit()
        # The same text again on b's host is b's duplicate, not a second copy.
        again = store_article(session, article("http://b.example/y", "wire story"), "b")
        also_a = store_article(session, article("http://a.example/2", "wire story"), "a")
        session.commit()
        first, copy = session.exec(select(Article).order_by(Article.id)).all()
    assert again is StoreOutcome.DUPLICATE and also_a is StoreOutcome.DUPLICATE  # www. is the same site
    assert outcome is StoreOutcome.SYNDICATED
    assert copy.syndicated_from_id == first.id and first.syndicated_from_id is None


def test_sqlite_file_uses_wal(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "wal.sqlite"))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("data/x.sqlite", "sqlite:///data/x.sqlite"), ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db")],
)
def test_resolve_db_url(value: str, expected: str) -> None:
    assert resolve_db_url(value) == expected


def test_resolve_db_url_reads_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFACTS_DB", "sqlite:///from-env.sqlite")
    assert resolve_db_url(None) == "sqlite:///from-env.sqlite"


@pytest.mark.parametrize("url", ["nosuchdb://x/y", "sqlite:////no/such/folder/x.sqlite", "postgresql+nodriver://u@h/d"])
def test_bad_database_urls_raise_named_error(url: str) -> None:
    with pytest.raises(DatabaseURLError):
        make_engine(url)


def test_store_article_new_duplicate_updated(engine) -> None:
    with Session(engine) as session:
        assert store_article(session, article("http://a/1", "first text"), "site") is StoreOutcome.NEW
        session.commit()
        assert store_article(session, article("http://a/1", "first  TEXT"), "site") is StoreOutcome.DUPLICATE
        assert store_article(session, article("http://a/2", "first text"), "site") is StoreOutcome.DUPLICATE
        ids = pending_article_ids(session)
        assert len(ids) == 1
        replace_article_facts(session, ids[0], [], [], "v1")
        session.commit()
        assert pending_article_ids(session) == []
        assert store_article(session, article("http://a/1", "changed text"), "site") is StoreOutcome.UPDATED
        session.commit()
        assert pending_article_ids(session) == ids


MENTIONS = [
    Mention_("COUNTRY", "China", "China", 0, 5, "CN"),
    Mention_("COUNTRY", "Chinese", "China", 20, 27, "CN"),
    Mention_("PERSON", "Elon Musk", "Elon Musk", 30, 39),
    Mention_("COUNTRY", "US", "United States", 41, 43, "US"),
]
CLAIMS = [
    Claim_("China", "COUNTRY", "CN", 19, "exact", "large language model", 2023, 2023, "China has 19 LLMs.", 0, 18),
    Claim_("United States", "COUNTRY", "US", 18, "exact", "large language model", 2023, 2023, "=US had 18.", 19, 30),
]


def _store_with_facts(engine, url: str, published: datetime) -> int:
    with Session(engine) as session:
        store_article(session, article(url, f"text of {url}", published), "site")
        session.commit()
        article_id = pending_article_ids(session)[-1]
        replace_article_facts(session, article_id, MENTIONS, CLAIMS, "v1")
        session.commit()
    return article_id


def test_replacing_facts_twice_never_doubles_them(engine) -> None:
    article_id = _store_with_facts(engine, "http://a/1", datetime(2023, 5, 30, tzinfo=timezone.utc))
    with Session(engine) as session:
        replace_article_facts(session, article_id, MENTIONS, CLAIMS, "v2")
        session.commit()
        assert session.exec(select(func.count()).select_from(Mention)).one() == 4
        assert session.exec(select(func.count()).select_from(Claim)).one() == 2
        # one entity per (label, canonical): two China mentions, one China entity
        assert session.exec(select(func.count()).select_from(Entity)).one() == 3
        assert set(session.exec(select(Claim.extractor_version))) == {"v2"}


def test_query_claims_filters(engine) -> None:
    _store_with_facts(engine, "http://a/1", datetime(2023, 5, 30, tzinfo=timezone.utc))
    with Session(engine) as session:
        assert [r["count"] for r in query_claims(session, ClaimFilter(subject="cn"))] == [19]
        assert [r["count"] for r in query_claims(session, ClaimFilter(subject="United States"))] == [18]
        assert len(query_claims(session, ClaimFilter(item="Large Language Models", year=2023))) == 2
        assert query_claims(session, ClaimFilter(year=2022)) == []
        row = query_claims(session, ClaimFilter(subject="CN"))[0]
        assert row["article_url"] == "http://a/1" and row["source"] == "site"
        assert row["sentence"] == "China has 19 LLMs."


def test_query_entities_counts_mentions_and_articles(engine) -> None:
    _store_with_facts(engine, "http://a/1", datetime(2023, 5, 30, tzinfo=timezone.utc))
    _store_with_facts(engine, "http://a/2", datetime(2023, 6, 1, tzinfo=timezone.utc))
    with Session(engine) as session:
        rows = query_entities(session, label="country")
    assert [(r["canonical"], r["code"], r["mentions"], r["articles"]) for r in rows] == [
        ("China", "CN", 4, 2), ("United States", "US", 2, 2)
    ]


def test_export_claims_csv_and_jsonl(engine, tmp_path: Path) -> None:
    _store_with_facts(engine, "http://a/1", datetime(2023, 5, 30, tzinfo=timezone.utc))
    with Session(engine) as session:
        assert export_claims(session, "csv", tmp_path / "c.csv") == 2
        assert export_claims(session, "jsonl", tmp_path / "c.jsonl") == 2
    rows = list(csv.DictReader((tmp_path / "c.csv").open(encoding="utf-8")))
    assert [r["subject_code"] for r in rows] == ["CN", "US"]
    assert rows[1]["sentence"] == "'=US had 18."  # formula neutralized for spreadsheets
    assert rows[0]["published"].startswith("2023-05-30")
    lines = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text().splitlines()]
    assert lines[0]["article_url"] == "http://a/1" and lines[0]["count"] == 19
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize(("value", "expected"), [("=1+1", "'=1+1"), ("+x", "'+x"), ("@a", "'@a"), ("plain", "plain"), (-3, -3)])
def test_neutralize_formula(value: object, expected: object) -> None:
    assert neutralize_formula(value) == expected


def test_new_database_has_the_analyst_views(engine) -> None:
    _store_with_facts(engine, "http://a/1", datetime(2023, 5, 30, tzinfo=timezone.utc))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT subject_code, count FROM claim_table ORDER BY count")).all()
        groups = conn.execute(text("SELECT count(*) FROM claim_groups")).scalar()
    assert [tuple(r) for r in rows] == [("US", 18), ("CN", 19)]
    assert groups == 2
