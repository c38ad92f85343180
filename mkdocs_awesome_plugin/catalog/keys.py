"""Citation keys: `<first author surname><year><first significant title word>`, e.g. `ravi2024sam`."""

from __future__ import annotations

import re

from .names import family_name
from .text import fold_ascii

STOP_WORDS = frozenset(
    """a an and are as at be by for from how in into is it its of on or the to towards toward
    via vs with without what when where which who why your our we do does can""".split()
)

def surname(author: str) -> str:
    """The family name (with particles) of an author, as BibTeX splits it."""
    return family_name(author)


def significant_words(title: str) -> list[str]:
    words = [fold_ascii(w) for w in re.split(r"[\s\-–—:;,.!?/()\[\]{}\"']+", title)]
    return [w for w in words if w and w not in STOP_WORDS]


def key_suggestion(authors: list[str], year: int, title: str, taken=frozenset()) -> str:
    """Propose a key on the usual scheme, avoiding keys in `taken`.

    On a collision the next significant title word is added, then `b`, `c` and so on.
    """
    name = fold_ascii(surname(authors[0])) if authors else ""
    name = name or "anon"
    words = significant_words(title) or ["paper"]
    base = f"{name}{year}{words[0]}"
    if base not in taken:
        return base
    candidate = base
    for word in words[1:]:
        candidate = candidate + word
        if candidate not in taken:
            return candidate
        break  # only one extra word, then letters
    for suffix in "bcdefghijklmnopqrstuvwxyz":
        if base + suffix not in taken:
            return base + suffix
    n = 2
    while f"{base}{n}" in taken:
        n += 1
    return f"{base}{n}"


def key_follows_scheme(key: str, authors: list[str], year: int, title: str) -> bool:
    """Whether `key` starts with the scheme's `<surname><year>` prefix (used as a lint warning)."""
    name = fold_ascii(surname(authors[0])) if authors else "anon"
    return key.startswith(f"{name or 'anon'}{year}")
