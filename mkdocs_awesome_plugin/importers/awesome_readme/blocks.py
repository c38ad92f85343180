"""A README as blocks: headings, table rows, list items and paragraphs, each with its line.

The Markdown is read by markdown-it-py (CommonMark plus GitHub tables), not by our own regular
expressions: real lists nest bullets, break records over several lines with `\\`, `<br>` or
two trailing spaces, escape pipes inside cells and wrap sections in `<details>`; a CommonMark
parser already knows every one of those rules, and its tokens carry source line numbers.

Two things are done to the text before parsing, both keeping every line number:

- `<!-- ... -->` comments are blanked out; a line that lay wholly inside a comment is taken out
  (a row commented out in the middle of a table must not end the table), and commented lines
  that looked like paper rows are counted;
- lines holding nothing but HTML tags (`<details>`, `<summary>…</summary>`, `<p align=…>`,
  `</div>`) are emptied, so the Markdown they wrap is read as Markdown rather than swallowed
  into an HTML block.

Each block's inline content becomes a list of `Span`s: text (with bold/italic state), links
(label text and target), images and line breaks. Bare URLs in text (`Paper: https://…`) become
links too, labelled with the word before the colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MD = MarkdownIt("commonmark").enable("table")
_ONLY_TAGS = re.compile(r"^\s*(?:<[^>]*>\s*)+$")
_SUMMARY = re.compile(r"^\s*(?:<details[^>]*>\s*)?<summary[^>]*>.*?</summary>\s*$", re.IGNORECASE)
_BARE_URL = re.compile(r"https?://[^\s<>\]\[\"'`]+[^\s<>\]\[\"'`.,;:!?)]")
_LABEL_BEFORE = re.compile(r"([A-Za-z][\w .-]{0,30}?)\s*[:：]\s*$")
_BREAK_HTML = re.compile(r"^<br\s*/?>$", re.IGNORECASE)


@dataclass
class Span:
    """A run of inline content: `text`, `link`, `image` or `break`."""

    kind: str
    text: str = ""  # the text, or a link's label as plain text
    href: str = ""
    bold: bool = False
    italic: bool = False
    index: int = 0  # position in the block, for "what came before the title"


@dataclass
class Block:
    """One heading, table row, list item or paragraph."""

    kind: str  # heading, table_header, table_row, item, paragraph
    line: int  # 1-based line in the original file
    spans: list[Span] = field(default_factory=list)
    raw: str = ""  # the Markdown source of a heading
    level: int = 0  # heading level; list depth for items
    cells: list[list[Span]] = field(default_factory=list)  # table rows
    cell_text: list[str] = field(default_factory=list)  # table cells as written
    table: int = 0  # which table a row belongs to
    nested: bool = False  # an item of a list that sits inside another item


def mask_comments(lines: list[str]) -> tuple[list[str], set[int], int]:
    """Blank out `<!-- ... -->`: the lines, the indexes of lines wholly inside a comment, and how
    many commented lines looked like paper rows."""
    out: list[str] = []
    whole: set[int] = set()
    commented_rows = 0
    inside = False
    for idx, line in enumerate(lines):
        parts: dict[bool, list[str]] = {False: [], True: []}
        pos = 0
        while pos < len(line):
            marker = "-->" if inside else "<!--"
            end = line.find(marker, pos)
            if end < 0:
                parts[inside].append(line[pos:])
                break
            parts[inside].append(line[pos:end])
            pos = end + len(marker)
            inside = not inside
        text = "".join(parts[False])
        hidden = "".join(parts[True])
        if line.strip() and not text.strip():
            whole.add(idx)
        if re.search(r"\|.*\]\(|^\s*[-*+]\s+\**\[", hidden):
            commented_rows += 1
        out.append(text)
    return out, whole, commented_rows


def _linkify(text: str, bold: bool, italic: bool) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for m in _BARE_URL.finditer(text):
        before = text[pos : m.start()]
        label = _LABEL_BEFORE.search(before)
        if label:
            before = before[: label.start()]  # "Paper: " labels the link, it is not text
        if before:
            spans.append(Span("text", before, bold=bold, italic=italic))
        spans.append(Span("link", label.group(1) if label else "", m.group(0), bold, italic))
        pos = m.end()
    if pos < len(text):
        spans.append(Span("text", text[pos:], bold=bold, italic=italic))
    return spans


def inline_spans(token: Token | None) -> list[Span]:
    """The spans of one inline token."""
    spans: list[Span] = []
    if token is None:
        return spans
    bold = italic = 0
    link: Span | None = None
    for child in token.children or []:
        t = child.type
        if t == "strong_open":
            bold += 1
        elif t == "strong_close":
            bold = max(0, bold - 1)
        elif t == "em_open":
            italic += 1
        elif t == "em_close":
            italic = max(0, italic - 1)
        elif t == "link_open":
            link = Span("link", "", str(child.attrs.get("href", "")), bool(bold), bool(italic))
        elif t == "link_close":
            if link is not None:
                link.text = link.text.strip()
                spans.append(link)
            link = None
        elif t in ("text", "code_inline"):
            if link is not None:
                link.text += child.content
                link.bold = link.bold or bool(bold)
            elif child.content:
                spans.extend(_linkify(child.content, bool(bold), bool(italic)))
        elif t == "image":
            if link is None:
                spans.append(Span("image", child.content, str(child.attrs.get("src", ""))))
        elif t in ("softbreak", "hardbreak"):
            if link is None:
                spans.append(Span("break"))
            else:
                link.text += " "
        elif t == "html_inline":
            if _BREAK_HTML.match(child.content.strip()) and link is None:
                spans.append(Span("break"))
    for i, span in enumerate(spans):
        span.index = i
    return spans


def read_blocks(text: str) -> tuple[list[Block], int]:
    """Every heading, table row, list item and paragraph of `text`, and the commented-row count."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines, whole, commented = mask_comments(raw_lines)
    kept: list[str] = []
    origin: list[int] = []  # kept line index -> original 1-based line
    for idx, line in enumerate(lines):
        if idx in whole:
            continue
        if _ONLY_TAGS.match(line) or _SUMMARY.match(line):
            line = ""
        kept.append(line)
        origin.append(idx + 1)
    tokens = _MD.parse("\n".join(kept))

    def line_of(token: Token) -> int:
        start = token.map[0] if token.map else 0
        return origin[min(start, len(origin) - 1)] if origin else 1

    blocks: list[Block] = []
    item_depth = 0
    item_stack: list[Block] = []
    table_no = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t == "heading_open":
            inline = tokens[i + 1]
            blocks.append(Block("heading", line_of(tok), inline_spans(inline), raw=inline.content,
                                level=int(tok.tag[1])))
            i += 3
            continue
        if t == "table_open":
            table_no += 1
        elif t == "tr_open":
            cells: list[list[Span]] = []
            texts: list[str] = []
            j = i + 1
            header = False
            while tokens[j].type != "tr_close":
                if tokens[j].type in ("th_open", "td_open"):
                    header = tokens[j].type == "th_open"
                    inline = tokens[j + 1] if tokens[j + 1].type == "inline" else None
                    cells.append(inline_spans(inline))
                    texts.append(inline.content if inline is not None else "")
                j += 1
            blocks.append(Block("table_header" if header else "table_row", line_of(tok),
                                cells=cells, cell_text=texts, table=table_no))
            i = j + 1
            continue
        elif t == "list_item_open":
            item_depth += 1
            block = Block("item", line_of(tok), level=item_depth, nested=item_depth > 1)
            item_stack.append(block)
            blocks.append(block)
        elif t == "list_item_close":
            item_depth -= 1
            item_stack.pop()
        elif t == "paragraph_open":
            inline = tokens[i + 1]
            spans = inline_spans(inline)
            if item_stack and item_stack[-1].spans:
                # a second paragraph of the same item continues it
                item_stack[-1].spans.append(Span("break"))
                item_stack[-1].spans.extend(spans)
            elif item_stack:
                item_stack[-1].spans = spans
            else:
                blocks.append(Block("paragraph", line_of(tok), spans))
            for k, span in enumerate(item_stack[-1].spans if item_stack else []):
                span.index = k
            i += 3
            continue
        i += 1
    return blocks, commented
