"""The rendering core without MkDocs: markers, TOC tokens, template overrides, the features'
context, and the plugin's produced download files."""

from __future__ import annotations

import pytest
from sitebuild import FIXTURES, make_project

from mkdocs_awesome_plugin.build import CatalogBuild
from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.features import FEATURES
from mkdocs_awesome_plugin.features.base import PAGE_MARKER, Feature, FeatureContext
from mkdocs_awesome_plugin.render import charts
from mkdocs_awesome_plugin.render.environment import script_json, template_env
from mkdocs_awesome_plugin.render.site import layout_for
from mkdocs_awesome_plugin.render.toc import toc_tokens


@pytest.fixture(scope="module")
def build() -> CatalogBuild:
    catalog = load_catalog(FIXTURES / "minimal")
    return CatalogBuild(catalog, layout_for(catalog), features=FEATURES)


# --- markers ---------------------------------------------------------------------------------

def test_generated_page_markdown_is_its_marker(build):
    page = build.page_for("papers/ravi2024sam.md")
    assert page.placeholder == PAGE_MARKER == "<!-- awesome:page -->\n"
    filled = build.fill("<!-- awesome:page -->\n", page.src, "papers/ravi2024sam/")
    assert filled.startswith('<div class="aw-page aw-page--paper" data-key="ravi2024sam">')
    assert filled == build.render_page(page, "papers/ravi2024sam/") + "\n"


def test_fill_replaces_known_markers_and_keeps_the_rest(build):
    html = (
        "<h1>Home</h1>\n<!-- awesome:summary -->\n<p>x <!--awesome:chart--> y</p>\n"
        "<!-- awesome:page -->\n<!-- awesome:nosuch -->\n<pre><code>&lt;!-- awesome:summary --&gt;"
    )
    out = build.fill(html, "index.md", "")
    assert out.count('<div class="aw-summary-block">') == 1
    assert '<p>x <div class="aw-chart-home">' in out
    assert '<a href="stats/">More statistics</a>' in out  # linked from the home page's URL
    # `page` means nothing on a page the catalogue did not generate; unknown markers stay
    assert "<!-- awesome:page -->\n<!-- awesome:nosuch -->" in out
    assert out.endswith("<pre><code>&lt;!-- awesome:summary --&gt;")
    assert build.fill("<p>plain</p>", "index.md", "") == "<p>plain</p>"


def test_categories_marker_is_the_tree_without_the_index_heading(build):
    out = build.fill("<!-- awesome:categories -->", "about/index.md", "about/")
    assert out.startswith('<div class="aw-page aw-page--categories">\n<p class="aw-count">')
    assert "<h1" not in out
    assert '<a href="../categories/segmentation/">Segmentation</a>' in out


# --- tables of contents -----------------------------------------------------------------------

def test_toc_tokens_nest_headings_by_level():
    html = (
        '<h1 id="t" class="aw-title">Title &amp; <i>more</i></h1><p>x</p>'
        '<h2 id="a">A</h2><h3 id="a1">A.1</h3><h2 id="b">\nB\n</h2><h4>no id</h4>'
        '<h3 id="b1">B.1</h3><h1 id="u">Second</h1>'
    )
    assert toc_tokens(html) == [
        {"level": 1, "id": "t", "name": "Title &amp; more", "children": [
            {"level": 2, "id": "a", "name": "A", "children": [
                {"level": 3, "id": "a1", "name": "A.1", "children": []},
            ]},
            {"level": 2, "id": "b", "name": "B", "children": [
                {"level": 3, "id": "b1", "name": "B.1", "children": []},
            ]},
        ]},
        {"level": 1, "id": "u", "name": "Second", "children": []},
    ]
    assert toc_tokens("<p>no headings</p>") == []


# --- templates --------------------------------------------------------------------------------

def test_override_folder_wins_and_packaged_stays_reachable(tmp_path):
    (tmp_path / "summary.html").write_text(
        '<p class="mine">{{ total }} & {{ "<b>" }}</p>{% include "packaged/summary.html" %}',
        encoding="utf-8",
    )
    catalog = load_catalog(FIXTURES / "minimal")
    build = CatalogBuild(catalog, layout_for(catalog), template_overrides=tmp_path)
    out = build.renderer.summary_block("")
    assert out.startswith('<p class="mine">3 & &lt;b&gt;</p><div class="aw-summary-block">')
    # templates not overridden come from the package
    assert "aw-page--tags" in build.render_page(build.page_for("tags/index.md"), "tags/")


def test_charts_render_through_the_given_environment(tmp_path):
    (tmp_path / "chart_share.svg").write_text("<svg>{{ part_tip }}</svg>", encoding="utf-8")
    env = template_env(tmp_path)
    args = dict(cid="c", label="L", part_name="With <code>", rest_name="Without")
    assert charts.share_bar(1, 4, env=env, **args) == "<svg>With &lt;code&gt;: 1 (25%)</svg>"
    packaged = charts.share_bar(1, 4, **args)
    assert packaged.startswith('<svg class="aw-chart aw-chart--share" role="img"')


def test_head_html_of_a_paper_page(build):
    page = build.page_for("papers/kirillov2023segment.md")
    head = build.head_html(page, "papers/kirillov2023segment/", None)
    assert head.startswith(
        '\n<link rel="alternate" type="application/atom+xml" title="New papers (Atom)" '
        'href="../../feeds/all.xml">\n'
        '<meta name="citation_title" content="Segment Anything">\n'
        '<meta name="citation_author" content="Alexander Kirillov">\n'
        '<meta name="citation_author" content="Eric Mintun">\n'
        '<meta name="citation_publication_date" content="2023/04">\n'
        '<meta name="citation_pdf_url" content="https://arxiv.org/pdf/2304.02643">\n'
        '<meta name="citation_doi" content="10.1109/ICCV51070.2023.00371">\n'
        '<meta name="citation_arxiv_id" content="2304.02643">\n'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
    )
    assert head.endswith("}</script>\n")
    assert build.head_html(page, "papers/kirillov2023segment/", None, paper_meta=False) == (
        '\n<link rel="alternate" type="application/atom+xml" title="New papers (Atom)" '
        'href="../../feeds/all.xml">\n'
    )


def test_script_json_escapes_what_could_end_a_script():
    assert script_json({"t": "</script><!-- & \u2028"}) == (
        '{"t": "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}'
    )


# --- the features' context ----------------------------------------------------------------------

def test_features_get_a_narrow_context(build):
    for feature in build.features.values():
        assert type(feature.ctx) is FeatureContext
        assert not hasattr(feature, "build")
    ctx = build.features["news"].ctx
    assert ctx.catalog is build.catalog and ctx.layout is build.layout
    assert not hasattr(ctx, "features") and not hasattr(ctx, "render_page")


def test_site_address_set_on_the_build_reaches_the_features():
    catalog = load_catalog(FIXTURES / "minimal")
    build = CatalogBuild(catalog, layout_for(catalog), features=FEATURES, site_name="A")
    build.site_url = "https://example.org/"
    assert build.features["news"].ctx.site_url == "https://example.org/"
    assert build.features["news"].ctx.site_name == "A"


def test_a_new_feature_needs_only_the_context():
    class Count(Feature):
        name = "count"

        def markers(self):
            return {"count": lambda page_url: f"<b>{len(self.ctx.catalog.entries)}</b>"}

    catalog = load_catalog(FIXTURES / "minimal")
    build = CatalogBuild(catalog, layout_for(catalog), features=[Count])
    assert build.fill("<!-- awesome:count -->", "index.md", "") == "<b>3</b>"


# --- downloads produced when written (plugin.ProducedFile) ----------------------------------

def test_produced_file_uses_only_public_members(tmp_path):
    from mkdocs.config import load_config

    from mkdocs_awesome_plugin.plugin import ProducedFile

    root = make_project(tmp_path, FIXTURES / "minimal")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    calls = []

    def produce() -> str:
        calls.append(1)
        return "@misc{a,\n  title = {É}\n}\n"

    file = ProducedFile(config, "cite/all.bib", produce)
    assert calls == []  # nothing is produced (or held) until asked for
    assert "_content" not in vars(file)
    assert file.url == "cite/all.bib" and file.abs_src_path is None and file.is_modified()
    assert file.content_string == "@misc{a,\n  title = {É}\n}\n"
    assert file.content_bytes == "@misc{a,\n  title = {É}\n}\n".encode()
    file.copy_file(dirty=True)
    assert (tmp_path / "site" / "cite" / "all.bib").read_text(encoding="utf-8") == produce()
    assert len(calls) == 4  # produced afresh each time
    file.content_string = "replaced"  # another plugin may set the content
    assert file.content_bytes == b"replaced"
    file.content_bytes = b"bytes"
    assert file.content_string == "bytes"
    assert "_content" not in vars(file)


# --- the plugin stays thin ------------------------------------------------------------------

def test_plugin_events_are_documented_and_can_be_switched_off():
    import ast
    import inspect

    from mkdocs_awesome_plugin import plugin

    source = inspect.getsource(plugin)
    assert len(source.splitlines()) <= 200
    tree = ast.parse(source)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "AwesomePlugin")
    events = [n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_")]
    assert {e.name for e in events} >= {"on_config", "on_files", "on_page_content", "on_serve"}
    for event in events:
        doc = ast.get_docstring(event) or ""
        assert "priority" in doc or "Runs " in doc, event.name
        first = event.body[1]  # after the docstring
        assert isinstance(first, ast.If), event.name
        assert "not self.config.enabled" in ast.unparse(first.test), event.name
