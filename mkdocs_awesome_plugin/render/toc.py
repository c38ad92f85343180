"""The table of contents of a generated page, read from its finished HTML.

MkDocs builds a page's TOC from the Markdown it converts; a generated page's HTML arrives after
Markdown (see build.py), so its headings are read here instead. Reading the output, rather than
listing sections beside each template, keeps the TOC right for an overridden template too.

The result has the shape of Python-Markdown's `toc_tokens` (level, id, name, children), which
MkDocs turns into `page.toc`. `name` is HTML, as MkDocs and Material print it unescaped.
"""

from __future__ import annotations

import re

# Our templates write each heading on one element with a double-quoted id; entry text inside it
# is already escaped, so a `<` in the text is always a tag.
_HEADING = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1\s*>', re.S | re.I)
_TAG = re.compile(r"<[^>]*>")


def toc_tokens(html: str) -> list[dict]:
    """Headings with an id, nested by level: `[{level, id, name, children}, ...]`."""
    roots: list[dict] = []
    stack: list[dict] = []
    for match in _HEADING.finditer(html):
        token = {
            "level": int(match.group(1)),
            "id": match.group(2),
            "name": _TAG.sub("", match.group(3)).strip(),
            "children": [],
        }
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots
