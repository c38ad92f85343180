"""COinS: one OpenURL ContextObject (Z39.88-2004, key/encoded-value form) per paper, so that a
reference manager (the Zotero connector) can save every paper of a listing at once.

A listing row carries `<span class="Z3988" title="...">`; the title is the query string built
here. The pairs are percent-encoded as a URL query; the template's autoescape then makes the
string safe inside the attribute. Pure: entries in, text out.

Which OpenURL format a paper gets follows `venue_kind` (the rule BibTeX, CSL and RIS share):
proceedings are a part of a book (`rft.genre=proceeding`, `rft.btitle` the proceedings), journal
papers a journal article (`rft.jtitle`), anything else the journal format's generic
`preprint`/`unknown` genre, which reference managers read as a paper without a journal.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from ..catalog.model import Entry
from . import display_name, one_line, venue_kind

CTX_VER = "Z39.88-2004"
FMT_JOURNAL = "info:ofi/fmt:kev:mtx:journal"
FMT_BOOK = "info:ofi/fmt:kev:mtx:book"

__all__ = ["CTX_VER", "FMT_BOOK", "FMT_JOURNAL", "FORMS", "coins_pairs", "coins_title"]


# per kind of venue (exports/venue.py): the format, the genre and the key of the venue's title
FORMS: dict[str, tuple[str, str, str]] = {
    "proceedings": (FMT_BOOK, "proceeding", "rft.btitle"),
    "journal": (FMT_JOURNAL, "article", "rft.jtitle"),
    "preprint": (FMT_JOURNAL, "preprint", "rft.jtitle"),
    "other": (FMT_JOURNAL, "unknown", "rft.jtitle"),
}


def coins_pairs(entry: Entry) -> list[tuple[str, str]]:
    """The ContextObject's key/value pairs for `entry`, in a stable order (keys may repeat)."""
    fmt, genre, venue_key = FORMS[venue_kind(entry)]
    pairs: list[tuple[str, str]] = [
        ("ctx_ver", CTX_VER), ("rft_val_fmt", fmt), ("rft.genre", genre),
        ("rft.atitle", one_line(entry.title)),
    ]
    if entry.venue:
        pairs.append((venue_key, one_line(entry.venue)))
    pairs += [("rft.au", display_name(a)) for a in entry.authors]
    pairs.append(("rft.date", entry.date.iso))
    if entry.doi:
        pairs.append(("rft_id", f"info:doi/{entry.doi}"))
    if entry.arxiv:
        pairs.append(("rft_id", f"info:arxiv/{entry.arxiv}"))
    return pairs


def coins_title(entry: Entry) -> str:
    """The `title` attribute of the entry's `Z3988` span: the pairs as a URL query string
    (spaces as %20; `/` and `:` kept, as OpenURL resolvers expect in `info:` ids)."""
    return urlencode(coins_pairs(entry), quote_via=quote, safe="/:")
