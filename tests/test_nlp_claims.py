"""Count claims, one mechanism per test, on sentences written for these tests."""
from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from nlp.extract import extract_facts
from nlp.pipeline import build_pipeline

LLM = "large language model"
AI = "AI model"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def claims(nlp: Language, text: str, published: str | None = "2024-06-15") -> set[tuple[Any, ...]]:
    facts = extract_facts(nlp, text, published)
    return {(c.subject_code or c.subject, c.count, c.qualifier, c.item, c.year_start, c.year_end) for c in facts.claims}


def model_claims(nlp: Language, text: str, published: str | None = "2024-06-15") -> set[tuple[Any, ...]]:
    return {c for c in claims(nlp, text, published) if c[3] in (LLM, AI)}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Japan released 12 large language models in 2023.", 12),
        ("Japan released twelve large language models in 2023.", 12),
        ("Japan released thirty-seven large language models in 2023.", 37),
        ("Japan released a dozen large language models in 2023.", 12),
        ("Japan released 1,204 large language models in 2023.", 1204),
    ],
)
def test_counts_in_digits_and_words(nlp: Language, text: str, count: int) -> None:
    assert model_claims(nlp, text) == {("JP", count, "exact", LLM, 2023, 2023)}


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("more than 40", "more_than"), ("over 40", "more_than"), ("40+", "more_than"),
        ("at least 40", "at_least"), ("about 40", "about"), ("nearly 40", "about"),
        ("roughly 40", "about"), ("fewer than 40", "less_than"), ("up to 40", "at_most"), ("40", "exact"),
    ],
)
def test_qualifiers(nlp: Language, phrase: str, qualifier: str) -> None:
    text = f"South Korea released {phrase} large language models in 2023."
    assert model_claims(nlp, text) == {("KR", 40, qualifier, LLM, 2023, 2023)}


@pytest.mark.parametrize(
    ("words", "item"),
    [
        ("LLMs", LLM), ("large-language models", LLM), ("large language models", LLM), ("language models", LLM),
        ("AI models", AI), ("foundation models", AI), ("generative AI models", AI), ("multimodal models", AI),
    ],
)
def test_items_are_normalized(nlp: Language, words: str, item: str) -> None:
    assert model_claims(nlp, f"France released 9 {words} in 2022.") == {("FR", 9, "exact", item, 2022, 2022)}


def test_other_things_keep_their_own_item(nlp: Language) -> None:
    found = claims(nlp, "Germany filed 300 AI patents and registered 12 AI companies in 2022.")
    assert {c[3] for c in found} == {"ai patent", "ai company"}
    assert not model_claims(nlp, "Germany filed 300 AI patents and registered 12 AI companies in 2022.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # demonym-modified subject
        ("Japanese organizations released 12 LLMs in 2022.", {("JP", 12)}),
        # alias compound subject
        ("U.S. labs released 40 LLMs in 2022.", {("US", 40)}),
        # prepositional subjects on the count and its noun
        ("In 2022 the report counted 12 LLMs from Japanese companies, compared with 40 in the United States.",
         {("JP", 12), ("US", 40)}),
        # possessive elided count
        ("In 2022, India released 40 LLMs, ahead of Japan's 12.", {("IN", 40), ("JP", 12)}),
        # locative of a passive without an agent
        ("By 2022, 40 LLMs had been launched in India.", {("IN", 40)}),
        # organization subject
        ("Baidu released 5 LLMs in 2022.", {("Baidu", 5)}),
    ],
)
def test_subjects(nlp: Language, text: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1]) for c in model_claims(nlp, text)} == expected


def test_distributive_both_countries_each(nlp: Language) -> None:
    text = ("In 2020, France released 4 LLMs and Germany released 6. "
            "The following year, both countries released 10 LLMs each.")
    assert {(c[0], c[1], c[4]) for c in model_claims(nlp, text)} == {
        ("FR", 4, 2020), ("DE", 6, 2020), ("FR", 10, 2021), ("DE", 10, 2021)}


def test_gapped_list_of_organizations(nlp: Language) -> None:
    text = "Meta released eight notable AI models in 2023. Google followed with six and Baidu with four."
    assert {(c[0], c[1], c[4]) for c in model_claims(nlp, text)} == {
        ("Meta", 8, 2023), ("Google", 6, 2023), ("Baidu", 4, 2023)}


@pytest.mark.parametrize(
    ("when", "years"),
    [
        ("in 2021", (2021, 2021)),
        ("this year", (2024, 2024)),
        ("last year", (2023, 2023)),
        ("over the past three years", (2021, 2024)),
        ("since 2020", (2020, 2024)),
    ],
)
def test_periods(nlp: Language, when: str, years: tuple[int, int]) -> None:
    found = model_claims(nlp, f"Canadian developers released 25 LLMs {when}.", "2024-06-15")
    assert {(c[4], c[5]) for c in found} == {years}


@pytest.mark.parametrize(
    "text",
    [
        "Canada now has 25 large language models.",
        "Canada already has 25 large language models.",
        "Canada had 25 large language models by March.",
    ],
)
def test_stock_counts_are_as_of(nlp: Language, text: str) -> None:
    assert {(c[4], c[5]) for c in model_claims(nlp, text, "2024-06-15")} == {(None, 2024)}


def test_no_time_and_no_date_gives_no_years(nlp: Language) -> None:
    assert {(c[4], c[5]) for c in model_claims(nlp, "Canada released 25 large language models.", None)} == {(None, None)}


def test_time_carries_to_the_elliptical_next_sentence(nlp: Language) -> None:
    text = "Italy released 12 AI models last year. Spain, by contrast, managed five."
    assert {(c[0], c[1], c[4]) for c in model_claims(nlp, text, "2024-06-15")} == {("IT", 12, 2023), ("ES", 5, 2023)}


@pytest.mark.parametrize(
    "text",
    [
        "India plans to release 50 large language models next year.",
        "India will launch 50 large language models by 2026.",
        "India aims to build 50 large language models.",
        "Large language models account for 40% of India's AI market.",
        "Developers worldwide released 149 foundation models in 2023.",
        "Universities released 15 notable AI models in 2023.",
        "What India needs is useful apps, not 100 big models.",
        "India has dozens of large language models.",
    ],
)
def test_not_claims(nlp: Language, text: str) -> None:
    assert model_claims(nlp, text) == set()


def test_percent_and_money_are_not_counts(nlp: Language) -> None:
    found = claims(nlp, "In 2023, Japan spent $40 million on AI and 65% of Japanese firms used AI models.")
    assert all(c[1] not in (40, 65, 40_000_000) for c in found)


def test_headline_restatement_without_time_is_merged(nlp: Language) -> None:
    text = ("Brazil registers more than 30 AI models\n\n"
            "More than 30 AI models have been registered in Brazil, the regulator said.")
    assert model_claims(nlp, text, "2024-03-01") == {("BR", 30, "more_than", AI, None, 2024)}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pairs by position with "respectively"
        ("France and Germany released 8 and 5 LLMs respectively in 2023.", "2024-05-01",
         {("FR", 8, 2023, 2023), ("DE", 5, 2023, 2023)}),
        # the counted noun of a total
        ("The number of LLMs in China reached 238 by October.", "2023-11-16", {("CN", 238, None, 2023)}),
        # a hedge about a period already over is kept
        ("Chinese firms were expected to release 30 LLMs in 2023.", "2024-05-01", {("CN", 30, 2023, 2023)}),
        # as-of a month-level date
        ("As of the end of March, China had registered 117 LLMs.", "2024-05-01", {("CN", 117, None, 2024)}),
        # a gapped "N from X" the parser hangs on the verb
        ("In 2023, 61 LLMs came from U.S. institutions and 15 from Chinese ones.", "2024-05-01",
         {("US", 61, 2023, 2023), ("CN", 15, 2023, 2023)}),
        # "one each" is a count, distributed over a list of subjects
        ("In 2023 Canada released three LLMs, and Israel and Singapore produced one each.", "2024-05-01",
         {("CA", 3, 2023, 2023), ("IL", 1, 2023, 2023), ("SG", 1, 2023, 2023)}),
        # a period in months
        ("Mistral AI has shipped a dozen LLMs in the past 12 months.", "2024-05-01", {("Mistral AI", 12, 2023, 2024)}),
        # the whole a part is taken from is not a claim
        ("Of the 149 LLMs released in 2023, 109 came from the United States.", "2024-05-01", {("US", 109, 2023, 2023)}),
        # a pronoun subject under a company's reporting verb
        ("Baidu said it had launched 10 LLMs.", "2024-05-01", {("Baidu", 10, None, 2024)}),
        # home-grown developers in a story about one country
        ("China tops the list. Home-grown developers launched 40 LLMs last year.", "2024-05-01", {("CN", 40, 2023, 2023)}),
        # an explicit "between ... and ..." range
        ("Between 2019 and 2023, American labs released 120 LLMs.", "2024-05-01", {("US", 120, 2019, 2023)}),
        # "at that time" takes the year last mentioned
        ("ChatGPT debuted in 2022. By one count, China had 130 LLMs at that time.", "2024-05-01", {("CN", 130, None, 2022)}),
    ],
)
def test_sentence_shapes(nlp: Language, text: str, published: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, published)} == expected
