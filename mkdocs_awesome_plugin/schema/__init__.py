"""The JSON Schema of an entry file, and the editor line that points at it."""

from __future__ import annotations

import os
from pathlib import Path

SCHEMA_FILE = Path(__file__).resolve().parent / "entry.schema.json"


COPY_NAME = "entry.schema.json"


def schema_reference(papers_dir: Path) -> str:
    """What the `# yaml-language-server: $schema=` line of an entry in `papers_dir` points at.

    In a checkout of this repository (the entries folder lies beside the package that is
    running) it is the path relative to the entry file, which works on every clone:
    `../../mkdocs_awesome_plugin/schema/entry.schema.json`. Anywhere else, another list's
    repository, the schema is copied beside the papers folder (`entries/entry.schema.json`) and
    referenced as `../entry.schema.json`, so that every clone of that repository validates too.
    """
    papers = Path(papers_dir).resolve()
    for folder in (papers, *papers.parents):
        candidate = folder / "mkdocs_awesome_plugin" / "schema" / "entry.schema.json"
        if candidate.is_file() and candidate.resolve() == SCHEMA_FILE:
            return os.path.relpath(SCHEMA_FILE, papers).replace(os.sep, "/")
    from ..fileio import write_if_changed

    write_if_changed(papers.parent / COPY_NAME, SCHEMA_FILE.read_bytes())
    return f"../{COPY_NAME}"


def schema_line(schema: str) -> str:
    return f"# yaml-language-server: $schema={schema}\n"
