"""Throughput of the NLP stage: the bare base model vs. the full newsfacts extraction.

    python bench/nlp.py [--articles 300] [--batch-size 32] [--repeat 3]

Uses the dev articles of ../shared/eval/claims/dev.jsonl (relative to the repository
root) when present, plus the seed test fixture repeated up to --articles. Both go
through `nlp.pipe` in one process over the same texts, a batch at a time: each batch
runs through the bare model and then the full extraction, --repeat times, and a
side's time is the sum over batches of its best time per batch. Alternating every
few seconds, rather than every run, keeps a slow spell of a shared machine from
landing on one side only; BLAS runs one thread (unless the environment says otherwise).
The last line printed is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

# One BLAS thread, set before numpy loads: on a small shared machine two threads made the
# same run vary by a third from one repeat to the next. Both sides run under it alike.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder comes first on sys.path and its name would
# shadow the `nlp` package: put the repository root there instead.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from nlp.extract import extract_many
from nlp.model import load_base_model
from nlp.pipeline import build_pipeline

DEV = ROOT.parent / "shared" / "eval" / "claims" / "dev.jsonl"
SEED = ROOT / "tests" / "data" / "nlp_seed_article.json"


def load_articles(count: int) -> list[tuple[str, str | None]]:
    """(text, published) pairs: the dev articles if present, then the seed repeated."""
    articles: list[tuple[str, str | None]] = []
    if DEV.exists():
        for line in DEV.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                articles.append((row["text"], row.get("published")))
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    while len(articles) < count:
        articles.append((seed["text"], seed["published"]))
    return articles[:count]


def best_times(runs: list[Callable[[], object]], repeat: int) -> list[float]:
    """Best wall time of each run; the runs alternate, so load on a shared machine
    affects both alike."""
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            start = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def batched_best_times(runs: list[Callable[[int, int], object]], total: int, size: int, repeat: int) -> list[float]:
    """Sum over batches [start, start + size) of each run's best time on that batch."""
    sums = [0.0] * len(runs)
    for start in range(0, total, size):
        end = min(start + size, total)
        best = best_times([lambda run=run: run(start, end) for run in runs], repeat)
        sums = [s + b for s, b in zip(sums, best)]
    return sums


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = load_articles(args.articles)
    texts = [text for text, _ in articles]
    words = sum(len(text.split()) for text in texts)

    bare = load_base_model()
    full = build_pipeline()
    for _ in bare.pipe(texts[:20]):  # warm up both (lazy imports, caches)
        pass
    list(extract_many(full, articles[:20]))

    bare_s, full_s = batched_best_times([
        lambda start, end: list(bare.pipe(texts[start:end], batch_size=args.batch_size)),
        lambda start, end: list(extract_many(full, articles[start:end], batch_size=args.batch_size)),
    ], len(articles), args.batch_size, args.repeat)
    result = {
        "bare_words_per_s": round(words / bare_s, 1),
        "full_words_per_s": round(words / full_s, 1),
        "ratio": round(bare_s / full_s, 3),
    }
    print(f"{len(articles)} articles, {words} words, batch size {args.batch_size}, best of {args.repeat}")
    print(f"bare base model (nlp.pipe):          {result['bare_words_per_s']:>10.1f} words/s")
    print(f"full extraction (pipeline + records): {result['full_words_per_s']:>10.1f} words/s")
    print(f"ratio full/bare:                     {result['ratio']:>10.3f}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
