"""`mkdocs-awesome import`: turn an awesome-list README or a BibTeX file into entries.

The module is `import_` because `import` is a Python keyword.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub) -> argparse.ArgumentParser:
    """The `import` sub-command and its options."""
    p = sub.add_parser("import", help="import an awesome-list README or a .bib file into entries")
    p.add_argument("readme", help="README.md (any Markdown paper list) or refs.bib")
    p.add_argument("--entries", default="entries")
    p.add_argument("--force", action="store_true", help="overwrite existing entry files")
    return p


def run(args: argparse.Namespace) -> int:
    """Turn an awesome-list README or a BibTeX file into entry files and categories.yaml."""
    from ..importers import import_bibtex, import_readme

    path = Path(args.readme)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}: cannot read: {exc}", file=sys.stderr)
        return 2
    importer = import_bibtex if path.suffix.lower() == ".bib" else import_readme
    report = importer(text, str(path), Path(args.entries), force=args.force)
    print(report.summary())
    return 0
