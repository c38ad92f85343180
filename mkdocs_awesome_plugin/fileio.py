"""Writing files so that a reader never sees half of one and an existing file is never clobbered.

Used by the commands that write into a contributor's working tree (`new`, `readme`, `generate`),
which may run while `mkdocs serve` watches the same folder: a rebuild must see either the old
file or the new one, never a truncated file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(
    path: str | os.PathLike, data: str | bytes, *, overwrite: bool, sync: bool = True
) -> bool:
    """Write `data` to `path` through a temporary file in the same folder.

    With `overwrite`, the temporary file replaces `path` in one rename. Without it, an existing
    `path` is left alone and False is returned, also when another process creates `path` while we
    write: the temporary file is hard-linked into place, which fails if the name is taken. (On a
    file system without hard links the check and the rename are two steps.) Text is written as
    UTF-8 with `\\n` line endings exactly as given. Returns True when the file was written.
    `sync=False` skips the fsync, for caches that any build can write again (thousands of
    files on a cold build, where an fsync each costs more than the build).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and path.exists():
        return False
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        if overwrite:
            os.replace(tmp, path)
            return True
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links here (some network and FAT file systems)
            if path.exists():
                return False
            os.replace(tmp, path)
        return True
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_if_changed(path: str | os.PathLike, data: str | bytes, *, sync: bool = True) -> bool:
    """Atomically replace `path` with `data` unless it already holds exactly that.

    Leaving unchanged files alone keeps their modification times, so a site generator watching
    the folder only rebuilds what changed. Returns True when the file was written.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == payload:
            return False
    except OSError:
        pass
    return write_atomic(path, payload, overwrite=True, sync=sync)
