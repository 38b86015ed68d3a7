"""The Doc and Span extension attributes the newsfacts components write.

Registered once, on first use by a component factory, so importing the package
has no side effects on spaCy's global state.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

# Doc._.published: date | None, set by the caller before the pipeline runs.
PUBLISHED = "published"
# Doc._.boilerplate: list[tuple[int, int]] character ranges of boilerplate text.
BOILERPLATE = "boilerplate"
# Doc._.claims: list[nlp.claims.Claim] found by the claim extractor.
CLAIMS = "claims"
# Doc._.english: bool | None, whether the text looks like English (nlp/language.py).
ENGLISH = "english"
# Span._.canonical: str | None, the entity's one name in the article.
CANONICAL = "canonical"
# Span._.country_code: str | None, ISO 3166-1 alpha-2 code of a COUNTRY entity.
COUNTRY_CODE = "country_code"


def register_extensions() -> None:
    """Register the extension attributes if they are not registered yet."""
    for name in (PUBLISHED,):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in (BOILERPLATE, CLAIMS, ENGLISH):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in (CANONICAL, COUNTRY_CODE):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
