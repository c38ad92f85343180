"""How an entry is written to YAML: one field order, quoting and layout for every writer.

`import`, `new` and any later command that writes entries (`add`, `enrich`) call `entry_text`,
so files written by different commands look alike and diff cleanly against each other.
"""

from __future__ import annotations

import yaml

from ..schema import schema_line
from .model import LINK_KINDS

# The order fields are written in, as documented in docs/contributing.md.
FIELD_ORDER = (
    "title", "arxiv_title", "authors", "et_al", "date", "venue", "venue_type", "arxiv",
    "arxiv_class", "doi",
    "categories", "tags", "links", "summary", "supersedes", "added", "confidence", "bibtex",
)
# Written in quotes: YAML would read a date as a date object and an arXiv id as a number.
_QUOTED = ("date", "added", "arxiv")


class Quoted(str):
    """A string always written in single quotes (dates, arXiv ids)."""


class _Dumper(yaml.SafeDumper):
    pass


def _quoted(dumper: yaml.SafeDumper, value: Quoted):
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="'")


def _literal_block(dumper: yaml.SafeDumper, value: str):
    # multi-line text (a `bibtex:` override) reads best as a literal block
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(Quoted, _quoted)
_Dumper.add_representer(str, _literal_block)


def dump_yaml(data) -> str:
    """YAML text for entries, categories and tags files: block style, Unicode kept, key order kept."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1000)


def entry_data(fields: dict) -> dict:
    """`fields` in the documented order, empty optional values left out, ids and dates quoted.

    `title`, `authors`, `date`, `categories`, `tags` and `links` are always written (an unknown
    author list is written as `[]`, which lint reports).
    """
    out: dict = {}
    for name in FIELD_ORDER:
        value = fields.get(name)
        if name == "links":
            links = value or {}
            out["links"] = {k: links[k] for k in LINK_KINDS if links.get(k)}
        elif name in ("authors", "categories", "tags"):
            out[name] = list(value or [])
        elif name == "et_al":
            if value:
                out[name] = True
        elif value in (None, "", [], {}):
            continue
        elif name in _QUOTED:
            out[name] = Quoted(str(value))
        elif name == "supersedes":
            out[name] = list(value)
        else:
            out[name] = value
    unknown = set(fields) - set(FIELD_ORDER) - {"key"}
    if unknown:
        raise ValueError(f"not entry fields: {', '.join(sorted(unknown))}")
    return out


def entry_text(fields: dict, schema: str | None) -> str:
    """The text of an entry file: the editor's schema line (when given), then the fields."""
    head = schema_line(schema) if schema else ""
    return head + dump_yaml(entry_data(fields))
