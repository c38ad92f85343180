"""Related papers for each paper page, worked out once per build.

A paper's related papers are the ones sharing most of its tags and categories (one point per
shared tag and per shared category). Instead of comparing every pair of papers (N²), an
inverted index lists the papers of each tag and category; a paper's candidates are the papers
on its own lists, so the work grows with N × (papers per tag or category).

`supersedes` links are kept apart and shown both ways: the papers an entry supersedes, and the
papers that supersede it. They do not take a place in the related list.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..catalog.model import Catalog, Entry

RELATED_SIZE = 5


@dataclass
class Related:
    """What a paper page shows under "Related"."""

    similar: list[Entry] = field(default_factory=list)
    supersedes: list[Entry] = field(default_factory=list)
    superseded_by: list[Entry] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.similar or self.supersedes or self.superseded_by)


def related_index(catalog: Catalog, size: int = RELATED_SIZE) -> dict[str, Related]:
    """{key: Related} for every entry of `catalog`.

    Order of `similar`: more shared tags and categories first, then the newer paper, then the
    key (stable output). Papers sharing nothing are never listed.
    """
    entries = catalog.entries
    by_tag: dict[str, list[str]] = defaultdict(list)
    by_category: dict[str, list[str]] = defaultdict(list)
    for entry in entries.values():
        for tag in entry.tags:
            by_tag[tag].append(entry.key)
        for slug in entry.categories:
            by_category[slug].append(entry.key)

    superseded_by: dict[str, list[str]] = defaultdict(list)
    for entry in entries.values():
        for old in entry.supersedes:
            if old in entries:
                superseded_by[old].append(entry.key)

    out: dict[str, Related] = {}
    for entry in entries.values():
        scores: dict[str, int] = defaultdict(int)
        for tag in set(entry.tags):
            for key in by_tag[tag]:
                scores[key] += 1
        for slug in set(entry.categories):
            for key in by_category[slug]:
                scores[key] += 1
        linked = set(entry.supersedes) | set(superseded_by[entry.key]) | {entry.key}
        candidates = [(n, entries[k]) for k, n in scores.items() if k not in linked]
        candidates.sort(key=lambda item: item[1].key)
        candidates.sort(key=lambda item: (item[0], item[1].date.sort_key), reverse=True)
        out[entry.key] = Related(
            similar=[e for _, e in candidates[:size]],
            supersedes=[entries[k] for k in entry.supersedes if k in entries],
            superseded_by=catalog.sorted_entries(entries[k] for k in superseded_by[entry.key]),
        )
    return out
