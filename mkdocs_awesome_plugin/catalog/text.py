"""How free text is folded and flattened, wherever entries are compared or written out."""

from __future__ import annotations

import re
import unicodedata

# letters that NFKD does not split into ASCII
_SPECIAL_FOLD = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}

# whitespace (line and paragraph separators included) and C0/C1 control characters
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")


def fold_ascii(text: str) -> str:
    """Lowercase ASCII letters and digits only: `Videnović` -> `videnovic`."""
    text = text.lower()
    text = "".join(_SPECIAL_FOLD.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", text.encode("ascii", "ignore").decode("ascii"))


def one_line(text: str) -> str:
    """`text` with every run of whitespace (newlines included) collapsed to one space.

    The loader already refuses newlines in one-line fields; exports still flatten them, because a
    newline inside a RIS value or a `<meta>` attribute would silently corrupt the output.
    """
    return _BREAKS.sub(" ", text).strip()


# Characters that make text display other than it reads ("Trojan Source"): bidirectional
# embeddings, overrides and isolates, and characters that take no space (zero-width, soft hyphen).
# An entry never needs them: the loader refuses them (validators.py), importers strip them.
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
INVISIBLES = frozenset(("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"))
HIDDEN = BIDI_CONTROLS | INVISIBLES


def strip_hidden(text: str) -> tuple[str, int]:
    """`text` without bidirectional controls and invisible characters, and how many went."""
    clean = "".join(ch for ch in text if ch not in HIDDEN)
    return clean, len(text) - len(clean)
