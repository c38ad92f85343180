"""Smoke run of the build benchmark (benchmarks/): the harness runs and both sites build.

No timing is asserted; the figures live in benchmarks/results/build.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"
sys.path.insert(0, str(BENCH))

import synth  # noqa: E402

from mkdocs_awesome_plugin.catalog import load_catalog  # noqa: E402

N = 100
# by hand: 6 groups of 5 leaves, 60 tags
GROUPS, LEAVES, TAGS = 6, 30, 60
CATEGORIES = GROUPS + LEAVES  # 36
# home + categories index + 36 category pages + tags index + 60 tag pages + 100 paper pages
PAGES = 1 + 1 + CATEGORIES + 1 + TAGS + N  # 199
# bib, json and ris for: the whole list, each category, each tag, each paper
DOWNLOADS = 3 * (1 + CATEGORIES + TAGS + N)  # 591


def test_synthetic_catalogue_has_the_expected_shape(tmp_path):
    root = synth.write_project(N, tmp_path / "p")
    catalog = load_catalog(root / "entries", base_dir=root)
    assert catalog.errors == []
    assert len(catalog.entries) == N
    assert len(list((root / "entries" / "papers").glob("*.yaml"))) == N
    assert len(catalog.categories) == GROUPS
    assert all(len(group.children) == 5 for group in catalog.categories)
    assert len(catalog.all_categories()) == CATEGORIES
    assert len(catalog.tags) == TAGS and all(catalog.tags.values())
    leaves = {c.slug for c in catalog.all_categories() if not c.children}
    assert len(leaves) == LEAVES
    arxiv = [e.arxiv for e in catalog.entries.values() if e.arxiv]
    assert len(arxiv) == len(set(arxiv)) > N // 2
    for entry in catalog.entries.values():
        assert 1 <= len(entry.categories) <= 2 and set(entry.categories) <= leaves
        assert 1 <= len(entry.tags) <= 4
        assert 3 <= len(entry.authors) <= 12
        assert 80 <= len(entry.title) <= 100
    assert any(e.has_code for e in catalog.entries.values())
    assert any(e.venue for e in catalog.entries.values())
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "font: false" in config and "- search" in config and "- awesome:" in config
    assert (root / "docs" / "index.md").is_file()


def test_synthetic_catalogue_is_deterministic(tmp_path):
    a = synth.write_project(N, tmp_path / "a") / "entries"
    b = synth.write_project(N, tmp_path / "b") / "entries"
    files_a = sorted(p.relative_to(a) for p in a.rglob("*.yaml"))
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*.yaml"))
    assert all((a / p).read_bytes() == (b / p).read_bytes() for p in files_a)


@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bench")
    out = tmp / "build.md"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--sizes", str(N), "--pairs", "1", "--no-warmup",
         "--workdir", str(tmp / "work"), "--out", str(out), "--incremental-size", str(N),
         "--profile-sizes", str(N), "--keep"],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return tmp, out, proc


def test_harness_reports_both_variants(harness):
    _tmp, out, proc = harness
    report = out.read_text(encoding="utf-8")
    assert report.strip() == proc.stdout.strip()
    assert "## Full builds" in report and "## Targets (issue 6)" in report
    assert f"| {N} | 1 |" in report
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    result = data["results"][str(N)]
    for variant in ("plugin", "baseline"):
        assert len(result[variant]["runs"]) == 1
        assert result[variant]["median"] > 0
        assert result[variant]["site"]["files"] > PAGES + DOWNLOADS
    assert result["timers"]["phases"]["total"] > 0
    assert data["incremental"]["inprocess"]["second_cache_misses"] == 1
    assert data["profiles"][str(N)]["plugin_total"] > 0


def test_both_sites_have_the_same_pages_and_downloads(harness):
    tmp, _out, _proc = harness
    for variant in ("plugin", "baseline"):
        site = tmp / "work" / f"n{N}" / variant / "site"
        assert len(list((site / "papers").glob("*/index.html"))) == N, variant
        assert len(list((site / "tags").glob("*/index.html"))) == TAGS, variant
        assert (site / "tags" / "index.html").is_file()
        assert len(list((site / "categories").glob("*/index.html"))) == CATEGORIES, variant
        assert (site / "categories" / "index.html").is_file()
        cite = [p for p in (site / "cite").rglob("*") if p.is_file()]
        assert len(cite) == DOWNLOADS, variant
    docs = tmp / "work" / f"n{N}" / "baseline" / "docs"
    assert len(list(docs.rglob("*.md"))) == PAGES
