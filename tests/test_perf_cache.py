"""The persistent cache (`.cache/mkdocs-awesome/`: parsed entries and rendered pages) never
gives a stale result: real `mkdocs build`s of one project, changing an entry, the plugin's
options, the site's settings and a template override in turn, each compared with a build made
without the cache. Also the plugin's size rule and the build log's one line of notes."""

from __future__ import annotations

import ast
import inspect
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import yaml
from sitebuild import FIXTURES, REPO, make_project, mkdocs_build

PAGES = ("papers/ravi2024sam/index.html", "papers/kirillov2023segment/index.html",
         "categories/video/index.html", "tags/video/index.html",
         "categories/index.html", "tags/index.html", "index.html")


def pages(site: Path) -> dict[str, str]:
    return {p: (site / p).read_text(encoding="utf-8") for p in PAGES}


def build_both(root: Path, tmp_path: Path) -> dict[str, str]:
    """Build with the cache as it is, then a copy of the project without it: both must agree."""
    cached = mkdocs_build(root, strict=True)
    assert cached.returncode == 0, cached.output
    fresh_root = tmp_path / "fresh"
    shutil.rmtree(fresh_root, ignore_errors=True)
    shutil.copytree(root, fresh_root, ignore=shutil.ignore_patterns(".cache", "site"))
    fresh = mkdocs_build(fresh_root, strict=True)
    assert fresh.returncode == 0, fresh.output
    ours, theirs = pages(cached.site), pages(fresh.site)
    for page in PAGES:
        assert ours[page] == theirs[page], page
    return ours


def cache_files(root: Path, part: str) -> set[str]:
    """The keys stored in one of the caches (`entries` or `fragments`), read with sqlite3."""
    path = root / ".cache" / "mkdocs-awesome" / f"{part}.sqlite"
    with closing(sqlite3.connect(path)) as db:
        return {key for (key,) in db.execute("SELECT key FROM cache")}


def test_cache_is_used_and_never_stale(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal")
    first = build_both(root, tmp_path)
    entries, fragments = cache_files(root, "entries"), cache_files(root, "fragments")
    assert len(entries) == 3 and len(fragments) > 5

    # unchanged: the second build reads the cache and writes nothing new into it
    assert build_both(root, tmp_path) == first
    assert cache_files(root, "entries") == entries and cache_files(root, "fragments") == fragments

    # an entry changes: its page and the listings holding it change
    sam2 = root / "entries" / "papers" / "ravi2024sam.yaml"
    sam2.write_text(sam2.read_text(encoding="utf-8").replace(
        "in Images and Videos", "in Pictures and Films"), encoding="utf-8")
    edited = build_both(root, tmp_path)
    for page in ("papers/ravi2024sam/index.html", "categories/video/index.html",
                 "tags/video/index.html"):
        assert "in Pictures and Films" in edited[page] and "in Images and Videos" not in edited[page]
    # SAM's page lists SAM 2 under "Related" (shared category and tag), so it changes too
    assert "in Pictures and Films" in edited["papers/kirillov2023segment/index.html"]
    assert len(cache_files(root, "entries")) == 4  # one new parse; the old one is never read

    # a plugin option changes (authors shown in listings)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "awesome" in plugin:
            plugin["awesome"]["authors_shown"] = 1
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    fewer = build_both(root, tmp_path)
    assert fewer["categories/video/index.html"] != edited["categories/video/index.html"]

    # a site setting and a template override change
    config["site_name"] = "Renamed list"
    config["repo_url"] = "https://github.com/example/list"  # paper pages gain "suggest a fix"
    config["theme"]["custom_dir"] = "overrides"
    override = root / "overrides" / "awesome" / "paper.html"
    override.parent.mkdir(parents=True)
    packaged = Path(inspect.getfile(make_project)).parents[1] / "mkdocs_awesome_plugin" / \
        "render" / "templates" / "paper.html"
    override.write_text(packaged.read_text(encoding="utf-8").replace(
        '<p class="aw-paper__meta">', '<p class="aw-paper__meta">OVERRIDDEN '), encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    renamed = build_both(root, tmp_path)
    assert "Renamed list" in renamed["papers/ravi2024sam/index.html"]
    assert "OVERRIDDEN" in renamed["papers/ravi2024sam/index.html"]
    assert "aw-fix__edit" in renamed["papers/kirillov2023segment/index.html"]


def stored_text(root: Path) -> bytes:
    """Every value of every cache file, as stored (pickles hold entry text as UTF-8)."""
    blobs = []
    for path in sorted((root / ".cache" / "mkdocs-awesome").glob("*.sqlite")):
        with closing(sqlite3.connect(path)) as db:
            blobs += [value for (value,) in db.execute("SELECT value FROM cache")]
    return b"\n".join(blobs)


def set_option(root: Path, **options) -> None:
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "awesome" in plugin:
            plugin["awesome"].update(options)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def test_a_pruning_build_leaves_only_what_it_used_and_stays_exact(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal")
    sam2 = root / "entries" / "papers" / "ravi2024sam.yaml"
    old, new = "in Images and Videos", "in Pictures and Films"
    assert mkdocs_build(root, strict=True).returncode == 0
    sam2.write_text(sam2.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    kept = mkdocs_build(root, strict=True)  # without the option: the old values stay
    assert kept.returncode == 0 and "did not use deleted" not in kept.output
    assert old.encode() in stored_text(root) and new.encode() in stored_text(root)

    set_option(root, cache_prune=True)
    pruned = mkdocs_build(root, strict=True)
    assert pruned.returncode == 0, pruned.output
    line = next(x for x in pruned.output.splitlines() if "did not use deleted" in x)
    assert int(line.split("build cache: ")[1].split()[0]) > 0, line
    assert old.encode() not in stored_text(root) and new.encode() in stored_text(root)
    entries, fragments = cache_files(root, "entries"), cache_files(root, "fragments")
    assert len(entries) == 3  # the edited entry's old parse is gone

    # what is left is what an unchanged build reads: it deletes nothing and writes nothing
    again = mkdocs_build(root, strict=True)
    assert "build cache: 0 values" in again.output, again.output
    assert cache_files(root, "entries") == entries and cache_files(root, "fragments") == fragments
    # and a build from the pruned cache is the build without any cache
    sam2.write_text(sam2.read_text(encoding="utf-8").replace(new, old), encoding="utf-8")
    back = build_both(root, tmp_path)
    assert old in back["papers/ravi2024sam/index.html"]
    assert new.encode() not in stored_text(root)  # that build pruned the edit's values


def test_pruning_keeps_the_rows_of_listings_that_came_whole_from_the_cache(tmp_path):
    # this catalogue's 301 papers: more than What's new lists, so a warm build reads few rows
    root = make_project(tmp_path, REPO / "entries", plugin_options={"cache_prune": True})
    for _ in range(2):
        built = mkdocs_build(root)
        assert built.returncode == 0, built.output
        # the first build uses all it writes; the second reads the listings whole, and their
        # rows (which it does not read) stay for the next edit
        assert "build cache: 0 values this build did not use deleted" in built.output, \
            built.output[-2000:]


def test_a_cache_restored_into_a_fresh_checkout_is_used(tmp_path):
    # what the CI workflows do: a new checkout elsewhere (every file dated anew, the template
    # overrides too) with .cache/mkdocs-awesome/ restored from the last run
    root = make_project(tmp_path, FIXTURES / "minimal")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    override = root / "overrides" / "awesome" / "_row.html"
    override.parent.mkdir(parents=True)
    packaged = Path(inspect.getfile(make_project)).parents[1] / "mkdocs_awesome_plugin" / \
        "render" / "templates" / "_row.html"
    override.write_text(packaged.read_text(encoding="utf-8") + "<!-- ours -->", encoding="utf-8")
    first = mkdocs_build(root, strict=True)
    assert first.returncode == 0, first.output
    fragments, entries = cache_files(root, "fragments"), cache_files(root, "entries")

    checkout = tmp_path / "runner" / "work" / "list"
    shutil.copytree(root, checkout, copy_function=shutil.copy, ignore=shutil.ignore_patterns("site"))
    for path in checkout.rglob("*"):
        if ".cache" not in path.parts:
            os.utime(path, (2_000_000_000, 2_000_000_000))
    second = mkdocs_build(checkout, strict=True)
    assert second.returncode == 0, second.output
    # nothing rendered again: no value the first build did not already store
    assert cache_files(checkout, "fragments") == fragments
    assert cache_files(checkout, "entries") == entries
    assert pages(second.site) == pages(first.site)


def test_notes_are_one_line_of_the_build_log(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal")
    papers = root / "entries" / "papers"
    # a key that does not follow the scheme is a note (lint's business), once per entry
    words = ["Alpine glaciers", "Coral reefs", "Desert dunes", "Kelp forests", "River deltas"]
    for i, topic in enumerate(words):
        (papers / f"oddkey{i}.yaml").write_text(
            f'title: "{topic} seen from orbit"\nauthors: [Ada Quill{i}]\ndate: "2021-0{i + 1}"\n'
            f"categories: [medical]\ntags: [medical]\nlinks:\n  paper: https://example.org/{i}\n", encoding="utf-8")
    built = mkdocs_build(root, strict=True)
    assert built.returncode == 0, built.output
    lines = [line for line in built.output.splitlines() if "mkdocs_awesome_plugin:" in line]
    assert lines == [
        "INFO    -  mkdocs_awesome_plugin: 5 notes; run `mkdocs-awesome lint` to see them"
    ], built.output


def test_plugin_module_stays_small_and_documented():
    from mkdocs_awesome_plugin import plugin

    source = inspect.getsource(plugin)
    assert len(source.splitlines()) <= 200
    cls = next(n for n in ast.parse(source).body
               if isinstance(n, ast.ClassDef) and n.name == "AwesomePlugin")
    for event in (n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_")):
        assert "priority" in (ast.get_docstring(event) or "") or "Runs " in ast.get_docstring(event)
