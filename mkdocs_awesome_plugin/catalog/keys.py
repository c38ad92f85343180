"""Citation keys: `<first author surname><year><first significant title word>`, e.g. `ravi2024sam`."""

from __future__ import annotations

import re
import unicodedata

STOP_WORDS = frozenset(
    """a an and are as at be by for from how in into is it its of on or the to towards toward
    via vs with without what when where which who why your our we do does can""".split()
)

_PARTICLES = frozenset("van von der den de del della di da du le la dos das ten ter".split())

# letters that NFKD does not split into ASCII
_SPECIAL_FOLD = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}


def fold_ascii(text: str) -> str:
    """Lowercase ASCII letters and digits only: `Videnović` -> `videnovic`."""
    text = text.lower()
    text = "".join(_SPECIAL_FOLD.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", text.encode("ascii", "ignore").decode("ascii"))


def surname(author: str) -> str:
    """The family name of an author written as `Given Family` or `Family, Given`."""
    author = author.strip().strip("{}")
    if "," in author:
        return author.split(",", 1)[0].strip()
    parts = [p for p in re.split(r"\s+", author) if p]
    if not parts:
        return ""
    # drop a trailing suffix such as Jr.
    while len(parts) > 1 and parts[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii", "iv"):
        parts.pop()
    family = [parts[-1]]
    i = len(parts) - 2
    while i > 0 and parts[i].lower() in _PARTICLES:
        family.insert(0, parts[i])
        i -= 1
    return " ".join(family)


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
