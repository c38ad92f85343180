"""Check every link of every entry: HEAD (GET when HEAD is refused), redirects followed, a few
requests per host at a time, time-outs. Dead links (4xx, 5xx, host not found, no answer) are
errors and moved ones (a permanent redirect) warnings naming the new URL, reported as
`path:line` problems like lint. --write replaces permanently moved links by their new URL."""

from __future__ import annotations

import argparse
import json
import os
import sys

from ..catalog import Problem
from ..net.entryfile import entry_files, read_entry_file
from ..net.links import check_links
from .problems import display_path as _rel
from .problems import format_problem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="entry files or folders (default: entries)")
    parser.add_argument("--format", choices=("text", "github", "json"), default=None,
                        help="default: github when GITHUB_ACTIONS=true, else text")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="seconds to wait for an answer (default: 10)")
    parser.add_argument("--per-host", type=int, default=2, metavar="N",
                        help="requests to one host at a time (default: 2)")
    parser.add_argument("--write", action="store_true",
                        help="replace permanently moved links by their new URL")


def run(args: argparse.Namespace) -> int:
    files = []
    problems: list[Problem] = []
    for path in entry_files(args.paths or ["entries"]):
        ef, found = read_entry_file(path, _rel(path))
        if ef is None:
            first = next((p for p in found if p.severity == "error"), found[0])
            problems.append(Problem(first.path, first.line, "", "has errors (see "
                                    "mkdocs-awesome lint); links not checked", "warning"))
            continue
        files.append(ef)
    wanted = [url for ef in files for url in ef.entry.links.values()]
    results = check_links(wanted, timeout=args.timeout, per_host=max(1, args.per_host))
    written = 0
    for ef in files:
        lines = getattr(ef.data.get("links"), "lines", {})
        moved: dict[str, str] = {}
        for kind, url in ef.entry.links.items():
            result = results[url]
            line = lines.get(kind, ef.entry.line_of("links"))
            if result.dead:
                problems.append(Problem(ef.display, line, f"links.{kind}",
                                        f"dead link {url} ({result.dead})"))
            elif result.moved_to and result.moved_to != url:
                problems.append(Problem(ef.display, line, f"links.{kind}",
                                        f"{url} moved permanently to {result.moved_to}",
                                        "warning"))
                moved[kind] = result.moved_to
        if args.write and moved:
            fields = ef.fields()
            fields["links"] = {**fields.get("links", {}), **moved}
            errors = ef.write(ef.text_with(fields))
            problems += errors
            written += not errors
    problems.sort(key=lambda p: (p.path, p.line, p.col))
    errors = [p for p in problems if p.severity == "error"]
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt == "json":
        print(json.dumps({
            "links": len(set(wanted)), "dead": len(errors),
            "moved": sum(1 for p in problems if "moved permanently" in p.message),
            "problems": [{"path": p.path, "line": p.line, "col": p.col, "severity": p.severity,
                          "field": p.field, "message": p.message} for p in problems],
        }, indent=2, ensure_ascii=False))
    else:
        for p in problems:
            print(format_problem(p, fmt))
        moved_count = sum(1 for p in problems if "moved permanently" in p.message)
        print(f"{len(set(wanted))} links checked, {len(errors)} dead, {moved_count} moved"
              + (f", {written} files updated" if args.write else ""), file=sys.stderr)
    return 1 if errors else 0
