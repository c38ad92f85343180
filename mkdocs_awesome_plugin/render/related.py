"""Related papers for each paper page, worked out once per build.

A paper's related papers are the ones sharing most of its tags and categories (one point per
shared tag and per shared category). Instead of comparing every pair of papers (N²), an
inverted index lists the papers of each tag and category; a paper's candidates are the papers
on its own lists, so the work grows with N × (papers per tag or category).

`supersedes` links are kept apart and shown both ways: the papers an entry supersedes, and the
papers that supersede it. They do not take a place in the related list.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
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


def _best(scores: Counter[str], rank: dict[str, int], size: int) -> list[str]:
    """The `size` keys of highest score, ties to the lower rank. Only the papers at the
    cut-off score are sorted by rank (sorts keyed by C-level lookups: this runs N times)."""
    if not scores:
        return []
    top = heapq.nlargest(size, scores.values())
    cut = top[-1]
    above = [k for k, n in scores.items() if n > cut]
    above.sort(key=rank.__getitem__)
    above.sort(key=scores.__getitem__, reverse=True)  # stable: equal scores keep rank order
    ties = heapq.nsmallest(size - len(above), (k for k, n in scores.items() if n == cut),
                           key=rank.__getitem__)
    return above + ties


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

    # rank of each paper, newest first then by key: ties in the score go to the smaller rank
    order = sorted(entries.values(), key=lambda e: e.key)
    order.sort(key=lambda e: e.date.sort_key, reverse=True)
    rank = {e.key: i for i, e in enumerate(order)}

    out: dict[str, Related] = {}
    for entry in entries.values():
        scores: Counter[str] = Counter()  # Counter.update counts a list in C
        for tag in set(entry.tags):
            scores.update(by_tag[tag])
        for slug in set(entry.categories):
            scores.update(by_category[slug])
        for key in set(entry.supersedes) | set(superseded_by[entry.key]) | {entry.key}:
            scores.pop(key, None)
        out[entry.key] = Related(
            similar=[entries[k] for k in _best(scores, rank, size)],
            supersedes=[entries[k] for k in entry.supersedes if k in entries],
            superseded_by=catalog.sorted_entries(entries[k] for k in superseded_by[entry.key]),
        )
    return out


def related_keys(catalog: Catalog, size: int = RELATED_SIZE) -> dict[str, tuple[list[str], ...]]:
    """`related_index` as keys only, (similar, supersedes, superseded_by) per entry: what a
    build keeps in its persistent cache."""
    return {key: ([e.key for e in r.similar], [e.key for e in r.supersedes],
                  [e.key for e in r.superseded_by])
            for key, r in related_index(catalog, size).items()}


def from_keys(keys: dict[str, tuple[list[str], ...]], catalog: Catalog) -> dict[str, Related]:
    """The index back from `related_keys` over the same catalogue."""
    entries = catalog.entries
    return {key: Related(*([entries[k] for k in part] for part in parts))
            for key, parts in keys.items()}


def related_inputs(catalog: Catalog) -> tuple[str, ...]:
    """What the index is made from, one string per entry: key, tags, categories, supersedes and
    date (a title or author edit leaves it as it was)."""
    return tuple(
        f"{e.key}\0{' '.join(e.tags)}\0{' '.join(e.categories)}\0{' '.join(e.supersedes)}"
        f"\0{e.date.sort_key}" for e in catalog.entries.values())
