"""`mkdocs-awesome generate`: write the pages and files for another static site generator.

`generate OUTDIR` writes only what the catalogue adds (see `generate.py`); `generate --project OUT`
writes a whole project that Zensical or a plain MkDocs builds (see `project.py`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..catalog import load_catalog
from .problems import display_path, print_problems, sort_problems


def add_parser(sub) -> argparse.ArgumentParser:
    """The `generate` sub-command and its options."""
    p = sub.add_parser("generate", help="write the pages and files for another site generator")
    p.add_argument("outdir", nargs="?",
                   help="folder for the generated pages and files (not with --project)")
    p.add_argument("--project", metavar="OUT",
                   help="write a complete project into OUT, for `zensical build` or `mkdocs build`")
    p.add_argument("--config-file", "-f", default="mkdocs.yml",
                   help="with --project: the mkdocs.yml to read (default: mkdocs.yml)")
    p.add_argument("--entries", default="entries")
    p.add_argument("--force", action="store_true",
                   help="overwrite files in OUTDIR that an earlier run did not write")
    return p


def run(args: argparse.Namespace) -> int:
    """Write the generated pages and files into OUTDIR, or a whole project into OUT."""
    if args.project:
        return _run_project(args)
    if not args.outdir:
        print("generate: give OUTDIR, or --project OUT", file=sys.stderr)
        return 2
    from ..generate import generate

    catalog = load_catalog(args.entries, base_dir=Path.cwd())
    print_problems(sort_problems(catalog.problems))
    report = generate(catalog, args.outdir, force=args.force)
    print(report.summary(display_path(args.outdir)))
    return 1 if catalog.errors or report.conflicts else 0


def _run_project(args: argparse.Namespace) -> int:
    from ..project import ProjectError, generate_project

    try:
        report = generate_project(args.config_file, args.project)
    except ProjectError as err:
        print(f"generate: {err}", file=sys.stderr)
        return 1
    print_problems(sort_problems(report.problems))
    print(report.summary())
    return 1 if report.catalog is not None and report.catalog.errors else 0
