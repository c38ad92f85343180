"""Checking links: HEAD (GET when HEAD is refused), redirects followed, a few requests per host
at a time, time-outs; dead links and permanent moves found."""

from __future__ import annotations

import threading
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from .http import USER_AGENT, _reason

PERMANENT = (301, 308)
HEAD_REFUSED = (405, 501)


@dataclass(frozen=True)
class LinkResult:
    """What one URL answered: `dead` says why it is dead, `moved_to` where it moved for good."""

    url: str
    status: int | None = None
    dead: str | None = None
    moved_to: str | None = None


def _check(client: httpx.Client, url: str, timeout: float) -> LinkResult:
    try:
        response = client.head(url)
        if response.status_code in HEAD_REFUSED:
            with client.stream("GET", url) as streamed:  # the body is not read
                response = streamed
    except httpx.TimeoutException:
        return LinkResult(url, dead=f"no answer within {timeout:g} s")
    except httpx.TransportError as exc:
        return LinkResult(url, dead=_reason(exc))
    except httpx.InvalidURL as exc:
        return LinkResult(url, dead=f"not a valid URL ({exc})")
    status = response.status_code
    if status >= 400:
        return LinkResult(url, status, dead=f"HTTP {status}")
    hops = response.history
    if hops and all(h.status_code in PERMANENT for h in hops):
        return LinkResult(url, status, moved_to=str(response.url))
    return LinkResult(url, status)


def check_links(urls: list[str], *, timeout: float = 10.0, per_host: int = 2,
                workers: int = 8) -> dict[str, LinkResult]:
    """Each URL's result; at most `per_host` requests to one host at a time."""
    unique = list(dict.fromkeys(urls))
    gates: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(per_host))
    for url in unique:  # made before the threads start, so no two gates for one host
        gates[(urlsplit(url).hostname or "").lower()]
    client = httpx.Client(timeout=timeout, follow_redirects=True,
                          headers={"User-Agent": USER_AGENT})

    def one(url: str) -> LinkResult:
        with gates[(urlsplit(url).hostname or "").lower()]:
            return _check(client, url, timeout)

    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            return dict(zip(unique, pool.map(one, unique), strict=True))
    finally:
        client.close()
