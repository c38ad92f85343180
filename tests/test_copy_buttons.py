"""Copying citations in a real browser: Material's copy button on BibTeX blocks, and per-row cite."""

from __future__ import annotations

import pytest
from browser import browser_page, serve_dir
from sitebuild import FIXTURES, make_project, mkdocs_build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("copy"), FIXTURES / "minimal")
    built = mkdocs_build(root, strict=True)
    assert built.returncode == 0, built.output
    return built.site


def _clipboard(page) -> str:
    # the copy may land a moment after the click on a busy machine: poll for up to 5 s
    text = ""
    for _ in range(50):
        text = page.evaluate("navigator.clipboard.readText()")
        if text:
            break
        page.wait_for_timeout(100)
    return text


def test_bibtex_block_has_a_copy_button_that_copies_the_entry(site):
    with serve_dir(site) as base, browser_page() as (page, trouble):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(base + "papers/ravi2024sam/")
        button = page.locator(".aw-bibtex button.md-code__button, .aw-bibtex .md-clipboard").first
        button.wait_for(state="attached", timeout=5000)
        page.locator(".aw-bibtex").hover()
        button.click()
        text = _clipboard(page)
        assert text.startswith("@inproceedings{ravi2024sam,")
        assert "title = {{SAM} 2: Segment Anything in Images and Videos}" in text
        trouble.assert_clean()


def test_cite_button_on_a_category_row_copies_that_entry(site):
    with serve_dir(site) as base, browser_page() as (page, trouble):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(base + "categories/image/")
        page.locator("#kirillov2023segment .aw-cite").click()
        text = _clipboard(page)
        assert text.startswith("@misc{kirillov2023segment,")
        assert "doi = {10.1109/ICCV51070.2023.00371}" in text
        assert "ravi2024sam" not in text
        trouble.assert_clean()
