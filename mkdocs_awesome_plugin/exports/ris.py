"""RIS export (read by Zotero, EndNote, Mendeley and most reference managers).

One record per paper: `TY` first and `ER` last, each line `TAG  - value`. Types: `CPAPER` for
conference and workshop papers, `JOUR` for journal articles, `GEN` for everything else
(preprints included: RIS has no preprint type, and `GEN` keeps every field where `ELEC` would
make importers treat the paper as a web page). Values are flattened to one line, since a line
break would start a bogus tag.
"""

from __future__ import annotations

from ..catalog.model import Entry
from . import one_line, split_name, venue_kind

__all__ = ["catalog_to_ris", "entry_to_ris", "ris_author"]

_TYPES = {"proceedings": "CPAPER", "journal": "JOUR"}


def ris_author(name: str) -> str:
    """An author as RIS wants it: "Family, Given" or "Family, Given, Suffix"; corporate as is."""
    parsed = split_name(name)
    if parsed.is_literal:
        return parsed.literal
    parts = [parsed.full_family]
    if parsed.given or parsed.suffix:
        parts.append(parsed.given)
    if parsed.suffix:
        parts.append(parsed.suffix)
    return ", ".join(parts)


def entry_to_ris(entry: Entry) -> str:
    """The RIS record of `entry`, ending with the `ER` line and a newline."""
    kind = venue_kind(entry)
    ris_type = _TYPES.get(kind, "GEN") if entry.venue else "GEN"
    lines: list[tuple[str, str]] = [("TY", ris_type), ("ID", entry.key), ("TI", entry.title)]
    lines += [("AU", ris_author(a)) for a in entry.authors]
    date = entry.date
    lines.append(("PY", f"{date.year:04d}"))
    day = f"{date.day:02d}" if date.day is not None else ""
    lines.append(("DA", f"{date.year:04d}/{date.month:02d}/{day}/"))
    if entry.venue:
        lines.append(("T2", entry.venue))
        if ris_type == "JOUR":
            lines.append(("JO", entry.venue))
    elif entry.arxiv:
        lines.append(("PB", "arXiv"))
    if entry.arxiv:
        lines.append(("M1", f"arXiv:{entry.arxiv}"))
    if entry.doi:
        lines.append(("DO", entry.doi))
    if entry.links.get("paper"):
        lines.append(("UR", entry.links["paper"]))
    if entry.summary:
        lines.append(("AB", entry.summary))
    body = "".join(f"{tag}  - {one_line(value)}\n" for tag, value in lines)
    return body + "ER  - \n"


def catalog_to_ris(entries: list[Entry]) -> str:
    """All `entries` as RIS records in the given order, separated by a blank line."""
    return "\n".join(entry_to_ris(e) for e in entries)
