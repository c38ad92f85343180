"""The entry JSON Schema (`schema/entry.schema.json`) as the first pass of entry validation.

The schema is the one statement of an entry's shape: editors validate against it as the
contributor types, and `parse_entry` runs it first, through `jsonschema`, so the two cannot
disagree. `jsonschema` is the reference implementation of JSON Schema for Python, maintained by
the JSON Schema organisation and used by pip, Jupyter and many others; writing a second validator
by hand is how the two had drifted. The validator is compiled once per process.

What the schema cannot say (real calendar days, control characters, arXiv id and DOI
normalisation, the `bibtex:` text, did-you-mean) is checked by the parser after this pass.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..schema import SCHEMA_FILE

if TYPE_CHECKING:  # jsonschema is imported when an entry is first validated: a build whose
    # entries all come from the cache never loads it (a few MiB less at its peak)
    from jsonschema import Draft202012Validator, ValidationError

# fields whose value YAML may already have turned into a date object
DATE_FIELDS = ("date", "added")


@functools.cache
def entry_schema() -> dict:
    """The entry schema as shipped (read once)."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def _inline_refs(node: object, defs: dict) -> object:
    """`node` with each local `$ref` replaced by the definition's keywords merged in.

    Following a `$ref` is about a quarter of jsonschema's time on an entry; the schema only
    refers to its own `$defs`, whose keywords never clash with those beside the `$ref`.
    """
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _inline_refs(v, defs) for k, v in node.items() if k != "$ref"}
    ref = node.get("$ref")
    if ref is not None:
        name = ref.removeprefix("#/$defs/")
        target = _inline_refs(defs[name], defs)
        clash = set(target) & set(out) - {"description"}
        if ref == name or clash:  # not a local definition, or keywords would be lost
            return {**out, "allOf": [target]} if ref != name else dict(node)
        out = {**target, **out}
    return out


@functools.cache
def entry_validator() -> Draft202012Validator:
    """The compiled validator; built once, since compiling costs far more than validating."""
    from jsonschema import Draft202012Validator

    schema = entry_schema()
    Draft202012Validator.check_schema(schema)
    flat = _inline_refs(schema, schema.get("$defs", {}))
    return Draft202012Validator(flat)


def known_fields() -> tuple[str, ...]:
    """The top-level fields the schema allows, in its order."""
    return tuple(entry_schema()["properties"])


def required_fields() -> tuple[str, ...]:
    return tuple(entry_schema()["required"])


def link_kinds() -> tuple[str, ...]:
    return tuple(entry_schema()["properties"]["links"]["properties"])


def json_view(data: dict) -> dict:
    """`data` as the schema sees it: YAML dates become the `YYYY-MM-DD` text they were written as
    (a date with a time keeps its time, which the schema's date pattern refuses)."""
    view = dict(data)
    for name in DATE_FIELDS:
        value = view.get(name)
        if isinstance(value, (_dt.date, _dt.datetime)):
            view[name] = value.isoformat()
    return view


def schema_errors(data: dict) -> Iterator[ValidationError]:
    """Every way `data` (one entry's mapping) breaks the schema."""
    return entry_validator().iter_errors(json_view(data))
