"""The explorer's facets in headless Chromium: counts that follow the filters, chips, the
AND/OR choice for tags, the URL, feed links, COinS in the results, keyboard-only use.

The fixture is the explorer's ten papers (tests/fixtures/explore); every count below was worked
out by hand from those YAML files.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from browser import browser_page, serve_dir
from sitebuild import FIXTURES, make_project, mkdocs_build
from test_explore import listed, open_explorer

from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.exports.coins import coins_title

FIXTURE = FIXTURES / "explore"
SEGMENT = [  # the papers with a word starting "segment"
    "fernandez2025grasping", "park2024realtime", "yang2024samurai", "chen2024polyp",
    "ravi2024sam", "zhu2024medical", "kirillov2023segment",
]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("facets"), FIXTURE)
    result = mkdocs_build(root, strict=True)
    assert result.returncode == 0, result.output
    with serve_dir(result.site) as url:
        yield url


def labels(page, select: str) -> dict[str, str]:
    return dict(page.eval_on_selector_all(
        f"{select} option", "os => os.filter(o => o.value).map(o => [o.value, o.textContent.trim()])"
    ))


def chips(page) -> list[str]:
    return [t.replace("\u00d7", "").strip() for t in
            page.locator("[data-aw-chips] button").all_text_contents()]


def test_counts_follow_the_search_the_tags_and_the_category(base):
    with browser_page() as (page, trouble):
        open_explorer(page, base)
        # every paper: video 5, zero-shot 4, medical 3, tracking/efficiency/3d 2
        assert labels(page, "#aw-tag") == {
            "video": "video (5)", "zero-shot": "zero-shot (4)", "medical": "medical (3)",
            "tracking": "tracking (2)", "efficiency": "efficiency (2)", "3d": "3d (2)",
        }
        assert page.text_content("[data-aw-code-count]") == "(7)"
        page.locator("#aw-q").press_sequentially("segment")
        assert listed(page) == SEGMENT
        assert labels(page, "#aw-tag") == {
            "video": "video (4)", "zero-shot": "zero-shot (4)", "medical": "medical (2)",
            "tracking": "tracking (1)", "efficiency": "efficiency (1)", "3d": "3d (1)",
        }
        cats = {k: v.replace("\u00a0", "") for k, v in labels(page, "#aw-cat").items()}
        assert cats == {
            "segmentation": "Segmentation (5)", "video-seg": "Video Segmentation (3)",
            "image-seg": "Image Segmentation (3)", "medical": "Medical & Health (2)",
            "robotics": "Robotics (1)",
        }
        assert page.text_content("[data-aw-code-count]") == "(6)"
        # a category: tags count the papers found, the categories keep counting past it
        page.select_option("#aw-cat", "medical")
        assert listed(page) == ["chen2024polyp", "zhu2024medical"]
        assert labels(page, "#aw-tag")["video"] == "video (2)"
        assert labels(page, "#aw-tag")["zero-shot"] == "zero-shot (0)"
        assert labels(page, "#aw-cat")["medical"].endswith("(2)")
        assert labels(page, "#aw-cat")["segmentation"].endswith("(5)")
        # a tag (AND): the categories now count the "segment" papers tagged video
        page.select_option("#aw-tag", "video")
        cats = {k: v.rsplit(" ", 1)[1] for k, v in labels(page, "#aw-cat").items()}
        assert cats == {
            "segmentation": "(3)", "video-seg": "(3)", "image-seg": "(1)", "medical": "(2)",
            "robotics": "(0)",
        }
        trouble.assert_clean()


def test_tags_and_or_with_exclusion_and_the_url(base):
    with browser_page() as (page, trouble):
        open_explorer(page, base)
        page.select_option("#aw-tag", "tracking")
        page.select_option("#aw-tag", "medical")
        assert listed(page) == []  # no paper has both
        page.check("[data-aw-any][value='1']")
        # tracking: xiong, yang; medical: evil, chen, zhu
        assert listed(page) == [
            "evil2025tricky", "xiong2024efficient", "yang2024samurai", "chen2024polyp",
            "zhu2024medical",
        ]
        # in OR mode a tag counts every paper the other filters leave
        assert labels(page, "#aw-tag")["video"] == "video (5)"
        page.select_option("#aw-not", "video")  # exclusion still holds
        assert listed(page) == ["evil2025tricky"]
        assert chips(page) == ["with tracking", "with medical", "without video"]
        page.wait_for_function("location.search.includes('any=1')")
        assert page.evaluate("location.search") == "?tag=tracking&tag=medical&any=1&not=video"
        page.reload()
        page.wait_for_selector("[data-aw-ready=yes]")
        assert listed(page) == ["evil2025tricky"]
        assert page.is_checked("[data-aw-any][value='1']")
        assert chips(page) == ["with tracking", "with medical", "without video"]
        trouble.assert_clean()


def test_chips_show_every_filter_and_remove_it_and_clear_all(base):
    with browser_page() as (page, trouble):
        open_explorer(page, base, "?cat=segmentation&venue=CVPR+2025&code=1&from=2024-11&tag=efficiency")
        assert listed(page) == ["park2024realtime", "xiong2024efficient"]
        assert chips(page) == [
            "with efficiency", "in Segmentation", "at CVPR 2025", "from 2024-11", "with code",
        ]
        page.click("[data-aw-chips] [data-aw-remove=from]")
        assert chips(page) == ["with efficiency", "in Segmentation", "at CVPR 2025", "with code"]
        assert page.input_value("#aw-from") == ""
        page.click("[data-aw-chips] [data-aw-remove=tag]")
        # CVPR 2025 with code in segmentation: park, xiong (lee has no code)
        assert listed(page) == ["park2024realtime", "xiong2024efficient"]
        page.click("[data-aw-chips] [data-aw-remove=code]")
        assert listed(page) == ["park2024realtime", "xiong2024efficient", "lee2024depth"]
        assert not page.is_checked("[data-aw-code]")
        page.click("[data-aw-clear-all]")
        assert chips(page) == []
        assert not page.locator("[data-aw-clear-all]").is_visible()
        assert len(listed(page)) == 10
        page.wait_for_function("location.search === ''")
        trouble.assert_clean()


def test_the_feeds_of_the_chosen_tags_and_category_are_linked(base):
    with browser_page() as (page, trouble):
        open_explorer(page, base, "?tag=video&cat=medical")
        links = page.eval_on_selector_all(
            "[data-aw-feeds] a", "as => as.map(a => [a.textContent, a.getAttribute('href')])"
        )
        assert links == [
            ["Atom feed of tag video", "../feeds/tags/video.xml"],
            ["Atom feed of Medical & Health", "../feeds/categories/medical.xml"],
        ]
        for _, href in links:
            assert page.request.get(base + "explore/" + href).ok
        page.click("[data-aw-clear-all]")
        assert not page.locator("[data-aw-feeds]").is_visible()
        trouble.assert_clean()


def test_result_rows_carry_the_same_coins_as_the_pages(base):
    catalog = load_catalog(FIXTURE)
    with browser_page() as (page, trouble):
        open_explorer(page, base)
        rows = page.eval_on_selector_all(
            "[data-aw-results] article",
            "rows => rows.map(r => [r.dataset.key, r.querySelector('.Z3988').getAttribute('title')])",
        )
        assert len(rows) == 10
        # byte for byte what exports/coins.py writes on the category and tag pages
        assert [tuple(r) for r in rows] == [(k, coins_title(catalog.entries[k])) for k, _ in rows]
        xiong = dict(parse_qsl(dict(rows)["xiong2024efficient"]))
        assert xiong["rft.atitle"].startswith("Efficient")
        assert xiong["rft.btitle"] == "CVPR 2025"
        assert xiong["rft_id"] == "info:arxiv/2411.18933"
        trouble.assert_clean()


def test_keyboard_only(base):
    with browser_page() as (page, trouble):
        open_explorer(page, base)

        def focused() -> str:
            return page.evaluate(
                "(() => { const e = document.activeElement;"
                " return e.id || e.getAttribute('data-aw-remove') || e.tagName; })()"
            )

        page.focus("#aw-q")
        page.keyboard.type("memory")
        assert listed(page) == ["yang2024samurai", "ravi2024sam"]
        page.keyboard.press("Escape")  # empties the box
        assert page.input_value("#aw-q") == ""
        assert len(listed(page)) == 10
        # Tab order: search, sort, the filters' summary, then the filters in reading order
        page.keyboard.press("Tab")
        assert focused() == "aw-sort"
        page.keyboard.press("Tab")
        assert focused() == "SUMMARY"
        page.keyboard.press("Tab")
        assert focused() == "aw-tag"
        page.keyboard.press("ArrowDown")  # the first tag: video
        assert chips(page) == ["with video"]
        assert len(listed(page)) == 5
        # Escape inside the filters closes them and leaves the focus on their summary
        page.keyboard.press("Escape")
        assert page.locator("[data-aw-filters]").get_attribute("open") is None
        assert focused() == "SUMMARY"
        # on to the chip; Enter removes it and the focus goes back to the search box
        page.keyboard.press("Tab")
        assert focused() == "tag"
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
            "Remove the filter: with video"
        )
        page.keyboard.press("Enter")
        assert chips(page) == []
        assert focused() == "aw-q"
        assert len(listed(page)) == 10
        # every control has a name a screen reader reads
        unnamed = page.evaluate("""() => [...document.querySelectorAll(
            '[data-aw-explore] input, [data-aw-explore] select, [data-aw-explore] button')]
            .filter(e => !e.hidden && !(e.labels && e.labels.length) &&
                    !e.getAttribute('aria-label') && !e.textContent.trim())
            .map(e => e.outerHTML)""")
        assert unnamed == []
        trouble.assert_clean()
