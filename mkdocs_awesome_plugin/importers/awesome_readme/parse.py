"""Read an awesome-list README into its section tree and paper rows. Pure: writes nothing.

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
cleaned (see `inline.clean_heading`). A heading whose subtree holds no paper is not a category; a
heading with a generic name such as "Contents" or "Papers/Projects" that holds no paper directly
is see-through: its subsections take its place. Slugs come from the cleaned title and are made
unique with `-2`, `-3`, ...

Links: arXiv `/abs/`, `/pdf/` and `/html/` links, with or without a version or `.pdf`, are one
paper, written as `https://arxiv.org/abs/<id>` with `arxiv: '<id>'`. Other paper links (DOI,
publisher pages) are kept as written; a `doi.org` link also gives `doi`. In the link column the
label decides the kind (Code/Repo -> code, Project/Page/Website -> project, Data -> data,
Demo -> demo); a "Code" label that points anywhere but a code host (GitHub, GitLab, Hugging Face,
...) is taken as a project page. `NA`, an empty cell or `(To be released)` give no link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...catalog.identity import arxiv_from_url, arxiv_month, arxiv_url, doi_from_url, link_identity
from ...catalog.links import http_url_problem, on_code_host
from ...catalog.model import PartialDate
from .inline import all_links, clean_heading, clean_title, slugify, strip_emoji

# hosts where a "Code" link really is code; anywhere else it is taken as a project page
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
        """What makes two rows the same paper: their paper link's identity."""
        return link_identity(self.url)

    @property
    def category(self) -> str | None:
        return self.section.slug if self.section is not None else None


@dataclass
class ParsedList:
    """What `parse_readme` read: the category tree, the paper rows and what was skipped."""

    path: str
    sections: list[Section]  # the category tree (roots), in the list's order
    rows: list[Row]  # every paper row, in the list's order
    notes: list[str] = field(default_factory=list)  # "path:line: what was skipped and why"
    commented_rows: int = 0

    def categories(self) -> list[Section]:
        return [s for root in self.sections for s in root.walk()]


# --------------------------------------------------------------------------------------------
# links


def _is_http(url: str) -> bool:
    # only picks the paper link among a cell's links; whether it is acceptable is http_url_problem's
    return url.lower().startswith(("http://", "https://"))


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
        return "code" if on_code_host(url) else "project"
    if on_code_host(url):
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
        parts: dict[bool, list[str]] = {False: [], True: []}  # outside, inside a comment
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
        hidden_text = "".join(parts[True])
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
    return PartialDate(year, month).iso


def _month_from_arxiv(arxiv: str | None) -> str | None:
    month = arxiv_month(arxiv) if arxiv else None
    return PartialDate(*month).iso if month else None


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
    paper = next(((label, url) for label, url in all_links(title_cell) if _is_http(url)), None)
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
    found = all_links(cell("links"))
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
    links = all_links(item)
    if not links:
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
        if http_url_problem(url):
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

