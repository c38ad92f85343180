"""The README's preview, `mkdocs serve --livereload --dirty`, against the real server: each edit
to the entries shows in the pages it affects and in search, and nothing stale is left.

A dirty rebuild renders only the generated files whose fingerprint changed (incremental.py);
these steps check that every page an edit touches is among them. No timings (see
benchmarks/serve_preview.py); timeouts are generous.
"""

from __future__ import annotations

import json

import pytest
from sitebuild import FIXTURES, make_project
from test_serve import fetch, mkdocs_serve, wait_for


@pytest.fixture
def dirty_server(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal")
    log = tmp_path / "serve.log"
    with mkdocs_serve(root, log, "--dirty") as base:
        yield root, base, log


def search_records(base: str) -> list[dict]:
    status, text = fetch(base + "search/search_index.json")
    return json.loads(text)["docs"] if status == 200 else []


def locations_with(base: str, words: str) -> list[str]:
    return sorted(r["location"] for r in search_records(base) if words in r["title"] + r["text"])


NEW_ENTRY = """title: "Segment Everything Everywhere All at Once"
authors: [Xueyan Zou, Jianwei Yang]
date: "2023-04-13"
categories: [medical]
tags: [medical]
links:
  paper: https://arxiv.org/abs/2304.06718
arxiv: "2304.06718"
"""


def test_dirty_serve_follows_every_kind_of_edit(dirty_server):
    root, base, log = dirty_server
    papers = root / "entries" / "papers"
    sam2 = papers / "ravi2024sam.yaml"
    original = sam2.read_text(encoding="utf-8")
    wait_for(lambda: fetch(base + "papers/ravi2024sam/")[0] == 200, "the first build", log)
    assert "3 papers" in fetch(base)[1]
    assert locations_with(base, "Nikhila Ravi") == ["papers/ravi2024sam/"]

    # 1. edit a title: the paper, its listings, the explorer data, the feed and search
    sam2.write_text(original.replace("in Images and Videos", "in Pictures and Films"), "utf-8")
    wait_for(lambda: "in Pictures and Films" in fetch(base + "papers/ravi2024sam/")[1],
             "the edited title on the paper's page", log)
    for url in ("categories/video/", "categories/image/", "categories/segmentation/",
                "tags/zero-shot/", "tags/video/", "new/", "explore/papers.json"):
        status, html = fetch(base + url)
        assert status == 200 and "in Pictures and Films" in html, url
        assert "in Images and Videos" not in html, url
    assert locations_with(base, "in Pictures and Films") == ["papers/ravi2024sam/"]
    assert locations_with(base, "in Images and Videos") == []
    # pages the edit does not touch are all still in the search index
    assert locations_with(base, "Jiayuan Zhu") == ["papers/zhu2024medical/"]

    # 2. add an entry: its page, its category and tag, the home page's counts, search
    (papers / "zou2023segment.yaml").write_text(NEW_ENTRY, encoding="utf-8")
    wait_for(lambda: fetch(base + "papers/zou2023segment/")[0] == 200, "the new paper", log)
    assert "Segment Everything Everywhere" in fetch(base + "categories/medical/")[1]
    assert "Segment Everything Everywhere" in fetch(base + "tags/medical/")[1]
    assert "4 papers" in fetch(base)[1]
    assert locations_with(base, "Xueyan Zou") == ["papers/zou2023segment/"]

    # 3. move an entry to another category
    moved = sam2.read_text(encoding="utf-8").replace(
        "categories: [video, image]", "categories: [medical]")
    sam2.write_text(moved, encoding="utf-8")
    wait_for(lambda: "in Pictures and Films" in fetch(base + "categories/medical/")[1],
             "the moved entry in its new category", log)
    assert "in Pictures and Films" not in fetch(base + "categories/video/")[1]
    assert "in Pictures and Films" not in fetch(base + "categories/image/")[1]
    assert "categories/medical/" in fetch(base + "papers/ravi2024sam/")[1]

    # 4. rename a tag (vocabulary and entries): the old tag's page is gone
    tags = root / "entries" / "tags.yaml"
    tags.write_text(tags.read_text(encoding="utf-8").replace("zero-shot:", "zeroshot:"), "utf-8")
    for path in papers.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("zero-shot", "zeroshot"), encoding="utf-8")
    wait_for(lambda: fetch(base + "tags/zeroshot/")[0] == 200, "the renamed tag's page", log)
    wait_for(lambda: fetch(base + "tags/zero-shot/")[0] == 404, "the old tag's page gone", log)
    assert "in Pictures and Films" in fetch(base + "tags/zeroshot/")[1]
    assert "tags/zeroshot/" in fetch(base + "papers/ravi2024sam/")[1]
    assert "zero-shot" not in fetch(base + "tags/")[1]

    # 5. delete an entry: its page, listing rows and search record go
    (papers / "zou2023segment.yaml").unlink()
    wait_for(lambda: fetch(base + "papers/zou2023segment/")[0] == 404, "the deleted paper", log)
    assert "Segment Everything Everywhere" not in fetch(base + "categories/medical/")[1]
    assert "3 papers" in fetch(base)[1]
    assert locations_with(base, "Xueyan Zou") == []

    # 6. break an entry and fix it: the error in the log, then the fixed version everywhere
    sam2.write_text(original.replace('date: "2024-08-01"', 'date: "2024-08-01" oops: x'), "utf-8")
    wait_for(lambda: "ravi2024sam.yaml:6: YAML syntax error" in log.read_text(errors="replace"),
             "the error in the log", log)
    assert fetch(base + "papers/ravi2024sam/")[0] == 200  # its last valid version stays
    sam2.write_text(original.replace("zero-shot", "zeroshot"), encoding="utf-8")
    wait_for(lambda: "in Images and Videos" in fetch(base + "papers/ravi2024sam/")[1],
             "the fixed entry", log)
    for url in ("categories/video/", "categories/image/", "tags/zeroshot/", "tags/video/"):
        assert "in Images and Videos" in fetch(base + url)[1], url
    assert "in Images and Videos" not in fetch(base + "categories/medical/")[1]
    assert locations_with(base, "in Images and Videos") == ["papers/ravi2024sam/"]
    assert len([r for r in search_records(base) if r["location"].startswith("papers/")]) == 3
    assert "Traceback" not in log.read_text(errors="replace")
