"""The MkDocs files the plugin adds: generated pages and downloads that know whether a dirty
build must write them again, and downloads produced only when MkDocs writes them."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.files import File


class CatalogFile(File):
    """A generated file, modified (to a dirty build) when its fingerprint changed since the last
    build (see incremental.py) or its output is missing."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


class ProducedFile(CatalogFile):
    """A generated file produced when read or written: holding every download's text through
    the build cost ~130 MB at 10,000 papers. Overrides only File's public members: the content
    properties, `copy_file` (how MkDocs writes a non-page file) and `is_modified`."""

    def __init__(self, config, src_uri: str, produce: Callable[[], str | bytes],
                 changed: bool = True):
        super().__init__(src_uri, src_dir=None, dest_dir=config.site_dir,
                         use_directory_urls=config.use_directory_urls)
        self.generated_by = "awesome"
        self.produce, self.changed = produce, changed

    def _replace(self, value: str | bytes) -> None:
        self.produce = lambda: value  # another plugin set the content: it replaces ours

    content_bytes = property(
        lambda self: c.encode() if isinstance(c := self.produce(), str) else c, _replace)
    content_string = property(
        lambda self: c if isinstance(c := self.produce(), str) else c.decode("utf-8-sig"), _replace)

    def copy_file(self, dirty: bool = False) -> None:
        if not dirty or self.is_modified():
            dest, data = Path(self.abs_dest_path), self.content_bytes
            try:  # most folders exist already: no mkdir call per file (3,000 at 1,000 papers)
                dest.write_bytes(data)
            except FileNotFoundError:
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(data)

