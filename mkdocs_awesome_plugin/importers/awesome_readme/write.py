"""Write planned entries into an entries folder, and report what an import did.

An existing entry file is never overwritten unless `force=True`, and a paper that an existing file
already holds under another key is never written again. Files are written atomically (temporary
file in the same folder, then a rename). `tags.yaml` is created with just the import tag when it
is missing, and the tag is appended when the file exists without it. An existing
`categories.yaml` is never replaced: only the missing categories are added to it (its comments are
then lost, the rest is kept).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ...catalog.identity import paper_identities
from ...catalog.writer import dump_yaml, entry_text
from ...fileio import write_atomic
from ...schema import schema_line, schema_reference
from .parse import SKIP_REASONS, ParsedList, Row, Section, parse_readme
from .plan import IMPORT_TAG, Plan, PlannedEntry, conflict_message, plan_entries

# the editor line of entries written into this repository's own entries folder
REPO_SCHEMA = "../../mkdocs_awesome_plugin/schema/entry.schema.json"
SCHEMA_LINE = schema_line(REPO_SCHEMA).rstrip("\n")
IMPORT_TAG_DESCRIPTION = "Imported from an awesome list and not yet tagged by a curator."


def dump_entry(data: dict, schema: str | None = None) -> str:
    """The text of an entry file: the schema line, then the fields."""
    return entry_text(data, schema or REPO_SCHEMA)


@dataclass
class ImportReport:
    """What an import read, merged, wrote and skipped."""

    source: str = ""
    rows_read: int = 0
    entries_written: int = 0
    entries_skipped: int = 0  # an entry file existed, or another file already holds the paper
    categories: int = 0
    categories_added: int = 0  # new in categories.yaml
    duplicates_merged: int = 0  # same paper twice in one section
    cross_listed: int = 0  # same paper in another section: one more category
    commented_rows: int = 0
    merged_published: int = 0  # an arXiv row and its published version's row
    skips: dict[str, list[str]] = field(default_factory=dict)  # reason -> where
    links_cleaned: int = 0
    hidden_stripped: int = 0
    conflicts: list[str] = field(default_factory=list)
    conflict_rows: list[tuple[Row, Row]] = field(default_factory=list)  # (kept, skipped)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    entries: list[PlannedEntry] = field(default_factory=list)
    parsed: ParsedList | None = field(default=None, repr=False)

    def summary(self) -> str:
        def n(count: int, word: str) -> str:
            if count == 1:
                return f"{count} {word}"
            return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"

        lines = [
            f"{self.source}: read {n(self.rows_read, 'paper row')} "
            f"({self.commented_rows} commented out and ignored); "
            f"{n(len(self.entries), 'entry')}: {self.entries_written} written, "
            f"{self.entries_skipped} skipped as already present; "
            f"{n(self.categories, 'category')} ({self.categories_added} added to categories.yaml); "
            f"{n(self.duplicates_merged, 'duplicate')} merged, "
            f"{self.cross_listed} listed in more than one section; "
            f"{n(len(self.conflicts), 'conflict')}."
        ]
        skipped = sum(len(v) for v in self.skips.values())
        lines.append(
            f"{n(self.rows_read + skipped, 'record')} read: {n(self.rows_read, 'paper row')}, "
            f"{skipped} skipped as not papers; {n(len(self.entries), 'paper')} "
            f"({self.duplicates_merged + self.cross_listed + self.merged_published} merged "
            f"duplicates, {self.merged_published} of them preprint and published version); "
            f"{n(len(self.conflicts), 'conflict')}; {n(self.links_cleaned, 'link')} without "
            f"tracking or view parameters; {self.hidden_stripped} hidden characters removed."
        )
        for reason, places in self.skips.items():
            shown = ", ".join(p.rsplit(":", 1)[-1] for p in places[:8])
            more = f", … ({len(places) - 8} more)" if len(places) > 8 else ""
            lines.append(f"skipped {len(places)}: {SKIP_REASONS.get(reason, reason)}; "
                         f"lines {shown}{more}")
        lines += [f"conflict: {c}" for c in self.conflicts]
        lines += [f"skipped: {s}" for s in self.skipped]
        lines += [f"note: {s}" for s in self.notes]
        return "\n".join(lines)


def _existing_papers(papers_dir: Path) -> dict[str, str]:
    """identity -> key for the entry files already in `papers_dir` (unreadable files are ignored)."""
    known: dict[str, str] = {}
    if not papers_dir.is_dir():
        return known
    for file in sorted(papers_dir.glob("*.yaml")):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if not isinstance(data, dict):
            continue
        links = data.get("links")
        paper = links.get("paper") if isinstance(links, dict) else None
        ids = paper_identities(
            arxiv=data.get("arxiv"), doi=data.get("doi"),
            urls=[paper] if isinstance(paper, str) else [],
        )
        for ident in ids:
            known.setdefault(ident, file.stem)
    return known


def _category_items(sections: list[Section]) -> list[dict]:
    items = []
    for s in sections:
        item: dict = {"slug": s.slug, "title": s.title}
        if s.children:
            item["children"] = _category_items(s.children)
        items.append(item)
    return items


def _merge_categories(path: Path, sections: list[Section]) -> int:
    """Write `categories.yaml`, or add the missing categories to an existing one. Returns how
    many were added."""
    if not path.exists():
        write_atomic(path, dump_yaml(_category_items(sections)), overwrite=False)
        return sum(1 for root in sections for _ in root.walk())
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of categories")
    index: dict[str, dict] = {}

    def walk(items):
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("slug"), str):
                index[item["slug"]] = item
                walk(item.get("children") or [])

    walk(data)
    added = 0
    for root in sections:
        for s in root.walk():
            if s.slug in index:
                continue
            item = {"slug": s.slug, "title": s.title}
            parent = index.get(s.parent.slug) if s.parent is not None else None
            if parent is None:
                data.append(item)
            else:
                parent.setdefault("children", []).append(item)
            index[s.slug] = item
            added += 1
    if added:
        write_atomic(path, dump_yaml(data), overwrite=True)
    return added


def _ensure_tag(path: Path) -> None:
    line = f"{IMPORT_TAG}: {IMPORT_TAG_DESCRIPTION}\n"
    if not path.exists():
        write_atomic(path, line, overwrite=False)
        return
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if isinstance(data, dict) and IMPORT_TAG in data:
        return
    if text and not text.endswith("\n"):
        text += "\n"
    write_atomic(path, text + line, overwrite=True)


def write_plan(
    parsed: ParsedList, plan: Plan, entries_dir: Path, *, force: bool = False
) -> ImportReport:
    """Write the planned entries, `categories.yaml` and `tags.yaml` under `entries_dir`."""
    entries_dir = Path(entries_dir)
    report = ImportReport(
        source=parsed.path,
        rows_read=len(parsed.rows),
        categories=len(parsed.categories()),
        duplicates_merged=plan.duplicates_merged,
        cross_listed=plan.cross_listed,
        commented_rows=parsed.commented_rows,
        merged_published=plan.merged_published,
        skips=parsed.skips,
        links_cleaned=parsed.links_cleaned,
        hidden_stripped=parsed.hidden_stripped,
        conflicts=[conflict_message(kept, skipped) for kept, skipped in plan.conflicts],
        conflict_rows=list(plan.conflicts),
        notes=parsed.notes + plan.notes,
        entries=plan.entries,
        parsed=parsed,
    )
    papers = entries_dir / "papers"
    papers.mkdir(parents=True, exist_ok=True)
    schema = schema_reference(papers)
    known = _existing_papers(papers)
    for entry in plan.entries:
        entry.path = papers / f"{entry.key}.yaml"
        holder = known.get(entry.first.identity)
        if holder is not None and holder != entry.key:
            entry.status = "known"
            report.entries_skipped += 1
            report.skipped.append(f"{entry.first.where}: {entry.title!r} is already in papers/{holder}.yaml")
            continue
        if write_atomic(entry.path, dump_entry(entry.data(), schema), overwrite=force):
            entry.status = "written"
            report.entries_written += 1
        else:
            entry.status = "exists"
            report.entries_skipped += 1
            report.skipped.append(
                f"{entry.first.where}: papers/{entry.key}.yaml exists; not overwritten (use force)"
            )
    report.categories_added = _merge_categories(entries_dir / "categories.yaml", parsed.sections)
    _ensure_tag(entries_dir / "tags.yaml")
    return report


def import_readme(
    readme_text: str, readme_path: str, entries_dir: Path, *, force: bool = False
) -> ImportReport:
    """Turn an awesome-list README into entry files under `entries_dir`: parse, plan, write."""
    parsed = parse_readme(readme_text, readme_path)
    return write_plan(parsed, plan_entries(parsed), entries_dir, force=force)
