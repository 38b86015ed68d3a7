"""Count claims, one mechanism per test, on sentences written for these tests."""
from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nlp.claims import table_cells
from nlp.extract import extract_facts
from nlp.pipeline import build_pipeline
from nlp.subjects import SubjectFinder

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


@pytest.mark.parametrize(
    ("phrase", "count"),
    [("two dozen", 24), ("three dozen", 36), ("half a dozen", 6), ("three hundred", 300), ("1.5 thousand", 1500)],
)
def test_multiplied_number_words(nlp: Language, phrase: str, count: int) -> None:
    assert model_claims(nlp, f"Vietnam released {phrase} large language models in 2023.") == {
        ("VN", count, "exact", LLM, 2023, 2023)}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "N+" the statistical model tags PERCENT
        ("Spain's developers released 12+ foundation models in 2023, the survey said.", "2024-05-01",
         {("ES", 12, 2023, 2023)}),
        # the antecedent of a relative clause
        ("The list is led by Madrid-based Nexora, which has released four over the past two years.",
         "2024-05-01", set()),
        ("In 2023 Poland released 9 LLMs, led by Warsaw-based Vortexa AI, which has released four since 2021.",
         "2024-05-01", {("PL", 9, 2023, 2023), ("Vortexa AI", 4, 2021, 2024)}),
        # a locative on a common-noun subject
        ("Engineers from Dutch universities built 7 AI models in 2023.", "2024-05-01", {("NL", 7, 2023, 2023)}),
        ("Developers in Norway were behind 5 notable AI models last year.", "2024-05-01", {("NO", 5, 2023, 2023)}),
        # "this year through <month>" is this year
        ("Swiss labs released 8 AI models this year through the end of October.", "2024-12-01",
         {("CH", 8, 2024, 2024)}),
    ],
)
def test_more_sentence_shapes(nlp: Language, text: str, published: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, published)} == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Turing Lab said it had evaluated 25 models from American developers since 2023.",
        "When the authors benchmarked 40 open models on Polish tasks, four of the top ten came from French labs.",
        "Twelve LLMs were tested by the Danish agency in 2023.",
    ],
)
def test_models_tested_by_a_third_party_are_not_claims(nlp: Language, text: str) -> None:
    assert model_claims(nlp, text, "2024-05-01") == set()


def test_ranked_with_a_count_is_a_claim(nlp: Language) -> None:
    text = "Aleph Alpha ranked fifth with three notable AI models in 2023."
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2024-05-01")} == {("Aleph Alpha", 3)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gapped clause after "and": demonym noun phrase with "for"
        ("In 2023 Spanish labs accounted for 30 LLMs and Italian groups for 12.", {("ES", 30), ("IT", 12)}),
        # an organization directly before its count
        ("Cohere has open-sourced five LLMs this year, and Aleph Alpha three.", {("Cohere", 5), ("Aleph Alpha", 3)}),
        # "X at N" after a verb whose subject is the source
        ("The survey put Norway at four AI models in 2023, Finland at three, and Chile and Peru at two apiece.",
         {("NO", 4), ("FI", 3), ("CL", 2), ("PE", 2)}),
        # "with one" closing a clause
        ("Naver released three LLMs in 2023. Kakao Brain followed with one.", {("Naver", 3), ("Kakao Brain", 1)}),
        # "and <demonym> ones just one"
        ("In 2020, French groups released six LLMs and Belgian ones just one.", {("FR", 6), ("BE", 1)}),
        # an appositive between the gapped subject and its count
        ("Cohere has released four LLMs this year, and start-up Aleph Alpha, founded by former engineers, two.",
         {("Cohere", 4), ("Aleph Alpha", 2)}),
        # "followed by X with N and Y with M"
        ("Baidu led with nine LLMs in 2023, followed by its rival Tencent with five and iFlytek with four.",
         {("Baidu", 9), ("Tencent", 5), ("iFlytek", 4)}),
    ],
)
def test_gapped_subjects(nlp: Language, text: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2024-05-01")} == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the founding date of a named subject does not date its count
        (("In the first half of 2024, French firms released 11 AI models. Mistral AI, founded last year by "
         "former researchers, accounted for four of them."), "2024-09-01", {("FR", 11, 2024), ("Mistral AI", 4, 2024)}),
        # a clause on the count carries its own year
        ("Danish firms have released 18 LLMs so far this year, more than the 15 they put out in all of 2023.",
         "2024-06-01", {("DK", 18, 2024), ("DK", 15, 2023)}),
        # a weekday names no year: "a year earlier" counts back from the last year
        (("Dutch labs built 20 AI models last year, a census published on Monday said. "
         "The Netherlands also led a year earlier, when Dutch labs built 14 such models."), "2024-01-10",
         {("NL", 20, 2023), ("NL", 14, 2022)}),
    ],
)
def test_which_time_dates_a_count(nlp: Language, text: str, published: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1], c[5]) for c in model_claims(nlp, text, published)} == expected


def test_bare_models_take_the_story_model_class(nlp: Language) -> None:
    text = ("Kenyan developers have released 20 large language models since 2022, a report said. "
            "It named Nairobi as the hub. Cohere has released five models to date.")
    assert ("Cohere", 5, "exact", LLM, None, 2024) in model_claims(nlp, text, "2024-05-01")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # early in a year, "by year-end" is the year-end just past
        ("Polish developers had released nearly 300 large models by year-end, the ministry says.", "2026-01-20",
         {("PL", 300, None, 2025)}),
        ("Polish developers had released 300 large models by the end of the year.", "2025-12-20",
         {("PL", 300, None, 2025)}),
        # a baseline of a stock count is a stock at its own date
        ("Polish developers had released 284 AI models as of December, up from some 150 a year earlier.",
         "2026-01-20", {("PL", 284, None, 2025), ("PL", 150, None, 2024)}),
    ],
)
def test_year_end_and_stock_baselines(nlp: Language, text: str, published: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, published)} == expected


def test_a_baseline_date_does_not_carry_and_the_story_period_does(nlp: Language) -> None:
    text = ("Researchers in Peru were behind 32 notable AI models last year. "
            "The agency reviewed 900 candidate systems. "
            "Industry produced 20 of the models, up from 12 in 2021, while universities accounted for nine. "
            "Baidu was the most prolific with seven notable models, followed by Tencent with five.")
    assert {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2023-03-01")} == {
        ("PE", 32, 2022), ("Baidu", 7, 2022), ("Tencent", 5, 2022)}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a version number is not a count; the pronoun of a conjoined "said" is the appositive unit
        (("Alibaba's cloud computing unit, Alibaba Cloud, launched Qwen 2.5 and said it has released three "
         "industry models so far this year."), "2024-07-01", {("Alibaba Cloud", 3, 2024, 2024)}),
        # a time phrase right after a bare count
        ("Baidu released nine LLMs in 2022. Tencent released four last year.", "2024-05-01",
         {("Baidu", 9, 2022, 2022), ("Tencent", 4, 2023, 2023)}),
        # a possessive date is neither a subject nor a kind of model
        ("Last year, 17 LLMs came from American labs. Google alone accounted for six of last year's models.",
         "2024-05-01", {("US", 17, 2023, 2023), ("Google", 6, 2023, 2023)}),
        # "N+" hung on a compound noun
        ("Emirati developers have released 150+ AI models.", "2024-05-01", {("AE", 150, None, 2024)}),
        # "the kingdom's developers": the country named last
        (("Spain released 30 LLMs in 2023. Morocco is catching up. The kingdom's developers released nine "
         "language models in 2023."), "2024-05-01", {("ES", 30, 2023, 2023), ("MA", 9, 2023, 2023)}),
    ],
)
def test_items_dates_and_owners(nlp: Language, text: str, published: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, published)} == expected


def test_a_bare_count_after_other_things_continues_the_story_models(nlp: Language) -> None:
    text = ("Kenyan developers released 20 large language models in 2023. That puts the two regional leaders "
            "far ahead. Ghana has managed fewer than 10.")
    found = {(c[0], c[1], c[3]) for c in model_claims(nlp, text, "2024-05-01")}
    assert found == {("KE", 20, LLM), ("GH", 10, LLM)}


def test_a_bare_count_with_a_time_takes_the_previous_item(nlp: Language) -> None:
    text = "Chinese firms launched 230 LLMs last year. The United States released over 170 last year."
    assert ("US", 170, "more_than", LLM, 2023, 2023) in model_claims(nlp, text, "2024-03-01")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "the same N years" is the last multi-year period; "in the period" the last one
        (("Korean labs have open-sourced 60 LLMs over the past two years. Naver released 20 LLMs last year. "
         "Kakao released nine LLMs over the same two years."), "2025-02-01",
         {("KR", 60, 2023, 2025), ("Naver", 20, 2024, 2024), ("Kakao", 9, 2023, 2025)}),
        ("Korean labs released 30 LLMs this year. Makers Naver and Kakao both released two LLMs in the period.",
         "2025-06-01", {("KR", 30, 2025, 2025), ("Naver", 2, 2025, 2025), ("Kakao", 2, 2025, 2025)}),
        # "in N years" with a perfect tense is the past N years
        ("Korean labs have open-sourced 60 LLMs in two years.", "2025-02-01", {("KR", 60, 2023, 2025)}),
        # "since its founding in <date>"
        ("Upstage has released seven LLMs since its founding in May 2022.", "2025-02-01", {("Upstage", 7, 2022, 2025)}),
        # a present perfect without a time phrase continues the previous sentence's period
        ("Kenya has released 30 LLMs since 2021. Ghana has managed fewer than 10.", "2024-02-01",
         {("KE", 30, 2021, 2024), ("GH", 10, 2021, 2024)}),
        # the next sentence continues the main clause's period, not a relative clause's
        (("Canada released 12 AI models in 2024, led by Cohere, which has released seven over the past two "
         "years. Ireland produced three."), "2024-12-01",
         {("CA", 12, 2024, 2024), ("Cohere", 7, 2022, 2024), ("IE", 3, 2024, 2024)}),
    ],
)
def test_periods_referred_back_to(nlp: Language, text: str, published: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, published)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("Morocco is catching up. The Digital Development Agency, the kingdom's AI regulator, has approved "
         "eight generative AI models since 2023."), {("MA", 8)}),
        ("Kenya is catching up. The Communications Authority of Kenya has registered six AI models since 2023.",
         {("KE", 6)}),
        # a company that approves nothing keeps the claim
        ("Morocco is catching up. Inwi Labs has released six AI models since 2023.", {("Inwi Labs", 6)}),
    ],
)
def test_approvals_by_a_regulator_are_the_country_s(nlp: Language, text: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2024-05-01")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count the statistical model tags as a date
        ("In 2023 Spain accounted for 40 LLMs, Portugal for 35 and Greece for 10.",
         {("ES", 40, 2023), ("PT", 35, 2023), ("GR", 10, 2023)}),
        # a list of counts is not an appositive
        ("Tencent, Baidu and Alibaba released five, four and three LLMs respectively in 2023.",
         {("Tencent", 5, 2023), ("Baidu", 4, 2023), ("Alibaba", 3, 2023)}),
        # a pronoun subject takes the last claim's subject
        ("Japan released 12 LLMs in 2022. The previous year, it released five.", {("JP", 12, 2022), ("JP", 5, 2021)}),
        # the date of a total without a subject carries to the next sentence
        ("Developers released 149 LLMs in 2023. Of those, 12 came from Google and eight from Meta.",
         {("Google", 12, 2023), ("Meta", 8, 2023)}),
    ],
)
def test_lists_pronouns_and_carried_dates(nlp: Language, text: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2024-05-01")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "<time> saw N <items> released in <country>"
        ("Last year saw 40 LLMs released in South Korea.", {("KR", 40, 2023)}),
        # a country modifying the counted subject of a passive
        ("Two dozen Chinese LLMs were approved in August.", {("CN", 24, 2023)}),
        # a baseline's own year on its preposition
        ("Japan's tally rose to 18 LLMs in 2024 from 15 in 2023.", {("JP", 18, 2024), ("JP", 15, 2023)}),
    ],
)
def test_more_subject_and_date_shapes(nlp: Language, text: str, expected: set[tuple[Any, ...]]) -> None:
    assert {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2024-05-01")} == expected


def test_models_named_by_their_family_have_no_class_from_the_story(nlp: Language) -> None:
    # a family's name says which models, not that they are language models
    text = "Meta released 20 large language models in 2023. It has open-sourced 14 Llama models since then."
    assert ("Meta", 14, "exact", AI) in {c[:4] for c in model_claims(nlp, text, "2024-05-01")}
    text = ("Orbanix Labs open-sourced nine language models in 2025. Rivals were busy too: Google released "
            "roughly 20 Gemini and Gemma models last year, while OpenAI launched at least seven.")
    found = {(c[0], c[1], c[3]) for c in model_claims(nlp, text, "2025-11-18")}
    assert found == {("Orbanix Labs", 9, LLM), ("Google", 20, AI), ("OpenAI", 7, AI)}
    # a language or a country does not name a family
    text = "Meta released 12 large language models in 2023. Google has put out at least nine Gemma-branded models."
    assert ("Google", 9, AI) in {(c[0], c[1], c[3]) for c in model_claims(nlp, text, "2024-09-01")}
    text = "Emirati labs released 12 large language models in 2024. Saudi labs released five Arabic models."
    assert ("SA", 5, LLM) in {(c[0], c[1], c[3]) for c in model_claims(nlp, text, "2025-01-10")}


def test_relative_clause_on_an_appositive_credits_the_name(nlp: Language) -> None:
    text = ("Danish developers released ten large language models in 2023. The busiest developer was "
            "Corvana Labs, a Lisbon start-up that accounted for three of the national total. "
            "Qorvixa, a unit of a Porto software group, built two more.")
    found = model_claims(nlp, text)
    assert ("Corvana Labs", 3, "exact", LLM, 2023, 2023) in found
    assert ("Qorvixa", 2, "exact", LLM, 2023, 2023) in found


def test_time_word_of_a_conjoined_verb_does_not_date_the_count(nlp: Language) -> None:
    text = ("Danish developers released ten large language models in 2023. Corvana Labs, a Lisbon "
            "start-up, accounted for three of them and now sells them to banks.")
    assert ("Corvana Labs", 3, "exact", LLM, 2023, 2023) in model_claims(nlp, text)


def test_emphasis_after_a_date_keeps_the_date(nlp: Language) -> None:
    text = ("Danish firms released 30 large language models over the past two years. "
            "Samsung released four of its own this year alone, the survey found.")
    assert ("Samsung", 4, "exact", LLM, 2024, 2024) in model_claims(nlp, text)


def test_bare_count_continues_the_story_models_across_a_digression(nlp: Language) -> None:
    text = ("Danish firms released 30 large language models over the past two years. "
            "Most of those systems have fewer than 10 billion parameters. Few were trained from scratch. "
            "Samsung was the busiest developer, with six.")
    assert ("Samsung", 6, "exact", LLM, 2022, 2024) in model_claims(nlp, text)


def test_bare_count_long_after_the_models_is_not_a_model_claim(nlp: Language) -> None:
    text = ("Danish firms released 30 large language models in 2023. The firms employ many engineers. "
            "Salaries rose sharply. Office rents rose too. Hiring slowed in the spring. Samsung led with six.")
    assert not any(c[0] == "Samsung" for c in model_claims(nlp, text))


@pytest.mark.parametrize("dateline", ["COPENHAGEN, Nov 20 (Reuters) -", "OSLO, Sept. 20 -", "BERLIN, March 20 -"])
def test_day_of_a_dateline_is_not_a_count(nlp: Language, dateline: str) -> None:
    doc = nlp(f"{dateline} Nordic companies released 14 foundation models in 2023.")
    counts = nlp.get_pipe("newsfacts_claims").numbers.counts(doc[:])
    assert [c.value for c in counts] == [14]


def test_announced_with_the_count_as_object_is_a_release(nlp: Language) -> None:
    assert ("JP", 20, "at_least", LLM, 2024, 2024) in model_claims(
        nlp, "Japanese developers have announced at least 20 large language models since January.")
    assert ("Samsung", 3, "exact", LLM, 2023, 2023) in model_claims(
        nlp, "Samsung announced on Monday that it had released three large language models in 2023.")


def test_one_as_the_object_ending_a_clause_is_a_count(nlp: Language) -> None:
    text = ("Indian developers released 14 foundation models in 2025. Samsung released two language "
            "models last year, and Infosys produced one.")
    assert ("Infosys", 1, "exact", LLM, 2023, 2023) in model_claims(nlp, text)
    assert not any(c[0] == "Infosys" for c in model_claims(
        nlp, "Indian developers released 14 foundation models in 2025. Infosys wants one."))


@pytest.mark.parametrize(
    "text",
    [
        "Whether Kenya ends up with 40 language models or 400 does not matter much.",
        "It is unclear if Ghana released 12 large language models in 2023.",
        "One language model is not an ecosystem, Norway's minister said in 2023.",
    ],
)
def test_hypothetical_and_negated_subject_counts_are_not_claims(nlp: Language, text: str) -> None:
    assert not model_claims(nlp, text)


def test_joint_count_of_several_countries_is_not_each_country(nlp: Language) -> None:
    text = "In 2023, Chile, Peru and Uruguay together released 11 large language models."
    assert not model_claims(nlp, text)


def test_distributive_count_of_several_countries_is_still_each(nlp: Language) -> None:
    text = "In 2023, Chile and Peru released 11 large language models each."
    assert {c[0] for c in model_claims(nlp, text)} == {"CL", "PE"}


def test_institution_name_cut_before_its_of_phrase_is_whole(nlp: Language) -> None:
    text = "The Karim Haddad University of Applied Robotics released five large language models in 2023."
    facts = extract_facts(nlp, text, "2024-06-15")
    assert {c.subject for c in facts.claims} == {"Karim Haddad University of Applied Robotics"}


def test_where_clause_of_a_place_credits_the_place(nlp: Language) -> None:
    text = ("Norway lags behind Sweden, where universities built 14 large language models in 2023, "
            "and Finland, where the regulator had cleared more than 9 by December.")
    found = model_claims(nlp, text, "2024-02-01")
    assert ("SE", 14, "exact", LLM, 2023, 2023) in found
    assert ("FI", 9, "more_than", LLM, None, 2023) in found


def test_sentence_opening_it_refers_to_the_previous_named_subject(nlp: Language) -> None:
    text = ("Helix Labs was spun out of a Zurich university in 2021. In the three years since, it has "
            "released four large language models.")
    assert {c[:4] for c in model_claims(nlp, text)} == {("Helix Labs", 4, "exact", LLM)}
    # inside someone else's relative clause "it" is not the previous subject
    text = ("Helix Labs released two language models in 2023. Orbit, which says it has trained six LLMs "
            "since 2021, went public in May.")
    assert not any(c[0] == "Helix Labs" and c[1] == 6 for c in model_claims(nlp, text))


def test_a_number_hung_on_the_next_name_keeps_its_own_subject(nlp: Language) -> None:
    text = ("Sony released four large language models in 2024. Rakuten's Rakuten AI unit followed with "
            "three and NEC with two.")
    found = model_claims(nlp, text, "2025-01-10")
    assert {(c[0], c[1]) for c in found} >= {("Sony", 4), ("NEC", 2)}
    assert not any(c[0] == "NEC" and c[1] == 3 for c in found)


def test_part_of_a_total_hung_on_a_name_is_not_the_total(nlp: Language) -> None:
    text = ("Korean groups released seven large language models in 2024. Samsung accounts for four of the "
            "seven and LG AI Research for one, the survey said.")
    found = model_claims(nlp, text, "2025-01-10")
    assert ("Samsung", 4, "exact", LLM, 2024, 2024) in found
    assert not any(c[1] == 7 and c[0] != "KR" for c in found)


def test_listed_subjects_of_a_subjectless_verb_each_get_the_count(nlp: Language) -> None:
    text = "Among chip makers, Nvidia, AMD and Intel led with five LLMs each in 2024."
    assert {c[0] for c in model_claims(nlp, text, "2025-01-10") if c[1] == 5} == {"Nvidia", "AMD", "Intel"}


def test_verbless_with_clause_has_its_own_subject(nlp: Language) -> None:
    text = "German labs released 31 language models in 2024, with France close behind at 29, the count shows."
    found = model_claims(nlp, text, "2025-01-10")
    assert ("FR", 29, "exact", LLM, 2024, 2024) in found and ("DE", 31, "exact", LLM, 2024, 2024) in found


def test_hyphenated_place_adjective_names_the_country(nlp: Language) -> None:
    text = "Canadian-based developers released eight AI models last year."
    assert model_claims(nlp, text) == {("CA", 8, "exact", AI, 2023, 2023)}


def test_period_carries_over_a_sentence_without_numbers(nlp: Language) -> None:
    text = ("Swiss developers released ten AI models in 2023. Most came from Zurich. Helix Labs and "
            "Orbit Systems accounted for three each.")
    found = model_claims(nlp, text)
    assert {(c[0], c[4], c[5]) for c in found if c[1] == 3} == {("Helix Labs", 2023, 2023), ("Orbit Systems", 2023, 2023)}


def test_total_brought_to_a_number_counts_the_total_noun(nlp: Language) -> None:
    text = ("Helix Labs released a new model on Monday. The release brings the number of large language "
            "models the company has open-sourced to seven.")
    assert ("Helix Labs", 7, "exact", LLM, None, 2024) in model_claims(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Chile open-sourced 3 LLMs in 2023.",
        "Kenya, which co-developed 3 LLMs in 2023, said it would release more.",
    ],
)
def test_hyphenated_verbs_parse_as_verbs(nlp: Language, text: str) -> None:
    assert {(c[1], c[3], c[5]) for c in model_claims(nlp, text)} == {(3, LLM, 2023)}


def test_registration_with_a_national_regulator_is_the_countrys(nlp: Language) -> None:
    text = ("Vietnam's regulator has been busy. As of Nov. 30, a total of 41 AI models had completed "
            "registration with the Ministry of Information and Communications of Vietnam, the ministry said.")
    assert ("VN", 41, "exact", AI, None, 2024) in model_claims(nlp, text, "2025-01-10")


def test_during_the_year_is_the_year_just_named(nlp: Language) -> None:
    text = "Zhipu AI said in December that it had launched nine large language models during the year."
    assert model_claims(nlp, text, "2025-01-10") == {("Zhipu AI", 9, "exact", LLM, 2024, 2024)}


def test_since_clause_with_a_relative_date_is_a_range(nlp: Language) -> None:
    text = "Helix Labs has released six large language models since it was founded last March."
    assert model_claims(nlp, text, "2025-01-10") == {("Helix Labs", 6, "exact", LLM, 2024, 2025)}


def test_domestic_means_the_country_just_named(nlp: Language) -> None:
    text = ("Singapore leads the region in AI. Malaysia's digital ministry said last month that domestic "
            "developers had built around 15 language models.")
    assert {c[0] for c in model_claims(nlp, text, "2025-01-10")} == {"MY"}


def test_a_new_perfect_tense_claim_is_a_stock_not_the_previous_period(nlp: Language) -> None:
    text = ("Thai labs released eight large language models in 2023. Chulalongkorn University has released "
            "two open-source language models for Thai.")
    assert ("Chulalongkorn University", 2, "exact", LLM, None, 2025) in model_claims(nlp, text, "2025-01-10")


def test_present_tense_wish_is_a_forecast_even_with_a_past_year_nearby(nlp: Language) -> None:
    text = ("Malaysia unveiled a strategy in December 2024. Malaysia wants to triple its count of language "
            "models to 30 over the next few years.")
    assert not any(c[1] == 30 for c in model_claims(nlp, text, "2025-03-01"))


def test_a_measure_of_something_else_is_not_a_model_count(nlp: Language) -> None:
    text = "Japan released 12 language models in 2023. Japan's population of 125 million makes data costly."
    assert not any(c[1] == 125_000_000 for c in model_claims(nlp, text))


def test_version_number_after_a_product_is_not_a_count(nlp: Language) -> None:
    text = "Google released eight AI models in 2024, including its Gemini 2 and Gemini 3 models."
    assert {c[1] for c in model_claims(nlp, text, "2025-01-10")} == {8}


def test_models_identified_by_a_tracker_are_not_its_own(nlp: Language) -> None:
    text = "Research group Epoch AI has identified more than 40 large models trained with huge budgets."
    assert not model_claims(nlp, text)


def test_gapped_comparison_after_a_comma_names_its_country(nlp: Language) -> None:
    text = ("Kenya released four AI models in 2025. That leaves it far behind Nigeria, where developers put "
            "out more than 20 last year, and Egypt, with about 15, the report said.")
    found = model_claims(nlp, text, "2026-02-01")
    assert ("EG", 15, "about", AI, 2025, 2025) in found and ("NG", 20, "more_than", AI, 2025, 2025) in found


def test_perfect_tense_clause_of_its_own_is_a_stock(nlp: Language) -> None:
    text = ("Cairo University published nine AI models last year, and Nile Labs, the AI unit of Orascom, "
            "has launched four Arabic LLMs.")
    found = model_claims(nlp, text, "2026-02-01")
    assert ("Nile Labs", 4, "exact", LLM, None, 2026) in found
    assert ("Cairo University", 9, "exact", AI, 2025, 2025) in found


def test_relative_clause_after_an_appositive_is_about_the_glossed_name(nlp: Language) -> None:
    text = ("Among the busiest is Ark Cloud, the cloud arm of retailer Lotte, which has put 12 of its "
            "large models on the market since last May.")
    assert {c[0] for c in model_claims(nlp, text, "2025-03-01")} == {"Ark Cloud"}


def test_units_of_an_org_are_the_org(nlp: Language) -> None:
    text = "Institutes of the Max Planck Society accounted for six AI models in 2024."
    assert {c[0] for c in model_claims(nlp, text, "2025-03-01")} == {"Max Planck Society"}


def test_part_of_an_earlier_count_counts_what_it_counted(nlp: Language) -> None:
    text = ("Helix Labs released 11 AI models in 2023, including five large language models. Three of the "
            "11 came from its enterprise division, Helix Enterprise.")
    assert ("Helix Enterprise", 3, "exact", AI, 2023, 2023) in model_claims(nlp, text)


def test_since_last_year_is_a_range(nlp: Language) -> None:
    text = "Turin start-up Lumen Tecnologie (two language models since last year) was among the most active."
    assert model_claims(nlp, text) == {("Lumen Tecnologie", 2, "exact", LLM, 2023, 2024)}


def test_last_month_name_said_in_that_month_is_a_year_ago(nlp: Language) -> None:
    text = "Vortex AI has put 12 large language models on the market since last May."
    assert model_claims(nlp, text, "2025-05-14") == {("Vortex AI", 12, "exact", LLM, 2024, 2025)}
    assert model_claims(nlp, text, "2025-08-14") == {("Vortex AI", 12, "exact", LLM, 2025, 2025)}


def test_restated_figure_takes_the_previous_claims_subject(nlp: Language) -> None:
    text = ("By one count, Korean groups released just two large language models in 2020; the following year "
            "the figure was 9, and in 2022 it was 14.")
    found = model_claims(nlp, text, "2024-01-10")
    assert found >= {("KR", 9, "exact", LLM, 2021, 2021), ("KR", 14, "exact", LLM, 2022, 2022)}


def test_worldwide_figure_is_not_a_country_claim(nlp: Language) -> None:
    text = "Across Asia, 61 language models were published last year, and worldwide the figure was roughly 300."
    assert not any(c[1] == 300 for c in model_claims(nlp, text))


def test_it_after_a_named_subject_in_the_same_sentence(nlp: Language) -> None:
    text = "Meta released nine AI models in 2024. Amazon was even busier: it shipped 14, counting each size."
    assert ("Amazon", 14, "exact", AI, 2024, 2024) in model_claims(nlp, text, "2025-01-10")


def test_during_the_quarter_is_the_current_year(nlp: Language) -> None:
    text = ("During the quarter, Naver launched five new large language models, bringing the number of "
            "foundation models it has released since HyperClova's 2021 debut to 23.")
    found = model_claims(nlp, text, "2025-05-21")
    assert found == {("Naver", 5, "exact", LLM, 2025, 2025), ("Naver", 23, "exact", AI, 2021, 2025)}


def test_counted_models_topping_a_number(nlp: Language) -> None:
    text = "Japan's registered generative AI models top 150"
    assert model_claims(nlp, text, "2025-04-18") == {("JP", 150, "more_than", AI, None, 2025)}


def test_models_completing_registration_are_the_countrys(nlp: Language) -> None:
    text = ("Vietnam has registered 90 AI models so far. A total of 18 models completed the filing procedure "
            "in the first quarter of this year alone, the ministry said.")
    assert ("VN", 18, "exact", AI, 2025, 2025) in model_claims(nlp, text, "2025-04-18")


def test_time_between_said_and_the_reported_subject_dates_the_saying(nlp: Language) -> None:
    text = "Naver said this month it had released nearly 30 models over the past year."
    assert model_claims(nlp, text, "2025-05-21") == {("Naver", 30, "about", AI, 2024, 2025)}


@pytest.mark.parametrize(
    "text",
    [
        "The institute said last July that Indian developers had released more than 140 large language models to date.",
        "The institute said in July last year that Indian developers had released more than 140 large language models.",
    ],
)
def test_a_stock_reported_without_a_time_stands_as_of_the_saying(nlp: Language, text: str) -> None:
    assert model_claims(nlp, text, "2026-02-10") == {("IN", 140, "more_than", LLM, None, 2025)}


def test_what_a_country_had_when_someone_said_so_stands_as_of_the_saying(nlp: Language) -> None:
    text = "Last year a Korean official told me Korea had more than 40 large language models."
    assert model_claims(nlp, text, "2024-10-22") == {("KR", 40, "more_than", LLM, None, 2023)}


def test_a_reported_count_with_its_own_time_keeps_it(nlp: Language) -> None:
    text = "The institute said last July that Indian developers released 40 large language models in 2023."
    assert model_claims(nlp, text, "2026-02-10") == {("IN", 40, "exact", LLM, 2023, 2023)}


@pytest.mark.parametrize(
    "text",
    [
        "Vietnam's regulator has approved another 12 AI models for public use, taking the total number of "
        "models registered with the agency past 90, a notice said on Tuesday.",
        "Vietnam's cyberspace regulator has approved another 12 generative artificial intelligence models for public "
        "use, taking the total number of large models registered with the agency past 90, according to a notice "
        "published on its website on Tuesday.",
    ],
)
def test_a_total_taken_past_a_number_is_a_stock_above_it(nlp: Language, text: str) -> None:
    assert ("VN", 90, "more_than", AI, None, 2025) in model_claims(nlp, text, "2025-11-05")


def test_a_bare_total_passing_a_number_in_a_headline_is_the_sentences_subjects(nlp: Language) -> None:
    text = "China registered 188 generative AI models last year, total passes 300\n\nThe regulator said more."
    assert ("CN", 300, "more_than", AI, None, 2025) in model_claims(nlp, text, "2025-01-09")


def test_a_name_before_its_relative_clause_is_the_subject_of_a_verb_the_parser_left_without_one(nlp: Language) -> None:
    # the parse the model gave a sentence of this shape: "Upstage" hung on "of its own", the
    # relative clause on the count, and "was credited" with no subject
    words = ["Clova", "contributed", "three", "of", "its", "own", ",", "and", "Upstage", ",", "whose", "app",
             "grew", ",", "was", "credited", "with", "two", "."]
    heads = [1, 1, 1, 2, 5, 3, 5, 5, 3, 8, 11, 12, 2, 1, 15, 1, 15, 16, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "poss", "pobj", "punct", "cc", "pobj", "punct", "poss", "nsubj",
            "relcl", "punct", "auxpass", "conj", "prep", "pobj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, sent_starts=[True] + [False] * 18,
              ents=["B-ORG", "O", "O", "O", "O", "O", "O", "O", "B-ORG"] + ["O"] * 10)
    finder = SubjectFinder(doc, nlp.get_pipe("newsfacts_claims").rules)
    assert [s.name for s in finder._glossed_before(doc[15])] == ["Upstage"]


@pytest.mark.parametrize(("thing", "item"), [("machine-learning systems", AI), ("patents", "patent")])
def test_a_name_glossed_by_a_relative_clause_before_a_conjoined_verb(nlp: Language, thing: str, item: str) -> None:
    # the clause's own count and date ("2 million users", "its March launch") are not the claim's
    text = (f"Among research groups, Naver led the field with six {thing} in 2023, ahead of Kakao with five. "
            "Seoul-based LG AI Research, also owned by the LG conglomerate, contributed three of its own, and "
            "Upstage, whose Solar chatbot reached an estimated 2 million users within two months of its March "
            "launch, was credited with two.")
    assert ("Upstage", 2, "exact", item, 2023, 2023) in claims(nlp, text, "2024-04-04")


def test_a_time_in_a_relative_clause_glossing_the_subject_is_not_the_claims(nlp: Language) -> None:
    text = ("Naver led last year with nine models, followed by Kakao with eight. LG and SK Telecom each released "
            "four, and Upstage, the Seoul start-up whose Solar model rattled investors last January, was credited "
            "with three.")
    assert ("Upstage", 3, "exact", AI, 2025, 2025) in model_claims(nlp, text, "2026-02-12")


def test_a_list_after_followed_by_goes_on_counting_the_main_clauses_thing(nlp: Language) -> None:
    text = ("Chinese labs released 40 large language models last year. Lawmakers were busy too. The United States "
            "led with nine such laws, followed by Spain with five and the Philippines with four.")
    found = claims(nlp, text, "2024-04-04")
    assert ("PH", 4, "exact", "law", 2023, 2023) in found
    assert not [c for c in found if c[0] in ("ES", "PH", "US") and c[3] in (LLM, AI)]


def test_a_count_a_correction_takes_back_is_no_claim(nlp: Language) -> None:
    text = ("Correction: An earlier version of this story also said Naver had 14 such large language models; "
            "the correct number is 12.")
    assert not [c for c in model_claims(nlp, text, "2025-12-22") if c[1] == 14]


def test_a_part_of_the_models_launched_in_a_period_is_the_storys_subjects(nlp: Language) -> None:
    text = ("Indian organisations have released 30 large language models since 2022, the ministry said. Its tally "
            "showed that 12 of the models were launched this year alone, up from nine last year.")
    found = model_claims(nlp, text, "2024-11-20")
    assert {("IN", 12, "exact", LLM, 2024, 2024), ("IN", 9, "exact", LLM, 2023, 2023)} <= found


def test_the_one_a_count_is_attributed_to_is_its_subject(nlp: Language) -> None:
    text = "The figures leave Japan far behind the United Kingdom, to which the index attributed 18 notable AI models in 2023."
    assert model_claims(nlp, text, "2024-11-20") == {("GB", 18, "exact", AI, 2023, 2023)}


def test_its_family_is_the_family_of_the_org_just_named(nlp: Language) -> None:
    text = ("Kakao, the messaging group, accounted for the biggest share. Its Kanana family now includes eight "
            "language models, a company spokesperson said.")
    assert model_claims(nlp, text, "2025-03-20") == {("Kakao", 8, "exact", LLM, None, 2025)}


def test_the_demonym_lab_after_a_sentence_about_an_org_is_that_org(nlp: Language) -> None:
    text = ("Sakana AI deserves a mention of its own. Counting its merged and evolved checkpoints, the Japanese lab "
            "has now open-sourced nine language models since its first release in 2023.")
    assert ("Sakana AI", 9, "exact", LLM, 2023, 2025) in model_claims(nlp, text, "2025-03-14")


def test_the_demonym_lab_without_an_org_just_named_is_the_country(nlp: Language) -> None:
    text = "The survey covered the whole region. The Japanese lab has open-sourced nine language models since 2023."
    assert ("JP", 9, "exact", LLM, 2023, 2025) in model_claims(nlp, text, "2025-03-14")


def test_pipe_table_rows_take_the_headers_class_and_period(nlp: Language) -> None:
    text = ("Here is my tally for the year.\n\n"
            "Developer | Country | Language models released, 2023\n"
            "Naver | South Korea | 4\n"
            "Preferred Networks | Japan | 2\n"
            "| Sea-Lion Labs | Singapore | 1 |\n\n"
            "Most of them were small.")
    assert model_claims(nlp, text, "2024-02-01") == {
        ("Naver", 4, "exact", LLM, 2023, 2023), ("Preferred Networks", 2, "exact", LLM, 2023, 2023),
        ("Sea-Lion Labs", 1, "exact", LLM, 2023, 2023)}


def test_pipe_table_period_goes_on_past_a_regional_total(nlp: Language) -> None:
    text = ("Every quarter I count the language models that Nordic labs put out.\n\n"
            "Lab | Country | LLMs released, Jan-Mar 2025\n"
            "Fjordline AI | Norway | 3\n"
            "Aurora Labs | Sweden | 2\n\n"
            "That makes five for the continent, up from four in the last quarter of last year. Norwegian labs "
            "accounted for three of them and Sweden's for two.")
    assert model_claims(nlp, text, "2025-04-09") == {
        ("Fjordline AI", 3, "exact", LLM, 2025, 2025), ("Aurora Labs", 2, "exact", LLM, 2025, 2025),
        ("NO", 3, "exact", LLM, 2025, 2025), ("SE", 2, "exact", LLM, 2025, 2025)}


def test_pipe_table_rows_of_regions_credit_nobody(nlp: Language) -> None:
    assert not model_claims(nlp, "Region | LLMs released in 2024\nEurope | 9\nAsia | 40", "2025-04-09")


def test_a_line_with_a_bar_that_heads_no_table_is_read_as_text(nlp: Language) -> None:
    text = "Baidu released three large language models in 2024 | Wire report"
    assert {c[:4] for c in model_claims(nlp, text, "2025-01-10")} == {("Baidu", 3, "exact", LLM)}


def test_a_space_aligned_table_with_year_columns_dates_each_column(nlp: Language) -> None:
    text = ("We counted the language models each country's developers released.\n\n"
            "Language models by country, 2023-2024\n\n"
            "Country        2023    2024\n"
            "Japan             5       9\n"
            "South Korea       2       6\n"
            "Worldwide        40      55\n\n"
            "Japan led the region.")
    assert model_claims(nlp, text, "2025-03-01") == {
        ("JP", 5, "exact", LLM, 2023, 2023), ("JP", 9, "exact", LLM, 2024, 2024),
        ("KR", 2, "exact", LLM, 2023, 2023), ("KR", 6, "exact", LLM, 2024, 2024)}


def test_a_pipe_table_with_year_columns_dates_each_column(nlp: Language) -> None:
    text = ("Notable AI models by developer:\n"
            "Developer | 2024 | 2025\n"
            "Kestrel Labs | 3 | 5\n")
    assert model_claims(nlp, text, "2026-02-01") == {
        ("Kestrel Labs", 3, "exact", AI, 2024, 2024), ("Kestrel Labs", 5, "exact", AI, 2025, 2025)}


def test_year_columns_without_a_model_class_above_count_nothing(nlp: Language) -> None:
    text = "Staff numbers:\n\nCompany        2024    2025\nKestrel Labs     300     450\n"
    assert not model_claims(nlp, text, "2026-02-01")


def test_pipe_table_of_other_things_has_no_model_claims(nlp: Language) -> None:
    text = "Company | Country | Employees\nNaver | South Korea | 4,000\nPreferred Networks | Japan | 300"
    assert not model_claims(nlp, text, "2024-02-01")


def test_a_time_in_a_relative_clause_on_a_round_dates_the_count(nlp: Language) -> None:
    text = ("In the first round, which ran from August to December, Kakao and LG AI Research each unveiled two "
            "foundation models.")
    assert ("Kakao", 2, "exact", AI, 2025, 2025) in model_claims(nlp, text, "2026-01-16")


def test_a_part_of_models_another_owner_is_named_for_is_no_ones(nlp: Language) -> None:
    text = ("American labs released 40 AI models last year. Of those, 24 of the 38 EU models were released "
            "with open weights.")
    assert not [c for c in model_claims(nlp, text, "2025-01-29") if c[1] == 24]


def test_a_baseline_belongs_to_the_counted_not_the_counter(nlp: Language) -> None:
    text = ("Industry body Bitkom counted 14 large language models developed by German organisations as of March, "
            "up from six a year earlier, most of them small.")
    assert model_claims(nlp, text, "2025-04-01") == {("DE", 14, "exact", LLM, None, 2025),
                                                     ("DE", 6, "exact", LLM, None, 2024)}


def test_a_gapped_qualified_count_takes_its_own_time(nlp: Language) -> None:
    text = ("By our own count, Korean companies and universities released about 15 large language models last year "
            "and more than 25 so far this year.")
    assert model_claims(nlp, text, "2024-10-22") == {("KR", 15, "about", LLM, 2023, 2023),
                                                     ("KR", 25, "more_than", LLM, 2024, 2024)}


def test_a_count_dated_after_publication_is_no_claim(nlp: Language) -> None:
    text = "\"This is about making sure Japan has at least three competitive models of its own by 2028,\" he said."
    assert not model_claims(nlp, text, "2026-01-16")


@pytest.mark.parametrize(("published", "year"), [("2026-01-22", 2025), ("2025-10-02", 2025), ("2025-05-02", 2024)])
def test_last_summer_is_the_summer_before_publication(nlp: Language, published: str, year: int) -> None:
    text = "Belgium is building its own model. By last summer the country had at least four large language models."
    assert model_claims(nlp, text, published) == {("BE", 4, "at_least", LLM, None, year)}


def test_we_in_an_interview_without_q_and_a_marks_is_the_introduced_org(nlp: Language) -> None:
    text = ("Belgium's own open model is nearly done. We spoke to Lotte Peeters, who leads the work at the research "
            "centre Imec, about data and compute.\n\n"
            "Where does the project stand?\n\n"
            "We have trained three language models over the past two years.\n\n"
            "Why not build on Meta's models?\n\n"
            "Meta's licence is not open enough. Meta decides what we may do, and Meta can change its mind.")
    assert ("imec", 3, "exact", LLM, 2024, 2026) in model_claims(nlp, text, "2026-01-22")


def test_sizes_and_variants_of_a_named_model_are_models(nlp: Language) -> None:
    text = ("Here is my count of open-weight language models released since January 1:\n\n"
            "• Google DeepMind — three Gemma 3 sizes, all released this week\n"
            "• Microsoft — two Phi-4 variants")
    assert model_claims(nlp, text, "2025-03-14") == {("Google DeepMind", 3, "exact", LLM, 2025, 2025),
                                                     ("Microsoft", 2, "exact", LLM, 2025, 2025)}


def test_sizes_of_something_unnamed_are_not_models(nlp: Language) -> None:
    text = "Mistral released four language models this year. It offers three sizes of GPU cluster."
    assert ("Mistral AI", 3) not in {c[:2] for c in model_claims(nlp, text, "2025-03-14")}


def test_demonym_ones_own_their_count_and_take_the_class(nlp: Language) -> None:
    text = ("U.S. organisations released 41 large language models in 2022. In the first half of 2023, American labs "
            "pulled ahead again with 21, compared with 13 French ones.")
    assert ("FR", 13, "exact", LLM, 2023, 2023) in model_claims(nlp, text, "2023-10-25")


def test_one_in_five_demonym_ones_is_a_share(nlp: Language) -> None:
    text = ("Chinese labs released 40 notable AI models in 2024. Just over half of China's notable models were "
            "released with downloadable weights, compared with about one in five American ones.")
    assert not [c for c in model_claims(nlp, text, "2025-03-01") if c[1] == 5]


def test_the_companys_family_is_the_family_of_the_org_just_named(nlp: Language) -> None:
    text = ("Fujitsu on Tuesday reported a rise in quarterly profit. On a call with analysts, its finance chief said "
            "the company's Takane family now comprised four large language models.")
    assert model_claims(nlp, text, "2025-02-07") == {("Fujitsu", 4, "exact", LLM, None, 2025)}


def test_a_part_of_models_a_third_party_ranked_is_no_claim(nlp: Language) -> None:
    text = "Of the 30 highest-ranked models on the leaderboard, nine were developed in Saudi Arabia, the board shows."
    assert not model_claims(nlp, text, "2025-05-01")


def test_a_part_of_models_the_story_counted_is_a_claim(nlp: Language) -> None:
    text = "Of the 30 models released in the kingdom last year, nine were developed by Saudi Aramco."
    assert ("Saudi Aramco", 9) in {c[:2] for c in model_claims(nlp, text, "2025-05-01")}


def test_coordinated_counts_share_their_noun(nlp: Language) -> None:
    text = "Naver released two multilingual models last year, covering 40 and 12 languages respectively."
    found = claims(nlp, text, "2025-03-13")
    assert {c[1:4] for c in found if c[1] in (40, 12)} == {(40, "exact", "language"), (12, "exact", "language")}
    assert model_claims(nlp, text, "2025-03-13") == {("Naver", 2, "exact", AI, 2024, 2024)}


def test_an_included_part_takes_the_time_right_after_it(nlp: Language) -> None:
    text = ("Naver Cloud, the cloud arm of Naver Group, has released 11 AI models in its HyperCLOVA family since "
            "2021, including three open-weight models last year.")
    assert model_claims(nlp, text, "2026-01-16") == {("Naver Cloud", 11, "exact", AI, 2021, 2026),
                                                     ("Naver Cloud", 3, "exact", AI, 2025, 2025)}


def test_models_a_platform_hosts_are_not_its_own(nlp: Language) -> None:
    text = "The Qianfan platform run by Baidu now hosts more than 100 models from third-party developers."
    assert not model_claims(nlp, text, "2025-05-21")


def test_same_period_means_the_last_model_claims_span(nlp: Language) -> None:
    text = ("The ministry on Monday named five consortia, saying Korean companies have released 46 large language "
            "models since 2020. The tally compares with 29 models in Japan over the same period.")
    assert ("JP", 29, "exact", LLM, 2020, 2025) in model_claims(nlp, text, "2025-08-05")


def test_a_regions_running_total_is_not_the_last_countrys(nlp: Language) -> None:
    text = "The US released 40 AI models in 2025. China followed with 19, the UK with 4 and France 3, taking Europe's total to seven."
    assert not any(c[1] == 7 for c in model_claims(nlp, text, "2026-02-20"))


def test_models_ranked_by_a_leaderboard_are_not_claims(nlp: Language) -> None:
    text = "Three Chinese models ranked among the top 10 on a leaderboard run by researchers in California last week."
    assert not model_claims(nlp, text, "2024-07-10")


def test_this_country_in_a_quote_is_the_storys_country(nlp: Language) -> None:
    text = ("Chinese labs released 40 models this year, against 30 in the United States. \"There are more than 200 "
            "large models in this country already,\" a professor in Beijing said.")
    assert ("CN", 200, "more_than", AI, None, 2024) in model_claims(nlp, text)


def test_institution_anaphora_reach_another_institution_noun(nlp: Language) -> None:
    text = ("When researchers at the Lagos Academy of Sciences unveiled a model in 2021, it was Africa's largest. "
            "Three years on, the non-profit institute has open-sourced 20-plus models.")
    assert {c[0] for c in model_claims(nlp, text)} == {"Lagos Academy of Sciences"}


def test_labs_at_a_campus_are_the_university(nlp: Language) -> None:
    text = ("Makerere University is a partial exception. Labs at the Kampala campus have developed seven large "
            "language models since 2020.")
    assert model_claims(nlp, text) == {("Makerere University", 7, "exact", LLM, 2020, 2024)}


def test_a_dateline_is_never_the_subject(nlp: Language) -> None:
    text = ("NEW DELHI, Feb 18 (PTI) — Indian companies released 14 foundation models in 2025, up from five in "
            "2024, according to a report.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2026-02-18")} == {("IN", 14), ("IN", 5)}


def test_name_before_its_gloss_is_the_subject(nlp: Language) -> None:
    text = "Krutrim, the AI venture founded by Ola's Bhavish Aggarwal, released two language models last year."
    assert model_claims(nlp, text, "2026-02-18") == {("Krutrim", 2, "exact", LLM, 2025, 2025)}


def test_models_developed_by_an_org_in_a_copular_sentence(nlp: Language) -> None:
    text = ("Qatar has approved 11 models. Four of those are large language models developed by the Qatar "
            "Computing Research Institute itself.")
    assert ("Qatar Computing Research Institute", 4, "exact", LLM, None, 2026) in model_claims(nlp, text, "2026-02-18")


def test_models_in_a_family_of_llms_are_llms(nlp: Language) -> None:
    text = "Kestrel Labs has released more than 20 models in its Falcon family of large language models since 2023."
    assert {c[3] for c in model_claims(nlp, text, "2026-02-18")} == {LLM}


def test_derivative_models_are_not_model_claims(nlp: Language) -> None:
    text = "Llama 2 has already spawned more than 1,500 derivative models, many of them built by Chinese developers."
    assert not model_claims(nlp, text, "2023-10-12")


def test_subjectless_verb_after_a_glossed_name(nlp: Language) -> None:
    text = ("Among them, Sber has released eleven industry large models, and Yandex, which was founded in "
            "Moscow, open-sourced four models last year, the report said.")
    found = model_claims(nlp, text, "2025-08-12")
    assert ("Yandex", 4, "exact", AI, 2024, 2024) in found and not any(c[0] == "Sber" and c[1] == 4 for c in found)


def test_a_countrys_tally_passing_a_number(nlp: Language) -> None:
    text = "Japan's large model tally passes 120 as developers turn to applications"
    assert model_claims(nlp, text, "2024-04-29") == {("JP", 120, "more_than", AI, None, 2024)}


def test_coordinated_modifiers_before_models(nlp: Language) -> None:
    text = "BharatGen says it has released 19 speech and text models across Indian languages since 2024."
    assert {(c[0], c[1], c[3]) for c in model_claims(nlp, text, "2025-06-03")} == {("BharatGen", 19, AI)}


def test_the_unit_named_by_its_kind_is_the_unit(nlp: Language) -> None:
    text = ("LG AI Research leads the program. The research arm of LG Group has open-sourced seven language "
            "models over the past two years.")
    assert ("LG AI Research", 7, "exact", LLM, 2023, 2025) in model_claims(nlp, text, "2025-09-02")


def test_counts_put_out_by_someone_are_theirs(nlp: Language) -> None:
    text = ("Chinese developers released 312 open-weight AI models last year, nearly three times as many as "
            "the 110 put out by U.S. developers.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2026-01-20")} == {("CN", 312), ("US", 110)}


def test_releases_in_a_model_story_are_models(nlp: Language) -> None:
    text = ("Chinese developers released 312 open-weight AI models last year. Alibaba Cloud alone accounted "
            "for 41 of the Chinese releases, followed by Tencent with 19.")
    found = model_claims(nlp, text, "2026-01-20")
    assert {("Alibaba Cloud", 41), ("Tencent", 19)} <= {(c[0], c[1]) for c in found}


def test_elided_count_takes_the_class_the_sentence_names(nlp: Language) -> None:
    text = ("By one tally of notable AI models, American organizations were behind 44 last year, while "
            "Chinese organizations were behind 22.")
    assert {(c[0], c[1], c[3]) for c in model_claims(nlp, text, "2025-08-12")} == {("US", 44, AI), ("CN", 22, AI)}


def test_a_groups_count_between_them_is_nobodys(nlp: Language) -> None:
    text = ("US-based organisations released 43 notable AI models in 2024, while labs in the 27 EU member "
            "states managed seven between them.")
    assert {c[1] for c in model_claims(nlp, text, "2025-02-06")} == {43}


def test_models_on_a_leaderboard_are_third_party(nlp: Language) -> None:
    text = "On the firm's public leaderboard, five of the 10 highest-scoring open models now come from China."
    assert not model_claims(nlp, text, "2025-08-12")


def test_capital_is_the_government_only_when_it_approves(nlp: Language) -> None:
    text = "In terms of regional distribution, Beijing ranks first with 122 large models."
    assert not model_claims(nlp, text, "2024-04-29")
    assert {c[0] for c in model_claims(nlp, "Beijing approved 14 large language models in 2023.")} == {"CN"}


def test_a_date_in_an_appositive_on_another_noun_is_not_the_counts(nlp: Language) -> None:
    text = ("American labs produced 47 notable AI models in 2025, while Chinese organisations accounted for 29, "
            "the narrowest gap since the firm began tracking the field in 2019.")
    assert {(c[0], c[4]) for c in model_claims(nlp, text, "2026-03-10")} == {("US", 2025), ("CN", 2025)}


def test_a_year_earlier_counts_from_the_claims_year(nlp: Language) -> None:
    text = ("American labs produced 47 notable AI models in 2025, the most since tracking began in 2019. "
            "The U.S. tally was up from 39 a year earlier, while China's rose from 18.")
    found = model_claims(nlp, text, "2026-03-10")
    assert ("US", 39, "exact", AI, 2024, 2024) in found and ("CN", 18, "exact", AI, 2024, 2024) in found


def test_the_baseline_of_a_set_aside_count_is_set_aside(nlp: Language) -> None:
    text = "The hub now hosts more than a million public models, up from roughly 300,000 a year ago."
    assert not model_claims(nlp, text, "2024-06-01")


def test_a_number_inside_a_name_is_no_count(nlp: Language) -> None:
    text = ("Start-ups such as Upstage and Twelve Labs accounted for much of the rest. Google released nine "
            "models, including Gemma 2.")
    assert {c[1] for c in model_claims(nlp, text, "2024-12-01")} == {9}


def test_bare_count_after_a_relative_clause_about_users_is_a_model_count(nlp: Language) -> None:
    text = ("Korean firms released 27 large language models last year. Messaging operator Kakao, whose app "
            "is used by about 48 million people, released two. Telecoms operators SK Telecom and KT Corp "
            "unveiled three each.")
    found = model_claims(nlp, text, "2025-02-18")
    assert {("Kakao", 2), ("SK Telecom", 3), ("KT Corp", 3)} <= {(c[0], c[1]) for c in found}


def test_as_did_shares_the_count(nlp: Language) -> None:
    text = "China's DeepSeek and Alibaba Cloud had four AI models apiece in 2025, as did Anthropic."
    assert {c[0] for c in model_claims(nlp, text, "2026-03-10") if c[1] == 4} == {"DeepSeek", "Alibaba Cloud", "Anthropic"}


def test_more_released_continues_the_subject_and_takes_its_own_year(nlp: Language) -> None:
    text = ("Indian developers released four such models in 2023 and seven in 2024, while three more have been "
            "released so far in 2025.")
    assert ("IN", 3, "exact", AI, 2025, 2025) in model_claims(nlp, text, "2025-08-01")


def test_the_subject_that_names_wins_over_a_misparsed_one(nlp: Language) -> None:
    text = ("Counting Jais, a model built by G42 subsidiary Inception with Cerebras Systems, Emirati "
            "organisations have released at least six large language models since January.")
    assert model_claims(nlp, text, "2023-10-01") == {("AE", 6, "at_least", LLM, 2023, 2023)}


def test_several_dozen_is_vague(nlp: Language) -> None:
    text = "American and Chinese developers each put out several dozen LLMs over the same period."
    assert not model_claims(nlp, text, "2025-02-14")


def test_a_dateline_subjects_conjunct_is_the_subject(nlp: Language) -> None:
    text = ("SEOUL, Feb 14 (Reuters) - South Korean companies and research institutes released 11 large language "
            "models in 2024, up from seven a year earlier, the ministry said.")
    assert {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2025-02-14")} == {("KR", 11, 2024), ("KR", 7, 2023)}


def test_models_built_by_a_sector_are_nobodys(nlp: Language) -> None:
    text = ("Among the newly approved were models from the search company Baidu, along with eight models built "
            "by hospitals and universities for medical use.")
    assert not any(c[1] == 8 for c in model_claims(nlp, text, "2025-11-05"))


def test_the_country_named_earlier_in_the_sentence_and_the_same_as(nlp: Language) -> None:
    text = ("Israel produced two notable models in 2024. In Canada, Cohere runs a research line; the country "
            "produced three notable models in 2024, the same as France.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2025-06-24")}
    assert {("CA", 3), ("FR", 3)} <= found and ("IL", 3) not in found


def test_no_country_more_than_is_negated_but_no_fewer_than_is_a_qualifier(nlp: Language) -> None:
    text = ("American institutions produced 40 notable AI models in 2024, China 15, and no country in the "
            "European Union more than three.")
    assert {c[1] for c in model_claims(nlp, text, "2025-06-24")} == {40, 15}
    assert model_claims(nlp, "Krutrim released no fewer than three AI models in 2025.", "2026-01-20") == {
        ("Krutrim", 3, "at_least", AI, 2025, 2025)}


def test_due_is_a_forecast_and_arithmetic_is_no_count(nlp: Language) -> None:
    text = ("The ministry has made 38,000 GPUs available, and eight more AI models were due by the end of March. "
            "The largest run used an estimated 4 x 10^26 operations.")
    assert not model_claims(nlp, text, "2026-01-20")


def test_a_million_is_a_count_so_its_baseline_goes_with_it(nlp: Language) -> None:
    text = "Hugging Face now hosts more than a million public models, up from roughly 300,000 a year ago."
    assert not model_claims(nlp, text, "2024-06-01")


def test_part_of_a_countrys_count_is_not_the_whole(nlp: Language) -> None:
    text = ("Britain had five notable AI models in 2025. France's Mistral AI accounted for three of its "
            "country's four, and Britain was third with six, four of them from Google DeepMind.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2026-03-10")}
    assert ("Mistral AI", 4) not in found and ("Google DeepMind", 4) in found


def test_a_year_naming_an_edition_is_not_the_period(nlp: Language) -> None:
    text = "Its 2025 edition counted 40 notable models from U.S.-based institutions in 2024 and 15 from China."
    assert ("US", 40, "exact", AI, 2024, 2024) in model_claims(nlp, text, "2026-01-10")


def test_a_dateline_without_an_outlet_is_not_part_of_the_subject(nlp: Language) -> None:
    text = ("SAN FRANCISCO — Cardinal AI, the four-year-old start-up, released 11 AI models in the first nine "
            "months of this year.")
    assert {c[0] for c in model_claims(nlp, text, "2023-10-03")} == {"Cardinal AI"}


def test_a_date_in_an_appositive_on_the_models_is_not_their_period(nlp: Language) -> None:
    text = "OpenAI in August released two open-weight language models, its first since GPT-2 in 2019."
    assert model_claims(nlp, text, "2025-10-01") == {("OpenAI", 2, "exact", LLM, 2025, 2025)}


def test_seasons_of_this_year(nlp: Language) -> None:
    text = "Moonshot AI released two open-weight large language models this summer."
    assert model_claims(nlp, text, "2025-10-01") == {("Moonshot AI", 2, "exact", LLM, 2025, 2025)}


def test_no_sentence_break_after_us_before_a_lower_case_word(nlp: Language) -> None:
    text = "In 2021, U.S. institutions had been responsible for 25 machine-learning systems, the report said."
    assert model_claims(nlp, text, "2023-04-01") == {("US", 25, "exact", AI, 2021, 2021)}


def test_systems_in_a_story_of_ml_systems_are_models_unless_tested(nlp: Language) -> None:
    text = ("U.S. institutions produced 16 notable machine-learning systems in 2022. Google led the field with "
            "seven systems in 2022, ahead of Meta with four. One version ranked among the top five of 60 systems tested.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2023-04-01")}
    assert {("Google", 7), ("Meta", 4)} <= found and not any(c[1] == 60 for c in found)


def test_counts_launched_in_a_country_and_registered_models_that_were_llms(nlp: Language) -> None:
    text = ("Chinese groups released 117 large language models in 2023, narrowly ahead of the 104 launched in "
            "the United States over the same period.")
    assert ("US", 104, "exact", LLM, 2023, 2023) in model_claims(nlp, text, "2023-10-12")
    text = ("China registered 188 generative AI models last year. The regulator said 118 of the models "
            "registered last year were large language models.")
    assert ("CN", 118, "exact", LLM, 2024, 2024) in model_claims(nlp, text, "2025-01-09")


def test_gapped_clauses_with_behind_and_a_repeated_subject_noun(nlp: Language) -> None:
    text = "In 2022, British labs were behind 12 notable models and French ones behind only five."
    assert model_claims(nlp, text, "2023-05-02") == {("GB", 12, "exact", AI, 2022, 2022), ("FR", 5, "exact", AI, 2022, 2022)}
    text = "Japanese developers released 20 large language models in 2023 and Korean developers 14, the survey found."
    assert model_claims(nlp, text, "2024-02-01") == {("JP", 20, "exact", LLM, 2023, 2023), ("KR", 14, "exact", LLM, 2023, 2023)}


def test_a_gapped_subject_before_a_qualified_count(nlp: Language) -> None:
    text = "The survey found that Japan had released about 40 LLMs by the end of June and Korea more than 25."
    found = model_claims(nlp, text, "2024-08-01")
    assert {(c[0], c[1], c[2]) for c in found} == {("JP", 40, "about"), ("KR", 25, "more_than")}


def test_institutions_based_in_a_country(nlp: Language) -> None:
    text = "Companies headquartered in Germany produced nine notable AI models in 2024, up from six the year before."
    assert model_claims(nlp, text, "2025-04-01") == {("DE", 9, "exact", AI, 2024, 2024), ("DE", 6, "exact", AI, 2023, 2023)}


def test_a_dated_batch_is_the_regulators_next_round(nlp: Language) -> None:
    text = ("Vietnam's technology ministry has approved 40 AI models since the law took effect. "
            "Last week's batch, the third so far, added six large language models.")
    assert ("VN", 6, LLM, 2025) in {(c[0], c[1], c[3], c[5]) for c in model_claims(nlp, text, "2025-06-20")}


def test_part_of_those_models_and_a_gapped_so_far_this_year(nlp: Language) -> None:
    text = ("Turkish companies have built 11 large language models of their own, the ministry said. "
            "Officials said five of those models were released last year and six so far this year.")
    assert model_claims(nlp, text, "2025-09-01") >= {("TR", 5, "exact", LLM, 2024, 2024), ("TR", 6, "exact", LLM, 2025, 2025)}
    # an explicit maker of the part wins over the whole's
    text = ("Chinese firms released 40 large language models last year. Baidu accounted for about ten of those "
            "models, the report said.")
    assert ("Baidu", 10, "about", LLM, 2024, 2024) in model_claims(nlp, text, "2025-02-01")


def test_a_gapped_count_from_a_region_is_nobodys(nlp: Language) -> None:
    text = "American labs built 30 notable models last year, compared with 12 from China and four from Africa."
    assert {c[0] for c in model_claims(nlp, text, "2025-04-01")} == {"US", "CN"}


def test_a_counters_tally_of_regional_makers_is_nobodys(nlp: Language) -> None:
    text = "The consultancy Omdia counted 25 large language models from African organisations last year."
    assert model_claims(nlp, text, "2025-04-01") == set()
    text = "The consultancy Omdia counted 25 large language models from Nigerian organisations last year."
    assert model_claims(nlp, text, "2025-04-01") == {("NG", 25, "exact", LLM, 2024, 2024)}


def test_a_whose_phrase_is_the_clause_subject(nlp: Language) -> None:
    text = ("Saudi Arabia, whose national data authority SDAIA has released eight Allam models since 2023, "
            "signed a research agreement with France on Monday.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-05-01")} == {("Saudi Data and Artificial Intelligence Authority", 8)}


def test_a_dateline_with_a_country_is_no_subject(nlp: Language) -> None:
    text = ("SHENZHEN, China, March 3 (Reuters) - Tencent's cloud unit said on Monday it has released more "
            "than 40 AI models this year.")
    assert {c[0] for c in model_claims(nlp, text, "2025-03-03")} <= {"Tencent", "Tencent Cloud"}
    assert {c[0] for c in model_claims(nlp, text, "2025-03-03")}


def test_a_parents_unit_is_the_unit_the_article_names(nlp: Language) -> None:
    text = ("Tencent Cloud adds six models to Hunyuan line\n\nTencent Holdings' cloud unit said on Tuesday it "
            "has released six AI models this year.")
    assert {c[0] for c in model_claims(nlp, text, "2025-05-06")} == {"Tencent Cloud"}


def test_the_following_year_counts_from_the_last_year_even_when_unlabelled(nlp: Language) -> None:
    text = ("In 2021, Korean labs released eight LLMs. The following year Korean developers put out 12, while "
            "Japan more than doubled its output to 10. India released four that year.")
    found = {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2024-03-01")}
    assert {("KR", 8, 2021), ("KR", 12, 2022), ("JP", 10, 2022), ("IN", 4, 2022)} <= found


def test_a_watchdog_clearing_models_in_part_of_the_year(nlp: Language) -> None:
    text = ("Vietnamese regulators approved 90 large language models in 2024, the Authority of Information "
            "Security of Vietnam said.\n\nIn the first half of the year the watchdog cleared 50 of the models.")
    assert ("VN", 50, "exact", LLM, 2024, 2024) in model_claims(nlp, text, "2025-01-20")


def test_an_interview_answers_we_is_the_interviewees_company(nlp: Language) -> None:
    text = ("Q&A: Norrland AI's chief on Swedish models\n\nStockholm-based Norrland AI was founded in 2021. "
            "Its chief executive spoke to us.\n\nQ: How many models has Norrland released?\n\n"
            "A: Seven language models since we started, and this year alone we shipped two.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2024-06-01")}
    assert found == {("Norrland AI", 7), ("Norrland AI", 2)}
    # outside an answer, a "we" stays unresolved
    text = "Norrland AI was founded in 2021. We count seven language models from Swedish labs since then."
    assert ("Norrland AI", 7) not in {(c[0], c[1]) for c in model_claims(nlp, text, "2024-06-01")}


def test_possessive_lists_and_on_one_apiece(nlp: Language) -> None:
    text = ("Spain leads with five large language models released between January and April, ahead of "
            "Italy's four and Austria's two, with Greece and Portugal on one apiece.")
    found = {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, "2025-05-20")}
    assert found == {("ES", 5, 2025, 2025), ("IT", 4, 2025, 2025), ("AT", 2, 2025, 2025),
                     ("GR", 1, 2025, 2025), ("PT", 1, 2025, 2025)}


def test_a_part_of_a_countrys_releases_is_the_clause_subjects(nlp: Language) -> None:
    text = ("European groups released 30 LLMs last year. Of those, Helsing accounted for four of Germany's "
            "nine releases and Silo AI for two of Finland's three.")
    found = {(c[0], c[1], c[3]) for c in model_claims(nlp, text, "2025-03-01")}
    assert {("Helsing", 4, LLM), ("Silo AI", 2, LLM)} <= found
    assert not any(c[0] == "DE" and c[1] == 4 for c in found)


def test_a_past_count_after_a_plan_is_a_claim(nlp: Language) -> None:
    text = "Cohere plans to release three new language models next year after releasing four this year."
    assert model_claims(nlp, text, "2025-09-01") == {("Cohere", 4, "exact", LLM, 2025, 2025)}


def test_added_more_so_far_this_year_is_dated_by_its_own_clause(nlp: Language) -> None:
    text = "Nimbus AI released 10 language models last year and has added up to four more so far this year."
    assert ("Nimbus AI", 4, "at_most", LLM, 2026, 2026) in model_claims(nlp, text, "2026-03-01")


def test_a_quarterly_tracker_with_baselines_of_the_figure(nlp: Language) -> None:
    text = ("Indian developers launched 20 new language models in the second quarter, the tracker found.\n\n"
            "The figure was up from 14 in the first quarter and up from nine a year earlier. That brings the "
            "number released so far this year to 34, above the 30 recorded for the whole of 2024.\n\n"
            "Japanese companies launched 11 in the April-June period, down from 13 in the previous quarter.")
    found = {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2025-07-20")}
    assert {("IN", 20, 2025), ("IN", 14, 2025), ("IN", 9, 2024), ("IN", 30, 2024),
            ("JP", 11, 2025), ("JP", 13, 2025)} <= found


def test_a_gapped_count_after_an_acronym_and_an_appositive(nlp: Language) -> None:
    text = ("Baidu released five large language models in 2024, Tencent four, and the Shanghai Artificial "
            "Intelligence Laboratory (SHLAB), a state-backed institute, three.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2025-02-01")}
    assert ("Shanghai Artificial Intelligence Laboratory", 3) in found and ("Tencent", 3) not in found


def test_a_running_total_and_a_regulator_naming_its_country(nlp: Language) -> None:
    text = ("Korea's AI law took effect in January.\n\nItalian start-up Domyn released two language models on Monday.\n\n"
            "The Personal Information Protection Commission of Korea said nine more generative AI models "
            "completed the filing process in March, taking the total registered since the rules took effect in 2024 to 61. "
            "That brings the total number of models cleared to 61.")
    found = {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, "2025-04-02")}
    assert ("KR", 9, 2025, 2025) in found and ("KR", 61, 2024, 2025) in found
    assert not any(c[0] == "IT" and c[1] == 9 for c in found)


def test_a_contrasting_clauses_year_is_its_own(nlp: Language) -> None:
    text = ("Naver has developed four large language models to date, while Upstage and KT released two "
            "each in 2024.")
    assert ("Naver", 4, "exact", LLM, None, 2025) in model_claims(nlp, text, "2025-06-01")


def test_a_founding_participles_year_and_a_name_in_apposition_to_the_subject(nlp: Language) -> None:
    text = ("Bangalore-based Sarvam AI has raised $41 million. The most closely watched Indian developer, "
            "Krutrim, has taken a different path. Founded in 2023 by Bhavish Aggarwal, the company has "
            "released at least four AI models.")
    assert ("Krutrim", 4, "at_least", AI, None, 2025) in model_claims(nlp, text, "2025-05-01")


def test_a_plural_noun_is_counted_even_when_models_follow_in_its_clause(nlp: Language) -> None:
    text = ("The ministry has subsidised compute for more than 30 companies and universities developing "
            "foundation models since 2024.")
    assert model_claims(nlp, text, "2025-05-01") == set()


def test_a_table_of_counts_after_a_sentence_that_introduces_them(nlp: Language) -> None:
    text = ("The survey counted AI models released between March 2022 and May 2023 by developers in each "
            "country. Only documented models were included. The tally, by country:\n\n"
            "Brazil: 9\nMexico: 4\nChile: 2\n\n"
            "Colombia and Peru released one each over the same period. Among companies, the leaders were "
            "Nubank (3), Itaú (2) and Globo (8).")
    found = {(c[0], c[1], c[3], c[4], c[5]) for c in model_claims(nlp, text, "2023-09-01")}
    assert {("BR", 9, AI, 2022, 2023), ("MX", 4, AI, 2022, 2023), ("CL", 2, AI, 2022, 2023),
            ("CO", 1, AI, 2022, 2023), ("PE", 1, AI, 2022, 2023)} <= found
    # a count in parentheses is its name's; an unknown name's is no one else's
    assert {(c[0], c[1]) for c in found if c[0] not in ("BR", "MX", "CL", "CO", "PE")} == {("Nubank", 3)}


def test_a_plan_to_build_models_introduces_no_list(nlp: Language) -> None:
    text = ("The government committed $50 million last December to a programme to build multimodal models. "
            "Officials said domestic developers had built around a dozen language models this year.")
    assert all(c[5] == 2024 for c in model_claims(nlp, text, "2024-09-05"))


def test_one_count_from_several_companies_is_shared_unless_each(nlp: Language) -> None:
    text = "The first batch covered 14 models from Baidu, Tencent, iFlytek and Zhipu AI."
    assert model_claims(nlp, text, "2025-05-01") == set()
    text = "Chipmakers Nvidia and AMD both released two language models last year."
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-05-01")} == {("Nvidia", 2), ("AMD", 2)}


def test_several_hundred_is_vague_and_a_hubs_listing_is_not_its_own(nlp: Language) -> None:
    text = ("Its 64 models compare with several hundred released in the United States over the same period. "
            "Hugging Face lists more than 3,000 models fine-tuned from French base models.")
    assert model_claims(nlp, text, "2025-05-01") == set()


def test_spans_ending_at_a_month_and_last_quarter(nlp: Language) -> None:
    text = ("Cohere released nine language models in the 12 months to June. Last quarter, Indian labs "
            "released 14 large language models. Sarvam AI released three LLMs in the three months to March.")
    found = {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, "2026-07-14")}
    assert found == {("Cohere", 9, 2025, 2026), ("IN", 14, 2026, 2026), ("Sarvam AI", 3, 2026, 2026)}


def test_previous_and_prior_years_count_back_from_the_sentence_s_own_year(nlp: Language) -> None:
    text = ("Norlith AI has released 19 language models since its founding in 2019. Norlith shipped seven "
            "models last year, up from four the previous year, after releasing just three in the prior two "
            "years combined.")
    found = {(c[0], c[1], c[3], c[4], c[5]) for c in model_claims(nlp, text, "2025-06-10")}
    assert found == {("Norlith AI", 19, LLM, 2019, 2025), ("Norlith AI", 7, LLM, 2024, 2024),
                     ("Norlith AI", 4, LLM, 2023, 2023), ("Norlith AI", 3, LLM, 2021, 2022)}


def test_respectively_pairs_only_its_own_counts(nlp: Language) -> None:
    text = ("Last year, Dutch and Belgian labs released 11 and nine notable AI models, respectively, while "
            "Britain managed about a dozen.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2025-03-10")}
    assert found == {("NL", 11), ("BE", 9), ("GB", 12)}
    text = ("Last year Qatar's Orvane Institute and Talmex released three and two models, respectively, "
            "and Brisa Labs accounted for four of Qatar's ten.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2025-03-10")}
    assert {("Orvane Institute", 3), ("Talmex", 2)} <= found
    assert not {("Orvane Institute", 2), ("Talmex", 3)} & found


def test_a_count_for_the_whole_world_has_no_subject(nlp: Language) -> None:
    text = ("Norvik Analytics tracks model releases. Worldwide, the firm counted 812 new models, up from 590 in "
            "2024. Worldwide, Google released 30 models last year.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2026-01-10")} == {("Google", 30)}


def test_a_ministry_registering_models_through_a_pronoun_is_its_country(nlp: Language) -> None:
    text = ("Chile's Ministry of Science said on Tuesday it has registered 23 high-impact AI models since the "
            "act took effect in January.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2026-03-10")} == {("CL", 23)}


def test_the_year_before_an_event_is_before_the_story_s_last_year(nlp: Language) -> None:
    text = ("The act took effect in January. The year before the law took effect, Chilean developers released "
            "some 30 foundation models. That compares with about 50 from Peru over the same period.")
    found = {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, "2026-03-10")}
    assert found == {("CL", 30, 2025, 2025), ("PE", 50, 2025, 2025)}


def test_a_passive_part_of_the_story_s_count_is_its_subject_s(nlp: Language) -> None:
    text = ("Chilean companies have developed 43 large language models, a survey found. Most of them are recent. "
            "Seventeen were released last year, the survey found.")
    found = {(c[0], c[1], c[4]) for c in model_claims(nlp, text, "2024-08-30")}
    assert found == {("CL", 43, None), ("CL", 17, 2023)}
    # nothing to be a part of: no subject
    assert model_claims(nlp, "Seventeen large language models were released last year.", "2024-08-30") == set()


def test_an_aim_or_goal_that_is_to_have_models_is_no_claim(nlp: Language) -> None:
    text = ("Bahrain released 12 models in 2023. The kingdom's stated aim is to have 20 Arabic models in "
            "production by 2030. Its goal is to release 30 models by 2027.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2024-08-30")} == {("BH", 12)}


def test_a_country_list_with_a_year_span_heading(nlp: Language) -> None:
    # the statistical model reads "Chile 5" as one name and "2023–2024" as a number
    text = "- Language models released by country, 2023–2024: Brazil 14, Mexico 7, Chile 5, Argentina 3, Colombia 2."
    found = {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, "2025-06-18")}
    assert found == {(code, n, 2023, 2024) for code, n in (("BR", 14), ("MX", 7), ("CL", 5), ("AR", 3), ("CO", 2))}


@pytest.mark.parametrize(("when", "years"), [("in 2023–24", (2023, 2024)), ("in the 2021/22 fiscal year", (2021, 2022)),
                                              ("on 2024-05-30", (2024, 2024))])
def test_short_year_spans(nlp: Language, when: str, years: tuple[int, int]) -> None:
    found = model_claims(nlp, f"Brazil released 14 language models {when}.", "2025-06-18")
    assert {(c[4], c[5]) for c in found} == {years}


def test_a_planned_part_of_the_year_is_this_year_s(nlp: Language) -> None:
    text = ("Officials plan to publish a public database in the second half. The year before the law took "
            "effect, Peruvian developers released some 30 foundation models. In the fourth quarter, Chilean "
            "developers released nine foundation models.")
    found = {(c[0], c[1], c[4]) for c in model_claims(nlp, text, "2026-03-10")}
    assert found == {("PE", 30, 2025), ("CL", 9, 2025)}


def test_a_baseline_s_own_time_dates_only_the_baseline(nlp: Language) -> None:
    # the statistical model tags "one the year before" as one date
    text = ("Last year Qatar's Orvane Institute released three models. In Peru, Talmex released four, up from one "
            "the year before. Peru's seven compares with four the year before, the report said.")
    found = {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, "2025-06-18")}
    assert found == {("Orvane Institute", 3, 2024, 2024), ("Talmex", 4, 2024, 2024), ("Talmex", 1, 2023, 2023),
                     ("PE", 7, 2024, 2024), ("PE", 4, 2023, 2023)}


def test_a_count_inside_a_date_entity_is_a_count(nlp: Language) -> None:
    text = "Mistral released 12 models this year, up from 57 last year."
    # the statistical model tags "57 last year" as one date; the count is split off it
    ents = {(e.text, e.label_) for e in nlp(text).ents}
    assert {("57", "CARDINAL"), ("last year", "DATE")} <= ents
    found = {(c[0], c[1], c[4]) for c in model_claims(nlp, text, "2025-06-18")}
    assert found == {("Mistral", 12, 2025), ("Mistral", 57, 2024)}


def test_models_run_through_a_benchmark_are_a_third_party_s(nlp: Language) -> None:
    text = ("Norvik Analytics tracks model releases. Norvik also ran 96 of the models through its own benchmark "
            "suite, and it tested 40 models against its coding leaderboard.")
    assert model_claims(nlp, text, "2026-01-27") == set()


def test_bare_regulators_approving_are_their_country_s(nlp: Language) -> None:
    text = ("Vietnam's internet regulator said 40 generative AI models had completed the filing process. In the "
            "first quarter of last year alone, regulators cleared about 20 models, he said. In Thailand, regulators "
            "have approved 12 models. EU regulators approved 14 models in December.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2025-01-09")}
    assert found == {("VN", 40), ("VN", 20), ("TH", 12)}


def test_a_coordinated_noun_glossed_by_a_name_is_that_name(nlp: Language) -> None:
    text = ("Peruvian firms have released fewer than ten large language models to date. The digital lender Banco "
            "Aurora and the telecom operator TeleSul have both launched one language model trained in-house.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2023-10-04")}
    assert {("Banco Aurora", 1), ("TeleSul", 1)} <= found


def test_an_appositive_read_as_a_second_subject_leaves_the_name(nlp: Language) -> None:
    text = ("Indian developers released 20 large language models last year. The Ministry of Electronics praised "
            "them. Vyom AI, the Bengaluru company backed by Lightspeed and Peak XV Partners, released three of them, "
            "while BharatGen has so far put out roughly a dozen models.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2026-01-22")}
    assert found == {("IN", 20), ("Vyom AI", 3), ("BharatGen", 12)}


def test_a_part_with_its_own_time_and_a_baseline_after_a_source(nlp: Language) -> None:
    text = ("Kenya's developers are busy. The country now has at least 25 home-grown large language models, "
            "according to industry body KEPSA, up from fewer than 10 at the start of 2023. Savanna AI has "
            "released nine large language models to date, including three last year.")
    found = {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, "2024-09-12")}
    assert found == {("KE", 25, None, 2024), ("KE", 10, None, 2023), ("Savanna AI", 9, None, 2024),
                     ("Savanna AI", 3, 2023, 2023)}


def test_batches_of_approvals_are_the_approving_country_s(nlp: Language) -> None:
    text = ("Vietnam's science ministry said it had registered 31 generative AI models. Of those, 22 were large "
            "language models. Providers of generative models above a threshold must register with the ministry. "
            "The first batch of approvals, announced in late January, covered 12 models from Viettel, FPT and "
            "VinAI. A second batch of 19 followed on March 6.")
    found = {(c[0], c[1], c[3], c[5]) for c in model_claims(nlp, text, "2026-03-12")}
    assert {("VN", 12, AI, 2026), ("VN", 19, AI, 2026)} <= found
    assert not [c for c in found if c[0] not in ("VN",)]


def test_a_tracker_crediting_and_listing_makers(nlp: Language) -> None:
    text = ("Its most recent edition, published last April, credited Canadian institutions with 40 notable models "
            "in 2024 and Brazil with 15. Its figures for 2025, updated last month, list 63 notable models from "
            "Indian developers and two dozen from Japanese ones, with Britain a distant third at up to five. "
            "France was second with 12 models, with Germany third at four.")
    found = {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2026-02-10")}
    assert found == {("CA", 40, 2024), ("BR", 15, 2024), ("IN", 63, 2025), ("JP", 24, 2025), ("GB", 5, 2025),
                     ("FR", 12, 2025), ("DE", 4, 2025)}


def test_a_reporting_aside_and_an_as_of_date_opening_a_saying(nlp: Language) -> None:
    text = ("Last spring it was Stanford's turn: Canadian institutions, the university's AI Index reported, "
            "produced 61 notable AI models in 2023, against 15 from Vietnam. By the end of last year the "
            "Cyberspace Administration of China said more than 300 generative AI models had completed its "
            "registration process, and China's developers welcomed it.")
    found = {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, "2025-02-17")}
    assert found == {("CA", 61, 2023, 2023), ("VN", 15, 2023, 2023), ("CN", 300, None, 2024)}


def test_respectively_after_a_relative_clause_keeps_the_written_order(nlp: Language) -> None:
    text = ("Korean developers have released two dozen large language models over the past two years, led by "
            "Upstage and LG AI Research, which released three and four foundation models, respectively, last year.")
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2024-10-22")}
    assert {("Upstage", 3), ("LG AI Research", 4)} <= found
    assert not {("Upstage", 4), ("LG AI Research", 3)} & found


def test_a_table_line_with_last_year_s_figures_in_brackets(nlp: Language) -> None:
    text = ("The tracker counts notable AI models. Notable models by country of the developing organisation, 2025 "
            "(2024 figures in brackets): Japan 12 (9); India 7 (4); European Union total 9 (6).")
    found = {(c[0], c[1], c[4]) for c in model_claims(nlp, text, "2026-02-10")}
    assert found == {("JP", 12, 2025), ("JP", 9, 2024), ("IN", 7, 2025), ("IN", 4, 2024)}


def test_a_list_introduced_over_that_period(nlp: Language) -> None:
    text = ("African organisations have released more than 50 language models since 2023, a report said. The "
            "report, which tracked releases from January 2023 to September 2025, found the activity concentrated. "
            "Language models released by organisations in each country over that period:\n\n- Senegal: 14\n"
            "- Uganda: 9\n\nUganda's 9 include several small models.")
    found = {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, "2025-11-04")}
    assert found == {("SN", 14, 2023, 2025), ("UG", 9, 2023, 2025)}


def test_a_list_of_periods_breaks_down_the_last_total(nlp: Language) -> None:
    text = ("Pune-based Sahyadri Labs released 12 large language models in 2025, according to its annual report."
            "\n\nThe report breaks the releases down by quarter:\n\n- First quarter: three models\n"
            "- Second quarter: four models\n- Third quarter: five models")
    found = {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2026-03-18")}
    assert found == {("Sahyadri Labs", n, 2025) for n in (12, 3, 4, 5)}


def test_not_yet_done_the_one_model_and_counts_tagged_as_dates(nlp: Language) -> None:
    text = ("Czechia and Ukraine have released two national language models each, while Slovakia has yet to "
            "publish one. The market rewards the one model people actually build on, said Mistral AI.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-12-09")} == {("CZ", 2), ("UA", 2)}
    # "five and three" is tagged as a date by the statistical model
    text = "Karpaty Labs and Dnipro-based Stepova AI released five and three language models respectively last year."
    found = {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2025-12-09")}
    assert found == {("Karpaty Labs", 5, 2024), ("Stepova AI", 3, 2024)}


def test_a_passive_part_of_them_is_the_main_claim_s(nlp: Language) -> None:
    text = ("By the end of November, Lithuanian organisations had released nine large language models, more than "
            "Latvia's four but fewer than Poland's 13, according to a ministry tally. At least seven of them were "
            "released as open source.")
    assert ("LT", 7) in {(c[0], c[1]) for c in model_claims(nlp, text, "2025-12-09")}


def test_gapped_totals_and_a_name_glossed_between_subject_and_count(nlp: Language) -> None:
    text = ("In 2022, U.S.-based organisations released 34 notable AI models, compared with 17 from China. The "
            "following year the American total climbed to 52, China's to 21 and Japan's to 11. Last year the gap "
            "narrowed sharply: the United States produced 44, China 29 and France, buoyed by Mistral AI, six.")
    found = {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2025-02-20")}
    assert found == {("US", 34, 2022), ("CN", 17, 2022), ("US", 52, 2023), ("CN", 21, 2023), ("JP", 11, 2023),
                     ("US", 44, 2024), ("CN", 29, 2024), ("FR", 6, 2024)}


def test_versions_in_model_names_and_named_families(nlp: Language) -> None:
    text = ("Alibaba Cloud released 20 large language models last year. Alibaba Cloud said this month that it has "
            "open-sourced more than 300 models in its Qwen family since 2023. In the United States, Google has "
            "released four multimodal Gemma 3 models since March.")
    found = {(c[0], c[1], c[3]) for c in model_claims(nlp, text, "2025-08-20")}
    assert found == {("Alibaba Cloud", 20, LLM), ("Alibaba Cloud", 300, AI), ("Google", 4, AI)}


def test_names_before_each_are_its_subjects_however_parsed(nlp: Language) -> None:
    text = ("Much of the momentum comes from the private sector. This year, Preferred Networks and rinna each "
            "open-sourced two large language models, and rinna's chief technology officer said the company's "
            "models had been downloaded more than 400,000 times.")
    assert ("Preferred Networks", 2) in {(c[0], c[1]) for c in model_claims(nlp, text, "2022-11-18")}


def test_the_country_after_a_sentence_about_a_country_is_that_country(nlp: Language) -> None:
    text = ("A registration in China is a licence to serve the public. Chinese labs registered 300 models last "
            "year. Kenya offers a useful corrective. Under its national AI mission the country has so far produced "
            "just two home-grown foundation models.")
    assert ("KE", 2) in {(c[0], c[1]) for c in model_claims(nlp, text, "2025-02-17")}


def test_a_series_after_the_models_and_a_machine_s_number(nlp: Language) -> None:
    text = ("Public money is starting to show up. This spring, Spain's Barcelona Supercomputing Center released four "
            "language models in its Aitana series, trained on the MareNostrum 5 supercomputer.")
    found = {(c[0], c[1]) for c in claims(nlp, text, "2026-07-14")}
    assert found == {("Barcelona Supercomputing Center", 4)}


def test_a_time_in_the_subject_s_gloss_does_not_date_the_count(nlp: Language) -> None:
    text = ("Sarvam AI, the Bengaluru start-up chosen last year to build a national model from scratch, accounted "
            "for four of the models, Minister of Electronics and Information Technology Rajiv Menon told reporters "
            "in the capital.")
    assert {(c[0], c[1], c[5]) for c in model_claims(nlp, text, "2026-01-20")} == {("Sarvam AI", 4, None)}


def test_a_named_owners_whole_is_its_count_and_the_part_is_not(nlp: Language) -> None:
    text = "Bavarian firms account for six of Germany's 21 registered large language models, the state said."
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-02-11")} == {("DE", 21)}


def test_a_part_taken_by_a_named_maker_stays_the_makers(nlp: Language) -> None:
    text = "Aleph Alpha accounted for four of Germany's nine language models last year."
    found = {(c[0], c[1]) for c in model_claims(nlp, text, "2025-02-11")}
    assert ("Aleph Alpha", 4) in found and ("DE", 9) in found and ("DE", 4) not in found


def test_products_glossed_with_a_count_are_counted_for_who_released_them(nlp: Language) -> None:
    text = "Lumora AI, the Tallinn lab, put out Kalev and Vesna, two language models for Baltic languages, in 2024."
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-02-11")} == {("Lumora AI", 2)}


def test_a_definite_start_up_with_its_city_is_the_org_just_named(nlp: Language) -> None:
    text = ("Lumora AI is in a league of its own. The Tallinn start-up released six language models in 2024, "
            "against two in 2023.")
    assert {(c[0], c[1], c[4]) for c in model_claims(nlp, text, "2025-02-11")} == {("Lumora AI", 6, 2024), ("Lumora AI", 2, 2023)}


def test_respectively_pairs_the_baselines_too(nlp: Language) -> None:
    text = "In 2024, Danish and Norwegian labs released five and seven LLMs, respectively, up from two and three a year earlier."
    assert model_claims(nlp, text, "2025-02-10") == {
        ("DK", 5, "exact", LLM, 2024, 2024), ("NO", 7, "exact", LLM, 2024, 2024),
        ("DK", 2, "exact", LLM, 2023, 2023), ("NO", 3, "exact", LLM, 2023, 2023)}


def test_each_demonym_in_a_gapped_list_owns_the_count_after_it(nlp: Language) -> None:
    text = ("By the end of 2024, Dutch groups had released nine language models, Belgian ones five, "
            "Austrian ones three and Swiss ones two, a consultancy said.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-03-01")} == {("NL", 9), ("BE", 5), ("AT", 3), ("CH", 2)}


@pytest.mark.parametrize(
    "text",
    ["In 2024 alone, Polish groups released six LLMs; the year before, three.",
     "In 2024, Polish labs released six language models, and the year before, three.",
     "In 2024, Polish labs released six language models; the year before, three."],
)
def test_a_gapped_count_after_its_own_fronted_time(nlp: Language, text: str) -> None:
    assert model_claims(nlp, text, "2025-03-01") == {("PL", 6, "exact", LLM, 2024, 2024), ("PL", 3, "exact", LLM, 2023, 2023)}


@pytest.mark.parametrize("size", ["a trillion-parameter", "a billion-parameter", "a 70-billion-parameter"])
def test_a_spelled_out_size_in_a_compound_is_no_count(nlp: Language, size: str) -> None:
    text = f"Lumora AI released {size} model in 2024."
    assert {c[1] for c in model_claims(nlp, text, "2025-01-10")} <= {1}


def test_a_compared_count_for_a_named_country_is_that_countrys(nlp: Language) -> None:
    text = ("The European Union as a whole managed nine notable AI models last year, compared with 52 for the "
            "United States and 21 for China.")
    assert {(c[0], c[1], c[4]) for c in model_claims(nlp, text, "2025-03-01")} == {("US", 52, 2024), ("CN", 21, 2024)}


def test_a_compared_count_with_an_owner_survives_an_excluded_count(nlp: Language) -> None:
    text = "Worldwide, the firm counted 640 new AI models last year, compared with 210 for the United States."
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-03-01")} == {("US", 210)}


def test_a_total_brought_to_a_count_in_the_present_stands_as_of_now(nlp: Language) -> None:
    text = ("Chilean labs released six large language models last year. That takes the country's running total "
            "to 15, the tracker says.")
    assert ("CL", 15, "exact", LLM, None, 2025) in model_claims(nlp, text, "2025-05-12")


def test_more_after_a_time_the_parser_took_for_a_subject_continues_the_count(nlp: Language) -> None:
    text = ("In 2023, Ghanaian developers released two language models. The following year they released four, "
            "and so far this year three more have come out, including a Twi model from a university lab.")
    assert ("GH", 3, "exact", LLM, 2025, 2025) in model_claims(nlp, text, "2025-05-01")


def test_a_conjoined_clause_of_its_own_is_not_under_an_earlier_plan(nlp: Language) -> None:
    text = ("The agency said last month that the government aims to put AI into 60% of factories by 2028, and that "
            "Indonesia now has more than 400 large models.")
    assert {(c[1], c[2]) for c in model_claims(nlp, text, "2025-04-15")} == {(400, "more_than")}


def test_a_conjoined_plan_is_still_a_plan(nlp: Language) -> None:
    assert not model_claims(nlp, "Baidu plans to release four LLMs next year, and Tencent will launch three.", "2025-04-15")


@pytest.mark.parametrize(("right", "wrong", "value"), [("Nine", "seven", 9), ("Six", "four", 6)])
def test_a_correction_takes_back_the_earlier_figure(nlp: Language, right: str, wrong: str, value: int) -> None:
    text = (f"Last year Ghanaian groups released {wrong} language models, the founder said. "
            f"The tracker disagrees. {right} Ghanaian models, not {wrong}.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-11-04")} == {("GH", value)}


def test_his_company_is_the_org_of_the_one_saying_so(nlp: Language) -> None:
    text = ("Veldt AI's chief executive, Thandiwe Mokoena, said her company has released four language models "
            "since 2023.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-01-30")} == {("Veldt AI", 4)}


def test_his_company_is_nobodys_when_the_speaker_has_no_org(nlp: Language) -> None:
    text = "Thandiwe Mokoena, who once worked at Google, said her company has released four language models."
    assert not {c[0] for c in model_claims(nlp, text, "2025-01-30")} & {"Google"}


@pytest.mark.parametrize("suite", ["an independent test suite", "its evaluation suite"])
def test_models_run_through_a_test_suite_are_tested_not_released(nlp: Language, suite: str) -> None:
    text = f"In March, Charles University ran 31 Czech-capable models through {suite}."
    assert not model_claims(nlp, text, "2025-06-01")


def test_a_list_line_of_names_with_each_gives_each_name_the_count(nlp: Language) -> None:
    text = "Notable AI models by developer:\n\n- Kestrel Labs: 6\n- Orbis AI, Lumora AI, and Veldt AI: 2 each\n- Halden AI: 1"
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2026-03-10")} >= {
        ("Kestrel Labs", 6), ("Orbis AI", 2), ("Lumora AI", 2), ("Veldt AI", 2)}



@pytest.mark.parametrize(
    "text",
    ["Nine Dutch models and four Belgian ones do not add up to 30 American ones.",
     "Contrary to reports, Kestrel Labs did not release six language models last year."],
)
def test_counts_in_a_negated_clause_are_no_claims(nlp: Language, text: str) -> None:
    assert not model_claims(nlp, text, "2025-02-14")


def test_a_negated_participle_does_not_negate_the_count(nlp: Language) -> None:
    assert {c[1] for c in model_claims(nlp, "Kestrel Labs has released five models, not counting fine-tunes.", "2025-02-14")} == {5}


def test_we_in_a_transcript_turn_is_the_speakers_org(nlp: Language) -> None:
    text = ("HOST: With me are Lindiwe Dube, who founded the Durban lab Ubuntu Speech, and Tomas Berg, head of "
            "research at Fjordline Labs.\n\n"
            "HOST: Let's start with numbers.\n\n"
            "DUBE: Our own lab has released two language models since 2024.\n\n"
            "BERG: We have put out five language models to date.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-11-04")} == {("Ubuntu Speech", 2), ("Fjordline Labs", 5)}


def test_a_bare_count_after_a_long_quote_still_counts_the_storys_models(nlp: Language) -> None:
    text = ("Dutch organisations released 14 large language models in 2024, a report said. "
            "\"The count looks healthy,\" said the analyst who led the study. \"But it is small.\" "
            "\"Today that list is very short.\" "
            "By comparison, Belgian developers released six in 2024, the report said.")
    assert ("BE", 6, "exact", LLM, 2024, 2024) in model_claims(nlp, text, "2025-03-01")


def test_a_possessive_restatement_keeps_the_period_first_given(nlp: Language) -> None:
    text = ("Between 2023 and 2025, Ghana released four language models and Senegal three. "
            "A Dakar start-up released two further language models last year. "
            "Senegal's three include a Wolof model.")
    found = {(c[0], c[1], c[4], c[5]) for c in model_claims(nlp, text, "2025-11-04")}
    assert ("SN", 3, 2023, 2025) in found and ("SN", 3, 2024, 2024) not in found


def test_the_same_period_is_the_storys_span_past_a_single_year_part(nlp: Language) -> None:
    text = ("Dutch groups released 30 large language models over the past two years, a report said. "
            "One start-up, Kestrel Labs, released four of its own this year alone. "
            "By comparison, Belgian developers released 12 over the same period.")
    assert ("BE", 12, "exact", LLM, 2023, 2025) in model_claims(nlp, text, "2025-09-27")


def test_a_part_said_to_be_llms_belongs_to_who_released_the_whole(nlp: Language) -> None:
    text = ("Orbis Intelligence Group reported results on Tuesday. Orbis said it launched nine large models in 2024, "
            "up from four the year before, and that three of last year's releases were large language models.")
    assert model_claims(nlp, text, "2025-03-27") == {
        ("Orbis Intelligence Group", 9, "exact", AI, 2024, 2024), ("Orbis Intelligence Group", 4, "exact", AI, 2023, 2023),
        ("Orbis Intelligence Group", 3, "exact", LLM, 2024, 2024)}


def test_one_on_a_list_line_after_a_name_and_a_dash_is_a_count(nlp: Language) -> None:
    text = "Language models released this week:\n• Kestrel Labs — two language models\n• Orbis AI — one, Orca Mini, under an open licence"
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-03-14")} == {("Kestrel Labs", 2), ("Orbis AI", 1)}


def test_added_n_more_is_the_adding_subjects_count(nlp: Language) -> None:
    text = ("Orbis AI released 14 foundation models in 2025. Kestrel Labs, which unveiled its Osprey family last "
            "December, added five more this year.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-12-15")} == {("Orbis AI", 14), ("Kestrel Labs", 5)}


def test_a_table_with_a_footnoted_year_and_a_total_column(nlp: Language) -> None:
    text = ("Language models released, by developer country\n\n"
            "Country        2022   2023   2024*   Total\n"
            "Portugal          2      5      4      11\n"
            "Spain             3      7      6      16\n\n"
            "* January to June.")
    found = model_claims(nlp, text, "2024-08-01")
    assert ("PT", 5, "exact", LLM, 2023, 2023) in found and ("ES", 16, "exact", LLM, 2022, 2024) in found
    assert len(found) == 8


def test_they_after_two_named_speakers_is_both_of_them(nlp: Language) -> None:
    text = "Orbis AI and Kestrel Labs said they had released five and two LLMs respectively last year."
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-06-01")} == {("Orbis AI", 5), ("Kestrel Labs", 2)}


def test_a_register_listing_demonym_models_counts_for_that_country(nlp: Language) -> None:
    text = "The agency says its register now lists 11 Ghanaian language models in total."
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2024-09-18")} == {("GH", 11)}


def test_a_leaderboard_listing_models_is_still_third_party(nlp: Language) -> None:
    assert not model_claims(nlp, "The leaderboard lists 40 models from around the world.", "2024-09-18")


def test_models_built_across_the_region_are_nobodys(nlp: Language) -> None:
    text = ("Armenia and Georgia released three apiece in 2024, according to a survey by the Caucasus Research "
            "Bank, which counted about 30 language models built across the region since 2020.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-03-12")} == {("AM", 3), ("GE", 3)}


def test_a_markdown_table_with_a_column_per_year_of_the_class(nlp: Language) -> None:
    text = ("The counts below come from a tracker.\n\n"
            "| Country | LLMs released in 2023 | LLMs released in 2024 | Share of 2024 total |\n"
            "|---|:---:|---|---|\n"
            "| Chile | 3 | 5 | 2% |\n"
            "| Peru | 1 | 2 | 1% |")
    assert model_claims(nlp, text, "2025-02-01") == {
        ("CL", 3, "exact", LLM, 2023, 2023), ("CL", 5, "exact", LLM, 2024, 2024),
        ("PE", 1, "exact", LLM, 2023, 2023), ("PE", 2, "exact", LLM, 2024, 2024)}


def test_over_the_three_years_is_the_span_just_named(nlp: Language) -> None:
    text = ("The study tracked every open language model that a Nordic organisation released between 2021 and 2023. "
            "It found that Danish organisations released nine LLMs over the three years and Finnish ones seven.")
    assert model_claims(nlp, text, "2025-11-04") == {
        ("DK", 9, "exact", LLM, 2021, 2023), ("FI", 7, "exact", LLM, 2021, 2023)}


def test_over_the_past_three_years_still_counts_back_from_publication(nlp: Language) -> None:
    assert model_claims(nlp, "Dutch labs released 12 LLMs over the past three years.", "2025-11-04") == {
        ("NL", 12, "exact", LLM, 2022, 2025)}


def test_a_dashed_rule_under_a_space_aligned_header_keeps_the_table(nlp: Language) -> None:
    text = ("Most of last year's output came from three groups:\n\n"
            "    Lab                  LLMs released, 2024\n"
            "    ----------------     -------------------\n"
            "    Tallinn Compute      4\n"
            "    Riga Neural          2\n"
            "    Others               7\n\n"
            "The rest came from universities.")
    assert model_claims(nlp, text, "2025-04-02") == {
        ("Tallinn Compute", 4, "exact", LLM, 2024, 2024), ("Riga Neural", 2, "exact", LLM, 2024, 2024)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Finnish labs released four and nine LLMs in 2022 and 2023, respectively.",
         {("FI", 4, "exact", LLM, 2022, 2022), ("FI", 9, "exact", LLM, 2023, 2023)}),
        ("Dutch developers released two, five and eight large language models in 2021, 2022 and 2023 respectively.",
         {("NL", 2, "exact", LLM, 2021, 2021), ("NL", 5, "exact", LLM, 2022, 2022),
          ("NL", 8, "exact", LLM, 2023, 2023)}),
        # a span stays one period for each subject
        ("Between 2021 and 2023, Finnish and Danish labs released four and nine LLMs, respectively.",
         {("FI", 4, "exact", LLM, 2021, 2023), ("DK", 9, "exact", LLM, 2021, 2023)}),
    ],
)
def test_respectively_pairs_counts_with_listed_years(nlp: Language, text: str, expected: set[tuple[Any, ...]]) -> None:
    assert model_claims(nlp, text, "2024-06-01") == expected


def test_a_part_of_those_n_leaves_the_whole_to_its_owner(nlp: Language) -> None:
    text = ("Austrian organisations released 12 LLMs between 2021 and 2023. "
            "Kestrel Labs accounted for four of those 12 Austrian models.")
    assert model_claims(nlp, text, "2024-06-01") == {
        ("AT", 12, "exact", LLM, 2021, 2023), ("Kestrel Labs", 4, "exact", LLM, 2021, 2023)}


def test_an_org_that_counted_models_is_not_their_maker(nlp: Language) -> None:
    text = ("Lagos-based Savanna Signal has published its tally of language models built by West African developers "
            "this year. The watchdog counted 19 in all, up from 11 in 2023.")
    assert not model_claims(nlp, text, "2024-12-01")
    # who made them, when named, still owns the count
    assert model_claims(nlp, "Savanna Signal counted 19 LLMs developed by Nigerian labs in 2024.", "2024-12-01") == {
        ("NG", 19, "exact", LLM, 2024, 2024)}


def test_the_n_models_restates_the_class_counted_before(nlp: Language) -> None:
    text = ("Slovak organisations released six large language models in 2023. Its banks run AI models from "
            "abroad. Critics say firms still build on foreign systems, and that the six Slovak models together "
            "were downloaded fewer than 90,000 times last year.")
    assert model_claims(nlp, text, "2024-05-01") == {("SK", 6, "exact", LLM, 2023, 2023)}


def test_a_tracker_that_logged_models_is_not_their_maker(nlp: Language) -> None:
    text = "In all, the Kestrel Observatory has logged 31 models from the region since January 2023."
    assert not model_claims(nlp, text, "2024-10-01")


def test_a_part_that_came_out_in_a_year_is_the_makers(nlp: Language) -> None:
    text = "Kestrel Labs has open-sourced nine language models since 2021. Four of them came out last year."
    assert model_claims(nlp, text, "2025-03-11") == {
        ("Kestrel Labs", 9, "exact", LLM, 2021, 2025), ("Kestrel Labs", 4, "exact", LLM, 2024, 2024)}


@pytest.mark.parametrize(("line", "cells"), [
    ("Mistral AI | France | 5", ["Mistral AI", "France", "5"]),
    ("France\t3\t4", ["France", "3", "4"]),
    ("France      3      4", ["France", "3", "4"]),
    ("France released 3 models in 2024.", None),
])
def test_table_cells_split_a_row_at_bars_tabs_and_space_runs(nlp: Language, line: str, cells: list[str] | None) -> None:
    doc = nlp(line)
    found = table_cells(doc[:])
    assert (None if found is None else [cell.text for cell in found]) == cells


SHORTCUT_TEXT = ("Baidu released 1,200 tweaks, 3.5 updates and thirty-seven models in 2023; ٣ more, "
                 "a dozen apps, half a dozen tools and more than a million users came later.\n"
                 "Between them, according to the firm, Alibaba and Tencent released 12, as did Zhipu. "
                 "That is the same as 2022.")


def test_counts_found_at_count_starts_equal_a_scan_of_every_token(nlp: Language) -> None:
    doc = nlp(SHORTCUT_TEXT)
    reader = nlp.get_pipe("newsfacts_claims").numbers
    for sent in doc.sents:
        scanned, i = [], sent.start
        while i < sent.end:  # every token in turn, skipping past each count found
            count = reader._count_at(doc[i], sent)
            if count is None:
                i += 1
            else:
                scanned.append(count)
                i = count.end
        assert reader.counts(sent) == scanned
    assert {1200, 3.5, 37, 3, 6, 1_000_000, 12} <= {c.value for s in doc.sents for c in reader.counts(s)}


def test_sentence_words_and_text_come_from_the_doc(nlp: Language) -> None:
    from nlp.syntax import doc_text, lower_words, sentence_words
    doc = extract_doc(nlp, SHORTCUT_TEXT)
    assert doc_text(doc) == doc.text == SHORTCUT_TEXT
    for sent in doc.sents:
        assert lower_words(sent) == [t.lower_ for t in sent]
        assert sentence_words(sent) == {t.lower_ for t in sent}


def test_sentence_entities_match_span_ents(nlp: Language) -> None:
    doc = nlp(SHORTCUT_TEXT)
    finder = SubjectFinder(doc, {})
    for span in [*doc.sents, doc[:], doc[3:9], doc[0:0]]:
        assert finder.sentence_ents(span) == list(span.ents)


def extract_doc(nlp: Language, text: str) -> Doc:
    """A doc made the way extraction makes one (its text remembered up front)."""
    from nlp.extract import _prepare
    (_, doc), = _prepare(nlp, text, None)[0]
    return nlp(doc)


def test_clause_verb_from_the_arrays_equals_a_walk_up_the_tokens(nlp: Language) -> None:
    from nlp.syntax import clause_verb
    doc = nlp(SHORTCUT_TEXT + " Baidu, which was founded in 2000, has released three models.")
    for token in doc:
        node = token
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        assert clause_verb(token) == node


@pytest.mark.parametrize(("since", "years"), [("Since 2022", (2022, 2025)), ("2022-2025", (2022, 2025)),
                                               ("2022–25", (2022, 2025))])
def test_a_table_column_since_a_year_or_over_years_is_a_range(nlp: Language, since: str, years: tuple[int, int]) -> None:
    text = ("Language models released, by developer country\n\n"
            f"| Country | 2024 | 2025* | {since} |\n"
            "|---|---|---|---|\n"
            "| Peru | 4 | 2 | 9 |\n"
            "| Chile | 3 | 1 | 5 |\n"
            "| Regional total | 7 | 3 | 14 |\n")
    found = model_claims(nlp, text, "2025-11-18")
    assert ("PE", 4, "exact", LLM, 2024, 2024) in found and ("CL", 1, "exact", LLM, 2025, 2025) in found
    assert ("PE", 9, "exact", LLM, *years) in found
    assert len(found) == 6  # the total row is no one's


@pytest.mark.parametrize("currency", ["won", "yen", "rupees", "naira"])
def test_an_amount_in_a_currency_named_after_it_is_no_count(nlp: Language, currency: str) -> None:
    text = (f"Gaon Cloud released five large language models last year. Its parent raised the dividend "
            f"to 850 {currency} a share.")
    assert {c[1] for c in claims(nlp, text)} == {5}


@pytest.mark.parametrize(("regulator", "code"), [("The Uganda Communications Commission", "UG"),
                                                 ("The Nigerian Data Protection Commission", "NG")])
def test_a_regulator_whose_name_spells_its_country_credits_that_country(nlp: Language, regulator: str, code: str) -> None:
    text = (f"Kenya's register grew by eight models this year. {regulator} has approved five AI models "
            "since October, officials said.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2026-04-22")} >= {(code, 5)}
    assert ("KE", 5) not in {(c[0], c[1]) for c in model_claims(nlp, text, "2026-04-22")}


@pytest.mark.parametrize("correction", ["not the 34 previously reported", "not 34 as first reported"])
def test_a_figure_taken_back_is_no_claim(nlp: Language, correction: str) -> None:
    text = f"Dutch organisations released 26 large language models between 2021 and 2023, {correction}, the institute said."
    assert {c[1] for c in model_claims(nlp, text)} == {26}


def test_a_relative_year_before_a_conjoined_count_keeps_its_year(nlp: Language) -> None:
    text = "Polish developers released 12 LLMs last year, up from eight the year before and six in 2021."
    assert {(c[1], c[4]) for c in model_claims(nlp, text, "2024-06-19")} == {(12, 2023), (8, 2022), (6, 2021)}


def test_a_perfect_count_since_an_event_runs_to_now_not_to_the_other_verbs_year(nlp: Language) -> None:
    text = ("Gaon Cloud, the subsidiary spun off in 2022, released five large language models last year and "
            "has released 11 since the spin-off, its chief executive said.")
    found = {(c[1], c[5]) for c in model_claims(nlp, text, "2026-02-05")}
    assert found == {(5, 2025), (11, 2026)}


def test_a_ministry_after_a_possessive_country_is_that_country_s(nlp: Language) -> None:
    text = ("The United Arab Emirates does not run a registry. Qatar's Ministry of Communications and Information "
            "Technology approved three Arabic language models for government use last year.")
    assert {(c[0], c[1]) for c in model_claims(nlp, text, "2025-09-30")} == {("QA", 3)}


@pytest.mark.parametrize("time", ["so far this year", "to date", "in March"])
def test_one_as_the_object_before_a_time_phrase_is_a_count(nlp: Language, time: str) -> None:
    text = f"Gaon Cloud released five large language models last year. It has released one {time}, a coding model."
    assert ("Gaon Cloud", 1) in {(c[0], c[1]) for c in model_claims(nlp, text, "2026-05-05")}


def test_a_time_in_a_plan_beside_a_stock_does_not_date_it(nlp: Language) -> None:
    text = ("Kenya released two large language models last year, the minister said. The ministry says "
            "the country has developed three Swahili LLMs, with a fourth due in the summer.")
    assert model_claims(nlp, text, "2025-03-04") == {("KE", 2, "exact", LLM, 2024, 2024), ("KE", 3, "exact", LLM, None, 2025)}


def test_what_a_subject_has_now_is_not_dated_by_the_previous_sentence(nlp: Language) -> None:
    text = ("Kenya released two large language models last year. One founder told us that, counting "
            "university projects, Kenya has up to five.")
    assert model_claims(nlp, text, "2025-03-04") == {("KE", 2, "exact", LLM, 2024, 2024), ("KE", 5, "at_most", LLM, None, 2025)}


def test_an_elliptical_perfect_still_takes_the_previous_sentence_s_period(nlp: Language) -> None:
    text = "Kenya released two large language models last year. Uganda has managed one."
    assert ("UG", 1, "exact", LLM, 2024, 2024) in model_claims(nlp, text, "2025-03-04")


@pytest.mark.parametrize("label", ["Expo day two -", "Summit, day two:", "Phase 2:", "Round two -"])
def test_a_number_naming_a_day_or_phase_is_no_count(nlp: Language, label: str) -> None:
    assert model_claims(nlp, f"Live: {label} Kenya and Ghana show off home-grown AI models", "2025-03-04") == set()


def test_a_title_case_headline_counts_language_models_as_llms(nlp: Language) -> None:
    text = "Quokka AI Launches Two Open-Weight Language Models for Tamil and Telugu"
    assert {c[:4] for c in model_claims(nlp, text, "2025-03-04")} == {("Quokka AI", 2, "exact", LLM)}


def test_a_count_shared_by_each_subject_stays_out_of_respectively(nlp: Language) -> None:
    text = ("Kenya released five LLMs in 2023. Israel and Japan, which had released one each in 2022, "
            "produced four and three respectively in 2023.")
    assert model_claims(nlp, text) == {
        ("KE", 5, "exact", LLM, 2023, 2023), ("IL", 1, "exact", LLM, 2022, 2022), ("JP", 1, "exact", LLM, 2022, 2022),
        ("IL", 4, "exact", LLM, 2023, 2023), ("JP", 3, "exact", LLM, 2023, 2023)}


@pytest.mark.parametrize(("since", "years"), [("", (None, 2025)), (" since the company was founded in 2021", (2021, 2025))])
def test_a_total_a_participle_brings_its_own_count_to(nlp: Language, since: str, years: tuple[int | None, int]) -> None:
    text = f"Kestrel AI released two new large language models this week, bringing its total to nine{since}."
    assert model_claims(nlp, text, "2025-03-14") == {
        ("Kestrel AI", 2, "exact", LLM, 2025, 2025), ("Kestrel AI", 9, "exact", LLM, *years)}


def test_a_name_before_the_counted_noun_does_not_hide_it(nlp: Language) -> None:
    text = "Japan released two dozen LLMs in 2024. SoftBank bought 10,000 Nvidia GPUs this autumn."
    found = claims(nlp, text, "2025-12-05")
    assert ("SoftBank", 10000) in {c[:2] for c in found}
    assert all(c[3] not in (LLM, AI) for c in found if c[1] == 10000)


def test_the_maker_in_a_relative_clause_on_the_counted_noun_owns_the_count(nlp: Language) -> None:
    text = ("Japan released two dozen LLMs in 2024. By the same count, the 50 models Japanese organisations "
            "have released since 2020 include three from Hokuto Labs.")
    assert ("JP", 50, "exact", LLM, 2020, 2025) in model_claims(nlp, text, "2025-12-05")


@pytest.mark.parametrize(("line", "expected"), [
    ("Nearly 50 - Large language models Japanese organisations have released since 2020, by the same count.",
     ("JP", 50, "about", LLM, 2020, 2025)),
    ("3 - Foundation models Hokuto Labs, a Sapporo start-up, has open-sourced since 2023.",
     ("Hokuto Labs", 3, "exact", AI, 2023, 2025)),
])
def test_a_by_the_numbers_line_counts_the_noun_after_the_dash(nlp: Language, line: str, expected: tuple[Any, ...]) -> None:
    text = f"Japan released two dozen LLMs in 2024.\n\n{line}\n\n10,000 - Nvidia GPUs in the new cluster SoftBank switched on this autumn."
    assert model_claims(nlp, text, "2025-12-05") == {("JP", 24, "exact", LLM, 2024, 2024), expected}


def test_a_figure_that_rises_to_a_number_is_the_same_subject_s(nlp: Language) -> None:
    text = ("In 2023, Ukrainian teams released just one language model. The following year that rose to three, "
            "the minister told reporters, and last year to eight.")
    assert model_claims(nlp, text, "2026-03-02") == {
        ("UA", 1, "exact", LLM, 2023, 2023), ("UA", 3, "exact", LLM, 2024, 2024), ("UA", 8, "exact", LLM, 2025, 2025)}


def test_the_number_of_other_things_rising_credits_nobody(nlp: Language) -> None:
    text = ("Kenya released four LLMs in 2023. The number of chatbot services rose to 85 at the end of 2024.")
    assert {c[:2] for c in claims(nlp, text, "2025-03-02")} == {("KE", 4)}


@pytest.mark.parametrize("saying", ["also incorrectly said that", "wrongly stated that"])
def test_a_figure_a_correction_says_was_wrong_is_no_claim(nlp: Language, saying: str) -> None:
    text = (f"Kenyan developers released eight large language models last year. An earlier story {saying} "
            "Zuri Labs had launched four language models last year.")
    assert model_claims(nlp, text, "2026-03-02") == {("KE", 8, "exact", LLM, 2025, 2025)}


@pytest.mark.parametrize("rate", ["usually 64 at a time", "64 at once"])
def test_a_batch_size_is_no_count(nlp: Language, rate: str) -> None:
    text = (f"Kente Labs released two LLMs last year, its founder said.\n\nQ: What holds you back?\n\n"
            f"A: Compute, mostly. We train on rented GPUs, {rate}.")
    assert model_claims(nlp, text, "2025-03-02") == {("Kente Labs", 2, "exact", LLM, 2024, 2024)}


def test_a_total_column_after_a_period_column_is_a_running_total(nlp: Language) -> None:
    text = ("The ministry credits the following developers:\n\n"
            "| Developer | LLMs released in 2024 | Total as of Dec 2024 |\n|---|---|---|\n"
            "| Quenvale AI | 4 | 6 |\n| Tarsis Labs | 3 | 5 |\n")
    assert model_claims(nlp, text, "2025-02-10") == {
        ("Quenvale AI", 4, "exact", LLM, 2024, 2024), ("Quenvale AI", 6, "exact", LLM, None, 2024),
        ("Tarsis Labs", 3, "exact", LLM, 2024, 2024), ("Tarsis Labs", 5, "exact", LLM, None, 2024)}


def test_a_table_row_under_an_acronym_is_the_org_it_stands_for(nlp: Language) -> None:
    text = ("Thai organisations released 12 large language models in 2024.\n\n"
            "| Developer | LLMs released in 2024 |\n|---|---|\n| SCB 10X | 4 |\n| NECTEC | 3 |\n| VISTEC | 2 |\n\n"
            "The Vidyasirimedhi Institute of Science and Technology (VISTEC) released its first two.")
    subjects = {c[0] for c in model_claims(nlp, text, "2025-02-10")}
    assert "Vidyasirimedhi Institute of Science and Technology" in subjects and "VISTEC" not in subjects


def test_a_table_with_a_row_per_year_and_a_column_per_country(nlp: Language) -> None:
    text = ("The index counted 31 large language models across the region last year.\n\n"
            "Large language models released, by country of developer\n\n"
            "Year | Kenya | Nigeria | Rest of region\n2022 | 2 | 1 | 3\n2023 | 4 | 2 | 5\n")
    assert model_claims(nlp, text, "2024-03-18") == {
        ("KE", 2, "exact", LLM, 2022, 2022), ("NG", 1, "exact", LLM, 2022, 2022),
        ("KE", 4, "exact", LLM, 2023, 2023), ("NG", 2, "exact", LLM, 2023, 2023)}


@pytest.mark.parametrize(("pair", "codes"), [("Emirati and Saudi", ("AE", "SA")), ("Kenyan and Ugandan", ("KE", "UG")),
                                             ("Senegalese and Ivorian", ("SN", "CI"))])
def test_coordinated_demonyms_pair_with_respective_counts(nlp: Language, pair: str, codes: tuple[str, str]) -> None:
    text = f"{pair} developers released nine and four large language models in 2024, respectively, according to a tally."
    assert model_claims(nlp, text, "2025-03-18") == {
        (codes[0], 9, "exact", LLM, 2024, 2024), (codes[1], 4, "exact", LLM, 2024, 2024)}


def test_a_figure_corrected_later_in_its_sentence_is_no_claim(nlp: Language) -> None:
    text = ("Kenyan developers released eight large language models this year. It also said Zuri Labs had "
            "released nine foundation models this year; the correct figure is seven.")
    assert ("Zuri Labs", 9) not in {c[:2] for c in claims(nlp, text, "2025-11-20")}


def test_a_count_of_a_country_s_people_is_no_model_count(nlp: Language) -> None:
    text = "Canada released 27 models in 2024.\n- More than 140,000 Canadians now work in AI-related jobs."
    assert model_claims(nlp, text, "2025-11-20") == {("CA", 27, "exact", AI, 2024, 2024)}


def test_a_count_joined_to_a_baseline_does_not_date_what_follows(nlp: Language) -> None:
    text = ("Kenyan developers released 12 large language models in 2023, up from seven in 2022 and three "
            "the year before. Zuri Labs accounted for five of them.")
    assert ("Zuri Labs", 5, "exact", LLM, 2023, 2023) in model_claims(nlp, text, "2024-01-10")


def test_each_before_punctuation_still_keeps_the_count_out_of_respectively(nlp: Language) -> None:
    text = ("Kenya released five LLMs in 2023. Israel and Japan, which had released one each, produced "
            "four and three respectively in 2023.")
    assert {c[:2] for c in model_claims(nlp, text)} >= {("IL", 4), ("JP", 3)}
    assert not {c[:2] for c in model_claims(nlp, text)} & {("IL", 3), ("JP", 4)}


def test_a_correct_figure_phrase_without_a_number_takes_nothing_back(nlp: Language) -> None:
    text = "Kenyan developers released 40 large language models in 2024, but the actual number is likely higher."
    assert ("KE", 40) in {c[:2] for c in model_claims(nlp, text, "2025-03-01")}
