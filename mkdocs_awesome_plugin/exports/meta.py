"""Citation metadata for a paper's HTML page: Highwire Press `<meta>` tags (read by Google
Scholar and Zotero) and a schema.org `ScholarlyArticle` for JSON-LD.

Both return plain data; the template `render/templates/head_citation.html` writes them, with
autoescaped attributes and JSON-LD through the `script_json` filter, which escapes `<`, `>` and
`&` so that a title holding `</script>` cannot close the element.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ..catalog.links import arxiv_pdf_url, arxiv_url, doi_url
from ..catalog.model import Entry
from . import display_name, one_line, split_name, venue_kind

__all__ = ["highwire_meta", "pdf_url", "scholarly_article_jsonld"]


def pdf_url(entry: Entry) -> str | None:
    """A direct PDF link: arXiv's when the paper is on arXiv, else a paper link ending in .pdf."""
    if entry.arxiv:
        return arxiv_pdf_url(entry.arxiv)
    paper = entry.links.get("paper")
    if paper and urlsplit(paper).path.lower().endswith(".pdf"):
        return paper
    return None


def _publication_date(entry: Entry) -> str:
    d = entry.date
    base = f"{d.year:04d}/{d.month:02d}"
    return base if d.day is None else f"{base}/{d.day:02d}"


def highwire_meta(entry: Entry) -> list[tuple[str, str]]:
    """`(name, content)` pairs for Highwire Press `<meta>` tags, in a stable order.

    Authors are given as written (corporate braces removed), one tag each, in order; Google
    Scholar accepts both "Given Family" and "Family, Given".
    """
    tags: list[tuple[str, str]] = [("citation_title", one_line(entry.title))]
    tags += [("citation_author", display_name(a)) for a in entry.authors]
    tags.append(("citation_publication_date", _publication_date(entry)))
    if entry.venue:
        kind = venue_kind(entry)
        if kind == "proceedings":
            tags.append(("citation_conference_title", one_line(entry.venue)))
        elif kind == "journal":
            tags.append(("citation_journal_title", one_line(entry.venue)))
    pdf = pdf_url(entry)
    if pdf:
        tags.append(("citation_pdf_url", pdf))
    if entry.doi:
        tags.append(("citation_doi", entry.doi))
    if entry.arxiv:
        tags.append(("citation_arxiv_id", entry.arxiv))
    return tags


def scholarly_article_jsonld(entry: Entry, page_url: str | None) -> dict[str, Any]:
    """A schema.org `ScholarlyArticle` describing `entry`, as a JSON-ready dict.

    `url` is the catalogue page when given (else the paper link); `sameAs` lists the other
    places the paper lives. Corporate authors are `Organization`s, people `Person`s.
    """
    title = one_line(entry.title)
    paper = entry.links.get("paper")
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": title,
        "name": title,
        "author": [
            {
                "@type": "Organization" if split_name(a).is_literal else "Person",
                "name": display_name(a),
            }
            for a in entry.authors
        ],
        "datePublished": entry.date.iso,
    }
    url = page_url or paper
    if url:
        data["url"] = url
    same_as: list[str] = []
    for candidate in (
        paper,
        doi_url(entry.doi) if entry.doi else None,
        arxiv_url(entry.arxiv) if entry.arxiv else None,
    ):
        if candidate and candidate != url and candidate not in same_as:
            same_as.append(candidate)
    if same_as:
        data["sameAs"] = same_as
    identifiers = []
    if entry.doi:
        identifiers.append({"@type": "PropertyValue", "propertyID": "DOI", "value": entry.doi})
    if entry.arxiv:
        identifiers.append({"@type": "PropertyValue", "propertyID": "arXiv", "value": entry.arxiv})
    if identifiers:
        data["identifier"] = identifiers
    if entry.venue:
        kind = venue_kind(entry)
        container = "Periodical" if kind == "journal" else "CreativeWork"
        data["isPartOf"] = {"@type": container, "name": one_line(entry.venue)}
    if entry.summary:
        summary = one_line(entry.summary)
        data["abstract"] = summary
        data["description"] = summary
    return data
