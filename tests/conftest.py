"""Shared fixtures: the sample site on 127.0.0.1, its sources file, crawled databases."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.runner import LOCAL_SITE_OVERRIDES, run_crawl
from crawler.sources import load_sources
from newsfacts.demo_server import sample_sources_toml, serve_sample_site

SAMPLE_ARTICLE_SLUGS = {
    "ai-frontiers-index-us-notable-models-2023",
    "china-accelerates-launch-of-large-language-models-musk-visits-beijing",
    "chinese-regulators-approved-14-large-language-models-in-2023",
    "japan-homegrown-language-models-multiply",
    "paris-ai-startup-verdane-labs-raises-120-million",
    "tencent-launches-three-hunyuan-language-models",
    "us-tightens-ai-chip-export-controls-nvidia-china",
}


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of a fresh, empty database for one test."""
    return f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture(scope="session")
def sample_site() -> Iterator[str]:
    """Base URL of the bundled sample news site, served for the whole session."""
    with serve_sample_site() as base_url:
        yield base_url


@pytest.fixture(scope="session")
def sources_file(sample_site: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sources") / "sources.toml"
    path.write_text(sample_sources_toml(sample_site), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def crawled_db_template(sources_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding one real crawl of the sample site (not processed)."""
    path = tmp_path_factory.mktemp("crawled") / "crawled.sqlite"
    run_crawl(load_sources(sources_file), f"sqlite:///{path}", LOCAL_SITE_OVERRIDES)
    return path


@pytest.fixture
def crawled_db(crawled_db_template: Path, tmp_path: Path) -> Path:
    """A private copy of the crawled database, safe to change."""
    path = tmp_path / "newsfacts.sqlite"
    for suffix in ("", "-wal"):  # a WAL file, if any, holds committed pages too
        if Path(f"{crawled_db_template}{suffix}").exists():
            shutil.copy(f"{crawled_db_template}{suffix}", f"{path}{suffix}")
    return path
