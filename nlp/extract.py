"""From article text to plain fact records, and from records to the eval contract.

The only place that turns a processed `Doc` into `ArticleFacts` (records.py); the CLI
and storage use these functions and never see spaCy objects.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import CANONICAL, CLAIMS, COUNTRY_CODE, PUBLISHED, register_extensions
from .records import ArticleFacts, ClaimRecord, MentionRecord

# Entity labels kept as mentions: names, not numbers or dates.
MENTION_LABELS = ("PERSON", "ORG", "COUNTRY", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART")
KEEP_CHARS = "\n\t\r"
PARAGRAPH = re.compile(r"\n\s*\n|\n")

Published = date | datetime | str | None


def parse_published(value: Published) -> date | None:
    """A publication date from a date, a datetime or an ISO-like string (None if unusable)."""
    if value is None or isinstance(value, datetime):
        return value.date() if isinstance(value, datetime) else None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser  # lazily: slow to import, rarely needed

    parsed = dateparser.parse(text, languages=["en"])
    return parsed.date() if parsed else None


def clean_text(text: str) -> tuple[str, list[str]]:
    """Replace control and format characters by spaces, keeping every offset."""
    chars = [c if c in KEEP_CHARS or unicodedata.category(c) not in ("Cc", "Cf") else " " for c in text]
    cleaned = "".join(chars)
    changed = sum(a != b for a, b in zip(text, cleaned))
    return cleaned, [f"replaced {changed} control characters with spaces"] if changed else []


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Pieces of at most `limit` characters, cut at paragraph (else line, else space) breaks."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut <= 0:
            cut = window.rfind(" ")
        cut = cut + 1 if cut > 0 else limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def _prepare(nlp: Language, text: str | None, published: Published) -> tuple[list[tuple[int, Doc]], list[str]]:
    """Docs (with their offsets) ready for the pipeline, and warnings about the text."""
    register_extensions()
    warnings: list[str] = []
    if not text or not text.strip():
        return [], ["empty text"] if text is None or text == "" else ["whitespace-only text"]
    day = parse_published(published)
    if published not in (None, "") and day is None:
        warnings.append(f"unusable publication date {published!r}")
    cleaned, notes = clean_text(text)
    warnings += notes
    pieces = [(0, cleaned)]
    if len(cleaned) > nlp.max_length:
        pieces = split_text(cleaned, nlp.max_length)
        warnings.append(f"text of {len(cleaned)} characters processed in {len(pieces)} pieces")
    docs = []
    for offset, piece in pieces:
        doc = nlp.make_doc(piece)
        setattr(doc._, PUBLISHED, day)
        docs.append((offset, doc))
    return docs, warnings


def doc_to_facts(doc: Doc, text: str, offset: int = 0, facts: ArticleFacts | None = None) -> ArticleFacts:
    """Records of one processed Doc (a piece of `text` starting at `offset`)."""
    facts = facts if facts is not None else ArticleFacts()
    for ent in doc.ents:
        if ent.label_ not in MENTION_LABELS:
            continue
        start, end = ent.start_char + offset, ent.end_char + offset
        facts.mentions.append(MentionRecord(
            label=ent.label_, text=text[start:end], canonical=getattr(ent._, CANONICAL) or ent.text,
            start=start, end=end, code=getattr(ent._, COUNTRY_CODE)))
    for claim in getattr(doc._, CLAIMS) or []:
        start, end = claim.sent_start + offset, claim.sent_end + offset
        facts.claims.append(ClaimRecord(
            subject=claim.subject, subject_label=claim.subject_label, count=claim.count,
            qualifier=claim.qualifier, item=claim.item, year_start=claim.year_start,
            year_end=claim.year_end, sentence=text[start:end], start=start, end=end,
            subject_code=claim.subject_code))
    return facts


def extract_facts(nlp: Language, text: str, published: Published = None) -> ArticleFacts:
    """Entities and count claims of one article.

    nlp (Language): from `build_pipeline()`. text (str): the article text.
    published (date | datetime | str | None): anchors relative time ("last year").
    RETURNS (ArticleFacts): mentions and claims with offsets into `text`, and warnings.
    """
    return next(extract_many(nlp, [(text, published)]))


def extract_many(nlp: Language, items: Iterable[tuple[str, Published]], batch_size: int = 32) -> Iterator[ArticleFacts]:
    """`extract_facts` over many (text, published) pairs, batched through `nlp.pipe`.

    RETURNS (Iterator[ArticleFacts]): one per input, in input order.
    """
    pending: dict[int, tuple[str, ArticleFacts, int]] = {}  # article -> (text, facts, pieces left)

    def docs() -> Iterator[tuple[Doc, tuple[int, int]]]:
        for number, (text, published) in enumerate(items):
            prepared, warnings = _prepare(nlp, text, published)
            # An article with no text still sends one empty doc, to keep the output in order.
            pending[number] = (text or "", ArticleFacts(warnings=warnings), max(len(prepared), 1))
            if not prepared:
                yield nlp.make_doc(""), (number, -1)
            for offset, doc in prepared:
                yield doc, (number, offset)

    next_out = 0
    for doc, (number, offset) in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        text, facts, left = pending[number]
        if offset >= 0:
            doc_to_facts(doc, text, offset, facts)
        pending[number] = (text, facts, left - 1)
        while next_out in pending and pending[next_out][2] <= 0:
            yield pending.pop(next_out)[1]
            next_out += 1


def facts_to_contract(article_id: Any, facts: ArticleFacts) -> dict[str, Any]:
    """One output line of the eval contract (shared/eval/README.md) for an article."""
    entities = []
    for m in facts.mentions:
        entity: dict[str, Any] = {"label": m.label, "text": m.text, "canonical": m.canonical, "start": m.start, "end": m.end}
        if m.label == "COUNTRY":
            entity["code"] = m.code
        entities.append(entity)
    claims = [
        {"subject": c.subject, "subject_code": c.subject_code, "count": c.count, "qualifier": c.qualifier,
         "item": c.item, "year_start": c.year_start, "year_end": c.year_end, "sentence": c.sentence}
        for c in facts.claims
    ]
    return {"id": article_id, "entities": entities, "claims": claims}
