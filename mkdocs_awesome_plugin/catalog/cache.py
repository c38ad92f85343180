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
from .titles import memo_for


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
        self._ahead: dict[str, tuple] = {}  # path as shown -> (stamp, bytes, digest): read_ahead
        self._found: dict[str, object] = {}  # parsed entries read ahead, by digest

    def checked(self, entries: list[Entry], stamp: str, check: Callable[[], list[Problem]]):
        """`check()` (the checks across entries) from the disk cache when the same files
        (by their bytes) were checked with the same `stamp` (the other inputs) before.

        The near-identical-title check alone took several seconds at 10,000 entries on every
        build; a build whose entries did not change now reads its result back."""
        if self.checks is None or any(e.path not in self.digests for e in entries):
            return check()
        key = cache_key("checks", stamp, *(self.digests[e.path] for e in entries))
        found = self.checks.get(key)
        # the titles compared by the last check run, kept under one key: after an edit, a new
        # process (a CI build, the first save under `mkdocs serve`) scores only the new titles
        # against the rest instead of every title again (1.2 s at 10,000 entries)
        pairs_key = cache_key("title-pairs")
        if not isinstance(found, list):
            index = memo_for(self)
            index.restore(self.checks.get(pairs_key))
            found = check()
            self.checks.put(key, found)
            self.checks.put(pairs_key, index.state())
        else:
            self.checks.keep([pairs_key])  # a pruning build keeps it for the next edit
        return found

    def read_ahead(self, files: list[tuple[Path, str, str]]) -> None:
        """Get ready to `parse` each (file, key, path as shown): the files not held in memory
        are read, and their parsed entries asked of the disk cache in one go (at 10,000 files,
        one lookup each cost more than the data they read)."""
        wanted: list[str] = []
        self._ahead.clear()
        self._found = {}
        for file, key, display in files:
            try:
                st = file.stat()
            except OSError:
                continue  # `parse` reports it
            stamp = (st.st_mtime_ns, st.st_size)
            cached = self._items.get(display)
            if cached is not None and cached.stamp == stamp:
                self._ahead[display] = (stamp, None, "")
                continue
            try:
                data = file.read_bytes()
            except OSError:
                continue
            digest = cache_key("entry", key, display, data)
            self._ahead[display] = (stamp, data, digest)
            wanted.append(digest)
        if self.disk is not None and wanted:
            self._found = self.disk.get_many(wanted)

    def parse(self, file: Path, key: str, display: str) -> tuple[Entry | None, list[Problem]]:
        """`parse_entry` of `file`, from the cache while the file is unchanged."""
        ahead = self._ahead.pop(display, None)
        if ahead is None:
            st = file.stat()
            stamp, data, digest = (st.st_mtime_ns, st.st_size), None, ""
        else:
            stamp, data, digest = ahead
        cached = self._items.get(display)
        if cached is not None and cached.stamp == stamp:
            self.hits += 1
            return cached.entry, cached.problems
        self.misses += 1
        if data is None:
            data = file.read_bytes()
        found = None
        if self.disk is not None:
            digest = self.digests[display] = digest or cache_key("entry", key, display, data)
            found = self._found.pop(digest, None)
            if found is None:
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
