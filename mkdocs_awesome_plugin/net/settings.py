"""Network settings, read from the environment each time a client is made (see the package
docstring for the list)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ARXIV_API = "https://export.arxiv.org/api/query"
CROSSREF_API = "https://api.crossref.org"


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a number") from None
    if value < 0:
        raise ValueError(f"{name}={raw!r} must not be negative")
    return value


@dataclass(frozen=True)
class Settings:
    arxiv_api: str
    crossref_api: str
    mailto: str | None
    arxiv_interval: float
    crossref_interval: float
    arxiv_batch: int
    timeout: float
    retries: int
    backoff: float
    cache_dir: Path

    @classmethod
    def from_environment(cls, *, mailto: str | None = None) -> Settings:
        """Settings from `AWESOME_*` variables; a ValueError names a malformed one."""
        return cls(
            arxiv_api=os.environ.get("AWESOME_ARXIV_API") or ARXIV_API,
            crossref_api=(os.environ.get("AWESOME_CROSSREF_API") or CROSSREF_API).rstrip("/"),
            mailto=mailto or os.environ.get("AWESOME_MAILTO") or None,
            arxiv_interval=_number("AWESOME_ARXIV_INTERVAL", 3.0),
            crossref_interval=_number("AWESOME_CROSSREF_INTERVAL", 0.2),
            arxiv_batch=max(1, int(_number("AWESOME_ARXIV_BATCH", 50))),
            timeout=_number("AWESOME_NET_TIMEOUT", 20.0) or 20.0,
            retries=int(_number("AWESOME_NET_RETRIES", 3)),
            backoff=_number("AWESOME_NET_BACKOFF", 2.0),
            cache_dir=Path(os.environ.get("AWESOME_CACHE_DIR") or ".cache/mkdocs-awesome"),
        )
