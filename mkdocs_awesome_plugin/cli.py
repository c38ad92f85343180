"""`mkdocs-awesome`: command-line tools over the same core the plugin uses.

    new       add a paper: writes entries/papers/<key>.yaml (asks for the fields on a terminal)
    lint      check entries like a compiler (the same problems `mkdocs build` reports)
    import    turn an awesome-list README into entries
    readme    regenerate the list in README.md between two marker comments
    generate  write the generated pages and files for any static site generator

Exit status: 0 when all is well, 1 when the command found problems (lint errors, an out-of-date
README, an entry that would not be valid), 2 for a usage error (missing file, bad markers).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from .catalog import load_catalog, parse_entry
from .catalog.identity import arxiv_id_anywhere, arxiv_month, arxiv_url, normalize_doi
from .catalog.keys import key_suggestion
from .catalog.links import http_url_problem
from .catalog.load import did_you_mean, parse_date, text_problem
from .catalog.model import LINK_KINDS, VENUE_TYPES, Catalog, Entry, Problem
from .catalog.quality import check_catalog
from .catalog.writer import entry_text
from .fileio import write_atomic
from .schema import schema_reference

# --------------------------------------------------------------------------------------------
# reporting problems


def format_problem(problem: Problem, fmt: str) -> str:
    """One problem as `path:line:col: error|warning|note: field: message`, or a GitHub
    annotation (`::error`, `::warning`, `::notice`)."""
    if fmt == "github":
        level = {"error": "error", "warning": "warning"}.get(problem.severity, "notice")
        message = f"{problem.field}: {problem.message}" if problem.field else problem.message
        # workflow commands need %, CR and LF escaped in the message, and also , and : in values
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = problem.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return (
            f"::{level} file={path},line={problem.line},col={problem.col},"
            f"title=mkdocs-awesome lint::{message}"
        )
    field = f" {problem.field}:" if problem.field else ""
    return f"{problem.path}:{problem.line}:{problem.col}: {problem.severity}:{field} {problem.message}"


def _print_problems(problems: list[Problem], *, file=sys.stderr) -> None:
    for p in problems:
        print(format_problem(p, "text"), file=file)


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.col))


def _is_entries_folder(path: Path) -> bool:
    return path.is_dir() and ((path / "papers").is_dir() or (path / "categories.yaml").is_file())


def _rel(path: str | os.PathLike) -> str:
    """A path as the problems name it: relative to the working folder, with `/`."""
    try:
        return os.path.normpath(os.path.relpath(os.path.abspath(path))).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return os.path.normpath(os.path.abspath(path)).replace(os.sep, "/")


# --------------------------------------------------------------------------------------------
# lint


def cmd_lint(args: argparse.Namespace) -> int:
    """Check entries; exit status 1 when there are errors."""
    roots: list[Path] = []
    filters: list[str] = []
    problems: list[Problem] = []
    for raw in args.paths:
        path = Path(raw)
        if not path.exists():
            problems.append(Problem(_rel(path), 1, "", "no such file or folder"))
        elif args.entries is None and _is_entries_folder(path):
            roots.append(path)
        else:
            filters.append(_rel(path))
    if not roots:
        roots.append(Path(args.entries or "entries"))
    valid = 0
    for root in roots:
        if not root.is_dir():
            problems.append(Problem(_rel(root), 1, "", "no entries folder here (use --entries)"))
            continue
        catalog = load_catalog(root, base_dir=Path.cwd())
        valid += len(catalog.entries)
        problems += catalog.problems
    if filters:
        problems = [p for p in problems if _wanted(p, filters)]
    problems = _sorted(problems)

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
            print(format_problem(p, fmt))
        print(
            f"{valid} valid entries, {len(errors)} errors, {len(warnings)} warnings"
            + (f", {notes} notes" if notes else ""),
            file=sys.stderr,
        )
    return 1 if errors else 0


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


# --------------------------------------------------------------------------------------------
# import


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


# --------------------------------------------------------------------------------------------
# new


class _Answer(Exception):
    """An answer that is not acceptable; the message says why."""


def _one_line(limit: int) -> Callable[[str], str]:
    def check(raw: str) -> str:
        problem = text_problem(raw, limit=limit)
        if problem:
            raise _Answer(problem)
        return raw.strip()

    return check


def _check_date(raw: str) -> str:
    date, problem = parse_date(raw)
    if problem:
        raise _Answer(problem)
    return date.iso


def _check_arxiv(raw: str) -> str:
    value = arxiv_id_anywhere(raw)  # a pasted arxiv.org link is fine too
    if value is None:
        raise _Answer(f"{raw!r} is not an arXiv id such as 2408.00714")
    return value


def _check_url(raw: str) -> str:
    problem = http_url_problem(raw)
    if problem:
        raise _Answer(problem)
    return raw


def _check_doi(raw: str) -> str:
    value = normalize_doi(raw)
    if value is None:
        raise _Answer(f"{raw!r} is not a DOI such as 10.1000/xyz123")
    return value


def _check_venue_type(raw: str) -> str:
    if raw not in VENUE_TYPES:
        raise _Answer(f"{raw!r} is not one of {', '.join(VENUE_TYPES)}{did_you_mean(raw, VENUE_TYPES)}")
    return raw


def _check_words(choices, what: str) -> Callable[[str], list[str]]:
    def check(raw: str) -> list[str]:
        items = [w for w in raw.replace(",", " ").split() if w]
        if not items:
            raise _Answer(f"give at least one {what}")
        for item in items:
            if item not in choices:
                raise _Answer(f"unknown {what} {item!r}{did_you_mean(item, choices)}")
        if len(set(items)) != len(items):
            raise _Answer(f"a {what} is listed twice")
        return items

    return check


class _Prompter:
    """Asks for one field at a time on the terminal, re-asking until the answer is valid."""

    def __init__(self, out=sys.stderr):
        self.out = out

    def ask(self, label: str, check: Callable[[str], object], *, default: str | None = None,
            optional: bool = False, hint: str | None = None):
        if hint is None:
            hint = f" [{default}]" if default else (" (optional, Enter to skip)" if optional else "")
        while True:
            self.out.write(f"{label}{hint}: ")
            self.out.flush()
            line = sys.stdin.readline()
            if not line:
                raise EOFError
            raw = line.strip()
            if not raw and default:
                raw = default
            if not raw:
                if optional:
                    return None
                print("  an answer is needed", file=self.out)
                continue
            try:
                return check(raw)
            except _Answer as exc:
                print(f"  {exc}", file=self.out)

    def ask_list(self, label: str, check: Callable[[str], str]) -> list[str]:
        items: list[str] = []
        while True:
            answer = self.ask(f"{label} {len(items) + 1}", check, optional=True,
                              hint=" (Enter when done)")
            if answer is None:
                return items
            if answer in items:
                print(f"  {answer!r} is listed already", file=self.out)
                continue
            items.append(answer)


def _month_text(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def _category_lines(catalog: Catalog) -> str:
    return "\n".join(
        f"  {'  ' * c.depth}{c.slug}  ({c.title})" for c in catalog.all_categories()
    )


_FIELD_FLAGS = ("arxiv", "title", "author", "date", "category", "tag", "paper", "code",
                "project", "demo", "data", "venue", "venue_type", "doi", "summary")


def _gather(args: argparse.Namespace, catalog: Catalog, interactive: bool) -> tuple[dict, list[str]]:
    """The new entry's fields from the flags, then (on a terminal) from questions.

    Returns the fields and what is wrong with the flags (then nothing is asked)."""
    bad: list[str] = []
    fields: dict = {"links": {}}
    slugs = [c.slug for c in catalog.all_categories()]
    tags = list(catalog.tags)

    def take(name: str, raw, check):
        if raw is None:
            return None
        try:
            return check(raw)
        except _Answer as exc:
            bad.append(f"--{name.replace('_', '-')}: {exc}")
            return None

    fields["arxiv"] = take("arxiv", args.arxiv, _check_arxiv)
    fields["title"] = take("title", args.title, _one_line(500))
    fields["authors"] = [a for a in (take("author", a, _one_line(300)) for a in args.author or []) if a]
    fields["date"] = take("date", args.date, _check_date)
    fields["categories"] = take("category", " ".join(args.category), _check_words(slugs, "category")) if args.category else None
    fields["tags"] = take("tag", " ".join(args.tag), _check_words(tags, "tag")) if args.tag else None
    for kind in LINK_KINDS:
        value = take(kind, getattr(args, kind), _check_url)
        if value:
            fields["links"][kind] = value
    fields["venue"] = take("venue", args.venue, _one_line(300))
    fields["venue_type"] = take("venue_type", args.venue_type, _check_venue_type)
    fields["doi"] = take("doi", args.doi, _check_doi)
    fields["summary"] = take("summary", args.summary, _one_line(500))

    if bad:
        return fields, bad
    everything = interactive and not any(
        getattr(args, name) not in (None, []) for name in _FIELD_FLAGS
    )
    ask = _Prompter()
    if everything:
        fields["arxiv"] = ask.ask("arXiv id", _check_arxiv, optional=True)
    month = arxiv_month(fields["arxiv"]) if fields["arxiv"] else None
    if not everything:
        # with flags, the arXiv id gives the date and the paper link unless they are given
        if not fields["date"] and month:
            fields["date"] = _month_text(month)
        if not fields["links"].get("paper") and fields["arxiv"]:
            fields["links"]["paper"] = arxiv_url(fields["arxiv"])
    if not interactive:
        missing = [
            flag for flag, ok in (
                ("--title", fields["title"]),
                ("--date (or --arxiv)", fields["date"]),
                ("--paper (or --arxiv)", fields["links"].get("paper")),
                ("--category", fields["categories"]),
                ("--tag", fields["tags"]),
            ) if not ok
        ]
        if missing:
            bad.append("missing " + ", ".join(missing))
        return fields, bad

    # On a terminal: every field when no flag was given, otherwise only the missing required ones.
    if not fields["title"]:
        fields["title"] = ask.ask("Title", _one_line(500))
    if everything:
        fields["authors"] = ask.ask_list("Author", _one_line(300))
    if not fields["date"]:
        fields["date"] = ask.ask(
            "Release date of the first version (YYYY-MM or YYYY-MM-DD)", _check_date,
            default=_month_text(month) if month else None,
        )
    if not fields["links"].get("paper"):
        fields["links"]["paper"] = ask.ask(
            "Paper link", _check_url,
            default=arxiv_url(fields["arxiv"]) if fields["arxiv"] else None,
        )
    if everything:
        code = ask.ask("Code link", _check_url, optional=True)
        if code:
            fields["links"]["code"] = code
    if not fields["categories"]:
        print("Categories:\n" + _category_lines(catalog), file=sys.stderr)
        fields["categories"] = ask.ask("Categories (separated by spaces)",
                                       _check_words(slugs, "category"))
    if not fields["tags"]:
        print("Tags: " + " ".join(tags), file=sys.stderr)
        fields["tags"] = ask.ask("Tags (separated by spaces)", _check_words(tags, "tag"))
    if everything:
        fields["venue"] = ask.ask("Venue, e.g. CVPR 2025", _one_line(300), optional=True)
        if fields["venue"]:
            fields["venue_type"] = ask.ask(
                f"Venue type ({', '.join(VENUE_TYPES)})", _check_venue_type, optional=True
            )
    return fields, bad


def _entry_problems(
    text: str, key: str, display: str, catalog: Catalog, known_keys: set[str]
) -> tuple[Entry | None, list[Problem]]:
    """Every problem `lint` would report for the new file, checked before it is written."""
    entry, problems = parse_entry(text.encode("utf-8"), key, display)
    if entry is None:
        return None, problems
    slugs = {c.slug for c in catalog.all_categories()}
    for i, slug in enumerate(entry.categories):
        if slug not in slugs:
            problems.append(Problem(display, entry.line_of("categories"), f"categories[{i}]",
                                    f"unknown category {slug!r}{did_you_mean(slug, slugs)}"))
    for i, tag in enumerate(entry.tags):
        if tag not in catalog.tags:
            problems.append(Problem(display, entry.line_of("tags"), f"tags[{i}]",
                                    f"unknown tag {tag!r}{did_you_mean(tag, catalog.tags)}"))
    others = [e for e in catalog.entries.values() if e.key != key]
    problems += [
        p for p in check_catalog(
            [*others, entry], known_keys=known_keys | {key},
            read=lambda e: text.encode("utf-8") if e.key == key else Path(e.path).read_bytes(),
            newest={key},
        )
        if p.path == display
    ]
    return entry, problems


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new entry under the suggested key; print its path."""
    root = Path(args.entries)
    if not root.is_dir():
        print(f"{_rel(root)}: no entries folder here (use --entries)", file=sys.stderr)
        return 2
    catalog = load_catalog(root, base_dir=Path.cwd())
    setup = [p for p in catalog.errors if not p.path.startswith(_rel(root / "papers") + "/")]
    if setup:
        _print_problems(setup)
        print("fix categories.yaml and tags.yaml first; nothing written", file=sys.stderr)
        return 1
    given = any(getattr(args, name) not in (None, []) for name in _FIELD_FLAGS)
    interactive = not args.no_input and sys.stdin.isatty()
    if not given and not interactive:
        print("give the paper's fields as options (see --help); on a terminal, "
              "`mkdocs-awesome new` asks for them", file=sys.stderr)
        return 2
    try:
        fields, bad = _gather(args, catalog, interactive)
    except (EOFError, KeyboardInterrupt):
        print("\nstopped; nothing written", file=sys.stderr)
        return 1
    if bad:
        for message in bad:
            print(f"mkdocs-awesome new: {message}", file=sys.stderr)
        return 2

    papers = root / "papers"
    papers.mkdir(exist_ok=True)
    existing = {f.stem for f in papers.iterdir() if f.is_file()}
    taken = existing | {k.lower() for k in existing}
    year = int(fields["date"][:4])
    key = key_suggestion(fields["authors"], year, fields["title"], taken)
    path = papers / f"{key}.yaml"
    display = _rel(path)
    schema = args.schema or schema_reference(papers)
    text = entry_text(fields, schema)
    _, problems = _entry_problems(text, key, display, catalog, {f.stem for f in papers.glob("*.yaml")})
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        _print_problems(_sorted(problems))
        print(f"{display}: not written", file=sys.stderr)
        return 1
    if not write_atomic(path, text, overwrite=False):
        print(f"{display}: exists; not overwritten", file=sys.stderr)
        return 1
    _print_problems(_sorted(problems))
    print(display)
    return 0


# --------------------------------------------------------------------------------------------
# readme


def cmd_readme(args: argparse.Namespace) -> int:
    """Regenerate the list between the README's markers, or check that it is up to date."""
    from .exports.readme import ReadmeError, update_readme

    path = Path(args.readme)
    shown = _rel(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{shown}: cannot read: {exc}", file=sys.stderr)
        return 2
    catalog = load_catalog(args.entries, base_dir=Path.cwd())
    if catalog.errors:
        _print_problems(_sorted(catalog.errors))
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


# --------------------------------------------------------------------------------------------
# generate


def cmd_generate(args: argparse.Namespace) -> int:
    """Write the generated pages and files into OUTDIR for another site generator."""
    from .generate import generate

    catalog = load_catalog(args.entries, base_dir=Path.cwd())
    _print_problems(_sorted(catalog.problems))
    report = generate(catalog, args.outdir, force=args.force)
    print(report.summary(_rel(args.outdir)))
    return 1 if catalog.errors or report.conflicts else 0


# --------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-awesome", description="Tools for a curated list of papers kept as YAML entries."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "new", help="add a paper: write entries/papers/<key>.yaml",
        description="Write a new entry under the suggested key and print its path. Without "
        "options, on a terminal, asks for each field. Never overwrites a file; works offline.",
    )
    p.add_argument("--arxiv", help="arXiv id, e.g. 2408.00714 (gives the paper link and date)")
    p.add_argument("--title")
    p.add_argument("--author", action="append", default=[], help="one author; repeat in order")
    p.add_argument("--date", help="release of the first version: YYYY-MM or YYYY-MM-DD")
    p.add_argument("--category", action="append", default=[], help="category slug; repeatable")
    p.add_argument("--tag", action="append", default=[], help="tag; repeatable")
    p.add_argument("--paper", metavar="URL", help="paper link (default: the arXiv abstract)")
    p.add_argument("--code", metavar="URL")
    p.add_argument("--project", metavar="URL")
    p.add_argument("--demo", metavar="URL")
    p.add_argument("--data", metavar="URL")
    p.add_argument("--venue", help="e.g. 'CVPR 2025'")
    p.add_argument("--venue-type", dest="venue_type", choices=VENUE_TYPES)
    p.add_argument("--doi")
    p.add_argument("--summary", help="one line in your own words")
    p.add_argument("--entries", default="entries", help="the entries folder (default: entries)")
    p.add_argument("--schema", help="what the yaml-language-server line points at "
                   "(default: the schema in this checkout, or a copy beside the entries folder)")
    p.add_argument("--no-input", action="store_true", help="never ask, even on a terminal")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("lint", help="check entries like a compiler")
    p.add_argument("paths", nargs="*", help="only report problems in these files or folders; "
                   "an entries folder given here is checked as a whole")
    p.add_argument("--entries", default=None, help="the entries folder (default: entries)")
    p.add_argument("--format", choices=("text", "github", "json"), default=None,
                   help="default: github when GITHUB_ACTIONS=true, else text")
    p.set_defaults(func=cmd_lint)

    p = sub.add_parser("import", help="import an awesome-list README into entries")
    p.add_argument("readme")
    p.add_argument("--entries", default="entries")
    p.add_argument("--force", action="store_true", help="overwrite existing entry files")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "readme", help="regenerate the list in README.md between the awesome:readme markers",
    )
    p.add_argument("--readme", default="README.md")
    p.add_argument("--entries", default="entries")
    p.add_argument("--check", action="store_true",
                   help="change nothing; exit 1 when the README is out of date")
    p.add_argument("--level", type=int, choices=range(1, 7), default=3, metavar="1-6",
                   help="heading level of top-level categories (default: 3)")
    p.set_defaults(func=cmd_readme)

    p = sub.add_parser("generate", help="write the pages and files for another site generator")
    p.add_argument("outdir")
    p.add_argument("--entries", default="entries")
    p.add_argument("--force", action="store_true",
                   help="overwrite files in OUTDIR that an earlier run did not write")
    p.set_defaults(func=cmd_generate)

    from .commands_net import register  # add, enrich, refresh, links: the network commands
    register(sub)
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
