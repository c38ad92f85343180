"""Find what changed since entries were written: a preprint since published (venue, venue type
and DOI from arXiv's journal_ref and doi, and Crossref) and a newer arXiv title (a note; taken
with --overwrite title). Always asks the sources afresh (and updates the cache). Prints a
unified diff per file and changes nothing unless given --write."""

from __future__ import annotations

import argparse

from .network import add_network_arguments, review

OVERWRITABLE = ("title", "venue", "venue_type", "doi")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="entry files or folders (default: entries)")
    parser.add_argument("--write", action="store_true", help="write the changes shown")
    parser.add_argument("--overwrite", action="append", choices=OVERWRITABLE, metavar="FIELD",
                        help=f"also replace this non-empty field ({', '.join(OVERWRITABLE)})")
    add_network_arguments(parser)


def run(args: argparse.Namespace) -> int:
    return review(args, refresh=True, command="refresh")
