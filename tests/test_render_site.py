"""One rendering path, in a real MkDocs build: markers filled after Markdown, templates overridden
from the theme's custom_dir, `<head>` tags from templates, and a TOC on generated pages."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from sitebuild import FIXTURES, make_project, mkdocs_build

ODD_TITLE = 'Less <b>than</b> & "more" </script><!-- awesome:summary -->'
HOME = """# Test list

<!-- awesome:summary -->

A marker inside a paragraph: <!-- awesome:nosuchmarker --> stays a comment.

Shown as code:

    <!-- awesome:categories -->

## Browse by category

<!-- awesome:categories -->

<!-- awesome:chart -->
"""
# An override that adds to the packaged page, and one that replaces a <head> template.
PAPER_OVERRIDE = """<p class="site-note">Listed: {{ entry.title }}</p>
{% include "packaged/paper.html" %}
"""
FEEDS_OVERRIDE = """{%- for title, href in links %}
<link rel="alternate" type="application/atom+xml" data-site-feed title="{{ title }}" href="{{ href }}">
{%- endfor %}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("render")
    entries = tmp / "entries"
    shutil.copytree(FIXTURES / "minimal", entries)
    categories = entries / "categories.yaml"
    categories.write_text(
        categories.read_text(encoding="utf-8").replace(
            "title: Video Segmentation", "title: Video & <Tracking>"
        ),
        encoding="utf-8",
    )
    (entries / "papers" / "odd2024chars.yaml").write_text(
        f"title: {json.dumps(ODD_TITLE)}\nauthors: [Ann Odd]\ndate: '2024-09'\n"
        "categories: [video]\ntags: [video]\nlinks:\n  paper: https://example.org/odd\n",
        encoding="utf-8",
    )
    root = make_project(tmp, entries, home=HOME, config={"theme": {
        "name": "material", "font": False, "custom_dir": "overrides",
        "features": ["navigation.indexes"],
    }})
    overrides = root / "overrides" / "awesome"
    overrides.mkdir(parents=True)
    (overrides / "paper.html").write_text(PAPER_OVERRIDE, encoding="utf-8")
    (overrides / "head_feeds.html").write_text(FEEDS_OVERRIDE, encoding="utf-8")
    result = mkdocs_build(root, strict=True)
    assert result.returncode == 0, result.output
    return result


def content(html: str) -> str:
    start = html.index('<article class="md-content__inner')
    return html[start: html.index("</article>", start)]


def toc_links(html: str) -> list[tuple[str, str]]:
    """(href, title) of Material's right-hand table of contents."""
    start = html.index('<nav class="md-nav md-nav--secondary"')
    nav = html[start: html.index("</nav>", start)]
    return re.findall(
        r'<a href="(#[^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>',
        nav, re.S,
    )


# --- markers in the site's own pages ---------------------------------------------------------

def test_markers_in_a_user_page_are_filled_after_markdown(built):
    home = content(built.page("index.html"))
    assert '<div class="aw-summary-block">' in home
    assert "<strong>4</strong> papers" in home
    # the categories block: the tree, without the categories index page's own heading
    block = home[home.index('<div class="aw-page aw-page--categories">'):]
    assert '<ul class="aw-category-tree">' in block
    assert '<h1 id="categories"' not in home
    assert '<a href="categories/video/">Video &amp; &lt;Tracking&gt;</a>' in block
    # raw HTML never went through Markdown: no paragraph around blocks, no escaped tags
    assert "<p><div" not in home and "<p><svg" not in home and "&lt;svg" not in home
    assert '<div class="aw-chart-home">' in home
    # no marker left behind, except the unknown one, which is kept as the comment it is
    assert re.findall(r"<!--\s*awesome:[a-z-]+\s*-->", home) == ["<!-- awesome:nosuchmarker -->"]


def test_a_marker_shown_in_a_code_block_stays_text(built):
    home = content(built.page("index.html"))
    code = re.search(r"<code>(.*?)</code>", home, re.S).group(1)
    assert "&lt;!-- awesome:categories --&gt;" in code
    assert home.count('<div class="aw-page aw-page--categories">') == 1


def test_entry_text_holding_a_marker_is_not_expanded(built):
    page = content(built.page("papers/odd2024chars/index.html"))
    assert page.count('<div class="aw-summary-block">') == 0
    assert "&lt;!-- awesome:summary --&gt;" in page


# --- templates overridden from the theme's custom_dir -------------------------------------------

def test_page_template_override_wins_and_can_include_the_packaged_one(built):
    page = content(built.page("papers/ravi2024sam/index.html"))
    assert '<p class="site-note">Listed: SAM 2: Segment Anything in Images and Videos</p>' in page
    assert page.index('class="site-note"') < page.index('<h1 id="ravi2024sam" class="aw-title">')
    assert '<pre><code class="language-bibtex">@' in page  # the packaged page follows in full


def test_overrides_are_autoescaped_too(built):
    page = content(built.page("papers/odd2024chars/index.html"))
    assert (
        '<p class="site-note">Listed: Less &lt;b&gt;than&lt;/b&gt; &amp; &#34;more&#34; '
        "&lt;/script&gt;&lt;!-- awesome:summary --&gt;</p>"
    ) in page
    assert "<b>than</b>" not in page


def test_head_template_override(built):
    for rel in ("index.html", "categories/video/index.html", "papers/ravi2024sam/index.html"):
        head = built.page(rel).split("</head>")[0]
        assert 'data-site-feed title="New papers (Atom)"' in head, rel
    head = built.page("categories/video/index.html").split("</head>")[0]
    assert 'data-site-feed title="New papers: Video &amp; &lt;Tracking&gt; (Atom)"' in head


def test_template_files_are_not_published(built):
    assert not (built.site / "awesome").exists()


# --- <head> metadata from a template ------------------------------------------------------------

def test_citation_meta_tags_and_json_ld(built):
    head = built.page("papers/ravi2024sam/index.html").split("</head>")[0]
    lines = [
        '<meta name="citation_title" content="SAM 2: Segment Anything in Images and Videos">',
        '<meta name="citation_author" content="Nikhila Ravi">',
        '<meta name="citation_author" content="Valentin Gabeur">',
        '<meta name="citation_publication_date" content="2024/08/01">',
        '<meta name="citation_conference_title" content="ICLR 2025">',
        '<meta name="citation_pdf_url" content="https://arxiv.org/pdf/2408.00714">',
        '<meta name="citation_arxiv_id" content="2408.00714">',
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "ScholarlyArticle", "headline": "SAM 2: Segment Anything in Images and Videos"',
    ]
    assert "\n".join(lines) in head


def test_json_ld_cannot_close_its_script(built):
    head = built.page("papers/odd2024chars/index.html").split("</head>")[0]
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1)
    assert "<" not in script and ">" not in script
    assert json.loads(script)["headline"] == ODD_TITLE
    assert '<meta name="citation_title" content="Less &lt;b&gt;than&lt;/b&gt; &amp; &#34;more&#34;' in head


# --- tables of contents ---------------------------------------------------------------------

def test_statistics_page_has_a_toc(built):
    assert toc_links(built.page("stats/index.html")) == [
        ("#per-month", "Papers per month"), ("#code", "Papers with code"),
        ("#per-category", "Papers per category"), ("#per-tag", "Papers per tag"),
        ("#venues", "Top venues"),
    ]


def test_category_with_subsections_has_a_toc_with_escaped_titles(built):
    assert toc_links(built.page("categories/segmentation/index.html")) == [
        ("#video", "Video &amp; &lt;Tracking&gt;"), ("#image", "Image Segmentation"),
    ]


def test_paper_page_toc_and_user_page_toc(built):
    assert toc_links(built.page("papers/ravi2024sam/index.html")) == [
        ("#cite", "Cite"), ("#related", "Related"),
    ]
    # the site's own page keeps the TOC Markdown made
    assert toc_links(built.page("index.html")) == [("#browse-by-category", "Browse by category")]
