"""Build the newsfacts pipeline: the base model plus the components of `nlp/config.cfg`."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.util import load_config, registry

# Imported for their registrations (factories, readers, misc functions).
from . import claims, compounds, entities, gazetteers, language, normalize, periods, segment  # noqa: F401
from .model import load_base_model

CONFIG_PATH = Path(__file__).parent / "config.cfg"


def add_components(nlp: Language, config_path: Path = CONFIG_PATH) -> Language:
    """Add and initialize the configured components on an already loaded model.

    Only our components are initialized, so the base model's weights are untouched.
    nlp (Language): the base model. config_path (Path): the pipeline config.
    RETURNS (Language): the same object, extended.
    """
    drop_numeric_emoticons(nlp)
    config = load_config(config_path, interpolate=True)
    placement: dict[str, str] = dict(config.get("placement", {}))
    for name in config["nlp"]["pipeline"]:
        component: dict[str, Any] = dict(config["components"][name])
        factory = component.pop("factory")
        before = placement.get(name)
        nlp.add_pipe(factory, name=name, config=component,
                     before=before if before in nlp.pipe_names else None)
    init = registry.resolve(config["initialize"]["components"])
    for name in config["nlp"]["pipeline"]:
        pipe = nlp.get_pipe(name)
        if hasattr(pipe, "initialize"):
            pipe.initialize(list, nlp=nlp, **init.get(name, {}))
    return nlp


def drop_numeric_emoticons(nlp: Language) -> None:
    """News writes "Zhipu AI (8)"; the tokenizer's emoticon exceptions would read "8)"
    as one smiley token and lose the count."""
    rules = nlp.tokenizer.rules or {}
    kept = {text: tokens for text, tokens in rules.items()
            if not (any(c.isdigit() for c in text) and any(c in "()" for c in text))}
    if len(kept) != len(rules):
        nlp.tokenizer.rules = kept


def build_pipeline() -> Language:
    """The full newsfacts pipeline.

    RETURNS (Language): the base English model with the newsfacts components.
    RAISES ModelNotInstalledError: when no base model is installed.
    """
    return add_components(load_base_model())
