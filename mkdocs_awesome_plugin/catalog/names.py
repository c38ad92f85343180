"""People's names: one split into first / von / last / jr parts, by BibTeX's own rules.

The splitting is bibtexparser v2's implementation of BibTeX's name grammar (the well-kept
library, rather than our own particle lists), so the citation key's surname, the BibTeX `author`
field, CSL-JSON, RIS and the Highwire tags all agree by construction. Around it we handle what an
entry may contain that BibTeX's grammar does not: a corporate name in braces (`{Meta AI}`) and a
generational suffix written after the name (`Martin Luther King Jr.`, `Patrick O'Brien, Jr.`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bibtexparser.middlewares.names import parse_single_name_into_parts

from .text import one_line

__all__ = ["PersonName", "display_name", "family_name", "split_name"]

# Entry text is data, not LaTeX: braces, backslashes and tildes in a name are characters to be
# escaped later, so they are hidden from BibTeX's grammar (which would read them as groups,
# commands and ties) while it splits, and put back afterwards.
_HIDE = str.maketrans({"{": "\ue001", "}": "\ue002", "\\": "\ue000", "~": "\ue003"})
_SHOW = str.maketrans({v: k for k, v in _HIDE.items()})

# Generational suffixes, compared without the trailing dot and case-insensitively.
SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


@dataclass(frozen=True)
class PersonName:
    """An author split into BibTeX's parts, or a `literal` (corporate) name.

    `von` holds particles ("van der"); `family` excludes them. For a corporate author only
    `literal` is set.
    """

    given: str = ""
    von: str = ""
    family: str = ""
    suffix: str = ""
    literal: str = ""

    @property
    def is_literal(self) -> bool:
        return bool(self.literal)

    @property
    def full_family(self) -> str:
        """Particles and family name together: "van der Maaten"."""
        return " ".join(p for p in (self.von, self.family) if p)

    def family_given(self) -> str:
        """ "Family, Given" (with ", Suffix" after the given name), or the literal name."""
        if self.literal:
            return self.literal
        out = self.full_family
        if self.given:
            out += ", " + self.given
        if self.suffix:
            out += ", " + self.suffix
        return out


def _is_suffix(word: str) -> bool:
    return word.rstrip(".").lower() in SUFFIXES


def _is_corporate(name: str) -> bool:
    """A name written entirely inside one pair of braces, like `{Meta AI}`."""
    if len(name) < 2 or name[0] != "{" or name[-1] != "}":
        return False
    depth = 0
    for i, ch in enumerate(name):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            # the opening brace must close at the very end, not before ("{A} {B}")
            if depth == 0 and i != len(name) - 1:
                return False
    return depth == 0


def _bibtex_form(name: str) -> tuple[str, str]:
    """(name in a form BibTeX's grammar reads, suffix taken out of it).

    BibTeX only knows a suffix in the `von Last, Jr, First` form; entries write it after the
    name, so it is moved there first.
    """
    if "," in name:
        parts = [p.strip() for p in name.split(",")]
        if len(parts) == 2 and parts[0] and _is_suffix(parts[1]):
            # "Patrick O'Brien, Jr." (or "O'Brien, Jr."): the suffix of a name in reading order
            return parts[0], parts[1]
        return name, ""
    words = name.split()
    if len(words) > 1 and _is_suffix(words[-1]):
        return " ".join(words[:-1]), words[-1]
    return name, ""


@lru_cache(maxsize=65536)
def split_name(name: str) -> PersonName:
    """Split an author name as written in an entry into its parts.

    Accepted forms are BibTeX's ("Given von Family", "von Family, Given", "von Family, Jr.,
    Given") plus a trailing suffix ("Given Family Jr.", "Given Family, Jr.") and a corporate
    name in braces ("{Meta AI}"), which becomes a `literal`. A name with more commas than
    BibTeX allows is kept whole as a literal rather than guessed at.
    """
    name = one_line(name)
    if _is_corporate(name):
        return PersonName(literal=one_line(name[1:-1]))
    if not name or name.count(",") > 2:
        return PersonName(literal=name)
    text, suffix = _bibtex_form(name)
    if "," in text and any(not p.strip() for p in text.split(",")):
        return PersonName(literal=name)
    try:
        parts = parse_single_name_into_parts(text.translate(_HIDE), strict=False)
    except Exception:  # the library raises on shapes BibTeX itself rejects
        return PersonName(literal=name)
    jr = " ".join(parts.jr).translate(_SHOW)
    return PersonName(
        given=" ".join(parts.first).translate(_SHOW),
        von=" ".join(parts.von).translate(_SHOW),
        family=" ".join(parts.last).translate(_SHOW),
        suffix=" ".join(p for p in (jr, suffix) if p),
    )


def display_name(name: str) -> str:
    """The name for reading: "Given von Family Suffix", without the braces of a corporate name.

    A name written "Given Family" comes back exactly as written (whitespace aside); one
    written "Family, Given" is put in reading order.
    """
    parsed = split_name(name)
    if parsed.is_literal:
        return parsed.literal
    return " ".join(p for p in (parsed.given, parsed.full_family, parsed.suffix) if p)


def family_name(name: str) -> str:
    """The family name with its particles ("van der Maaten"), or a corporate name whole."""
    parsed = split_name(name)
    return parsed.literal or parsed.full_family
