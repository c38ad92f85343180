"""Helpers for tests that build real MkDocs sites in temporary folders."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# One valid entry file, against the vocabulary of the `minimal` and validation fixtures; tests add
# or replace a line to make the case they need.
GOOD_ENTRY = """\
title: A good paper
authors: [Ada Lovelace]
date: "2024-08"
categories: [image]
tags: [video]
links:
  paper: https://arxiv.org/abs/2409.00001
"""

HOME = """# Test list

<!-- awesome:summary -->

<!-- awesome:categories -->
"""


@dataclass
class Built:
    root: Path
    site: Path
    returncode: int
    output: str

    def page(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")


def make_project(
    tmp_path: Path, entries: Path | None = None, *, config: dict | None = None,
    plugin_options: dict | None = None, home: str = HOME,
) -> Path:
    """A small MkDocs project in `tmp_path` using Material and our plugin."""
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(home, encoding="utf-8")
    if entries is not None:
        shutil.copytree(entries, root / "entries")
    options = {"entries_dir": "entries"}
    options.update(plugin_options or {})
    cfg = {
        "site_name": "Test list",
        "site_url": "http://127.0.0.1:8000/",
        "theme": {"name": "material", "font": False, "features": ["navigation.indexes", "content.code.copy"]},
        "plugins": ["search", {"awesome": options}],
    }
    cfg.update(config or {})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return root


def mkdocs_build(root: Path, *, strict: bool = False, timeout: int = 600) -> Built:
    """Run the real `mkdocs build` in a subprocess."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-d", "site"]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(
        cmd, cwd=root, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "NO_COLOR": "1"},
    )
    return Built(root, root / "site", proc.returncode, proc.stdout + proc.stderr)


class LinkCollector(HTMLParser):
    """Collects hrefs, optionally only inside elements whose class contains `within`."""

    def __init__(self, within: str | None = None):
        super().__init__()
        self.within = within
        self.depth = 0  # >0 while inside a matching element
        self.stack: list[bool] = []
        self.hrefs: list[str] = []

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.VOID:
            return
        match = self.within is not None and self.within in (attrs.get("class") or "").split()
        self.stack.append(match)
        if match:
            self.depth += 1
        if tag == "a" and (self.within is None or self.depth > 0) and attrs.get("href"):
            self.hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.stack:
            return
        if self.stack.pop():
            self.depth -= 1


def hrefs(html: str, within: str | None = None) -> list[str]:
    collector = LinkCollector(within)
    collector.feed(html)
    return collector.hrefs


def paper_keys_listed(html: str) -> list[str]:
    """Keys of the paper rows on a category or tag page, in page order."""
    return re.findall(r'<article class="aw-paper" id="([a-z0-9]+)"', html)



def feed_keys(feed) -> list[str]:
    """The paper keys of a parsed Atom feed's entries, in order (from each entry's link)."""
    return [e.link.rstrip("/").rsplit("/", 1)[-1] for e in feed.entries]
