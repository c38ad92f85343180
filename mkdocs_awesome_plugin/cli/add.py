"""Add papers by arXiv id or DOI: title, authors in order, the first version's date, arXiv id,
DOI, venue and code link come from arXiv (and Crossref for a DOI); the entry then takes the path
of `mkdocs-awesome new`: the suggested key, the same checks, a paper already listed is refused.
On a terminal, missing categories and tags are asked for."""

from __future__ import annotations

import argparse
import sys

from ..catalog.identity import arxiv_id_anywhere, normalize_doi
from ..net import NetError
from ..net.fields import arxiv_fields, combine, crossref_fields, without_hidden
from .network import add_network_arguments, crossref_doi, make_clients
from .new import run as cmd_new


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="+", metavar="ID",
                        help="arXiv id or URL (2408.00714, arXiv:2408.00714v2, "
                        "https://arxiv.org/abs/…), DOI or https://doi.org/… link")
    parser.add_argument("--category", action="append", default=[], help="category slug; "
                        "repeatable (asked for on a terminal when missing)")
    parser.add_argument("--tag", action="append", default=[], help="tag; repeatable")
    parser.add_argument("--date", help="YYYY-MM or YYYY-MM-DD, for a paper whose sources give "
                        "no month (Crossref often gives only the year)")
    parser.add_argument("--entries", default="entries", help="the entries folder (default: entries)")
    parser.add_argument("--schema", help="what the yaml-language-server line points at")
    parser.add_argument("--no-input", action="store_true", help="never ask, even on a terminal")
    add_network_arguments(parser)


def _new_args(args: argparse.Namespace, fields: dict) -> argparse.Namespace:
    """The options `mkdocs-awesome new` would be given for these fields."""
    links = fields.get("links", {})
    return argparse.Namespace(
        arxiv=fields.get("arxiv"), title=fields.get("title"),
        author=list(fields.get("authors") or []), date=fields.get("date") or args.date,
        category=list(args.category), tag=list(args.tag),
        paper=links.get("paper"), code=links.get("code"), project=None, demo=None, data=None,
        venue=fields.get("venue"), venue_type=fields.get("venue_type"), doi=fields.get("doi"),
        summary=None, arxiv_class=fields.get("arxiv_class"), entries=args.entries, schema=args.schema, no_input=args.no_input,
    )


def run(args: argparse.Namespace) -> int:
    wanted: list[tuple[str, str | None, str | None]] = []
    for raw in args.ids:
        arxiv = arxiv_id_anywhere(raw)
        doi = None if arxiv else normalize_doi(raw)
        if not arxiv and not doi:
            print(f"mkdocs-awesome add: {raw!r} is neither an arXiv id (2408.00714) nor a DOI "
                  "(10.1000/xyz123)", file=sys.stderr)
            return 2
        wanted.append((raw, arxiv, doi))
    try:
        clients = make_clients(args)
    except ValueError as exc:
        print(f"mkdocs-awesome add: {exc}", file=sys.stderr)
        return 2
    found: list[tuple[str, dict]] = []
    try:
        records = clients.arxiv.fetch([a for _, a, _ in wanted if a])
        for raw, arxiv, doi in wanted:
            record = records.get(arxiv) if arxiv else None
            if arxiv and record is None:
                print(f"mkdocs-awesome add: arXiv does not know {arxiv}", file=sys.stderr)
                return 1
            doi = crossref_doi(doi or (record.doi if record else None))
            work = clients.crossref.work(doi) if doi else None
            if not arxiv and work is None:
                print(f"mkdocs-awesome add: Crossref does not know {doi}", file=sys.stderr)
                return 1
            found.append((raw, combine(arxiv_fields(record) if record else None,
                                       crossref_fields(work) if work else None)))
    except NetError as exc:
        print(f"{exc}; nothing written. Without the network, `mkdocs-awesome new` adds the "
              "paper from what you type", file=sys.stderr)
        return 1
    finally:
        clients.close()
    status = 0
    for raw, fields in found:
        fields, notes = without_hidden(fields)
        for name, message in notes:
            print(f"mkdocs-awesome add: {raw}: note: {name}: {message}", file=sys.stderr)
        status = max(status, cmd_new(_new_args(args, fields)))
    return status
