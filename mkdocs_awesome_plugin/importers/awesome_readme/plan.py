"""Merge the rows of a parsed README into one planned entry per paper. Pure: writes nothing.

The same paper (same arXiv id, DOI or link) under several sections is one entry in several
categories; listed twice in one section it is merged once and counted as a duplicate. Two rows with
the same link but different titles are a conflict: the first is kept, the second skipped and both
are named (path:line) in the report; they are never merged silently.

An arXiv row and a row whose paper link is the published version (a DOI or a publisher page)
with the same title are one entry too: the published link becomes the paper link and its venue
the venue, and the arXiv id is kept (`merged_published` counts them).

Keys come from `key_suggestion` (`anon…` when the list names no author). Every imported entry
gets the tag `untagged` (`IMPORT_TAG`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...catalog.identity import title_identity
from ...catalog.keys import key_suggestion
from .parse import ParsedList, Row

IMPORT_TAG = "untagged"


@dataclass
class PlannedEntry:
    """One paper to write: the first row's facts plus every category it was listed under."""

    key: str
    title: str
    date: str
    categories: list[str]
    links: dict[str, str]
    arxiv: str | None
    doi: str | None
    rows: list[Row]
    authors: list[str] = field(default_factory=list)
    et_al: bool = False
    venue: str | None = None
    summary: str | None = None
    paper: str = ""  # the paper link written; the published version's once merged
    status: str = "planned"  # planned, written, exists, known (held by another file)
    path: Path | None = None

    @property
    def first(self) -> Row:
        return self.rows[0]

    def data(self) -> dict:
        """The entry's fields; `catalog.writer` orders them and leaves out the empty ones."""
        return {
            "title": self.title,
            "authors": list(self.authors),
            "et_al": self.et_al,
            "date": self.date,
            "venue": self.venue,
            "arxiv": self.arxiv,
            "doi": self.doi,
            "categories": list(self.categories),
            "tags": [IMPORT_TAG],
            "links": {"paper": self.paper or self.first.url, **self.links},
            "summary": self.summary,
        }


@dataclass
class Plan:
    """The entries to write, and what merging the rows found on the way."""

    entries: list[PlannedEntry]
    duplicates_merged: int
    cross_listed: int
    conflicts: list[tuple[Row, Row]]
    notes: list[str]
    merged_published: int = 0  # an arXiv row and its published version's row, by title


def conflict_message(kept: Row, skipped: Row) -> str:
    """How a conflict is reported: both rows by `path:line`, and which one was kept."""
    return (
        f"{skipped.where}: {skipped.title!r} links the same paper ({skipped.identity}) as "
        f"{kept.where} {kept.title!r} under a different title; kept {kept.where}, "
        f"skipped {skipped.where}"
    )


def _absorb(entry: PlannedEntry, row: Row) -> None:
    """Take what `row` adds to `entry`: links, authors, venue, summary."""
    for kind, url in row.links.items():
        if kind not in entry.links:
            entry.links[kind] = url
    if not entry.authors and row.authors:
        entry.authors, entry.et_al = list(row.authors), row.et_al
    entry.venue = entry.venue or row.venue
    entry.summary = entry.summary or row.summary


def plan_entries(parsed: ParsedList) -> Plan:
    """Merge rows into one entry per paper and give each a key. Pure."""
    by_id: dict[str, PlannedEntry] = {}
    by_title: dict[str, PlannedEntry] = {}
    order: list[PlannedEntry] = []
    duplicates = cross = published = 0
    conflicts: list[tuple[Row, Row]] = []
    notes: list[str] = []
    for row in parsed.rows:
        slug = row.category
        if slug is None:
            continue
        entry = by_id.get(row.identity)
        if entry is None:
            twin = by_title.get(title_identity(row.title))
            if twin is not None and (twin.arxiv is None) != (row.arxiv is None):
                # the preprint and its published version: one entry
                if row.arxiv is None:
                    twin.paper, twin.doi = row.url, row.doi or twin.doi
                    twin.venue = row.venue or twin.venue
                else:
                    twin.arxiv = row.arxiv
                if slug not in twin.categories:
                    twin.categories.append(slug)
                _absorb(twin, row)
                twin.rows.append(row)
                by_id[row.identity] = twin
                published += 1
                continue
            entry = PlannedEntry(key="", title=row.title, date=row.date, categories=[slug],
                                 links=dict(row.links), arxiv=row.arxiv, doi=row.doi, rows=[row],
                                 authors=list(row.authors), et_al=row.et_al, venue=row.venue,
                                 summary=row.summary, paper=row.url)
            by_id[row.identity] = entry
            by_title.setdefault(title_identity(row.title), entry)
            order.append(entry)
            continue
        if title_identity(row.title) != title_identity(entry.title):
            conflicts.append((entry.first, row))
            continue
        if slug in entry.categories:
            duplicates += 1
        else:
            entry.categories.append(slug)
            cross += 1
        if row.date != entry.date:
            notes.append(f"{row.where}: release {row.date} differs from {entry.first.where} "
                         f"({entry.date}); kept {entry.date}")
        _absorb(entry, row)
        entry.rows.append(row)
    # a published version listed without a month joins its arXiv row by title
    for row in parsed.undated:
        twin = by_title.get(title_identity(row.title))
        if twin is None or twin.arxiv is None or row.identity in by_id \
                or twin.paper != twin.first.url:  # it has its published version already
            continue
        twin.paper, twin.doi = row.url, row.doi or twin.doi
        twin.venue = row.venue or twin.venue
        if row.category and row.category not in twin.categories:
            twin.categories.append(row.category)
        _absorb(twin, row)
        twin.rows.append(row)
        by_id[row.identity] = twin
        published += 1
        skipped = parsed.skips.get("no-month", [])
        if row.where in skipped:
            skipped.remove(row.where)  # not skipped after all
    taken: set[str] = set()
    for entry in order:
        entry.key = key_suggestion(entry.authors, int(entry.date[:4]), entry.title, taken)
        taken.add(entry.key)
    return Plan(order, duplicates, cross, conflicts, notes, published)
