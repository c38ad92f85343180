"""CSL-JSON export (the input format of citeproc-js, citeproc-py, Pandoc and Zotero).

Text is plain Unicode here: CSL processors do their own escaping for whatever they render to,
so nothing is LaTeX- or HTML-escaped. Types follow CSL 1.0.2: `paper-conference`,
`article-journal`, and `article` for preprints and anything else (CSL's type for
"a preprint, working paper or other unpublished article").
"""

from __future__ import annotations

import json
from typing import Any

from ..catalog.model import Entry
from . import one_line, split_name, venue_kind

__all__ = ["catalog_to_csl_json", "csl_author", "entry_to_csl"]

_TYPES = {"proceedings": "paper-conference", "journal": "article-journal"}


def csl_author(name: str) -> dict[str, str]:
    """One CSL name object: `{"family", "given"[, "suffix"]}` or `{"literal"}` for corporate names.

    Particles stay in `family` ("van der Maaten"): CSL processors split and sort them themselves,
    while a separate `non-dropping-particle` is not understood by every processor.
    """
    parsed = split_name(name)
    if parsed.is_literal:
        return {"literal": parsed.literal}
    out = {"family": parsed.full_family}
    if parsed.given:
        out["given"] = parsed.given
    if parsed.suffix:
        out["suffix"] = parsed.suffix
    return out


def entry_to_csl(entry: Entry) -> dict[str, Any]:
    """One CSL-JSON item for `entry` (id = the catalogue key)."""
    kind = venue_kind(entry)
    item: dict[str, Any] = {
        "id": entry.key,
        "type": _TYPES.get(kind, "article") if entry.venue else "article",
        "title": one_line(entry.title),
        "author": [csl_author(a) for a in entry.authors],
    }
    parts = [entry.date.year, entry.date.month]
    if entry.date.day is not None:
        parts.append(entry.date.day)
    item["issued"] = {"date-parts": [parts]}
    if entry.venue:
        item["container-title"] = one_line(entry.venue)
    if entry.arxiv and not (entry.venue and kind in _TYPES):
        # the CSL convention for preprints: the server is the publisher, the id the number
        item["publisher"] = "arXiv"
        item["number"] = entry.arxiv
        item["genre"] = "Preprint"
    if entry.doi:
        item["DOI"] = entry.doi
    if entry.links.get("paper"):
        item["URL"] = entry.links["paper"]
    if entry.summary:
        item["abstract"] = one_line(entry.summary)
    return item


def catalog_to_csl_json(entries: list[Entry]) -> str:
    """All `entries` as a CSL-JSON array (UTF-8 text, in the given order)."""
    return json.dumps([entry_to_csl(e) for e in entries], ensure_ascii=False, indent=2) + "\n"
