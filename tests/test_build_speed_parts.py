"""The parts of the build made faster in issue 10's last round, each checked for what it must keep:
the SQLite cache (values back, a damaged or unwritable file only a miss), the search view (what a
search indexes, and the page put back whole), listing rows rendered once (an override of the
row still wins on every page), the cross-entry checks read back from the cache (a warm build
still reports them), and the explorer's parts joined into one script in their order."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing

from hypothesis import given, settings
from hypothesis import strategies as st
from sitebuild import FIXTURES, REPO, make_project, mkdocs_build

from mkdocs_awesome_plugin.build import join_search, split_search
from mkdocs_awesome_plugin.catalog.diskcache import BATCH, DiskCache
from mkdocs_awesome_plugin.features import FEATURES
from mkdocs_awesome_plugin.features.assets import ASSETS, script_bundle, script_parts
from mkdocs_awesome_plugin.render.environment import TEMPLATES

REPO_ENTRIES = REPO / "entries"

# --- the SQLite cache ---------------------------------------------------------------------------

def test_cache_gives_values_back_in_this_process_and_the_next(tmp_path):
    path = tmp_path / "c" / "fragments.sqlite"
    cache = DiskCache(path)
    cache.put("k1", {"html": "<p>one</p>"})
    assert cache.get("k1") == {"html": "<p>one</p>"}  # before it is written out
    assert cache.get("missing") is None
    cache.flush()
    again = DiskCache(path)  # another build
    assert again.get("k1") == {"html": "<p>one</p>"}
    assert (again.hits, again.misses) == (1, 0)
    with closing(sqlite3.connect(path)) as db:
        assert [k for (k,) in db.execute("SELECT key FROM cache")] == ["k1"]


def test_many_values_come_back_in_one_call_written_or_not(tmp_path):
    path = tmp_path / "fragments.sqlite"
    cache = DiskCache(path)
    for i in range(1200):  # more than one query's worth of keys
        cache.put(f"k{i}", f"<p>{i}</p>")
    cache.flush()
    cache.put("pending", "<p>not written yet</p>")
    again = DiskCache(path)
    keys = [f"k{i}" for i in range(0, 1200, 1)] + ["absent"]
    found = again.get_many(keys)
    assert len(found) == 1200 and found["k7"] == "<p>7</p>" and "absent" not in found
    assert (again.hits, again.misses) == (1200, 1)
    assert cache.get_many(["pending", "k3", "absent"]) == {
        "pending": "<p>not written yet</p>", "k3": "<p>3</p>"}


def _lookups(cache: DiskCache) -> list[str]:
    """The value lookups SQLite runs for `cache` from now on (its own trace of statements)."""
    seen: list[str] = []
    cache._connect().set_trace_callback(
        lambda sql: seen.append(sql) if sql.startswith("SELECT") and "value" in sql else None)
    return seen


def test_a_cache_empty_when_opened_asks_sqlite_only_for_keys_it_wrote(tmp_path):
    path = tmp_path / "fragments.sqlite"
    cold = DiskCache(path)
    asked = _lookups(cold)
    assert cold.get("absent") is None and cold.get_many(["a1", "a2"]) == {}
    assert asked == []  # nothing stored yet: a miss without a query
    for i in range(BATCH + 1):  # one batch written by itself, one key left pending
        cold.put(f"k{i}", i)
    assert cold.get("k0") == 0 and cold.get(f"k{BATCH}") == BATCH
    assert cold.get_many(["k1", "k2", "absent"]) == {"k1": 1, "k2": 2}
    assert len(asked) == 2  # k0 and the batch of k1, k2: written, so looked up
    assert (cold.hits, cold.misses) == (4, 4)
    cold.close()

    warm = DiskCache(path)  # a file with values: every key is looked up
    asked = _lookups(warm)
    assert warm.get("absent") is None and warm.get("k3") == 3
    assert warm.get_many(["k4", "absent"]) == {"k4": 4}
    assert len(asked) == 3


def test_cache_writes_a_full_batch_without_waiting_for_flush(tmp_path):
    path = tmp_path / "entries.sqlite"
    cache = DiskCache(path)
    for i in range(BATCH + 3):
        cache.put(f"k{i}", i)
    with closing(sqlite3.connect(path)) as db:  # another reader sees the first batch
        assert db.execute("SELECT count(*) FROM cache").fetchone()[0] == BATCH
    cache.close()
    assert DiskCache(path).keys() == {f"k{i}" for i in range(BATCH + 3)}


def _file_bytes(path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))  # with -wal


def test_prune_keeps_what_was_read_or_written_and_gives_the_space_back(tmp_path):
    path = tmp_path / "fragments.sqlite"
    first = DiskCache(path)
    for i in range(2000):
        first.put(f"old{i}", f"{i:04d}" * 500)  # 2 KB each
    first.put("kept", "v")
    first.close()
    full = _file_bytes(path)
    assert full > 4_000_000
    second = DiskCache(path, track_use=True)
    assert second.get("kept") == "v" and second.get("absent") is None
    assert second.get_many(["old7", "absent"]) == {"old7": "0007" * 500}
    second.put("new", "n")
    assert second.prune()[0] == 1999  # 2,001 stored, "kept" and "old7" read
    second.close()
    assert DiskCache(path).keys() == {"kept", "old7", "new"}
    assert _file_bytes(path) < 200_000  # most of the file was free: it was compacted


def test_a_cache_that_does_not_track_use_prunes_nothing(tmp_path):
    path = tmp_path / "fragments.sqlite"
    cache = DiskCache(path)
    cache.put("a", 1)
    cache.flush()
    again = DiskCache(path)
    assert again.get("a") == 1 and again.prune() == (0, 0)
    assert again.keys() == {"a"}


def test_a_damaged_cache_file_is_a_miss_not_an_error(tmp_path):
    path = tmp_path / "fragments.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = DiskCache(path)
    assert cache.get("k") is None
    cache.put("k", "v")
    cache.flush()  # cannot write: the value is lost, nothing raises
    assert cache.misses == 1


def test_a_cache_that_cannot_be_created_is_a_miss(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    cache = DiskCache(blocker / "sub" / "c.sqlite")  # a folder under a file: never creatable
    cache.put("k", "v")
    cache.flush()
    assert cache.get("other") is None and cache.keys() == set()


# --- what the search sees -----------------------------------------------------------------------

PAGE = ('<div class="aw-page"><h1 id="t">Title</h1><p>Authors</p>\n'
        '<!--aw:nosearch--><div class="aw-list"><article data-k="1">row</article></div>'
        '<!--/aw:nosearch-->\n<h2 id="x">Kept</h2>\n'
        '<!--aw:nosearch--><h2 id="cite">Cite</h2><pre>@article{k,}</pre><!--/aw:nosearch-->\n</div>')


def test_search_view_leaves_out_the_marked_parts_and_join_puts_them_back():
    view, taken = split_search(PAGE)
    assert "row" not in view and "@article" not in view and "Cite" not in view
    assert "Title" in view and "Authors" in view and "Kept" in view
    assert len(taken) == 2
    assert join_search(view, taken) == PAGE
    # the search plugin rewrites the view (Material strips its attributes) before we join
    changed = view.replace("<p>Authors</p>", "<p>Authors, edited</p>")
    assert join_search(changed, taken) == PAGE.replace("<p>Authors</p>", "<p>Authors, edited</p>")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([
    "<!--aw:nosearch-->", "<!--/aw:nosearch-->", "<!--aw:taken:0-->", "<!--aw:taken:9-->",
    "<!--aw:taken:", "-->", "<p>x</p>", "\n", "a", "<!--", "<div>", "</div>",
]), max_size=30))
def test_search_view_matches_the_first_end_after_each_start(pieces):
    # against a regular expression stating the rule: from a start to the first end after it
    html_text = "".join(pieces)
    rule = re.compile(r"<!--aw:nosearch-->.*?<!--/aw:nosearch-->", re.S)
    expected = rule.findall(html_text)
    numbers = iter(range(len(expected)))
    expected_view = rule.sub(lambda m: f"<!--aw:taken:{next(numbers)}-->", html_text)
    assert split_search(html_text) == (expected_view, expected)
    view, taken = expected_view, expected
    if not any("aw:taken" in p for p in pieces):  # placeholders of our own are unambiguous
        assert join_search(view, taken) == html_text


def test_a_page_without_marks_is_its_own_search_view():
    html_text = "<p>plain <!-- awesome:summary --></p>"
    assert split_search(html_text) == (html_text, [])
    assert join_search(html_text, []) == html_text


def test_built_pages_keep_their_rows_and_the_index_holds_none(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal")
    built = mkdocs_build(root, strict=True)
    assert built.returncode == 0, built.output
    tag = built.page("tags/video/index.html")
    assert tag.count('<article class="aw-paper"') == 2  # SAM 2 and Medical SAM 2 are tagged video
    assert "aw:taken" not in tag
    paper = built.page("papers/ravi2024sam/index.html")
    assert '<h2 id="cite">Cite</h2>' in paper and "@inproceedings{ravi2024sam," in paper
    index = built.page("search/search_index.json")
    assert "@inproceedings" not in index and "aw:taken" not in index


# --- listing rows rendered once ----------------------------------------------------------------

ROW_OVERRIDE = """{% macro paper_row(entry, ctx) -%}
<article class="aw-paper my-row" id="{{ entry.key }}"><a href="{{ ctx.paper_url(entry.key) }}">{{ entry.title }}</a> <a href="{{ ctx.tag_url(entry.tags[0]) }}">first tag</a></article>
{%- endmacro %}
"""


def test_an_overridden_row_is_used_on_every_listing_with_links_from_that_page(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal", config={"theme": {
        "name": "material", "font": False, "custom_dir": "overrides"}})
    macros = (TEMPLATES / "_macros.html").read_text(encoding="utf-8")
    start = macros.index("{% macro paper_row(")
    end = macros.index("{%- endmacro %}", start) + len("{%- endmacro %}")
    (root / "overrides" / "awesome").mkdir(parents=True)
    (root / "overrides" / "awesome" / "_macros.html").write_text(
        macros[:start] + ROW_OVERRIDE + macros[end:], encoding="utf-8")
    built = mkdocs_build(root, strict=True)
    assert built.returncode == 0, built.output
    tag = built.page("tags/video/index.html")
    category = built.page("categories/video/index.html")
    # links written relative to each page, as MkDocs would: a tag page links its own tag as ./
    assert re.search(r'class="aw-paper my-row" id="ravi2024sam"><a href="\.\./\.\./papers/'
                     r'ravi2024sam/">', tag)
    assert re.search(r'class="aw-paper my-row" id="ravi2024sam"><a href="\.\./\.\./papers/'
                     r'ravi2024sam/">', category)
    # SAM 2's first tag is `video`: the tag's own page links it as ./, a category page by path
    first_tag = re.compile(r'id="ravi2024sam">.*?<a href="([^"]+)">first tag')
    assert first_tag.search(tag).group(1) == "./"
    assert first_tag.search(category).group(1) == "../../tags/video/"
    assert "\x1e" not in tag and "\x1f" not in category


# --- cross-entry checks from the cache ----------------------------------------------------------

def test_a_warm_build_still_reports_the_checks_across_entries(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal")
    papers = root / "entries" / "papers"
    sam2 = (papers / "ravi2024sam.yaml").read_text(encoding="utf-8")
    copy = "\n".join(line for line in sam2.splitlines()
                     if not line.startswith(("arxiv:", "  code:", "  paper:")))
    (papers / "copy2024sam.yaml").write_text(
        copy.replace("links:", "links:\n  paper: https://example.org/copy")
        .replace("Segment Anything in Images and Videos", "Segment Anything in Images and Video")
        + "\n", encoding="utf-8")
    first = mkdocs_build(root)
    second = mkdocs_build(root)  # the checks' result now comes from .cache/
    for built in (first, second):
        assert built.returncode == 0, built.output
        lines = [line for line in built.output.splitlines() if "nearly the same title" in line]
        assert len(lines) == 1, built.output
    assert [x for x in first.output.splitlines() if "title" in x] == \
        [x for x in second.output.splitlines() if "title" in x]


# --- one script ---------------------------------------------------------------------------------

def test_the_explorer_parts_are_joined_in_order_into_one_script(tmp_path):
    parts = script_parts(FEATURES)
    assert len(parts) > 1 and parts[-1] == "explore.js"
    bundle = script_bundle(FEATURES).decode("utf-8")
    positions = [bundle.index((ASSETS / name).read_text(encoding="utf-8").strip()) for name in parts]
    assert positions == sorted(positions)
    root = make_project(tmp_path, FIXTURES / "minimal")
    built = mkdocs_build(root, strict=True)
    assert built.returncode == 0, built.output
    home = built.page("index.html")
    assert re.findall(r'<script src="(assets/awesome/[^"]+)"', home) == ["assets/awesome/explore.js"]
    assert built.page("assets/awesome/explore.js") == bundle


# --- feeds from the cache -------------------------------------------------------------------------

def test_feeds_from_the_cache_follow_an_edited_entry(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal")
    feeds = ("feeds/all.xml", "feeds/tags/video.xml", "feeds/categories/video.xml")
    first = mkdocs_build(root, strict=True)
    assert first.returncode == 0, first.output
    before = {f: first.page(f) for f in feeds}
    assert all("Segment Anything in Images and Videos" in text for text in before.values())
    sam2 = root / "entries" / "papers" / "ravi2024sam.yaml"
    sam2.write_text(sam2.read_text(encoding="utf-8").replace(
        "in Images and Videos", "in Pictures and Films"), encoding="utf-8")
    edited = mkdocs_build(root, strict=True)  # the cache holds the old feeds
    assert edited.returncode == 0, edited.output
    for f in feeds:
        text = edited.page(f)
        assert "in Pictures and Films" in text and "in Images and Videos" not in text, f
        assert text == before[f].replace("in Images and Videos", "in Pictures and Films"), f
    # a feed without that entry is the same file as before
    assert "ravi2024sam" not in edited.page("feeds/tags/medical.xml")


def test_listings_made_in_one_pass_match_filtering_and_sorting_each():
    # tag, category and subtree listings: newest first, then title (case-insensitive), then key
    import random

    from mkdocs_awesome_plugin.catalog.model import Catalog, Category, Entry, PartialDate

    root = Category("root", "Root")
    child = Category("child", "Child", parent=root)
    grandchild = Category("grandchild", "Grandchild", parent=child)
    other = Category("other", "Other")
    root.children, child.children = [child], [grandchild]
    slugs = ["root", "child", "grandchild", "other"]
    rng = random.Random(21)
    entries = {}
    for i in range(300):
        key = f"k{i:03d}"
        entries[key] = Entry(
            key=key, path=f"papers/{key}.yaml", title=rng.choice(["Alpha", "alpha", "Beta", "Zeta"]),
            authors=[], date=PartialDate(2024, rng.randint(1, 3)),
            categories=rng.sample(slugs, rng.randint(1, 2)), tags=rng.sample("abcde", rng.randint(0, 3)),
            links={"paper": f"https://example.org/{key}"},
        )
    catalog = Catalog(entries=entries, categories=[root, other], tags={t: t for t in "abcde"})

    def expected(keep):
        chosen = [e for e in entries.values() if keep(e)]
        return sorted(chosen, key=lambda e: (-e.date.month, e.title.casefold(), e.key))

    for tag in "abcdez":
        assert catalog.entries_with_tag(tag) == expected(lambda e, t=tag: t in e.tags), tag
    for slug in [*slugs, "missing"]:
        assert catalog.entries_in_category(slug) == expected(lambda e, s=slug: s in e.categories), slug
    below = {"root": {"root", "child", "grandchild"}, "child": {"child", "grandchild"},
             "grandchild": {"grandchild"}, "other": {"other"}}
    for category in (root, child, grandchild, other):
        assert catalog.entries_in_subtree(category) == expected(
            lambda e, c=category: below[c.slug] & set(e.categories)), category.slug


def test_a_warm_build_reads_paper_pages_and_heads_from_the_cache_in_batches(tmp_path):
    # 301 paper pages: a warm build asks the fragment cache for their pages and <head> tags a
    # few hundred at a time, not once per page; and what it writes is what the cold build wrote
    # (the head keys use the canonical URL as MkDocs makes it, here a site_url without "/")
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from sitebuild import REPO

    root = make_project(tmp_path, REPO / "entries", config={"site_url": "https://example.org/list"})
    calls = {"get": 0, "get_many": 0, "values_many": 0}
    original_get, original_many = DiskCache.get, DiskCache.get_many

    def get(self, key):
        if self.path.name == "fragments.sqlite":
            calls["get"] += 1
        return original_get(self, key)

    def get_many(self, keys):
        calls["get_many"] += 1
        found = original_many(self, keys)
        calls["values_many"] += len(found)
        return found

    DiskCache.get, DiskCache.get_many = get, get_many
    try:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "cold")))
        calls.update(get=0, get_many=0, values_many=0)
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "warm")))
    finally:
        DiskCache.get, DiskCache.get_many = original_get, original_many
    papers = len(list((root / "entries" / "papers").glob("*.yaml")))
    assert papers > 300
    assert calls["values_many"] >= 2 * papers  # every paper page and head came in a batch
    assert calls["get_many"] <= 8
    assert calls["get"] < papers  # listings, feeds, rows one by one: not a few per paper
    for page in ("papers/ravi2024sam/index.html", "index.html", "categories/index.html"):
        cold = (root / "cold" / page).read_text(encoding="utf-8")
        assert cold == (root / "warm" / page).read_text(encoding="utf-8"), page
    assert 'href="https://example.org/list/papers/ravi2024sam/"' in (
        root / "warm" / "papers/ravi2024sam/index.html").read_text(encoding="utf-8")
    shutil.rmtree(root / "cold")


def test_pages_asked_for_here_and_there_are_read_one_by_one(tmp_path):
    # a dirty rebuild renders a few papers out of order: no batch of 200 for each of them; a
    # full build asks in order: one batch serves the pages that follow
    from sitebuild import REPO

    from mkdocs_awesome_plugin import incremental
    from mkdocs_awesome_plugin.build import CatalogBuild
    from mkdocs_awesome_plugin.catalog import load_catalog
    from mkdocs_awesome_plugin.render.site import layout_for

    catalog = load_catalog(REPO / "entries")

    def new_build() -> CatalogBuild:
        build = CatalogBuild(catalog, layout_for(catalog), features=FEATURES,
                             fragments=DiskCache(tmp_path / "fragments.sqlite"))
        build.fingerprints = incremental.fingerprints(build, "settings")
        return build

    first = new_build()
    papers = [p for p in first.pages() if p.kind == "paper"]
    pages = {p.src: first.render_page(p, first.layout.url_of(p.src)) for p in papers}
    first.fragments.flush()

    second = new_build()
    batches = []
    original = second.fragments.get_many
    second.fragments.get_many = lambda keys: batches.append(len(keys)) or original(keys)
    for page in (papers[40], papers[7], papers[200]):
        assert second.render_page(page, second.layout.url_of(page.src)) == pages[page.src]
    assert batches == []
    for page in papers[:30]:
        assert second.render_page(page, second.layout.url_of(page.src)) == pages[page.src]
    assert batches == [1 + CatalogBuild.READ_AHEAD]  # from the second page on, in one query


def test_entries_come_from_the_disk_cache_500_at_a_time_and_never_stale(tmp_path):
    import shutil

    from sitebuild import REPO

    from mkdocs_awesome_plugin.catalog import EntryCache, load_catalog

    entries = tmp_path / "entries"
    shutil.copytree(REPO / "entries", entries)
    path = tmp_path / "entries.sqlite"

    def load():
        disk = DiskCache(path)
        calls = {"get": 0, "get_many": 0}
        get, get_many = disk.get, disk.get_many
        disk.get = lambda key: calls.__setitem__("get", calls["get"] + 1) or get(key)
        disk.get_many = lambda keys: calls.__setitem__(
            "get_many", calls["get_many"] + 1) or get_many(keys)
        catalog = load_catalog(entries, cache=EntryCache(disk))
        disk.flush()
        return catalog, calls, disk

    first, _, _ = load()
    again, calls, disk = load()  # another build: every entry from the disk cache
    assert len(again.entries) == len(first.entries) > 300
    assert calls == {"get": 0, "get_many": 1} and disk.misses == 0
    paper = entries / "papers" / "ravi2024sam.yaml"
    text = paper.read_text(encoding="utf-8")
    paper.write_text(text.replace("title: '", "title: 'Edited ", 1), encoding="utf-8")
    edited, _, _ = load()
    assert edited.entries["ravi2024sam"].title.startswith("Edited ")
    assert edited.entries["ravi2024sam"].title != first.entries["ravi2024sam"].title


# --- canonical URLs and the related papers' keys --------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(base=st.sampled_from([
           "https://example.org/", "https://example.org/list/", "http://127.0.0.1:8000/",
           "https://example.org/a/../b/", "https://example.org/?q=1/", "https://example.org/#x/",
           "https://user@example.org:8080/x/y/", "https://example.org/list/./",
       ]),
       url=st.text(alphabet="ab.-_~/:?#%é1", max_size=14))
def test_site_join_is_urljoin(base, url):
    from urllib.parse import urljoin

    from mkdocs_awesome_plugin.build import site_join
    assert site_join(base, url) == urljoin(base, url)


def test_canonical_urls_of_every_page_are_urljoins(tmp_path):
    from urllib.parse import urljoin

    from mkdocs_awesome_plugin.build import CatalogBuild
    from mkdocs_awesome_plugin.catalog import load_catalog
    from mkdocs_awesome_plugin.render.site import layout_for

    catalog = load_catalog(REPO_ENTRIES)
    for site_url in ("https://example.org/sam2", "https://example.org/a/../sam2/"):
        for directory_urls in (True, False):
            build = CatalogBuild(catalog, layout_for(catalog, use_directory_urls=directory_urls),
                                 features=FEATURES, site_url=site_url)
            base = site_url if site_url.endswith("/") else site_url + "/"
            for page in build.pages():
                assert build._canonical(page.src) == urljoin(base, build.layout.url_of(page.src))


def test_related_keys_for_fingerprints_are_those_the_pages_show(tmp_path):
    import shutil

    from mkdocs_awesome_plugin.build import CatalogBuild
    from mkdocs_awesome_plugin.catalog import load_catalog
    from mkdocs_awesome_plugin.catalog.diskcache import DiskCache
    from mkdocs_awesome_plugin.render.related import related_index
    from mkdocs_awesome_plugin.render.site import layout_for

    entries = tmp_path / "entries"
    shutil.copytree(REPO_ENTRIES, entries)
    papers = sorted((entries / "papers").glob("*.yaml"))
    for newer, older in ((papers[0], papers[1]), (papers[2], papers[1])):  # supersedes, both ways
        newer.write_text(newer.read_text(encoding="utf-8") + f"supersedes: [{older.stem}]\n",
                         encoding="utf-8")
    catalog = load_catalog(entries)
    assert not catalog.errors, catalog.errors[:3]
    index = related_index(catalog)
    shown = {key: {e.key for e in (*r.similar, *r.supersedes, *r.superseded_by)}
             for key, r in index.items()}
    assert sum(map(len, shown.values())) > 1000
    assert {e.key for e in index[papers[1].stem].superseded_by} == {papers[0].stem, papers[2].stem}
    for _ in range(2):  # computed, then read from the cache
        build = CatalogBuild(catalog, layout_for(catalog, use_directory_urls=True),
                             features=FEATURES, fragments=DiskCache(tmp_path / "f.sqlite"))
        assert {k: build.renderer.related_to(e) for k, e in catalog.entries.items()} == shown
        build.fragments.flush()


def test_the_templates_stamp_follows_content_not_dates_or_places(tmp_path):
    import os
    import shutil

    from mkdocs_awesome_plugin.incremental import templates_stamp

    here, there = tmp_path / "checkout-1" / "awesome", tmp_path / "checkout-2" / "awesome"
    shutil.copytree(TEMPLATES, here)
    shutil.copytree(TEMPLATES, there)
    for path in there.rglob("*"):  # a fresh checkout: every file dated now
        os.utime(path, (2_000_000_000, 2_000_000_000))
    assert templates_stamp(TEMPLATES, here) == templates_stamp(TEMPLATES, there)
    assert templates_stamp(here) == templates_stamp(TEMPLATES)
    row = there / "_row.html"
    row.write_text(row.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert templates_stamp(TEMPLATES, here) != templates_stamp(TEMPLATES, there)
    # the same file as an override is not the same as the packaged one alone
    assert templates_stamp(TEMPLATES, here) != templates_stamp(TEMPLATES)


def test_cache_keys_follow_the_code_wherever_it_is_installed(tmp_path):
    import shutil
    import subprocess
    import sys

    package = REPO / "mkdocs_awesome_plugin"
    digest = [sys.executable, "-c", "import mkdocs_awesome_plugin as m, sys; "
              "from mkdocs_awesome_plugin.catalog.diskcache import code_digest; "
              "assert m.__file__.startswith(sys.argv[1]), m.__file__; print(code_digest())"]

    def digest_of(site):
        return subprocess.run([*digest, str(site)], cwd=tmp_path, check=True, text=True,
                              capture_output=True, env={"PYTHONPATH": str(site)}).stdout.strip()

    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(package, tmp_path / "a" / "mkdocs_awesome_plugin", ignore=ignore)
    shutil.copytree(package, tmp_path / "b" / "mkdocs_awesome_plugin", ignore=ignore)
    first = digest_of(tmp_path / "a")
    assert len(first) == 40 and digest_of(tmp_path / "b") == first  # same code elsewhere
    pages = tmp_path / "b" / "mkdocs_awesome_plugin" / "render" / "pages.py"
    pages.write_text(pages.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert digest_of(tmp_path / "b") != first  # a changed module: new keys, no stale pages


def test_after_an_edit_a_new_process_scores_only_the_new_title(tmp_path):
    import shutil

    from mkdocs_awesome_plugin.catalog import EntryCache, load_catalog
    from mkdocs_awesome_plugin.catalog.titles import memo_for

    entries = tmp_path / "entries"
    shutil.copytree(REPO_ENTRIES, entries)
    papers = sorted((entries / "papers").glob("*.yaml"))
    # a near-identical pair for the check to find, and an edited title later
    twin = entries / "papers" / "twin2099copy.yaml"
    twin.write_text(
        "title: 'From Monocular Vision to Autonomous Action: Guiding Tumour Resection via 3D "
        "Reconstruction'\nauthors: [Ayberk Acar]\ndate: '2025-03-21'\n"
        "categories: [other-medical-applications]\ntags: [surgical]\n"
        "links:\n  paper: https://example.org/twin.pdf\n", encoding="utf-8")

    def load():  # what each build (a new process) does: a new EntryCache on the same files
        cache = EntryCache(DiskCache(tmp_path / "entries.sqlite"))
        cache.checks = DiskCache(tmp_path / "checks.sqlite")
        catalog = load_catalog(entries, cache=cache)
        cache.disk.close()
        cache.checks.close()
        return catalog, memo_for(cache).compared

    def titles_warnings(catalog):
        return sorted(str(p) for p in catalog.problems if p.field == "title")

    first, compared = load()
    assert compared > 300  # every title scored
    assert any("twin2099copy" in w for w in titles_warnings(first)), titles_warnings(first)
    edited = papers[5]
    text = edited.read_text(encoding="utf-8")
    assert "\ntitle: '" in text
    edited.write_text(text.replace("\ntitle: '", "\ntitle: 'Edited ", 1), encoding="utf-8")
    after, compared = load()
    assert any(e.title.startswith("Edited ") for e in after.entries.values())
    assert compared == 1  # only the edited title, against the others
    fresh = load_catalog(entries)  # no cache at all: the same problems
    assert titles_warnings(after) == titles_warnings(fresh)
    assert [str(p) for p in after.problems] == [str(p) for p in fresh.problems]
