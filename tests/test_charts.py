"""Charts: the figures behind the bars, and a real PNG drawn from them."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from newsfacts.charts import NothingToChartError, bar_label, draw_counts
from newsfacts.cli import app
from storage.corroboration import Figure, best_figures, period_label
from storage.filters import ClaimFilter
from tests.analysis_db import AnalysisDb, analysis_db, analysis_db_template  # noqa: F401  (fixtures)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_best_figure_per_subject_and_period(analysis_db: AnalysisDb) -> None:
    with Session(analysis_db.engine) as session:
        figures = best_figures(session, ClaimFilter(item="LLM"))
    assert [(f.subject, f.period, f.count, f.independent_sources, f.disputed) for f in figures] == [
        ("China", "2020-2023", 79, 1, False),
        # 19 and 14 both have two sources; 19 was reported first.
        ("China", "2023", 19, 2, True),
        ("Japan", "by 2024", 20, 1, False),
        ("Tencent", "2024", 3, 1, False),
        ("United States", "2023", 18, 2, False),
    ]


@pytest.mark.parametrize(("start", "end", "label"), [(2023, 2023, "2023"), (2020, 2023, "2020-2023"), (None, 2024, "by 2024"), (None, None, "undated")])
def test_period_label(start: int | None, end: int | None, label: str) -> None:
    assert period_label(start, end) == label


def test_bar_label_shows_qualifier_sources_and_dispute() -> None:
    figure = Figure("China", "CN", "2023", 2023, 2023, 19, "about", 2, True)
    assert bar_label(figure) == "~19\n2 sources*"


def test_draw_counts_writes_a_png(tmp_path: Path) -> None:
    figures = [Figure("China", "CN", "2023", 2023, 2023, 19, "exact", 2, True), Figure("United States", "US", "2023", 2023, 2023, 18, "exact", 1, False)]
    path = draw_counts(figures, "large language model", tmp_path / "c.png")
    assert path.read_bytes()[:8] == PNG_MAGIC


def test_nothing_to_chart_is_a_named_error(tmp_path: Path) -> None:
    with pytest.raises(NothingToChartError):
        draw_counts([], "large language model", tmp_path / "c.png")


def test_cli_chart(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    args = ["chart", "claims", "--item", "LLM", "--subject", "CN", "--subject", "US", "--output", str(out), "--db", analysis_db.url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "wrote a chart of 3 figures" in result.stdout and out.read_bytes()[:8] == PNG_MAGIC


def test_cli_chart_without_figures_fails_cleanly(analysis_db: AnalysisDb, tmp_path: Path) -> None:
    args = ["chart", "claims", "--item", "LLM", "--subject", "Atlantis", "--output", str(tmp_path / "c.png"), "--db", analysis_db.url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1 and "no dated large language model claims" in result.output
    assert "unknown subject 'Atlantis'" in result.output
