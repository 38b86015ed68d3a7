"""A base for components whose word lists come from a JSON data file.

The data is passed in at initialize (`[initialize.components.<name>] rules = {...}`
with the `newsfacts.json.v1` reader) and saved with the pipeline, like SpanRuler
saves its patterns.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.training import Example

RULES_FILE = "rules.json"


class RulesComponent:
    """Holds `self.rules`; subclasses build their lookups in `_compile`."""

    name: str

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.rules: dict[str, Any] = {}
        self._compile()

    def _compile(self) -> None:
        """Build lookups from `self.rules` (called after every load)."""

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        rules: dict[str, Any] | None = None,
    ) -> None:
        """Load the rules data (the keys each component reads are in its data file)."""
        self.rules = dict(rules or {})
        self._compile()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / RULES_FILE).write_text(json.dumps(self.rules), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RulesComponent:
        self.rules = json.loads((Path(path) / RULES_FILE).read_text(encoding="utf-8"))
        self._compile()
        return self
