"""Data-quality checks across entries: what one file cannot show on its own.

One function per check in the table below (`CHECKS`), composed by `check_catalog`; finding
near-identical titles is `titles.py`'s job.

`load_catalog` runs these after reading every file, so `mkdocs build`, `mkdocs serve` and
`mkdocs-awesome lint` report the same problems. Only what is certain is an error; a likely
mistake that can also be right is a warning, which never fails a build; a note asks for nothing.

| check | severity |
|---|---|
| two entries are one paper: the same arXiv id, DOI or paper link (also across fields, e.g. one entry's `arxiv` and another's arXiv paper link) | error |
| `supersedes` names a key no entry file has, or the entry itself | error |
| near-identical titles (difflib ratio >= `titles.TITLE_RATIO` after folding case, accents and punctuation), unless the two have different arXiv ids (field or arXiv paper link) | warning |
| one link (code, project, demo, data or paper) in two entries with different titles | warning |
| the date is more than `DATE_BEFORE_ARXIV` months before, or more than `DATE_AFTER_ARXIV` months after, the month of the arXiv id | warning |
| the same list of `MIN_COPIED_AUTHORS` or more authors, in the same order, as another entry | warning |
| an entry misses a tag that one of its tags implies (`implies:` in `tags.yaml`); the build adds it | warning |
| a link carries tracking or view parameters (`utm_*`, `?tab=readme-ov-file`), which `import` removes | note |
| the key does not start with the scheme's `<surname><year>` (keys are never renamed, so this is only a note; not checked while the authors are unknown) | note |

Pairs of entries where one lists the other in `supersedes` (a preprint and its published version)
are exempt from the title, link and author checks. An identical author list is also accepted
when both entries' code lives under the same owner on the same host: the same group publishing
again, not a list copied from the row above.

A problem about two entries is reported once, on the later file in file-name order (or on the
entry being added), naming the other one as `path:line`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from urllib.parse import urlsplit

from .identity import arxiv_from_url, arxiv_month, normalize_title
from .identity import link_identity as url_key
from .keys import fold_ascii, key_follows_scheme, surname
from .links import shorten, without_tracking
from .model import LINK_KINDS, Entry
from .problems import NOTE, WARNING, Problem
from .suggest import did_you_mean
from .titles import TITLE_RATIO, TitleIndex, memo_for
from .yaml_source import LineDict, LineList, YamlProblem, load_yaml_bytes

# arXiv ids carry the month the paper was submitted (papers sent at the end of a month get the
# next month's id). A list's date earlier than that by more than a quarter is most often a typo in
# the year; a later date is usually the venue's date instead of the first version's, which is
# tolerated for a review cycle (18 months) and flagged beyond.
DATE_BEFORE_ARXIV = 3
DATE_AFTER_ARXIV = 18
MIN_COPIED_AUTHORS = 3

# TitleIndex and memo_for live in titles.py; imported from here by the loader, tests and benchmarks
__all__ = [
    "CHECKS", "DATE_AFTER_ARXIV", "DATE_BEFORE_ARXIV", "MIN_COPIED_AUTHORS", "TITLE_RATIO",
    "TitleIndex", "arxiv_month", "check_catalog", "memo_for", "normalize_title", "url_key",
]

def _code_owner(entry: Entry) -> tuple[str, str] | None:
    url = entry.links.get("code")
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    return host, segments[0].lower()


def _folded_authors(entry: Entry) -> tuple[str, ...]:
    return tuple(" ".join(a.casefold().split()) for a in entry.authors)


# --------------------------------------------------------------------------------------------
# the checks


class _Lines:
    """Lines of nested fields (`links.code`, `supersedes[1]`), read again only when reporting."""

    def __init__(self, read: Callable[[Entry], bytes] | None):
        self.read = read
        self._data: dict[str, LineDict | None] = {}

    def of(self, entry: Entry, name: str, sub: str | int | None = None) -> int:
        top = entry.line_of(name)
        if sub is None or self.read is None:
            return top
        if entry.key not in self._data:
            try:
                data = load_yaml_bytes(self.read(entry))
            except (OSError, YamlProblem):
                data = None
            self._data[entry.key] = data if isinstance(data, LineDict) else None
        data = self._data[entry.key]
        value = data.get(name) if data is not None else None
        if isinstance(value, LineDict) and isinstance(sub, str):
            return value.lines.get(sub, top)
        if isinstance(value, LineList) and isinstance(sub, int) and sub < len(value.lines):
            return value.lines[sub]
        return top


class _Checking:
    """What the checks share: the entries in report order, the lines of nested fields, the pairs
    exempt from comparison and the pairs already found to be one paper."""

    def __init__(self, entries, known_keys, read, newest, memo=None, implies=None):
        self.ordered: list[Entry] = sorted(
            entries, key=lambda e: (e.key in newest, e.path, e.key)
        )
        self.lines = _Lines(read)
        self.known = set(known_keys) | {e.key for e in self.ordered}
        self.related: set[frozenset[str]] = {
            frozenset((entry.key, other)) for entry in self.ordered for other in entry.supersedes
        }
        self.same_paper: set[frozenset[str]] = set()  # filled by check_same_paper
        self.memo: TitleIndex | None = memo
        self.implies: Mapping[str, Collection[str]] = implies or {}

    def exempt(self, a: Entry, b: Entry) -> bool:
        """One lists the other in `supersedes`, or they were already reported as one paper."""
        pair = frozenset((a.key, b.key))
        return pair in self.related or pair in self.same_paper

    def where(self, entry: Entry, name: str, sub: str | int | None = None) -> str:
        return f"{entry.path}:{self.lines.of(entry, name, sub)}"


def check_supersedes(c: _Checking) -> list[Problem]:
    """`supersedes` names a key no entry file has, or the entry itself (errors)."""
    problems = []
    for entry in c.ordered:
        for i, other in enumerate(entry.supersedes):
            if other == entry.key:
                message = "an entry cannot supersede itself"
            elif other not in c.known:
                message = f"no entry has the key {other!r}{did_you_mean(other, c.known)}"
            else:
                continue
            problems.append(Problem(
                entry.path, c.lines.of(entry, "supersedes", i), f"supersedes[{i}]", message,
            ))
    return problems


def check_date_against_arxiv(c: _Checking) -> list[Problem]:
    """The date is far from the month of the arXiv id (warnings)."""
    problems = []
    for entry in c.ordered:
        month = arxiv_month(entry.arxiv) if entry.arxiv else None
        if month is None:
            continue
        diff = (entry.date.year * 12 + entry.date.month) - (month[0] * 12 + month[1])
        arxiv_when = f"{month[0]:04d}-{month[1]:02d}"
        if diff < -DATE_BEFORE_ARXIV:
            message = (
                f"{entry.date} is {-diff} months before arXiv:{entry.arxiv} was submitted "
                f"({arxiv_when}); is the year right?"
            )
        elif diff > DATE_AFTER_ARXIV:
            message = (
                f"{entry.date} is {diff} months after arXiv:{entry.arxiv} was submitted "
                f"({arxiv_when}); the date is the first version's release, not the venue's"
            )
        else:
            continue
        problems.append(Problem(entry.path, entry.line_of("date"), "date", message, WARNING))
    return problems


def check_key_scheme(c: _Checking) -> list[Problem]:
    """The key does not start with `<surname><year>` (notes)."""
    # a note, not a warning: a published key never changes, so nothing need be done; and
    # without authors (not known yet) there is no scheme to compare with
    problems = []
    for entry in c.ordered:
        if not entry.authors or key_follows_scheme(
            entry.key, entry.authors, entry.date.year, entry.title
        ):
            continue
        prefix = f"{fold_ascii(surname(entry.authors[0])) or 'anon'}{entry.date.year}"
        problems.append(Problem(
            entry.path, entry.line_of("key") if "key" in entry.lines else 1, "key",
            f"key {entry.key!r} does not start with {prefix!r} "
            "(first author's family name and year); fine for a published entry, whose key "
            "never changes",
            NOTE,
        ))
    return problems


def check_same_paper(c: _Checking) -> list[Problem]:
    """Two entries share an arXiv id, DOI or paper link, also across fields (errors).

    Records the pairs in `c.same_paper`, which the warnings below then leave alone."""
    problems = []
    first_with: dict[str, tuple[Entry, str]] = {}
    for entry in c.ordered:
        ids: list[tuple[str, str]] = []  # (identity, field it comes from)
        if entry.arxiv:
            ids.append((f"arxiv:{entry.arxiv}", "arxiv"))
        if entry.doi:
            ids.append((f"doi:{entry.doi.lower()}", "doi"))
        if entry.links.get("paper"):
            ids.append((url_key(entry.links["paper"]), "links.paper"))
        reported = False
        for ident, field in _unique(ids):
            holder = first_with.get(ident)
            if holder is None:
                first_with[ident] = (entry, field)
                continue
            other, other_field = holder
            if other.key == entry.key or reported:
                continue
            reported = True
            c.same_paper.add(frozenset((entry.key, other.key)))
            problems.append(Problem(
                entry.path, c.lines.of(entry, *_split(field)), field,
                f"{_describe_identity(ident)} is also used by {c.where(other, *_split(other_field))} "
                f"({shorten(other.title)!r}): the same paper twice",
            ))
    return problems


def check_link_two_titles(c: _Checking) -> list[Problem]:
    """One link in two entries with different titles (warnings)."""
    problems = []
    first_link: dict[str, tuple[Entry, str]] = {}
    for entry in c.ordered:
        for kind in LINK_KINDS:
            url = entry.links.get(kind)
            if not url:
                continue
            ident = url_key(url)
            holder = first_link.get(ident)
            if holder is None:
                first_link[ident] = (entry, kind)
                continue
            other, other_kind = holder
            if other.key == entry.key or c.exempt(entry, other):
                continue
            if normalize_title(entry.title) == normalize_title(other.title):
                continue  # the title check reports this pair
            problems.append(Problem(
                entry.path, c.lines.of(entry, "links", kind), f"links.{kind}",
                f"{shorten(url)} is also the {other_kind} link of "
                f"{c.where(other, 'links', other_kind)} ({shorten(other.title)!r}); one link "
                "with two titles: is one of them wrong?",
                WARNING,
            ))
    return problems


def check_similar_titles(c: _Checking) -> list[Problem]:
    """Near-identical titles, unless the two have different arXiv ids (warnings)."""
    problems = []
    by_title: dict[str, list[Entry]] = {}
    for entry in c.ordered:
        by_title.setdefault(normalize_title(entry.title), []).append(entry)
    index = c.memo if c.memo is not None else TitleIndex()
    index.update(by_title)
    position = {e.key: i for i, e in enumerate(c.ordered)}
    for entry in c.ordered:
        norm = normalize_title(entry.title)
        candidates = [(o, 1.0) for o in by_title[norm] if o.key != entry.key]
        for other_title, score in index.similar(norm).items():
            candidates += [(o, score) for o in by_title.get(other_title, [])]
        earlier = [
            (o, s) for o, s in candidates
            if position[o.key] < position[entry.key]
            and not c.exempt(entry, o) and not _two_arxiv_papers(entry, o)
        ]
        if not earlier:
            continue
        other, score = min(earlier, key=lambda pair: position[pair[0].key])
        how = "the same title" if score == 1.0 else f"nearly the same title ({score:.0%} alike)"
        problems.append(Problem(
            entry.path, entry.line_of("title"), "title",
            f"{how} as {c.where(other, 'title')} ({shorten(other.title)!r}): the same paper "
            "twice? If one replaces the other, list its key under `supersedes`",
            WARNING,
        ))
    return problems


def check_copied_authors(c: _Checking) -> list[Problem]:
    """The same list of `MIN_COPIED_AUTHORS` or more authors as another entry, unless both
    entries' code lives under one owner (warnings)."""
    problems = []
    first_authors: dict[tuple[str, ...], list[Entry]] = {}
    for entry in c.ordered:
        authors = _folded_authors(entry)
        if len(authors) < MIN_COPIED_AUTHORS:
            continue
        earlier = first_authors.setdefault(authors, [])
        owner = _code_owner(entry)
        same_group = owner is not None and any(_code_owner(o) == owner for o in earlier)
        suspects = [o for o in earlier if not c.exempt(entry, o)]
        earlier.append(entry)
        if suspects and not same_group:
            other = suspects[0]
            problems.append(Problem(
                entry.path, entry.line_of("authors"), "authors",
                f"the same {len(authors)} authors in the same order as "
                f"{c.where(other, 'authors')} ({shorten(other.title)!r}): copied from the row "
                "above?",
                WARNING,
            ))
    return problems


def check_implied_tags(c: _Checking) -> list[Problem]:
    """An entry misses a tag that one of its tags implies in `tags.yaml` (warnings; the build
    adds it anyway)."""
    problems = []
    for entry in c.ordered:
        missing: dict[str, str] = {}  # implied tag -> the entry's tag that implies it
        for tag in entry.tags:
            for implied in c.implies.get(tag, ()):
                if implied not in entry.tags:
                    missing.setdefault(implied, tag)
        for implied, tag in missing.items():
            problems.append(Problem(
                entry.path, entry.line_of("tags"), "tags",
                f"{tag!r} implies {implied!r}; add it", WARNING,
            ))
    return problems


# The documented checks (the table above), in the order they run: `check_same_paper` comes
# before the warnings that leave pairs of one paper alone.
def check_tracking_parameters(c: _Checking) -> list[Problem]:
    """A link carries tracking or view query parameters (notes)."""
    problems = []
    for entry in c.ordered:
        for kind, url in entry.links.items():
            clean = without_tracking(url)
            if clean != url:
                problems.append(Problem(
                    entry.path, c.lines.of(entry, "links", kind), f"links.{kind}",
                    f"tracking or view parameters can go: {shorten(clean)}", NOTE,
                ))
    return problems


CHECKS = (
    check_supersedes,
    check_date_against_arxiv,
    check_key_scheme,
    check_same_paper,
    check_link_two_titles,
    check_similar_titles,
    check_copied_authors,
    check_implied_tags,
    check_tracking_parameters,
)


def check_catalog(
    entries: Iterable[Entry],
    *,
    known_keys: Collection[str] = (),
    read: Callable[[Entry], bytes] | None = None,
    memo: TitleIndex | None = None,
    newest: Collection[str] = (),
    implies: Mapping[str, Collection[str]] | None = None,
) -> list[Problem]:
    """Every data-quality problem among `entries` (already valid one by one), in file order.

    `known_keys` are the keys of all entry files, valid or not, for `supersedes`. `read` returns
    an entry's file content, used only to give nested fields their own line. `memo` keeps title
    comparisons between calls (see `TitleIndex`). Entries whose key is in `newest` count as the
    latest files, so a problem about a pair lands on them (used when adding an entry). `implies`
    maps a tag to the tags it implies (`tags.yaml`), followed through.
    """
    c = _Checking(entries, known_keys, read, newest, memo, implies)
    problems: list[Problem] = []
    for check in CHECKS:
        problems += check(c)
    problems.sort(key=lambda p: (p.path, p.line))
    return problems


def _two_arxiv_papers(a: Entry, b: Entry) -> bool:
    """Two arXiv ids (from `arxiv` or an arXiv paper link) are two submissions: near-identical
    titles are then a series (challenge reports for two tracks, say), not one paper twice."""
    ids = [e.arxiv or arxiv_from_url(e.links.get("paper", "")) for e in (a, b)]
    return bool(ids[0] and ids[1] and ids[0] != ids[1])


def _unique(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[str] = set()
    out = []
    for ident, field in pairs:
        if ident not in seen:
            seen.add(ident)
            out.append((ident, field))
    return out


def _split(field: str) -> tuple[str, str | None]:
    name, _, sub = field.partition(".")
    return name, (sub or None)


def _describe_identity(ident: str) -> str:
    kind, _, value = ident.partition(":")
    if kind == "arxiv":
        return f"arXiv id {value}"
    if kind == "doi":
        return f"DOI {value}"
    return f"the paper link {shorten(value)}"
