from __future__ import annotations

import json

import pytest

from crawler.maintext import extract_main_text, json_ld_body

BODY = [
    "The city council voted on Tuesday to replace the ageing water pipes under the old market "
    "district, a project engineers have been asking for since the floods three winters ago.",
    "Officials said the work would start in spring and take about eighteen months, with streets "
    "closed one block at a time so that shops can stay open while crews dig.",
    "Residents who spoke at the meeting were mostly in favour, although several asked why the "
    "council had waited so long and who would pay if the budget ran over again.",
    "The mayor answered that a regional fund would cover two thirds of the cost and that the rest "
    "had already been set aside in last year's budget, which passed without objection.",
    "Engineers also plan to fit sensors to the new pipes so that leaks can be found within hours "
    "instead of weeks, something the old network never allowed them to do.",
    "A final design will be presented to the public next month at the library, where residents "
    "can look at the maps and leave written comments for the planning team.",
]
NAV = '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
RELATED = [
    "Bridge repairs delayed again as costs rise",
    "New bus lanes open on the ring road next week",
    "School roof finally fixed after long campaign",
]
COMMENT = "First! This council never gets anything right, mark my words about these pipes."


def page(paragraphs: list[str], *, extra_body: str = "", head: str = "", after: str = "") -> str:
    """A plain news page: navigation, the article, then whatever comes after it."""
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>Council votes to replace pipes</title>{head}</head><body>{NAV}"
        f"<main><article><h1>Council votes to replace pipes</h1>{ps}{extra_body}</article>"
        f"{after}</main><footer><p>© Example Gazette</p></footer></body></html>"
    )


def related_list() -> str:
    items = "".join(f'<li><a href="/story-{i}">{t}</a></li>' for i, t in enumerate(RELATED))
    return f'<div class="related"><h3>Related stories</h3><ul>{items}</ul></div>'


def tag_list() -> str:
    tags = ", ".join(f'<a href="/tag/{t}">{t}</a>' for t in ("council", "water", "pipes", "budget"))
    return f'<p class="tags">{tags}</p>'


def comments() -> str:
    return f'<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>{COMMENT}</p></div></section>'


def ld_script(body: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": body}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_article_text_is_kept_in_order() -> None:
    text = extract_main_text(page(BODY))
    positions = [text.find(p) for p in BODY]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_paragraphs_are_separated_by_newlines() -> None:
    lines = extract_main_text(page(BODY)).splitlines()
    assert all(p in lines for p in BODY)


@pytest.mark.parametrize(
    ("extra_body", "after", "unwanted"),
    [
        ("", "", "Sport"),
        (related_list(), "", RELATED[1]),
        (tag_list(), "", "council, water"),
        ("", comments(), COMMENT),
    ],
    ids=["nav", "related", "tags", "comments"],
)
def test_boilerplate_is_dropped(extra_body: str, after: str, unwanted: str) -> None:
    text = extract_main_text(page(BODY, extra_body=extra_body, after=after))
    assert BODY[0] in text and BODY[-1] in text
    assert unwanted not in text


def test_complete_json_ld_body_replaces_incomplete_dom_text() -> None:
    # The page shows two paragraphs (the rest is behind a paywall); JSON-LD has them all.
    html = page(BODY[:2], head=ld_script("\n".join(BODY)))
    text = extract_main_text(html)
    assert all(p in text for p in BODY)


def test_json_ld_teaser_does_not_replace_dom_text() -> None:
    html = page(BODY, head=ld_script(BODY[0][:80] + "..."))
    text = extract_main_text(html)
    assert all(p in text for p in BODY)


def test_json_ld_body_holding_escaped_html_becomes_text() -> None:
    escaped = "&lt;p&gt;First paragraph.&lt;/p&gt;&lt;p&gt;Second one.&lt;/p&gt;"
    assert json_ld_body(ld_script(escaped)).splitlines() == ["First paragraph.", "Second one."]


def test_block_repeated_in_a_row_is_kept_once() -> None:
    # Mobile and desktop copies of the same box, one after the other.
    box = (
        "<div class='note'><p>Editor's note: this story was updated on Wednesday to add the "
        "mayor's answer about the regional fund and the cost of the works.</p></div>"
    )
    text = extract_main_text(page(BODY, extra_body=box + box))
    assert text.count("Editor's note") == 1
    assert BODY[-1] in text


@pytest.mark.parametrize(
    "html",
    ["", "   ", "not html at all", "<html></html>", "<<<>>>\x00\x01garbage", "<p>", "\ufeff<!DOCTYPE html>"],
)
def test_empty_or_garbage_html_gives_empty_text(html: str) -> None:
    assert extract_main_text(html) == ""


def test_same_input_gives_same_output() -> None:
    html = page(BODY, extra_body=related_list(), after=comments())
    assert extract_main_text(html) == extract_main_text(html)
