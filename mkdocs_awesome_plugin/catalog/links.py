"""Which links an entry may hold: http(s) only, no credentials, no control characters.

What makes two links the same paper lives in `identity`; its names are re-exported here for the
modules that still import them from this one.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .identity import (  # noqa: F401  (re-exported)
    ARXIV_NEW,
    ARXIV_OLD,
    DOI_RE,
    arxiv_from_url,
    arxiv_pdf_url,
    arxiv_url,
    doi_url,
    normalize_arxiv,
    normalize_doi,
    url_identity,
)

# whitespace (`\s` is what str.isspace() accepts) and C0/DEL/C1 control characters
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


def http_url_problem(value: object) -> str | None:
    """Return why `value` is not an acceptable http(s) URL, or None if it is."""
    if not isinstance(value, str):
        return f"expected a URL as text, got {type(value).__name__}"
    if not value:
        return "the URL is empty"
    if len(value) > 2000:
        return "the URL is longer than 2000 characters"
    if _SPACE_OR_CONTROL.search(value):
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


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Query parameters that only say how a page was reached or shown, never which page it is.
_VIEW_PARAMS = frozenset(("tab",))
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_PARAMS = frozenset(("fbclid", "gclid"))


def without_tracking(url: str) -> str:
    """`url` without tracking (`utm_*`) and view (`?tab=readme-ov-file`) query parameters.

    Other parameters are kept in their order; a URL with none of these comes back unchanged.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [
        (k, v) for k, v in pairs
        if k not in _VIEW_PARAMS and k not in _TRACKING_PARAMS
        and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    if len(kept) == len(pairs):
        return url
    return urlunsplit(parts._replace(query=urlencode(kept)))


# Hosts where a link is a code repository rather than a project page.
CODE_HOSTS = (
    "github.com", "gitlab.com", "huggingface.co", "bitbucket.org", "codeberg.org", "gitee.com",
    "sourceforge.net", "git.sr.ht",
)


def url_host(url: str) -> str:
    """The lower-cased host name of `url`, or "" when it has none."""
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def on_code_host(url: str) -> bool:
    """Whether `url` lies on a code host (GitHub, GitLab, Hugging Face, …) or a subdomain of one."""
    host = url_host(url)
    return any(host == h or host.endswith("." + h) for h in CODE_HOSTS)
