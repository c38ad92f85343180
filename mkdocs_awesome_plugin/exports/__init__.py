"""Citation exports of catalogue entries: BibTeX, CSL-JSON, RIS and HTML citation metadata.

Pure Python (no MkDocs). This module holds the pieces every format shares: splitting an author
name "as written" into its parts, deciding what kind of publication a venue is, and flattening
free text to one line. The format modules are `bibtex`, `csl`, `ris` and `meta`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog.model import Entry

__all__ = [
    "PersonName",
    "display_name",
    "one_line",
    "split_name",
    "venue_kind",
]

# Lower-case name particles that belong to the family name ("Laurens van der Maaten").
# Capitalised forms ("Leonardo Di Caprio") count too, except as the first word, where
# "Van" or "De" is more likely a given name; this matches `catalog.keys.surname`.
PARTICLES = frozenset(
    "van von der den de del della dei degli des di da du le la les dos das do ten ter zu zum zur"
    .split()
)
# Generational suffixes, compared without the trailing dot and case-insensitively.
SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))

# whitespace (line and paragraph separators included) and C0/C1 control characters
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")


def one_line(text: str) -> str:
    """`text` with every run of whitespace (newlines included) collapsed to one space.

    The loader already refuses newlines in one-line fields; exports still flatten them, because a
    newline inside a RIS value or a `<meta>` attribute would silently corrupt the output.
    """
    return _BREAKS.sub(" ", text).strip()


@dataclass(frozen=True)
class PersonName:
    """An author split into BibTeX-style parts, or a `literal` (corporate) name.

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


def _split_von_family(words: list[str]) -> tuple[str, str]:
    """Split "van der Maaten" into ("van der", "Maaten"); the last word is always family."""
    i = 0
    while i < len(words) - 1 and words[i].lower() in PARTICLES:
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


def _split_given_family(words: list[str]) -> tuple[str, str, str]:
    """Split "Laurens van der Maaten" into given, particles and family."""
    if len(words) == 1:
        return "", "", words[0]
    # the first particle not in first position starts the family name
    start = len(words) - 1
    for i in range(1, len(words) - 1):
        if words[i].lower() in PARTICLES:
            start = i
            break
    von, family = _split_von_family(words[start:])
    return " ".join(words[:start]), von, family


def split_name(name: str) -> PersonName:
    """Split an author name as written in an entry into its parts.

    Accepted forms: "Given Family", "Given von Family Jr.", "Family, Given",
    "von Family, Given", "Given Family, Jr.", "von Family, Jr., Given", a single word, and a
    corporate name in braces ("{Meta AI}"), which becomes a `literal`. Anything else with too many
    commas is also kept whole as a literal rather than guessed at.
    """
    name = one_line(name)
    if _is_corporate(name):
        return PersonName(literal=one_line(name[1:-1]))
    if "," in name:
        parts = [p.strip() for p in name.split(",")]
        if len(parts) == 2 and parts[0] and _is_suffix(parts[1]):
            # "Patrick O'Brien, Jr." (or just "O'Brien, Jr.")
            given, von, family = _split_given_family(parts[0].split())
            return PersonName(given=given, von=von, family=family, suffix=parts[1])
        if len(parts) == 2 and parts[0] and parts[1]:
            von, family = _split_von_family(parts[0].split())
            return PersonName(given=parts[1], von=von, family=family)
        if len(parts) == 3 and parts[0] and parts[1]:
            von, family = _split_von_family(parts[0].split())
            return PersonName(given=parts[2], von=von, family=family, suffix=parts[1])
        return PersonName(literal=name)
    words = name.split()
    if not words:
        return PersonName(literal=name)
    suffix = ""
    if len(words) > 1 and _is_suffix(words[-1]):
        suffix = words.pop()
    given, von, family = _split_given_family(words)
    return PersonName(given=given, von=von, family=family, suffix=suffix)


def display_name(name: str) -> str:
    """The name for reading: "Given von Family Suffix", without the braces of a corporate name.

    A name written "Given Family" comes back exactly as written (whitespace aside); one
    written "Family, Given" is put in reading order.
    """
    parsed = split_name(name)
    if parsed.is_literal:
        return parsed.literal
    return " ".join(p for p in (parsed.given, parsed.full_family, parsed.suffix) if p)


# Venue classification when `venue_type` is not given. Strong journal words win over
# conference words ("Transactions of the ACL" is a journal); conference words win over
# journal titles that are also part of conference names ("... Pattern Recognition").
_JOURNAL_STRONG = re.compile(r"\b(journal|transactions|letters)\b", re.IGNORECASE)
_CONFERENCE = re.compile(
    r"\b(conference|conf\.|proceedings|proc\.|workshops?|symposium|congress|"
    r"cvpr|iccv|eccv|accv|wacv|bmvc|neurips|nips|iclr|icml|aaai|ijcai|aistats|uai|colt|corl|"
    r"miccai|ipmi|isbi|midl|iros|icra|rss|acm\s*mm|acm\s+multimedia|siggraph|3dv|icpr|icip|"
    r"icassp|interspeech|acl|emnlp|naacl|eacl|coling|kdd|www|sigir|chi|uist)\b",
    re.IGNORECASE,
)
_JOURNAL_KNOWN = re.compile(
    r"\b(ijcv|tpami|t-pami|tmi|tip|tmlr|jmlr|medical image analysis|scientific reports|"
    r"applied sciences|frontiers in|nature|science robotics|science advances|sensors|"
    r"remote sensing|plos|ieee access|neurocomputing|pattern recognition|neural networks|"
    r"bioinformatics|radiology|the lancet|magazine|review)\b",
    re.IGNORECASE,
)
_PREPRINT = re.compile(r"\b(arxiv|biorxiv|medrxiv|chemrxiv|preprint|ssrn)\b", re.IGNORECASE)


def venue_kind(entry: Entry) -> str:
    """What kind of publication `entry` is: "proceedings", "journal", "preprint" or "other".

    `venue_type` decides when given (workshops count as proceedings). Without it, the venue
    text is classified by keywords; without a venue, an arXiv paper is a preprint and anything
    else is "other".
    """
    vt = entry.venue_type
    if vt in ("conference", "workshop"):
        return "proceedings"
    if vt in ("journal", "preprint", "other"):
        return vt
    venue = entry.venue
    if not venue:
        return "preprint" if entry.arxiv else "other"
    if _JOURNAL_STRONG.search(venue):
        return "journal"
    if _CONFERENCE.search(venue):
        return "proceedings"
    if _JOURNAL_KNOWN.search(venue):
        return "journal"
    if _PREPRINT.search(venue):
        return "preprint"
    return "other"
