"""From fetched metadata to entry fields, and how they are merged into an entry.

The rules, in one place for `add`, `enrich` and `refresh`:

- A field is *filled* only when the entry has it empty: no authors, a title that is only a link
  label (`arXiv`, `[Paper]`, the URL itself), no venue, venue type, DOI, primary category
  (`arxiv_class`) or code link.
- A date known to the month (`2024-08`, as `import` takes it from the arXiv id) is completed to
  arXiv's day of the first version when that day falls in the same month; the month the list
  gives is kept, only the day is added. Any other difference is a note.
- A non-empty field is never replaced unless named in `overwrite`; where the source disagrees
  (another title, another author count, another DOI) a note says so.
- `refresh` also replaces a `venue_type` of `preprint` once the paper is published.

Text from a source loses bidirectional controls and invisible characters (`without_hidden`),
with a note. arXiv's primary category (`cs.CV`) fills an empty `arxiv_class`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..catalog.identity import (
    arxiv_url,
    doi_url,
    normalize_arxiv,
    normalize_doi,
    normalize_title,
    title_identity,
)
from ..catalog.links import on_code_host
from ..catalog.names import display_name
from ..catalog.text import strip_hidden
from .arxiv import ArxivRecord
from .crossref import CrossrefRecord

_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')\]]+")
LINK_LABELS = frozenset(
    "paper pdf arxiv link abs abstract code project page website preprint doi html".split()
)
CROSSREF_TYPES = {
    "proceedings-article": "conference",
    "journal-article": "journal",
    "posted-content": "preprint",
}
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&-]{1,15})\)")


def code_link_from_comment(comment: str) -> str | None:
    """The first URL in an arXiv comment that points at a code host, without trailing dots."""
    for url in _URL_IN_TEXT.findall(comment or ""):
        url = url.rstrip(".,;:")
        if on_code_host(url) and urlsplit(url).path.strip("/"):
            return url
    return None


def is_link_label(title: str, links: dict | None = None) -> bool:
    """Whether a title is only a link's label (`arXiv`, `[PDF]`, a URL or an arXiv id)."""
    text = (title or "").strip()
    if not text or text.startswith(("http://", "https://")) or normalize_arxiv(text):
        return True
    words = normalize_title(text).split()
    return bool(words) and all(w in LINK_LABELS for w in words)


def crossref_venue(record: CrossrefRecord) -> str:
    """A short venue: `CVPR 2025` from "2025 IEEE/CVF Conference … (CVPR)", otherwise the
    container title as Crossref gives it."""
    year = record.date[:4]
    for text in (record.container, record.event):
        m = _ACRONYM.search(text or "")
        if m and year:
            return f"{m.group(1)} {year}"
    return record.container or record.short_container


def arxiv_fields(record: ArxivRecord) -> dict:
    """Entry fields arXiv gives: title, authors, date, arxiv, paper and code links, and the
    DOI and venue of a published version (`arxiv:doi`, `arxiv:journal_ref`)."""
    fields: dict = {
        "title": record.title,
        "authors": list(record.authors),
        "date": record.published,
        "arxiv": record.arxiv,
        "links": {"paper": arxiv_url(record.arxiv)},
    }
    if record.primary_category:
        fields["arxiv_class"] = record.primary_category
    code = code_link_from_comment(record.comment)
    if code:
        fields["links"]["code"] = code
    doi = normalize_doi(record.doi) if record.doi else None
    if doi:
        fields["doi"] = doi
    if record.journal_ref:
        fields["venue"] = record.journal_ref
    return fields


def crossref_fields(record: CrossrefRecord) -> dict:
    """Entry fields Crossref gives: title, authors, date, DOI, venue and venue type."""
    fields: dict = {
        "title": record.title,
        "authors": list(record.authors),
        "doi": record.doi,
        "links": {"paper": doi_url(record.doi)},
    }
    if len(record.date) >= 7:  # an entry's date is known at least to the month
        fields["date"] = record.date
    venue_type = CROSSREF_TYPES.get(record.type)
    if venue_type and venue_type != "preprint":
        fields["venue"] = crossref_venue(record)
        fields["venue_type"] = venue_type
    return fields


def combine(arxiv: dict | None, crossref: dict | None) -> dict:
    """arXiv's fields, with Crossref's DOI, venue and venue type preferred (the published
    version); Crossref's title, authors and date only when there is no arXiv record."""
    if not arxiv:
        return dict(crossref or {})
    out = {**arxiv, "links": dict(arxiv.get("links", {}))}
    for name in ("doi", "venue", "venue_type"):
        if crossref and crossref.get(name):
            out[name] = crossref[name]
    return out


@dataclass
class Merge:
    """The entry's fields after filling, and notes on what was found but not applied."""

    fields: dict
    changed: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (field, message)


def _empty(value) -> bool:
    return value in (None, "", [], {})


def _same_authors(a: list[str], b: list[str]) -> bool:
    return [title_identity(display_name(x)) for x in a] == [
        title_identity(display_name(x)) for x in b]


def without_hidden(found: dict) -> tuple[dict, list[tuple[str, str]]]:
    """`found` with bidirectional controls and invisible characters taken out of its text
    (title, authors, venue), and a note for each field that held some: an entry may not hold
    them (the loader refuses them), whatever a source sends."""
    out = dict(found)
    notes: list[tuple[str, str]] = []
    for name in ("title", "venue"):
        if isinstance(out.get(name), str):
            out[name], removed = strip_hidden(out[name])
            if removed:
                notes.append((name, f"removed {removed} hidden character(s) the source sent"))
    if out.get("authors"):
        cleaned = [strip_hidden(a) for a in out["authors"]]
        out["authors"] = [a for a, _ in cleaned]
        removed = sum(n for _, n in cleaned)
        if removed:
            notes.append(("authors", f"removed {removed} hidden character(s) the source sent"))
    return out, notes


def merge(current: dict, found: dict, *, overwrite=frozenset(), refresh: bool = False) -> Merge:
    """Fill `current` (an entry's fields as read) from `found` under the rules above."""
    out = {**current, "links": dict(current.get("links") or {})}
    found, hidden_notes = without_hidden(found)
    result = Merge(out, notes=hidden_notes)

    def put(name: str, value) -> None:
        out[name] = value
        result.changed.append(name)

    title = str(current.get("title") or "")
    new_title = found.get("title")
    if new_title:
        if is_link_label(title) or "title" in overwrite:
            if new_title != title:
                put("title", new_title)
        elif title_identity(title) != title_identity(new_title):
            result.notes.append(("title", f"the source's title is {new_title!r}"))

    authors = list(current.get("authors") or [])
    new_authors = found.get("authors") or []
    if new_authors:
        if not authors or "authors" in overwrite:
            if new_authors != authors:
                put("authors", list(new_authors))
                if current.get("et_al") and "authors" not in overwrite:
                    put("et_al", False)
        elif not _same_authors(authors, new_authors) and not current.get("et_al"):
            result.notes.append(("authors", f"the source lists {len(new_authors)} authors "
                                 f"({display_name(new_authors[0])} first), the entry "
                                 f"{len(authors)}"))

    date = str(current.get("date") or "")
    new_date = found.get("date") or ""
    if new_date and date != new_date:
        if not date or "date" in overwrite:
            put("date", new_date)
        elif len(date) == 7 and len(new_date) == 10 and new_date.startswith(date):
            put("date", new_date)  # the same month, now with its day
        elif not new_date.startswith(date) and not date.startswith(new_date):
            result.notes.append(("date", f"the source gives {new_date}"))

    for name in ("venue", "venue_type", "doi", "arxiv_class"):
        value = found.get(name)
        if not value:
            continue
        have = current.get(name)
        preprint = refresh and current.get("venue_type") == "preprint" and found.get("venue_type")
        if _empty(have) or name in overwrite or (preprint and name == "venue_type"):
            if value != have:
                put(name, value)
        elif name == "doi" and (normalize_doi(str(have)) or "").lower() != value.lower():
            result.notes.append(("doi", f"the source gives DOI {value}"))
        elif name == "venue" and title_identity(str(have)) != title_identity(value):
            result.notes.append(("venue", f"the source gives {value!r}"))

    if not refresh:
        for kind, url in (found.get("links") or {}).items():
            if _empty(out["links"].get(kind)) or f"links.{kind}" in overwrite:
                if out["links"].get(kind) != url:
                    out["links"][kind] = url
                    result.changed.append(f"links.{kind}")
    return result
