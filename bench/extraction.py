"""Score our main-text extractor on the public article-extraction benchmark.

Runs ``crawler.maintext.extract_main_text`` and trafilatura with its default
settings (the baseline) over every benchmark page in this one process, scores
both with the benchmark's own ``score_extraction.py`` and prints a table. The
last line is one JSON object for CI gates:
``{"f1": …, "precision": …, "recall": …, "baseline_f1": …, "pages_per_s": …}``.

Example:
    python bench/extraction.py --limit 20
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench"
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, without installing

from crawler.maintext import extract_main_text  # noqa: E402

Extractor = Callable[[str, str], str]


class BenchDataError(Exception):
    """The benchmark folder is missing or incomplete."""


def load_scorer(data: Path) -> ModuleType:
    """Import ``score_extraction.py`` from the benchmark folder, without copying it."""
    path = data / "score_extraction.py"
    if not path.is_file():
        raise BenchDataError(f"no scorer at {path}; pass --data DIR")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(data: Path, limit: int | None) -> tuple[list[tuple[str, str, str]], dict]:
    """Return ``[(page_id, url, html)]`` in id order and the ground truth."""
    corpus = data / "article-extraction"
    gold = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((corpus / "html").glob("*.html.gz"))[:limit]:
        page_id = path.name.split(".")[0]
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            pages.append((page_id, gold.get(page_id, {}).get("url", ""), fh.read()))
    if not pages:
        raise BenchDataError(f"no pages under {corpus / 'html'}")
    return pages, {page_id: gold[page_id] for page_id, _, _ in pages}


def run(extract: Extractor, pages: list[tuple[str, str, str]]) -> tuple[dict[str, str], float]:
    """Predictions per page id and pages per second (extractor time only)."""
    extract(pages[0][2], pages[0][1])  # untimed warm-up: lazy imports and caches
    preds: dict[str, str] = {}
    elapsed = 0.0
    for page_id, url, html in pages:
        start = time.perf_counter()
        preds[page_id] = extract(html, url)
        elapsed += time.perf_counter() - start
    return preds, len(pages) / elapsed if elapsed else 0.0


def baseline(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="benchmark folder holding score_extraction.py (default: ../shared/bench)")
    parser.add_argument("--limit", type=int, help="only the first N pages (quick run)")
    parser.add_argument("--per-page", action="store_true",
                        help="also write predictions and per-page scores to a temp dir")
    args = parser.parse_args(argv)

    scorer = load_scorer(args.data)
    pages, gold = load_pages(args.data, args.limit)
    results = {}
    for name, extract in (("newsfacts", extract_main_text), ("trafilatura", baseline)):
        preds, pages_per_s = run(extract, pages)
        scored = scorer.score(gold, {k: {"articleBody": v} for k, v in preds.items()}, n_bootstrap=0)
        results[name] = dict(scored["metrics"], pages_per_s=pages_per_s)
        if args.per_page:
            out = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
            (out / "predictions.json").write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
            (out / "per_page.json").write_text(json.dumps(scored["per_page"], indent=1), encoding="utf-8")
            print(f"{name}: per-page output in {out}", file=sys.stderr)

    print(f"{len(pages)} pages")
    print(f"{'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}")
    for name, m in results.items():
        print(f"{name:<12} {m['precision']:>9.4f} {m['recall']:>7.4f} {m['f1']:>6.4f} {m['pages_per_s']:>8.1f}")
    ours = results["newsfacts"]
    print(json.dumps({
        "f1": round(ours["f1"], 4),
        "precision": round(ours["precision"], 4),
        "recall": round(ours["recall"], 4),
        "baseline_f1": round(results["trafilatura"]["f1"], 4),
        "pages_per_s": round(ours["pages_per_s"], 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
