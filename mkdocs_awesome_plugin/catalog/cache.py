"""Parsed entries kept between builds: in memory while `mkdocs serve` runs, and on disk (a
`DiskCache` keyed by the file's bytes, its key and path) between runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .diskcache import DiskCache, cache_key
from .model import Entry
from .parse import parse_entry
from .problems import WARNING, Problem


@dataclass
class _CachedParse:
    stamp: tuple[int, int]
    entry: Entry | None
    problems: list[Problem]


class EntryCache:
    """Parsed entries keyed by path, reused while a file's mtime and size are unchanged.

    It also remembers each file's last version that loaded. While `mkdocs serve` runs, an edit
    that breaks a file reports its errors and keeps that last good version on the site, so the
    page being edited does not vanish from the preview; the next valid save replaces it.
    """

    def __init__(self, disk: DiskCache | None = None) -> None:
        self.disk = disk  # parsed entries by content hash, shared between runs
        self.checks: DiskCache | None = None  # results of the checks across entries (`checked`)
        self._items: dict[str, _CachedParse] = {}
        self._last_good: dict[str, Entry] = {}
        self.digests: dict[str, str] = {}  # path as shown -> hash of the file's last bytes read
        self.hits = 0
        self.misses = 0

    def checked(self, entries: list[Entry], stamp: str, check: Callable[[], list[Problem]]):
        """`check()` (the checks across entries) from the disk cache when the same files
        (by their bytes) were checked with the same `stamp` (the other inputs) before.

        The near-identical-title check alone took several seconds at 10,000 entries on every
        build; a build whose entries did not change now reads its result back."""
        if self.checks is None or any(e.path not in self.digests for e in entries):
            return check()
        key = cache_key("checks", stamp, *(self.digests[e.path] for e in entries))
        found = self.checks.get(key)
        if not isinstance(found, list):
            found = check()
            self.checks.put(key, found)
        return found

    def parse(self, file: Path, key: str, display: str) -> tuple[Entry | None, list[Problem]]:
        """`parse_entry` of `file`, from the cache while the file is unchanged."""
        st = file.stat()
        stamp = (st.st_mtime_ns, st.st_size)
        cached = self._items.get(display)
        if cached is not None and cached.stamp == stamp:
            self.hits += 1
            return cached.entry, cached.problems
        self.misses += 1
        data = file.read_bytes()
        found = None
        if self.disk is not None:
            digest = self.digests[display] = cache_key("entry", key, display, data)
            found = self.disk.get(digest)
        if isinstance(found, tuple) and len(found) == 2:
            entry, problems = found
        else:
            entry, problems = parse_entry(data, key, display)
            if self.disk is not None:
                self.disk.put(digest, (entry, problems))
        if entry is not None:
            self._last_good[display] = entry
        elif display in self._last_good:
            entry = self._last_good[display]
            problems = problems + [Problem(
                display, 1, "", "the site keeps this entry's last valid version until the file "
                "is fixed", WARNING,
            )]
        self._items[display] = _CachedParse(stamp, entry, problems)
        return entry, problems
