"""Our plugin alongside the plugins people pair with it, and under ProperDocs (the MkDocs 1.6
fork that still loads plugins): real builds, no traceback, each plugin does its job on our pages."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sitebuild import FIXTURES, REPO, make_project
from zensical_helpers import head_citation, run, site_files

POST = "---\ndate: 2024-01-02\ntags: [news]\n---\n\n# First post\n\nHello from the blog.\n"


def _git_commit(root: Path) -> None:
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"],
                ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "x"]):
        subprocess.run(cmd, cwd=root, check=True, capture_output=True)


@pytest.fixture(scope="module")
def with_plugins(tmp_path_factory):
    root = make_project(
        tmp_path_factory.mktemp("compat"), FIXTURES / "minimal",
        config={"plugins": [
            "search", "blog", "tags", {"awesome": {"entries_dir": "entries"}},
            {"rss": {"match_path": ".*", "length": 100}},
            {"git-revision-date-localized": {"fallback_to_build_date": True}},
            {"minify": {"minify_html": True}},
            # mkdocs-redirects lists the pages in its on_files, before ours (priority -50) adds
            # the generated ones: a redirect to one of them names its URL (docs/contributing.md)
            {"redirects": {"redirect_maps": {
                "old-home.md": "index.md",
                "old-sam2.md": "http://127.0.0.1:8000/papers/ravi2024sam/",
            }}},
        ]},
    )
    (root / "docs" / "blog" / "posts").mkdir(parents=True)
    (root / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    (root / "docs" / "blog" / "posts" / "first.md").write_text(POST, encoding="utf-8")
    (root / "docs" / "post-tags.md").write_text("# Tags of posts\n\n<!-- material/tags -->\n",
                                           encoding="utf-8")
    _git_commit(root)
    proc = run([sys.executable, "-m", "mkdocs", "build", "-d", "site"], root)
    return root, root / "site", proc


def test_builds_without_a_traceback(with_plugins):
    _, _, proc = with_plugins
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert not re.search(r"^WARNING +-", proc.stdout + proc.stderr, re.M), proc.stderr


def test_generated_pages_have_a_real_source_file_outside_docs(with_plugins):
    root, _, _ = with_plugins
    # every core page's Markdown is the one marker, so they share one source file
    sources = list((root / ".cache" / "mkdocs-awesome" / "pages").rglob("*.md"))
    assert len(sources) == 1
    assert sources[0].read_text(encoding="utf-8") == "<!-- awesome:page -->\n"
    assert not (root / "docs" / "papers").exists()


def test_rss_feed_lists_our_paper_pages(with_plugins):
    _, site, _ = with_plugins
    feed = ElementTree.parse(site / "feed_rss_created.xml")
    links = {item.findtext("link") for item in feed.iter("item")}
    assert "http://127.0.0.1:8000/papers/ravi2024sam/" in links
    assert "http://127.0.0.1:8000/blog/2024/01/02/first-post/" in links
    titles = {item.findtext("title") for item in feed.iter("item")}
    assert "SAM 2: Segment Anything in Images and Videos" in titles


def test_blog_and_tags_plugins_do_their_job(with_plugins):
    _, site, _ = with_plugins
    post = (site / "blog/2024/01/02/first-post/index.html").read_text(encoding="utf-8")
    assert "Hello from the blog." in post
    assert "md-tag" in post  # the tags plugin shows the post's tag
    ours = (site / "tags/index.html").read_text(encoding="utf-8")
    assert "aw-page" in ours  # our tag index keeps its URL
    listing = (site / "post-tags/index.html").read_text(encoding="utf-8")
    assert "news" in listing and "../blog/2024/01/02/first-post/" in listing


def test_minify_git_dates_and_redirects_work_on_our_pages(with_plugins):
    _, site, _ = with_plugins
    paper = (site / "papers/ravi2024sam/index.html").read_text(encoding="utf-8")
    assert "\n    " not in paper  # minified
    head = paper[: paper.index("</head>")]
    assert "name=citation_title" in head and head.count("application/ld+json") == 1
    assert "git-revision-date-localized-plugin" in paper  # a date, from the build date
    assert "http://127.0.0.1:8000/papers/ravi2024sam/" in (
        site / "old-sam2/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./"', (site / "old-home/index.html").read_text(encoding="utf-8"))


def test_properdocs_builds_the_catalogue_with_our_plugin(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("mkdocs.yml", "docs", "entries"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    proc = run([sys.executable, "-m", "properdocs", "build", "-d", "site"], root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    files = site_files(root / "site")
    papers = {f for f in files if f.startswith("papers/") and f.endswith("index.html")}
    assert len(papers) == len(list((REPO / "entries" / "papers").glob("*.yaml")))
    assert "cite/all.bib" in files and "explore/papers.json" in files
    some = sorted(papers)[0]
    metas, jsonld = head_citation((root / "site" / some).read_text(encoding="utf-8"))
    assert metas and len(jsonld) == 1
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'class="aw-summary-block"' in home and "<!-- awesome:" not in home.replace(
        "&lt;!-- awesome:", ""
    )
