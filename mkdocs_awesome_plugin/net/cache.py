"""Answers kept on disk, one JSON file per paper, so a second run sends no request and an
interrupted run picks up where it stopped."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from ..fileio import write_atomic


class Cache:
    """`root/<service>/<id>.json`; `None` values record "not found" so it is not asked again."""

    MISSING = {"missing": True}

    def __init__(self, root: Path):
        self.root = Path(root)

    def _path(self, service: str, ident: str) -> Path:
        return self.root / service / (quote(ident.lower(), safe="") + ".json")

    def has(self, service: str, ident: str) -> bool:
        return self._path(service, ident).is_file()

    def get(self, service: str, ident: str) -> dict | None:
        """The stored record, `Cache.MISSING`, or None when nothing (readable) is stored."""
        try:
            data = json.loads(self._path(service, ident).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def put(self, service: str, ident: str, record: dict | None) -> None:
        payload = json.dumps(record if record is not None else self.MISSING, ensure_ascii=False,
                             indent=1, sort_keys=True)
        write_atomic(self._path(service, ident), payload + "\n", overwrite=True)
