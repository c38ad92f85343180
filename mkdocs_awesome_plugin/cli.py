"""`mkdocs-awesome`: command-line tools over the same core the plugin uses."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .catalog import load_catalog
from .catalog.model import Problem


def _format_problem(problem: Problem, fmt: str) -> str:
    if fmt == "github":
        level = "error" if problem.severity == "error" else "warning"
        message = f"{problem.field}: {problem.message}" if problem.field else problem.message
        # workflow commands need %, CR and LF escaped in the message
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = problem.path.replace(",", "%2C").replace(":", "%3A")
        return f"::{level} file={path},line={problem.line},col={problem.col}::{message}"
    field = f" {problem.field}:" if problem.field else ""
    return f"{problem.path}:{problem.line}:{problem.col}: {problem.severity}:{field} {problem.message}"


def cmd_lint(args: argparse.Namespace) -> int:
    """Check entries; exit status 1 when there are errors."""
    catalog = load_catalog(args.entries, base_dir=Path.cwd())
    problems = catalog.problems
    if args.paths:
        wanted = {os.path.normpath(p) for p in args.paths}
        problems = [
            p for p in problems
            if os.path.normpath(p.path) in wanted
            or any(os.path.normpath(p.path).startswith(w.rstrip(os.sep) + os.sep) for w in wanted)
        ]
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    errors = [p for p in problems if p.severity == "error"]
    if fmt == "json":
        print(json.dumps(
            {
                "entries": len(catalog.entries),
                "errors": len(errors),
                "warnings": len(problems) - len(errors),
                "problems": [
                    {"path": p.path, "line": p.line, "col": p.col, "severity": p.severity,
                     "field": p.field, "message": p.message}
                    for p in problems
                ],
            },
            indent=2, ensure_ascii=False,
        ))
    else:
        for p in problems:
            print(_format_problem(p, fmt))
        if fmt == "text":
            print(
                f"{len(catalog.entries)} valid entries, {len(errors)} errors, "
                f"{len(problems) - len(errors)} warnings",
                file=sys.stderr,
            )
    return 1 if errors else 0


def cmd_import(args: argparse.Namespace) -> int:
    """Turn an awesome-list README into entry files and categories.yaml."""
    from .importers.awesome_readme import import_readme

    path = Path(args.readme)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}: cannot read: {exc}", file=sys.stderr)
        return 2
    report = import_readme(text, str(path), Path(args.entries), force=args.force)
    print(report.summary())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-awesome", description="Tools for a curated list of papers kept as YAML entries."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("lint", help="check entries like a compiler")
    p.add_argument("paths", nargs="*", help="only report problems in these files or folders")
    p.add_argument("--entries", default="entries", help="the entries folder (default: entries)")
    p.add_argument("--format", choices=("text", "github", "json"), default=None)
    p.set_defaults(func=cmd_lint)

    p = sub.add_parser("import", help="import an awesome-list README into entries")
    p.add_argument("readme")
    p.add_argument("--entries", default="entries")
    p.add_argument("--force", action="store_true", help="overwrite existing entry files")
    p.set_defaults(func=cmd_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
