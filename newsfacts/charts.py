"""Charts of count claims, drawn with matplotlib (no display needed)."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.corroboration import Figure

_QUALIFIER_MARKS = {"more_than": ">", "at_least": "≥", "about": "~", "less_than": "<", "at_most": "≤"}


class NothingToChartError(ValueError):
    """No dated figure matches, so there is nothing to draw."""


def _period_order(figure: Figure) -> tuple[int, int, int]:
    # Single years first in time order, then ranges and "by" figures by their end year.
    start = figure.year_start if figure.year_start is not None else -1
    end = figure.year_end if figure.year_end is not None else -1
    return (0 if start == end else 1, end, start)


def bar_label(figure: Figure) -> str:
    """The text over a bar: the count with its qualifier mark, sources, and '*' when disputed."""
    n = figure.independent_sources
    sources = f"{n} source{'' if n == 1 else 's'}"
    return f"{_QUALIFIER_MARKS.get(figure.qualifier, '')}{figure.count}\n{sources}{'*' if figure.disputed else ''}"


def draw_counts(figures: Sequence[Figure], item: str, path: Path, title: str | None = None) -> Path:
    """Grouped bars: one group per period, one bar per subject, labelled with the sources.

    RETURNS (Path): `path`, written in the format its suffix names (png, svg, pdf).
    RAISES (NothingToChartError): when `figures` is empty.
    """
    if not figures:
        raise NothingToChartError(f"no dated {item} claims to chart")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    periods = [f.period for f in sorted(figures, key=_period_order)]
    periods = list(dict.fromkeys(periods))
    subjects = list(dict.fromkeys(f.subject for f in figures))
    by_key = {(f.subject, f.period): f for f in figures}
    width = 0.8 / len(subjects)
    fig, ax = plt.subplots(figsize=(max(6.0, 1.2 * len(periods) * max(1, len(subjects)) ** 0.5 + 2), 4.8), layout="constrained")
    for index, subject in enumerate(subjects):
        xs, heights, labels = [], [], []
        for position, period in enumerate(periods):
            figure = by_key.get((subject, period))
            if figure is not None:
                xs.append(position - 0.4 + width * (index + 0.5))
                heights.append(figure.count)
                labels.append(bar_label(figure))
        bars = ax.bar(xs, heights, width * 0.95, label=subject)
        ax.bar_label(bars, labels=labels, padding=2, fontsize=8)
    ax.set_xticks(range(len(periods)), periods)
    ax.set_xlabel("period")
    ax.set_ylabel(f"number of {item}s")
    ax.set_ylim(0, max(f.count for f in figures) * 1.25)
    ax.set_title(title or f"{item.capitalize()} counts by period")
    ax.legend(title="subject")
    ax.spines[["top", "right"]].set_visible(False)
    note = "Each bar: the count reported by most independent sources. * another count is also reported."
    fig.text(0.01, 0.005, note, fontsize=7, color="0.35", ha="left", va="bottom")
    fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))  # type: ignore[union-attr]
    try:
        fig.savefig(path, dpi=120)
    finally:
        plt.close(fig)  # a failed save must not leave the figure in memory
    return path
