"""Statistics page, home chart, What's new page and Atom feeds, in a real MkDocs build.

Counts and orders are worked out by hand from tests/fixtures/explore/ (ten papers).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from sitebuild import (
    FIXTURES,
    HOME,
    feed_keys,
    hrefs,
    make_project,
    mkdocs_build,
    paper_keys_listed,
)

from mkdocs_awesome_plugin.build import CatalogBuild
from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.exports.feed import xml_text
from mkdocs_awesome_plugin.features.news import NewsFeature
from mkdocs_awesome_plugin.render.site import SiteLayout

FIXTURE = FIXTURES / "explore"
ATOM = "{http://www.w3.org/2005/Atom}"
EVIL_TITLE = "<script>alert(1)</script> & ]]> Tricky <b>Title</b>"
# most recently added first (`added`, else the release date), ties by release date
NEWEST_ADDED = [
    "fernandez2025grasping", "evil2025tricky", "park2024realtime", "xiong2024efficient",
    "yang2024samurai", "lee2024depth", "chen2024polyp", "ravi2024sam", "zhu2024medical",
    "kirillov2023segment",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(
        tmp_path_factory.mktemp("stats"), FIXTURE, home=HOME + "\n<!-- awesome:chart -->\n"
    )
    result = mkdocs_build(root, strict=True)
    assert result.returncode == 0, result.output
    return result


def table(html: str, name: str) -> list[tuple[str, int]]:
    """(label, number) rows of the data table of one chart, labels as text."""
    start = html.index(f'<table class="aw-stats-table" data-chart="{name}">')
    body = html[start: html.index("</table>", start)]
    rows = re.findall(r'<tr><th scope="row">(.*?)</th><td class="aw-num">(\d+)</td></tr>', body)
    return [(re.sub(r"<[^>]+>", "", label), int(n)) for label, n in rows]


# --- statistics ---------------------------------------------------------------------------------

def test_statistics_counts(built):
    html = built.page("stats/index.html")
    assert "<strong>10</strong> papers · <strong>5</strong> categories · <strong>6</strong> tags · <strong>7</strong> with code (70%)." in html
    months = table(html, "months")
    assert len(months) == 23  # April 2023 to February 2025, months without papers included
    assert [m for m in months if m[1]] == [
        ("April 2023", 1), ("August 2024", 2), ("September 2024", 1), ("October 2024", 1),
        ("November 2024", 2), ("December 2024", 1), ("January 2025", 1), ("February 2025", 1),
    ]
    assert table(html, "code") == [("With code", 7), ("Without code", 3)]
    assert table(html, "categories") == [
        ("Segmentation", 7), ("Video Segmentation", 4), ("Image Segmentation", 4),
        ("Medical &amp; Health", 3), ("Robotics", 1),
    ]
    assert table(html, "tags") == [
        ("video", 5), ("zero-shot", 4), ("medical", 3), ("3d", 2), ("efficiency", 2), ("tracking", 2),
    ]
    assert table(html, "venues") == [
        ("CVPR 2025", 3), ("ICCV 2023", 1), ("ICLR 2025", 1), ("ICRA 2025", 1),
        ("MICCAI 2024", 1), ("Workshop &amp; &lt;i&gt;Co&lt;/i&gt;", 1),
    ]
    assert "2 papers have no venue recorded" in html
    # table rows link to the category and tag pages
    assert '<a href="../categories/video-seg/">Video Segmentation</a>' in html
    assert '<a href="../tags/3d/">3d</a>' in html


def test_charts_are_inline_svg_with_title_and_label_and_no_script(built):
    html = built.page("stats/index.html")
    svgs = re.findall(r'<svg class="aw-chart\b[^>]*>.*?</svg>', html, re.S)
    assert len(svgs) == 5
    for svg in svgs:
        opening = svg[: svg.index(">") + 1]
        assert 'role="img"' in opening
        assert re.search(r'aria-label="[^"]+"', opening)
        assert re.search(r"<svg[^>]*>\s*<title id=\"[^\"]+\">[^<]+</title>", svg)
    content = html[html.index('<article class="md-content__inner'):]
    assert "<script" not in content[: content.index("</article>")]
    venues = next(s for s in svgs if 'aria-labelledby="aw-chart-venues-t"' in s)
    # entry text escaped in the label, the title and the bar text alike
    assert 'aria-label="Top venues: CVPR 2025 3; ICCV 2023 1; ICLR 2025 1; ICRA 2025 1; MICCAI 2024 1; Workshop &amp; &lt;i&gt;Co&lt;/i&gt; 1"' in venues
    assert "<title>Workshop &amp; &lt;i&gt;Co&lt;/i&gt;: 1 paper</title>" in venues
    assert "<i>" not in venues
    months = next(s for s in svgs if "aw-chart-months-t" in s)
    assert "<title>August 2024: 2 papers</title>" in months
    assert months.count('class="aw-chart__bar"') == 8  # one column per month with papers
    # colours follow Material's palette variables
    css = (built.site / "assets/awesome/explore.css").read_text(encoding="utf-8")
    assert re.search(r"\.aw-chart__bar\s*\{\s*fill:\s*var\(--md-primary-fg-color\)", css)


def test_home_page_shows_a_small_chart_linking_to_statistics(built):
    home = built.page("index.html")
    block = home[home.index('<div class="aw-chart-home">'):]
    block = block[: block.index("</svg>")]
    assert '<a href="stats/">More statistics</a>' in block
    assert "Papers per month, April 2023 – February 2025" in block
    assert 'aria-label="Papers per month, April 2023 to February 2025"' in block
    assert "<p><svg" not in home and "&lt;svg" not in home  # Markdown left the block alone


def test_nav_has_explore_statistics_and_whats_new(built):
    home = built.page("index.html")
    nav = hrefs(home, within="md-nav--primary")
    for target in ("explore/", "stats/", "new/"):
        assert target in nav
    labels = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', home[home.index("md-nav--primary"):])
    assert labels.index("Explore") < labels.index("Statistics") < labels.index("What&#x27;s new")


# --- what's new ----------------------------------------------------------------------------------

def test_new_page_lists_the_most_recently_added_papers_by_month(built):
    html = built.page("new/index.html")
    assert paper_keys_listed(html) == NEWEST_ADDED
    headings = re.findall(r'<h2 id="added-(\d{4}-\d\d)">Added in ([^<]+)</h2>', html)
    assert headings == [
        ("2025-03", "March 2025"), ("2025-01", "January 2025"), ("2024-12", "December 2024"),
        ("2024-10", "October 2024"), ("2024-09", "September 2024"), ("2024-08", "August 2024"),
        ("2024-07", "July 2024"),
    ]
    # the same rows as the core pages: badges included, entry text escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; Tricky &lt;b&gt;Title&lt;/b&gt;" in html
    assert "<script>alert(1)" not in html
    assert 'class="aw-badge aw-badge--arxiv" href="https://arxiv.org/abs/2408.00714"' in html
    assert '<a class="aw-feed" href="../feeds/all.xml" type="application/atom+xml">' in html
    assert '<a class="aw-feed" href="../feeds/categories/medical.xml" type="application/atom+xml">Medical &amp; Health</a>' in html


# --- feeds ---------------------------------------------------------------------------------------

def test_feeds_parse_and_hold_the_newest_papers(built):
    feed = feedparser.parse(built.page("feeds/all.xml"))
    assert feed.bozo == 0, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == "Test list: New papers"
    assert feed_keys(feed) == NEWEST_ADDED
    evil = feed.entries[1]
    assert evil.title == EVIL_TITLE
    assert evil.title_detail.type == "text/plain"
    assert "Ends a CDATA ]]> and has & ampersands <img src=x onerror=alert(2)>" in evil.summary
    assert [a.name for a in evil.authors] == ["Eve <b>Evil</b>", "Mallory & Co"]
    assert evil.updated == "2025-03-01T00:00:00Z"
    assert evil.published == "2025-01-01T00:00:00Z"
    assert [t.term for t in evil.tags] == ["medical"]
    related = [link.href for link in evil.links if link.rel == "related"]
    assert related == ["https://example.org/papers/tricky?a=1&b=<2>"]
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == 10 and all(i for i in ids)
    assert feed.feed.updated == "2025-03-10T00:00:00Z"

    medical = feedparser.parse(built.page("feeds/categories/medical.xml"))
    assert medical.bozo == 0
    assert medical.feed.title == "Test list: New papers: Medical & Health"
    assert feed_keys(medical) == ["evil2025tricky", "chen2024polyp", "zhu2024medical"]
    parent = feedparser.parse(built.page("feeds/categories/segmentation.xml"))
    assert feed_keys(parent) == [
        "park2024realtime", "xiong2024efficient", "yang2024samurai", "lee2024depth",
        "chen2024polyp", "ravi2024sam", "kirillov2023segment",
    ]
    assert sorted(p.name for p in (built.site / "feeds/categories").glob("*.xml")) == [
        "image-seg.xml", "medical.xml", "robotics.xml", "segmentation.xml", "sitemap.xml",
        "video-seg.xml",
    ]


def test_feeds_are_valid_atom(built):
    stamp = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
    for path in [built.site / "feeds/all.xml", *sorted((built.site / "feeds/categories").glob("[!s]*.xml"))]:
        root = ET.parse(path).getroot()
        assert root.tag == f"{ATOM}feed", path
        for name in ("id", "title", "updated", "author"):
            assert root.find(f"{ATOM}{name}") is not None, (path, name)
        assert stamp.match(root.find(f"{ATOM}updated").text)
        assert root.find(f"{ATOM}link[@rel='self']") is not None
        for entry in root.findall(f"{ATOM}entry"):
            for name in ("id", "title", "updated"):
                node = entry.find(f"{ATOM}{name}")
                assert node is not None and node.text, (path, name)
            assert stamp.match(entry.find(f"{ATOM}updated").text)
            assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
            assert re.match(r"^(urn:uuid:[0-9a-f-]{36}|https?://\S+|tag:\S+)$", entry.find(f"{ATOM}id").text)
    # link targets resolve to pages that exist
    feed = feedparser.parse(built.page("feeds/categories/robotics.xml"))
    (link,) = [e.link for e in feed.entries]
    assert link in ("../../papers/fernandez2025grasping/", "http://127.0.0.1:8000/papers/fernandez2025grasping/")
    assert (built.site / "papers/fernandez2025grasping/index.html").is_file()


def test_pages_link_their_feeds_in_the_head(built):
    def alternates(html: str) -> list[tuple[str, str]]:
        head = html[: html.index("</head>")]
        return re.findall(
            r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)">', head
        )

    assert alternates(built.page("index.html")) == [("New papers (Atom)", "feeds/all.xml")]
    assert alternates(built.page("papers/ravi2024sam/index.html")) == [
        ("New papers (Atom)", "../../feeds/all.xml")
    ]
    assert alternates(built.page("categories/medical/index.html")) == [
        ("New papers (Atom)", "../../feeds/all.xml"),
        ("New papers: Medical &amp; Health (Atom)", "../../feeds/categories/medical.xml"),
    ]
    assert alternates(built.page("categories/segmentation/index.html"))[1] == (
        "New papers: Segmentation (Atom)", "../../feeds/categories/segmentation.xml"
    )
    # Material fetches sitemap.xml next to every rel=alternate target: they must exist
    assert (built.site / "feeds/sitemap.xml").is_file()
    assert (built.site / "feeds/categories/sitemap.xml").is_file()


def test_feeds_with_a_known_site_url_use_absolute_links_and_page_ids(tmp_path):
    catalog = load_catalog(FIXTURE)
    build = CatalogBuild(catalog, SiteLayout(), features=[NewsFeature])
    build.site_url = "https://example.org/list"  # what the plugin would pass from site_url
    files = dict(build.feature_files())
    feed = feedparser.parse(files["feeds/all.xml"])
    assert feed.bozo == 0
    assert feed.entries[0].link == "https://example.org/list/papers/fernandez2025grasping/"
    assert feed.entries[0].id == "https://example.org/list/papers/fernandez2025grasping/"
    assert feed.feed.id == "https://example.org/list/feeds/all.xml"
    self_link = [x.href for x in feed.feed.links if x.rel == "self"]
    assert self_link == ["https://example.org/list/feeds/all.xml"]


def test_characters_xml_cannot_hold_are_replaced():
    assert xml_text("a\ufffeb\x01c") == "a\ufffdb\ufffdc"
    assert xml_text("é 中 😀 ]]> &") == "é 中 😀 ]]> &"
