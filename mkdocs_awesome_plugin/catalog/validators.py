"""Checks of single values that the JSON Schema cannot express: characters, real dates, types
named the way a contributor reads them.

Shared by the entry parser, the vocabulary files and the CLI's prompts.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from .model import PartialDate
from .text import BIDI_CONTROLS, HIDDEN
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


def hidden_character(value: str) -> tuple[int, str] | None:
    """The index and character of the first bidirectional control or invisible character."""
    if HIDDEN.isdisjoint(value):
        return None
    for i, ch in enumerate(value):
        if ch in HIDDEN:
            return i, ch
    return None  # pragma: no cover


def hidden_character_message(ch: str) -> str:
    """What is wrong with hidden character `ch`, in one line."""
    name = unicodedata.name(ch, "")
    code = f"U+{ord(ch):04X}" + (f" ({name})" if name else "")
    if ch in BIDI_CONTROLS:
        return f"contains the bidirectional control {code}, which makes the text display " \
            "other than it reads; remove it"
    return f"contains the invisible character {code}; remove it"


def locate_character(source: str, start_line: int, ch: str) -> tuple[int, int]:
    """(line, column) of `ch` in `source` at or after `start_line`, written as itself or as a
    YAML escape (`\\u202e`); `(start_line, 1)` when not found."""
    code = ord(ch)
    forms = [ch, f"\\u{code:04x}", f"\\u{code:04X}", f"\\U{code:08x}", f"\\U{code:08X}"]
    if code < 0x100:
        forms += [f"\\x{code:02x}", f"\\x{code:02X}"]
    lines = source.split("\n")
    for number in range(max(start_line, 1), len(lines) + 1):
        text = lines[number - 1]
        found = [i for i in (text.find(form) for form in forms) if i >= 0]
        if found:
            return number, min(found) + 1
    return start_line, 1


# what one-line text may not hold: control characters (Cc), line and paragraph separators,
# surrogates, private-use characters and the noncharacters U+FDD0..U+FDEF; one C-level search
# instead of a Python loop over every character of every entry
_CONTROL = (
    r"\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef"
    r"\U000f0000-\U000ffffd\U00100000-\U0010fffd"
)
_BAD_ONE_LINE = re.compile(r"[\n" + _CONTROL + "]")
_BAD_MULTILINE = re.compile("[" + _CONTROL + "]")


def characters_problem(value: str, *, multiline: bool = False) -> str | None:
    """Why the characters of `value` do not make acceptable text (blank, a line break in one-line
    text, control, hidden or invalid characters), or None."""
    if not value.strip():
        return "must not be empty"
    hidden = hidden_character(value)
    if hidden:
        return hidden_character_message(hidden[1])
    bad = (_BAD_MULTILINE if multiline else _BAD_ONE_LINE).search(value)
    if bad is None:
        return None
    ch = bad.group()
    if ch in "\n\r":
        return "must be a single line"
    if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
        return f"contains the control character U+{ord(ch):04X}"
    return f"contains the invalid character U+{ord(ch):04X}"


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
