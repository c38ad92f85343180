"""Fill what entries leave empty (authors, a title that is only a link label, the day of the
date, venue, venue type, DOI, code link) from arXiv and Crossref. Prints a unified diff per
file and changes nothing unless given --write. A non-empty field is never replaced unless named
with --overwrite; where the sources disagree with the entry, a note says so. Answers are kept
in .cache/mkdocs-awesome/, so a second run sends no request and an interrupted run resumes."""

from __future__ import annotations

import argparse

from .network import add_network_arguments, review

OVERWRITABLE = ("title", "authors", "date", "venue", "venue_type", "doi", "links.code")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="entry files or folders (default: entries)")
    parser.add_argument("--write", action="store_true", help="write the changes shown")
    parser.add_argument("--overwrite", action="append", choices=OVERWRITABLE, metavar="FIELD",
                        help="also replace this non-empty field; repeatable "
                        f"({', '.join(OVERWRITABLE)})")
    add_network_arguments(parser)


def run(args: argparse.Namespace) -> int:
    return review(args, refresh=False, command="enrich")
