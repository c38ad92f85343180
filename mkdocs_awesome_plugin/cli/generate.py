"""`mkdocs-awesome generate`: write the pages and files for another static site generator."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..catalog import load_catalog
from .problems import display_path, print_problems, sort_problems


def add_parser(sub) -> argparse.ArgumentParser:
    """The `generate` sub-command and its options."""
    p = sub.add_parser("generate", help="write the pages and files for another site generator")
    p.add_argument("outdir")
    p.add_argument("--entries", default="entries")
    p.add_argument("--force", action="store_true",
                   help="overwrite files in OUTDIR that an earlier run did not write")
    return p


def run(args: argparse.Namespace) -> int:
    """Write the generated pages and files into OUTDIR for another site generator."""
    from ..generate import generate

    catalog = load_catalog(args.entries, base_dir=Path.cwd())
    print_problems(sort_problems(catalog.problems))
    report = generate(catalog, args.outdir, force=args.force)
    print(report.summary(display_path(args.outdir)))
    return 1 if catalog.errors or report.conflicts else 0
