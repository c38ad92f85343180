"""`mkdocs-awesome generate OUTDIR`: the pages and files as plain files, built by a plain MkDocs
(Material and search only, without our plugin), as Zensical or any other generator would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sitebuild import FIXTURES, hrefs

CLI = [sys.executable, "-m", "mkdocs_awesome_plugin.cli"]
TRICKY = "--- title: injected\\n---: 'quotes' \"double\" # hash <b>bold</b> & more"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def plain_build(root: Path) -> subprocess.CompletedProcess:
    manifest = json.loads((root / "docs" / ".awesome-generated.json").read_text())
    config = {
        "site_name": "Plain",
        "site_url": "http://127.0.0.1:8000/",
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "extra_css": manifest["extra_css"],
        "extra_javascript": manifest["extra_javascript"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", "site"], cwd=root, capture_output=True,
        text=True, timeout=600, env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", root / "entries")
    (root / "entries" / "papers" / "lee2024tricky.yaml").write_text(
        yaml.safe_dump({
            "title": TRICKY.replace("\\n", " "), "authors": ["Ann Lee"], "date": "2024-09",
            "categories": ["image"], "tags": ["zero-shot"],
            "links": {"paper": "https://example.org/tricky"},
        }),
        encoding="utf-8",
    )
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    return root


def test_generated_pages_build_with_plain_mkdocs(project):
    proc = run("generate", "docs", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "load in every page: extra_css: ['assets/awesome/awesome.css'" in proc.stdout
    docs = project / "docs"
    page = (docs / "papers" / "ravi2024sam.md").read_text(encoding="utf-8")
    assert page.startswith(
        "---\ntitle: 'SAM 2: Segment Anything in Images and Videos'\ntags:\n- video\n- zero-shot\n---\n\n"
        '<div class="aw-page aw-page--paper" data-key="ravi2024sam">\n'
    )
    # front matter stays one mapping whatever the title holds (HTML-escaped for Material)
    front = (docs / "papers" / "lee2024tricky.md").read_text(encoding="utf-8").split("\n---\n")[0]
    assert yaml.safe_load(front.removeprefix("---\n")) == {
        "title": "--- title: injected ---: &#x27;quotes&#x27; &quot;double&quot; # hash "
                 "&lt;b&gt;bold&lt;/b&gt; &amp; more",
        "tags": ["zero-shot"],
    }
    for rel in ("cite/all.bib", "cite/papers/ravi2024sam.ris", "cite/categories/video.json",
                "assets/awesome/awesome.css", "categories/segmentation/index.md",
                "categories/video.md", "tags/index.md", "tags/zero-shot.md"):
        assert (docs / rel).is_file(), rel

    built = plain_build(project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    html = (site / "papers" / "ravi2024sam" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="ravi2024sam" class="aw-title">SAM 2: Segment Anything in Images and Videos</h1>' in html
    assert "<title>SAM 2: Segment Anything in Images and Videos - Plain</title>" in html
    assert "@inproceedings{ravi2024sam," in html  # the BibTeX block came through untouched
    assert "https://github.com/facebookresearch/sam2" in hrefs(html)
    tricky = (site / "papers" / "lee2024tricky" / "index.html").read_text(encoding="utf-8")
    assert "<b>bold</b>" not in tricky
    assert "&lt;b&gt;bold&lt;/b&gt;" in tricky
    # relative links between generated pages resolve in the built site
    category = (site / "categories" / "video" / "index.html").read_text(encoding="utf-8")
    assert "../../papers/ravi2024sam/" in hrefs(category)
    assert (site / "categories" / "video" / "../../papers/ravi2024sam/index.html").resolve().is_file()
    assert (site / "cite" / "all.bib").is_file()


def test_generate_again_changes_nothing_and_removes_what_is_gone(project):
    assert run("generate", "docs", cwd=project).returncode == 0
    again = run("generate", "docs", cwd=project)
    assert again.returncode == 0
    assert again.stdout.startswith("docs: 0 files written, ")
    (project / "entries" / "papers" / "zhu2024medical.yaml").unlink()
    proc = run("generate", "docs", cwd=project)
    assert proc.returncode == 0
    assert not (project / "docs" / "papers" / "zhu2024medical.md").exists()
    assert not (project / "docs" / "cite" / "papers" / "zhu2024medical.bib").exists()
    assert "4 removed" in proc.stdout  # the page and its .bib, .json and .ris
    manifest = json.loads((project / "docs" / ".awesome-generated.json").read_text())
    assert "papers/zhu2024medical.md" not in manifest["files"]
    assert (project / "docs" / "index.md").read_text() == "# Home\n"  # the user's page stays


def test_generate_never_overwrites_a_file_it_did_not_write(project):
    mine = project / "docs" / "tags" / "index.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("# My own tag page\n", encoding="utf-8")
    proc = run("generate", "docs", cwd=project)
    assert proc.returncode == 1
    assert "docs/tags/index.md: exists and was not written by generate; left alone" in proc.stdout
    assert mine.read_text() == "# My own tag page\n"
    assert run("generate", "docs", "--force", cwd=project).returncode == 0
    assert mine.read_text().startswith("---\ntitle: Tags\n---\n")
