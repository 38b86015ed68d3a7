"""Every CLI command against a real crawl of the sample site and a real SQLite file."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from newsfacts.cli import app
from storage.db import make_engine
from storage.models import Article, Claim, CrawlRun, Entity, Mention, Source
from tests.conftest import SAMPLE_ARTICLE_SLUGS, copy_sqlite

runner = CliRunner()

# The seed article's nine LLM claims: (subject code, count, year_start, year_end).
SEED_CLAIMS = {
    ("CN", 2, 2020, 2020), ("US", 11, 2020, 2020),
    ("CN", 30, 2021, 2021), ("US", 30, 2021, 2021),
    ("US", 37, 2022, 2022), ("CN", 28, 2022, 2022),
    ("CN", 19, 2023, 2023), ("US", 18, 2023, 2023),
    ("CN", 79, 2020, 2023),
}
SEED_URL_PART = "musk-visits-beijing"


def invoke(*args: str):
    return runner.invoke(app, list(args))


def row_counts(db: Path) -> dict[str, int]:
    engine = make_engine(str(db))
    with Session(engine) as session:
        counts = {
            model.__tablename__: session.exec(select(func.count()).select_from(model)).one()
            for model in (Article, Entity, Mention, Claim, CrawlRun)
        }
    engine.dispose()
    return counts


@pytest.fixture(scope="module")
def processed_db_template(crawled_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("processed") / "processed.sqlite"
    copy_sqlite(crawled_db_template, path)
    result = invoke("process", "--db", str(path))
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def processed_db(processed_db_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "processed.sqlite"
    copy_sqlite(processed_db_template, path)
    return path


def seed_claims(rows: list[dict]) -> set[tuple]:
    return {
        (r["subject_code"], int(r["count"]), r["year_start"], r["year_end"])
        for r in rows
        if SEED_URL_PART in r["article_url"] and "language model" in r["item"]
    }


def test_crawl_command_stores_articles_and_records_run(sources_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    result = invoke("crawl", "--sources", str(sources_file), "--source", "sample", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert f"{len(SAMPLE_ARTICLE_SLUGS)} new" in result.output
    counts = row_counts(db)
    assert counts["articles"] == len(SAMPLE_ARTICLE_SLUGS) and counts["crawl_runs"] == 1


def test_crawl_reads_database_from_environment(sources_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("NEWSFACTS_DB", f"sqlite:///{db}")
    result = invoke("crawl", "--sources", str(sources_file))
    assert result.exit_code == 0, result.output
    assert row_counts(db)["articles"] == len(SAMPLE_ARTICLE_SLUGS)


def test_process_finds_seed_claims_and_twice_adds_nothing(processed_db: Path) -> None:
    before = row_counts(processed_db)
    assert before["claims"] >= len(SEED_CLAIMS) and before["mentions"] > 0
    result = invoke("process", "--db", str(processed_db))
    assert result.exit_code == 0, result.output
    assert "processed 0 articles" in result.output
    assert row_counts(processed_db) == before


def test_query_claims_formats(processed_db: Path) -> None:
    result = invoke("query", "claims", "--format", "json", "--db", str(processed_db))
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert seed_claims(rows) == SEED_CLAIMS
    csv_result = invoke("query", "claims", "--subject", "US", "--year", "2022", "--format", "csv", "--db", str(processed_db))
    csv_rows = list(csv.DictReader(io.StringIO(csv_result.output)))
    assert {("US", "37")} <= {(r["subject_code"], r["count"]) for r in csv_rows}
    assert all(r["subject_code"] == "US" for r in csv_rows)
    table = invoke("query", "claims", "--subject", "CN", "--db", str(processed_db))
    assert table.exit_code == 0 and "79" in table.output and "China" in table.output


def test_query_claims_empty_result_says_so(processed_db: Path) -> None:
    result = invoke("query", "claims", "--subject", "Atlantis", "--db", str(processed_db))
    assert result.exit_code == 0
    assert "No claims match." in result.output


def test_query_entities(processed_db: Path) -> None:
    result = invoke("query", "entities", "--label", "PERSON", "--format", "json", "--db", str(processed_db))
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert "Elon Musk" in {r["canonical"] for r in rows}
    assert {r["label"] for r in rows} == {"PERSON"}


def test_export_claims_csv_and_jsonl(processed_db: Path, tmp_path: Path) -> None:
    out_csv, out_jsonl = tmp_path / "claims.csv", tmp_path / "claims.jsonl"
    assert invoke("export", "claims", "--format", "csv", "--output", str(out_csv), "--db", str(processed_db)).exit_code == 0
    assert invoke("export", "claims", "--format", "jsonl", "--output", str(out_jsonl), "--db", str(processed_db)).exit_code == 0
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    jsonl_rows = [json.loads(line) for line in out_jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(jsonl_rows) == row_counts(processed_db)["claims"]
    assert {"article_url", "source", "published", "sentence"} <= set(rows[0])
    assert seed_claims(jsonl_rows) == SEED_CLAIMS
    assert all(r["source"] == "sample" and r["sentence"] for r in rows)


def test_runs_lists_the_crawl(crawled_db: Path) -> None:
    result = invoke("runs", "--format", "json", "--db", str(crawled_db))
    assert result.exit_code == 0, result.output
    (run,) = json.loads(result.output)
    assert run["status"] == "finished" and run["new"] == len(SAMPLE_ARTICLE_SLUGS)


def test_extract_follows_the_contract(tmp_path: Path) -> None:
    seed_text = (Path(__file__).parent / "data" / "seed.txt").read_text(encoding="utf-8")
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "seed", "text": seed_text, "published": "2023-05-30"}) + "\n\n"
        + json.dumps({"id": "empty", "text": ""}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = invoke("extract", "--input", str(source), "--output", str(out))
    assert result.exit_code == 0, result.output
    seed, empty = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert seed["id"] == "seed" and empty == {"id": "empty", "entities": [], "claims": []}
    claims = {(c["subject_code"], c["count"], c["year_start"], c["year_end"]) for c in seed["claims"] if "language model" in c["item"]}
    assert claims == SEED_CLAIMS
    for entity in seed["entities"]:
        assert seed_text[entity["start"]:entity["end"]] == entity["text"]
    assert {e["code"] for e in seed["entities"] if e["label"] == "COUNTRY"} >= {"CN", "US"}


def test_demo_twice_gives_the_same_table(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    first = invoke("demo", "--db", str(db))
    assert first.exit_code == 0, first.output
    second = invoke("demo", "--db", str(db))
    assert second.exit_code == 0, second.output
    table = lambda output: output[output.index("claims"):]  # noqa: E731 - skip the summary line
    assert table(first.output) == table(second.output)
    for count in {count for _, count, _, _ in SEED_CLAIMS}:
        assert re.search(rf"│ {count}\s+│", first.output), count  # a count cell of the table
    assert row_counts(db)["articles"] == len(SAMPLE_ARTICLE_SLUGS)
    rows = json.loads(invoke("query", "claims", "--format", "json", "--db", str(db)).output)
    assert seed_claims(rows) == SEED_CLAIMS


# --- bad input: one clear line, non-zero exit, no traceback, nothing lost ---


def assert_clean_error(result, *fragments: str) -> None:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for fragment in fragments:
        assert fragment in result.output


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(None, "sources file not found"), ("[[source]]\nname = 'x'\nfeeds = 3\n", "'feeds' must be a list"), ("[[source\n", "not valid TOML")],
)
def test_crawl_bad_sources_file(crawled_db: Path, tmp_path: Path, content: str | None, fragment: str) -> None:
    path = tmp_path / "bad.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    before = row_counts(crawled_db)
    assert_clean_error(invoke("crawl", "--sources", str(path), "--db", str(crawled_db)), fragment)
    assert row_counts(crawled_db) == before


def test_crawl_unreadable_sources_file(tmp_path: Path) -> None:
    assert_clean_error(invoke("crawl", "--sources", str(tmp_path), "--db", str(tmp_path / "x.sqlite")), "cannot read sources file")


def test_crawl_unknown_source_name(sources_file: Path, crawled_db: Path) -> None:
    before = row_counts(crawled_db)
    assert_clean_error(invoke("crawl", "--sources", str(sources_file), "--source", "nope", "--db", str(crawled_db)), "unknown source 'nope'")
    assert row_counts(crawled_db) == before


@pytest.mark.parametrize("db", ["nosuchdb://x", "sqlite:////no/such/folder/x.sqlite", "postgresql+nodriver://u@h/d"])
@pytest.mark.parametrize("command", [["query", "claims"], ["process"], ["runs"]])
def test_bad_db_url(command: list[str], db: str) -> None:
    assert_clean_error(invoke(*command, "--db", db), "bad --db")


@pytest.mark.parametrize(
    ("lines", "fragment"),
    [
        (['{"id": "a", "text": "ok"}', "{not json"], "line 2: not valid JSON"),
        (['{"id": "a", "title": "no text"}'], "line 1: missing 'text'"),
        (['{"id": "a", "text": "ok"}', "", '["a list"]'], "line 3: expected a JSON object"),
    ],
)
def test_extract_bad_input_lines(tmp_path: Path, lines: list[str], fragment: str) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_clean_error(invoke("extract", "--input", str(source), "--output", str(out)), fragment)
    assert not out.exists()


def test_extract_missing_input_file(tmp_path: Path) -> None:
    assert_clean_error(invoke("extract", "--input", str(tmp_path / "none.jsonl"), "--output", "-"), "cannot open")


def test_user_text_is_never_read_as_markup(processed_db: Path) -> None:
    bad_year = invoke("query", "claims", "--year", "[/]", "--db", str(processed_db))
    assert_clean_error(bad_year, "'[/]'")
    no_match = invoke("query", "claims", "--subject", "[bold]x[/]", "--db", str(processed_db))
    assert no_match.exit_code == 0, no_match.output
    assert "No claims match." in no_match.output and "[bold]x[/]" in no_match.output


@pytest.mark.parametrize("db", ["postgresql+psycopg://user:s3cret@127.0.0.1:1/x", "postgresql+nodriver://user:s3cret@h/d"])
def test_database_errors_never_print_the_password(db: str) -> None:
    result = invoke("query", "claims", "--db", db)
    assert_clean_error(result)
    assert "s3cret" not in result.output and "***" in result.output


def test_export_and_chart_to_unusable_paths_fail_cleanly(processed_db: Path, tmp_path: Path) -> None:
    to_folder = invoke("export", "claims", "--format", "csv", "--output", str(tmp_path), "--db", str(processed_db))
    assert_clean_error(to_folder, "cannot write")
    as_text = invoke("chart", "claims", "--item", "LLM", "--output", str(tmp_path / "chart.txt"), "--db", str(processed_db))
    assert_clean_error(as_text, "chart.txt")
    assert not (tmp_path / "chart.txt").exists()


def test_demo_refuses_to_replace_a_real_database(crawled_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    copy_sqlite(crawled_db, other)
    engine = make_engine(str(other))
    with Session(engine) as session:
        session.add(Source(name="techcrunch"))
        session.commit()
    engine.dispose()
    before = row_counts(other)
    assert_clean_error(invoke("demo", "--db", str(other)), "--yes")
    assert row_counts(other) == before
