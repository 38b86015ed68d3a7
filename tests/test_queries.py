"""Analyst queries, corroboration groups and conflicts, row by row, on the analysis database."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from newsfacts.cli import app
from storage.filters import BadFilterError, ClaimFilter, parse_year_range
from storage.queries import query_articles, query_claims, query_conflicts, query_entities, query_groups, unknown_names
from tests.analysis_db import LLM, AnalysisDb, analysis_db, analysis_db_template  # noqa: F401  (fixtures)

runner = CliRunner()


def claims(db: AnalysisDb, **filters: object) -> list[tuple]:
    """(story, subject_code, count, year_start, year_end) of each claim row, in order."""
    story = {article_id: key for key, article_id in db.ids.items()}
    with Session(db.engine) as session:
        rows = query_claims(session, ClaimFilter(**filters))  # type: ignore[arg-type]
    return [(story[r["article_id"]], r["subject_code"], r["count"], r["year_start"], r["year_end"]) for r in rows]


CN_LLM_2023 = [
    ("seed", "CN", 19, 2023, 2023), ("seed", "CN", 79, 2020, 2023), ("wire1", "CN", 19, 2023, 2023),
    ("mirror1", "CN", 19, 2023, 2023), ("wire2", "CN", 19, 2023, 2023), ("regulators", "CN", 14, 2023, 2023),
    ("daily1", "CN", 14, 2023, 2023),
]


@pytest.mark.parametrize("subject", ["CN", "cn", "China", "CHINA"])
@pytest.mark.parametrize("item", ["LLM", "llms", "large language model", "Large Language Models"])
def test_subject_by_name_or_code_and_item_by_alias(analysis_db: AnalysisDb, subject: str, item: str) -> None:
    assert claims(analysis_db, subject=subject, item=item, year=2023) == CN_LLM_2023


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"subject": "CN", "item": "LLM", "year": 2020, "year_to": 2022}, [("seed", "CN", 79, 2020, 2023)]),
        ({"year": 2024}, [("tencent", None, 3, 2024, 2024), ("japan", "JP", 20, None, 2024)]),
        ({"source": "WIRE"}, [("wire1", "CN", 19, 2023, 2023), ("wire1", "US", 18, 2023, 2023), ("wire2", "CN", 19, 2023, 2023)]),
        ({"published_from": date(2023, 6, 1), "published_to": date(2023, 6, 2)},
         [("wire1", "CN", 19, 2023, 2023), ("wire1", "US", 18, 2023, 2023), ("mirror1", "CN", 19, 2023, 2023), ("mirror1", "US", 18, 2023, 2023)]),
        ({"qualifier": "more_than"}, [("frontiers", "US", 40, 2023, 2023)]),
        ({"item": "AI"}, [("frontiers", "US", 40, 2023, 2023), ("frontiers", "CN", 15, 2023, 2023)]),
        ({"subject": "tencent"}, [("tencent", None, 3, 2024, 2024)]),
        ({"min_sources": 2, "subject": "US"}, [("seed", "US", 18, 2023, 2023), ("wire1", "US", 18, 2023, 2023), ("mirror1", "US", 18, 2023, 2023)]),
        ({"min_sources": 2, "source": "daily"}, [("daily1", "CN", 14, 2023, 2023)]),
        ({"min_sources": 3}, []),
        ({"subject": "Atlantis"}, []),
    ],
)
def test_claim_filters(analysis_db: AnalysisDb, filters: dict, expected: list[tuple]) -> None:
    assert claims(analysis_db, **filters) == expected


def test_claim_rows_carry_url_and_sentence(analysis_db: AnalysisDb) -> None:
    with Session(analysis_db.engine) as session:
        (row,) = query_claims(session, ClaimFilter(source="daily"))
    assert row["article_url"] == "http://daily.example/cn-llm-approvals" and row["sentence"] == "=14 approved, +3 pending"
    assert row["title"] == "@Daily: 14 approved" and row["published"].isoformat() == "2024-02-01T08:00:00+00:00"


def group_rows(rows: list[dict]) -> list[tuple]:
    return [(g["subject_code"] or g["subject"], g["item"], g["year_start"], g["year_end"], g["count"], g["qualifier"],
             g["independent_sources"], g["sources"], g["claims"], g["articles"], g["first_source"], g["conflict"]) for g in rows]


ALL_GROUPS = [
    ("CN", "AI model", 2023, 2023, 15, "exact", 1, "sample", 1, 1, "sample", False),
    ("CN", LLM, 2020, 2023, 79, "exact", 1, "sample", 1, 1, "sample", False),
    ("CN", LLM, 2023, 2023, 14, "exact", 2, "daily, sample", 2, 2, "sample", True),
    # The mirror's copy counts with the wire; the wire's two articles count once.
    ("CN", LLM, 2023, 2023, 19, "exact", 2, "sample, wire", 4, 4, "sample", True),
    ("JP", LLM, None, 2024, 20, "about", 1, "sample", 1, 1, "sample", False),
    ("Tencent", LLM, 2024, 2024, 3, "exact", 1, "sample", 1, 1, "sample", False),
    ("US", "AI model", 2023, 2023, 40, "more_than", 1, "sample", 1, 1, "sample", False),
    ("US", LLM, 2023, 2023, 18, "exact", 2, "sample, wire", 3, 3, "sample", False),
]


def test_groups_count_independent_sources_and_flag_conflicts(analysis_db: AnalysisDb) -> None:
    with Session(analysis_db.engine) as session:
        rows = query_groups(session)
    assert group_rows(rows) == ALL_GROUPS
    cn19 = rows[3]
    assert cn19["first_article_url"] == analysis_db.urls["seed"]
    assert cn19["first_published"].isoformat() == "2023-05-30T01:12:00+00:00"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (ClaimFilter(source="daily"), [ALL_GROUPS[2]]),  # sources and conflict still count every report
        (ClaimFilter(min_sources=2, subject="US"), [ALL_GROUPS[7]]),
        (ClaimFilter(qualifier="about"), [ALL_GROUPS[4]]),
        (ClaimFilter(item="llm", year=2024), [ALL_GROUPS[4], ALL_GROUPS[5]]),
        (ClaimFilter(published_from=date(2024, 2, 1)), [ALL_GROUPS[i] for i in (0, 2, 4, 5, 6)]),
    ],
)
def test_group_filters(analysis_db: AnalysisDb, filters: ClaimFilter, expected: list[tuple]) -> None:
    with Session(analysis_db.engine) as session:
        assert group_rows(query_groups(session, filters)) == expected


def test_conflicts_show_each_side(analysis_db: AnalysisDb) -> None:
    with Session(analysis_db.engine) as session:
        assert group_rows(query_conflicts(session)) == [ALL_GROUPS[2], ALL_GROUPS[3]]
        assert query_conflicts(session, ClaimFilter(subject="US")) == []
        # A source filter keeps one side, still marked as disputed.
        assert group_rows(query_conflicts(session, ClaimFilter(source="wire"))) == [ALL_GROUPS[3]]


def entity_rows(rows: list[dict]) -> list[tuple]:
    return [(r["canonical"], r["mentions"], r["articles"]) for r in rows]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"label": "country"}, [("China", 10, 9), ("United States", 5, 5), ("Japan", 1, 1)]),
        ({"label": "ORG", "by": "articles"}, [("Baidu", 3, 3), ("Nvidia", 1, 1), ("Tencent", 1, 1)]),
        ({"label": "COUNTRY", "since": date(2024, 1, 1), "until": date(2024, 12, 31)}, [("China", 4, 4), ("Japan", 1, 1), ("United States", 1, 1)]),
        ({"with_entity": "elon musk"}, [("China", 4, 3), ("United States", 3, 3)]),
        ({"with_entity": "Baidu", "label": "COUNTRY"}, [("China", 3, 3)]),
        ({"with_entity": "Atlantis"}, []),
        ({"limit": 1}, [("China", 10, 9)]),
    ],
)
def test_query_entities(analysis_db: AnalysisDb, kwargs: dict, expected: list[tuple]) -> None:
    with Session(analysis_db.engine) as session:
        assert entity_rows(query_entities(session, **kwargs)) == expected


@pytest.mark.parametrize(
    ("filters", "entity", "expected"),
    [
        (None, "Baidu", ["wire2", "regulators", "daily1"]),
        (ClaimFilter(subject="CN", item="LLM", year=2023, min_sources=2), None, ["seed", "wire1", "mirror1", "wire2", "regulators", "daily1"]),
        (ClaimFilter(item="LLM"), "Elon Musk", ["seed", "wire1", "mirror1"]),
        (ClaimFilter(source="daily"), "Musk", []),
    ],
)
def test_query_articles(analysis_db: AnalysisDb, filters: ClaimFilter | None, entity: str | None, expected: list[str]) -> None:
    story = {article_id: key for key, article_id in analysis_db.ids.items()}
    with Session(analysis_db.engine) as session:
        assert [story[r["article_id"]] for r in query_articles(session, filters, entity=entity)] == expected


def test_unknown_names_suggest_close_ones(analysis_db: AnalysisDb) -> None:
    with Session(analysis_db.engine) as session:
        unknown = unknown_names(session, ClaimFilter(subject="Chna", item="LLMz", source="wires"))
    assert [str(u) for u in unknown] == [
        "unknown subject 'Chna'; did you mean: China?",
        "unknown item 'LLMz'; did you mean: llm?",
        "unknown source 'wires'; did you mean: wire?",
    ]


@pytest.mark.parametrize(("value", "expected"), [("2023", (2023, None)), ("2021-2023", (2021, 2023)), ("2021..2023", (2021, 2023)), (" 2021:2022 ", (2021, 2022))])
def test_parse_year_range(value: str, expected: tuple) -> None:
    assert parse_year_range(value) == expected


@pytest.mark.parametrize("value", ["20x", "2023-2021", "2023-"])
def test_parse_year_range_rejects(value: str) -> None:
    with pytest.raises(BadFilterError):
        parse_year_range(value)


# --- the CLI over the same database ---


def invoke(db: AnalysisDb, *args: str):
    return runner.invoke(app, [*args, "--db", db.url])


def test_cli_claims_json_and_table(analysis_db: AnalysisDb) -> None:
    result = invoke(analysis_db, "query", "claims", "--subject", "CN", "--item", "LLM", "--year", "2023", "--min-sources", "2", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [(r["source"], r["count"]) for r in json.loads(result.stdout)] == [
        ("sample", 19), ("wire", 19), ("mirror", 19), ("wire", 19), ("sample", 14), ("daily", 14)
    ]
    table = invoke(analysis_db, "query", "claims", "--source", "daily")
    assert table.exit_code == 0 and "http://daily.example/cn-llm-approvals" in table.stdout and "2024-02-01 08:00" in table.stdout


def test_cli_conflicts_csv(analysis_db: AnalysisDb) -> None:
    result = invoke(analysis_db, "query", "claims", "--conflicts", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("subject,subject_code,item,year_start,year_end,count,qualifier,independent_sources,sources")
    assert [line.split(",")[5] for line in lines[1:]] == ["14", "19"]
    assert '"daily, sample"' in lines[1] and '"sample, wire"' in lines[2]


def test_cli_grouped_table(analysis_db: AnalysisDb) -> None:
    result = invoke(analysis_db, "query", "claims", "--grouped", "--subject", "US", "--item", "llm")
    assert result.exit_code == 0, result.output
    assert "claim groups" in result.stdout and "sample, wire" in result.stdout and "18" in result.stdout


def test_cli_unknown_subject_prints_empty_table_and_suggestion(analysis_db: AnalysisDb) -> None:
    result = invoke(analysis_db, "query", "claims", "--subject", "Chna")
    assert result.exit_code == 0
    assert "No claims match." in result.stdout
    assert "unknown subject 'Chna'; did you mean: China?" in result.stderr


def test_cli_entities_with(analysis_db: AnalysisDb) -> None:
    result = invoke(analysis_db, "query", "entities", "--with", "Elon Musk", "--format", "json")
    assert [(r["canonical"], r["articles"]) for r in json.loads(result.stdout)] == [("China", 3), ("United States", 3)]
    unknown = invoke(analysis_db, "query", "entities", "--with", "musk")
    assert "No entities match." in unknown.stdout and "did you mean: Elon Musk?" in unknown.stderr


def test_cli_articles(analysis_db: AnalysisDb) -> None:
    result = invoke(analysis_db, "query", "articles", "--entity", "Baidu", "--since", "2024-01-01", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in json.loads(result.stdout)] == ["sample", "daily"]


@pytest.mark.parametrize(("args", "fragment"), [(["--year", "20x"], "not a year"), (["--since", "yesterday"], "Invalid value")])
def test_cli_bad_filter_values(analysis_db: AnalysisDb, args: list[str], fragment: str) -> None:
    result = invoke(analysis_db, "query", "claims", *args)
    assert result.exit_code == 2 and fragment in result.output and "Traceback" not in result.output
