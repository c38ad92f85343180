"""arXiv's API: batched `id_list` queries, the Atom answer read with xml.etree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field

from ..catalog.identity import arxiv_from_url, normalize_arxiv
from .cache import Cache
from .http import Http, NetError, RateLimit

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"


@dataclass
class ArxivRecord:
    """What arXiv says about one paper (its latest version's title; the first version's date)."""

    arxiv: str
    title: str
    authors: list[str]
    published: str  # YYYY-MM-DD of version 1
    updated: str = ""
    primary_category: str = ""
    comment: str = ""
    journal_ref: str = ""
    doi: str = ""
    categories: list[str] = field(default_factory=list)


def _text(element: ET.Element | None) -> str:
    # arXiv wraps long titles over several lines with indentation: one line, single spaces
    return " ".join((element.text or "").split()) if element is not None else ""


def parse_feed(text: str | bytes, source: str) -> dict[str, ArxivRecord]:
    """The records of an arXiv Atom answer, by bare id. `NetError` when it is not one."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise NetError(f"{source}: the answer is not well-formed XML ({exc})") from None
    if root.tag != f"{ATOM}feed":
        raise NetError(f"{source}: the answer is not an Atom feed (root <{root.tag}>)")
    out: dict[str, ArxivRecord] = {}
    for entry in root.findall(f"{ATOM}entry"):
        link = _text(entry.find(f"{ATOM}id"))
        arxiv = arxiv_from_url(link)
        if arxiv is None:
            # arXiv answers a bad id with an entry whose id is .../api/errors#...
            raise NetError(f"{source}: arXiv says: {_text(entry.find(f'{ATOM}summary')) or link}")
        published = _text(entry.find(f"{ATOM}published"))[:10]
        primary = entry.find(f"{ARXIV}primary_category")
        out[arxiv] = ArxivRecord(
            arxiv=arxiv,
            title=_text(entry.find(f"{ATOM}title")),
            authors=[_text(a.find(f"{ATOM}name")) for a in entry.findall(f"{ATOM}author")],
            published=published,
            updated=_text(entry.find(f"{ATOM}updated"))[:10],
            primary_category=primary.get("term", "") if primary is not None else "",
            comment=_text(entry.find(f"{ARXIV}comment")),
            journal_ref=_text(entry.find(f"{ARXIV}journal_ref")),
            doi=_text(entry.find(f"{ARXIV}doi")),
            categories=[c.get("term", "") for c in entry.findall(f"{ATOM}category")],
        )
        if not out[arxiv].title or not out[arxiv].published:
            raise NetError(f"{source}: the entry for {arxiv} has no title or no <published>")
    return out


class ArxivClient:
    """Looks papers up by id, `batch` ids a request, at most one request every `interval`."""

    def __init__(self, http: Http, cache: Cache | None, *, api: str, interval: float,
                 batch: int):
        self.http = http
        self.cache = cache
        self.api = api
        self.limit = RateLimit(interval)
        self.batch = batch

    def fetch(self, ids: list[str], *, fresh: bool = False) -> dict[str, ArxivRecord | None]:
        """Records by bare id (None: arXiv does not know the id).

        Known answers come from the cache unless `fresh`. Each batch is stored as soon as it
        arrives, so a run stopped half-way asks only for the rest next time.
        """
        wanted = list(dict.fromkeys(filter(None, (normalize_arxiv(i) for i in ids))))
        out: dict[str, ArxivRecord | None] = {}
        todo: list[str] = []
        for arxiv in wanted:
            stored = None if fresh or self.cache is None else self.cache.get("arxiv", arxiv)
            if stored is None:
                todo.append(arxiv)
            elif stored.get("missing"):
                out[arxiv] = None
            else:
                out[arxiv] = ArxivRecord(**stored)
        for start in range(0, len(todo), self.batch):
            chunk = todo[start : start + self.batch]
            what = f"arXiv {', '.join(chunk)}" if len(chunk) <= 3 else (
                f"arXiv {chunk[0]} … {chunk[-1]} ({len(chunk)} ids)")
            response = self.http.get(
                self.api, params={"id_list": ",".join(chunk), "max_results": str(len(chunk))},
                what=what, limit=self.limit,
            )
            records = parse_feed(response.content, what)
            for arxiv in chunk:
                record = records.get(arxiv)
                out[arxiv] = record
                if self.cache is not None:
                    self.cache.put("arxiv", arxiv, asdict(record) if record else None)
        return out
