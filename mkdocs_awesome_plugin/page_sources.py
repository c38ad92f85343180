"""Source files of the generated pages, so that every page has a real `abs_src_path`.

Plugins that users pair with ours read a page's source file: mkdocs-rss-plugin opens
`page.file.abs_src_path` (and asks git about it) and fails with a traceback on `None`, which is
what a page made from in-memory content has. The plugin therefore writes the generated pages'
Markdown (their marker) under a folder outside `docs/` and gives MkDocs that path.
`mkdocs serve` does not watch this folder, so writing it does not start another rebuild.

Pages whose Markdown is the same (every core page's is the one marker) share one file: writing
a file per page cost a second per thousand pages on a cold build, for identical bytes. A file
is written only when its content changed, and files no page uses any more are removed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from .build import GeneratedPage
from .fileio import write_if_changed

FOLDER = Path(".cache") / "mkdocs-awesome" / "pages"  # relative to mkdocs.yml


def write_page_sources(pages: Iterable[GeneratedPage], base: str | os.PathLike) -> dict[str, str]:
    """Write the pages' Markdown under `<base>/FOLDER/`, one file per distinct text, named by
    its hash (`base`: the folder of mkdocs.yml); returns src -> absolute path."""
    root = (Path(base) / FOLDER).resolve()
    paths: dict[str, str] = {}
    files: dict[str, str] = {}  # text -> path
    for page in pages:
        text = page.placeholder
        if (path := files.get(text)) is None:
            digest = hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()
            target = root / f"{digest}.md"
            # a cache, rebuilt from the entries on any build: no need for the fsync
            write_if_changed(target, text, sync=False)
            path = files[text] = str(target)
        paths[page.src] = path
    keep = set(files.values())
    if root.is_dir():
        for path in root.rglob("*.md"):
            if str(path) not in keep:
                path.unlink()
    return paths
