"""A guard against text in another language.

The base model and the claim rules read English. On German or Chinese text they
still tag "Sprachmodelle" as a PERSON or read counts out of a foreign sentence,
so a doc that does not look like English keeps only its gazetteer names (a
"China" there is still China) and no claims. A doc is English unless its letters
are mostly outside the Latin script, or it has enough words and too few English
function words among them (spaCy's stop words: about 40% of English news prose,
under 15% of German or French). Docs too short to judge count as English.
"""
from __future__ import annotations

import re

from spacy.attrs import IS_ALPHA, IS_STOP
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import CLAIMS, ENGLISH, register_extensions
from .syntax import doc_text

LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")


class LanguageGuard:
    """Set `Doc._.english`; in a doc that is not English, drop statistical entities and claims."""

    def __init__(self, min_words: int, min_function_word_share: float, min_latin_share: float) -> None:
        self.min_words = min_words
        self.min_function_word_share = min_function_word_share
        self.min_latin_share = min_latin_share

    def is_english(self, doc: Doc) -> bool:
        """Whether the doc looks like English (see the module docstring)."""
        # English has next to no letters outside the Latin script: count those first, and
        # the Latin ones only when there are some
        text = doc_text(doc)
        other = len(OTHER_LETTER.findall(text))
        if other:
            latin = len(LATIN_LETTER.findall(text))
            if latin < self.min_latin_share * (latin + other):
                return False
        alpha, stop = doc.to_array([IS_ALPHA, IS_STOP]).T.astype(bool)
        words, function_words = int(alpha.sum()), int((alpha & stop).sum())
        return words < self.min_words or function_words >= self.min_function_word_share * words

    def __call__(self, doc: Doc) -> Doc:
        english = self.is_english(doc)
        setattr(doc._, ENGLISH, english)
        if not english:
            doc.ents = [e for e in doc.ents if e.id_]
            setattr(doc._, CLAIMS, [])
        return doc


@Language.factory(
    "newsfacts_language",
    assigns=[f"doc._.{ENGLISH}", "doc.ents", f"doc._.{CLAIMS}"],
    default_config={"min_words": 20, "min_function_word_share": 0.2, "min_latin_share": 0.5},
)
def make_language_guard(
    nlp: Language, name: str, min_words: int, min_function_word_share: float, min_latin_share: float
) -> LanguageGuard:
    """Factory of `LanguageGuard` (place it last: it overrides entities and claims)."""
    register_extensions()
    return LanguageGuard(min_words, min_function_word_share, min_latin_share)
