"""Small helpers over docs and the dependency parse shared by the NLP components."""
from __future__ import annotations

import re

import numpy
from spacy.attrs import HEAD, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

VERB_TAGS = ("VERB", "AUX")
VERB_POS_IDS = [POS_IDS[tag] for tag in VERB_TAGS]
# A transcript turn: "LINDIWE DUBE: ...", "HOST: ..." (group 1 is the speaker's label)
SPEAKER_TURN = re.compile(r"^\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s", re.MULTILINE)
TEXT_KEY = "newsfacts.text"
LOWER_KEY = "newsfacts.lower"
WORDS_KEY = "newsfacts.sentence_words"
HEADS_KEY = "newsfacts.heads"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc: spaCy joins the tokens again on every access, and
    no component changes a token's text."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give `doc_text` the text a doc was made from (the tokenizer keeps every character,
    and merging tokens changes none), so no component joins it from the tokens."""
    doc.user_data[TEXT_KEY] = text


def span_text(span: Span) -> str:
    """`span.text`, sliced out of `doc_text`."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def lower_ids(doc: Doc) -> numpy.ndarray:
    """The doc's LOWER array, read once per doc (the components after the tokenizer's
    fixes change no token)."""
    ids = doc.user_data.get(LOWER_KEY)
    if ids is None:
        ids = doc.user_data[LOWER_KEY] = doc.to_array(LOWER).reshape(-1)
    return ids


def lower_words(span: Span) -> list[str]:
    """`[t.lower_ for t in span]` from the string store, without making a Token per word."""
    strings = span.doc.vocab.strings
    return [strings[i] for i in lower_ids(span.doc)[span.start : span.end].tolist()]


def sentence_words(sent: Span) -> frozenset[str]:
    """The distinct lower-case words of a sentence, gathered once per sentence, for the
    many checks of whether a sentence says a word at all."""
    cache: dict[tuple[int, int], frozenset[str]] = sent.doc.user_data.setdefault(WORDS_KEY, {})
    words = cache.get((sent.start, sent.end))
    if words is None:
        strings = sent.doc.vocab.strings
        words = cache[sent.start, sent.end] = frozenset(
            strings[i] for i in set(lower_ids(sent.doc)[sent.start : sent.end].tolist()))
    return words


def clause_verb(token: Token) -> Token:
    """The nearest verb at or above a token (the sentence root if there is none)."""
    heads, verbs = _heads_and_verbs(token.doc)
    i = token.i
    while heads[i] != i and not verbs[i]:
        i = heads[i]
    return token if i == token.i else token.doc[i]


def _heads_and_verbs(doc: Doc) -> tuple[list[int], list[bool]]:
    """Each token's head index and whether it is a verb, read from the doc's arrays once
    per doc: the claims walk up the parse from every count many times, and a Token made
    per step costs more than the step."""
    cached: tuple[list[int], list[bool]] | None = doc.user_data.get(HEADS_KEY)
    if cached is None:
        attrs = doc.to_array([HEAD, POS]).reshape(-1, 2)
        # HEAD is the offset to the head, stored unsigned
        heads = attrs[:, 0].astype(numpy.int64) + numpy.arange(len(doc), dtype=numpy.int64)
        cached = doc.user_data[HEADS_KEY] = (heads.tolist(), numpy.isin(attrs[:, 1], VERB_POS_IDS).tolist())
    return cached
