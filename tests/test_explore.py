"""The explorer (/explore/) in a real MkDocs build, driven in headless Chromium.

The fixture catalogue (tests/fixtures/explore/) has ten papers; every expected list below was
worked out by hand from those YAML files, newest first unless a test sorts otherwise.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser import browser_page, serve_dir
from sitebuild import FIXTURES, HOME, REPO, make_project, mkdocs_build

FIXTURE = FIXTURES / "explore"
ARTIFACTS = REPO / "test-artifacts"
EVIL_TITLE = "<script>alert(1)</script> & ]]> Tricky <b>Title</b>"
NEWEST_FIRST = [
    "fernandez2025grasping", "evil2025tricky", "park2024realtime", "xiong2024efficient",
    "yang2024samurai", "lee2024depth", "chen2024polyp", "ravi2024sam", "zhu2024medical",
    "kirillov2023segment",
]
THEME = {
    "name": "material", "font": False,
    "features": ["navigation.instant", "navigation.indexes", "content.code.copy"],
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(
        tmp_path_factory.mktemp("explore"), FIXTURE, config={"theme": THEME},
        home=HOME + "\n<!-- awesome:chart -->\n",
    )
    result = mkdocs_build(root, strict=True)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def base(built):
    with serve_dir(built.site) as url:
        # Material's instant navigation only follows links listed in sitemap.xml, compared with
        # their port: point the sitemap at the port the test server got.
        sitemap = built.site / "sitemap.xml"
        sitemap.write_text(
            sitemap.read_text(encoding="utf-8").replace("http://127.0.0.1:8000/", url),
            encoding="utf-8",
        )
        yield url


def open_explorer(page, base: str, query: str = "") -> None:
    page.goto(base + "explore/" + query)
    page.wait_for_selector("[data-aw-explore][data-aw-ready=yes]", timeout=15000)


def listed(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-aw-results] article.aw-paper", "rows => rows.map(r => r.dataset.key)"
    )


def search(page, text: str) -> list[str]:
    box = page.locator("#aw-q")
    box.fill("")
    box.press_sequentially(text)
    return listed(page)


# --- the build's side -------------------------------------------------------------------------

def test_data_file_lists_every_paper_newest_first_with_raw_text(built):
    data = json.loads(built.page("explore/papers.json"))
    assert [p["k"] for p in data["papers"]] == NEWEST_FIRST
    evil = data["papers"][1]
    assert evil["t"] == EVIL_TITLE  # data, not HTML: escaping is the script's job (textContent)
    assert evil["a"] == ["Eve <b>Evil</b>", "Mallory & Co"]
    assert evil["v"] == "Workshop & <i>Co</i>"
    assert "c" not in evil and "x" not in evil
    ravi = data["papers"][7]
    assert ravi == {
        "k": "ravi2024sam", "t": "SAM 2: Segment Anything in Images and Videos",
        "a": ["Nikhila Ravi", "Valentin Gabeur", "Yuan-Ting Hu"], "d": "2024-08-01",
        "cat": ["video-seg", "image-seg"], "tg": ["video", "zero-shot"], "v": "ICLR 2025",
        "c": "https://github.com/facebookresearch/sam2", "x": "2408.00714",
        "s": "Extends SAM to video with a streaming memory.",
        "f": "p",  # for its COinS: a conference paper, part of its proceedings
    }
    assert data["paper_url"] == ["papers/", "/"]
    assert data["coins"]["forms"]["p"] == ["info:ofi/fmt:kev:mtx:book", "proceeding", "rft.btitle"]
    assert data["feeds"] == {"tag": ["feeds/tags/", ".xml"], "cat": ["feeds/categories/", ".xml"]}
    assert [(c["slug"], c["parent"], c["n"]) for c in data["categories"]] == [
        ("segmentation", "", 7), ("video-seg", "segmentation", 4), ("image-seg", "segmentation", 4),
        ("medical", "", 3), ("robotics", "", 1),
    ]
    page = built.page("explore/index.html")
    assert 'data-aw-data="papers.json"' in page
    assert 'data-aw-bib="../cite/all.bib"' in page
    # the explorer's script and stylesheet are ours, served from the site itself
    assert re.search(r'<script src="\.\./assets/awesome/explore\.js', page)
    assert re.search(r'<link rel="stylesheet" href="\.\./assets/awesome/explore\.css', page)


def test_without_downloads_the_explorer_ships_its_own_bibtex(tmp_path):
    root = make_project(tmp_path, FIXTURE, plugin_options={"downloads": False})
    result = mkdocs_build(root, strict=True)
    assert result.returncode == 0, result.output
    assert 'data-aw-bib="papers.bib"' in result.page("explore/index.html")
    bib = result.page("explore/papers.bib")
    assert sorted(re.findall(r"^@\w+\{(\w+),", bib, re.M)) == sorted(NEWEST_FIRST)
    assert not (result.site / "cite").exists()


def test_without_javascript_the_page_points_to_category_and_tag_pages(built, base):
    page_html = built.page("explore/index.html")
    assert "The explorer needs JavaScript" in page_html
    assert re.search(r'<div class="aw-explore__ui" data-aw-ui hidden>', page_html)
    with browser_page() as (page, trouble):
        context = page.context.browser.new_context(java_script_enabled=False)
        try:
            nojs = context.new_page()
            nojs.goto(base + "explore/")
            assert nojs.locator("[data-aw-notice]").is_visible()
            assert not nojs.locator("[data-aw-ui]").is_visible()
            links = nojs.eval_on_selector_all(
                "[data-aw-notice] a", "links => links.map(a => a.getAttribute('href'))"
            )
            assert links == ["../categories/", "../tags/", "../cite/all.bib"]
            nojs.click("[data-aw-notice] a >> text=by tag")
            assert nojs.url == base + "tags/"
        finally:
            context.close()
        trouble.assert_clean()


# --- in the browser -------------------------------------------------------------------------

def test_typing_a_word_leaves_exactly_the_papers_that_contain_it(base):
    with browser_page() as (page, trouble):
        open_explorer(page, base)
        assert listed(page) == NEWEST_FIRST
        assert page.text_content("[data-aw-count]") == "All 10 papers"
        # in a summary (ravi) and in a title (yang)
        assert search(page, "memory") == ["yang2024samurai", "ravi2024sam"]
        assert page.text_content("[data-aw-count]") == "2 papers found (of 10)"
        # an author, typed with or without accents
        assert search(page, "Fernández") == ["fernandez2025grasping"]
        assert search(page, "muller") == ["fernandez2025grasping"]
        # a venue
        assert search(page, "cvpr") == ["park2024realtime", "xiong2024efficient", "lee2024depth"]
        # every word must appear, anywhere
        assert search(page, "segment video") == ["chen2024polyp", "ravi2024sam", "zhu2024medical"]
        assert search(page, "no such words") == []
        assert page.text_content("[data-aw-results]") == "No papers match these filters."
        # entry text is shown as text, never run
        assert search(page, "<script>") == ["evil2025tricky"]
        row = page.locator("article[data-key=evil2025tricky]")
        assert row.locator(".aw-paper__title").text_content() == EVIL_TITLE
        assert row.locator(".aw-badge--venue").text_content() == "Workshop & <i>Co</i>"
        assert row.locator(".aw-authors").text_content() == "Eve <b>Evil</b> and Mallory & Co"
        assert row.locator("b, i, script, img").count() == 0
        assert search(page, "") == NEWEST_FIRST
        trouble.assert_clean()


def test_rows_mirror_the_core_rows_with_badges_and_links(base):
    with browser_page() as (page, trouble):
        open_explorer(page, base)
        row = page.locator("article[data-key=ravi2024sam]")
        assert row.locator("time.aw-date").get_attribute("datetime") == "2024-08-01"
        title = row.locator("a.aw-paper__title")
        assert title.get_attribute("href") == "../papers/ravi2024sam/"
        assert row.locator(".aw-authors").text_content() == "Nikhila Ravi, Valentin Gabeur and Yuan-Ting Hu"
        assert row.locator(".aw-badge--venue").text_content() == "ICLR 2025"
        assert row.locator("a.aw-badge--code").get_attribute("href") == "https://github.com/facebookresearch/sam2"
        arxiv = row.locator("a.aw-badge--arxiv")
        assert arxiv.text_content() == "arXiv:2408.00714"
        assert arxiv.get_attribute("href") == "https://arxiv.org/abs/2408.00714"
        assert row.locator(".aw-tag").all_text_contents() == ["video", "zero-shot"]
        yang = page.locator("article[data-key=yang2024samurai]")
        assert yang.locator(".aw-authors").text_content() == "Cheng-Yen Yang, Hsiang-Wei Huang, Wenhao Chai et al."
        assert yang.locator(".aw-badge--venue").count() == 0
        lee = page.locator("article[data-key=lee2024depth]")
        assert lee.locator(".aw-badge--code, .aw-badge--arxiv").count() == 0
        trouble.assert_clean()


def test_tag_category_and_other_filters(base):
    with browser_page() as (page, trouble):
        open_explorer(page, base)
        page.select_option("#aw-tag", "tracking")
        assert listed(page) == ["xiong2024efficient", "yang2024samurai"]
        # a tag chip in a row adds that tag too
        page.click("article[data-key=xiong2024efficient] .aw-tag >> text=efficiency")
        assert listed(page) == ["xiong2024efficient"]
        page.click("[data-aw-action=reset]")
        assert listed(page) == NEWEST_FIRST
        # with one tag and without another
        page.select_option("#aw-tag", "zero-shot")
        page.select_option("#aw-not", "video")
        assert listed(page) == ["park2024realtime", "kirillov2023segment"]
        # removing a chip drops that filter
        page.click("[data-aw-chips] [data-aw-remove=not]")
        assert listed(page) == ["park2024realtime", "yang2024samurai", "ravi2024sam", "kirillov2023segment"]
        page.click("[data-aw-action=reset]")
        # a category includes its subcategories
        page.select_option("#aw-cat", "segmentation")
        assert listed(page) == [
            "park2024realtime", "xiong2024efficient", "yang2024samurai", "lee2024depth",
            "chen2024polyp", "ravi2024sam", "kirillov2023segment",
        ]
        page.select_option("#aw-cat", "medical")
        assert listed(page) == ["evil2025tricky", "chen2024polyp", "zhu2024medical"]
        page.select_option("#aw-cat", "")
        page.check("[data-aw-code]")
        assert listed(page) == [
            "park2024realtime", "xiong2024efficient", "yang2024samurai", "chen2024polyp",
            "ravi2024sam", "zhu2024medical", "kirillov2023segment",
        ]
        page.uncheck("[data-aw-code]")
        page.select_option("#aw-venue", "CVPR 2025")
        assert listed(page) == ["park2024realtime", "xiong2024efficient", "lee2024depth"]
        page.select_option("#aw-venue", "")
        page.select_option("#aw-year", "2025")
        assert listed(page) == ["fernandez2025grasping", "evil2025tricky"]
        page.select_option("#aw-year", "")
        page.fill("#aw-from", "2024-10")
        page.fill("#aw-to", "2024-12")
        assert listed(page) == ["park2024realtime", "xiong2024efficient", "yang2024samurai", "lee2024depth"]
        page.click("[data-aw-action=reset]")
        # sorting both ways, by date and by title
        page.select_option("#aw-sort", "date-asc")
        assert listed(page) == list(reversed(NEWEST_FIRST))
        page.select_option("#aw-sort", "title-asc")
        assert listed(page) == [
            "evil2025tricky", "lee2024depth", "xiong2024efficient", "fernandez2025grasping",
            "zhu2024medical", "chen2024polyp", "park2024realtime", "ravi2024sam",
            "yang2024samurai", "kirillov2023segment",
        ]
        page.select_option("#aw-sort", "title-desc")
        assert listed(page)[:2] == ["kirillov2023segment", "yang2024samurai"]
        trouble.assert_clean()


def test_reloading_or_sharing_the_url_restores_the_filters(base):
    with browser_page() as (page, trouble):
        open_explorer(page, base)
        page.select_option("#aw-tag", "tracking")
        page.locator("#aw-q").press_sequentially("memory")
        page.select_option("#aw-sort", "date-asc")
        assert listed(page) == ["yang2024samurai"]
        page.wait_for_function("location.search.includes('q=memory')")
        assert page.evaluate("location.search") == "?q=memory&tag=tracking&sort=date-asc"
        page.reload()
        page.wait_for_selector("[data-aw-ready=yes]")
        assert page.input_value("#aw-q") == "memory"
        assert page.input_value("#aw-sort") == "date-asc"
        assert page.locator("[data-aw-chips] button").all_text_contents() == ["with tracking ×"]
        assert listed(page) == ["yang2024samurai"]
        # a shared link, opened afresh; unknown values are ignored
        open_explorer(page, base, "?not=video&cat=segmentation&tag=nonsense&sort=bogus&from=2024")
        assert listed(page) == ["park2024realtime", "lee2024depth"]
        assert page.input_value("#aw-cat") == "segmentation"
        assert page.input_value("#aw-from") == "2024-01"
        assert page.locator("[data-aw-filters]").get_attribute("open") is not None
        trouble.assert_clean()


def _keys(bibtex: str) -> list[str]:
    return re.findall(r"^@\w+\{([^,]+),", bibtex, re.M)


def test_exported_bibtex_holds_exactly_the_listed_papers(built, base):
    with browser_page() as (page, trouble):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        open_explorer(page, base, "?tag=tracking")
        assert listed(page) == ["xiong2024efficient", "yang2024samurai"]
        with page.expect_download() as info:
            page.click("[data-aw-action=download]")
        download = info.value
        assert download.suggested_filename == "papers.bib"
        text = Path(download.path()).read_text(encoding="utf-8")
        assert _keys(text) == ["xiong2024efficient", "yang2024samurai"]
        # each entry exactly as the build wrote it for that paper
        expected = "\n".join(
            built.page(f"cite/papers/{key}.bib").strip() + "\n"
            for key in ("xiong2024efficient", "yang2024samurai")
        )
        assert text == expected
        page.wait_for_function("document.querySelector('[data-aw-status]').textContent.startsWith('Downloaded')")
        assert page.text_content("[data-aw-status]") == "Downloaded 2 BibTeX entries."

        # copy: the selection after another filter
        page.locator("#aw-q").press_sequentially("<script>")
        page.click("[data-aw-action=reset]")
        page.locator("#aw-q").press_sequentially("tricky")
        assert listed(page) == ["evil2025tricky"]
        page.click("[data-aw-action=copy]")
        page.wait_for_function("document.querySelector('[data-aw-status]').textContent.startsWith('Copied')")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert _keys(copied) == ["evil2025tricky"]
        assert copied == built.page("cite/papers/evil2025tricky.bib").strip() + "\n"
        assert page.text_content("[data-aw-status]") == "Copied 1 BibTeX entry to the clipboard."
        trouble.assert_clean()


def test_works_with_material_instant_navigation(base):
    with browser_page() as (page, trouble):
        page.goto(base)
        # Material intercepts links only once it has fetched sitemap.xml: on a loaded machine a
        # click before that is an ordinary page load, which is not what this test is about
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__sameDocument = true")
        page.click(".md-nav--primary a.md-nav__link >> text=Explore")
        page.wait_for_selector("[data-aw-explore][data-aw-ready=yes]", timeout=15000)
        assert page.evaluate("window.__sameDocument") is True  # no full reload: instant nav
        assert search(page, "memory") == ["yang2024samurai", "ravi2024sam"]
        page.wait_for_function("location.search === '?q=memory'")
        page.click("article[data-key=ravi2024sam] a.aw-paper__title")
        page.wait_for_selector("h1#ravi2024sam")
        assert page.evaluate("window.__sameDocument") is True
        page.go_back()
        page.wait_for_selector("[data-aw-explore][data-aw-ready=yes]", timeout=15000)
        assert listed(page) == ["yang2024samurai", "ravi2024sam"]
        trouble.assert_clean()


def test_every_generated_page_is_clean(base):
    pages = [
        "", "explore/", "stats/", "new/", "categories/", "categories/segmentation/",
        "categories/video-seg/", "categories/medical/", "tags/", "tags/video/",
        "papers/ravi2024sam/", "papers/evil2025tricky/",
    ]
    with browser_page() as (page, trouble):
        for rel in pages:
            page.goto(base + rel)
            page.wait_for_load_state("load")
            if rel == "explore/":
                page.wait_for_selector("[data-aw-ready=yes]")
            page.wait_for_timeout(150)  # let late requests (Material's sitemap fetches) finish
        trouble.assert_clean()


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_and_no_sideways_scrolling(base, width):
    ARTIFACTS.mkdir(exist_ok=True)
    with browser_page((width, 900)) as (page, trouble):
        open_explorer(page, base, "?tag=video")
        page.screenshot(path=str(ARTIFACTS / f"explore-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.goto(base + "stats/")
        page.screenshot(path=str(ARTIFACTS / f"stats-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        trouble.assert_clean()


def test_long_lists_are_drawn_in_windows_but_exported_whole(built, base):
    # the same page with a window of 4 rows instead of 200
    html = built.page("explore/index.html").replace("data-aw-explore ", 'data-aw-explore data-aw-window="4" ', 1)
    (built.site / "explore" / "window.html").write_text(html, encoding="utf-8")
    with browser_page() as (page, trouble):
        page.goto(base + "explore/window.html")
        page.wait_for_selector("[data-aw-ready=yes]")
        assert listed(page) == NEWEST_FIRST[:4]
        assert page.text_content("[data-aw-count]") == "Showing 4 of all 10 papers"
        assert page.text_content("[data-aw-more]") == "Show 4 more (6 not shown)"
        page.click("[data-aw-more]")
        assert listed(page) == NEWEST_FIRST[:8]
        # a keystroke that changes nothing keeps what is shown
        page.locator("#aw-q").press(" ")
        assert listed(page) == NEWEST_FIRST[:8]
        page.click("[data-aw-more]")
        assert listed(page) == NEWEST_FIRST
        assert not page.locator("[data-aw-more]").is_visible()
        # an opened quote, with no phrase in it yet, is no search term: still the same list
        page.locator("#aw-q").press('"')
        assert listed(page) == NEWEST_FIRST
        # a different list starts again with one window
        segment = [
            "fernandez2025grasping", "park2024realtime", "yang2024samurai", "chen2024polyp",
            "ravi2024sam", "zhu2024medical", "kirillov2023segment",
        ]
        assert search(page, "segment") == segment[:4]
        assert page.text_content("[data-aw-count]") == "Showing 4 of 7 papers found (of 10)"
        with page.expect_download() as info:
            page.click("[data-aw-action=download]")
        text = Path(info.value.path()).read_text(encoding="utf-8")
        assert _keys(text) == segment  # every paper found, not only those shown
        trouble.assert_clean()
