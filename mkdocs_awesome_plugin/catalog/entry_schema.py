"""The entry JSON Schema (`schema/entry.schema.json`) as the first pass of entry validation.

The schema is the one statement of an entry's shape: editors validate against it as the
contributor types, and `parse_entry` runs it first, through `jsonschema`, so the two cannot
disagree. `jsonschema` is the reference implementation of JSON Schema for Python, maintained by
the JSON Schema organisation and used by pip, Jupyter and many others; writing a second validator
by hand is how the two had drifted. The validator is compiled once per process. A valid entry is
only run through `fastjsonschema` (`entry_checker`), much faster for a yes; `jsonschema` words
the errors of the others.

What the schema cannot say (real calendar days, control characters, arXiv id and DOI
normalisation, the `bibtex:` text, did-you-mean) is checked by the parser after this pass.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from collections.abc import Callable, Iterator
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
def _flat_schema() -> dict:
    """The schema with its local `$ref`s inlined, which both validators run."""
    schema = entry_schema()
    return _inline_refs(schema, schema.get("$defs", {}))  # type: ignore[return-value]


@functools.cache
def entry_validator() -> Draft202012Validator:
    """The compiled validator; built once, since compiling costs far more than validating."""
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(entry_schema())
    return Draft202012Validator(_flat_schema())


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


@functools.cache
def entry_checker() -> Callable[[object], object]:
    """A yes/no check of the same schema, compiled to Python by `fastjsonschema`.

    Most entries are valid, and for them only the answer matters: `fastjsonschema` turns the
    schema into straight-line Python and gives it about 9 times faster than `jsonschema` walks the
    schema (0.02 s against 0.18 s per 1,000 entries). It stops at the first error and words it
    its own way, so an entry it refuses is validated again by `jsonschema`, which reports every
    error in the words users see. The schema uses only keywords draft 7 shares with 2020-12 once
    its `$ref`s are inlined, so it is compiled as draft 7, the newest `fastjsonschema` knows.
    `tests/test_schema.py` checks the two agree on valid, broken and randomly damaged entries.
    """
    import fastjsonschema

    flat = {k: v for k, v in _flat_schema().items() if k not in ("$defs", "$id")}
    flat["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(flat)


def schema_errors(data: dict) -> Iterator[ValidationError]:
    """Every way `data` (one entry's mapping) breaks the schema."""
    view = json_view(data)
    try:
        entry_checker()(view)
    except Exception:  # refused (JsonSchemaException), or a value it cannot handle: ask jsonschema
        return entry_validator().iter_errors(view)
    return iter(())
