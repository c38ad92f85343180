"""`mkdocs-awesome generate --project OUT` built by Zensical (and by a plain MkDocs without our
plugin) gives the site the plugin's MkDocs build gives: the same URLs, nav, home page blocks,
citation metadata, and working scripts in Chromium."""

from __future__ import annotations

import hashlib
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from browser import browser_page, serve_dir
from sitebuild import FIXTURES, REPO, make_project, mkdocs_build
from zensical_helpers import (
    element,
    generate_project,
    head_citation,
    nav_links,
    run,
    site_files,
    zensical_build,
)

TRICKY = "Edges <b>bold</b> & \"quotes\" </script>"
HOME = """# Test list

<!-- awesome:summary -->

<!-- awesome:chart -->

## Browse

<!-- awesome:categories -->

A marker shown as code stays text:

```markdown
<!-- awesome:summary -->
```
"""


def _tree_hash(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and not {"site", ".cache"} & set(p.relative_to(root).parts)
    }


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """(plugin's MkDocs site, Zensical site of the project, plain MkDocs site, project, root)."""
    tmp = tmp_path_factory.mktemp("zensical")
    root = make_project(
        tmp, FIXTURES / "minimal", home=HOME,
        config={"theme": {"name": "material", "font": False,
                          "features": ["navigation.indexes", "content.code.copy"]}},
    )
    (root / "entries" / "papers" / "lee2024tricky.yaml").write_text(yaml.safe_dump({
        "title": TRICKY, "authors": ["Ann Lee"], "date": "2024-09", "categories": ["image"],
        "tags": ["zero-shot"], "links": {"paper": "https://example.org/tricky"},
    }), encoding="utf-8")
    (root / "docs" / "about.md").write_text("# About\n\nPlain page.\n", encoding="utf-8")
    (root / "docs" / "logo.txt").write_text("not a page\n", encoding="utf-8")
    built = mkdocs_build(root, strict=True)
    assert built.returncode == 0, built.output
    before = _tree_hash(root)
    out = tmp / "out"
    proc = generate_project(root, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _tree_hash(root) == before, "generate --project changed the user's files"
    zs = zensical_build(out)
    assert zs.returncode == 0, zs.stdout + zs.stderr
    assert "Traceback" not in zs.stdout + zs.stderr
    plain = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site-mkdocs"], out)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    return built.site, out / "site", out / "site-mkdocs", out, root


def test_the_project_holds_config_pages_theme_override_and_no_plugin(sites):
    _, _, _, out, _ = sites
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8").split("\n", 1)[1])
    assert config["plugins"] == ["search"]
    assert config["theme"]["custom_dir"] == "overrides"
    assert "assets/awesome/awesome.css" in config["extra_css"]
    assert (out / "overrides" / "main.html").is_file()
    home = (out / "docs" / "index.md").read_text(encoding="utf-8")
    assert '<div class="aw-summary-block">' in home
    assert "```markdown\n<!-- awesome:summary -->\n```" in home  # the code block is untouched
    assert (out / "docs" / "papers" / "ravi2024sam.md").is_file()
    assert (out / "docs" / "logo.txt").read_text(encoding="utf-8") == "not a page\n"


@pytest.mark.parametrize("engine", [1, 2], ids=["zensical", "plain-mkdocs"])
def test_same_pages_and_downloads_as_the_plugin_build(sites, engine):
    plugin_site, other = sites[0], sites[engine]
    ours, theirs = site_files(plugin_site), site_files(other)
    assert ours == theirs, (sorted(ours - theirs), sorted(theirs - ours))
    assert "papers/lee2024tricky/index.html" in theirs
    assert "cite/all.bib" in theirs and "explore/papers.json" in theirs
    for rel in ("cite/all.bib", "cite/papers/ravi2024sam.ris", "explore/papers.json"):
        assert (other / rel).read_bytes() == (plugin_site / rel).read_bytes(), rel


@pytest.mark.parametrize("page", ["about/", "papers/ravi2024sam/", "categories/image/", "new/"])
def test_same_nav_with_category_counts_and_tag_index(sites, page):
    plugin_site, zensical_site = sites[0], sites[1]
    ours = nav_links(plugin_site, page)
    assert ("/categories/medical/", "Medical (1)") in ours  # the tree has its counts
    assert ("/tags/", "Tags") in ours
    assert nav_links(zensical_site, page) == ours
    assert not any(url.startswith("/papers/") for url, _ in ours)  # papers stay out of the nav


def test_home_page_counts_chart_and_category_tree(sites):
    plugin_site, zensical_site = sites[0], sites[1]
    ours = (plugin_site / "index.html").read_text(encoding="utf-8")
    theirs = (zensical_site / "index.html").read_text(encoding="utf-8")
    for opening in ('<div class="aw-summary-block">', '<div class="aw-chart-home">',
                    '<div class="aw-page aw-page--categories">'):
        block = element(theirs, opening)
        assert block == element(ours, opening)
    assert "<strong>4</strong> papers" in element(theirs, '<div class="aw-summary-block">')
    assert "<svg" in element(theirs, '<div class="aw-chart-home">')
    # the marker in the code block is shown, escaped, not replaced
    assert "&lt;!-- awesome:summary --&gt;" in theirs


def test_paper_pages_carry_highwire_tags_and_json_ld(sites):
    plugin_site, zensical_site, plain_site = sites[0], sites[1], sites[2]
    papers = sorted(p.parent.name for p in (plugin_site / "papers").glob("*/index.html"))
    assert len(papers) == 4
    for key in papers:
        rel = f"papers/{key}/index.html"
        ours = head_citation((plugin_site / rel).read_text(encoding="utf-8"))
        assert ours[0] and len(ours[1]) == 1
        assert head_citation((zensical_site / rel).read_text(encoding="utf-8")) == ours, key
        assert head_citation((plain_site / rel).read_text(encoding="utf-8")) == ours, key
    # entry text stays escaped in every output of the project
    tricky = (zensical_site / "papers/lee2024tricky/index.html").read_text(encoding="utf-8")
    assert "<b>bold</b>" not in tricky
    assert 'content="Edges &lt;b&gt;bold&lt;/b&gt; &amp; &#34;quotes&#34; &lt;/script&gt;"' in tricky
    assert "&lt;b&gt;bold&lt;/b&gt;" in tricky[: tricky.index("</title>")]
    assert "</script>\"" not in tricky
    # feed links are in the <head> of user pages too
    about = (zensical_site / "about/index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in about[: about.index("</head>")]


def test_scripts_work_in_chromium_without_console_errors(sites):
    zensical_site = sites[1]
    with serve_dir(zensical_site) as base, browser_page() as (page, trouble):
        page.goto(base)
        assert page.locator(".aw-summary-block .aw-stats").inner_text().startswith("4 papers")
        page.goto(base + "explore/?q=medical")
        page.wait_for_selector("[data-aw-explore][data-aw-ready=yes]", timeout=15000)
        shown = page.locator("article[data-key]:visible")
        assert shown.count() == 1
        assert shown.first.get_attribute("data-key") == "zhu2024medical"
        page.goto(base + "stats/")
        assert page.locator("svg.aw-chart").count() >= 1
        page.goto(base + "new/")
        feed = page.locator('head link[type="application/atom+xml"]').first.get_attribute("href")
        assert page.request.get(urljoin(page.url, feed)).text().lstrip().startswith("<?xml")
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(base + "categories/image/")
        page.locator("#kirillov2023segment .aw-cite").click()
        text = ""
        for _ in range(50):
            text = page.evaluate("navigator.clipboard.readText()")
            if text:
                break
            time.sleep(0.1)
        assert text.startswith("@misc{kirillov2023segment,")
        trouble.assert_clean()


def test_the_real_catalogue_builds_with_zensical_into_the_same_pages(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("mkdocs.yml", "docs", "entries"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    built = mkdocs_build(root)
    assert built.returncode == 0, built.output
    proc = generate_project(root, tmp_path / "out")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    zs = zensical_build(tmp_path / "out")
    assert zs.returncode == 0, zs.stdout + zs.stderr
    ours, theirs = site_files(built.site), site_files(tmp_path / "out" / "site")
    assert ours == theirs, (sorted(ours - theirs)[:20], sorted(theirs - ours)[:20])
    assert len([f for f in theirs if f.startswith("papers/")]) == len(
        list((REPO / "entries" / "papers").glob("*.yaml"))
    )
    assert nav_links(tmp_path / "out" / "site", "contributing/") == nav_links(
        built.site, "contributing/"
    )
