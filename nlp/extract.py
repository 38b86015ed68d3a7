"""From article text to plain fact records, and from records to the eval contract.

The only place that turns a processed `Doc` into `ArticleFacts` (records.py); the CLI
and storage use these functions and never see spaCy objects.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .claims import dedupe
from .cleaning import clean_text
from .extensions import CANONICAL, CLAIMS, COUNTRY_CODE, ENGLISH, PUBLISHED, register_extensions
from .records import ArticleFacts, ClaimRecord, MentionRecord
from .syntax import remember_text

# Entity labels kept as mentions: names, not numbers or dates.
MENTION_LABELS = ("PERSON", "ORG", "COUNTRY", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART")
# The unit of repetition in over-long texts: a line, with the blank lines after it.
PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*\n?\s*")

NOT_ENGLISH = "text does not look like English: only gazetteer names kept, no claims"

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


@dataclass
class PiecePlan:
    """How an over-long text is analysed: `pieces` (offset, text) go through the
    pipeline; each repeat (offset, first offset, length) is a paragraph that already
    occurred verbatim at `first offset`, whose mentions are copied rather than found again."""

    pieces: list[tuple[int, str]] = field(default_factory=list)
    repeats: list[tuple[int, int, int]] = field(default_factory=list)


def plan_pieces(text: str, limit: int) -> PiecePlan:
    """Pieces of at most `limit` characters, made of runs of paragraphs seen for the first
    time (over-long pages are mostly repeated blocks; analysing each block once keeps a
    3 MB page from holding a batch for minutes)."""
    plan = PiecePlan()
    first: dict[str, int] = {}
    run = 0  # start of the current run of new paragraphs
    for match in PARAGRAPH.finditer(text):
        start, body = match.start(), match.group(0).rstrip()
        seen = first.setdefault(body, start)
        if seen == start:
            continue
        if start > run:
            plan.pieces += [(run + o, p) for o, p in split_text(text[run:start], limit)]
        plan.repeats.append((start, seen, len(body)))
        run = match.end()
    if run < len(text):
        plan.pieces += [(run + o, p) for o, p in split_text(text[run:], limit)]
    return plan


def _prepare(nlp: Language, text: str | None, published: Published) -> tuple[list[tuple[int, Doc]], _Article]:
    """Docs (with their offsets) ready for the pipeline, and the article they belong to."""
    register_extensions()
    if not text or not text.strip():
        warning = "empty text" if not text else "whitespace-only text"
        return [], _Article(text or "", ArticleFacts(warnings=[warning]))
    warnings: list[str] = []
    day = parse_published(published)
    if published not in (None, "") and day is None:
        warnings.append(f"unusable publication date {published!r}")
    cleaned, quoted, notes = clean_text(text)
    warnings += notes
    plan = PiecePlan(pieces=[(0, cleaned)])
    if len(cleaned) > nlp.max_length:
        plan = plan_pieces(cleaned, nlp.max_length)
        warnings.append(f"text of {len(cleaned)} characters processed in {len(plan.pieces)} pieces"
                        + (f", {len(plan.repeats)} repeated paragraphs analysed once" if plan.repeats else ""))
    docs = []
    for offset, piece in plan.pieces:
        doc = nlp.make_doc(piece)
        remember_text(doc, piece)
        setattr(doc._, PUBLISHED, day)
        docs.append((offset, doc))
    return docs, _Article(quoted, ArticleFacts(warnings=warnings), len(docs), plan.repeats)


@dataclass
class _Article:
    """An article in flight through `extract_many`: the text records quote, its facts
    so far, how many of its docs are still in the pipeline, and its repeated paragraphs."""

    text: str
    facts: ArticleFacts
    left: int = 0
    repeats: list[tuple[int, int, int]] = field(default_factory=list)

    def finish(self, pieces: int) -> ArticleFacts:
        """The facts once every doc is back: repeats filled in, restatements across pieces merged."""
        facts = self.facts
        if self.repeats:
            facts.mentions = copy_repeats(facts.mentions, self.repeats)
        if pieces > 1:
            facts.claims = dedupe(facts.claims)
        return facts


def copy_repeats(mentions: list[MentionRecord], repeats: list[tuple[int, int, int]]) -> list[MentionRecord]:
    """The mentions plus, for each repeated paragraph, those of its first occurrence moved
    to it; in text order."""
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    copies: list[MentionRecord] = []
    for offset, first, length in repeats:
        shift = offset - first
        for mention in mentions[bisect_left(starts, first) : bisect_left(starts, first + length)]:
            if mention.end <= first + length:
                copies.append(replace(mention, start=mention.start + shift, end=mention.end + shift))
    return sorted(mentions + copies, key=lambda m: m.start)


def doc_to_facts(doc: Doc, text: str, offset: int = 0, facts: ArticleFacts | None = None) -> ArticleFacts:
    """Records of one processed Doc (a piece of `text` starting at `offset`)."""
    facts = facts if facts is not None else ArticleFacts()
    if getattr(doc._, ENGLISH) is False and NOT_ENGLISH not in facts.warnings:
        facts.warnings.append(NOT_ENGLISH)
    for ent in doc.ents:
        if ent.label_ not in MENTION_LABELS:
            continue
        start, end = ent.start_char + offset, ent.end_char + offset
        extensions = ent._  # spaCy builds this accessor anew on every access
        facts.mentions.append(MentionRecord(
            label=ent.label_, text=text[start:end], canonical=getattr(extensions, CANONICAL) or ent.text,
            start=start, end=end, code=getattr(extensions, COUNTRY_CODE)))
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
    pending: dict[int, _Article] = {}
    pieces: dict[int, int] = {}

    def docs() -> Iterator[tuple[Doc, tuple[int, int]]]:
        for number, (text, published) in enumerate(items):
            prepared, article = _prepare(nlp, text, published)
            pending[number], pieces[number] = article, len(prepared)
            # An article with no text still sends one empty doc, to keep the output in order.
            if not prepared:
                article.left = 1
                yield nlp.make_doc(""), (number, -1)
            for offset, doc in prepared:
                yield doc, (number, offset)

    next_out = 0
    for doc, (number, offset) in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        article = pending[number]
        if offset >= 0:
            doc_to_facts(doc, article.text, offset, article.facts)
        article.left -= 1
        while next_out in pending and pending[next_out].left <= 0:
            yield pending.pop(next_out).finish(pieces.pop(next_out))
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
