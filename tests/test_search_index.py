"""The lean search index: one record per paper (title, authors, venue, tags, ids; no BibTeX, no
links, no later sections) and no listing rows, on a real `mkdocs build`; and Material's search
in Chromium still finds a paper by its title, an author and its arXiv id."""

from __future__ import annotations

import json

from browser import browser_page, serve_dir
from sitebuild import FIXTURES, make_project, mkdocs_build

from mkdocs_awesome_plugin.build import search_lean


def test_search_lean_marks_what_a_reader_does_not_search():
    html = ('<div class="aw-page aw-page--paper" data-key="k">\n<h1 id="k" class="aw-title">T</h1>\n'
            '<p class="aw-paper__meta">m</p>\n<p class="aw-paper__buttons">b</p>\n'
            '<table><tr><th scope="row">Venue</th><td>V</td></tr>'
            '<tr><th scope="row">Code</th><td><a class="aw-url" href="u">u</a></td></tr></table>\n'
            '<h2 id="cite">Cite</h2>\n<h3 id="related">Related</h3>\n</div>')
    assert search_lean(html) == (
        '<h1 id="k" class="aw-title">T</h1>\n<div class="aw-page aw-page--paper" data-key="k">\n'
        '<p data-search-exclude="true" class="aw-paper__meta">m</p>\n'
        '<p data-search-exclude="true" class="aw-paper__buttons">b</p>\n'
        '<table><tr><th scope="row">Venue</th> <td>V</td></tr>'
        '<tr data-search-exclude="true"><th scope="row">Code</th> <td><a class="aw-url" href="u">u</a>'
        '</td></tr></table>\n<h2 data-search-exclude="true" id="cite">Cite</h2>\n'
        '<h3 data-search-exclude="true" id="related">Related</h3>\n</div>')


def test_one_record_per_paper_and_search_finds_it_in_chromium(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal")
    built = mkdocs_build(root, strict=True)
    assert built.returncode == 0, built.output
    docs = json.loads((built.site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    papers = [r for r in docs if r["location"].startswith("papers/")]
    assert sorted(r["location"] for r in papers) == [
        "papers/kirillov2023segment/", "papers/ravi2024sam/", "papers/zhu2024medical/"]
    sam2 = next(r for r in papers if r["location"] == "papers/ravi2024sam/")
    assert sam2["title"] == "SAM 2: Segment Anything in Images and Videos"
    for wanted in ("Nikhila Ravi", "ICLR 2025", "2408.00714", "zero-shot", "Video Segmentation"):
        assert wanted in sam2["text"], wanted
    for unwanted in ("@inproceedings", "https://github.com", "Download"):
        assert unwanted not in sam2["text"], unwanted
    # listing rows are not indexed: a paper's authors appear in its own record only
    assert [r["location"] for r in docs if "Nikhila Ravi" in r["text"]] == ["papers/ravi2024sam/"]
    assert "data-search-exclude" not in (built.site / "papers/ravi2024sam/index.html").read_text()

    with serve_dir(built.site) as base, browser_page() as (page, trouble):
        page.goto(base)
        for query in ("Segment Anything in Images", "Gabeur", "2408.00714"):
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially(query, delay=20)
            results = page.locator("a.md-search-result__link")
            results.first.wait_for(timeout=20000)
            hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
            assert any("papers/ravi2024sam/" in h for h in hrefs), (query, hrefs)
            box.fill("")
