"""Hostile entries from strangers' pull requests: nothing executes, nothing is lost, errors are clear.

The corpus is tests/fixtures/hostile/. It is built with the real MkDocs, and every page of the
result is opened in headless Chromium.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from browser import browser_page, serve_dir
from citation_helpers import check_bib_with_biber, check_bib_with_bibtex
from sitebuild import FIXTURES, make_project, mkdocs_build

# What the YAML of each accepted hostile entry says, written out by hand.
TITLES = {
    "script2024tag": '<script>alert("title")</script> Segment <img src=x onerror=alert("img")> Anything',
    "entity2024text": "&lt;/title&gt;&lt;script&gt;alert('entity')&lt;/script&gt; &amp; </title><script>alert('raw')</script>",
    "brace2024bib": "Stray } brace @misc{evil, title={pwned}} 100% $x^2$ #1 a_b ~ \\end{document}",
    "front2024matter": "--- title: injected: yes ---",
}
VENUE = "{{ 7*7 }} {% if true %}jinja{% endif %} {# comment #}"
SUMMARY = "[click me](javascript:alert('md')) **bold** <b>tag</b> `code` | a | b |"
AUTHOR = '"><svg onload=alert("author")>'
CATEGORY_TITLES = [
    'Tricks <b>&amp;</b> "Quotes" <script>alert("cat")</script>',
    "</title><script>alert('nav')</script>",
]
# file, line, field and words of the message for each rejected entry
REJECTED = [
    ("papers/badjs2024a.yaml", 7, "links.paper", "is not an http(s) URL"),
    ("papers/baddata2024b.yaml", 7, "links.paper", "is not an http(s) URL"),
    ("papers/badvb2024c.yaml", 8, "links.code", "is not an http(s) URL"),
    ("papers/badfile2024d.yaml", 7, "links.paper", "is not an http(s) URL"),
    ("papers/badslash2024e.yaml", 7, "links.paper", "is not an http(s) URL"),
    ("papers/badspace2024f.yaml", 7, "links.paper", "contains whitespace or control characters"),
    ("papers/badtab2024g.yaml", 7, "links.paper", "contains whitespace or control characters"),
    ("papers/badpython2024h.yaml", 1, "", "unsupported YAML tag"),
    ("papers/badctrl2024i.yaml", 1, "title", "control character U+0007"),
    ("papers/badsep2024j.yaml", 1, "title", "control character U+2028"),
]
PWNED = Path("/tmp/awesome-pwned")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    if PWNED.exists():
        PWNED.unlink()
    root = make_project(tmp_path_factory.mktemp("hostile"), FIXTURES / "hostile")
    built = mkdocs_build(root)
    assert built.returncode == 0, built.output
    return built


def test_rejected_entries_are_named_with_file_line_and_field(hostile_site):
    out = hostile_site.output
    for path, line, field, words in REJECTED:
        prefix = f"entries/{path}:{line}:" + (f" {field}:" if field else "")
        lines = [x for x in out.splitlines() if prefix in x]
        assert lines and words in lines[0], f"no '{prefix} …{words}' in:\n{out}"
        key = Path(path).stem
        assert not (hostile_site.site / "papers" / key).exists()
    assert "Traceback" not in out
    assert not PWNED.exists(), "a !!python tag was executed"


def test_strict_build_fails_on_the_hostile_corpus(hostile_site):
    strict = mkdocs_build(hostile_site.root, strict=True)
    assert strict.returncode != 0
    assert "Traceback" not in strict.output


def test_accepted_hostile_entries_are_built(hostile_site):
    for key in TITLES:
        assert (hostile_site.site / "papers" / key / "index.html").is_file()


def _all_pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.name != "404.html"
    )


# In-page checks: links and inline handlers that would run script.
_DOM_AUDIT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) bad.push(`${el.tagName} ${name}=${attr.value}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)) {
        const v = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
        if (v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text/html'))
          bad.push(`${el.tagName} ${name}=${attr.value}`);
      }
    }
  }
  for (const s of document.querySelectorAll('script')) {
    if (!s.src && s.type !== 'application/ld+json' && /alert/.test(s.textContent))
      bad.push('inline script: ' + s.textContent.slice(0, 80));
  }
  return bad;
}"""


def test_every_page_in_chromium_runs_nothing_and_fetches_nothing_foreign(hostile_site):
    pages = _all_pages(hostile_site.site)
    assert len(pages) > 10
    with serve_dir(hostile_site.site) as base, browser_page() as (page, trouble):
        for rel in pages:
            page.goto(base + rel)
            page.wait_for_load_state("load")
            page.wait_for_timeout(50)
            bad = page.evaluate(_DOM_AUDIT)
            assert bad == [], f"{rel}: {bad}"
            # hover and focus every link: an injected handler would fire here
            for link in page.locator("article a:visible").all()[:20]:
                link.hover()
        trouble.assert_clean()


def test_hostile_text_is_shown_literally(hostile_site):
    with serve_dir(hostile_site.site) as base, browser_page() as (page, trouble):
        for key, title in TITLES.items():
            page.goto(f"{base}papers/{key}/")
            assert page.locator("h1").first.inner_text() == title
            assert page.title() == f"{title} - Test list"
            meta = page.locator('meta[name="citation_title"]').get_attribute("content")
            assert meta == title
            ld = json.loads(page.locator('script[type="application/ld+json"]').text_content())
            assert title in (ld.get("headline"), ld.get("name"))
        page.goto(f"{base}papers/script2024tag/")
        body = page.locator(".aw-page").inner_text()
        assert VENUE in body
        assert SUMMARY in body
        assert AUTHOR in body
        assert "49" not in body  # {{ 7*7 }} was not evaluated by Jinja
        # category titles in the nav and on their pages
        page.goto(f"{base}categories/tricky/")
        assert page.locator("h1").first.inner_text() == CATEGORY_TITLES[0]
        nav_text = page.locator(".md-nav--primary").inner_text()
        for title in CATEGORY_TITLES:
            assert title in nav_text
        # tag descriptions on the tag index
        page.goto(f"{base}tags/")
        text = page.locator(".aw-page").inner_text()
        assert '<script>alert("tag")</script> & friends' in text
        assert "**not bold** [not a link](javascript:alert(1)) | pipe |" in text
        trouble.assert_clean()


def test_search_results_show_hostile_titles_without_running_them(hostile_site):
    with serve_dir(hostile_site.site) as base, browser_page() as (page, trouble):
        page.goto(base)
        page.keyboard.press("/")  # Material's search shortcut
        page.keyboard.type("Segment")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        page.wait_for_timeout(500)
        results = page.locator(".md-search-result").inner_text()
        assert TITLES["script2024tag"] in results
        assert page.evaluate(_DOM_AUDIT) == []
        trouble.assert_clean()


def test_hostile_bib_passes_bibtex_and_biber(hostile_site, tmp_path):
    bib = (hostile_site.site / "cite" / "all.bib").read_text(encoding="utf-8")
    assert sorted(check_bib_with_bibtex(tmp_path, bib)) == sorted(TITLES)
    assert sorted(check_bib_with_biber(tmp_path, bib)) == sorted(TITLES)


def test_hostile_csl_and_ris_keep_text_as_data(hostile_site):
    items = json.loads((hostile_site.site / "cite" / "all.json").read_text(encoding="utf-8"))
    assert {item["id"]: item["title"] for item in items} == TITLES
    ris = (hostile_site.site / "cite" / "all.ris").read_text(encoding="utf-8")
    records = [r for r in ris.split("ER  -") if r.strip()]
    assert len(records) == len(TITLES)
    ris_titles = sorted(
        line[6:] for line in ris.splitlines() if line.startswith("TI  - ")
    )
    assert ris_titles == sorted(TITLES.values())


def test_no_file_outside_the_site_is_written(hostile_site):
    docs = hostile_site.root / "docs"
    assert sorted(os.listdir(docs)) == ["index.md"]
