"""Import an "awesome list" README into entry files, `categories.yaml` and `tags.yaml`.

The README is read in two steps, both free of MkDocs:

- `parse_readme(text, path)` is pure: it returns the section tree and every paper row found, each
  with its line number. It writes nothing.
- `import_readme(text, path, entries_dir)` merges the rows into one entry per paper and writes
  `entries_dir/papers/<key>.yaml`, `entries_dir/categories.yaml` and, when missing, a `tags.yaml`.

What is read as a paper:

- a data row of a markdown table whose header names a title column (`Title`, `Paper`, `Name`);
  a `Release`/`Date` column gives the month (`2024.08` -> `2024-08`) and a `Code`/`Link`/`Project`
  column gives the extra links. Pipes and spacing may be irregular (`|2024.12|[..](..)|[..](..)|`,
  a trailing `| |`);
- a bullet item that starts with a link to an http(s) page, such as the header of many lists:
  `- **[SAM2](https://arxiv.org/abs/2408.00714)** [ [**Code**](...) | [**Demo**](...) ]`.
  Its month comes from its arXiv id when there is one.

Anything inside `<!-- ... -->` is ignored (commented-out rows are only counted).

Sections: headings of levels 2 and deeper become categories nested by level. Their titles are
cleaned of emoji, of emoji that were mis-decoded (UTF-8 read as Mac Roman or Windows-1252, e.g.
`üîó`), of markdown bold/italic/code marks, of inline HTML such as `<a id="x"></a>` and of links.
A heading whose subtree holds no paper is not a category; a heading with a generic name such as
"Contents" or "Papers/Projects" that holds no paper directly is see-through: its subsections take
its place. Slugs come from the cleaned title and are made unique with `-2`, `-3`, ...

Links: arXiv `/abs/`, `/pdf/` and `/html/` links, with or without a version or `.pdf`, are one
paper, written as `https://arxiv.org/abs/<id>` with `arxiv: '<id>'`. Other paper links (DOI,
publisher pages) are kept as written; a `doi.org` link also gives `doi`. In the link column the
label decides the kind (Code/Repo -> code, Project/Page/Website -> project, Data -> data,
Demo -> demo); a "Code" label that points anywhere but a code host (GitHub, GitLab, Hugging Face,
...) is taken as a project page. `NA`, an empty cell or `(To be released)` give no link.

Merging: the same paper (same arXiv id, DOI or link) under several sections is one entry in several
categories; listed twice in one section it is merged once and counted as a duplicate. Two rows with
the same link but different titles are a conflict: the first is kept, the second skipped and both
are named (path:line) in the report; they are never merged silently.

Writing: keys come from `key_suggestion` (no authors are known, so they start with `anon`). An
existing entry file is never overwritten unless `force=True`, and a paper that an existing file
already holds under another key is never written again. Files are written atomically (temporary
file in the same folder, then a rename). Every imported entry gets the tag `untagged`
(`IMPORT_TAG`); `tags.yaml` is created with just that tag when it is missing, and the tag is
appended when the file exists without it. An existing `categories.yaml` is never replaced: only the
missing categories are added to it (its comments are then lost, the rest is kept).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..catalog.identity import (
    arxiv_from_url,
    arxiv_month,
    arxiv_url,
    doi_from_url,
    paper_identities,
    title_identity,
    url_identity,
)
from ..catalog.keys import key_suggestion
from ..catalog.links import http_url_problem
from ..catalog.writer import dump_yaml, entry_text
from ..fileio import write_atomic
from ..schema import schema_line, schema_reference

# the editor line of entries written into this repository's own entries folder
REPO_SCHEMA = "../../mkdocs_awesome_plugin/schema/entry.schema.json"
SCHEMA_LINE = schema_line(REPO_SCHEMA).rstrip("\n")
IMPORT_TAG = "untagged"
IMPORT_TAG_DESCRIPTION = "Imported from an awesome list and not yet tagged by a curator."

# hosts where a "Code" link really is code; anywhere else it is taken as a project page
CODE_HOSTS = (
    "github.com", "gitlab.com", "huggingface.co", "bitbucket.org", "codeberg.org", "gitee.com",
    "sourceforge.net", "git.sr.ht",
)
# headings that only group other sections; seen through when they hold no paper themselves
GENERIC_HEADINGS = frozenset(
    """contents tableofcontents toc papers projects papersprojects papersandprojects
    projectspapers paperlist listofpapers papersandcode resources list awesomelist""".split()
)
# cells that mean "no link"
_NO_LINK = re.compile(
    r"^\W*(?:na|n/a|none|-+|—|tbd|tba|coming soon|to be released|soon|not available|"
    r"not yet released|unreleased)?\W*$",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_MONTH = re.compile(r"^\D*(\d{4})\s*[.\-/_]\s*(\d{1,2})(?!\d)")
_YEAR = re.compile(r"^\D*(\d{4})\D*$")


# --------------------------------------------------------------------------------------------
# parsed README


@dataclass(eq=False)
class Section:
    """One heading of the README."""

    title: str  # cleaned text
    heading: str  # as written
    level: int
    line: int
    slug: str = ""
    parent: Section | None = field(default=None, repr=False)
    children: list[Section] = field(default_factory=list, repr=False)
    rows: list[Row] = field(default_factory=list, repr=False)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def path_titles(self) -> list[str]:
        chain, node = [], self
        while node is not None:
            chain.append(node.title)
            node = node.parent
        return list(reversed(chain))


@dataclass(eq=False)
class Row:
    """One paper as listed: a table row or a bullet item."""

    path: str
    line: int
    kind: str  # "table" or "bullet"
    title: str
    url: str  # the paper link, normalised (arXiv links as https://arxiv.org/abs/<id>)
    written_url: str  # the paper link as written
    date: str | None  # 'YYYY-MM'
    date_from: str  # "release" (the list's column), "arxiv" (the id's month) or "" (none)
    links: dict[str, str] = field(default_factory=dict)  # code, project, data, demo
    arxiv: str | None = None
    doi: str | None = None
    section: Section | None = field(default=None, repr=False)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def identity(self) -> str:
        """What makes two rows the same paper."""
        if self.arxiv:
            return f"arxiv:{self.arxiv}"
        if self.doi:
            return f"doi:{self.doi.lower()}"
        return f"url:{url_identity(self.url)}"

    @property
    def category(self) -> str | None:
        return self.section.slug if self.section is not None else None


@dataclass
class ParsedList:
    path: str
    sections: list[Section]  # the category tree (roots), in the list's order
    rows: list[Row]  # every paper row, in the list's order
    notes: list[str] = field(default_factory=list)  # "path:line: what was skipped and why"
    commented_rows: int = 0

    def categories(self) -> list[Section]:
        return [s for root in self.sections for s in root.walk()]


# --------------------------------------------------------------------------------------------
# text cleaning

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
    text = _replace_links(text, lambda label, url: label)
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
    text = unicodedata.normalize("NFKD", text.lower())
    text = text.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _replace_links(text: str, repl) -> str:
    result: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] != "[":
            result.append(text[i])
            i += 1
            continue
        end = _match(text, i, "[", "]")
        if end is None or end + 1 >= n or text[end + 1] != "(":
            result.append(text[i])
            i += 1
            continue
        close = _match(text, end + 1, "(", ")")
        if close is None:
            result.append(text[i])
            i += 1
            continue
        label = text[i + 1 : end]
        target = text[end + 2 : close].strip()
        # a title after the URL: [x](url "title")
        target = re.sub(r"\s+(\"[^\"]*\"|'[^']*')$", "", target).strip("<> ")
        result.append(repl(label, target))
        i = close + 1
    return "".join(result)


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


def _all_links(text: str) -> list[tuple[str, str]]:
    """All links, including ones nested in a bracket group such as `[ [**Code**](u) | ... ]`."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        if text[i] == "[":
            end = _match(text, i, "[", "]")
            if end is not None and end + 1 < len(text) and text[end + 1] == "(":
                close = _match(text, end + 1, "(", ")")
                if close is not None:
                    label = text[i + 1 : end]
                    target = text[end + 2 : close].strip()
                    target = re.sub(r"\s+(\"[^\"]*\"|'[^']*')$", "", target).strip("<> ")
                    out.append((label, target))
                    i = close + 1
                    continue
        i += 1
    return out


def _is_http(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _on_code_host(url: str) -> bool:
    host = _host(url)
    return any(host == h or host.endswith("." + h) for h in CODE_HOSTS)


def classify_link(label: str, url: str) -> str | None:
    """The link kind for an extra link: code, project, data, demo, or None (not kept)."""
    words = strip_emoji(clean_title(label)).casefold()
    if re.search(r"\bdata(?:set)?s?\b", words):
        return "data"
    if re.search(r"\bdemo\b|\bplayground\b|\bspaces?\b", words):
        return "demo"
    if re.search(r"\bproject\b|\bpage\b|\bwebsite\b|\bhomepage\b|\bweb ?page\b|\bsite\b", words):
        return "project"
    if re.search(r"\bcode\b|\brepo(?:sitory)?\b|\bgithub\b|\bgitlab\b|\bsource\b|\bimplementation\b", words):
        return "code" if _on_code_host(url) else "project"
    if _on_code_host(url):
        return "code"
    return None


# --------------------------------------------------------------------------------------------
# parsing


def _mask_comments(lines: list[str]) -> tuple[list[str], set[int], list[int]]:
    """Blank out `<!-- ... -->`; return the lines, the indexes of lines that were wholly inside a
    comment, and the indexes of commented lines that looked like paper rows."""
    out: list[str] = []
    whole: set[int] = set()
    commented_rows: list[int] = []
    inside = False
    for idx, line in enumerate(lines):
        kept: list[str] = []
        hidden: list[str] = []
        pos = 0
        while pos < len(line):
            if inside:
                end = line.find("-->", pos)
                if end < 0:
                    hidden.append(line[pos:])
                    pos = len(line)
                else:
                    hidden.append(line[pos:end])
                    pos = end + 3
                    inside = False
            else:
                start = line.find("<!--", pos)
                if start < 0:
                    kept.append(line[pos:])
                    pos = len(line)
                else:
                    kept.append(line[pos:start])
                    pos = start + 4
                    inside = True
        text = "".join(kept)
        hidden_text = "".join(hidden)
        if line.strip() and not text.strip():
            whole.add(idx)
        if re.search(r"\|.*\]\(|^\s*[-*+]\s+\**\[", hidden_text):
            commented_rows.append(idx)
        out.append(text)
    return out, whole, commented_rows


def _split_cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s)]


def _column_roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, cell in enumerate(header):
        name = clean_heading(cell).casefold()
        if "title" not in roles and re.search(r"\btitle\b|\bpaper\b|\bname\b", name):
            roles["title"] = i
        elif "date" not in roles and re.search(r"release|date|year|time|published|month", name):
            roles["date"] = i
        elif "links" not in roles and re.search(r"code|link|project|repo|resource|github", name):
            roles["links"] = i
    return roles


def _month_from_cell(cell: str) -> str | None:
    m = _MONTH.match(strip_emoji(cell))
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    if not (1900 <= year <= 2999 and 1 <= month <= 12):
        return None
    return f"{year:04d}-{month:02d}"


def _month_from_arxiv(arxiv: str | None) -> str | None:
    month = arxiv_month(arxiv) if arxiv else None
    return f"{month[0]:04d}-{month[1]:02d}" if month else None


def _paper_identity(url: str) -> tuple[str, str | None, str | None]:
    """(normalised URL, arXiv id, DOI) for a paper link."""
    arxiv = arxiv_from_url(url)
    if arxiv:
        return arxiv_url(arxiv), arxiv, None
    return url, None, doi_from_url(url)


def parse_readme(text: str, path: str) -> ParsedList:
    """Read the section tree and every paper row of an awesome-list README. Pure; never raises."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines, wholly_commented, commented = _mask_comments(raw_lines)
    notes: list[str] = []
    rows: list[Row] = []
    all_sections: list[Section] = []
    stack: list[Section] = []
    current: Section | None = None
    in_fence = False
    table: dict[str, int] | None = None
    table_is_papers = False

    def add_row(row: Row) -> None:
        row.section = current
        if current is None:
            notes.append(f"{row.where}: paper row outside any section (level 2+ heading); skipped")
            return
        current.rows.append(row)
        rows.append(row)

    idx = 0
    while idx < len(lines):
        line = lines[idx]
        lineno = idx + 1
        if idx in wholly_commented:
            idx += 1
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            table = None
            idx += 1
            continue
        if in_fence:
            idx += 1
            continue
        stripped = line.strip()
        heading = _HEADING.match(line)
        if heading and not line.startswith((" " * 4, "\t")):
            table = None
            level = len(heading.group(1))
            if level == 1:
                stack = []
                current = None
            else:
                section = Section(
                    title=clean_heading(heading.group(2)), heading=heading.group(2),
                    level=level, line=lineno,
                )
                while stack and stack[-1].level >= level:
                    stack.pop()
                section.parent = stack[-1] if stack else None
                if section.parent is not None:
                    section.parent.children.append(section)
                stack.append(section)
                all_sections.append(section)
                current = section
            idx += 1
            continue
        if not stripped:
            table = None
            idx += 1
            continue
        # a table starts with a header line followed by a separator line
        if table is None and "|" in stripped and idx + 1 < len(lines) and _SEPARATOR.match(
            lines[idx + 1]
        ) and "-" in lines[idx + 1]:
            header = _split_cells(stripped)
            table = _column_roles(header)
            table_is_papers = "title" in table
            if not table_is_papers:
                notes.append(f"{path}:{lineno}: table without a title column; its rows are skipped")
            idx += 2
            continue
        if table is not None:
            if "|" not in stripped:
                table = None  # the table ended; read this line afresh
                continue
            if table_is_papers:
                row = _table_row(_split_cells(stripped), table, path, lineno, notes)
                if row is not None:
                    add_row(row)
            idx += 1
            continue
        bullet = _BULLET.match(line)
        if bullet:
            row = _bullet_row(bullet.group(1), path, lineno, notes)
            if row is not None:
                add_row(row)
        idx += 1

    roots = _category_tree(all_sections, path, notes)
    return ParsedList(path=path, sections=roots, rows=rows, notes=notes, commented_rows=len(commented))


def _table_row(cells: list[str], roles: dict[str, int], path: str, lineno: int, notes: list[str]) -> Row | None:
    def cell(role: str) -> str:
        i = roles.get(role)
        return cells[i] if i is not None and i < len(cells) else ""

    title_cell = cell("title")
    where = f"{path}:{lineno}"
    paper = next(((label, url) for label, url in _all_links(title_cell) if _is_http(url)), None)
    if paper is None:
        if title_cell.strip():
            notes.append(f"{where}: no http(s) paper link in the title cell; row skipped")
        return None
    label, written = paper
    title = clean_title(label)
    if not title:
        notes.append(f"{where}: the paper link has no title; row skipped")
        return None
    problem = http_url_problem(written)
    if problem:
        notes.append(f"{where}: paper link {problem}; row skipped")
        return None
    url, arxiv, doi = _paper_identity(written)
    date, date_from = _month_from_cell(cell("date")), "release"
    if date is None:
        date, date_from = _month_from_arxiv(arxiv), "arxiv"
        if date is None:
            notes.append(f"{where}: no release month ({cell('date')!r}) and no arXiv id; row skipped")
            return None
        notes.append(f"{where}: no release month ({cell('date')!r}); took {date} from the arXiv id")
    found = _all_links(cell("links"))
    if not found and not _NO_LINK.match(strip_emoji(cell("links"))):
        notes.append(f"{where}: text {cell('links')!r} in the link column has no link; ignored")
    links = _extra_links(found, where, notes)
    return Row(path=path, line=lineno, kind="table", title=title, url=url, written_url=written,
               date=date, date_from=date_from, links=links, arxiv=arxiv, doi=doi)


def _bullet_row(item: str, path: str, lineno: int, notes: list[str]) -> Row | None:
    # only items that open with a link to a page: `[x](https://...)` or `**[x](https://...)**`
    m = re.match(r"^(\*\*|__)?\[", item.strip())
    if not m:
        return None
    links = _all_links(item)
    if not links or not _is_http(links[0][1]):
        return None
    label, written = links[0]
    where = f"{path}:{lineno}"
    title = clean_title(label)
    if not title or http_url_problem(written):
        return None
    url, arxiv, doi = _paper_identity(written)
    date = _month_from_arxiv(arxiv)
    if date is None:
        notes.append(f"{where}: bullet link with no arXiv id, so no month is known; skipped")
        return None
    extra = _extra_links(links[1:], where, notes)
    return Row(path=path, line=lineno, kind="bullet", title=title, url=url, written_url=written,
               date=date, date_from="arxiv", links=extra, arxiv=arxiv, doi=doi)


def _extra_links(found: list[tuple[str, str]], where: str, notes: list[str]) -> dict[str, str]:
    links: dict[str, str] = {}
    for label, url in found:
        shown = strip_emoji(clean_title(label)) or url
        if not _is_http(url) or http_url_problem(url):
            notes.append(f"{where}: link {shown!r} ({url}) is not an http(s) URL; ignored")
            continue
        kind = classify_link(label, url)
        if kind is None:
            notes.append(f"{where}: link {shown!r} ({url}) is not a code, project, data or demo link; ignored")
            continue
        if kind in links:
            notes.append(f"{where}: a second {kind} link {url} ignored")
            continue
        links[kind] = url
    return links


def _category_tree(all_sections: list[Section], path: str, notes: list[str]) -> list[Section]:
    """Drop sections without papers, see through generic container headings, assign slugs."""

    def has_rows(s: Section) -> bool:
        return any(node.rows for node in s.walk())

    def prune(sections: list[Section], parent: Section | None) -> list[Section]:
        out: list[Section] = []
        for s in sections:
            if not has_rows(s):
                continue
            if not s.rows and slugify(s.title).replace("-", "") in GENERIC_HEADINGS:
                out.extend(prune(s.children, parent))
                continue
            s.parent = parent
            s.children = prune(s.children, s)
            out.append(s)
        return out

    roots = prune([s for s in all_sections if s.parent is None], None)
    used: dict[str, Section] = {}
    for root in roots:
        for s in root.walk():
            base = slugify(s.title) or "section"
            slug, n = base, 2
            while slug in used:
                slug = f"{base}-{n}"
                n += 1
            if slug != base:
                notes.append(
                    f"{path}:{s.line}: heading {s.title!r} gives the slug {base!r}, already used "
                    f"by the heading on line {used[base].line}; using {slug!r}"
                )
            s.slug = slug
            used[slug] = s
    return roots


# --------------------------------------------------------------------------------------------
# merging rows into entries


@dataclass
class PlannedEntry:
    """One paper to write: the first row's facts plus every category it was listed under."""

    key: str
    title: str
    date: str
    categories: list[str]
    links: dict[str, str]
    arxiv: str | None
    doi: str | None
    rows: list[Row]
    status: str = "planned"  # planned, written, exists, known (held by another file)
    path: Path | None = None

    @property
    def first(self) -> Row:
        return self.rows[0]

    def data(self) -> dict:
        """The entry as written (field order as in the docs)."""
        out: dict = {
            "title": self.title,
            "authors": [],
            "date": self.date,
        }
        if self.arxiv:
            out["arxiv"] = self.arxiv
        if self.doi:
            out["doi"] = self.doi
        out["categories"] = list(self.categories)
        out["tags"] = [IMPORT_TAG]
        links = {"paper": self.first.url}
        for kind in ("code", "project", "demo", "data"):
            if kind in self.links:
                links[kind] = self.links[kind]
        out["links"] = links
        return out


@dataclass
class Plan:
    entries: list[PlannedEntry]
    duplicates_merged: int
    cross_listed: int
    conflicts: list[tuple[Row, Row]]
    notes: list[str]


def conflict_message(kept: Row, skipped: Row) -> str:
    return (
        f"{skipped.where}: {skipped.title!r} links the same paper ({skipped.identity}) as "
        f"{kept.where} {kept.title!r} under a different title; kept {kept.where}, "
        f"skipped {skipped.where}"
    )


def plan_entries(parsed: ParsedList) -> Plan:
    """Merge rows into one entry per paper and give each a key. Pure."""
    by_id: dict[str, PlannedEntry] = {}
    order: list[PlannedEntry] = []
    duplicates = cross = 0
    conflicts: list[tuple[Row, Row]] = []
    notes: list[str] = []
    taken: set[str] = set()
    for row in parsed.rows:
        slug = row.category
        if slug is None:
            continue
        entry = by_id.get(row.identity)
        if entry is None:
            year = int(row.date[:4])
            key = key_suggestion([], year, row.title, taken)
            taken.add(key)
            entry = PlannedEntry(key=key, title=row.title, date=row.date, categories=[slug],
                                 links=dict(row.links), arxiv=row.arxiv, doi=row.doi, rows=[row])
            by_id[row.identity] = entry
            order.append(entry)
            continue
        if title_identity(row.title) != title_identity(entry.title):
            conflicts.append((entry.first, row))
            continue
        if slug in entry.categories:
            duplicates += 1
        else:
            entry.categories.append(slug)
            cross += 1
        if row.date != entry.date:
            notes.append(f"{row.where}: release {row.date} differs from {entry.first.where} "
                         f"({entry.date}); kept {entry.date}")
        for kind, url in row.links.items():
            if kind not in entry.links:
                entry.links[kind] = url
        entry.rows.append(row)
    return Plan(order, duplicates, cross, conflicts, notes)


# --------------------------------------------------------------------------------------------
# writing


def dump_entry(data: dict, schema: str | None = None) -> str:
    """The text of an entry file: the schema line, then the fields."""
    return entry_text(data, schema or REPO_SCHEMA)



@dataclass
class ImportReport:
    """What an import read, merged, wrote and skipped."""

    source: str = ""
    rows_read: int = 0
    entries_written: int = 0
    entries_skipped: int = 0  # an entry file existed, or another file already holds the paper
    categories: int = 0
    categories_added: int = 0  # new in categories.yaml
    duplicates_merged: int = 0  # same paper twice in one section
    cross_listed: int = 0  # same paper in another section: one more category
    commented_rows: int = 0
    conflicts: list[str] = field(default_factory=list)
    conflict_rows: list[tuple[Row, Row]] = field(default_factory=list)  # (kept, skipped)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    entries: list[PlannedEntry] = field(default_factory=list)
    parsed: ParsedList | None = field(default=None, repr=False)

    def summary(self) -> str:
        def n(count: int, word: str) -> str:
            if count == 1:
                return f"{count} {word}"
            return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"

        lines = [
            f"{self.source}: read {n(self.rows_read, 'paper row')} "
            f"({self.commented_rows} commented out and ignored); "
            f"{n(len(self.entries), 'entry')}: {self.entries_written} written, "
            f"{self.entries_skipped} skipped as already present; "
            f"{n(self.categories, 'category')} ({self.categories_added} added to categories.yaml); "
            f"{n(self.duplicates_merged, 'duplicate')} merged, "
            f"{self.cross_listed} listed in more than one section; "
            f"{n(len(self.conflicts), 'conflict')}."
        ]
        lines += [f"conflict: {c}" for c in self.conflicts]
        lines += [f"skipped: {s}" for s in self.skipped]
        lines += [f"note: {s}" for s in self.notes]
        return "\n".join(lines)



def _existing_papers(papers_dir: Path) -> dict[str, str]:
    """identity -> key for the entry files already in `papers_dir` (unreadable files are ignored)."""
    known: dict[str, str] = {}
    if not papers_dir.is_dir():
        return known
    for file in sorted(papers_dir.glob("*.yaml")):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if not isinstance(data, dict):
            continue
        links = data.get("links")
        paper = links.get("paper") if isinstance(links, dict) else None
        ids = paper_identities(
            arxiv=data.get("arxiv"), doi=data.get("doi"),
            urls=[paper] if isinstance(paper, str) else [],
        )
        for ident in ids:
            known.setdefault(ident, file.stem)
    return known


def _category_items(sections: list[Section]) -> list[dict]:
    items = []
    for s in sections:
        item: dict = {"slug": s.slug, "title": s.title}
        if s.children:
            item["children"] = _category_items(s.children)
        items.append(item)
    return items


def _merge_categories(path: Path, sections: list[Section]) -> int:
    """Write `categories.yaml`, or add the missing categories to an existing one. Returns how
    many were added."""
    if not path.exists():
        write_atomic(path, dump_yaml(_category_items(sections)), overwrite=False)
        return sum(1 for root in sections for _ in root.walk())
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of categories")
    index: dict[str, dict] = {}

    def walk(items):
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("slug"), str):
                index[item["slug"]] = item
                walk(item.get("children") or [])

    walk(data)
    added = 0
    for root in sections:
        for s in root.walk():
            if s.slug in index:
                continue
            item = {"slug": s.slug, "title": s.title}
            parent = index.get(s.parent.slug) if s.parent is not None else None
            if parent is None:
                data.append(item)
            else:
                parent.setdefault("children", []).append(item)
            index[s.slug] = item
            added += 1
    if added:
        write_atomic(path, dump_yaml(data), overwrite=True)
    return added


def _ensure_tag(path: Path) -> None:
    line = f"{IMPORT_TAG}: {IMPORT_TAG_DESCRIPTION}\n"
    if not path.exists():
        write_atomic(path, line, overwrite=False)
        return
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if isinstance(data, dict) and IMPORT_TAG in data:
        return
    if text and not text.endswith("\n"):
        text += "\n"
    write_atomic(path, text + line, overwrite=True)


def import_readme(
    readme_text: str, readme_path: str, entries_dir: Path, *, force: bool = False
) -> ImportReport:
    """Turn an awesome-list README into entry files under `entries_dir` (see the module doc)."""
    entries_dir = Path(entries_dir)
    parsed = parse_readme(readme_text, readme_path)
    plan = plan_entries(parsed)
    report = ImportReport(
        source=readme_path,
        rows_read=len(parsed.rows),
        categories=len(parsed.categories()),
        duplicates_merged=plan.duplicates_merged,
        cross_listed=plan.cross_listed,
        commented_rows=parsed.commented_rows,
        conflicts=[conflict_message(kept, skipped) for kept, skipped in plan.conflicts],
        conflict_rows=list(plan.conflicts),
        notes=parsed.notes + plan.notes,
        entries=plan.entries,
        parsed=parsed,
    )
    papers = entries_dir / "papers"
    papers.mkdir(parents=True, exist_ok=True)
    schema = schema_reference(papers)
    known = _existing_papers(papers)
    for entry in plan.entries:
        entry.path = papers / f"{entry.key}.yaml"
        holder = known.get(entry.first.identity)
        if holder is not None and holder != entry.key:
            entry.status = "known"
            report.entries_skipped += 1
            report.skipped.append(f"{entry.first.where}: {entry.title!r} is already in papers/{holder}.yaml")
            continue
        if write_atomic(entry.path, dump_entry(entry.data(), schema), overwrite=force):
            entry.status = "written"
            report.entries_written += 1
        else:
            entry.status = "exists"
            report.entries_skipped += 1
            report.skipped.append(
                f"{entry.first.where}: papers/{entry.key}.yaml exists; not overwritten (use force)"
            )
    report.categories_added = _merge_categories(entries_dir / "categories.yaml", parsed.sections)
    _ensure_tag(entries_dir / "tags.yaml")
    return report
