"""Import a BibTeX file (`refs.bib`) into entry files. Free of MkDocs.

The file is read by bibtexparser v2 (already our BibTeX library), with its own middlewares:
`@string` macros are expanded, enclosing braces and quotes removed, and LaTeX is decoded by its
`LatexDecodingMiddleware` (pylatexenc underneath): `{\\"u}` becomes ü and `{SAM}` becomes SAM.

Each entry keeps its authors (`others` gives `et_al: true`), venue (`booktitle` or `journal`)
and a venue type from its entry type, year and month, DOI, arXiv eprint and URL. A key that is
valid for entries (`^[a-z0-9]+$`) is kept; any other gets a key on the usual scheme, with a note.
The month comes from `month`, else from the arXiv id; an entry with only a year is written with
month 01 and a note saying so. An entry with no URL, DOI or eprint has no paper link and is
skipped. Every entry goes into one category named after the file; nothing is overwritten.
"""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
from bibtexparser import middlewares as mw

from ..catalog.identity import (
    arxiv_id_anywhere,
    arxiv_month,
    arxiv_url,
    doi_url,
    normalize_doi,
    paper_identities,
)
from ..catalog.keys import key_suggestion
from ..catalog.links import http_url_problem, without_tracking
from ..catalog.names import display_name
from ..catalog.text import one_line, strip_hidden
from ..fileio import write_atomic
from ..schema import schema_reference
from .awesome_readme.inline import slugify
from .awesome_readme.parse import Section
from .awesome_readme.plan import IMPORT_TAG, PlannedEntry
from .awesome_readme.write import (
    ImportReport,
    _ensure_tag,
    _existing_papers,
    _merge_categories,
    dump_entry,
)

_KEY = re.compile(r"^[a-z0-9]+$")
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def _month(value: object) -> int | None:
    if isinstance(value, int):
        return value if 1 <= value <= 12 else None
    text = str(value or "").strip().lower()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    return _MONTHS.get(text[:3])


def _venue_type(entry_type: str, venue: str, arxiv: str | None) -> str | None:
    kind = entry_type.lower()
    if kind in ("inproceedings", "conference", "proceedings"):
        return "workshop" if "workshop" in venue.lower() else "conference"
    if kind == "article":
        if re.search(r"arxiv|corr|preprint", venue, re.IGNORECASE) or (arxiv and not venue):
            return "preprint"
        return "journal"
    if arxiv and not venue:
        return "preprint"
    return "other" if venue else None


def read_bibtex(text: str, path: str) -> tuple[list[dict], list[str]]:
    """(entry fields with their `key`, notes) for every entry of a BibTeX file. Pure."""
    library = bibtexparser.parse_string(text, append_middleware=[
        mw.MonthIntMiddleware(True),
    ])
    # identifiers are not LaTeX: `_` and `&` in a URL stay as written
    raw_ids = [{f.key.lower(): str(f.value).strip() for f in e.fields
                if f.key.lower() in ("url", "doi", "eprint")} for e in library.entries]
    library = mw.LatexDecodingMiddleware().transform(library)
    library = mw.SeparateCoAuthors().transform(library)
    notes = [f"{path}:{b.start_line + 1}: not a readable BibTeX block; skipped"
             for b in library.failed_blocks]
    out: list[dict] = []
    taken: set[str] = set()
    for index, entry in enumerate(library.entries):
        where = f"{path}:{entry.start_line + 1}"
        fields = {f.key.lower(): f.value for f in entry.fields}
        fields.update(raw_ids[index])

        def text_of(name: str, fields: dict = fields, where: str = where) -> str:
            value = fields.get(name)
            if value is None or isinstance(value, list):
                return ""
            clean, removed = strip_hidden(one_line(str(value)))
            if removed:
                notes.append(f"{where}: {removed} hidden character(s) removed from {name}")
            return clean.replace("{", "").replace("}", "").strip()

        title = text_of("title")
        authors_raw = fields.get("author") or fields.get("editor") or []
        if isinstance(authors_raw, str):
            authors_raw = [authors_raw]
        et_al = any(a.strip().lower() == "others" for a in authors_raw)
        authors = [display_name(a.replace("{", "").replace("}", "")) for a in authors_raw
                   if a.strip().lower() != "others"]
        arxiv = None
        eprint = text_of("eprint")
        if eprint and (text_of("archiveprefix").lower() in ("", "arxiv")):
            arxiv = arxiv_id_anywhere(eprint)
        doi = normalize_doi(text_of("doi")) if text_of("doi") else None
        url = text_of("url")
        if url and not arxiv:
            arxiv = arxiv_id_anywhere(url)
        year_text = text_of("year")
        year = int(year_text[:4]) if re.match(r"^\d{4}", year_text) else None
        month = _month(fields.get("month"))
        paper = without_tracking(url) if url and not http_url_problem(url) else None
        paper = paper or (doi_url(doi) if doi else None) or (arxiv_url(arxiv) if arxiv else None)
        if not paper:
            notes.append(f"{where}: {entry.key}: no url, doi or eprint, so no paper link; skipped")
            continue
        date = None
        if year and month:
            date = f"{year:04d}-{month:02d}"
        elif arxiv and arxiv_month(arxiv):
            y, m = arxiv_month(arxiv)  # type: ignore[misc]
            date = f"{y:04d}-{m:02d}"
        elif year:
            date = f"{year:04d}-01"
            notes.append(f"{where}: {entry.key}: no month; wrote {date}, check it")
        if not title or not date:
            notes.append(f"{where}: {entry.key}: no {'title' if not title else 'year'}; skipped")
            continue
        venue = text_of("booktitle") or text_of("journal")
        key = entry.key
        if not _KEY.match(key) or key in taken:
            new = key_suggestion(authors, int(date[:4]), title, taken)
            notes.append(f"{where}: key {key!r} is not a valid entry key (a-z, 0-9); using {new!r}")
            key = new
        taken.add(key)
        out.append({
            "key": key, "title": title, "authors": authors, "et_al": et_al, "date": date,
            "venue": venue or None, "venue_type": _venue_type(entry.entry_type, venue, arxiv),
            "arxiv": arxiv, "doi": doi, "links": {"paper": paper}, "line": entry.start_line + 1,
        })
    return out, notes


def import_bibtex(text: str, path: str, entries_dir: Path, *, force: bool = False) -> ImportReport:
    """Write one entry file per BibTeX entry under `entries_dir`, never overwriting one."""
    entries_dir = Path(entries_dir)
    records, notes = read_bibtex(text, path)
    stem = Path(path).stem
    section = Section(title=f"Imported from {Path(path).name}", heading="", level=2, line=0,
                      slug=slugify(stem) or "imported")
    report = ImportReport(source=path, rows_read=len(records), categories=1, notes=notes)
    papers = entries_dir / "papers"
    papers.mkdir(parents=True, exist_ok=True)
    schema = schema_reference(papers)
    known = _existing_papers(papers)
    for record in records:
        line = record.pop("line")
        key = record.pop("key")
        data = {**record, "categories": [section.slug], "tags": [IMPORT_TAG]}
        planned = PlannedEntry(key=key, title=data["title"], date=data["date"],
                               categories=data["categories"], links=data["links"],
                               arxiv=data["arxiv"], doi=data["doi"], rows=[],
                               authors=data["authors"], et_al=data["et_al"], venue=data["venue"],
                               paper=data["links"]["paper"])
        planned.path = papers / f"{key}.yaml"
        report.entries.append(planned)
        ids = paper_identities(arxiv=data["arxiv"], doi=data["doi"], urls=[data["links"]["paper"]])
        holder = next((known[i] for i in ids if i in known and known[i] != key), None)
        if holder is not None:
            planned.status = "known"
            report.entries_skipped += 1
            report.skipped.append(f"{path}:{line}: {key} is already in papers/{holder}.yaml")
            continue
        if write_atomic(planned.path, dump_entry(data, schema), overwrite=force):
            planned.status = "written"
            report.entries_written += 1
        else:
            planned.status = "exists"
            report.entries_skipped += 1
            report.skipped.append(f"{path}:{line}: papers/{key}.yaml exists; not overwritten (use force)")
    if records:
        report.categories_added = _merge_categories(entries_dir / "categories.yaml", [section])
        _ensure_tag(entries_dir / "tags.yaml")
    return report
