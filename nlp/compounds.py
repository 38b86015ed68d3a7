"""Hyphenated verbs made one token, read by the model as the plain verb they mean.

The small English model splits "open-sourced" into "open - sourced" and then parses
"China open-sourced 2 LLMs" as one noun phrase. Merged into one token whose NORM is
"released" (the model's main lexical feature), the clause parses as subject, verb and
object. The text and offsets are unchanged. Runs before the model's tok2vec.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .rules import RulesComponent


class HyphenVerbs(RulesComponent):
    """Merge "open - sourced" style tokens listed under "norms" in the rules data."""

    def _compile(self) -> None:
        self.norms: dict[str, str] = {k.lower(): v for k, v in self.rules.get("norms", {}).items()}
        self.firsts = {k.split("-", 1)[0] for k in self.norms}

    def __call__(self, doc: Doc) -> Doc:
        if not self.norms:
            return doc
        merges = []
        i = 1
        while i + 1 < len(doc):
            hyphen = doc[i]
            if hyphen.text == "-" and not hyphen.whitespace_ and not doc[i - 1].whitespace_ \
                    and doc[i - 1].lower_ in self.firsts:
                norm = self.norms.get(doc[i - 1 : i + 2].text.lower())
                if norm is not None:
                    merges.append((doc[i - 1 : i + 2], norm))
                    i += 2
                    continue
            i += 1
        if merges:
            with doc.retokenize() as retokenizer:
                for span, norm in merges:
                    retokenizer.merge(span, attrs={"NORM": norm})
        return doc


@Language.factory("newsfacts_hyphen_verbs", assigns=["token.norm"], default_config={})
def make_hyphen_verbs(nlp: Language, name: str) -> HyphenVerbs:
    """Factory of `HyphenVerbs` (place it before the model's tok2vec)."""
    return HyphenVerbs(nlp, name)
