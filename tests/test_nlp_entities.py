"""Entities: gazetteer countries and organizations, corrections, canonical names."""
from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.extract import extract_facts
from nlp.pipeline import build_pipeline
from nlp.records import ArticleFacts


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def facts(nlp: Language, text: str) -> ArticleFacts:
    return extract_facts(nlp, text, "2024-01-01")


def labelled(nlp: Language, text: str) -> set[tuple[str, str, str | None]]:
    return {(m.label, m.canonical, m.code) for m in facts(nlp, text).mentions}


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("the U.S.", "US"), ("the US", "US"), ("America", "US"), ("the States", "US"), ("American", "US"),
        ("the PRC", "CN"), ("mainland China", "CN"), ("Chinese", "CN"), ("Britain", "GB"), ("the UK", "GB"),
        ("French", "FR"), ("South Korea", "KR"), ("Japanese", "JP"), ("Kenya", "KE"), ("Bolivia", "BO"),
    ],
)
def test_country_aliases_and_demonyms_get_iso_codes(nlp: Language, phrase: str, code: str) -> None:
    found = facts(nlp, f"Analysts compared {phrase} companies with their rivals.").mentions
    assert [m.code for m in found if m.label == "COUNTRY"] == [code]


@pytest.mark.parametrize("text", ["Give us the numbers.", "Beijing and Shanghai host many labs.", "Latin America trails."])
def test_not_countries(nlp: Language, text: str) -> None:
    assert not [m for m in facts(nlp, text).mentions if m.label == "COUNTRY"]


def test_cities_stay_locations(nlp: Language) -> None:
    found = labelled(nlp, "Tesla opened a plant in Shanghai and an office in Beijing.")
    assert ("GPE", "Shanghai", None) in found and ("GPE", "Beijing", None) in found


@pytest.mark.parametrize("acronym", ["AI", "EV", "LLM", "GPU", "AGI"])
def test_common_noun_acronyms_are_not_entities(nlp: Language, acronym: str) -> None:
    text = f"The {acronym} boom lifted {acronym} demand across Asia, said an {acronym} analyst."
    assert not [m for m in facts(nlp, text).mentions if m.text == acronym]


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [("BAIDU", "Baidu"), ("SENSETIME", "SenseTime"), ("Sensetime", "SenseTime"), ("Zhipu", "Zhipu AI"), ("MOST", "Ministry of Science and Technology")],
)
def test_org_gazetteer_is_case_insensitive_with_aliases(nlp: Language, surface: str, canonical: str) -> None:
    found = labelled(nlp, f"Shares rose after {surface} spoke on Monday.")
    assert ("ORG", canonical, None) in found


def test_lowercase_common_words_are_not_gazetteer_orgs(nlp: Language) -> None:
    found = labelled(nlp, "Most analysts think meta data, apple growers and the commerce ministry matter.")
    assert not {c for label, c, _ in found if label == "ORG"}


def test_products_events_are_not_orgs(nlp: Language) -> None:
    found = labelled(nlp, "OpenAI's ChatGPT and Baidu's Ernie Bot were shown at the World Artificial Intelligence Conference.")
    orgs = {c for label, c, _ in found if label == "ORG"}
    assert orgs == {"OpenAI", "Baidu"}


def test_person_short_names_resolve_to_the_fullest_name(nlp: Language) -> None:
    text = "Robin Li spoke first. Li said Baidu would grow. Later Mr. Li left."
    persons = {(m.text, m.canonical) for m in facts(nlp, text).mentions if m.label == "PERSON"}
    assert {c for _, c in persons} == {"Robin Li"}


def test_org_case_and_possessive_variants_are_one_entity(nlp: Language) -> None:
    text = "Veltrix Dynamics said on Monday it would expand. VELTRIX DYNAMICS's shares rose. Veltrix Dynamics' rivals fell."
    orgs = {m.canonical for m in facts(nlp, text).mentions if m.label == "ORG"}
    assert len(orgs) <= 1


def test_acronym_in_parentheses_joins_its_name(nlp: Language) -> None:
    text = "The Institute for Quantum Policy (IQP) published a study. IQP said demand rose."
    orgs = {(m.text, m.canonical) for m in facts(nlp, text).mentions if m.label == "ORG"}
    assert {c for _, c in orgs} == {"Institute for Quantum Policy"}


@pytest.mark.parametrize(
    "line",
    ["Add Reuters to your Google News feed", "SHOW COMMENT", "Job Board", "By Jane Doe and Tesla Desk", "Photo: Baidu"],
)
def test_boilerplate_lines_yield_no_entities(nlp: Language, line: str) -> None:
    text = f"China tops AI ranking\n\n{line}\n\nChina released 12 models in 2023."
    found = facts(nlp, text)
    start = text.index(line)
    assert not [m for m in found.mentions if start <= m.start < start + len(line)]
    assert [m.code for m in found.mentions if m.label == "COUNTRY"] == ["CN", "CN"]


def test_dateline_credit_is_not_an_org(nlp: Language) -> None:
    text = "Chip curbs widen\n\nBEIJING (Reuters) - China released 12 models, Reuters reported."
    orgs = [m for m in facts(nlp, text).mentions if m.label == "ORG"]
    assert [m.start for m in orgs] == [text.rindex("Reuters")]


def test_a_country_inside_a_longer_name_leaves_the_name_alone(nlp: Language) -> None:
    from spacy.tokens import Span

    from nlp.gazetteers import prefer_gazetteer

    doc = nlp.make_doc("the Korea Institute for Robot Policy and Korea")
    name = Span(doc, 1, 6, label="ORG")
    inside, alone = Span(doc, 1, 2, label="COUNTRY", span_id="KR:South Korea"), Span(doc, 7, 8, label="COUNTRY", span_id="KR:South Korea")
    assert sorted((s.text, s.label_) for s in prefer_gazetteer([name], [inside, alone])) == [
        ("Korea", "COUNTRY"), ("Korea Institute for Robot Policy", "ORG")]
    # a gazetteer name wins over the statistical entity it overlaps
    org = Span(doc, 1, 3, label="GPE")
    assert [(s.text, s.label_) for s in prefer_gazetteer([org], [inside])] == [("Korea", "COUNTRY")]


def test_coordinated_names_are_split(nlp: Language) -> None:
    from spacy.tokens import Span

    from nlp.entities import EntityFixes

    doc = nlp.make_doc("Zorvex and Quillon compete.")
    parts = EntityFixes.split_coordination(Span(doc, 0, 3, label="ORG"))
    assert [(p.text, p.label_) for p in parts] == [("Zorvex", "ORG"), ("Quillon", "ORG")]
    whole = Span(nlp.make_doc("Ministry of Science and Technology"), 0, 5, label="ORG")
    assert EntityFixes.split_coordination(whole) == [whole]
