"""`mkdocs-awesome readme`: regenerate the list between the README's markers, or check it."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from ..catalog import load_catalog
from ..fileio import write_atomic
from .problems import display_path, print_problems, sort_problems


def add_parser(sub) -> argparse.ArgumentParser:
    """The `readme` sub-command and its options."""
    p = sub.add_parser(
        "readme", help="regenerate the list in README.md between the awesome:readme markers",
    )
    p.add_argument("--readme", default="README.md")
    p.add_argument("--entries", default="entries")
    p.add_argument("--check", action="store_true",
                   help="change nothing; exit 1 when the README is out of date")
    p.add_argument("--level", type=int, choices=range(1, 7), default=3, metavar="1-6",
                   help="heading level of top-level categories (default: 3)")
    return p


def run(args: argparse.Namespace) -> int:
    """Regenerate the list between the README's markers, or check that it is up to date."""
    from ..exports.readme import ReadmeError, update_readme

    path = Path(args.readme)
    shown = display_path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{shown}: cannot read: {exc}", file=sys.stderr)
        return 2
    catalog = load_catalog(args.entries, base_dir=Path.cwd())
    if catalog.errors:
        print_problems(sort_problems(catalog.errors))
        print(f"{shown}: not generated: the entries above have errors (see mkdocs-awesome lint)",
              file=sys.stderr)
        return 1
    try:
        updated = update_readme(text, catalog, path=shown, level=args.level)
    except ReadmeError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if updated == text:
        print(f"{shown}: up to date ({len(catalog.entries)} papers)")
        return 0
    if args.check:
        diff = list(difflib.unified_diff(
            text.splitlines(), updated.splitlines(), f"{shown} (now)", f"{shown} (from entries)",
            lineterm="", n=1,
        ))
        print("\n".join(diff[:60] + (["…"] if len(diff) > 60 else [])), file=sys.stderr)
        print(f"{shown}: out of date; run `mkdocs-awesome readme` and commit the result",
              file=sys.stderr)
        return 1
    write_atomic(path, updated, overwrite=True)
    print(f"{shown}: updated ({len(catalog.entries)} papers)")
    return 0
