"""What readers and reference managers get from a built site: COinS on every listing, a feed
per tag, "suggest a fix" links and related papers on paper pages.

Built with the real `mkdocs build` from the explorer's ten-paper fixture (tests/fixtures/explore),
copied with one change: SAMURAI (yang2024samurai) supersedes SAM 2 (ravi2024sam). Every expected
list below is worked out by hand from those YAML files.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from urllib.parse import parse_qs, parse_qsl, urlsplit

import feedparser
import pytest
from sitebuild import FIXTURES, feed_keys, make_project, mkdocs_build

from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.render.pages import EditLinks
from mkdocs_awesome_plugin.render.related import related_index

REPO_URL = "https://github.com/example/awesome-list"


def _entries(tmp_path):
    entries = tmp_path / "entries"
    shutil.copytree(FIXTURES / "explore", entries)
    yang = entries / "papers" / "yang2024samurai.yaml"
    yang.write_text(yang.read_text(encoding="utf-8") + "supersedes: [ravi2024sam]\n", encoding="utf-8")
    return entries


@pytest.fixture(scope="module")
def entries(tmp_path_factory):
    return _entries(tmp_path_factory.mktemp("readers-entries"))


@pytest.fixture(scope="module")
def built(tmp_path_factory, entries):
    root = make_project(
        tmp_path_factory.mktemp("readers"), entries,
        config={"repo_url": REPO_URL, "edit_uri": "edit/main/docs/"},
    )
    result = mkdocs_build(root, strict=True)
    assert result.returncode == 0, result.output
    return result


# --- COinS --------------------------------------------------------------------------------------

class _Spans(HTMLParser):
    """(row key, COinS title) for every Z3988 span, with the key of the row it sits in."""

    def __init__(self):
        super().__init__()
        self.key = None
        self.found: list[tuple[str | None, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and attrs.get("data-key"):
            self.key = attrs["data-key"]
        if tag == "span" and "Z3988" in (attrs.get("class") or "").split():
            self.found.append((self.key, attrs.get("title") or ""))


def coins_of(html: str) -> list[tuple[str | None, str]]:
    parser = _Spans()
    parser.feed(html)
    return parser.found


def _facts(entry) -> dict:
    """What a span must say about `entry`, read from the entry itself."""
    return {
        "title": entry.title, "authors": entry.authors, "date": entry.date.iso,
        "venue": entry.venue, "doi": entry.doi, "arxiv": entry.arxiv,
    }


def _parsed(title: str) -> dict:
    pairs = parse_qsl(title, keep_blank_values=True, strict_parsing=True)
    multi: dict[str, list[str]] = {}
    for k, v in pairs:
        multi.setdefault(k, []).append(v)
    ids = multi.get("rft_id", [])
    venue = (multi.get("rft.btitle") or multi.get("rft.jtitle") or [None])[0]
    return {
        "ctx_ver": multi["ctx_ver"], "fmt": multi["rft_val_fmt"], "genre": multi["rft.genre"],
        "title": multi["rft.atitle"][0], "authors": multi.get("rft.au", []),
        "date": multi["rft.date"][0], "venue": venue,
        "doi": next((i[len("info:doi/"):] for i in ids if i.startswith("info:doi/")), None),
        "arxiv": next((i[len("info:arxiv/"):] for i in ids if i.startswith("info:arxiv/")), None),
    }


@pytest.mark.parametrize("page, expected", [
    ("categories/medical/index.html", ["evil2025tricky", "chen2024polyp", "zhu2024medical"]),
    ("tags/tracking/index.html", ["xiong2024efficient", "yang2024samurai"]),
    ("new/index.html", [
        "fernandez2025grasping", "evil2025tricky", "park2024realtime", "xiong2024efficient",
        "yang2024samurai", "lee2024depth", "chen2024polyp", "ravi2024sam", "zhu2024medical",
        "kirillov2023segment",
    ]),
])
def test_every_listed_paper_carries_one_coins_span_that_parses_back(built, entries, page, expected):
    catalog = load_catalog(entries)
    spans = coins_of(built.page(page))
    assert [key for key, _ in spans] == expected
    for key, title in spans:
        got = _parsed(title)
        assert got["ctx_ver"] == ["Z39.88-2004"]
        assert len(got["fmt"]) == 1 and len(got["genre"]) == 1
        assert {k: got[k] for k in _facts(catalog.entries[key])} == _facts(catalog.entries[key])


def test_coins_formats_follow_the_kind_of_venue(built):
    spans = dict(coins_of(built.page("categories/medical/index.html")))
    evil = dict(parse_qsl(spans["evil2025tricky"]))
    # a workshop paper is part of its proceedings; the title is data, escaped in the attribute
    assert evil["rft_val_fmt"] == "info:ofi/fmt:kev:mtx:book"
    assert evil["rft.genre"] == "proceeding"
    assert evil["rft.atitle"] == "<script>alert(1)</script> & ]]> Tricky <b>Title</b>"
    assert evil["rft.btitle"] == "Workshop & <i>Co</i>"
    # a preprint without a venue
    zhu = parse_qs(spans["zhu2024medical"])
    assert zhu["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"]
    assert zhu["rft.genre"] == ["preprint"]
    assert zhu["rft_id"] == ["info:arxiv/2408.00874"]
    assert "rft.jtitle" not in zhu and "rft.btitle" not in zhu
    # the raw attribute: entry text escaped for HTML, never markup
    html = built.page("categories/medical/index.html")
    assert "<script>alert" not in html.split('class="Z3988"', 1)[1][:2000].split("</span>")[0]


def test_paper_pages_keep_their_highwire_tags(built):
    html = built.page("papers/ravi2024sam/index.html")
    assert '<meta name="citation_title" content="SAM 2: Segment Anything in Images and Videos">' in html
    assert "Z3988" not in html  # one paper: Highwire is what Zotero reads here


# --- feeds per tag ---------------------------------------------------------------------------

def test_every_tag_has_an_atom_feed_of_its_newest_papers(built):
    feed = feedparser.parse(built.page("feeds/tags/video.xml"))
    assert feed.bozo == 0, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == "Test list: New papers tagged video"
    assert feed.feed.subtitle == "Works on video."
    # newest added first (an entry without `added` counts from its release date)
    assert feed_keys(feed) == [
        "xiong2024efficient", "yang2024samurai", "chen2024polyp", "ravi2024sam", "zhu2024medical",
    ]
    alternate = [x.href for x in feed.feed.links if x.rel == "alternate"]
    assert alternate == ["http://127.0.0.1:8000/tags/video/"]
    assert sorted(p.name for p in (built.site / "feeds/tags").glob("*.xml")) == [
        "3d.xml", "efficiency.xml", "medical.xml", "sitemap.xml", "tracking.xml", "video.xml",
        "zero-shot.xml",
    ]
    assert feed_keys(feedparser.parse(built.page("feeds/tags/3d.xml"))) == [
        "fernandez2025grasping", "lee2024depth",
    ]


def test_tag_pages_link_their_feed_and_the_new_page_lists_them(built):
    head = built.page("tags/zero-shot/index.html").split("</head>")[0]
    links = re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)">', head
    )
    assert links == [
        ("New papers (Atom)", "../../feeds/all.xml"),
        ("New papers tagged zero-shot (Atom)", "../../feeds/tags/zero-shot.xml"),
    ]
    assert 'href="../feeds/tags/tracking.xml" type="application/atom+xml">tracking</a>' in (
        built.page("new/index.html")
    )


# --- suggest a fix -------------------------------------------------------------------------------

def test_paper_pages_link_to_editing_their_entry_and_to_a_prefilled_issue(built):
    html = built.page("papers/ravi2024sam/index.html")
    edit = re.search(r'<a class="aw-fix__edit" href="([^"]+)"', html).group(1)
    assert edit == f"{REPO_URL}/edit/main/entries/papers/ravi2024sam.yaml"
    issue = re.search(r'<a class="aw-fix__issue" href="([^"]+)"', html).group(1)
    parts = urlsplit(issue.replace("&amp;", "&"))
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/issues/new"
    query = parse_qs(parts.query)
    assert query["title"] == ["Problem with entry ravi2024sam"]
    body = query["body"][0]
    assert "`ravi2024sam` (entries/papers/ravi2024sam.yaml)" in body
    assert "SAM 2: Segment Anything in Images and Videos" in body
    assert '<h2 id="suggest-a-fix">Suggest a fix</h2>' in html


def test_without_repo_url_nothing_is_offered(tmp_path, entries):
    root = make_project(tmp_path, entries)
    result = mkdocs_build(root, strict=True)
    assert result.returncode == 0, result.output
    html = result.page("papers/ravi2024sam/index.html")
    assert "Suggest a fix" not in html and "aw-fix" not in html


def test_edit_links_for_other_hosts_and_layouts(tmp_path):
    docs, entries = tmp_path / "site" / "docs", tmp_path / "site" / "data" / "entries"
    catalog = load_catalog(FIXTURES / "explore")
    entry = catalog.entries["lee2024depth"]
    gitlab = EditLinks.for_site("https://gitlab.com/group/list", "-/edit/main/site/docs/", docs, entries)
    assert gitlab.edit_url(entry) == (
        "https://gitlab.com/group/list/-/edit/main/site/data/entries/papers/lee2024depth.yaml"
    )
    assert gitlab.issue_url(entry) is None  # only GitHub's new-issue form is known
    # MkDocs' own default for GitHub, and a repo_url with a trailing slash
    github = EditLinks.for_site("https://github.com/o/r/", "edit/master/docs/", docs, entries)
    assert github.edit_url(entry) == "https://github.com/o/r/edit/master/data/entries/papers/lee2024depth.yaml"
    assert github.issue_url(entry).startswith("https://github.com/o/r/issues/new?title=")
    # an edit_uri that is a query cannot reach outside docs/: the issue link alone
    query = EditLinks.for_site("https://github.com/o/r", "?mode=edit", docs, entries)
    assert query.edit_url(entry) is None and query.issue_url(entry)
    assert EditLinks.for_site(None, "edit/main/docs/", docs, entries) is None
    assert EditLinks.for_site("javascript:alert(1)", "", docs, entries) is None


# --- related papers -----------------------------------------------------------------------------

def _related_keys(html: str, kind: str) -> list[str]:
    block = re.search(rf'<ul class="aw-related aw-related--{kind}">(.*?)</ul>', html, re.S)
    return re.findall(r'href="\.\./([a-z0-9]+)/"', block.group(1)) if block else []


def test_related_papers_share_the_most_tags_and_categories(entries):
    related = related_index(load_catalog(entries))
    # ravi2024sam: categories video-seg, image-seg; tags video, zero-shot. Shared (tags +
    # categories): yang 3 (but it supersedes ravi: listed apart), park/xiong/chen/kirillov 2,
    # lee/zhu 1; ties go to the newer paper.
    ravi = related["ravi2024sam"]
    assert [e.key for e in ravi.similar] == [
        "park2024realtime", "xiong2024efficient", "chen2024polyp", "kirillov2023segment",
        "lee2024depth",
    ]
    assert [e.key for e in ravi.superseded_by] == ["yang2024samurai"]
    assert ravi.supersedes == []
    # yang2024samurai: video-seg; video, tracking, zero-shot. xiong 3, chen 2, then park,
    # zhu, kirillov 1 each (newest first); ravi is what it supersedes.
    yang = related["yang2024samurai"]
    assert [e.key for e in yang.similar] == [
        "xiong2024efficient", "chen2024polyp", "park2024realtime", "zhu2024medical",
        "kirillov2023segment",
    ]
    assert [e.key for e in yang.supersedes] == ["ravi2024sam"]
    # fernandez2025grasping (robotics; 3d) shares its tag with lee2024depth only
    assert [e.key for e in related["fernandez2025grasping"].similar] == ["lee2024depth"]


def test_related_papers_match_a_count_of_every_pair():
    # 400 random papers over a few tags and categories, with ties in date and some supersedes
    # links: the index must list, for each paper, what counting shared tags and categories pair
    # by pair gives (more shared first, then newer, then key; none sharing nothing)
    import random

    from mkdocs_awesome_plugin.catalog.model import Catalog, Entry, PartialDate

    rng = random.Random(13)
    tags = [f"t{i}" for i in range(9)]
    cats = [f"c{i}" for i in range(5)]
    keys = [f"k{i:03d}" for i in range(400)]
    entries = {}
    for key in keys:
        entries[key] = Entry(
            key=key, path=f"papers/{key}.yaml", title=key, authors=["Ann Lee"],
            date=PartialDate(rng.choice([2023, 2024]), rng.randint(1, 3)),
            categories=rng.sample(cats, rng.randint(0, 2)), tags=rng.sample(tags, rng.randint(0, 4)),
            links={"paper": f"https://example.org/{key}"},
            supersedes=rng.sample(keys, 1) if rng.random() < 0.1 else [],
        )
    catalog = Catalog(entries=entries, categories=[], tags={t: t for t in tags})
    related = related_index(catalog)
    for key, entry in entries.items():
        linked = {key, *entry.supersedes} | {k for k, e in entries.items() if key in e.supersedes}
        shared = {
            other: len(set(entry.tags) & set(e.tags)) + len(set(entry.categories) & set(e.categories))
            for other, e in entries.items() if other not in linked
        }
        ranked = sorted(
            (k for k, n in shared.items() if n),
            key=lambda k: (-shared[k], -entries[k].date.year, -entries[k].date.month, k),
        )
        assert [e.key for e in related[key].similar] == ranked[:5], key


def test_paper_pages_show_related_papers_and_supersedes_both_ways(built):
    ravi = built.page("papers/ravi2024sam/index.html")
    assert '<h2 id="related">Related</h2>' in ravi
    assert _related_keys(ravi, "newer") == ["yang2024samurai"]
    assert _related_keys(ravi, "similar") == [
        "park2024realtime", "xiong2024efficient", "chen2024polyp", "kirillov2023segment",
        "lee2024depth",
    ]
    yang = built.page("papers/yang2024samurai/index.html")
    assert _related_keys(yang, "older") == ["ravi2024sam"]
    assert _related_keys(yang, "newer") == []
