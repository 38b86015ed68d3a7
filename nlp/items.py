"""What a count counts: the item noun of a number and its canonical class.

"LLMs" and "large-language models" -> "large language model"; AI / foundation /
generative models -> "AI model"; a bare "models" or a bare number takes the previous
count's item, else the story's model class. Other things keep their own item ("ai
patent"). Word lists come from the claims lexicon.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from .numbers import Count, NumberReader
from .syntax import clause_verb, span_text

LLM = "large language model"
AI_MODEL = "AI model"
NOUNS = ("NOUN", "PROPN")
MODEL_CLASS_KEY = "newsfacts.model_class"  # doc.user_data key of the answers of `sentence_model_class`
ITEM_WINDOW = 6  # tokens to look ahead for the noun of "from 1.8 billion to 72 billion parameters"


# Forms a named model comes in, each a model of its own ("three Gemma 3 sizes").
MODEL_FORMS = {"size", "variant", "version", "checkpoint", "edition"}
# The lemmatizer leaves a title-case plural as it is ("Two Language Models" in a headline).
TITLE_PLURALS = {"models": "model", "llms": "llm", "systems": "system"}


def _model_class(previous: str | None, context: str | None) -> str | None:
    """The model class just counted, else the story's last one, if either is known."""
    return previous if previous in (LLM, AI_MODEL) else context if context in (LLM, AI_MODEL) else None


class ItemReader:
    """Read counted items with word lists from the claims lexicon."""

    def __init__(self, lexicon: dict[str, Any], numbers: NumberReader) -> None:
        self.numbers = numbers
        self.llm_markers = set(lexicon.get("llm_markers", []))
        self.ai_markers = set(lexicon.get("ai_model_markers", []))
        self.system_markers = set(lexicon.get("system_markers", []))
        self.stop_modifiers = set(lexicon.get("item_stop_modifiers", []))
        self.total_nouns = set(lexicon.get("total_nouns", []))
        self.batch_nouns = set(lexicon.get("event_anaphora_nouns", []))
        self.other_model_markers = set(lexicon.get("other_model_markers", []))
        self.amount_verbs = set(lexicon.get("verb_qualifiers", {})) | set(lexicon.get("amount_verbs", []))

    def item_noun(self, root: Token) -> Token | None:
        """The noun a count counts: "19 LLMs", "seven of the ... models"; not a name, not a
        time ("released 170 last year")."""
        noun = self._item_noun(root)
        while noun is not None and (noun.dep_ == "compound" or noun.dep_ == "nmod" and noun.pos_ == "PROPN") \
                and noun.head.pos_ in NOUNS and noun.head.i > noun.i \
                and not (noun.tag_ == "NNS" and noun.head.ent_type_ in ("ORG", "COUNTRY", "GPE", "PERSON")):
            # (but "3 - Foundation models Hokuto Labs has open-sourced": a plural is not a name's modifier)
            noun = noun.head  # "150+ AI models", "four Gemma 3 models": the parser may hang the number on a modifier
        if noun is not None and noun.lower_ in self.numbers.time_nouns:
            return None
        if noun is not None and noun.lemma_.lower() not in ("model", "llm"):
            # "19 speech and text models": the number hangs on the first of two coordinated modifiers
            head = next((c for c in noun.conjuncts if c.lemma_.lower() in ("model", "llm") and c.i > noun.i), None)
            # (not "20 companies and institutes developing foundation models": a plural is its own head)
            if head is not None and noun.tag_ not in ("NNS", "NNPS") \
                    and not any(t.pos_ in ("NUM", "VERB") for t in noun.doc[noun.i + 1 : head.i]):
                return head
        return noun

    def _item_noun(self, root: Token) -> Token | None:
        if root.dep_ == "conj" and root.head.like_num and root.head.i < root.i and root.i + 1 < len(root.doc) \
                and root.doc[root.i + 1].pos_ in NOUNS:
            return self._item_noun(root.head)  # "covering 101 and 23 languages": the nouns the first count has
        if root.head.i == root.i + 1 and root.head.lower_ in ("+", "plus"):
            root = root.head  # "10+ models": the parser hangs the number on the plus sign
        if root.dep_ == "nummod" and root.head.i < root.i and root.head.tag_ in ("NNS", "NNPS"):
            return None  # "and Chinese developers 93": a gapped clause's subject, not what it counts
        if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and root.head.pos_ in NOUNS:
            # "and Aleph Alpha three": a number does not count a name
            head = root.head
            if head.ent_type_ in ("ORG", "COUNTRY") and head.dep_ == "compound" and head.head.i > head.i \
                    and head.head.pos_ in NOUNS and not head.head.ent_type_:
                return head.head  # "10,000 Nvidia GPUs": the name modifies what is counted
            if head.ent_type_ == "COUNTRY" and head.tag_ in ("NNS", "NNPS") and head.i > root.i:
                return head  # "140,000 Canadians": people of a country, not a country's count
            return head if head.ent_type_ not in ("ORG", "COUNTRY") else None
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in NOUNS and pobj.tag_ in ("NNS", "NNPS"):
                        return pobj
            # "up to fifteen large language models" parsed as a verb "to fifteen" with an
            # object: a plural noun phrase starting right after the number is what it counts.
            if child.dep_ in ("dobj", "attr") and child.tag_ in ("NNS", "NNPS") and child.left_edge.i == root.i + 1:
                return child
        return None

    def item_text(self, noun: Token, count: Count, previous: str | None, context: str | None = None) -> str:
        """Canonical counted item of a noun and its modifiers; a bare "models" takes the
        previous count's model class, else the article's last one (`context`)."""
        doc = noun.doc
        # "of last year's models": a possessive is not a modifier of the kind of thing
        owners = {t.i for c in noun.children if c.dep_ == "poss" for t in c.subtree}
        first = max(count.end, noun.left_edge.i) if count.end <= noun.i else noun.left_edge.i  # a count after its noun
        words = [t.lower_ for t in doc[first : noun.i]
                 if t.pos_ not in ("DET", "PRON", "PUNCT", "NUM", "CCONJ") and t.lower_ not in self.stop_modifiers
                 and t.i not in owners and not t.is_punct]
        head = noun.lower_
        lemma = TITLE_PLURALS.get(noun.lemma_.lower(), noun.lemma_.lower())
        if head in ("llm", "llms") or lemma == "llm":
            return LLM
        known = _model_class(previous, context)
        if head == "ones" and known is not None:
            return known  # "compared with 17 Chinese ones"
        if lemma == "model":
            other = self.other_model_markers.intersection(words)
            if other:  # "1,500 derivative models": built by others, a thing of its own (no "model" in its name)
                return min(other).removesuffix("s")
            if self.llm_markers.intersection(words):
                return LLM
            if self.ai_markers.intersection(words) or any(
                    t.pos_ == "PROPN" and t.ent_type_ not in ("COUNTRY", "NORP", "GPE", "ORG", "LANGUAGE") and t.i not in owners
                    for t in doc[first : noun.i]):
                return AI_MODEL  # a trait or a family's name ("Gemini and Gemma models") says no class
            if self._family_of_llms(noun):
                return LLM
            if self._named_family(noun):
                return AI_MODEL  # "300 models in its Qwen family": a family's name says no class
            return previous if previous in (LLM, AI_MODEL) else context or AI_MODEL
        if lemma in MODEL_FORMS and known is not None and any(
                t.pos_ == "PROPN" and t.i not in owners for t in doc[first : noun.i]):
            return known  # "three Gemma 3 sizes", "two Phi-4 variants": forms of a named model are models
        if lemma == "system" and self.system_markers.intersection(words):
            return AI_MODEL
        if lemma == "system" and not words and AI_MODEL in (previous, context):
            return AI_MODEL  # "Google led with seven systems" in a story counting machine-learning systems
        if lemma == "release" and context in (LLM, AI_MODEL) and all(
                t.ent_type_ in ("COUNTRY", "NORP", "GPE") for t in doc[first : noun.i]
                if t.is_alpha and not t.like_num and t.lower_ not in self.stop_modifiers and t.i not in owners):
            # "41 of the Chinese releases" in a story counting models
            return previous if previous in (LLM, AI_MODEL) else context
        words = [w for w in words if "model" not in w and w not in self.llm_markers]
        return " ".join([*words, lemma])

    def _family_of_llms(self, noun: Token) -> bool:
        """"20 models in its Falcon family of large language models": a bare "models" placed
        in a family or series of LLMs."""
        # the parser may hang "in its family ..." on the verb
        preps = [*noun.children, *(c for c in noun.head.children if c.i == noun.i + 1)]
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "of", "from"):
                continue
            for holder in prep.children:
                for inner in holder.children:
                    if inner.dep_ == "prep" and inner.lower_ == "of":
                        for pobj in inner.children:
                            if pobj.lemma_.lower() in ("model", "llm") and (
                                    pobj.lower_ in ("llm", "llms") or self.llm_markers.intersection(t.lower_ for t in pobj.lefts)):
                                return True
        return False

    @staticmethod
    def _named_family(noun: Token) -> bool:
        """"models in its Qwen family", "models of the Llama series": a named family."""
        preps = [*noun.children, *(c for c in noun.head.children if c.i == noun.i + 1)]
        return any(p.dep_ == "prep" and p.lower_ in ("in", "of", "from") and any(
            h.lemma_.lower() in ("family", "series", "line", "lineup", "line-up") and any(
                m.pos_ == "PROPN" and m.dep_ in ("compound", "nmod", "amod") for m in h.children)
            for h in p.children) for p in preps)

    def listed_class(self, sent: Span) -> str | None:
        """The class of models a sentence introduces for a list or table to count: models
        described as released in a period ("counted large language models released between
        January 2023 and June 2024"), not models someone plans to build."""
        return self.sentence_model_class(sent, released=True)

    def sentence_model_class(self, sent: Span, released: bool = False) -> str | None:
        """The class of the first plural model noun a sentence names without a count; with
        `released`, only one a past participle describes ("models released ...")."""
        lowered = span_text(sent).lower()
        if "model" not in lowered and "llm" not in lowered:
            return None  # most sentences: no need to step through their tokens
        # asked again for each bare count of the sentence: answered once
        cache: dict[tuple[int, int, bool], str | None] = sent.doc.user_data.setdefault(MODEL_CLASS_KEY, {})
        key = (sent.start, sent.end, released)
        if key not in cache:
            cache[key] = self._first_model_class(sent, released)
        return cache[key]

    def _first_model_class(self, sent: Span, released: bool) -> str | None:
        for token in sent:
            if token.lemma_.lower() in ("model", "llm") and token.tag_ in ("NNS", "NNPS") and (
                    not released or any(c.dep_ == "acl" and c.tag_ == "VBN" for c in token.children)):
                start = token.left_edge.i
                item = self.item_text(token, Count(start, start, 0, "exact"), "unknown", "unknown")
                if item in (LLM, AI_MODEL):  # said by its modifiers, not taken from context
                    return item
        return None

    def total_noun(self, root: Token) -> Token | None:
        """"The number of LLMs in China reached 238", "brings the number of models it has
        released to four": the noun counted by a total."""
        for anc in root.ancestors:
            if anc.lemma_.lower() in self.total_nouns and anc.pos_ == "NOUN":
                found = self._counted_by(anc)
                if found is not None:
                    return found
        node = clause_verb(root)
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in self.total_nouns:
                found = self._counted_by(child)
                if found is not None:
                    return found
            # "China's registered models top 400": what reaches a number is what it counts
            if child.dep_ == "nsubj" and root.dep_ == "dobj" and root.head.i == node.i \
                    and node.lemma_.lower() in self.amount_verbs and child.tag_ in ("NNS", "NNPS"):
                return child
        return None

    @staticmethod
    def _counted_by(total: Token) -> Token | None:
        for prep in total.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((p for p in prep.children if p.dep_ == "pobj" and p.pos_ in NOUNS), None)
        # "China's large model tally passes 300": the noun compounded with the total
        return next((c for c in total.children if c.dep_ == "compound" and c.lemma_.lower() in ("model", "llm")), None)

    def elided_item(self, root: Token, count: Count, counts: list[Count], last: str | None) -> str | None:
        """Item of a bare number: the next noun of a range, the noun of a total, else the
        previous item."""
        total = self.total_noun(root)
        if total is not None:
            return self.item_text(total, count, last)
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "Four of those are large language models"
            attr = next((c for c in root.head.children if c.dep_ == "attr" and c.pos_ in NOUNS), None)
            if attr is not None:
                return self.item_text(attr, count, last)
        holder = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
        if holder is not None and holder.pos_ == "NOUN" and holder.lemma_.lower() not in self.total_nouns \
                and holder.lemma_.lower() not in self.batch_nouns:  # "a second batch of 19": of the same things
            return holder.lemma_.lower()  # "a population of 125 million": a measure of something else
        if root.head.lower_ in ("from", "between"):
            for other in counts:
                between = root.doc[count.end : other.start]
                # the other end of the range: "from 1.8 billion to 72 billion parameters", not a
                # count of another clause ("up from four the year before, and that three of ...")
                if count.end <= other.start <= count.end + ITEM_WINDOW and not any(t.text in (",", ";") for t in between) \
                        and any(t.lower_ in ("to", "and", "-", "–") for t in between):
                    noun = self.item_noun(other.root(root.doc[:]))
                    if noun is not None:
                        return self.item_text(noun, other, last)
        return last
