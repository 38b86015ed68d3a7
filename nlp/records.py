"""Plain fact records: what the NLP stage hands to the rest of newsfacts.

They hold data only (no spaCy objects), so `storage` and the CLI can use them
without knowing anything about the pipeline that made them.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MentionRecord:
    """One entity mention: its surface text, offsets and resolved identity."""

    label: str  # PERSON, ORG, COUNTRY (others, e.g. LOC, may be kept)
    text: str
    canonical: str
    start: int  # character offsets into the article text
    end: int
    code: str | None = None  # ISO 3166-1 alpha-2 for COUNTRY


@dataclass(frozen=True)
class ClaimRecord:
    """One count claim: `subject` has `count` of `item` in year_start..year_end."""

    subject: str  # canonical name of the country or organization
    subject_label: str  # COUNTRY or ORG
    count: int | float
    qualifier: str  # exact, more_than, at_least, about, less_than, at_most
    item: str  # canonical counted thing, e.g. "large language model"
    year_start: int | None
    year_end: int | None
    sentence: str
    start: int  # character offsets of the sentence in the article text
    end: int
    subject_code: str | None = None  # ISO code when the subject is a country


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    mentions: list[MentionRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
