"""`mkdocs-awesome lint`: check entries like a compiler; exit status 1 when there are errors."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..catalog import load_catalog
from ..catalog.model import Problem
from .problems import display_path, print_problems, problem_record, sort_problems


def add_parser(sub) -> argparse.ArgumentParser:
    """The `lint` sub-command and its options."""
    p = sub.add_parser("lint", help="check entries like a compiler")
    p.add_argument("paths", nargs="*", help="only report problems in these files or folders; "
                   "an entries folder given here is checked as a whole")
    p.add_argument("--entries", default=None, help="the entries folder (default: entries)")
    p.add_argument("--format", choices=("text", "github", "json"), default=None,
                   help="default: github when GITHUB_ACTIONS=true, else text")
    return p


def run(args: argparse.Namespace) -> int:
    """Check entries; exit status 1 when there are errors."""
    roots: list[Path] = []
    filters: list[str] = []
    problems: list[Problem] = []
    for raw in args.paths:
        path = Path(raw)
        if not path.exists():
            problems.append(Problem(display_path(path), 1, "", "no such file or folder"))
        elif args.entries is None and _is_entries_folder(path):
            roots.append(path)
        else:
            filters.append(display_path(path))
    if not roots:
        roots.append(Path(args.entries or "entries"))
    valid = 0
    for root in roots:
        if not root.is_dir():
            problems.append(Problem(display_path(root), 1, "", "no entries folder here (use --entries)"))
            continue
        catalog = load_catalog(root, base_dir=Path.cwd())
        valid += len(catalog.entries)
        problems += catalog.problems
    if filters:
        problems = [p for p in problems if _wanted(p, filters)]
    problems = sort_problems(problems)

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    notes = len(problems) - len(errors) - len(warnings)
    if fmt == "json":
        print(json.dumps(
            {
                "entries": valid,
                "errors": len(errors),
                "warnings": len(warnings),
                "notes": notes,
                "problems": [problem_record(p) for p in problems],
            },
            indent=2, ensure_ascii=False,
        ))
    else:
        print_problems(problems, fmt=fmt, file=sys.stdout)
        print(
            f"{valid} valid entries, {len(errors)} errors, {len(warnings)} warnings"
            + (f", {notes} notes" if notes else ""),
            file=sys.stderr,
        )
    return 1 if errors else 0


def _is_entries_folder(path: Path) -> bool:
    return path.is_dir() and ((path / "papers").is_dir() or (path / "categories.yaml").is_file())


def _wanted(problem: Problem, filters: list[str]) -> bool:
    """Whether `problem` concerns one of the given files or folders.

    A problem about two entries is reported on one of them and names the other as `path:line`,
    so it is kept when either file is wanted (a pre-commit hook passes only the changed files).
    """
    path = os.path.normpath(problem.path).replace(os.sep, "/")
    for wanted in filters:
        if path == wanted or path.startswith(wanted.rstrip("/") + "/") or wanted == ".":
            return True
        if f"{wanted}:" in problem.message:
            return True
    return False
