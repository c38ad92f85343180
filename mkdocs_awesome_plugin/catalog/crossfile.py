"""Checks of one entry against the rest of the entries folder: the vocabulary it names, and
identifiers another file already holds.

The wider data-quality checks (similar titles, copied authors, ...) are in `quality.py`.
"""

from __future__ import annotations

from collections.abc import Collection

from .model import Entry
from .problems import Problem
from .suggest import did_you_mean


def vocabulary_problems(
    entry: Entry, slugs: Collection[str], tags: Collection[str]
) -> list[Problem]:
    """Categories and tags of `entry` that `categories.yaml` / `tags.yaml` do not define."""
    problems = []
    for i, slug in enumerate(entry.categories):
        if slug not in slugs:
            problems.append(Problem(
                entry.path, entry.line_of("categories"), f"categories[{i}]",
                f"unknown category {slug!r}{did_you_mean(slug, slugs)}",
            ))
    for i, tag in enumerate(entry.tags):
        if tag not in tags:
            problems.append(Problem(
                entry.path, entry.line_of("tags"), f"tags[{i}]",
                f"unknown tag {tag!r}{did_you_mean(tag, tags)}",
            ))
    return problems


class IdentifierRegister:
    """arXiv ids and DOIs already taken by an accepted entry, to refuse a second holder."""

    def __init__(self) -> None:
        self.by_arxiv: dict[str, Entry] = {}
        self.by_doi: dict[str, Entry] = {}

    def problems(self, entry: Entry) -> list[Problem]:
        """`entry`'s arXiv id or DOI when an earlier entry holds it, naming that entry."""
        problems = []
        if entry.arxiv and entry.arxiv in self.by_arxiv:
            other = self.by_arxiv[entry.arxiv]
            problems.append(Problem(
                entry.path, entry.line_of("arxiv"), "arxiv",
                f"arXiv id {entry.arxiv} is also used by {other.path}:{other.line_of('arxiv')}",
            ))
        if entry.doi and entry.doi.lower() in self.by_doi:
            other = self.by_doi[entry.doi.lower()]
            problems.append(Problem(
                entry.path, entry.line_of("doi"), "doi",
                f"DOI {entry.doi} is also used by {other.path}:{other.line_of('doi')}",
            ))
        return problems

    def add(self, entry: Entry) -> None:
        if entry.arxiv:
            self.by_arxiv[entry.arxiv] = entry
        if entry.doi:
            self.by_doi[entry.doi.lower()] = entry
