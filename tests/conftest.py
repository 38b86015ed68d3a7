"""Shared fixtures: the sample site on 127.0.0.1, its sources file, crawled databases."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

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


# PostgreSQL for the tests: a server URL whose role may CREATE DATABASE
# (`.ci/run` starts one and sets it). Without it, the session starts a
# throwaway server itself if PostgreSQL's server programs are installed, and
# the PostgreSQL tests fail (never skip) if they are not.
PG_URL_ENV = "NEWSFACTS_TEST_PG_URL"
NO_POSTGRES = (
    f"the PostgreSQL tests need a server: set {PG_URL_ENV}=postgresql+psycopg://USER@HOST:PORT/DB "
    "(a role allowed to CREATE DATABASE), or install PostgreSQL's server (Debian: apt-get install postgresql) "
    "so the tests start one; `bash .ci/run` does both"
)


def _postgres_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return debian[-1].parent if debian else None


@contextmanager
def _throwaway_postgres(bin_dir: Path) -> Iterator[str]:
    """A PostgreSQL server on a Unix socket in a temporary folder, for this session only."""
    folder = Path(tempfile.mkdtemp(prefix="newsfacts-pg-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(folder, "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    options = f"-c listen_addresses='' -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    try:
        subprocess.run([*as_owner, bin_dir / "initdb", "-D", data, "-U", "newsfacts", "--auth=trust", "-E", "UTF8", "--locale=C"],
                       check=True, capture_output=True, cwd=folder)
        subprocess.run([*as_owner, bin_dir / "pg_ctl", "-D", data, "-l", folder / "server.log", "-w", "start", "-o", options],
                       check=True, capture_output=True, cwd=folder)
        try:
            yield f"postgresql+psycopg://newsfacts@/postgres?host={folder}"
        finally:
            subprocess.run([*as_owner, bin_dir / "pg_ctl", "-D", data, "-m", "fast", "stop"], capture_output=True, cwd=folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """URL of a PostgreSQL server for the session (see PG_URL_ENV)."""
    url = os.environ.get(PG_URL_ENV)
    if url:
        yield url
        return
    bin_dir = _postgres_bin()
    if bin_dir is None:
        pytest.fail(NO_POSTGRES, pytrace=False)
    try:
        with _throwaway_postgres(bin_dir) as url:
            yield url
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"could not start PostgreSQL ({exc.stderr.decode(errors='replace').strip()}); {NO_POSTGRES}", pytrace=False)


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """URL of a fresh PostgreSQL database for one test, dropped after it."""
    name = f"newsfacts_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """URL of a fresh, empty database for one test: each test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    url: str = request.getfixturevalue("pg_url")
    return url


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
    copy_sqlite(crawled_db_template, path)
    return path


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy a SQLite database with its WAL file, which may hold committed pages."""
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")
