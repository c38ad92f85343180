"""What makes two records the same paper: arXiv ids, DOIs, link identity and title identity.

Every place that asks "is this the same paper?" (the loader, the quality checks, the importer,
`new`, and the commands that fetch metadata) calls these functions, so the answer cannot drift
between them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

ARXIV_NEW = re.compile(r"^(\d{4}\.\d{4,5})(v\d+)?$")
ARXIV_OLD = re.compile(r"^([a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7})(v\d+)?$")
DOI_RE = re.compile(r"^10\.\d{4,9}/[^\s]+$")
_ARXIV_URL = re.compile(
    r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/"
    r"([a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?/?(?:[?#].*)?$",
    re.IGNORECASE,
)
_DOI_PREFIXES = (
    "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:",
)
_DOI_HOSTS = ("doi.org", "dx.doi.org")
_ARXIV_YYMM = re.compile(r"^(?:[a-z][a-z.-]*(?:\.[A-Z]{2})?/)?(\d{2})(\d{2})")


# --------------------------------------------------------------------------------------------
# arXiv


def _well_formed(arxiv_id: str) -> str | None:
    # new-style ids have four digits after the dot until 2014 and five from January 2015 on
    if "/" not in arxiv_id:
        yymm, number = arxiv_id.split(".")
        if (len(number) == 5) != (yymm >= "1501"):
            return None
    return arxiv_id


def normalize_arxiv(value: str) -> str | None:
    """The bare arXiv id without version (`arXiv:2408.00714v2` -> `2408.00714`), or None."""
    value = value.strip()
    if value.lower().startswith("arxiv:"):
        value = value[6:]
    for pattern in (ARXIV_NEW, ARXIV_OLD):
        m = pattern.match(value)
        if m:
            return _well_formed(m.group(1))
    return None


def arxiv_from_url(url: str) -> str | None:
    """The arXiv id an arxiv.org abs/pdf/html URL points at (version dropped), or None."""
    m = _ARXIV_URL.match(url.strip())
    return _well_formed(m.group(1)) if m else None


def arxiv_id_anywhere(value: str) -> str | None:
    """An arXiv id given in any form a person pastes: bare, `arXiv:` prefixed, or a URL."""
    return normalize_arxiv(value) or arxiv_from_url(value)


def arxiv_url(arxiv_id: str) -> str:
    return f"https://arxiv.org/abs/{arxiv_id}"


def arxiv_pdf_url(arxiv_id: str) -> str:
    return f"https://arxiv.org/pdf/{arxiv_id}"


def arxiv_month(arxiv_id: str) -> tuple[int, int] | None:
    """(year, month) an arXiv id was submitted in, from its `YYMM` digits, or None."""
    m = _ARXIV_YYMM.match(arxiv_id or "")
    if not m:
        return None
    yy, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return None
    # old-style ids (cs/9912001) started in 1991; new-style ids in 2007
    return (1900 + yy if yy >= 91 else 2000 + yy), month


# --------------------------------------------------------------------------------------------
# DOI


def normalize_doi(value: str) -> str | None:
    """The bare DOI from `10.…`, `doi:10.…` or a doi.org URL, or None if `value` is not one."""
    value = value.strip()
    for prefix in _DOI_PREFIXES:
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
            break
    return value if DOI_RE.match(value) else None


def doi_from_url(url: str) -> str | None:
    """The DOI a doi.org (or dx.doi.org) link resolves, or None for any other link."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    return normalize_doi(url) if host in _DOI_HOSTS else None


def doi_url(doi: str) -> str:
    return "https://doi.org/" + quote(doi, safe="/:;()._-")


# --------------------------------------------------------------------------------------------
# links and titles


def url_identity(url: str) -> str:
    """What makes two plain links the same: host without `www.`, path without trailing slash,
    and query; the scheme and fragment do not count."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


def link_identity(url: str) -> str:
    """What makes two links point at the same thing: arXiv and DOI links by their id
    (`arxiv:2408.00714`, `doi:10.1109/x`, lower-cased), any other by its `url_identity`."""
    arxiv = arxiv_from_url(url)
    if arxiv:
        return f"arxiv:{arxiv}"
    doi = doi_from_url(url)
    if doi:
        return f"doi:{doi.lower()}"
    return f"url:{url_identity(url)}"


def normalize_title(title: str) -> str:
    """Lowercase words without accents, separated by single spaces:
    `SAM 2: Segment…` -> `sam 2 segment…`. Used to compare titles for similarity."""
    text = title.casefold()
    if not text.isascii():  # most titles are: nothing to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[^\W_]+", text))


def title_identity(title: str) -> str:
    """Titles that differ only in case, accents, spacing or punctuation are the same title."""
    return normalize_title(title).replace(" ", "")


def paper_identities(
    *, arxiv: str | None = None, doi: str | None = None, urls: Iterable[str] = ()
) -> list[str]:
    """Every identity a paper is known by (`arxiv:…`, `doi:…`, `url:…`), from its id fields and
    its paper links; two records sharing any of them are the same paper."""
    out: list[str] = []
    bare = normalize_arxiv(arxiv) if isinstance(arxiv, str) else None
    if bare:
        out.append(f"arxiv:{bare}")
    bare = normalize_doi(doi) if isinstance(doi, str) else None
    if bare:
        out.append(f"doi:{bare.lower()}")
    for url in urls:
        ident = link_identity(url)
        if ident not in out:
            out.append(ident)
    return out
