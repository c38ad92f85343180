"""The nav the catalogue merges into a site's own (render/nav.py): golden files and a real build.

The golden files in tests/golden/nav/ were produced by the plugin's nav code as it stood before it
moved out of plugin.py (commit 25b90ca) and read by hand; the catalogue is tests/fixtures/minimal
with every feature. Each names the user's nav (after MkDocs' `nest_paths` when mkdocs.yml has
none), the nav options, and the nav expected.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sitebuild import FIXTURES, hrefs, make_project, mkdocs_build

from mkdocs_awesome_plugin.build import CatalogBuild
from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.features import FEATURES
from mkdocs_awesome_plugin.render.nav import CatalogNav, NavCategory, merge_nav, nav_paths
from mkdocs_awesome_plugin.render.site import layout_for

GOLDEN = Path(__file__).parent / "golden" / "nav"
CASES = sorted(p.stem for p in GOLDEN.glob("*.yaml"))


@pytest.fixture(scope="module")
def build() -> CatalogBuild:
    catalog = load_catalog(FIXTURES / "minimal")
    return CatalogBuild(catalog, layout_for(catalog), features=FEATURES)


def test_every_golden_case_is_present():
    assert CASES == [
        "no_user_nav", "user_nav_empty_docs", "user_nav_lists_our_pages", "user_nav_titled",
        "user_nav_titles_our_pages", "user_nav_without_counts",
    ]


@pytest.mark.parametrize("case", CASES)
def test_nav_matches_golden_file(build, case):
    golden = yaml.safe_load((GOLDEN / f"{case}.yaml").read_text(encoding="utf-8"))
    ours = build.nav(
        categories_title=golden["categories_title"], tags_title=golden["tags_title"],
        show_counts=golden["show_counts"],
    )
    user_nav = golden["user_nav"]
    before = yaml.safe_dump(user_nav)
    assert merge_nav(user_nav, ours) == golden["expected"]
    assert yaml.safe_dump(user_nav) == before  # the caller's nav is left as it was


def test_merge_works_on_plain_data_without_a_catalogue():
    ours = CatalogNav(
        categories_title="Topics", categories_index="c/index.md",
        categories=(NavCategory("A &amp; B", "c/a/index.md", 3, (NavCategory("Sub", "c/s.md", 1),)),),
        tags_title="Tags", tags_index="t/index.md", features=({"Explore": "e/index.md"},),
    )
    assert merge_nav([{"Home": "index.md"}], ours) == [
        {"Home": "index.md"},
        {"Topics": ["c/index.md", {"A &amp; B (3)": ["c/a/index.md", {"Sub (1)": "c/s.md"}]}]},
        {"Tags": "t/index.md"},
        {"Explore": "e/index.md"},
    ]
    assert list(nav_paths([{"x": ["a.md", {"y": "b.md"}]}, "c.md"])) == ["a.md", "b.md", "c.md"]


def test_user_nav_naming_our_pages_in_a_real_build(tmp_path):
    # (a page named inside a section would become that section's index page under Material's
    # navigation.indexes, so the tag index is named at the top level here)
    root = make_project(tmp_path, FIXTURES / "minimal", config={"nav": [
        {"Home": "index.md"},
        {"Browse": [{"By topic": "categories/index.md"}, {"About": "about.md"}]},
        "tags/index.md",
        {"Search": "explore/index.md"},
    ]})
    (root / "docs" / "about.md").write_text("# About\n\nAbout this list.\n", encoding="utf-8")
    built = mkdocs_build(root, strict=True)
    assert built.returncode == 0, built.output
    home = built.page("index.html")
    nav = home[home.index("md-nav--primary"):]
    labels = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)
    # the user's titles and order, our tree inside "By topic", our title for the bare tag index,
    # the features the user did not name at the end
    assert labels == [
        "Home", "Browse", "By topic", "Segmentation (2)", "Video Segmentation (1)",
        "Image Segmentation (2)", "Medical (1)", "About", "Tags", "Search", "Statistics",
        "What&#x27;s new",
    ]
    links = hrefs(home, within="md-nav--primary")
    assert links.count("categories/") == 1 and links.count("tags/") == 1
    assert links.count("explore/") == 1
