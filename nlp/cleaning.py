"""Article text made safe for the pipeline without moving a single offset.

Every replacement is one character for one character, so offsets found in the
cleaned text point into the original text too:
- lone surrogates ("\\ud800" from JSON) cannot be encoded anywhere: U+FFFD;
- control and format characters (NUL, form feeds, zero-width spaces) upset the
  tokenizer: spaces (newline, tab and carriage return stay);
- HTML left in the text by a bad extraction: tags, comments and script/style
  blocks become spaces, and a block-level tag ("<p>", "<br>") starts with a
  newline so it still ends a sentence.
"""
from __future__ import annotations

import functools
import re
import sys
import unicodedata

from lxml.html import defs as html_defs  # type: ignore[import-untyped]

KEEP_CHARS = "\n\t\r"
SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
HTML_SKIPPED = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b(?:\s[^<>]*)?/?>")
BREAKING_TAGS = frozenset(html_defs.block_tags | {"br", "html", "head", "body", "title", "section", "article",
                                                  "header", "footer", "nav", "aside", "main", "figure", "figcaption"})


@functools.cache
def _unsafe_characters() -> re.Pattern[str]:
    """Control (Cc) and format (Cf) characters but newline, tab and carriage return."""
    ranges: list[list[int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) in ("Cc", "Cf") and chr(code) not in KEEP_CHARS:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    # written as ranges: a class of some 200 single characters is ten times slower to scan with
    return re.compile("[" + "".join(re.escape(chr(first)) + (f"-{re.escape(chr(last))}" if last > first else "")
                                    for first, last in ranges) + "]")


def _blank(match: re.Match[str]) -> str:
    text = match.group(0)
    name = (match.group(1) or "").lower() if match.re is HTML_TAG else ""
    if name in BREAKING_TAGS or match.re is HTML_SKIPPED:
        return "\n" + " " * (len(text) - 1)
    return " " * len(text)


def blank_markup(text: str) -> tuple[str, int]:
    """HTML tags, comments and script/style blocks as whitespace, offsets kept.

    Only names HTML knows count as tags ("<Tencent>" is left alone).
    RETURNS (tuple[str, int]): the text and how many
    tags or blocks were blanked.
    """
    if "<" not in text:
        return text, 0
    text, blocks = HTML_SKIPPED.subn(_blank, text)
    tags = 0

    def tag(match: re.Match[str]) -> str:
        nonlocal tags
        if match.group(1).lower() not in html_defs.tags:
            return match.group(0)
        tags += 1
        return _blank(match)

    return HTML_TAG.sub(tag, text), blocks + tags


def clean_text(text: str) -> tuple[str, str, list[str]]:
    """Offset-keeping copies of a text: one for the pipeline, one to quote in records.

    The quoted copy differs from `text` only by U+FFFD for lone surrogates; the
    pipeline's copy also has control characters and HTML markup blanked.
    RETURNS (tuple[str, str, list[str]]): pipeline text, quoted text, warnings.
    """
    warnings = []
    surrogates = len(SURROGATE.findall(text))
    if surrogates:
        text = SURROGATE.sub(REPLACEMENT, text)
        warnings.append(f"replaced {surrogates} lone surrogates with U+FFFD")
    cleaned, controls = _unsafe_characters().subn(" ", text)
    if controls:
        warnings.append(f"replaced {controls} control characters with spaces")
    cleaned, tags = blank_markup(cleaned)
    if tags:
        warnings.append(f"blanked {tags} HTML tags left in the text")
    return cleaned, text, warnings
