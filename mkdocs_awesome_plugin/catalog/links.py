"""URLs and identifiers: which links are accepted, and how arXiv ids and DOIs become URLs."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

ARXIV_NEW = re.compile(r"^(\d{4}\.\d{4,5})(v\d+)?$")
ARXIV_OLD = re.compile(r"^([a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7})(v\d+)?$")
DOI_RE = re.compile(r"^10\.\d{4,9}/[^\s]+$")
_ARXIV_URL = re.compile(
    r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/"
    r"([a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?/?(?:[?#].*)?$",
    re.IGNORECASE,
)
_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")


def http_url_problem(value: object) -> str | None:
    """Return why `value` is not an acceptable http(s) URL, or None if it is."""
    if not isinstance(value, str):
        return f"expected a URL as text, got {type(value).__name__}"
    if not value:
        return "the URL is empty"
    if len(value) > 2000:
        return "the URL is longer than 2000 characters"
    if any(ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in value):
        return f"{shorten(value)!r} contains whitespace or control characters"
    if "\\" in value:
        return f"{shorten(value)!r} contains a backslash"
    try:
        parts = urlsplit(value)
    except ValueError:
        return f"{shorten(value)!r} is not a valid URL"
    if parts.scheme.lower() not in ("http", "https") or not value.lower().startswith(
        ("http://", "https://")
    ):
        return f"{shorten(value)!r} is not an http(s) URL"
    if not parts.hostname:
        return f"{shorten(value)!r} has no host name"
    if parts.username or parts.password:
        return f"{shorten(value)!r} carries a user name or password"
    return None


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


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalize_arxiv(value: str) -> str | None:
    """The bare arXiv id without version, or None if `value` is not one."""
    value = value.strip()
    if value.lower().startswith("arxiv:"):
        value = value[6:]
    for pattern in (ARXIV_NEW, ARXIV_OLD):
        m = pattern.match(value)
        if m:
            return m.group(1)
    return None


def arxiv_from_url(url: str) -> str | None:
    """The arXiv id an arxiv.org abs/pdf/html URL points at, or None."""
    m = _ARXIV_URL.match(url.strip())
    return m.group(1) if m else None


def arxiv_url(arxiv_id: str) -> str:
    return f"https://arxiv.org/abs/{arxiv_id}"


def arxiv_pdf_url(arxiv_id: str) -> str:
    return f"https://arxiv.org/pdf/{arxiv_id}"


def normalize_doi(value: str) -> str | None:
    """The bare DOI (no resolver prefix), or None if `value` is not one."""
    value = value.strip()
    for prefix in _DOI_PREFIXES:
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
            break
    return value if DOI_RE.match(value) else None


def doi_url(doi: str) -> str:
    return "https://doi.org/" + quote(doi, safe="/:;()._-")
