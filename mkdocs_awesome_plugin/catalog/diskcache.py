"""A cache on disk, shared between builds: values stored under the hash of their inputs.

`.cache/mkdocs-awesome/` (beside mkdocs.yml) holds parsed entries (`entries.sqlite`, see
`EntryCache`), the result of the checks across them (`checks.sqlite`) and what a build renders
(`fragments.sqlite`: pages, `<head>` metadata, each entry's citations, feeds and the related
papers' index; see `CatalogBuild`). A key is
a hash of everything the value is made from, including the plugin's own files, the versions of
the libraries it stores the output of and Python's (`code_digest`), so a stale value is never
found, not even after an upgrade or in CI restoring the previous commit's cache: it is only
never read again. Deleting the folder is always safe.

Why SQLite (Python's own `sqlite3`) rather than a file per value: a cold build of 1,000 papers
stores about 2,100 values, and creating that many small files (a temporary file, a rename, a
folder each) cost seconds on the file systems measured here; one database file takes them in a
few transactions. SQLite also gives what the file-per-value cache did by hand: two builds at
once never read half a value (readers see committed rows only; WAL mode lets them read while
another build writes). Writes are batched (`BATCH` values or `BATCH_BYTES` per transaction) and
the last batch is written by `flush`, which the plugin calls after each build; values not yet
flushed are still found by `get`. The `diskcache` package does the same on SQLite, but commits
each value in its own transaction unless the caller holds a lock for a whole batch; the few
lines here avoid that and a dependency. A database that cannot be opened or read is a miss,
never an error: the build goes on without the cache and renders everything.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import os
import pickle
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path

FOLDER = Path(".cache") / "mkdocs-awesome"  # relative to mkdocs.yml
BATCH = 500  # values per write transaction at the most
BATCH_BYTES = 4 << 20  # and bytes: a listing page of 10,000 papers is megabytes


# the libraries whose output is stored in the cache (rendering, citations, parsing, checks);
# not the package's requirements: MarkupSafe is not one of them, and MkDocs, Material and
# httpx make nothing the cache holds (an editable install's metadata can also be stale)
_LIBRARIES = ("bibtexparser", "Jinja2", "MarkupSafe", "PyYAML", "jsonschema", "fastjsonschema",
              "rapidfuzz")
_SOURCES = (".py", ".html", ".json", ".js", ".css", ".svg", ".yaml", ".yml")


def code_digest() -> str:
    """A hash of the package's own files (by name within the package, and content) and of the
    versions of the libraries whose output the cache stores: a CI runner restoring the cache
    of the previous commit must not serve pages that commit's code made. ~30 ms, once a process."""
    root = Path(sys.modules[__package__.split(".")[0]].__file__).parent
    h = hashlib.blake2b(digest_size=20)
    for path in sorted(p for p in root.rglob("*") if p.suffix in _SOURCES and p.is_file()):
        if "__pycache__" in path.parts:
            continue
        h.update(path.relative_to(root).as_posix().encode("utf-8", "surrogatepass") + b"\0")
        with contextlib.suppress(OSError):
            h.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={importlib.metadata.version(name)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{name}=\0".encode())
    return h.hexdigest()


@functools.cache
def _versioned() -> hashlib.blake2b:
    """A hash started with the code (the package's version and files, its libraries' versions,
    Python's version), copied per key."""
    package = sys.modules[__package__.split(".")[0]]
    h = hashlib.blake2b(digest_size=20)
    for part in (getattr(package, "__version__", ""), code_digest(), sys.version):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h


def cache_key(*parts: str | bytes) -> str:
    """A hash of `parts` and of the code version (the package's and Python's)."""
    h = _versioned().copy()
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


_FRESH_BITS = 1 << 21  # see DiskCache._fresh: ~2 % of absent keys looked up at 50,000 written
_UNREADABLE = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError,
               TypeError, ValueError)


class DiskCache:
    """Values (pickled) by key in the SQLite file `path`: `get`, `put` and `flush`."""

    def __init__(self, path: str | os.PathLike, track_use: bool = False) -> None:
        """`track_use`: remember which keys are read or written, for `prune`. Off by default:
        the keys of a 10,000-paper build hold ~5 MB."""
        self.path = Path(path)
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._pending: dict[str, bytes] = {}
        self._pending_bytes = 0
        # when the file held nothing at opening (a cold build): a bit per hash of the keys
        # written since, the only ones a lookup can find; the others are misses without a query
        # (~1 s of a cold 10,000-paper build asked SQLite for tens of thousands of absent
        # keys). Bits, not the keys: 256 KiB where a set of 50,000 keys would hold ~5 MB
        self._fresh: bytearray | None = None
        self._used: set[str] | None = set() if track_use else None  # keys read or written

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                     check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=OFF")  # a cache: a lost write is only a miss
                db.execute("PRAGMA cache_size=-256")  # KiB; each value is read once a build
                db.execute("CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, value BLOB)")
                if db.execute("SELECT 1 FROM cache LIMIT 1").fetchone() is None:
                    self._fresh = bytearray(_FRESH_BITS // 8)
                self._db = db
            except (OSError, sqlite3.Error):
                self._broken = True  # e.g. a read-only checkout: build without the cache
        return self._db

    def get(self, key: str):
        """The value stored under `key`, or None."""
        data = self._pending.get(key)
        if data is None and (db := self._connect()) is not None and self._stored(key):
            try:
                row = db.execute("SELECT value FROM cache WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error:
                row = None
            data = row[0] if row else None
        try:
            value = pickle.loads(data) if data is not None else None
        except _UNREADABLE:
            value = None
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
            if self._used is not None:
                self._used.add(key)
        return value

    def get_many(self, keys: list[str]) -> dict[str, object]:
        """{key: value} for those of `keys` stored, read in one query per 500 keys (a lookup
        costs more than its data when a build asks for ten thousand small values)."""
        raw: dict[str, bytes] = {}
        rest = []
        for key in keys:
            data = self._pending.get(key)
            if data is not None:
                raw[key] = data
            else:
                rest.append(key)
        if rest and (db := self._connect()) is not None:
            rest = [key for key in rest if self._stored(key)]
            for start in range(0, len(rest), 500):
                chunk = rest[start : start + 500]
                marks = ",".join("?" * len(chunk))
                with contextlib.suppress(sqlite3.Error):
                    raw.update(db.execute(
                        f"SELECT key, value FROM cache WHERE key IN ({marks})", chunk).fetchall())
        values: dict[str, object] = {}
        for key, data in raw.items():
            try:
                value = pickle.loads(data)
            except _UNREADABLE:
                continue
            if value is not None:
                values[key] = value
        self.hits += len(values)
        self.misses += len(keys) - len(values)
        if self._used is not None:
            self._used.update(values)
        return values

    def _stored(self, key: str) -> bool:
        """Whether `key` may be in the file (False only for keys never written to a cache that
        was empty when opened; a key sharing another's bit is only looked up)."""
        if self._fresh is None:
            return True
        bit = hash(key) & (_FRESH_BITS - 1)
        return bool(self._fresh[bit >> 3] & (1 << (bit & 7)))

    def put(self, key: str, value) -> None:
        """Store `value` under `key`; written with the next full batch or `flush`."""
        data = self._pending[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if self._used is not None:
            self._used.add(key)
        self._pending_bytes += len(data)
        if len(self._pending) >= BATCH or self._pending_bytes >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write the values not yet written, in one transaction (a failure only loses them)."""
        pending, self._pending, self._pending_bytes = self._pending, {}, 0
        if not pending or (db := self._connect()) is None:
            return
        if (fresh := self._fresh) is not None:
            for key in pending:
                bit = hash(key) & (_FRESH_BITS - 1)
                fresh[bit >> 3] |= 1 << (bit & 7)
        with contextlib.suppress(sqlite3.Error):
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("INSERT OR REPLACE INTO cache VALUES (?, ?)", pending.items())
                db.execute("COMMIT")
            except sqlite3.Error:
                db.execute("ROLLBACK")

    @property
    def tracking(self) -> bool:
        return self._used is not None

    def keep(self, keys: Iterable[str]) -> None:
        """Count `keys` as used without reading them (values a later build will want, such as
        the rows of a listing page that came whole from the cache)."""
        if self._used is not None:
            self._used.update(keys)

    def prune(self) -> tuple[int, int]:
        """Delete every value not read or written since the cache was opened (`track_use`),
        and give the file's unused space back when that is at least a quarter of it. Returns
        (values deleted, bytes the file shrank by). Without it the file only grows: each edit
        adds the pages it changed."""
        if self._used is None:
            return 0, 0
        self.flush()
        db = self._connect()
        if db is None:
            return 0, 0
        before = self._size()
        deleted = 0
        with contextlib.suppress(sqlite3.Error):
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("DELETE FROM used")
                db.executemany("INSERT OR IGNORE INTO used VALUES (?)",
                               ((key,) for key in self._used))
                deleted = db.execute(
                    "DELETE FROM cache WHERE key NOT IN (SELECT key FROM used)").rowcount
                db.execute("DELETE FROM used")
                db.execute("COMMIT")
            except sqlite3.Error:
                db.execute("ROLLBACK")
                return 0, 0
            free, pages = (db.execute(f"PRAGMA {name}").fetchone()[0]
                           for name in ("freelist_count", "page_count"))
            if pages and free * 4 >= pages:
                db.execute("VACUUM")
        with contextlib.suppress(sqlite3.Error):  # even when VACUUM could not run
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted, max(0, before - self._size())

    def _size(self) -> int:
        """Bytes of the database file and its write-ahead log."""
        total = 0
        for path in (self.path, self.path.with_name(self.path.name + "-wal")):
            with contextlib.suppress(OSError):
                total += path.stat().st_size
        return total

    def keys(self) -> set[str]:
        """Every key stored (for tests and tools)."""
        self.flush()
        db = self._connect()
        if db is None:
            return set()
        return {key for (key,) in db.execute("SELECT key FROM cache")}

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None


def prune_unused(caches: Iterable[DiskCache]) -> str:
    """`prune` each of `caches`; a line for the build log saying what went."""
    deleted = freed = 0
    for cache in caches:
        gone, shrunk = cache.prune()
        deleted, freed = deleted + gone, freed + shrunk
    return (f"build cache: {deleted} values this build did not use deleted "
            f"({freed / 2**20:.1f} MiB freed)")
