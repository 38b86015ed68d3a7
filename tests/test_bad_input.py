"""Bad article text through `newsfacts extract` and the `process` stage: nothing stops a batch.

Each article gets the facts that can honestly be found in it (maybe none) and a
warning naming it; offsets always point into the text as it came in.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.processing import ProcessOptions, ProcessResult, process_pending
from nlp.pipeline import build_pipeline
from storage.articles import content_hash, store_article
from storage.db import create_db_and_tables, make_engine
from storage.models import Article, ArticleBase, Claim, Mention

SPACY_DEFAULT_MAX_LENGTH = 1_000_000
PARAGRAPH = (
    "In 2023, Japan released 12 large language models, according to a government report. "
    "Analysts at the institute said the pace of releases had picked up sharply since the spring.\n\n"
)
TAIL = "Late in the year, Sony Group said Kenji Tanaka would lead its new research lab in Kyoto.\n"
LONG = PARAGRAPH * (3_000_000 // len(PARAGRAPH)) + TAIL
GERMAN = (
    "Deutschland hat im Jahr 2023 zwölf große Sprachmodelle veröffentlicht, sagte das Ministerium am Dienstag. "
    "China veröffentlichte im selben Zeitraum 19 Modelle, die von Unternehmen wie Baidu entwickelt wurden. "
    "Experten erwarten, dass die Zahl in diesem Jahr weiter steigt."
)
HTML = (
    "<html><body><h1>Chinese models</h1><p>China released <b>19</b> LLMs in 2023.</p>"
    "<script>var source = 'Baidu';</script><!-- Tencent --></body></html>"
)
CONTROLS = "China released 19 LLMs in 2023.\x00\x0cBaidu said\x0b so.\f\n"
PUBLISHED = "2024-01-10"
# id -> (text, a word of the warning it must get)
ARTICLES: dict[str, tuple[str, str]] = {
    "empty": ("", "empty text"),
    "blank": (" \n\t \n", "whitespace-only"),
    "long": (LONG, "pieces"),
    "german": (GERMAN, "English"),
    "html": (HTML, "HTML"),
    "controls": (CONTROLS, "control characters"),
}
# JSON can carry lone surrogates, which no database or UTF-8 file can hold: extract only.
SURROGATE_LINE = '{"id": "surrogates", "published": "2024-01-10", "text": "China\\ud800 released 19 LLMs in 2023. Baidu\\udfff agreed."}'


@dataclass(frozen=True)
class Found:
    """Facts of one article in contract form, whichever path made them."""

    text: str
    warnings: list[str]
    entities: list[dict[str, Any]]  # label, text, start, end
    claims: set[tuple[Any, ...]]  # (subject code, count, item, year_start, year_end)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Found]:
    folder = tmp_path_factory.mktemp("extract")
    source, target = folder / "in.jsonl", folder / "out.jsonl"
    lines = [json.dumps({"id": key, "text": text, "published": PUBLISHED}) for key, (text, _) in ARTICLES.items()]
    source.write_text("\n".join([*lines, SURROGATE_LINE]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--input", str(source), "--output", str(target)])
    assert result.exit_code == 0, result.output
    texts = {key: text for key, (text, _) in ARTICLES.items()}
    texts["surrogates"] = json.loads(SURROGATE_LINE)["text"]
    found = {}
    for line in target.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        prefix = f"warning: article {row['id']}: "
        warnings = [w[len(prefix):] for w in result.stderr.splitlines() if w.startswith(prefix)]
        claims = {(c["subject_code"], c["count"], c["item"], c["year_start"], c["year_end"]) for c in row["claims"]}
        found[row["id"]] = Found(texts[row["id"]], warnings, row["entities"], claims)
    assert list(found) == [*ARTICLES, "surrogates"]
    return found


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProcessResult, dict[str, Found]]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('process') / 'bad.sqlite'}")
    create_db_and_tables(engine)
    with Session(engine) as session:
        for key, (text, _) in ARTICLES.items():
            url = f"https://{key}.news.example/"  # one host each: "" and " " hash alike
            store_article(session, ArticleBase(url=url, canonical_url=url, text=text, content_hash=content_hash(text),
                                               published=datetime(2024, 1, 10, tzinfo=timezone.utc)), "example")
        session.commit()
    result = process_pending(engine, build_pipeline(), ProcessOptions(batch_size=4))
    found = {}
    with Session(engine) as session:
        for article in session.exec(select(Article)):
            key = article.canonical_url.split("//")[1].split(".")[0]
            prefix = f"article {article.id} ({article.canonical_url}): "
            warnings = [w[len(prefix):] for w in result.warnings if w.startswith(prefix)]
            mentions = session.exec(select(Mention).where(Mention.article_id == article.id)).all()
            entities = [{"text": m.text, "start": m.start_char, "end": m.end_char} for m in mentions]
            claims = {(c.subject_code, c.count, c.item, c.year_start, c.year_end)
                      for c in session.exec(select(Claim).where(Claim.article_id == article.id))}
            found[key] = Found(article.text, warnings, entities, claims)
    engine.dispose()
    return result, found


@pytest.fixture(params=["extract", "process"])
def facts(request: pytest.FixtureRequest) -> dict[str, Found]:
    if request.param == "extract":
        found: dict[str, Found] = request.getfixturevalue("extracted")
        return found
    return request.getfixturevalue("processed")[1]  # type: ignore[no-any-return]


def test_process_takes_every_bad_article(processed: tuple[ProcessResult, dict[str, Found]]) -> None:
    result, found = processed
    assert (result.processed, result.failed) == (len(ARTICLES), 0)
    assert set(found) == set(ARTICLES)


@pytest.mark.parametrize("key", list(ARTICLES))
def test_each_bad_article_gets_a_warning_naming_it(facts: dict[str, Found], key: str) -> None:
    assert any(ARTICLES[key][1] in w for w in facts[key].warnings), facts[key].warnings


@pytest.mark.parametrize("key", list(ARTICLES))
def test_offsets_point_into_the_original_text(facts: dict[str, Found], key: str) -> None:
    found = facts[key]
    assert all(found.text[e["start"] : e["end"]] == e["text"] for e in found.entities)


@pytest.mark.parametrize("key", ["empty", "blank"])
def test_no_text_no_facts(facts: dict[str, Found], key: str) -> None:
    assert (facts[key].entities, facts[key].claims) == ([], set())


def test_long_article_is_read_to_its_end(facts: dict[str, Found]) -> None:
    found = facts["long"]
    assert len(found.text) > 3 * SPACY_DEFAULT_MAX_LENGTH - 100_000
    tail = {e["text"] for e in found.entities if e["start"] > SPACY_DEFAULT_MAX_LENGTH}
    assert {"Sony Group", "Kenji Tanaka", "Japan"} <= tail
    # The paragraph's claim, once, however often the paragraph repeats.
    assert found.claims == {("JP", 12, "large language model", 2023, 2023)}


def test_other_language_keeps_gazetteer_names_only(facts: dict[str, Found]) -> None:
    found = facts["german"]
    assert found.claims == set()
    assert {e["text"] for e in found.entities} == {"China", "Baidu"}


def test_html_tags_do_not_hide_facts(facts: dict[str, Found]) -> None:
    found = facts["html"]
    assert found.claims == {("CN", 19, "large language model", 2023, 2023)}
    # Script, comment and tag contents are not text.
    assert not {"Baidu", "Tencent"} & {e["text"] for e in found.entities}


def test_control_characters_are_read_around(facts: dict[str, Found]) -> None:
    found = facts["controls"]
    assert found.claims == {("CN", 19, "large language model", 2023, 2023)}
    assert "Baidu" in {e["text"] for e in found.entities}


def test_lone_surrogates_become_replacement_characters(extracted: dict[str, Found]) -> None:
    found = extracted["surrogates"]
    assert any("surrogates" in w for w in found.warnings)
    assert found.claims == {("CN", 19, "large language model", 2023, 2023)}
    quoted = found.text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert {e["text"] for e in found.entities} == {"China", "Baidu"}
    assert all(quoted[e["start"] : e["end"]] == e["text"] for e in found.entities)
