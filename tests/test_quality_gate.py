"""Extraction quality is a pinned gate: `newsfacts extract` over gold files, scored by the
shared scorer, must not fall below the floors of `tests/quality_floors.json`.

Gold files: the shared dev set (`claims/dev.jsonl` in the eval folder, `../shared/eval`
from the repository root unless NEWSFACTS_EVAL_DIR says otherwise) and our held-out set
`tests/data/heldout.jsonl`. Floors are pinned with each file's sha256: a changed gold
file fails until its floors are measured again. To see the figures and hashes to pin:

    python tests/test_quality_gate.py
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR_ENV = "NEWSFACTS_EVAL_DIR"
FLOORS_FILE = Path(__file__).with_name("quality_floors.json")
# Our own gold sets, each written blind to the extractor by an annotator
# following the shared guidelines.
HELDOUT_SETS = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
                "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17",
                "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25", "heldout26",
                "heldout27", "heldout28", "heldout29", "heldout30", "heldout31", "heldout32", "heldout33", "heldout34")
# Figure name in the floors file -> path in score.py's figures.
METRICS = {
    "PERSON_f1": ("PERSON", "f1"),
    "ORG_f1": ("ORG", "f1"),
    "COUNTRY_f1": ("COUNTRY", "f1"),
    "CLAIM_f1": ("CLAIM", "f1"),
    "claim_year_start_agreement": ("claim_year_start_agreement",),
    "claim_qualifier_agreement": ("claim_qualifier_agreement",),
}


def eval_dir() -> Path:
    return Path(os.environ.get(EVAL_DIR_ENV) or ROOT.parent / "shared" / "eval")


def gold_files() -> dict[str, Path]:
    return {"dev": eval_dir() / "claims" / "dev.jsonl", **{name: ROOT / "tests" / "data" / f"{name}.jsonl" for name in HELDOUT_SETS}}


def load_scorer() -> ModuleType:
    """The shared scorer, imported from its file (it is not a package)."""
    path = eval_dir() / "score.py"
    if not path.is_file():
        pytest.fail(f"no scorer at {path}: set {EVAL_DIR_ENV} to the shared eval folder", pytrace=False)
    spec = importlib.util.spec_from_file_location("newsfacts_eval_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def measure(gold: Path, out: Path) -> dict[str, Any]:
    """Run the real `newsfacts extract` over a gold file and score it.

    RETURNS (dict): {"figures": our metric names -> values, "details": scorer misses/extras}.
    """
    from newsfacts.cli import app

    result = CliRunner().invoke(app, ["extract", "--input", str(gold), "--output", str(out)])
    assert result.exit_code == 0, result.output
    scorer = load_scorer()
    scored = scorer.score(scorer.read_jsonl(str(gold)), scorer.read_jsonl(str(out)))
    figures = {}
    for name, keys in METRICS.items():
        value: Any = scored["figures"]
        for key in keys:
            value = value[key]
        figures[name] = float(value)
    return {"figures": figures, "details": scored["details"]}


@pytest.mark.parametrize("name", ["dev", *HELDOUT_SETS])
def test_quality_does_not_drop_below_pinned_floors(name: str, tmp_path: Path) -> None:
    gold = gold_files()[name]
    if not gold.is_file():
        pytest.fail(f"gold file {gold} for the {name!r} quality gate is missing "
                    f"(the shared eval folder is found through {EVAL_DIR_ENV}, default ../shared/eval)", pytrace=False)
    gate = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["gates"].get(name)
    if gate is None:
        pytest.fail(f"no floors pinned for {name!r} in {FLOORS_FILE.name}: run `python tests/test_quality_gate.py`",
                    pytrace=False)
    if sha256(gold) != gate["sha256"]:
        pytest.fail(f"{gold.name} changed (sha256 {sha256(gold)}, floors pinned for {gate['sha256']}): "
                    f"the floors of {name!r} in {FLOORS_FILE.name} must be measured and re-pinned", pytrace=False)
    measured = measure(gold, tmp_path / "facts.jsonl")
    drops = [f"{metric}: {measured['figures'][metric]:.4f} < floor {floor:.4f}"
             for metric, floor in gate["floors"].items() if measured["figures"][metric] < floor]
    assert not drops, "\n".join([f"{name} quality dropped:", *drops, *measured["details"]])


def test_floors_file_names_every_metric_and_a_policy() -> None:
    pinned = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    assert pinned["policy"]
    for gate in pinned["gates"].values():
        assert set(gate["floors"]) == set(METRICS) and len(gate["sha256"]) == 64


if __name__ == "__main__":
    import tempfile

    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as folder:
        for gate_name, gold_path in gold_files().items():
            if gold_path.is_file():
                found = measure(gold_path, Path(folder) / f"{gate_name}.jsonl")
                print(json.dumps({gate_name: {"sha256": sha256(gold_path), "floors": found["figures"]}}, indent=2))
            else:
                print(f"{gate_name}: {gold_path} is missing", file=sys.stderr)
