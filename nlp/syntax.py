"""Small helpers over docs and the dependency parse shared by the NLP components."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

VERB_TAGS = ("VERB", "AUX")
# A transcript turn: "LINDIWE DUBE: ...", "HOST: ..." (group 1 is the speaker's label)
SPEAKER_TURN = re.compile(r"^\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s", re.MULTILINE)
TEXT_KEY = "newsfacts.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc: spaCy joins the tokens again on every access, and
    no component changes a token's text."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text`, sliced out of `doc_text`."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def clause_verb(token: Token) -> Token:
    """The nearest verb at or above a token (the sentence root if there is none)."""
    node = token
    while node.head.i != node.i and node.pos_ not in VERB_TAGS:
        node = node.head
    return node
