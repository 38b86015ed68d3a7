"""Property-based: generated claim sentences give back exactly the claim they were built from.

A sentence is subject x verb x count x item x time phrase, followed by a distractor
sentence (a percentage, money, GPUs, a forecast) that must add no model claim. The
seed is fixed (derandomize), so CI sees the same examples every run.
"""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from nlp.extract import extract_facts
from nlp.pipeline import build_pipeline

PUBLISHED = "2024-06-15"
LLM = "large language model"
AI = "AI model"
MODEL_ITEMS = (LLM, AI)

# (surface form, subject as reported: ISO code of a country, canonical name of an org)
COUNTRIES = [("China", "CN"), ("Japan", "JP"), ("France", "FR"), ("South Korea", "KR"), ("the United States", "US")]
ALIASES = [("the U.S.", "US"), ("America", "US"), ("Britain", "GB"), ("the UK", "GB"), ("the PRC", "CN")]
DEMONYM_PHRASES = [("Chinese companies", "CN"), ("American labs", "US"), ("Japanese developers", "JP"),
                   ("British firms", "GB"), ("French start-ups", "FR")]
ORGS = [("OpenAI", "OpenAI"), ("Google", "Google"), ("Mistral AI", "Mistral AI"), ("Cohere", "Cohere"),
        ("Anthropic", "Anthropic"), ("Microsoft", "Microsoft")]
VERBS = ["released", "launched", "developed", "approved", "unveiled"]
# The base model splits "open-sourced" into three tokens and often parses the sentence
# as one noun phrase ("open" an adverb); known to fail, kept so a fix shows up.
HYPHENATED_VERBS = ["open-sourced", "co-developed"]
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
                11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty", 37: "thirty-seven", 45: "forty-five"}
QUALIFIERS = [("", "exact"), ("more than ", "more_than"), ("over ", "more_than"), ("at least ", "at_least"),
              ("about ", "about"), ("nearly ", "about"), ("roughly ", "about"), ("fewer than ", "less_than"),
              ("up to ", "at_most")]
ITEMS = [("large language models", LLM), ("LLMs", LLM), ("large-language models", LLM), ("language models", LLM),
         ("AI models", AI), ("foundation models", AI), ("generative AI models", AI), ("machine-learning models", AI)]
# (phrase, year_start, year_end) against PUBLISHED
TIMES = [("in 2022", 2022, 2022), ("last year", 2023, 2023), ("so far this year", 2024, 2024),
         ("since 2021", 2021, 2024), ("", None, None)]
# (sentence, whether it may add a claim about something that is not a model)
DISTRACTORS = [
    ("Their revenue rose 14 percent.", False),
    ("The sector raised $300 million in funding.", False),
    ("Analysts said 12,000 GPUs were used for training.", True),
    ("The government plans to release 50 more models next year.", False),
    ("", False),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


@st.composite
def count_phrases(draw: st.DrawFn) -> tuple[str, int, str]:
    """(text, value, qualifier): digits or words, with a qualifier in front."""
    if draw(st.booleans()):
        value = draw(st.sampled_from(sorted(NUMBER_WORDS)))
        number = NUMBER_WORDS[value]
    else:
        value = draw(st.integers(min_value=2, max_value=999))
        number = f"{value:,}"
    prefix, qualifier = draw(st.sampled_from(QUALIFIERS))
    return prefix + number, value, qualifier


@st.composite
def claim_texts(draw: st.DrawFn, verbs: list[str]) -> tuple[str, tuple[Any, ...], bool]:
    """A claim sentence plus a distractor, the one claim tuple it states, and whether the
    distractor may add a claim about another item."""
    subject, expected_subject = draw(st.sampled_from(COUNTRIES + ALIASES + DEMONYM_PHRASES + ORGS))
    verb = draw(st.sampled_from(verbs))
    number, value, qualifier = draw(count_phrases())
    item, item_class = draw(st.sampled_from(ITEMS))
    time, year_start, year_end = draw(st.sampled_from(TIMES))
    distractor, other_items = draw(st.sampled_from(DISTRACTORS))
    if time and draw(st.booleans()):
        sentence = f"{time[0].upper()}{time[1:]}, {subject} {verb} {number} {item}."
    else:
        sentence = f"{subject} {verb} {number} {item}{' ' + time if time else ''}."
    sentence = sentence[0].upper() + sentence[1:]
    text = f"{sentence} {distractor}".strip()
    return text, (expected_subject, value, item_class, year_start, year_end, qualifier), other_items


def check_read_back(nlp: Language, case: tuple[str, tuple[Any, ...], bool]) -> None:
    text, expected, other_items = case
    claims = extract_facts(nlp, text, PUBLISHED).claims
    found = [(c.subject_code or c.subject, c.count, c.item, c.year_start, c.year_end, c.qualifier)
             for c in claims if c.item in MODEL_ITEMS]
    assert found == [expected], text
    others = [c for c in claims if c.item not in MODEL_ITEMS]
    assert not others or other_items, text


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(case=claim_texts(VERBS))
def test_generated_claim_is_read_back_exactly(nlp: Language, case: tuple[str, tuple[Any, ...], bool]) -> None:
    check_read_back(nlp, case)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(case=claim_texts(HYPHENATED_VERBS))
def test_generated_claim_with_a_hyphenated_verb(nlp: Language, case: tuple[str, tuple[Any, ...], bool]) -> None:
    check_read_back(nlp, case)
