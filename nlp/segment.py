"""Sentence starts at line breaks (and none after "U.S." before a lower-case word),
set before the parser runs.

Headlines, bylines and section headings have no final punctuation; without this the
parser glues them to the next paragraph, which spoils claim sentences and parses.
The parser keeps boundaries that are already set, so its weights are untouched.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

# Dotted abbreviations the parser takes for a sentence end before a lower-case word.
ABBREVIATIONS = {"U.S.", "U.K.", "U.N.", "E.U.", "U.A.E.", "S.Korea"}
PIPE = get_string_id("|")
# Tokens after which a start may be set or unset: spaces are found by IS_SPACE.
MARKERS = numpy.array([get_string_id(text) for text in (*ABBREVIATIONS, "|", ":")], dtype=numpy.uint64)


class LineBreakSentencizer:
    """Mark the first token after a whitespace token holding a newline as a sentence start."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        # Only tokens after a space, an abbreviation, "|" or ":", or a "|" itself can change;
        # finding them on the doc's arrays spares a Python step per token.
        attrs = doc.to_array([IS_SPACE, ORTH])
        after_marker = (attrs[:-1, 0] == 1) | numpy.isin(attrs[:-1, 1], MARKERS) | (attrs[1:, 1] == PIPE)
        for i in numpy.flatnonzero(after_marker) + 1:
            token, previous = doc[int(i)], doc[int(i) - 1]
            if previous.is_space and "\n" in previous.text and not token.is_space:
                token.is_sent_start = True
            elif previous.text in ABBREVIATIONS and token.is_lower:
                token.is_sent_start = False  # "U.S. institutions had been ...": no sentence ends at "U.S."
            elif previous.text == "|" or token.text == "|":
                token.is_sent_start = False  # a row of a pipe table "Silo AI | Finland | 2" is one sentence
            elif previous.text == ":" and token.like_num and token.i >= 2 and "\n" not in doc[token.i - 2].text:
                token.is_sent_start = False  # a table line "India: 12" is one sentence
        return doc


@Language.factory("newsfacts_line_breaks", assigns=["token.is_sent_start"], default_config={})
def make_line_breaks(nlp: Language, name: str) -> LineBreakSentencizer:
    """Factory of `LineBreakSentencizer` (place it before the parser)."""
    return LineBreakSentencizer()
