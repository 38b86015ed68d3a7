"""Small helpers over the dependency parse shared by the claim modules."""
from __future__ import annotations

from spacy.tokens import Token

VERB_TAGS = ("VERB", "AUX")


def clause_verb(token: Token) -> Token:
    """The nearest verb at or above a token (the sentence root if there is none)."""
    node = token
    while node.head.i != node.i and node.pos_ not in VERB_TAGS:
        node = node.head
    return node
