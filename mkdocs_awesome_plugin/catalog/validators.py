"""Checks of single values that the JSON Schema cannot express: characters, real dates, types
named the way a contributor reads them.

Shared by the entry parser, the vocabulary files and the CLI's prompts.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from .model import PartialDate
from .yaml_source import LineDict, LineList

KEY_RE = re.compile(r"^[a-z0-9]+$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAG_RE = SLUG_RE
DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
MAX_TEXT = 1000


def type_name(value: object) -> str:
    """What a YAML value is, in a contributor's words ("a list", "true/false")."""
    return {
        str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
        LineList: "a list", dict: "a mapping", LineDict: "a mapping", type(None): "nothing",
    }.get(type(value), type(value).__name__)


def characters_problem(value: str, *, multiline: bool = False) -> str | None:
    """Why the characters of `value` do not make acceptable text (blank, a line break in one-line
    text, control or invalid characters), or None."""
    if not value.strip():
        return "must not be empty"
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


def text_problem(value: object, *, multiline: bool = False, limit: int = MAX_TEXT) -> str | None:
    """Why `value` is not acceptable one-line text, or None (type, length and characters)."""
    if not isinstance(value, str):
        return f"expected text, got {type_name(value)}"
    if not value.strip():
        return "must not be empty"
    if len(value) > limit:
        return f"is {len(value)} characters long; the limit is {limit}"
    return characters_problem(value, multiline=multiline)


def parse_date(value: object) -> tuple[PartialDate | None, str | None]:
    """Parse `YYYY-MM` or `YYYY-MM-DD` (YAML may already have made the latter a date)."""
    if isinstance(value, _dt.datetime):
        return None, "must be YYYY-MM or YYYY-MM-DD, without a time"
    if isinstance(value, _dt.date):
        return PartialDate(value.year, value.month, value.day), None
    if not isinstance(value, str):
        return None, f"must be YYYY-MM or YYYY-MM-DD in quotes, got {type_name(value)}"
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


def line_of(data: LineDict, name: str) -> int:
    """The line of field `name` in a mapping, or the mapping's first line."""
    return data.lines.get(name, data.start_line)


def item_line(seq: object, index: int, fallback: int) -> int:
    """The line of item `index` of a list, or `fallback`."""
    if isinstance(seq, LineList) and index < len(seq.lines):
        return seq.lines[index]
    return fallback
