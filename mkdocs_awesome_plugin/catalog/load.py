"""Read an entries folder into a `Catalog`, collecting every problem with its file and line.

A broken file never stops the others: each entry is parsed and checked on its own
(`parse.py`), then against the vocabulary and the identifiers of the entries before it
(`crossfile.py`), then all together (`quality.py`); only entries without errors reach the
catalogue.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from pathlib import Path

from .cache import EntryCache
from .crossfile import IdentifierRegister, vocabulary_problems
from .model import Catalog, Category, Entry
from .parse import parse_entry
from .problems import ERROR, Problem
from .quality import check_catalog, memo_for
from .vocabulary import parse_categories, parse_tag_vocabulary

__all__ = ["EntryCache", "load_catalog", "parse_entry"]


def _display_path(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return os.path.relpath(path, base).replace(os.sep, "/")
        except ValueError:
            pass
    return str(path)


def _load_vocabulary(
    root: Path, base: Path | None
) -> tuple[list[Category], dict[str, str], dict[str, tuple[str, ...]], list[Problem]]:
    problems: list[Problem] = []
    categories: list[Category] = []
    tags: dict[str, str] = {}
    implies: dict[str, tuple[str, ...]] = {}
    for name in ("categories.yaml", "tags.yaml"):
        path = root / name
        display = _display_path(path, base)
        if not path.is_file():
            problems.append(Problem(display, 1, "", "file is missing"))
        elif name == "tags.yaml":
            tags, implies, found = _parsed_vocabulary(name, path.read_bytes(), display)
            tags, implies = dict(tags), dict(implies)
            problems += found
        else:
            categories, found = _parsed_vocabulary(name, path.read_bytes(), display)
            categories = list(categories)
            problems += found
    return categories, tags, implies, problems


@functools.lru_cache(maxsize=8)
def _parsed_vocabulary(name: str, data: bytes, display: str) -> tuple:
    """`categories.yaml` or `tags.yaml` parsed, remembered by content: `mkdocs serve` reads both
    on every rebuild, and they rarely change (a tenth of a rebuild at 87 papers)."""
    if name == "tags.yaml":
        return parse_tag_vocabulary(data, display)
    return parse_categories(data, display)


def _with_implied_tags(entry: Entry, implies: dict[str, tuple[str, ...]]) -> Entry:
    """`entry` with the tags its tags imply added after its own (a copy: the cached entry keeps
    the tags as written, which the quality check compares with)."""
    extra = [t for tag in entry.tags for t in implies.get(tag, ()) if t not in entry.tags]
    if not extra:
        return entry
    return dataclasses.replace(entry, tags=[*entry.tags, *dict.fromkeys(extra)])


def _entry_files(papers_dir: Path, base: Path | None) -> tuple[list[Path], list[Problem]]:
    if not papers_dir.is_dir():
        return [], []
    problems = [
        Problem(_display_path(other, base), 1, "", "entry files must end in .yaml")
        for other in sorted(papers_dir.glob("*"))
        if other.is_file() and other.suffix in (".yml", ".YAML", ".Yaml")
    ]
    return sorted(papers_dir.glob("*.yaml"), key=lambda p: p.name), problems  # one folder


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
    categories, tags, implies, problems = _load_vocabulary(root, base)
    slugs = {c.slug for root_cat in categories for c in root_cat.walk()}
    files, found = _entry_files(root / "papers", base)
    problems += found

    entries: dict[str, Entry] = {}
    lower_keys: dict[str, str] = {}
    register = IdentifierRegister()
    folder = _display_path(root / "papers", base)  # one relpath, not one per file
    named = [(file, file.stem, file.name if folder == "." else f"{folder}/{file.name}")
             for file in files]
    for at, (file, key, display) in enumerate(named):
        if cache is not None and at % 500 == 0:  # 500 files' bytes held at a time
            cache.read_ahead(named[at : at + 500])
        if cache is not None:
            entry, found = cache.parse(file, key, display)
        else:
            entry, found = parse_entry(file.read_bytes(), key, display)
        problems += found
        if key.lower() in lower_keys:
            problems.append(Problem(
                display, 1, "key",
                f"key {key!r} differs from {lower_keys[key.lower()]!r} only in letter case",
            ))
            continue
        lower_keys[key.lower()] = key
        if entry is None:
            continue
        local = vocabulary_problems(entry, slugs, tags) + register.problems(entry)
        problems += local
        if local:
            continue
        entries[key] = entry
        register.add(entry)

    # Checks across entries (quality.py); an entry with an error there is left out too.
    by_key = {file.stem: file for file in files}

    def check() -> list[Problem]:
        return check_catalog(
            entries.values(), known_keys=by_key, read=lambda e: by_key[e.key].read_bytes(),
            memo=memo_for(cache) if cache is not None else None, implies=implies,
        )

    if cache is not None:  # from the disk cache when the same files were checked before
        found = cache.checked(list(entries.values()), repr((sorted(by_key), sorted((t, sorted(i)) for t, i in implies.items()))), check)
    else:
        found = check()
    problems += found
    failed = {p.path for p in found if p.severity == ERROR}
    entries = {
        key: _with_implied_tags(e, implies) for key, e in entries.items() if e.path not in failed
    }
    return Catalog(
        entries=entries, categories=categories, tags=tags, problems=problems, tag_implies=implies
    )
