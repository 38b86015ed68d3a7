"""Main article text from an HTML page, by agreement between extractors.

trafilatura is the core: its fast DOM extraction gives the candidate text.
A sentence of the candidate survives only when a second opinion also has
it: trafilatura in precision mode or readability-lxml. readability may in
turn add article paragraphs the candidate missed, when a story is split into
sections that trafilatura did not join. Paragraphs made only of the page's
link texts (related posts, tag lists) and blocks repeated in a row are
dropped, and the publisher's JSON-LD ``articleBody`` replaces the result when
it holds all of it and more.
"""
from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from copy import deepcopy
from typing import Any

import html_text
import lxml.html
import trafilatura
from lxml import etree
from readability import Document
from trafilatura.utils import load_html

WORD = re.compile(r"\w+")
# A sentence ends at . ! ? … (or their CJK forms), optionally followed by a closing quote.
SENTENCE_END = re.compile(r"(?<=[.!?…。！？])\s+|(?<=[.!?…。！？][\"'”’)])\s+")
PROSE_END = re.compile(r"[.!?…。！？][\"'”’)]?$")
LD_SCRIPT = re.compile(
    r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL
)
TAG = re.compile(r"<[a-zA-Z/][^>]*>")

SHINGLE = 4  # word n-gram size used to decide whether two texts say the same thing
SUPPORTED = 0.5  # share of a sentence's n-grams another extractor must also have
LINK_BLOCK_MAX_WORDS = 40  # a longer paragraph equal to a link is rare and may be real text
PROSE_MIN_WORDS = 25  # a paragraph this long, ending a sentence, reads as article prose
REPEAT_MAX_BLOCK = 8  # longest run of paragraphs checked for an immediate repeat
SECTION_MIN_PARAGRAPHS = 3  # missed prose paragraphs needed to call the story split
SECTION_MIN_SHARE = 0.5  # ... and their size relative to what was extracted
LD_COVERAGE = 0.8  # JSON-LD must contain this share of the extracted text ...
LD_LONGER = 1.2  # ... and be this much longer to count as the complete body
LINK_SEPARATORS = re.compile(r"\s*[,|·•/;]\s*")


class Grams:
    """Word n-grams of a text, built lazily per n, for containment tests."""

    def __init__(self, text: str) -> None:
        self.words = WORD.findall(text)
        self._sets: dict[int, set[tuple[str, ...]]] = {}

    def get(self, n: int) -> set[tuple[str, ...]]:
        if n not in self._sets:
            w = self.words
            self._sets[n] = {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}
        return self._sets[n]


def support(text: str, other: Grams) -> float:
    """Share of ``text``'s word n-grams found in ``other``; 1.0 for text without words."""
    words = WORD.findall(text)
    if not words:
        return 1.0
    n = min(SHINGLE, len(words))
    grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
    have = other.get(n)
    return sum(g in have for g in grams) / len(grams)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def _link_texts(tree: lxml.html.HtmlElement) -> set[str]:
    """Whitespace-normalised texts of the page's links."""
    return {" ".join(a.text_content().split()) for a in tree.iter("a")} - {""}


def _is_link_made(para: str, links: set[str]) -> bool:
    """True when a short paragraph is one link, or links joined by separators (tag lists)."""
    if word_count(para) > LINK_BLOCK_MAX_WORDS:
        return False
    pieces = [" ".join(p.split()) for p in LINK_SEPARATORS.split(para)]
    pieces = [p for p in pieces if WORD.search(p)]
    return bool(pieces) and all(p in links for p in pieces)


def _without_link_blocks(text: str, links: set[str]) -> str:
    """Drop paragraphs made of link texts: related posts, tag lists, menus."""
    return "\n".join(p for p in paragraphs(text) if not _is_link_made(p, links))


def _trafilatura_text(tree: lxml.html.HtmlElement, url: str | None, precise: bool) -> str:
    # fast=True skips trafilatura's own readability/justext fallbacks: we run
    # readability ourselves and vote, which measured better and costs less.
    return trafilatura.extract(
        tree, url=url, fast=True, favor_precision=precise, include_comments=False
    ) or ""


def _readability_text(tree: lxml.html.HtmlElement) -> str:
    summary = Document(deepcopy(tree)).summary(html_partial=True)  # it edits the tree it gets
    # html_text puts blank lines between blocks; collapse them to one newline.
    return "\n".join(paragraphs(html_text.extract_text(summary)))


def _voted(candidate: str, others: list[str]) -> str:
    """Keep the candidate's sentences that at least one other extraction also has."""
    grams = [Grams(o) for o in others if o.strip()]
    if not grams:
        return candidate
    kept_paragraphs = []
    for para in paragraphs(candidate):
        kept = [s for s in SENTENCE_END.split(para) if any(support(s, g) >= SUPPORTED for g in grams)]
        if kept:
            kept_paragraphs.append(" ".join(kept))
    return "\n".join(kept_paragraphs)


def _is_prose(para: str) -> bool:
    return word_count(para) >= PROSE_MIN_WORDS and PROSE_END.search(para) is not None


def _with_missed_sections(text: str, fuller: str) -> str:
    """Add the prose paragraphs ``fuller`` has and ``text`` lacks, when there are many.

    Only when ``fuller`` contains most of ``text`` (same story) and the missing
    prose is a large share of it: then the story was split into sections and
    the DOM extraction kept one of them. Paragraphs are merged in ``fuller``'s order.
    """
    have, full_grams = Grams(text), Grams(fuller)
    if not have.words or support(text, full_grams) < SUPPORTED:
        return text
    full = paragraphs(fuller)
    missed = {i for i, p in enumerate(full) if support(p, have) < SUPPORTED and _is_prose(p)}
    missed_words = sum(word_count(full[i]) for i in missed)
    if len(missed) < SECTION_MIN_PARAGRAPHS or missed_words < SECTION_MIN_SHARE * len(have.words):
        return text
    # Place each kept paragraph at the first fuller paragraph sharing one of its n-grams.
    first_at: dict[tuple[str, ...], int] = {}
    for i, p in enumerate(full):
        words = WORD.findall(p)
        for j in range(len(words) - SHINGLE + 1):
            first_at.setdefault(tuple(words[j : j + SHINGLE]), i)
    placed: list[tuple[int, int, str]] = []
    pos = -1
    for para in paragraphs(text):
        words = WORD.findall(para)
        grams = (tuple(words[j : j + SHINGLE]) for j in range(len(words) - SHINGLE + 1))
        hits = [first_at[g] for g in grams if g in first_at]
        pos = min(hits) if hits else pos  # no match: stay after the previous paragraph
        placed.append((pos, 0, para))
    placed += [(i, 1, full[i]) for i in sorted(missed)]
    return "\n".join(p for _, _, p in sorted(placed, key=lambda t: (t[0], t[1])))


def _without_repeats(text: str) -> str:
    """Drop a block of paragraphs that immediately repeats itself.

    Pages often ship the same block twice in a row (mobile and desktop copies,
    a caption under and over a picture). Repeats further apart are left alone:
    recipes, interview questions and list labels legitimately recur.
    """
    paras = paragraphs(text)
    keys = [tuple(WORD.findall(p)) or (p,) for p in paras]
    out: list[int] = []
    i = 0
    while i < len(paras):
        out.append(i)
        i += 1
        # Skip every copy of a run of up to REPEAT_MAX_BLOCK paragraphs ending at i.
        for size in range(1, min(REPEAT_MAX_BLOCK, len(out)) + 1):
            block = [keys[j] for j in out[-size:]]
            if out[-size:] != list(range(i - size, i)):
                break  # only consecutive kept paragraphs form a block
            while keys[i : i + size] == block:
                i += size
    return "\n".join(paras[j] for j in out)


def _ld_objects(html: str) -> Iterator[dict[str, Any]]:
    for raw in LD_SCRIPT.findall(html):
        try:
            data = json.loads(raw.strip())
        except ValueError:
            continue  # broken JSON-LD is common; the DOM text remains
        stack: list[Any] = [data]
        while stack:
            obj = stack.pop()
            if isinstance(obj, list):
                stack.extend(obj)
            elif isinstance(obj, dict):
                yield obj
                stack.extend(v for v in obj.values() if isinstance(v, (dict, list)))


def json_ld_body(html: str) -> str:
    """The longest JSON-LD ``articleBody`` of the page as plain text, or ""."""
    bodies = [o["articleBody"] for o in _ld_objects(html) if isinstance(o.get("articleBody"), str)]
    if not bodies:
        return ""
    # Some publishers put the body's HTML in the field, sometimes entity-escaped.
    body = html_lib.unescape(max(bodies, key=len))
    if TAG.search(body):
        try:
            body = html_text.extract_text(lxml.html.fromstring(body))
        except etree.ParserError:
            return ""
    return "\n".join(paragraphs(body))


def _prefer_complete_ld(text: str, ld_body: str) -> str:
    """Use the JSON-LD body when it contains the extracted text and is clearly longer.

    A teaser (shorter) or an unrelated body (not containing the text) is ignored.
    """
    ld_words = word_count(ld_body)
    if not ld_words:
        return text
    words = word_count(text)
    if not words:
        return ld_body
    if ld_words >= LD_LONGER * words and support(text, Grams(ld_body)) >= LD_COVERAGE:
        return ld_body
    return text


def extract_main_text(html: str, url: str | None = None) -> str:
    """Return the article body of ``html`` as plain text, one paragraph per line.

    ``url`` only helps trafilatura resolve relative links; nothing is fetched.
    Returns "" when no article text is found. Comments are never included.
    """
    tree = load_html(html) if html and html.strip() else None
    if tree is None:
        return ""
    candidate = _trafilatura_text(tree, url, precise=False)
    precise = _trafilatura_text(tree, url, precise=True)
    try:
        fuller = _readability_text(tree)
    except Exception:  # readability raises its own Unparseable, and lxml errors, on junk pages
        fuller = ""
    if candidate:
        text = _voted(candidate, [precise, fuller])
    elif precise:
        text = precise
    else:
        # readability returns any leftover text; alone, trust it only when it reads as an article.
        text = fuller if any(_is_prose(p) for p in paragraphs(fuller)) else ""
    text = _with_missed_sections(text, fuller)
    text = _without_link_blocks(text, _link_texts(tree))
    text = _without_repeats(text)
    return _prefer_complete_ld(text, json_ld_body(html)).strip()
