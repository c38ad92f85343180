"""Did-you-mean: the one rule for suggesting a known name in place of a misspelt one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# difflib ratio a suggestion needs. 0.75 keeps the suggestions a contributor expects: one letter
# off or two swapped in a short word ('vidoe' -> 'video' is 0.8, 'imag' -> 'image' 0.89) and a
# typo in a key that shares its `<surname><year>`, while unrelated names sharing only a year or a
# common word are not offered.
CUTOFF = 0.75


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The known name most like `value`, or None when none is close enough."""
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=CUTOFF)
    return close[0] if close else None


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`; did you mean 'x'?` to append to a message, or "" when nothing is close."""
    match = closest(value, choices)
    return f"; did you mean {match!r}?" if match else ""
