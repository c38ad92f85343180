"""Helpers for comparing a `generate --project` site (Zensical or plain MkDocs) with the plugin's
MkDocs build of the same catalogue."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

CLI = [sys.executable, "-m", "mkdocs_awesome_plugin.cli"]
# the theme's own files and search indices differ between the engines, not our pages
THEME_FILES = re.compile(
    r"^(assets/(javascripts|stylesheets|images)/|search/|search\.json$|sitemap\.xml(\.gz)?$)"
)


def run(cmd: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"},
    )


def generate_project(root: Path, out: Path) -> subprocess.CompletedProcess:
    return run([*CLI, "generate", "--project", str(out)], cwd=root)


def zensical_build(project: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "zensical", "build", "--clean"], cwd=project)


def site_files(site: Path) -> set[str]:
    """Every file of a built site except the theme's own files."""
    found = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    return {f for f in found if not THEME_FILES.match(f)}


class _Nav(HTMLParser):
    """(href, label) of every link in Material's primary nav."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.items: list[tuple[str, str]] = []
        self.href: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth:
            self.depth += tag == "nav"
        elif tag == "nav" and "md-nav--primary" in (a.get("class") or ""):
            self.depth = 1
        if self.depth and tag == "a" and a.get("href") and "md-nav__link" in (a.get("class") or ""):
            self.href, self.text = a["href"], []

    def handle_endtag(self, tag):
        if self.depth and tag == "nav":
            self.depth -= 1
        if self.href is not None and tag == "a":
            self.items.append((self.href, " ".join("".join(self.text).split())))
            self.href = None

    def handle_data(self, data):
        if self.href is not None:
            self.text.append(data)


def nav_links(site: Path, page_url: str) -> list[tuple[str, str]]:
    """The primary nav of the page at `page_url`: (site-absolute URL, label), in order.

    In-page anchors and the current page are left out: the engines mark the current page
    differently (Zensical prints it as a label, not a link)."""
    parser = _Nav()
    parser.feed((site / page_url / "index.html").read_text(encoding="utf-8"))
    here = "/" + page_url
    out = []
    for href, label in parser.items:
        if href.startswith("#"):
            continue
        url = urljoin(here, href)
        if url != here:
            out.append((url, label))
    return out


def element(html: str, opening: str) -> str:
    """The outer HTML of the first `<div ...>` element starting with `opening`."""
    start = html.index(opening)
    depth, pos = 0, start
    for m in re.compile(r"<(/?)div\b").finditer(html, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            pos = html.index(">", m.end()) + 1
            break
    return html[start:pos]


def head_citation(html: str) -> tuple[list[str], list[str]]:
    """A page's Highwire `citation_*` meta tags and its JSON-LD scripts, as written."""
    head = html[: html.index("</head>")]
    metas = re.findall(r'<meta name="citation_[^>]*>', head)
    jsonld = re.findall(r'<script type="application/ld\+json">.*?</script>', head, re.S)
    return metas, jsonld
