"""Small helpers over the dependency parse shared by the claim modules."""
from __future__ import annotations

import re

from spacy.tokens import Token

VERB_TAGS = ("VERB", "AUX")
# A transcript turn: "LINDIWE DUBE: ...", "HOST: ..." (group 1 is the speaker's label)
SPEAKER_TURN = re.compile(r"^\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s", re.MULTILINE)


def clause_verb(token: Token) -> Token:
    """The nearest verb at or above a token (the sentence root if there is none)."""
    node = token
    while node.head.i != node.i and node.pos_ not in VERB_TAGS:
        node = node.head
    return node
