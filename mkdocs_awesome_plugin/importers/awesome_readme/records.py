"""What one record says: its paper link, title, authors, venue, date and other links.

A record is the spans of a list item, a paragraph or a table cell (see `blocks`). The shapes real
lists use, and how each is read:

- `[Title](url), Lombardi et al., SIGGRAPH 2021 | [github](url)`: the opening link is the paper
  and its label the title; after it come authors and `Venue Year`.
- `[arXiv:2409.02097] **Title**, Author One, Author Two [[Paper](url)] [[Code](url)]` and
  `**Title** \\ *Author, Author* \\ arXiv 2023. [[Paper](url)] \\ 18 May 2023`: the bold text is
  the title; italic text, or the names after the title, are the authors.
- `**Alias:** Author, Author.<br/> "Full Title." Venue (2024). [[paper](url)] [2024.03]`: a bold
  text ending in `:` is an alias; the quoted full title wins.
- `Title [(paper)](url)`: a link labelled `paper`, `PDF`, `arXiv`… is never a title; the text
  before it is.

The paper link is the first arXiv link; else the first link to a paper host (OpenReview, ACL
Anthology, CVF open access, DOI, IEEE, Springer, ACM, …) or labelled as a paper; else an opening
link that is the title. Dates: `2024.08`, `2024/08`, `2024-08`, `202408` (in a date column),
`Aug 2024`, `18 May 2023`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...catalog.identity import arxiv_from_url, doi_from_url
from ...catalog.links import url_host
from .blocks import Span
from .inline import clean_title, strip_emoji

PAPER_HOSTS = (
    "arxiv.org", "openreview.net", "aclanthology.org", "aclweb.org", "openaccess.thecvf.com",
    "doi.org", "ieeexplore.ieee.org", "link.springer.com", "dl.acm.org", "proceedings.neurips.cc",
    "papers.nips.cc", "neurips.cc", "proceedings.mlr.press", "ojs.aaai.org", "ijcai.org",
    "ecva.net", "sciencedirect.com", "nature.com", "science.org", "biorxiv.org", "medrxiv.org",
    "mdpi.com", "jmlr.org", "onlinelibrary.wiley.com", "iopscience.iop.org", "academic.oup.com",
    "techrxiv.org", "papers.ssrn.com", "cell.com", "pnas.org", "frontiersin.org",
    "semanticscholar.org", "researchgate.net", "bmva.org", "isca-archive.org",
)
# words that make a link label a label ("[PDF]", "(paper)", "arXiv") rather than a title
LABEL_WORDS = frozenset(
    """paper papers pdf arxiv abs abstract html link links url here doi openreview acl cvf ieee
    springer acm publication full text preprint project code github gitlab website page homepage
    demo video slides slide poster bibtex bib blog download official pub site web hf huggingface
    model weights dataset data colab notebook tweet twitter x thread review reviews v1 v2 v3 v4
    supp supplementary appendix published version journal conference proceedings read more
    details citation cite repo repository""".split()
)
MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_TEXT = [
    # 2024.08, 2024/08, 2024-08, 2024_08 (not a version such as 2024.08.1 in a longer number)
    re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*[./\-_]\s*(0?[1-9]|1[0-2])(?![\d])"),
    # 18 May 2023, May 18, 2023, Aug 2024
    re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+)?\b" + _MONTH_NAME + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+((?:19|20)\d{2})\b", re.IGNORECASE),
]
_DATE_COMPACT = re.compile(r"^\D*((?:19|20)\d{2})(0[1-9]|1[0-2])(?:\d{2})?\D*$")
_VENUE_YEAR = re.compile(
    r"^(?P<venue>[A-Za-z][\w&.'’/+ -]{0,60}?)\s*[’']?\s*\(?(?P<year>(?:19|20)\d{2})\)?"
    r"(?P<tail>(?:\s+[A-Za-z][\w -]{0,30})?)\W*$"
)
_YEAR_ONLY = re.compile(r"^\W*\(?((?:19|20)\d{2})\)?\W*$")
_ET_AL = re.compile(r"^(?P<name>.*?)[\s,]*\bet\.?\s*al\.?(?P<rest>.*)$", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”]([^\"“”]{8,400}?)[.,]?[\"“”]")
_BRACKETS = re.compile(r"\[[^\[\]]*\]")
_PARENS = re.compile(r"\([^()]*\)")
_PREPRINT = frozenset(("arxiv", "preprint", "arxiv preprint", "corr", "arxiv e-prints", "techrxiv"))
_PARTICLES = frozenset("van von der den de da di del della la le du dos das bin al el ter".split())
_NOT_NAMES = frozenset(
    """arxiv paper code project github survey the of for and in on with via using towards model
    models learning network networks neural deep segmentation review benchmark dataset large
    language vision preprint conference journal workshop proceedings accepted oral spotlight""".split()
)


@dataclass
class Facts:
    """What a record states. `paper` is (label, url) or None."""

    title: str = ""
    paper: tuple[str, str] | None = None
    extra: list[tuple[str, str]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    et_al: bool = False
    venue: str | None = None
    year: int | None = None
    date: str | None = None  # YYYY-MM stated in the record
    skip: str | None = None  # why this is not a paper: toc, badge, no-paper-link, no-title


def is_http(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def is_label(text: str) -> bool:
    """Whether a link's text is a label (`[PDF]`, `(paper)`, `arXiv`, `Code`) and not a title."""
    words = re.findall(r"[a-z]+\d*", strip_emoji(text).casefold())
    if not words:
        return True
    return len(words) <= 4 and all(w in LABEL_WORDS or w.isdigit() for w in words)


def is_paper_link(url: str) -> bool:
    """A link to a paper: arXiv abs/pdf/html, a DOI, or a page on a publisher or proceedings host."""
    if arxiv_from_url(url) or doi_from_url(url):
        return True
    host = url_host(url)
    if host.endswith("arxiv.org"):
        return False  # arxiv.org/list/…, /a/author: not one paper
    if any(host == h or host.endswith("." + h) for h in PAPER_HOSTS):
        return True
    return url.lower().split("?")[0].endswith(".pdf")


def month_in(text: str, *, compact: bool = False) -> str | None:
    """The first `YYYY-MM` a text states, or None. `compact` also reads `202408`."""
    text = strip_emoji(text)
    for i, pattern in enumerate(_DATE_TEXT):
        m = pattern.search(text)
        if not m:
            continue
        if i == 0:
            year, month = int(m.group(1)), int(m.group(2))
        else:
            year, month = int(m.group(2)), MONTHS[m.group(1).lower()[:3]]
        return f"{year:04d}-{month:02d}"
    if compact:
        m = _DATE_COMPACT.match(text)
        if m:
            return f"{m.group(1)}-{m.group(2)}"
    return None


def _strip_dates(text: str) -> str:
    for pattern in _DATE_TEXT:
        text = pattern.sub(" ", text)
    return text


def looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or len(text) > 60 or re.search(r"\d", text):
        return False
    capital = 0
    for w in words:
        bare = w.strip(".,'’-")
        if not bare:
            return False
        if bare.casefold() in _NOT_NAMES or bare.casefold() in LABEL_WORDS:
            return False
        if bare[0].isupper():
            capital += 1
        elif bare.casefold() not in _PARTICLES:
            return False
    return capital >= 1


def _clean_name(piece: str) -> str:
    piece = _PARENS.sub(" ", piece)
    piece = re.sub(r"[*†‡§¶#^]+|\d+$", "", piece)
    piece = re.sub(r"^\s*and\s+", "", piece)
    return re.sub(r"\s+", " ", piece).strip(" ,.;:")


def split_authors(text: str) -> tuple[list[str], bool, str]:
    """(names, et al., what followed the names) from `A, B and C`, `X et al. arXiv`, …"""
    text = strip_emoji(text)
    et_al = False
    rest = ""
    m = _ET_AL.match(text)
    if m:
        text, rest, et_al = m.group("name"), m.group("rest"), True
    names: list[str] = []
    for piece in re.split(r",|;|\band\b|&", _PARENS.sub(" ", text)):
        name = _clean_name(piece)
        if not name:
            continue
        if not looks_like_name(name):
            return [], False, text
        names.append(name)
    return names, et_al and bool(names), rest


def venue_year(text: str) -> tuple[str | None, int | None]:
    """(venue, year) from `ECCV 2020`, `SIGGRAPH Asia 2023`, `Venue (2024)`, `arXiv 2022`."""
    text = strip_emoji(text).strip(" .,;|")
    m = _YEAR_ONLY.match(text)
    if m:
        return None, int(m.group(1))
    m = _VENUE_YEAR.match(text)
    if not m:
        return None, None
    name, year = m.group("venue").strip(" ,.'’("), int(m.group("year"))
    if name.casefold() in _PREPRINT or not re.search(r"[A-Za-z]{2}", name) or len(name.split()) > 6:
        return None, year
    return f"{name} {year}", year


# --------------------------------------------------------------------------------------------


def _links(spans: list[Span]) -> list[Span]:
    return [s for s in spans if s.kind == "link" and is_http(s.href)]


def nonpaper_reason(spans: list[Span]) -> str | None:
    """Why spans with no paper link are not a paper, or None when they hold no links at all."""
    links = [s for s in spans if s.kind == "link"]
    images = [s for s in spans if s.kind == "image"]
    if links and all(s.href.startswith("#") for s in links):
        return "toc"
    if not links and images:
        return "badge"
    if links and all(s.href.startswith("#") or "shields.io" in s.href or "badge" in s.href for s in links):
        return "badge"
    if links:
        return "no-paper-link"
    return None


def choose_paper(links: list[Span], opening: Span | None) -> Span | None:
    """The paper link among a record's links (see the module docstring)."""
    for s in links:
        if arxiv_from_url(s.href):
            return s
    for s in links:
        if is_paper_link(s.href) or (s.text and is_label(s.text) and re.search(
                r"paper|pdf|arxiv|publication|preprint|doi", s.text, re.IGNORECASE)):
            return s
    if opening is not None and opening.kind == "link" and is_http(opening.href):
        return opening
    return None


def _significant(span: Span) -> bool:
    if span.kind == "link":
        return True
    if span.kind != "text":
        return False
    text = strip_emoji(_BRACKETS.sub(" ", span.text))
    return bool(re.search(r"\w", text)) and not re.fullmatch(r"\W*(?:\d[\d./-]*)?\W*", text)


def read_record(spans: list[Span]) -> Facts:
    """The facts of a list item or paragraph."""
    facts = Facts()
    links = _links(spans)
    opening = next((s for s in spans if _significant(s)), None)
    paper = choose_paper(links, opening)
    if paper is None:
        facts.skip = nonpaper_reason(spans) or "no-paper-link"
        return facts
    facts.paper = (paper.text, paper.href)
    title_spans: set[int] = set()
    full = "".join(s.text if s.kind == "text" else " " for s in spans)
    quoted = _QUOTED.search(full)
    title = ""
    if opening is not None and opening.kind == "link" and not is_label(opening.text) \
            and is_http(opening.href):
        title = opening.text
        title_spans.add(opening.index)
    elif opening is not None and opening.bold:
        run = []
        for s in spans[opening.index:]:
            if s.kind == "text" and s.bold:
                run.append(s)
            elif s.kind == "text" and not s.text.strip():
                continue
            else:
                break
        bold = " ".join(s.text for s in run).strip()
        if bold.endswith(":") and quoted:
            title = quoted.group(1)
            title_spans.update(s.index for s in run)  # the alias is neither title nor author
        elif not is_label(bold):
            title = bold
            title_spans.update(s.index for s in run)
        elif quoted:
            title = quoted.group(1)
    elif quoted:
        title = quoted.group(1)
    elif opening is not None and opening.kind == "text" and paper.text and is_label(paper.text):
        # `Title [(paper)](url)` or `Title, Authors, Venue. [[paper](url)]`
        before = []
        for s in spans:
            if s.kind == "link" or s.kind == "break":
                break
            if s.kind == "text":
                before.append(s)
        text = _BRACKETS.sub(" ", "".join(s.text for s in before))
        title, tail = _title_and_tail(text)
        title_spans.update(s.index for s in before)
        _read_tail(tail, facts)
    if not title and paper.text and not is_label(paper.text):
        title = paper.text
        title_spans.add(paper.index)
    title = clean_title(strip_emoji(title)).strip(" :,.;-–—|") if title else ""
    year = re.search(r"\s*\(((?:19|20)\d{2})\)$", title)
    if year:  # "Title (2016)": the year is not part of the title
        title, facts.year = title[: year.start()], int(year.group(1))
    if quoted and title == clean_title(quoted.group(1)).strip(" :,.;-–—|"):
        full = full.replace(quoted.group(0), " ")
    facts.title = title
    if not title:
        facts.skip = "no-title"
        return facts
    facts.extra = [(s.text, s.href) for s in links if s is not paper and s.index not in title_spans]
    if opening is not None and opening.kind == "link" and opening is not paper \
            and opening.index in title_spans:
        # the title links a project page; the paper is elsewhere
        facts.extra.insert(0, ("project", opening.href))
    _read_rest(spans, title_spans, quoted.group(0) if quoted else "", facts)
    return facts


def _title_and_tail(text: str) -> tuple[str, str]:
    """Split `Title, A. Author et al., ECCV 2020.` into the title and what follows it."""
    pieces = [p for p in re.split(r"(?<=[,.])\s+", text.strip())]
    cut = len(pieces)
    while cut > 1:
        piece = pieces[cut - 1].strip(" ,.")
        venue, year = venue_year(piece)
        names, _, _ = split_authors(piece)
        if year or names or re.search(r"\bet\.?\s*al\b", piece):
            cut -= 1
            continue
        break
    return " ".join(pieces[:cut]).strip(" ,."), " ".join(pieces[cut:])


def _read_tail(text: str, facts: Facts) -> None:
    for piece in re.split(r",(?![^()]*\))", text):
        piece = piece.strip(" .")
        if not piece:
            continue
        venue, year = venue_year(piece)
        if year:
            facts.venue = facts.venue or venue
            facts.year = facts.year or year
            continue
        names, et_al, _ = split_authors(piece)
        if names and not facts.authors:
            facts.authors, facts.et_al = names, et_al
        elif names and not facts.et_al:
            facts.authors += names


def _read_rest(spans: list[Span], title_spans: set[int], quoted: str, facts: Facts) -> None:
    """Authors, venue, year and date from the spans that are not the title or a link."""
    segments: list[str] = []
    italic: list[str] = []
    current = ""
    for s in spans:
        if s.index in title_spans:
            continue
        if s.kind == "text":
            if s.italic:
                italic.append(s.text)
            current += s.text
        else:
            segments.append(current)
            current = ""
    segments.append(current)
    text = "\n".join(segments)
    if quoted:
        text = text.replace(quoted, "\n")
    facts.date = facts.date or month_in(text)
    text = _strip_dates(text)
    if italic and not facts.authors:
        names, et_al, rest = split_authors(" ".join(italic).strip(" .,"))
        if names:
            facts.authors, facts.et_al = names, et_al
            text = text.replace(" ".join(italic), "\n") if len(italic) == 1 else text
            for piece in italic:
                text = text.replace(piece, "\n")
            if rest:
                text += "\n" + rest
    for segment in text.split("\n"):
        segment = _BRACKETS.sub(" ", segment)
        for raw in re.split(r"\|", segment):
            pieces = [p for p in re.split(r",(?![^()]*\))|(?<=[a-z]{3}\.)\s+(?=[A-Z])", raw)]
            names_here: list[str] = []
            et_al_here = False
            for piece in pieces:
                piece = strip_emoji(piece).strip(" .;:[]")
                if not piece or not re.search(r"[A-Za-z0-9]", piece):
                    continue
                venue, year = venue_year(piece)
                if year and not _ET_AL.match(piece):  # "Rebain et al. Arxiv 2020" is names first
                    facts.venue = facts.venue or venue
                    facts.year = facts.year or year
                    continue
                names, et_al, rest = split_authors(piece)
                if names and not et_al_here:
                    names_here += names
                    et_al_here = et_al
                    if rest.strip(" ."):
                        v, y = venue_year(rest)
                        if y:
                            facts.venue = facts.venue or v
                            facts.year = facts.year or y
            if names_here and not facts.authors:
                facts.authors, facts.et_al = names_here, et_al_here
