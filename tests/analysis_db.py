"""A database for the analyst tests: the crawled sample site plus wire copies, with known facts.

Facts are written through the storage functions (no NLP), so every query,
group, conflict and export can be checked row by row:

- "China: 19 LLMs in 2023" is reported by the sample site, twice by the wire
  (two articles) and once by a mirror that syndicates the wire's first
  article: 4 claims, 2 independent sources (sample, wire).
- "China: 14 LLMs in 2023" is reported by the sample site and a daily: it
  conflicts with the 19.
- Texts starting with '=', '@', '-' and '+' check formula neutralization.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy import text
from sqlmodel import Session, SQLModel, select

from storage.articles import content_hash, store_article
from storage.db import create_db_and_tables, make_engine
from storage.facts import replace_article_facts
from storage.models import Article, ArticleBase
from storage.views import create_views

LLM, AI = "large language model", "AI model"


@dataclass(frozen=True)
class M:
    label: str
    canonical: str
    code: str | None = None
    start: int = 0
    end: int = 5
    text: str = "x"


@dataclass(frozen=True)
class C:
    subject: str
    subject_code: str | None
    count: int
    item: str
    year_start: int | None
    year_end: int | None
    sentence: str
    qualifier: str = "exact"
    subject_label: str = "COUNTRY"
    start: int = 0
    end: int = 10


CHINA, US, JAPAN = M("COUNTRY", "China", "CN"), M("COUNTRY", "United States", "US"), M("COUNTRY", "Japan", "JP")
MUSK, BAIDU, NVIDIA, TENCENT = M("PERSON", "Elon Musk"), M("ORG", "Baidu"), M("ORG", "Nvidia"), M("ORG", "Tencent")
CN19 = C("China", "CN", 19, LLM, 2023, 2023, "China released 19 LLMs in 2023.")
US18 = C("United States", "US", 18, LLM, 2023, 2023, "The U.S. released 18.", start=40, end=61)


@dataclass(frozen=True)
class Story:
    key: str
    mentions: tuple[M, ...]
    claims: tuple[C, ...]
    # Own articles (the crawled ones have these from the sample site).
    url: str | None = None
    source: str | None = None
    published: datetime | None = None
    title: str | None = None
    text: str | None = None


SAMPLE_SLUGS = {
    "seed": "china-accelerates-launch-of-large-language-models-musk-visits-beijing",
    "regulators": "chinese-regulators-approved-14-large-language-models-in-2023",
    "frontiers": "ai-frontiers-index-us-notable-models-2023",
    "tencent": "tencent-launches-three-hunyuan-language-models",
    "chips": "us-tightens-ai-chip-export-controls-nvidia-china",
    "japan": "japan-homegrown-language-models-multiply",
}
WIRE_TEXT = "Wire: China released 19 large language models in 2023; the U.S. released 18."

STORIES = (
    Story("seed", (CHINA, M("COUNTRY", "China", "CN", 30, 37), US, MUSK),
          (CN19, US18, C("China", "CN", 79, LLM, 2020, 2023, "China released 79 LLMs since 2020.", start=70, end=104))),
    Story("wire1", (CHINA, US, MUSK), (CN19, US18), "http://wire.example/2023/06/china-llms", "wire",
          datetime(2023, 6, 1, 9, 0, tzinfo=timezone.utc), "China counts 19 LLMs", WIRE_TEXT),
    Story("mirror1", (CHINA, US, MUSK), (CN19, US18), "http://mirror.example/news/china-llms", "mirror",
          datetime(2023, 6, 2, 10, 0, tzinfo=timezone.utc), "China counts 19 LLMs", WIRE_TEXT),
    Story("wire2", (CHINA, BAIDU), (CN19,), "http://wire.example/2023/07/llm-race", "wire",
          datetime(2023, 7, 1, 12, 0, tzinfo=timezone.utc), "-The LLM race", "Again: China released 19 large language models in 2023."),
    Story("regulators", (CHINA, BAIDU), (C("China", "CN", 14, LLM, 2023, 2023, "Regulators approved 14 models in 2023."),)),
    Story("daily1", (CHINA, BAIDU), (C("China", "CN", 14, LLM, 2023, 2023, "=14 approved, +3 pending"),),
          "http://daily.example/cn-llm-approvals", "daily", datetime(2024, 2, 1, 8, 0, tzinfo=timezone.utc), "@Daily: 14 approved",
          "=14 approved, +3 pending in China in 2023."),
    Story("frontiers", (US, CHINA), (C("United States", "US", 40, AI, 2023, 2023, "The U.S. built more than 40 notable AI models.", "more_than"),
                                     C("China", "CN", 15, AI, 2023, 2023, "China built 15.", start=50, end=65))),
    Story("tencent", (TENCENT, CHINA), (C("Tencent", None, 3, LLM, 2024, 2024, "Tencent launched three models.", subject_label="ORG"),)),
    Story("chips", (US, NVIDIA, CHINA), ()),
    Story("japan", (JAPAN,), (C("Japan", "JP", 20, LLM, None, 2024, "Japan has about 20 homegrown LLMs.", "about"),)),
)


@dataclass
class AnalysisDb:
    """The database URL, its engine, and each story's article id and URL."""

    url: str
    engine: Engine
    ids: dict[str, int] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)


def build_analysis_db(crawled: Path, target: Path) -> AnalysisDb:
    """Copy the crawled sample database to `target` and add the stories' articles and facts."""
    for suffix in ("", "-wal"):
        if Path(f"{crawled}{suffix}").exists():
            shutil.copy(f"{crawled}{suffix}", f"{target}{suffix}")
    engine = make_engine(str(target))
    create_db_and_tables(engine)
    create_views(engine)
    db = AnalysisDb(f"sqlite:///{target}", engine)
    with Session(engine) as session:
        for story in STORIES:
            if story.url is not None:
                assert story.text is not None
                data = ArticleBase(url=story.url, canonical_url=story.url, title=story.title, text=story.text,
                                   content_hash=content_hash(story.text), published=story.published)
                store_article(session, data, story.source)
                session.flush()
                article = session.exec(select(Article).where(Article.canonical_url == story.url)).one()
            else:
                slug = SAMPLE_SLUGS[story.key]
                article = session.exec(select(Article).where(Article.canonical_url.endswith(f"/articles/{slug}.html"))).one()  # type: ignore[attr-defined]
            assert article.id is not None
            db.ids[story.key], db.urls[story.key] = article.id, article.canonical_url
            replace_article_facts(session, article.id, story.mentions, story.claims, "test-1")
            session.commit()
    return db


@pytest.fixture(scope="session")
def analysis_db_template(crawled_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analysis") / "analysis.sqlite"
    build_analysis_db(crawled_db_template, path).engine.dispose()
    return path


def copy_rows(source: Engine, target: Engine) -> None:
    """Copy every table's rows from `source` into the empty schema of `target`, ids kept."""
    with source.connect() as reading, target.begin() as writing:
        for table in SQLModel.metadata.sorted_tables:
            rows = [dict(row) for row in reading.execute(table.select()).mappings()]
            if rows:
                writing.execute(table.insert(), rows)
            if target.dialect.name == "postgresql" and "id" in table.c:
                # Rows came with their ids: move the id sequence past them.
                writing.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {table.name}"
                ))


@pytest.fixture(params=["sqlite", "postgresql"])
def analysis_db(request: pytest.FixtureRequest, analysis_db_template: Path, tmp_path: Path) -> AnalysisDb:
    """A private copy of the analysis database (safe to change), with ids and URLs,
    on SQLite and on PostgreSQL."""
    path = tmp_path / "analysis.sqlite"
    for suffix in ("", "-wal"):
        if Path(f"{analysis_db_template}{suffix}").exists():
            shutil.copy(f"{analysis_db_template}{suffix}", f"{path}{suffix}")
    url = f"sqlite:///{path}"
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        template = make_engine(str(path))
        target = make_engine(url)
        create_db_and_tables(target)
        copy_rows(template, target)
        template.dispose()
        target.dispose()
    engine = make_engine(url)
    db = AnalysisDb(url, engine)
    with Session(engine) as session:
        for story in STORIES:
            article_url = story.url or session.exec(
                select(Article.canonical_url).where(Article.canonical_url.endswith(f"/articles/{SAMPLE_SLUGS[story.key]}.html"))  # type: ignore[attr-defined]
            ).one()
            article_id = session.exec(select(Article.id).where(Article.canonical_url == article_url)).one()
            assert article_id is not None
            db.ids[story.key], db.urls[story.key] = article_id, article_url
    yield db
    engine.dispose()
