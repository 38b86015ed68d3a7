"""extract_facts / extract_many / facts_to_contract: robustness and the output contract."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from spacy.language import Language

from nlp.extract import (
    extract_facts,
    extract_many,
    facts_to_contract,
    parse_published,
    split_text,
)
from nlp.pipeline import build_pipeline

TEXT = "Japan released 12 large language models in 2023, Sony said.\n\nLi Wei of Sony praised Japanese labs."


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_gives_empty_facts_with_a_warning(nlp: Language, text: str) -> None:
    facts = extract_facts(nlp, text, "2024-01-01")
    assert facts.mentions == [] and facts.claims == [] and facts.warnings


def test_control_characters_do_not_shift_offsets(nlp: Language) -> None:
    dirty = TEXT.replace("Japan released", "Japan\x00released").replace("Sony praised", "Sony\u200b praised")
    facts = extract_facts(nlp, dirty, "2024-01-01")
    assert any("control characters" in w for w in facts.warnings)
    for mention in facts.mentions:
        assert dirty[mention.start : mention.end] == mention.text
    assert {(c.subject_code, c.count) for c in facts.claims} == {("JP", 12)}


def test_long_text_is_processed_in_pieces_with_original_offsets(nlp: Language) -> None:
    paragraphs = [f"In 2023, Japan released {n} large language models." for n in range(11, 31)]
    text = "\n\n".join(paragraphs)
    saved = nlp.max_length
    nlp.max_length = 200
    try:
        facts = extract_facts(nlp, text, "2024-01-01")
    finally:
        nlp.max_length = saved
    assert any("pieces" in w for w in facts.warnings)
    assert {c.count for c in facts.claims} == set(range(11, 31))
    for claim in facts.claims:
        assert text[claim.start : claim.end] == claim.sentence
    for mention in facts.mentions:
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("limit", [5, 17, 64])
def test_split_text_covers_the_text_in_order(limit: int) -> None:
    text = "one two\n\nthree four five\nsix seven eight nine ten"
    pieces = split_text(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p for o, p in pieces)


def test_extract_many_matches_extract_facts_in_order(nlp: Language) -> None:
    items = [(TEXT, "2024-01-01"), ("", None), ("France released 3 AI models last year.", date(2024, 5, 1))] * 3
    many = list(extract_many(nlp, items, batch_size=2))
    assert len(many) == len(items)
    for (text, published), facts in zip(items, many):
        assert facts == extract_facts(nlp, text, published)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-05-30", date(2023, 5, 30)), (datetime(2023, 5, 30, 8), date(2023, 5, 30)), (date(2023, 5, 30), date(2023, 5, 30)),
     ("2023-05-30T08:00:00Z", date(2023, 5, 30)), ("May 30, 2023", date(2023, 5, 30)), (None, None), ("", None)],
)
def test_parse_published(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected  # type: ignore[arg-type]


def test_unusable_date_warns_and_leaves_relative_time_unresolved(nlp: Language) -> None:
    facts = extract_facts(nlp, "France released 3 AI models last year.", "not a date at all")
    assert facts.warnings and [(c.year_start, c.year_end) for c in facts.claims] == [(None, None)]


def test_contract_line_shape(nlp: Language) -> None:
    line = facts_to_contract("a1", extract_facts(nlp, TEXT, "2024-01-01"))
    assert line["id"] == "a1"
    assert {e["label"] for e in line["entities"]} >= {"COUNTRY", "ORG", "PERSON"}
    country = next(e for e in line["entities"] if e["label"] == "COUNTRY")
    assert country["code"] == "JP" and country["canonical"] == "Japan"
    assert line["claims"] == [{
        "subject": "Japan", "subject_code": "JP", "count": 12, "qualifier": "exact", "item": "large language model",
        "year_start": 2023, "year_end": 2023, "sentence": "Japan released 12 large language models in 2023, Sony said."}]
