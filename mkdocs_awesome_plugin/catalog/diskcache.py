"""A cache on disk, shared between builds: values in files named by the hash of their inputs.

`.cache/mkdocs-awesome/` (beside mkdocs.yml) holds parsed entries (`entries/`, see
`EntryCache`) and rendered pages (`fragments/`, see `CatalogBuild.render_page`). A key is a hash
of everything the value is made from, including the plugin's version and the Python version,
so a stale value is never found: it is only never read again. Deleting the folder is always
safe. Files are written through a temporary name and renamed, so that two builds at once
never read half a file; a file that cannot be read is a miss.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from ..fileio import write_atomic

FOLDER = Path(".cache") / "mkdocs-awesome"  # relative to mkdocs.yml


def cache_key(*parts: str | bytes) -> str:
    """A hash of `parts` and of the code version (the package's and Python's)."""
    package = sys.modules[__package__.split(".")[0]]
    h = hashlib.blake2b(digest_size=20)
    for part in (getattr(package, "__version__", ""), sys.version, *parts):
        h.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class DiskCache:
    """Values (pickled) by key in `folder`: `get` and `put`, nothing held in memory."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str):
        """The value stored under `key`, or None."""
        try:
            value = pickle.loads(self._path(key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                IndexError, TypeError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        """Store `value` under `key` (a failure to write only loses the cache entry)."""
        try:
            write_atomic(self._path(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
                         overwrite=True, sync=False)
        except OSError:
            return
