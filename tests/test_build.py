"""Real MkDocs builds of small catalogues: pages, nav, downloads, and bad input."""

from __future__ import annotations

import re
import shutil

import pytest
from sitebuild import FIXTURES, hrefs, make_project, mkdocs_build, paper_keys_listed


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("minimal"), FIXTURES / "minimal")
    result = mkdocs_build(root, strict=True)
    assert result.returncode == 0, result.output
    return result


def test_every_paper_has_a_permalink_page(built):
    page = built.page("papers/ravi2024sam/index.html")
    assert '<h1 id="ravi2024sam" class="aw-title">SAM 2: Segment Anything in Images and Videos</h1>' in page
    assert "Nikhila Ravi, Valentin Gabeur" in page
    assert 'href="https://github.com/facebookresearch/sam2"' in page
    assert 'href="https://arxiv.org/abs/2408.00714"' in page
    assert "Extends SAM to video with a streaming memory." in page
    assert "ICLR 2025" in page
    # links to its categories and tags, relative to the paper page
    assert 'href="../../categories/video/"' in page
    assert 'href="../../tags/zero-shot/"' in page
    # a BibTeX block Material can put its copy button on
    assert re.search(r'<pre><code class="language-bibtex">@\w+\{ravi2024sam,', page)
    for key in ("zhu2024medical", "kirillov2023segment"):
        assert (built.site / "papers" / key / "index.html").is_file()


def test_category_pages_hold_exactly_their_papers_newest_first(built):
    assert paper_keys_listed(built.page("categories/image/index.html")) == [
        "ravi2024sam", "kirillov2023segment",
    ]
    assert paper_keys_listed(built.page("categories/video/index.html")) == ["ravi2024sam"]
    assert paper_keys_listed(built.page("categories/medical/index.html")) == ["zhu2024medical"]
    parent = built.page("categories/segmentation/index.html")
    assert '<a href="../video/">Video Segmentation</a>' in parent


def test_category_rows_show_date_title_authors_venue_tags_links(built):
    page = built.page("categories/image/index.html")
    row = page[page.index('id="ravi2024sam"'):]
    row = row[: row.index("</article>")]
    assert '<time class="aw-date" datetime="2024-08-01">2024-08-01</time>' in row
    assert '<a class="aw-paper__title" href="../../papers/ravi2024sam/">SAM 2: Segment Anything in Images and Videos</a>' in row
    assert "Nikhila Ravi and Valentin Gabeur" in row
    assert "ICLR 2025" in row
    assert 'href="../../tags/video/"' in row
    assert 'class="aw-link aw-link--code" href="https://github.com/facebookresearch/sam2"' in row


def test_nav_has_categories_in_list_order_with_counts_and_no_paper_pages(built):
    home = built.page("index.html")
    nav = home[home.index('md-nav--primary'):]
    labels = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)
    wanted = ["Segmentation (2)", "Video Segmentation (1)", "Image Segmentation (2)", "Medical (1)"]
    positions = [labels.index(w) for w in wanted]
    assert positions == sorted(positions), labels
    assert not [h for h in hrefs(home, within="md-nav--primary") if "papers/" in h]


def test_tag_index_and_tag_pages(built):
    index = built.page("tags/index.html")
    for tag, count in (("video", 2), ("medical", 1), ("zero-shot", 2)):
        assert re.search(
            rf'<a class="aw-tag" href="\./{tag}/">{tag}</a></td><td class="aw-num">{count}</td>', index
        ) or re.search(rf'href="{tag}/">{tag}</a></td><td class="aw-num">{count}</td>', index), tag
    assert "Works on video." in index
    assert paper_keys_listed(built.page("tags/video/index.html")) == ["ravi2024sam", "zhu2024medical"]


def test_whole_list_bibtex_is_downloadable_from_home(built):
    home = built.page("index.html")
    assert 'href="cite/all.bib"' in home
    bib = (built.site / "cite" / "all.bib").read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([a-z0-9]+),", bib, flags=re.M)
    assert sorted(keys) == ["kirillov2023segment", "ravi2024sam", "zhu2024medical"]
    assert "<strong>3</strong> papers" in home


def test_nothing_is_written_into_docs(built):
    assert sorted(p.name for p in (built.root / "docs").iterdir()) == ["index.md"]


def test_broken_entry_is_reported_and_the_rest_still_builds(tmp_path):
    entries = tmp_path / "entries"
    shutil.copytree(FIXTURES / "minimal", entries)
    (entries / "papers" / "broken2024x.yaml").write_text(
        "title: Broken\nauthors: [A B]\ndate: '2024-08'\ncategories: [image]\ntags: [video]\n"
        "links:\n  paper: javascript:alert(1)\n",
        encoding="utf-8",
    )
    root = make_project(tmp_path, entries)
    plain = mkdocs_build(root)
    assert plain.returncode == 0, plain.output
    assert "entries/papers/broken2024x.yaml:7: links.paper: 'javascript:alert(1)' is not an http(s) URL" in plain.output
    assert "Traceback" not in plain.output
    assert (plain.site / "papers" / "ravi2024sam" / "index.html").is_file()
    assert not (plain.site / "papers" / "broken2024x").exists()
    strict = mkdocs_build(root, strict=True)
    assert strict.returncode != 0
    assert "Traceback" not in strict.output


def test_yaml_syntax_error_does_not_crash_the_build(tmp_path):
    entries = tmp_path / "entries"
    shutil.copytree(FIXTURES / "minimal", entries)
    (entries / "papers" / "syntax2024x.yaml").write_text("title: [oops\n", encoding="utf-8")
    (entries / "tags.yaml").write_text("video: Works on video.\nmedical: x\nzero-shot: y\nvideo: again\n")
    root = make_project(tmp_path, entries)
    plain = mkdocs_build(root)
    assert plain.returncode == 0, plain.output
    assert "entries/papers/syntax2024x.yaml:2: YAML syntax error" in plain.output
    assert "entries/tags.yaml:4: video: duplicate key 'video'" in plain.output
    assert "Traceback" not in plain.output
