"""The catalogue as the Markdown of an awesome-list README, between two marker comments.

The README keeps its own text; only what lies between

    <!-- awesome:readme:start -->
    <!-- awesome:readme:end -->

is replaced, in the shape of the original Awesome SAM2 list: one heading per category (nested
categories one level deeper), each followed by a `| Release | Title | Code |` table of the papers
filed directly under it, oldest first as in the original list. A category without papers in its
subtree is left out. Release is `YYYY.MM`, Title links to `links.paper`, Code links to `links.code`
or says `NA`.

Entry text is data, never Markdown: every character that could end a table cell, open a link,
emphasis, code, math or an HTML tag is escaped, and link targets are percent-encoded where they
could end the link or the cell. The output depends only on the catalogue, so running the command
twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog.links import http_url_problem
from ..catalog.model import Catalog, Category, Entry

START = "<!-- awesome:readme:start -->"
END = "<!-- awesome:readme:end -->"
NOTE = (
    "<!-- Generated from entries/ by `mkdocs-awesome readme`; edit the entries, not this list. -->"
)

# Backslash-escaped: Markdown punctuation that could change the meaning of table-cell text
# (`\` first, so that the escapes added here are not escaped again).
_BACKSLASH = "\\`*_[]|~$"
# As entities: `<`/`>` could open HTML; `&` only when it would start an entity.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# In a link target: characters that would end the target or the table cell, or open a tag.
_URL_UNSAFE = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "|": "%7C",
               "`": "%60", '"': "%22", "\\": "%5C"}


class ReadmeError(Exception):
    """The README's markers are missing or out of order."""


def escape_text(text: str) -> str:
    """Entry text as literal Markdown inline text, safe inside a table cell."""
    text = " ".join(text.split())  # newlines and tabs end rows: one line, single spaces
    text = "".join("\\" + ch if ch in _BACKSLASH else ch for ch in text)
    text = _ENTITY.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def escape_url(url: str) -> str:
    """An http(s) URL as a Markdown link target that cannot end early or break the table."""
    return "".join(_URL_UNSAFE.get(ch, ch) for ch in url)


def _link(label: str, url: str | None) -> str:
    if not url or http_url_problem(url):
        return label
    return f"[{label}]({escape_url(url)})"


def table(entries: list[Entry]) -> list[str]:
    rows = ["| Release | Title | Code |", "| :--- | :--- | :---: |"]
    for entry in entries:
        release = f"{entry.date.year:04d}.{entry.date.month:02d}"
        title = _link(escape_text(entry.title), entry.links.get("paper"))
        code = _link("Code", entry.links.get("code")) if entry.links.get("code") else "NA"
        rows.append(f"| {release} | {title} | {code} |")
    return rows


def _oldest_first(entries) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date.sort_key, e.title.casefold(), e.key))


def render_list(catalog: Catalog, *, level: int = 3) -> str:
    """The Markdown that goes between the markers (without them): headings and tables."""
    blocks: list[str] = []

    def visit(category: Category, depth: int) -> None:
        if not catalog.entries_in_subtree(category):
            return
        hashes = "#" * min(6, level + depth)
        blocks.append(f"{hashes} {escape_text(category.title)}")
        own = _oldest_first(catalog.entries_in_category(category.slug))
        if own:
            blocks.append("\n".join(table(own)))
        for child in category.children:
            visit(child, depth + 1)

    for root in catalog.categories:
        visit(root, 0)
    return "\n\n".join(blocks)


@dataclass
class Markers:
    start: int  # index just after the start marker's line
    end: int  # index of the end marker's line


def find_markers(text: str, path: str = "README.md") -> Markers:
    """Where the generated part is. Each marker must be on a line of its own, once, in order."""
    starts = [m for m in re.finditer(rf"^[ \t]*{re.escape(START)}[ \t]*(\r?\n|$)", text, re.M)]
    ends = [m for m in re.finditer(rf"^[ \t]*{re.escape(END)}[ \t]*(\r?\n|$)", text, re.M)]
    if not starts or not ends:
        missing = START if not starts else END
        raise ReadmeError(
            f"{path}: no line {missing}; put {START} and {END}, each on its own line, where "
            "the list goes"
        )
    if len(starts) > 1 or len(ends) > 1:
        which = START if len(starts) > 1 else END
        line = text.count("\n", 0, (starts if len(starts) > 1 else ends)[1].start()) + 1
        raise ReadmeError(f"{path}:{line}: {which} appears a second time")
    if ends[0].start() < starts[0].end():
        line = text.count("\n", 0, ends[0].start()) + 1
        raise ReadmeError(f"{path}:{line}: {END} comes before {START}")
    return Markers(starts[0].end(), ends[0].start())


def update_readme(text: str, catalog: Catalog, *, path: str = "README.md", level: int = 3) -> str:
    """`text` with the part between the markers replaced by the catalogue's list."""
    markers = find_markers(text, path)
    newline = "\r\n" if "\r\n" in text else "\n"
    body = "\n".join([NOTE, "", render_list(catalog, level=level), ""])
    if newline != "\n":
        body = body.replace("\n", newline)
    head = text[: markers.start]
    if not head.endswith(("\n", "\r")):  # a start marker on the file's last line
        head += newline
    return head + newline + body + newline + text[markers.end :]
