"""Source files of the generated pages, so that every page has a real `abs_src_path`.

Plugins that users pair with ours read a page's source file: mkdocs-rss-plugin opens
`page.file.abs_src_path` (and asks git about it) and fails with a traceback on `None`, which is
what a page made from in-memory content has. The plugin therefore writes each generated page's
Markdown (its marker) under a folder outside `docs/` and gives MkDocs that path.
`mkdocs serve` does not watch this folder, so writing it does not start another rebuild.

A file is written only when its content changed, keeping modification times for dirty builds,
and a file of a page that is gone is removed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .build import GeneratedPage
from .fileio import write_if_changed

FOLDER = Path(".cache") / "mkdocs-awesome" / "pages"  # relative to mkdocs.yml


def write_page_sources(pages: Iterable[GeneratedPage], base: str | os.PathLike) -> dict[str, str]:
    """Write each page's Markdown to `<base>/FOLDER/<src>` (`base`: the folder of mkdocs.yml);
    returns src -> absolute path."""
    root = (Path(base) / FOLDER).resolve()
    paths: dict[str, str] = {}
    for page in pages:
        target = root / page.src
        # a cache, rebuilt from the entries on any build: no need for the fsync
        write_if_changed(target, page.placeholder, sync=False)
        paths[page.src] = str(target)
    keep = set(paths.values())
    for path in root.rglob("*.md"):
        if str(path) not in keep:
            path.unlink()
    return paths
