"""Inline Markdown of an awesome list: links, emphasis marks, inline HTML and emoji.

Titles are cleaned of emoji, of emoji that were mis-decoded (UTF-8 read as Mac Roman or
Windows-1252, e.g. `üîó`), of markdown bold/italic/code marks, of inline HTML such as
`<a id="x"></a>` and of links.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

_STRIP_CODEPOINTS = {0x200D, 0x20E3} | set(range(0xFE00, 0xFE10)) | set(range(0x1F3FB, 0x1F400))


def _is_emoji_char(ch: str) -> bool:
    cp = ord(ch)
    if cp in _STRIP_CODEPOINTS or 0xE0020 <= cp <= 0xE007F:  # joiners, selectors, tags
        return True
    return unicodedata.category(ch) in ("So", "Co", "Cs")


def _repair_run(run: str) -> str:
    """A run of non-ASCII text: emoji mis-decoded as Mac Roman/Windows-1252 are dropped.

    The run is dropped only when re-encoding it gives valid UTF-8 made of emoji and symbols alone
    (legitimate accented text does not re-encode to that). The lead byte of a 4-byte emoji is
    often lost on the way (`üîó` instead of `\\uf8ffüîó`), so that is tried too.
    """
    for codec in ("mac_roman", "cp1252"):
        try:
            raw = run.encode(codec)
        except UnicodeEncodeError:
            continue
        for candidate in (raw, b"\xf0" + raw):
            try:
                fixed = candidate.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if fixed and all(_is_emoji_char(ch) for ch in fixed):
                return ""
    return run


def strip_emoji(text: str) -> str:
    """`text` without emoji, without mis-decoded emoji, whitespace collapsed."""
    text = re.sub(r"[^\x00-\x7f]+", lambda m: _repair_run(m.group(0)), text)
    text = "".join(ch for ch in text if not _is_emoji_char(ch))
    return re.sub(r"\s+", " ", text).strip()


def clean_heading(text: str) -> str:
    """Heading text without anchors, HTML, links, emphasis marks and emoji."""
    text = re.sub(r"<a\b[^>]*>(.*?)</a\s*>", r"\1", text, flags=re.IGNORECASE | re.DOTALL)
    text = re.sub(r"<[^>]*>", "", text)
    text = re.sub(r"\{#[^}]*\}\s*$", "", text)  # {#custom-id}
    text = replace_links(text, lambda label, url: label)
    text = text.replace("**", "").replace("__", "").replace("`", "")
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = strip_emoji(text)
    return text.strip(" -:|")


def clean_title(text: str) -> str:
    """A paper title from link text: emphasis marks off, whitespace collapsed."""
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"<[^>]*>", "", text)
    return re.sub(r"\s+", " ", text).strip()


def slugify(text: str) -> str:
    """A category slug: lowercase ASCII letters and digits joined by `-`."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = text.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --------------------------------------------------------------------------------------------
# links


def _match(text: str, start: int, open_ch: str, close_ch: str) -> int | None:
    depth = 0
    for j in range(start, len(text)):
        ch = text[j]
        if ch == "\\":
            continue
        if ch == open_ch:
            depth += 1
        elif ch == close_ch:
            depth -= 1
            if depth == 0:
                return j
        elif ch == "\n":
            return None
    return None


def _scan_links(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, label, target) of each `[label](target)`, in order; `text[start:end]` is the
    whole link. Brackets nest, so a link inside a bracket group (`[ [**Code**](u) | ... ]`) is
    found too."""
    i = 0
    n = len(text)
    while i < n:
        if text[i] == "[":
            end = _match(text, i, "[", "]")
            if end is not None and end + 1 < n and text[end + 1] == "(":
                close = _match(text, end + 1, "(", ")")
                if close is not None:
                    target = text[end + 2 : close].strip()
                    # a title after the URL: [x](url "title")
                    target = re.sub(r"\s+(\"[^\"]*\"|'[^']*')$", "", target).strip("<> ")
                    yield i, close + 1, text[i + 1 : end], target
                    i = close + 1
                    continue
        i += 1


def replace_links(text: str, repl: Callable[[str, str], str]) -> str:
    """`text` with each link replaced by `repl(label, target)`."""
    parts: list[str] = []
    pos = 0
    for start, end, label, target in _scan_links(text):
        parts.append(text[pos:start])
        parts.append(repl(label, target))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
