"""Atom feeds (RFC 4287) of the newest papers, written with `xml.etree` so every text is escaped.

Dates: an entry's `updated` is when it joined the list (`added`, else its release date) and its
`published` is its release date, both at midnight UTC (a month-only date counts as the 1st). The
feed's `updated` is the newest entry's, so a rebuild without new papers writes the same bytes.

Links and ids: with the site's URL known, links are absolute and ids are the papers' page URLs.
Without it, links are relative to the feed file (RFC 4287 resolves them against the feed's own
URL) and ids are stable `urn:uuid:` values derived from the citation key.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..catalog.model import Entry, PartialDate

ATOM_NS = "http://www.w3.org/2005/Atom"
GENERATOR = "mkdocs-awesome-plugin"
_ID_NAMESPACE = uuid.UUID("6f1c0a55-1f4e-5d2e-9a57-3b0d6c9e7a11")

# characters XML 1.0 does not allow at all (the loader already refuses control characters, but
# noncharacters such as U+FFFE would still make the feed unparsable)
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def timestamp(date: PartialDate) -> str:
    return f"{date.year:04d}-{date.month:02d}-{date.day or 1:02d}T00:00:00Z"


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Most recently added first; then newest release, then title and key (stable output)."""
    items = list(entries)
    items.sort(key=lambda e: (e.title.casefold(), e.key))
    items.sort(key=lambda e: (e.added_or_date.sort_key, e.date.sort_key), reverse=True)
    return items


def key_urn(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, key)}"


@dataclass(frozen=True)
class FeedInfo:
    title: str
    feed_id: str
    self_href: str
    alternate_href: str  # the HTML page showing the same papers
    subtitle: str = ""
    author: str = "The list's contributors"


def _el(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, name, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        node.text = xml_text(text)
    return node


def _summary(entry: Entry) -> str:
    parts = []
    if entry.summary:
        parts.append(entry.summary)
    if entry.authors:
        parts.append("Authors: " + ", ".join(entry.authors) + (" et al." if entry.et_al else ""))
    if entry.venue:
        parts.append("Venue: " + entry.venue)
    if entry.links.get("code"):
        parts.append("Code: " + entry.links["code"])
    return "\n".join(parts)


def atom_feed(
    info: FeedInfo,
    entries: list[Entry],
    *,
    link_for: Callable[[Entry], str],
    id_for: Callable[[Entry], str],
) -> bytes:
    """The Atom document for `entries` (already in feed order), as UTF-8 bytes."""
    # Unprefixed names under a default `xmlns`: every element is in the Atom namespace.
    feed = ET.Element("feed", {"xmlns": ATOM_NS})
    _el(feed, "id", info.feed_id)
    _el(feed, "title", info.title, type="text")
    if info.subtitle:
        _el(feed, "subtitle", info.subtitle, type="text")
    newest = max((e.added_or_date.sort_key for e in entries), default=None)
    updated = next(
        (timestamp(e.added_or_date) for e in entries if e.added_or_date.sort_key == newest),
        "1970-01-01T00:00:00Z",
    )
    _el(feed, "updated", updated)
    _el(feed, "link", rel="self", type="application/atom+xml", href=info.self_href)
    _el(feed, "link", rel="alternate", type="text/html", href=info.alternate_href)
    author = _el(feed, "author")
    _el(author, "name", info.author)
    _el(feed, "generator", GENERATOR)
    for entry in entries:
        item = _el(feed, "entry")
        _el(item, "id", id_for(entry))
        _el(item, "title", entry.title, type="text")
        _el(item, "updated", timestamp(entry.added_or_date))
        _el(item, "published", timestamp(entry.date))
        _el(item, "link", rel="alternate", type="text/html", href=link_for(entry))
        if entry.links.get("paper"):
            _el(item, "link", rel="related", href=entry.links["paper"])
        for name in entry.authors:
            _el(_el(item, "author"), "name", name)
        for tag in entry.tags:
            _el(item, "category", term=tag)
        summary = _summary(entry)
        if summary:
            _el(item, "summary", summary, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
