"""Read an entries folder into a `Catalog`, collecting every problem with its file and line.

A broken file never stops the others: each entry is parsed and checked on its own, and only entries
without errors reach the catalogue.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .links import http_url_problem, normalize_arxiv, normalize_doi
from .model import LINK_KINDS, VENUE_TYPES, Catalog, Category, Entry, PartialDate, Problem
from .quality import check_catalog, memo_for
from .yaml_source import LineDict, LineList, YamlProblem, load_yaml_bytes

KEY_RE = re.compile(r"^[a-z0-9]+$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")

REQUIRED = ("title", "authors", "date", "categories", "tags", "links")
OPTIONAL = (
    "venue", "venue_type", "arxiv", "doi", "added", "summary", "supersedes", "bibtex", "et_al",
)
KNOWN_FIELDS = REQUIRED + OPTIONAL
MAX_TEXT = 1000


class _Collector:
    """Collects problems for one file."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def error(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, field, message, "error"))

    def warning(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, field, message, "warning"))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def did_you_mean(value: str, choices) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def text_problem(value: object, *, multiline: bool = False, limit: int = MAX_TEXT) -> str | None:
    """Why `value` is not acceptable one-line text, or None."""
    if not isinstance(value, str):
        return f"expected text, got {_type_name(value)}"
    if not value.strip():
        return "must not be empty"
    if len(value) > limit:
        return f"is {len(value)} characters long; the limit is {limit}"
    for ch in value:
        if ch == "\n" and multiline:
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc" or cat in ("Zl", "Zp"):
            if ch in "\n\r":
                return "must be a single line"
            return f"contains the control character U+{ord(ch):04X}"
        if cat == "Cs" or cat == "Co" or cat == "Cn" and 0xFDD0 <= ord(ch) <= 0xFDEF:
            return f"contains the invalid character U+{ord(ch):04X}"
    return None


def _type_name(value: object) -> str:
    return {
        str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
        LineList: "a list", dict: "a mapping", LineDict: "a mapping", type(None): "nothing",
    }.get(type(value), type(value).__name__)


def parse_date(value: object) -> tuple[PartialDate | None, str | None]:
    """Parse `YYYY-MM` or `YYYY-MM-DD` (YAML may already have made the latter a date)."""
    if isinstance(value, _dt.datetime):
        return None, "must be YYYY-MM or YYYY-MM-DD, without a time"
    if isinstance(value, _dt.date):
        return PartialDate(value.year, value.month, value.day), None
    if not isinstance(value, str):
        return None, f"must be YYYY-MM or YYYY-MM-DD in quotes, got {_type_name(value)}"
    m = DATE_RE.match(value.strip())
    if not m:
        return None, f"{value!r} is not a date of the form YYYY-MM or YYYY-MM-DD"
    year, month = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else None
    if not 1 <= month <= 12:
        return None, f"{value!r} has no month {month}"
    if day is not None:
        try:
            _dt.date(year, month, day)
        except ValueError:
            return None, f"{value!r} is not a real day"
    if year < 1900:
        return None, f"{value!r} is before 1900"
    return PartialDate(year, month, day), None


def _line(data: LineDict, name: str) -> int:
    return data.lines.get(name, data.start_line)


def _item_line(seq: object, index: int, fallback: int) -> int:
    if isinstance(seq, LineList) and index < len(seq.lines):
        return seq.lines[index]
    return fallback


def _string_list(
    col: _Collector, data: LineDict, name: str, *, allow_empty: bool
) -> list[str] | None:
    value = data[name]
    line = _line(data, name)
    if not isinstance(value, list):
        col.error(line, name, f"expected a list, got {_type_name(value)}")
        return None
    if not value and not allow_empty:
        col.error(line, name, "must list at least one item")
        return None
    out: list[str] = []
    ok = True
    for i, item in enumerate(value):
        problem = text_problem(item, limit=300)
        if problem:
            col.error(_item_line(value, i, line), f"{name}[{i}]", problem)
            ok = False
            continue
        item = item.strip()
        if item in out:
            col.error(_item_line(value, i, line), f"{name}[{i}]", f"{item!r} is listed twice")
            ok = False
            continue
        out.append(item)
    return out if ok else None


def parse_entry(data_bytes: bytes, key: str, path: str) -> tuple[Entry | None, list[Problem]]:
    """Parse and check one entry file on its own (no cross-file or vocabulary checks)."""
    col = _Collector(path)
    if not KEY_RE.match(key):
        col.error(1, "key", f"file name {key!r} is not a valid key: use only a-z and 0-9")
    try:
        data = load_yaml_bytes(data_bytes)
    except YamlProblem as exc:
        col.problems.append(Problem(path, exc.line, exc.field, exc.message, "error", exc.col))
        return None, col.problems
    if not isinstance(data, LineDict):
        col.error(1, "", f"an entry must be a mapping of fields, got {_type_name(data)}")
        return None, col.problems

    for name in data:
        if name not in KNOWN_FIELDS and name != "key":
            col.error(_line(data, name), name, f"unknown field{did_you_mean(name, KNOWN_FIELDS)}")
    if "key" in data and data["key"] != key:
        col.error(
            _line(data, "key"), "key",
            f"key {data['key']!r} does not match the file name {key!r}",
        )
    for name in REQUIRED:
        if name not in data:
            col.error(data.start_line, name, "required field is missing")

    fields: dict = {}
    if "title" in data:
        problem = text_problem(data["title"], limit=500)
        if problem:
            col.error(_line(data, "title"), "title", problem)
        else:
            fields["title"] = data["title"].strip()
    if "authors" in data:
        authors = _string_list(col, data, "authors", allow_empty=True)
        if authors is not None:
            if not authors:
                col.warning(_line(data, "authors"), "authors", "the author list is empty")
            fields["authors"] = authors
    for name in ("date", "added"):
        if name in data:
            value, problem = parse_date(data[name])
            if problem:
                col.error(_line(data, name), name, problem)
            else:
                fields[name] = value
    for name in ("categories", "tags"):
        if name in data:
            items = _string_list(col, data, name, allow_empty=False)
            if items is not None:
                fields[name] = items
    if "supersedes" in data:
        items = _string_list(col, data, "supersedes", allow_empty=True)
        if items is not None:
            fields["supersedes"] = items
    if "links" in data:
        links = data["links"]
        line = _line(data, "links")
        if not isinstance(links, LineDict):
            col.error(line, "links", f"expected a mapping of links, got {_type_name(links)}")
        else:
            good: dict[str, str] = {}
            for kind, url in links.items():
                kline = links.lines.get(kind, line)
                if kind not in LINK_KINDS:
                    col.error(
                        kline, f"links.{kind}",
                        f"unknown link kind{did_you_mean(kind, LINK_KINDS)} "
                        f"(allowed: {', '.join(LINK_KINDS)})",
                    )
                    continue
                problem = http_url_problem(url)
                if problem:
                    col.error(kline, f"links.{kind}", problem)
                    continue
                good[kind] = url
            if "paper" not in links:
                col.error(line, "links.paper", "required link is missing")
            fields["links"] = good
    for name in ("venue", "summary"):
        if name in data and data[name] is not None:
            problem = text_problem(data[name], limit=300 if name == "venue" else 500)
            if problem:
                col.error(_line(data, name), name, problem)
            else:
                fields[name] = data[name].strip()
    if "venue_type" in data and data["venue_type"] is not None:
        vt = data["venue_type"]
        if vt not in VENUE_TYPES:
            col.error(
                _line(data, "venue_type"), "venue_type",
                f"{vt!r} is not one of {', '.join(VENUE_TYPES)}",
            )
        else:
            fields["venue_type"] = vt
    if "arxiv" in data and data["arxiv"] is not None:
        value = data["arxiv"]
        if isinstance(value, float):
            col.error(
                _line(data, "arxiv"), "arxiv",
                "write the arXiv id in quotes (as a number, a trailing zero is lost)",
            )
        elif not isinstance(value, str) or normalize_arxiv(value) is None:
            col.error(_line(data, "arxiv"), "arxiv", f"{value!r} is not an arXiv id such as '2408.00714'")
        else:
            fields["arxiv"] = normalize_arxiv(value)
    if "doi" in data and data["doi"] is not None:
        value = data["doi"]
        norm = normalize_doi(value) if isinstance(value, str) else None
        if norm is None or text_problem(norm):
            col.error(_line(data, "doi"), "doi", f"{value!r} is not a DOI such as '10.1000/xyz123'")
        else:
            fields["doi"] = norm
    if "et_al" in data:
        if not isinstance(data["et_al"], bool):
            col.error(_line(data, "et_al"), "et_al", f"expected true or false, got {_type_name(data['et_al'])}")
        else:
            fields["et_al"] = data["et_al"]
            if data["et_al"] and not fields.get("authors"):
                col.error(_line(data, "et_al"), "et_al", "needs at least one known author")
    if "bibtex" in data and data["bibtex"] is not None:
        problem = text_problem(data["bibtex"], multiline=True, limit=20000)
        if problem is None:
            # parsed and checked so that an override can never break the whole file
            from ..exports.bibtex import bibtex_override_problem

            problem = bibtex_override_problem(data["bibtex"], key)
            if problem and problem.startswith("bibtex: "):
                problem = problem[len("bibtex: "):]
        if problem:
            col.error(_line(data, "bibtex"), "bibtex", problem)
        else:
            fields["bibtex"] = data["bibtex"]

    if col.has_errors:
        return None, col.problems
    entry = Entry(
        key=key,
        path=path,
        title=fields["title"],
        authors=fields["authors"],
        date=fields["date"],
        categories=fields["categories"],
        tags=fields["tags"],
        links=fields["links"],
        venue=fields.get("venue"),
        venue_type=fields.get("venue_type"),
        arxiv=fields.get("arxiv"),
        doi=fields.get("doi"),
        added=fields.get("added"),
        summary=fields.get("summary"),
        supersedes=fields.get("supersedes", []),
        bibtex=fields.get("bibtex"),
        et_al=fields.get("et_al", False),
        lines=dict(data.lines),
    )
    return entry, col.problems


def parse_tags(data_bytes: bytes, path: str) -> tuple[dict[str, str], list[Problem]]:
    """Read `tags.yaml`: a mapping `tag: one-line description`."""
    col = _Collector(path)
    try:
        data = load_yaml_bytes(data_bytes)
    except YamlProblem as exc:
        return {}, [Problem(path, exc.line, exc.field, exc.message, "error", exc.col)]
    if data is None:
        return {}, []
    if not isinstance(data, LineDict):
        col.error(1, "", f"tags.yaml must be a mapping of tag: description, got {_type_name(data)}")
        return {}, col.problems
    tags: dict[str, str] = {}
    for tag, desc in data.items():
        line = data.lines[tag]
        if not TAG_RE.match(tag):
            col.error(line, tag, "a tag is lowercase letters, digits and single hyphens")
            continue
        problem = text_problem(desc, limit=300)
        if problem:
            col.error(line, tag, f"description {problem}")
            continue
        tags[tag] = desc.strip()
    return tags, col.problems


def parse_categories(data_bytes: bytes, path: str) -> tuple[list[Category], list[Problem]]:
    """Read `categories.yaml`: a list of {slug, title, description?, children?}."""
    col = _Collector(path)
    try:
        data = load_yaml_bytes(data_bytes)
    except YamlProblem as exc:
        return [], [Problem(path, exc.line, exc.field, exc.message, "error", exc.col)]
    if data is None:
        return [], []
    seen: dict[str, int] = {}

    def build(items, parent: Category | None, where: str, line: int) -> list[Category]:
        if not isinstance(items, list):
            col.error(line, where, f"expected a list of categories, got {_type_name(items)}")
            return []
        out = []
        for i, item in enumerate(items):
            iline = _item_line(items, i, line)
            field = f"{where}[{i}]"
            if not isinstance(item, LineDict):
                col.error(iline, field, f"expected a mapping, got {_type_name(item)}")
                continue
            bad = False
            for name in item:
                if name not in ("slug", "title", "description", "children"):
                    col.error(item.lines[name], f"{field}.{name}", "unknown field")
                    bad = True
            slug = item.get("slug")
            if not isinstance(slug, str) or not SLUG_RE.match(slug):
                col.error(
                    item.lines.get("slug", iline), f"{field}.slug",
                    f"{slug!r} is not a slug (lowercase letters, digits, single hyphens)",
                )
                continue
            if slug in seen:
                col.error(
                    item.lines["slug"], f"{field}.slug",
                    f"slug {slug!r} is used twice (first on line {seen[slug]})",
                )
                continue
            seen[slug] = item.lines["slug"]
            title = item.get("title")
            problem = text_problem(title, limit=200) if "title" in item else "required field is missing"
            if problem:
                col.error(item.lines.get("title", iline), f"{field}.title", problem)
                bad = True
            desc = item.get("description")
            if desc is not None:
                problem = text_problem(desc, limit=500)
                if problem:
                    col.error(item.lines["description"], f"{field}.description", problem)
                    bad = True
            if bad:
                continue
            cat = Category(slug=slug, title=title.strip(), description=desc, parent=parent)
            if "children" in item and item["children"] is not None:
                cat.children = build(
                    item["children"], cat, f"{field}.children", item.lines["children"]
                )
            out.append(cat)
        return out

    return build(data, None, "categories", 1), col.problems


NOTE_SEVERITY = "note"  # below a warning: logged at info level, never fails a build


@dataclass
class _CachedParse:
    stamp: tuple[int, int]
    entry: Entry | None
    problems: list[Problem]


class EntryCache:
    """Parsed entries keyed by path, reused while a file's mtime and size are unchanged.

    It also remembers each file's last version that loaded. While `mkdocs serve` runs, an edit
    that breaks a file reports its errors and keeps that last good version on the site, so the
    page being edited does not vanish from the preview; the next valid save replaces it.
    """

    def __init__(self) -> None:
        self._items: dict[str, _CachedParse] = {}
        self._last_good: dict[str, Entry] = {}
        self.hits = 0
        self.misses = 0

    def parse(self, file: Path, key: str, display: str) -> tuple[Entry | None, list[Problem]]:
        st = file.stat()
        stamp = (st.st_mtime_ns, st.st_size)
        cached = self._items.get(display)
        if cached is not None and cached.stamp == stamp:
            self.hits += 1
            return cached.entry, cached.problems
        self.misses += 1
        entry, problems = parse_entry(file.read_bytes(), key, display)
        if entry is not None:
            self._last_good[display] = entry
        elif display in self._last_good:
            entry = self._last_good[display]
            problems = problems + [Problem(
                display, 1, "", "the site keeps this entry's last valid version until the file "
                "is fixed", NOTE_SEVERITY,
            )]
        self._items[display] = _CachedParse(stamp, entry, problems)
        return entry, problems


def _display_path(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return os.path.relpath(path, base).replace(os.sep, "/")
        except ValueError:
            pass
    return str(path)


def load_catalog(
    entries_dir: str | os.PathLike,
    *,
    base_dir: str | os.PathLike | None = None,
    cache: EntryCache | None = None,
) -> Catalog:
    """Load and validate `entries_dir` (holding `papers/`, `categories.yaml`, `tags.yaml`).

    Paths in problems are relative to `base_dir` when given. Never raises for bad input.
    """
    root = Path(entries_dir)
    base = Path(base_dir) if base_dir is not None else None
    problems: list[Problem] = []

    cat_path = root / "categories.yaml"
    tag_path = root / "tags.yaml"
    categories: list[Category] = []
    tags: dict[str, str] = {}
    if cat_path.is_file():
        categories, found = parse_categories(cat_path.read_bytes(), _display_path(cat_path, base))
        problems += found
    else:
        problems.append(Problem(_display_path(cat_path, base), 1, "", "file is missing"))
    if tag_path.is_file():
        tags, found = parse_tags(tag_path.read_bytes(), _display_path(tag_path, base))
        problems += found
    else:
        problems.append(Problem(_display_path(tag_path, base), 1, "", "file is missing"))
    slugs = {c.slug for root_cat in categories for c in root_cat.walk()}

    papers_dir = root / "papers"
    files = sorted(papers_dir.glob("*.yaml")) if papers_dir.is_dir() else []
    for other in sorted(papers_dir.glob("*")) if papers_dir.is_dir() else []:
        if other.is_file() and other.suffix in (".yml", ".YAML", ".Yaml"):
            problems.append(
                Problem(_display_path(other, base), 1, "", "entry files must end in .yaml")
            )
    entries: dict[str, Entry] = {}
    lower_keys: dict[str, str] = {}
    by_arxiv: dict[str, Entry] = {}
    by_doi: dict[str, Entry] = {}
    for file in files:
        key = file.stem
        display = _display_path(file, base)
        if cache is not None:
            entry, found = cache.parse(file, key, display)
        else:
            entry, found = parse_entry(file.read_bytes(), key, display)
        problems += found
        if key.lower() in lower_keys:
            problems.append(
                Problem(
                    display, 1, "key",
                    f"key {key!r} differs from {lower_keys[key.lower()]!r} only in letter case",
                )
            )
            continue
        lower_keys[key.lower()] = key
        if entry is None:
            continue
        local: list[Problem] = []
        for i, slug in enumerate(entry.categories):
            if slug not in slugs:
                local.append(
                    Problem(display, entry.line_of("categories"), f"categories[{i}]",
                            f"unknown category {slug!r}{did_you_mean(slug, slugs)}")
                )
        for i, tag in enumerate(entry.tags):
            if tag not in tags:
                local.append(
                    Problem(display, entry.line_of("tags"), f"tags[{i}]",
                            f"unknown tag {tag!r}{did_you_mean(tag, tags)}")
                )
        if entry.arxiv and entry.arxiv in by_arxiv:
            other = by_arxiv[entry.arxiv]
            local.append(
                Problem(display, entry.line_of("arxiv"), "arxiv",
                        f"arXiv id {entry.arxiv} is also used by {other.path}:{other.line_of('arxiv')}")
            )
        if entry.doi and entry.doi.lower() in by_doi:
            other = by_doi[entry.doi.lower()]
            local.append(
                Problem(display, entry.line_of("doi"), "doi",
                        f"DOI {entry.doi} is also used by {other.path}:{other.line_of('doi')}")
            )
        problems += local
        if local:
            continue
        entries[key] = entry
        if entry.arxiv:
            by_arxiv[entry.arxiv] = entry
        if entry.doi:
            by_doi[entry.doi.lower()] = entry
    # Checks across entries (quality.py); an entry with an error there is left out too.
    by_key = {file.stem: file for file in files}
    found = check_catalog(
        entries.values(), known_keys=by_key, read=lambda e: by_key[e.key].read_bytes(),
        memo=memo_for(cache) if cache is not None else None,
    )
    problems += found
    failed = {p.path for p in found if p.severity == "error"}
    entries = {key: e for key, e in entries.items() if e.path not in failed}
    return Catalog(entries=entries, categories=categories, tags=tags, problems=problems)
