"""Read an awesome-list README into its section tree and paper rows. Pure: writes nothing.

The Markdown is parsed by markdown-it-py (see `blocks`); `records` reads what each record says.
What is read as a paper:

- a data row of a table whose header names a title column (`Title`, `Paper`, `Name`). Columns may
  come in any order: a date column (`Release`, `Date`, `Year`: `2024.08`, `202408`, `2024-08`,
  `Aug 2024`), a venue column (`Venue`, `Conference`, `Journal`, `Publication`), an authors
  column, an institute column and a keywords column are read too; links in every other column
  are the extra links. The title is the title cell's link text, or the cell's text when the link
  is labelled (`Title [(paper)](url)`, `Title [[PDF]](url)`);
- a list item or a paragraph that holds a paper link (the shapes are listed in `records`), and a
  bold title alone on a paragraph followed by a list of `Paper: url`, `Code: url` items.

Its month comes from the date column or the record's own date, else from its arXiv id. Records
without a paper link (tools, datasets, courses, badges, table-of-contents and "back to top"
links) are skipped and counted by reason in `ParsedList.skips`. Anything inside `<!-- ... -->`
is ignored (commented-out rows are only counted).

Sections: headings of levels 2 and deeper become categories nested by level (level 1 too when
the README has more than one level-1 heading: then they are its sections, not its name). Their titles are
cleaned (see `inline.clean_heading`). A heading whose subtree holds no paper is not a category; a
heading with a generic name such as "Contents" or "Papers/Projects" that holds no paper directly
is see-through: its subsections take its place. Slugs come from the cleaned title and are made
unique with `-2`, `-3`, ...

Links: arXiv `/abs/`, `/pdf/` and `/html/` links, with or without a version or `.pdf`, are one
paper, written as `https://arxiv.org/abs/<id>` with `arxiv: '<id>'`. Other paper links (DOI,
publisher pages) are kept as written, without tracking and view parameters (`utm_*`,
`?tab=readme-ov-file`); a `doi.org` link also gives `doi`. The label decides an extra link's kind
(Code/Repo -> code, Project/Page/Website -> project, Data -> data, Demo -> demo); a "Code" label
that points anywhere but a code host (GitHub, GitLab, Hugging Face, ...) is taken as a project
page. `NA`, an empty cell or `(To be released)` give no link. Bidirectional controls and
invisible characters are stripped from imported text, with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...catalog.identity import arxiv_from_url, arxiv_month, arxiv_url, doi_from_url, link_identity
from ...catalog.links import http_url_problem, on_code_host, without_tracking
from ...catalog.model import PartialDate
from ...catalog.text import strip_hidden
from .blocks import Block, Span, read_blocks
from .inline import clean_heading, clean_title, slugify, strip_emoji
from .records import (
    Facts,
    _read_rest,
    choose_paper,
    is_http,
    is_label,
    month_in,
    nonpaper_reason,
    read_record,
    split_authors,
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
# why a record in a section was not taken as a paper, as the report says it
SKIP_REASONS = {
    "toc": "table-of-contents or back-to-top links (they point inside the page)",
    "badge": "badges or images without a paper link",
    "no-paper-link": "no paper link (tools, datasets, courses, pages)",
    "no-title": "a paper link but no title (prose that mentions a paper)",
    "no-month": "no release month, no arXiv id",
    "bad-link": "the paper link is not an http(s) URL",
}


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
    """One paper as listed: a table row, a list item or a paragraph."""

    path: str
    line: int
    kind: str  # "table", "bullet" or "paragraph"
    title: str
    url: str  # the paper link, normalised (arXiv links as https://arxiv.org/abs/<id>)
    written_url: str  # the paper link as written
    date: str | None  # 'YYYY-MM'
    date_from: str  # "release" (the list's date), "arxiv" (the id's month) or "" (none)
    links: dict[str, str] = field(default_factory=dict)  # code, project, data, demo
    arxiv: str | None = None
    doi: str | None = None
    section: Section | None = field(default=None, repr=False)
    authors: list[str] = field(default_factory=list)
    et_al: bool = False
    venue: str | None = None
    summary: str | None = None  # keywords and institute columns

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
    skips: dict[str, list[str]] = field(default_factory=dict)  # reason -> ["path:line", ...]
    links_cleaned: int = 0  # links that lost tracking or view parameters
    hidden_stripped: int = 0  # bidi controls and invisible characters taken out of text
    undated: list[Row] = field(default_factory=list)  # published rows without a month

    def categories(self) -> list[Section]:
        return [s for root in self.sections for s in root.walk()]

    @property
    def records_read(self) -> int:
        return len(self.rows) + sum(len(v) for v in self.skips.values())


# --------------------------------------------------------------------------------------------
# links


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


def _column_roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    patterns = (
        ("title", r"\btitle\b|\bpapers?\b|\bname\b"),
        ("date", r"release|date|year|time|published|month|\bwhen\b"),
        ("venue", r"venue|conference|journal|publication|\bconf\b|\bpub\b"),
        ("authors", r"author"),
        ("institute", r"institut|affiliation|organi[sz]ation|company|\blab\b|\bteam\b"),
        ("keywords", r"keyword|topic|\btags?\b|\btask\b|\bmodel\b|\bmethod\b|\babbr"),
    )
    for i, cell in enumerate(header):
        name = clean_heading(cell).casefold()
        for role, pattern in patterns:
            if role not in roles and re.search(pattern, name):
                roles[role] = i
                break
    return roles


def _month_from_arxiv(arxiv: str | None) -> str | None:
    month = arxiv_month(arxiv) if arxiv else None
    return PartialDate(*month).iso if month else None


def _paper_identity(url: str) -> tuple[str, str | None, str | None]:
    """(normalised URL, arXiv id, DOI) for a paper link."""
    arxiv = arxiv_from_url(url)
    if arxiv:
        return arxiv_url(arxiv), arxiv, None
    return url, None, doi_from_url(url)


def _text(spans: list[Span]) -> str:
    return "".join(s.text if s.kind == "text" else " " for s in spans)


class _Reader:
    """The state of one pass over the blocks."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.notes: list[str] = []
        self.rows: list[Row] = []
        self.skips: dict[str, list[str]] = {}
        self.current: Section | None = None
        self.links_cleaned = 0
        self.hidden = 0
        self.undated: list[Row] = []

    def where(self, line: int) -> str:
        return f"{self.path}:{line}"

    def skip(self, reason: str, line: int) -> None:
        if self.current is not None:
            self.skips.setdefault(reason, []).append(self.where(line))

    def clean(self, text: str, line: int, what: str) -> str:
        text, removed = strip_hidden(text)
        if removed:
            self.hidden += removed
            self.notes.append(f"{self.where(line)}: {removed} hidden character(s) (bidirectional "
                              f"controls or invisible) removed from the {what}")
        return text

    def url(self, url: str) -> str:
        clean = without_tracking(url)
        if clean != url:
            self.links_cleaned += 1
        return clean

    def add(self, row: Row) -> None:
        row.section = self.current
        if self.current is None:
            self.notes.append(f"{row.where}: paper row outside any section (level 2+ heading); skipped")
            return
        self.current.rows.append(row)
        self.rows.append(row)

    def extra_links(self, found: list[tuple[str, str]], line: int) -> dict[str, str]:
        return _extra_links([(label, self.url(url)) for label, url in found], self.where(line),
                            self.notes)

    def make_row(self, facts: Facts, kind: str, line: int, stated: str | None,
                 empty_date_note: str | None = None) -> Row | None:
        where = self.where(line)
        assert facts.paper is not None
        written = facts.paper[1]
        problem = http_url_problem(written)
        if problem:
            self.notes.append(f"{where}: paper link {problem}; row skipped")
            self.skip("bad-link", line)
            return None
        written = self.url(written)
        url, arxiv, doi = _paper_identity(written)
        date, date_from = stated, "release"
        if date is None:
            date, date_from = _month_from_arxiv(arxiv), "arxiv"
            if date is None:
                if facts.title and not arxiv:
                    # kept aside: it may be the published version of an arXiv row (see plan)
                    self.undated.append(Row(
                        path=self.path, line=line, kind=kind, title=facts.title, url=url,
                        written_url=written, date=None, date_from="", arxiv=None, doi=doi,
                        section=self.current, venue=facts.venue,
                        links=self.extra_links(facts.extra, line)))
                if kind == "table":
                    self.notes.append(f"{where}: {empty_date_note} and no arXiv id; row skipped")
                self.skip("no-month", line)  # counted, with its line, in the report
                return None
            if kind == "table":
                self.notes.append(f"{where}: {empty_date_note}; took {date} from the arXiv id")
        title = self.clean(facts.title, line, "title")
        authors = [self.clean(a, line, "authors") for a in facts.authors]
        venue = self.clean(facts.venue, line, "venue") if facts.venue else None
        return Row(path=self.path, line=line, kind=kind, title=title, url=url, written_url=written,
                   date=date, date_from=date_from, links=self.extra_links(facts.extra, line),
                   arxiv=arxiv, doi=doi, authors=authors, et_al=facts.et_al, venue=venue)

    # ---------------------------------------------------------------------------------- tables

    def table_row(self, block: Block, roles: dict[str, int]) -> None:
        cells = block.cells

        def cell(role: str) -> list[Span]:
            i = roles.get(role)
            return cells[i] if i is not None and i < len(cells) else []

        def cell_text(role: str) -> str:
            i = roles.get(role)
            return block.cell_text[i] if i is not None and i < len(block.cell_text) else ""

        line = block.line
        where = self.where(line)
        title_cell = cell("title")
        own = [s for s in title_cell if s.kind == "link" and is_http(s.href)]
        roles_i = set(roles.values())
        other_links = [s for i, c in enumerate(cells) if i not in roles_i or i == roles.get("links")
                       for s in c if s.kind == "link" and is_http(s.href)]
        facts = Facts()
        title_spans: set[int] = set()
        paper_span: Span | None = None
        if own:
            paper_span = next((s for s in own if arxiv_from_url(s.href)), own[0])
            first = own[0]
            if first.text and not is_label(first.text):
                facts.title = first.text
                title_spans.add(first.index)
            else:
                before = []
                for s in title_cell:
                    if s.kind in ("link", "break") and before:
                        break
                    if s.kind == "text":
                        before.append(s)
                facts.title = _text(before)
                title_spans.update(s.index for s in before)
            extra = [(s.text, s.href) for s in own if s is not paper_span and s.index not in title_spans]
            if first is not paper_span and first.index in title_spans:
                extra.insert(0, ("project", first.href))
        else:
            paper_span = choose_paper(other_links, None)
            if paper_span is None:
                if _text(title_cell).strip():
                    self.notes.append(f"{where}: no http(s) paper link in the title cell; row skipped")
                    self.skip(nonpaper_reason([s for c in cells for s in c]) or "no-paper-link", line)
                return
            title = re.sub(r"^\s*\d+[.)]\s*", "", _text(title_cell).strip())
            facts.title = re.split(r"\s{2,}| - | — ", title)[0]
            title_spans.update(s.index for s in title_cell)
            extra = []
        facts.title = clean_title(strip_emoji(facts.title)).strip(" :,.;-–—|")
        if not facts.title:
            self.notes.append(f"{where}: the paper link has no title; row skipped")
            self.skip("no-title", line)
            return
        facts.paper = (paper_span.text, paper_span.href)
        _read_rest(title_cell, title_spans | {paper_span.index}, "", facts)
        facts.extra = extra + [(s.text, s.href) for s in other_links if s is not paper_span]
        if cell("authors"):
            names, et_al, _ = split_authors(_text(cell("authors")))
            if names:
                facts.authors, facts.et_al = names, et_al
        venue = strip_emoji(_text(cell("venue"))).strip(" .,-–—")
        if venue and not re.fullmatch(r"(?i)arxiv|preprint|n/?a|-+|blog", venue):
            facts.venue = re.sub(r"\s+", " ", venue)[:300]
        date_text = _text(cell("date"))
        stated = month_in(date_text, compact=True)
        row = self.make_row(facts, "table", line, stated,
                            empty_date_note=f"no release month ({cell_text('date')!r})")
        if row is None:
            return
        summary = [f"{role.capitalize()}: {strip_emoji(_text(cell(role))).strip()}"
                   for role in ("keywords", "institute") if strip_emoji(_text(cell(role))).strip()]
        if summary:
            row.summary = self.clean("; ".join(summary)[:500], line, "summary")
        links_text = cell_text("links")
        if "links" in roles and not any(s.kind == "link" for s in cell("links")) \
                and not _NO_LINK.match(strip_emoji(links_text)):
            self.notes.append(f"{where}: text {links_text!r} in the link column has no link; ignored")
        self.add(row)

    # ------------------------------------------------------------------ items and paragraphs

    def record(self, spans: list[Span], kind: str, line: int) -> None:
        if not any(s.kind in ("link", "image") for s in spans):
            return
        facts = read_record(spans)
        if facts.skip:
            if facts.skip == "no-title" and self.current is not None:
                self.notes.append(f"{self.where(line)}: a paper link without a title; skipped")
            self.skip(facts.skip, line)
            return
        row = self.make_row(facts, kind, line, facts.date)
        if row is not None:
            self.add(row)


_LABEL_ITEM = re.compile(r"^\W*[A-Za-z][\w ]{0,20}[:：]\s*$")


def _is_link_item(spans: list[Span]) -> bool:
    """`Paper: https://…` or `Code: [repo](…)`: a label and links, nothing else."""
    words = _text(spans).strip()
    return any(s.kind == "link" for s in spans) and (not words or bool(_LABEL_ITEM.match(words)))


def _title_only(spans: list[Span]) -> bool:
    """A paragraph that is just a bold title (the links follow as a list)."""
    texts = [s for s in spans if s.kind == "text" and s.text.strip()]
    return bool(texts) and all(s.bold for s in texts) and not any(s.kind == "link" for s in spans) \
        and len(_text(texts).split()) >= 2


def parse_readme(text: str, path: str) -> ParsedList:
    """Read the section tree and every paper row of an awesome-list README. Pure; never raises."""
    blocks, commented = read_blocks(text)
    reader = _Reader(path)
    all_sections: list[Section] = []
    stack: list[Section] = []
    tables: dict[int, dict[str, int] | None] = {}
    pending: tuple[int, list[Span]] | None = None  # a bold title paragraph and its link items

    def flush() -> None:
        nonlocal pending
        if pending is not None and any(s.kind == "link" for s in pending[1]):
            spans = pending[1]
            for k, s in enumerate(spans):
                s.index = k
            reader.record(spans, "paragraph", pending[0])
        pending = None

    # most lists have one level-1 heading, their name; a list with several uses them as sections
    h1_sections = sum(1 for b in blocks if b.kind == "heading" and b.level == 1) > 1
    for block in blocks:
        if block.kind == "item" and pending is not None and _is_link_item(block.spans):
            pending[1].extend([Span("break"), *block.spans])
            continue
        if block.kind == "item" and pending is not None and block.nested:
            continue
        flush()
        if block.kind == "heading":
            level = block.level
            if level == 1 and not h1_sections:
                stack = []
                reader.current = None
                continue
            section = Section(title=clean_heading(block.raw), heading=block.raw, level=level,
                              line=block.line)
            while stack and stack[-1].level >= level:
                stack.pop()
            section.parent = stack[-1] if stack else None
            if section.parent is not None:
                section.parent.children.append(section)
            stack.append(section)
            all_sections.append(section)
            reader.current = section
        elif block.kind == "table_header":
            roles = _column_roles(block.cell_text)
            tables[block.table] = roles if "title" in roles else None
            if "title" not in roles:
                reader.notes.append(f"{reader.where(block.line)}: table without a title column; "
                                    "its rows are skipped")
        elif block.kind == "table_row":
            roles = tables.get(block.table)
            if roles is not None:
                reader.table_row(block, roles)
        elif block.kind == "paragraph" and _title_only(block.spans):
            pending = (block.line, list(block.spans))
        elif block.kind in ("item", "paragraph"):
            reader.record(block.spans, "bullet" if block.kind == "item" else "paragraph", block.line)
    flush()

    roots = _category_tree(all_sections, path, reader.notes)
    return ParsedList(path=path, sections=roots, rows=reader.rows, notes=reader.notes,
                      commented_rows=commented, skips=reader.skips,
                      links_cleaned=reader.links_cleaned, hidden_stripped=reader.hidden,
                      undated=[r for r in reader.undated if r.section is not None])


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

