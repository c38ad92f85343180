"""tags.yaml may declare that a tag implies others (`surgical` implies `medical`): the loader
applies implied tags, the build shows them, and lint warns when an entry misses one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitebuild import make_project, mkdocs_build

from mkdocs_awesome_plugin.catalog import EntryCache, load_catalog
from mkdocs_awesome_plugin.catalog.vocabulary import parse_tag_vocabulary

FIXTURES = Path(__file__).parent / "fixtures"

TAGS = """\
video: Works on video.
medical: Medical images or video.
zero-shot: No task-specific training.
surgical:
  description: Surgical scenes.
  implies: [endoscopy]
endoscopy:
  description: Endoscopic images.
  implies: [medical]
"""

ENTRY = """\
title: Segmenting Surgical Video
authors: [Ada Lovelace]
date: "2024-08"
categories: [medical]
tags: [surgical, video]
links:
  paper: https://arxiv.org/abs/2409.00001
"""


@pytest.fixture
def entries(tmp_path) -> Path:
    root = tmp_path / "entries"
    shutil.copytree(FIXTURES / "minimal", root)
    (root / "tags.yaml").write_text(TAGS, encoding="utf-8")
    (root / "papers" / "lovelace2024segmenting.yaml").write_text(ENTRY, encoding="utf-8")
    return root


def test_implications_are_followed_through():
    tags, implies, problems = parse_tag_vocabulary(TAGS.encode(), "tags.yaml")
    assert problems == []
    assert tags["surgical"] == "Surgical scenes." and tags["video"] == "Works on video."
    assert implies == {"surgical": ("endoscopy", "medical"), "endoscopy": ("medical",)}


def test_the_loader_applies_implied_tags_and_warns_once_per_missing_tag(entries):
    catalog = load_catalog(entries, base_dir=entries)
    assert catalog.errors == []
    assert [(p.path, p.line, p.field, p.message) for p in catalog.warnings] == [
        ("papers/lovelace2024segmenting.yaml", 5, "tags", "'surgical' implies 'endoscopy'; add it"),
        ("papers/lovelace2024segmenting.yaml", 5, "tags", "'surgical' implies 'medical'; add it"),
    ]
    entry = catalog.entries["lovelace2024segmenting"]
    assert entry.tags == ["surgical", "video", "endoscopy", "medical"]
    assert entry in catalog.entries_with_tag("medical")


def test_an_entry_with_its_implied_tags_is_not_warned(entries):
    path = entries / "papers" / "lovelace2024segmenting.yaml"
    path.write_text(ENTRY.replace("[surgical, video]", "[medical, surgical, endoscopy]"))
    catalog = load_catalog(entries)
    assert catalog.problems == []
    assert catalog.entries["lovelace2024segmenting"].tags == ["medical", "surgical", "endoscopy"]


def test_the_cached_entry_keeps_its_tags_as_written(entries):
    cache = EntryCache()
    first = load_catalog(entries, cache=cache)
    second = load_catalog(entries, cache=cache)
    assert cache.hits >= 1
    assert len(second.warnings) == len(first.warnings) == 2


@pytest.mark.parametrize(
    "text, line, field, message",
    [
        ("medical: M.\nb:\n  description: B.\n  implies: [medicl]\n", 4, "b.implies[0]",
         "unknown tag 'medicl'; did you mean 'medical'?"),
        ("b:\n  description: B.\n  implies: [b]\n", 3, "b.implies[0]", "a tag cannot imply itself"),
        ("b:\n  descripton: B.\n", 2, "b.descripton", "unknown field; did you mean 'description'?"),
        ("b:\n  implies: [b]\n", 1, "b.description", "required field is missing"),
        ("a: A.\nb:\n  description: B.\n  implies: a\n", 4, "b.implies", "expected a list of tags"),
    ],
)
def test_bad_implications_are_errors_in_tags_yaml(text, line, field, message):
    _tags, _implies, problems = parse_tag_vocabulary(text.encode(), "tags.yaml")
    assert [(p.line, p.field, p.message) for p in problems] == [(line, field, message)]


def test_the_build_shows_implied_tags(entries, tmp_path):
    root = make_project(tmp_path / "site", entries)
    built = mkdocs_build(root)
    assert built.returncode == 0, built.output
    page = built.page("tags/medical/index.html")
    assert "Segmenting Surgical Video" in page
    assert "'surgical' implies 'medical'; add it" in built.output
