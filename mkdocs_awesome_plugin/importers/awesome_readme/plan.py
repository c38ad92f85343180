"""Merge the rows of a parsed README into one planned entry per paper. Pure: writes nothing.

The same paper (same arXiv id, DOI or link) under several sections is one entry in several
categories; listed twice in one section it is merged once and counted as a duplicate. Two rows with
the same link but different titles are a conflict: the first is kept, the second skipped and both
are named (path:line) in the report; they are never merged silently.

Keys come from `key_suggestion` (no authors are known, so they start with `anon`). Every imported
entry gets the tag `untagged` (`IMPORT_TAG`).
"""

from __future__ import annotations

from dataclasses import dataclass
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
    status: str = "planned"  # planned, written, exists, known (held by another file)
    path: Path | None = None

    @property
    def first(self) -> Row:
        return self.rows[0]

    def data(self) -> dict:
        """The entry's fields; `catalog.writer` orders them and leaves out the empty ones."""
        return {
            "title": self.title,
            "authors": [],
            "date": self.date,
            "arxiv": self.arxiv,
            "doi": self.doi,
            "categories": list(self.categories),
            "tags": [IMPORT_TAG],
            "links": {"paper": self.first.url, **self.links},
        }


@dataclass
class Plan:
    """The entries to write, and what merging the rows found on the way."""

    entries: list[PlannedEntry]
    duplicates_merged: int
    cross_listed: int
    conflicts: list[tuple[Row, Row]]
    notes: list[str]


def conflict_message(kept: Row, skipped: Row) -> str:
    """How a conflict is reported: both rows by `path:line`, and which one was kept."""
    return (
        f"{skipped.where}: {skipped.title!r} links the same paper ({skipped.identity}) as "
        f"{kept.where} {kept.title!r} under a different title; kept {kept.where}, "
        f"skipped {skipped.where}"
    )


def plan_entries(parsed: ParsedList) -> Plan:
    """Merge rows into one entry per paper and give each a key. Pure."""
    by_id: dict[str, PlannedEntry] = {}
    order: list[PlannedEntry] = []
    duplicates = cross = 0
    conflicts: list[tuple[Row, Row]] = []
    notes: list[str] = []
    taken: set[str] = set()
    for row in parsed.rows:
        slug = row.category
        if slug is None:
            continue
        entry = by_id.get(row.identity)
        if entry is None:
            year = int(row.date[:4])
            key = key_suggestion([], year, row.title, taken)
            taken.add(key)
            entry = PlannedEntry(key=key, title=row.title, date=row.date, categories=[slug],
                                 links=dict(row.links), arxiv=row.arxiv, doi=row.doi, rows=[row])
            by_id[row.identity] = entry
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
        for kind, url in row.links.items():
            if kind not in entry.links:
                entry.links[kind] = url
        entry.rows.append(row)
    return Plan(order, duplicates, cross, conflicts, notes)
