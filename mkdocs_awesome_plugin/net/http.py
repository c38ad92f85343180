"""HTTP GET with a rate limit, retries with backoff, time-outs, and one-line errors."""

from __future__ import annotations

import threading
import time

import httpx

USER_AGENT = "mkdocs-awesome (https://github.com/mkdocs-awesome-plugin)"


class NetError(Exception):
    """A request that failed for good; the message is one line naming what was asked for."""


class RateLimit:
    """At least `interval` seconds between the starts of two requests to one service."""

    def __init__(self, interval: float):
        self.interval = interval
        self._last: float | None = None
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = time.monotonic()
            if self._last is not None:
                delay = self._last + self.interval - now
                if delay > 0:
                    time.sleep(delay)
                    now = time.monotonic()
            self._last = now


def _reason(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "no answer in time"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        if "refused" in text:
            return "connection refused"
        if "name or service" in text or "nodename" in text or "getaddrinfo" in text:
            return "host not found"
        return "cannot connect"
    return type(exc).__name__


class Http:
    """A GET that retries what may pass (429, 5xx, time-outs, refused connections) with
    exponential backoff, and raises `NetError` with a one-line message otherwise."""

    def __init__(self, *, timeout: float, retries: int, backoff: float,
                 user_agent: str = USER_AGENT):
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.client = httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": user_agent}
        )
        self.requests = 0  # sent, retries included (reported at the end of a run)

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, *, params: dict | None = None, what: str, limit: RateLimit,
            missing_ok: bool = False) -> httpx.Response | None:
        """The answer to GET `url`; None for a 404 when `missing_ok`."""
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            limit.wait()
            self.requests += 1
            try:
                response = self.client.get(url, params=params)
            except httpx.TransportError as exc:
                problem = f"{what}: {_reason(exc)} ({url})"
                continue
            status = response.status_code
            if status == 404 and missing_ok:
                return None
            if status == 429 or status >= 500:
                problem = f"{what}: the server answered HTTP {status} ({url})"
                continue
            if status >= 400:
                raise NetError(f"{what}: the server answered HTTP {status} ({url})")
            return response
        tries = self.retries + 1
        raise NetError(f"{problem}, {tries} {'try' if tries == 1 else 'tries'}")
