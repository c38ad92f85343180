"""Reading an entry file for a change, writing it back with the one entry writer, and the
unified diff a contributor reviews before `--write`."""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass
from pathlib import Path

from ..catalog import Entry, Problem, parse_entry
from ..catalog.writer import entry_text
from ..catalog.yaml_source import YamlProblem, load_yaml_bytes
from ..fileio import write_atomic

_SCHEMA_PREFIX = "# yaml-language-server: $schema="


@dataclass
class EntryFile:
    """One entry file as read: its text, its fields as plain data, and the checked entry."""

    path: Path
    display: str
    text: str
    data: dict  # a LineDict: `.lines` gives each field's line, `data["links"].lines` each link's
    entry: Entry
    schema: str | None

    def fields(self) -> dict:
        """The fields as plain values, ready for `merge` and the entry writer."""
        return _plain(self.data)

    def text_with(self, fields: dict) -> str:
        return entry_text(fields, self.schema)

    def diff(self, new_text: str) -> str:
        return "".join(difflib.unified_diff(
            self.text.splitlines(keepends=True), new_text.splitlines(keepends=True),
            f"a/{self.display}", f"b/{self.display}",
        ))

    def write(self, new_text: str) -> list[Problem]:
        """Check `new_text` as lint would read it, then replace the file atomically.
        Returns the errors instead of writing when there are any."""
        _, problems = parse_entry(new_text.encode("utf-8"), self.entry.key, self.display)
        errors = [p for p in problems if p.severity == "error"]
        if not errors:
            write_atomic(self.path, new_text, overwrite=True)
        return errors


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def read_entry_file(path: Path, display: str) -> tuple[EntryFile | None, list[Problem]]:
    """The entry file, or None with its errors (a file lint rejects is not touched)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(display, 1, "", f"cannot read: {exc.strerror}")]
    entry, problems = parse_entry(raw, path.stem, display)
    if entry is None:
        return None, problems
    try:
        data = load_yaml_bytes(raw)
    except YamlProblem as exc:  # parse_entry read it, so this does not happen
        return None, [Problem(display, exc.line, exc.field, exc.message)]
    text = raw.decode("utf-8")
    first = text.split("\n", 1)[0]
    schema = first[len(_SCHEMA_PREFIX):].strip() if first.startswith(_SCHEMA_PREFIX) else None
    return EntryFile(path, display, text, data, entry, schema), problems


def entry_files(paths: list[str]) -> list[Path]:
    """The entry files named by `paths`: files as given; for a folder, its `papers/*.yaml`
    (an entries folder) or its own `*.yaml`."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            folder = path / "papers" if (path / "papers").is_dir() else path
            out += sorted(folder.glob("*.yaml"))
        else:
            out.append(path)
    return list(dict.fromkeys(out))
