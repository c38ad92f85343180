"""One entry file -> `Entry`, with every problem at its file, line and field.

Two passes. First the JSON Schema (`entry_schema.py`): types, required fields, unknown fields,
lengths, patterns. Its errors are reworded for a contributor (`_schema_problem`). Then, for each
field the schema found nothing wrong with, the field's row in `FIELDS` checks what the schema
cannot express and turns the YAML value into the model's value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .bibtex_input import parse_bibtex_override
from .entry_schema import known_fields, required_fields, schema_errors
from .links import http_url_problem, normalize_arxiv, normalize_doi
from .model import Entry
from .problems import Problem, ProblemCollector
from .suggest import did_you_mean
from .validators import (
    KEY_RE,
    characters_problem,
    hidden_character,
    hidden_character_message,
    item_line,
    line_of,
    locate_character,
    parse_date,
    text_problem,
    type_name,
)
from .yaml_source import LineDict, YamlProblem, decode_utf8, load_yaml_bytes

if TYPE_CHECKING:
    from jsonschema import ValidationError

KNOWN_FIELDS = known_fields()
REQUIRED = required_fields()
OPTIONAL = tuple(name for name in KNOWN_FIELDS if name not in REQUIRED and name != "key")

_BAD = object()  # a converter's answer when it reported a problem


class _Context:
    """What a field's converter needs: the file's problems, its mapping and the fields so far."""

    def __init__(self, col: ProblemCollector, data: LineDict, key: str):
        self.col = col
        self.data = data
        self.key = key
        self.fields: dict = {}

    def line(self, name: str) -> int:
        return line_of(self.data, name)


# --------------------------------------------------------------------------------------------
# converters: the checks after the schema, one per kind of field


def _text(multiline: bool = False) -> Callable[[_Context, str, object], object]:
    def convert(ctx: _Context, name: str, value: object) -> object:
        problem = characters_problem(value, multiline=multiline)
        if problem:
            ctx.col.error(ctx.line(name), name, problem)
            return _BAD
        return value if multiline else value.strip()

    return convert


def _string_list(ctx: _Context, name: str, value: object) -> object:
    line = ctx.line(name)
    out: list[str] = []
    ok = True
    for i, item in enumerate(value):
        problem = characters_problem(item)
        where = item_line(value, i, line)
        if problem:
            ctx.col.error(where, f"{name}[{i}]", problem)
            ok = False
            continue
        item = item.strip()
        if item in out:  # the schema compares before stripping
            ctx.col.error(where, f"{name}[{i}]", f"{item!r} is listed twice")
            ok = False
            continue
        out.append(item)
    return out if ok else _BAD


def _authors(ctx: _Context, name: str, value: object) -> object:
    authors = _string_list(ctx, name, value)
    if authors == []:
        ctx.col.warning(ctx.line(name), name, "the author list is empty")
    return authors


def _date(ctx: _Context, name: str, value: object) -> object:
    date, problem = parse_date(value)
    if problem:
        ctx.col.error(ctx.line(name), name, problem)
        return _BAD
    return date


def _links(ctx: _Context, name: str, value: object) -> object:
    good: dict[str, str] = {}
    for kind, url in value.items():
        problem = http_url_problem(url)
        if problem:
            ctx.col.error(value.lines.get(kind, ctx.line(name)), f"links.{kind}", problem)
            return _BAD
        good[kind] = url
    return good


def _same(ctx: _Context, name: str, value: object) -> object:
    return value


def _arxiv(ctx: _Context, name: str, value: object) -> object:
    norm = normalize_arxiv(value)
    if norm is None:
        ctx.col.error(ctx.line(name), name, _arxiv_message(value))
        return _BAD
    return norm


def _doi(ctx: _Context, name: str, value: object) -> object:
    norm = normalize_doi(value)
    if norm is None or text_problem(norm):
        ctx.col.error(ctx.line(name), name, _doi_message(value))
        return _BAD
    return norm


def _bibtex(ctx: _Context, name: str, value: object) -> object:
    # parsed and checked here, once, so that an override can never break the whole file
    problem = characters_problem(value, multiline=True)
    override = None
    if problem is None:
        override, problem = parse_bibtex_override(value)
    if problem:
        ctx.col.error(ctx.line(name), name, problem)
        return _BAD
    ctx.fields["bibtex_override"] = override
    return value


# --------------------------------------------------------------------------------------------
# wording of schema errors, for the fields whose generic wording would puzzle


def _arxiv_message(value: object) -> str:
    if isinstance(value, float):
        return "write the arXiv id in quotes (as a number, a trailing zero is lost)"
    return f"{value!r} is not an arXiv id such as '2408.00714'"


def _doi_message(value: object) -> str:
    return f"{value!r} is not a DOI such as '10.1000/xyz123'"


def _date_message(value: object) -> str:
    problem = parse_date(value)[1]
    return problem or f"{value!r} is not a date of the form YYYY-MM or YYYY-MM-DD"


@dataclass(frozen=True)
class FieldRule:
    """One top-level field: how its value is checked after the schema and turned into the model's.

    `absent_if_null`: `field:` left empty counts as not given (the schema allows null there).
    `wording`: the message for any schema error on this field, from the value as written.
    """

    convert: Callable[[_Context, str, object], object]
    absent_if_null: bool = False
    wording: Callable[[object], str] | None = None


# One row per field of the schema (checked below); `key` is handled on its own, against the file
# name.
FIELDS: dict[str, FieldRule] = {
    "title": FieldRule(_text()),
    "arxiv_title": FieldRule(_text(), absent_if_null=True),
    "authors": FieldRule(_authors),
    "date": FieldRule(_date, wording=_date_message),
    "added": FieldRule(_date, wording=_date_message),
    "categories": FieldRule(_string_list),
    "tags": FieldRule(_string_list),
    "links": FieldRule(_links),
    "venue": FieldRule(_text(), absent_if_null=True),
    "venue_type": FieldRule(_same, absent_if_null=True),
    "arxiv": FieldRule(_arxiv, absent_if_null=True, wording=_arxiv_message),
    "arxiv_class": FieldRule(
        _same, absent_if_null=True,
        wording=lambda value: f"{value!r} is not an arXiv category such as 'cs.CV'",
    ),
    "doi": FieldRule(_doi, absent_if_null=True, wording=_doi_message),
    "summary": FieldRule(_text(), absent_if_null=True),
    "supersedes": FieldRule(_string_list),
    "bibtex": FieldRule(_bibtex, absent_if_null=True),
    "et_al": FieldRule(_same),
    "confidence": FieldRule(_same, absent_if_null=True),
}
# tests/test_schema.py checks that FIELDS, LINK_KINDS and VENUE_TYPES match the schema


# --------------------------------------------------------------------------------------------
# the schema pass

# when one value breaks several keywords, the first of these is the one worth reading
_PRIORITY = ("type", "minLength", "maxLength", "pattern", "enum", "minItems", "uniqueItems")


def _field_name(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _line_at(data: LineDict, path) -> int:
    """The line of the value at `path` (top-level field, then mapping key or list index)."""
    line = line_of(data, path[0])
    node = data.get(path[0])
    for part in path[1:]:
        if isinstance(part, int):
            line = item_line(node, part, line)
            node = node[part] if isinstance(node, list) and part < len(node) else None
        elif isinstance(node, LineDict):
            line = node.lines.get(part, line)
            node = node.get(part)
    return line


def _generic_message(error: ValidationError, top: str) -> str:
    """A schema error in a contributor's words."""
    value, kind = error.instance, error.validator
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        if "array" in wanted:
            return f"expected a list, got {type_name(value)}"
        if "object" in wanted:
            what = "a mapping of links" if top == "links" else "a mapping"
            return f"expected {what}, got {type_name(value)}"
        if "boolean" in wanted:
            return f"expected true or false, got {type_name(value)}"
        return f"expected text, got {type_name(value)}"
    if kind == "minLength":
        return "must not be empty"
    if kind == "maxLength":
        return f"is {len(value)} characters long; the limit is {error.validator_value}"
    if kind == "minItems":
        return "must list at least one item"
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value if v is not None)
        return f"{value!r} is not one of {allowed}"
    if kind == "pattern":
        if top in ("categories", "tags"):
            what = "category slug" if top == "categories" else "tag"
            return f"{value!r} is not a {what} (lowercase letters, digits and single hyphens)"
        if top == "supersedes":
            return f"{value!r} is not an entry key (lowercase letters and digits)"
        if isinstance(value, str) and ("\n" in value or "\r" in value):
            return "must be a single line"
    return error.message  # pragma: no cover - every keyword the schema uses is worded above


def _strings(value: object, path: list) -> list[tuple[list, str]]:
    """Every text value inside `value` with its path (mapping keys and list indexes)."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [found for k, v in value.items() for found in _strings(v, [*path, k])]
    if isinstance(value, list):
        return [found for i, v in enumerate(value) for found in _strings(v, [*path, i])]
    return []


def _hidden_pass(col: ProblemCollector, data: LineDict, data_bytes: bytes) -> set[str]:
    """Report bidirectional controls and invisible characters in any text of the entry, at the
    character's own line and column; return the top-level fields that hold one."""
    bad: set[str] = set()
    source: str | None = None
    for path, value in _strings(data, []):
        found = hidden_character(value)
        if found is None:
            continue
        if source is None:
            source = decode_utf8(data_bytes)
        line, column = locate_character(source, _line_at(data, path), found[1])
        col.error(line, _field_name(path), hidden_character_message(found[1]), column)
        bad.add(path[0])
    return bad


def _schema_pass(col: ProblemCollector, data: LineDict, skip: set[str]) -> set[str]:
    """Report the schema's errors, except on fields in `skip` (already reported); return the
    top-level fields that had one."""
    bad: set[str] = set(skip)
    found: dict[str, tuple[int, int, str]] = {}  # field -> (priority, line, message)
    missing: list[tuple[int, str, str]] = []

    def report(field: str, line: int, message: str, rank: int) -> None:
        if field not in found or rank < found[field][0]:
            found[field] = (rank, line, message)

    for error in schema_errors(data):
        path = list(error.absolute_path)
        top = path[0] if path else None
        if top == "key" or top in skip:
            continue  # checked against the file name below / reported already
        rank = _PRIORITY.index(error.validator) if error.validator in _PRIORITY else 99
        if error.validator == "required":
            parent = _line_at(data, path) if path else data.start_line
            for name in error.validator_value:
                if name not in error.instance:
                    what = "required link is missing" if path else "required field is missing"
                    missing.append((parent, _field_name([*path, name]), what))
                    if path:
                        bad.add(top)
            continue
        if error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            for name in error.instance:
                if name in allowed:
                    continue
                if path:  # an unknown kind of link
                    kinds = tuple(allowed)
                    report(
                        _field_name([*path, name]), _line_at(data, [*path, name]),
                        f"unknown link kind{did_you_mean(name, kinds)} "
                        f"(allowed: {', '.join(kinds)})", 0,
                    )
                    bad.add(top)
                else:
                    report(name, line_of(data, name),
                           f"unknown field{did_you_mean(name, KNOWN_FIELDS)}", 0)
            continue
        bad.add(top)
        rule = FIELDS.get(top)
        if error.validator == "uniqueItems":
            seen: list = []
            for i, item in enumerate(error.instance):
                if item in seen:
                    report(_field_name([*path, i]), _line_at(data, [*path, i]),
                           f"{item!r} is listed twice", rank)
                seen.append(item)
            continue
        if rule is not None and rule.wording is not None:
            message = rule.wording(data[top])
        elif top == "links" and len(path) == 2:
            message = http_url_problem(error.instance) or (
                f"{error.instance!r} is not an http(s) URL"
            )
        else:
            message = _generic_message(error, top)
        report(_field_name(path), _line_at(data, path), message, rank)
    for line, field, message in missing:
        col.error(line, field, message)
    for field, (_rank, line, message) in found.items():
        col.error(line, field, message)
    return bad


# --------------------------------------------------------------------------------------------
# one entry


def parse_entry(data_bytes: bytes, key: str, path: str) -> tuple[Entry | None, list[Problem]]:
    """Parse and check one entry file on its own (no cross-file or vocabulary checks)."""
    col = ProblemCollector(path)
    if not KEY_RE.match(key):
        col.error(1, "key", f"file name {key!r} is not a valid key: use only a-z and 0-9")
    try:
        data = load_yaml_bytes(data_bytes)
    except YamlProblem as exc:
        col.problems.append(Problem(path, exc.line, exc.field, exc.message, "error", exc.col))
        return None, col.problems
    if not isinstance(data, LineDict):
        col.error(1, "", f"an entry must be a mapping of fields, got {type_name(data)}")
        return None, col.problems

    bad = _schema_pass(col, data, _hidden_pass(col, data, data_bytes))
    if "key" in data and data["key"] != key:
        col.error(line_of(data, "key"), "key",
                  f"key {data['key']!r} does not match the file name {key!r}")

    ctx = _Context(col, data, key)
    for name, rule in FIELDS.items():
        if name not in data or name in bad:
            continue
        value = data[name]
        if value is None and rule.absent_if_null:
            continue
        converted = rule.convert(ctx, name, value)
        if converted is not _BAD:
            ctx.fields[name] = converted
    fields = ctx.fields
    if fields.get("et_al") and not fields.get("authors"):
        col.error(line_of(data, "et_al"), "et_al", "needs at least one known author")

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
        bibtex_override=fields.get("bibtex_override"),
        et_al=fields.get("et_al", False),
        arxiv_title=fields.get("arxiv_title"),
        confidence=fields.get("confidence"),
        arxiv_class=fields.get("arxiv_class"),
        lines=dict(data.lines),
    )
    return entry, col.problems

