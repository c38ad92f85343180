"""Crossref's REST API: `/works/{doi}`, JSON, with the "polite" `mailto`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from urllib.parse import quote

from ..catalog.identity import normalize_doi
from .cache import Cache
from .http import USER_AGENT, Http, NetError, RateLimit


@dataclass
class CrossrefRecord:
    """What Crossref says about one DOI."""

    doi: str
    title: str
    authors: list[str]
    container: str = ""
    short_container: str = ""
    type: str = ""
    date: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD, from published (or issued)
    publisher: str = ""
    event: str = ""


def _date(parts) -> str:
    try:
        first = parts["date-parts"][0]
        nums = [int(x) for x in first if x is not None][:3]
    except (KeyError, IndexError, TypeError, ValueError):
        return ""
    if not nums:
        return ""
    return "-".join([f"{nums[0]:04d}", *(f"{n:02d}" for n in nums[1:])])


def _first(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value or "").split())


def _author(person: dict) -> str:
    if person.get("name"):  # an organisation
        return "{" + _first(person["name"]) + "}"
    return " ".join(p for p in (_first(person.get("given")), _first(person.get("family"))) if p)


def parse_work(text: str | bytes, source: str) -> CrossrefRecord:
    """The record in a `/works/{doi}` answer. `NetError` when the answer is not one."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise NetError(f"{source}: the answer is not JSON ({exc})") from None
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("status") != "ok" or not isinstance(message, dict):
        raise NetError(f"{source}: the answer is not a Crossref work (no status ok and message)")
    doi = normalize_doi(str(message.get("DOI") or ""))
    if doi is None:
        raise NetError(f"{source}: the answer has no DOI")
    people = [p for p in message.get("author") or [] if isinstance(p, dict)]
    event = message.get("event")
    date = ""
    for name in ("published", "published-print", "published-online", "issued"):
        if isinstance(message.get(name), dict):
            date = _date(message[name])
            if date:
                break
    return CrossrefRecord(
        doi=doi,
        title=_first(message.get("title")),
        authors=[a for a in (_author(p) for p in people) if a],
        container=_first(message.get("container-title")),
        short_container=_first(message.get("short-container-title")),
        type=str(message.get("type") or ""),
        date=date,
        publisher=_first(message.get("publisher")),
        event=_first(event.get("name")) if isinstance(event, dict) else "",
    )


class CrossrefClient:
    """Looks works up by DOI, sending `mailto` (query and User-Agent) when one is set."""

    def __init__(self, http: Http, cache: Cache | None, *, api: str, interval: float,
                 mailto: str | None):
        self.http = http
        self.cache = cache
        self.api = api
        self.limit = RateLimit(interval)
        self.mailto = mailto
        if mailto:
            http.client.headers["User-Agent"] = f"{USER_AGENT} mailto:{mailto}"

    def work(self, doi: str, *, fresh: bool = False) -> CrossrefRecord | None:
        """The work, or None when Crossref does not know the DOI (404)."""
        doi = normalize_doi(doi) or doi
        if self.cache is not None and not fresh:
            stored = self.cache.get("crossref", doi)
            if stored is not None:
                return None if stored.get("missing") else CrossrefRecord(**stored)
        what = f"Crossref {doi}"
        params = {"mailto": self.mailto} if self.mailto else None
        response = self.http.get(f"{self.api}/works/{quote(doi, safe='')}", params=params,
                                 what=what, limit=self.limit, missing_ok=True)
        record = parse_work(response.content, what) if response is not None else None
        if self.cache is not None:
            self.cache.put("crossref", doi, asdict(record) if record else None)
        return record
