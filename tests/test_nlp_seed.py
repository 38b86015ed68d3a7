"""The seed article end to end: its nine LLM claims and its entities."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from nlp.extract import extract_facts, facts_to_contract
from nlp.pipeline import build_pipeline
from nlp.records import ArticleFacts

SEED = json.loads((Path(__file__).parent / "data" / "nlp_seed_article.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture(scope="module")
def facts(nlp: Language) -> ArticleFacts:
    return extract_facts(nlp, SEED["text"], SEED["published"])


def test_seed_has_exactly_the_nine_llm_claims(facts: ArticleFacts) -> None:
    got = {(c.subject_code, c.count, c.year_start, c.year_end) for c in facts.claims if c.item == "large language model"}
    assert got == {
        ("CN", 2, 2020, 2020), ("US", 11, 2020, 2020),
        ("CN", 30, 2021, 2021), ("US", 30, 2021, 2021),
        ("US", 37, 2022, 2022), ("CN", 28, 2022, 2022),
        ("CN", 19, 2023, 2023), ("US", 18, 2023, 2023),
        ("CN", 79, 2020, 2023),
    }
    assert all(c.qualifier == "exact" for c in facts.claims)


def test_seed_claim_sentences_are_slices_of_the_text(facts: ArticleFacts) -> None:
    for claim in facts.claims:
        assert SEED["text"][claim.start : claim.end] == claim.sentence


@pytest.mark.parametrize(
    ("label", "canonical"),
    [
        ("PERSON", "Elon Musk"), ("PERSON", "Qin Gang"), ("PERSON", "Daniel Ives"),
        ("ORG", "Tesla"), ("ORG", "SpaceX"), ("ORG", "Starlink"), ("ORG", "Wedbush"), ("ORG", "Alibaba"),
        ("ORG", "SenseTime"), ("ORG", "Baidu"), ("ORG", "OpenAI"), ("ORG", "Ministry of Science and Technology"),
        ("COUNTRY", "China"), ("COUNTRY", "United States"), ("COUNTRY", "Russia"), ("COUNTRY", "Ukraine"),
    ],
)
def test_seed_entities_present(facts: ArticleFacts, label: str, canonical: str) -> None:
    assert canonical in {m.canonical for m in facts.mentions if m.label == label}


def test_seed_entities_exclude_byline_and_products(facts: ArticleFacts) -> None:
    names = {m.canonical for m in facts.mentions if m.label in ("PERSON", "ORG")}
    assert "Daniel Lehewych" not in names  # the byline
    assert "ChatGPT" not in names and "EV" not in names and "AI" not in names
    assert {m.code for m in facts.mentions if m.label == "COUNTRY"} == {"CN", "US", "RU", "UA"}


def test_seed_short_names_resolve_to_full_names(facts: ArticleFacts) -> None:
    by_text = {(m.text, m.canonical) for m in facts.mentions if m.label == "PERSON"}
    assert ("Musk", "Elon Musk") in by_text
    assert ("Ives", "Daniel Ives") in by_text


def test_seed_contract_line(facts: ArticleFacts) -> None:
    line = facts_to_contract("seed", facts)
    assert set(line) == {"id", "entities", "claims"}
    for entity in line["entities"]:
        assert SEED["text"][entity["start"] : entity["end"]] == entity["text"]
        assert ("code" in entity) == (entity["label"] == "COUNTRY")
    assert {tuple(sorted(c)) for c in line["claims"]} == {
        ("count", "item", "qualifier", "sentence", "subject", "subject_code", "year_end", "year_start")}
    json.dumps(line)
