"""`mkdocs-awesome new`: add a paper as `entries/papers/<key>.yaml`.

The fields come from the flags and, on a terminal, from questions (`prompt`). The file is checked
with the same checks `lint` runs before it is written, and it is never written over another.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..catalog import load_catalog, parse_entry
from ..catalog.crossfile import vocabulary_problems
from ..catalog.identity import arxiv_month, arxiv_url
from ..catalog.keys import key_suggestion
from ..catalog.model import LINK_KINDS, VENUE_TYPES, Catalog, Entry, PartialDate, Problem
from ..catalog.quality import check_catalog
from ..catalog.writer import entry_text
from ..fileio import write_atomic
from ..schema import schema_reference
from .problems import display_path, print_problems, sort_problems
from .prompt import (
    BadAnswer,
    Prompter,
    check_arxiv,
    check_date,
    check_doi,
    check_url,
    check_venue_type,
    check_words,
    one_line,
)

_FIELD_FLAGS = ("arxiv", "title", "author", "date", "category", "tag", "paper", "code",
                "project", "demo", "data", "venue", "venue_type", "doi", "summary", "arxiv_class")


def add_parser(sub) -> argparse.ArgumentParser:
    """The `new` sub-command and its options."""
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
    p.add_argument("--arxiv-class", dest="arxiv_class", help="arXiv's primary category, e.g. cs.CV")
    p.add_argument("--summary", help="one line in your own words")
    p.add_argument("--entries", default="entries", help="the entries folder (default: entries)")
    p.add_argument("--schema", help="what the yaml-language-server line points at "
                   "(default: the schema in this checkout, or a copy beside the entries folder)")
    p.add_argument("--no-input", action="store_true", help="never ask, even on a terminal")
    return p


def run(args: argparse.Namespace) -> int:
    """Write a new entry under the suggested key; print its path."""
    root = Path(args.entries)
    if not root.is_dir():
        print(f"{display_path(root)}: no entries folder here (use --entries)", file=sys.stderr)
        return 2
    catalog = load_catalog(root, base_dir=Path.cwd())
    setup = [p for p in catalog.errors if not p.path.startswith(display_path(root / "papers") + "/")]
    if setup:
        print_problems(setup)
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
    display = display_path(path)
    schema = args.schema or schema_reference(papers)
    text = entry_text(fields, schema)
    _, problems = _entry_problems(text, key, display, catalog, {f.stem for f in papers.glob("*.yaml")})
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        print_problems(sort_problems(problems))
        print(f"{display}: not written", file=sys.stderr)
        return 1
    if not write_atomic(path, text, overwrite=False):
        print(f"{display}: exists; not overwritten", file=sys.stderr)
        return 1
    print_problems(sort_problems(problems))
    print(display)
    return 0


def _category_lines(catalog: Catalog) -> str:
    return "\n".join(
        f"  {'  ' * c.depth}{c.slug}  ({c.title})" for c in catalog.all_categories()
    )


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
        except BadAnswer as exc:
            bad.append(f"--{name.replace('_', '-')}: {exc}")
            return None

    fields["arxiv"] = take("arxiv", args.arxiv, check_arxiv)
    fields["title"] = take("title", args.title, one_line(500))
    fields["authors"] = [a for a in (take("author", a, one_line(300)) for a in args.author or []) if a]
    fields["date"] = take("date", args.date, check_date)
    fields["categories"] = take("category", " ".join(args.category), check_words(slugs, "category")) if args.category else None
    fields["tags"] = take("tag", " ".join(args.tag), check_words(tags, "tag")) if args.tag else None
    for kind in LINK_KINDS:
        value = take(kind, getattr(args, kind), check_url)
        if value:
            fields["links"][kind] = value
    fields["venue"] = take("venue", args.venue, one_line(300))
    fields["venue_type"] = take("venue_type", args.venue_type, check_venue_type)
    fields["doi"] = take("doi", args.doi, check_doi)
    fields["arxiv_class"] = take("arxiv_class", getattr(args, "arxiv_class", None), one_line(40))
    fields["summary"] = take("summary", args.summary, one_line(500))

    if bad:
        return fields, bad
    everything = interactive and not any(
        getattr(args, name) not in (None, []) for name in _FIELD_FLAGS
    )
    ask = Prompter()
    if everything:
        fields["arxiv"] = ask.ask("arXiv id", check_arxiv, optional=True)
    month = arxiv_month(fields["arxiv"]) if fields["arxiv"] else None
    month_text = PartialDate(*month).iso if month else None
    if not everything:
        # with flags, the arXiv id gives the date and the paper link unless they are given
        if not fields["date"] and month_text:
            fields["date"] = month_text
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
        fields["title"] = ask.ask("Title", one_line(500))
    if everything:
        fields["authors"] = ask.ask_list("Author", one_line(300))
    if not fields["date"]:
        fields["date"] = ask.ask(
            "Release date of the first version (YYYY-MM or YYYY-MM-DD)", check_date,
            default=month_text,
        )
    if not fields["links"].get("paper"):
        fields["links"]["paper"] = ask.ask(
            "Paper link", check_url,
            default=arxiv_url(fields["arxiv"]) if fields["arxiv"] else None,
        )
    if everything:
        code = ask.ask("Code link", check_url, optional=True)
        if code:
            fields["links"]["code"] = code
    if not fields["categories"]:
        print("Categories:\n" + _category_lines(catalog), file=sys.stderr)
        fields["categories"] = ask.ask("Categories (separated by spaces)",
                                       check_words(slugs, "category"))
    if not fields["tags"]:
        print("Tags: " + " ".join(tags), file=sys.stderr)
        fields["tags"] = ask.ask("Tags (separated by spaces)", check_words(tags, "tag"))
    if everything:
        fields["venue"] = ask.ask("Venue, e.g. CVPR 2025", one_line(300), optional=True)
        if fields["venue"]:
            fields["venue_type"] = ask.ask(
                f"Venue type ({', '.join(VENUE_TYPES)})", check_venue_type, optional=True
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
    problems += vocabulary_problems(entry, slugs, catalog.tags)
    others = [e for e in catalog.entries.values() if e.key != key]
    problems += [
        p for p in check_catalog(
            [*others, entry], known_keys=known_keys | {key},
            read=lambda e: text.encode("utf-8") if e.key == key else Path(e.path).read_bytes(),
            newest={key}, implies=catalog.tag_implies,
        )
        if p.path == display
    ]
    return entry, problems
