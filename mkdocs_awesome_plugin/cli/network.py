"""What `add`, `enrich` and `refresh` share: making the clients, fetching, and reviewing changes."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from ..catalog import Problem
from ..catalog.identity import arxiv_from_url, doi_from_url
from ..net import NetError
from ..net.arxiv import ArxivClient, ArxivRecord
from ..net.cache import Cache
from ..net.crossref import CrossrefClient, CrossrefRecord
from ..net.entryfile import EntryFile, entry_files, read_entry_file
from ..net.fields import arxiv_fields, combine, crossref_fields, merge
from ..net.http import Http
from ..net.settings import Settings
from .problems import format_problem

# arXiv's own DOIs (10.48550/arXiv.…) are registered with DataCite, not Crossref
ARXIV_DOI_PREFIX = "10.48550/"


def add_network_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mailto", help="your e-mail for Crossref's polite pool "
                        "(default: $AWESOME_MAILTO)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write .cache/mkdocs-awesome/")


@dataclass
class Clients:
    http: Http
    arxiv: ArxivClient
    crossref: CrossrefClient

    def close(self) -> None:
        self.http.close()


def make_clients(args: argparse.Namespace) -> Clients:
    """Clients configured from the environment and the flags; ValueError for a bad setting."""
    settings = Settings.from_environment(mailto=getattr(args, "mailto", None))
    cache = None if getattr(args, "no_cache", False) else Cache(settings.cache_dir)
    http = Http(timeout=settings.timeout, retries=settings.retries, backoff=settings.backoff)
    return Clients(
        http,
        ArxivClient(http, cache, api=settings.arxiv_api, interval=settings.arxiv_interval,
                    batch=settings.arxiv_batch),
        CrossrefClient(http, cache, api=settings.crossref_api,
                       interval=settings.crossref_interval, mailto=settings.mailto),
    )


def ids_of(ef: EntryFile) -> tuple[str | None, str | None]:
    """The entry's arXiv id and DOI, from its fields or its paper link."""
    entry = ef.entry
    paper = entry.links.get("paper", "")
    return entry.arxiv or arxiv_from_url(paper), entry.doi or doi_from_url(paper)


def crossref_doi(doi: str | None) -> str | None:
    return doi if doi and not doi.startswith(ARXIV_DOI_PREFIX) else None


@dataclass
class Review:
    """The outcome of `enrich` or `refresh` over some files."""

    files: int = 0
    changed: int = 0
    written: int = 0
    notes: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)


def review(args: argparse.Namespace, *, refresh: bool, command: str) -> int:
    """Fetch, merge, print a diff per file and notes; write with `--write`."""
    files: list[EntryFile] = []
    result = Review()
    for path in entry_files(args.paths or ["entries"]):
        ef, problems = read_entry_file(path, _display(path))
        if ef is None:
            first = next((p for p in problems if p.severity == "error"), problems[0])
            result.skipped.append(Problem(first.path, first.line, "", "has errors (see "
                                          "mkdocs-awesome lint); left alone", "warning"))
            continue
        files.append(ef)
    result.files = len(files)
    if not files and not result.skipped:
        print(f"mkdocs-awesome {command}: no entry files in {' '.join(args.paths or ['entries'])}",
              file=sys.stderr)
        return 2
    try:
        clients = make_clients(args)
    except ValueError as exc:
        print(f"mkdocs-awesome {command}: {exc}", file=sys.stderr)
        return 2
    overwrite = set(args.overwrite or [])
    try:
        arxiv_ids = [a for a, _ in map(ids_of, files) if a]
        records = clients.arxiv.fetch(arxiv_ids, fresh=refresh)
        works: dict[str, CrossrefRecord | None] = {}
        for ef in files:
            arxiv, doi = ids_of(ef)
            record = records.get(arxiv) if arxiv else None
            doi = crossref_doi(doi or (record.doi if record else None))
            if doi and _wants_crossref(ef, record, refresh):
                works[doi] = clients.crossref.work(doi, fresh=refresh)
    except NetError as exc:
        print(str(exc), file=sys.stderr)
        print(f"mkdocs-awesome {command}: nothing written; answers received so far are kept in "
              "the cache, so running the command again picks up from here", file=sys.stderr)
        return 1
    finally:
        clients.close()

    for ef in files:
        arxiv, doi = ids_of(ef)
        record = records.get(arxiv) if arxiv else None
        if arxiv and record is None and arxiv in records:
            result.notes.append(Problem(ef.display, ef.entry.line_of("arxiv"), "arxiv",
                                        f"arXiv does not know {arxiv}", "note"))
        doi = crossref_doi(doi or (record.doi if record else None))
        work = works.get(doi) if doi else None
        found = combine(arxiv_fields(record) if record else None,
                        crossref_fields(work) if work else None)
        if not found:
            continue
        if refresh:
            found = {k: v for k, v in found.items() if k in ("title", "venue", "venue_type", "doi")}
        merged = merge(ef.fields(), found, overwrite=overwrite, refresh=refresh)
        for name, message in merged.notes:
            if refresh and name == "title":
                message = f"arXiv's newest title is {found['title']!r} (--overwrite title takes it)"
            result.notes.append(Problem(ef.display, ef.entry.line_of(name), name, message, "note"))
        new_text = ef.text_with(merged.fields)
        if new_text == ef.text:
            continue
        result.changed += 1
        print(ef.diff(new_text), end="")
        if args.write:
            errors = ef.write(new_text)
            for p in errors:
                print(format_problem(p, "text"), file=sys.stderr)
            if not errors:
                result.written += 1

    for p in sorted(result.skipped + result.notes, key=lambda p: (p.path, p.line)):
        print(format_problem(p, "text"), file=sys.stderr)
    action = (f"{result.written} written" if args.write
              else "run again with --write to apply" if result.changed else "nothing to change")
    print(f"{result.files} entries, {result.changed} with changes ({action}), "
          f"{len(result.notes)} notes, {clients.http.requests} requests", file=sys.stderr)
    return 0


def _wants_crossref(ef: EntryFile, record: ArxivRecord | None, refresh: bool) -> bool:
    fields = ef.data
    if refresh:
        return not fields.get("venue") or fields.get("venue_type") == "preprint" \
            or not fields.get("doi")
    return record is None or not fields.get("venue") or not fields.get("venue_type")


def _display(path) -> str:
    from .problems import display_path as _rel

    return _rel(path)
