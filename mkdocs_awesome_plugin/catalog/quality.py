"""Data-quality checks across entries: what one file cannot show on its own.

`load_catalog` runs these after reading every file, so `mkdocs build`, `mkdocs serve` and
`mkdocs-awesome lint` report the same problems. Only what is certain is an error; a likely
mistake that can also be right is a warning, which never fails a build; a note asks for nothing.

| check | severity |
|---|---|
| two entries are one paper: the same arXiv id, DOI or paper link (also across fields, e.g. one entry's `arxiv` and another's arXiv paper link) | error |
| `supersedes` names a key no entry file has, or the entry itself | error |
| near-identical titles (difflib ratio >= `TITLE_RATIO` after folding case, accents and punctuation), unless the two have different arXiv ids (field or arXiv paper link) | warning |
| one link (code, project, demo, data or paper) in two entries with different titles | warning |
| the date is more than `DATE_BEFORE_ARXIV` months before, or more than `DATE_AFTER_ARXIV` months after, the month of the arXiv id | warning |
| the same list of `MIN_COPIED_AUTHORS` or more authors, in the same order, as another entry | warning |
| the key does not start with the scheme's `<surname><year>` (keys are never renamed, so this is only a note; not checked while the authors are unknown) | note |

Pairs of entries where one lists the other in `supersedes` (a preprint and its published version)
are exempt from the title, link and author checks. An identical author list is also accepted
when both entries' code lives under the same owner on the same host: the same group publishing
again, not a list copied from the row above.

A problem about two entries is reported once, on the later file in file-name order (or on the
entry being added), naming the other one as `path:line`.
"""

from __future__ import annotations

import difflib
import math
import re
import threading
import unicodedata
import weakref
from collections.abc import Callable, Collection, Iterable
from urllib.parse import urlsplit

from .keys import fold_ascii, key_follows_scheme, surname
from .links import arxiv_from_url, normalize_doi, shorten, url_identity
from .model import LINK_KINDS, Entry, Problem
from .yaml_source import LineDict, LineList, YamlProblem, load_yaml_bytes

TITLE_RATIO = 0.9
# arXiv ids carry the month the paper was submitted (papers sent at the end of a month get the
# next month's id). A list's date earlier than that by more than a quarter is most often a typo in
# the year; a later date is usually the venue's date instead of the first version's, which is
# tolerated for a review cycle (18 months) and flagged beyond.
DATE_BEFORE_ARXIV = 3
DATE_AFTER_ARXIV = 18
MIN_COPIED_AUTHORS = 3
# Below a warning: shown by `lint` and logged at info by the build, never asks for a change.
NOTE = "note"

_ARXIV_YYMM = re.compile(r"^(?:[a-z][a-z.-]*(?:\.[A-Z]{2})?/)?(\d{2})(\d{2})")


# --------------------------------------------------------------------------------------------
# normalising


def normalize_title(title: str) -> str:
    """Lowercase ASCII words separated by single spaces: `SAM 2: Segment…` -> `sam 2 segment…`."""
    text = unicodedata.normalize("NFKD", title.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[^\W_]+", text))


def url_key(url: str) -> str:
    """What makes two links the same: arXiv and DOI links by their id, others without scheme,
    `www.`, fragment and trailing slash."""
    arxiv = arxiv_from_url(url)
    if arxiv:
        return f"arxiv:{arxiv}"
    doi = normalize_doi(url) if "doi.org/" in url.lower() else None
    if doi:
        return f"doi:{doi.lower()}"
    return f"url:{url_identity(url)}"


def arxiv_month(arxiv_id: str) -> tuple[int, int] | None:
    """(year, month) an arXiv id was submitted in, from its `YYMM` digits."""
    m = _ARXIV_YYMM.match(arxiv_id)
    if not m:
        return None
    yy, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return None
    # old-style ids (cs/9912001) started in 1991; new-style ids in 2007
    return (1900 + yy if yy >= 91 else 2000 + yy), month


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
# near-identical titles, remembered between builds


class TitleIndex:
    """Pairs of near-identical normalised titles, updated incrementally.

    Comparing every title with every other is quadratic: at 10,000 entries, minutes of difflib.
    So difflib only scores *candidate* pairs, those that share at least 70% of the tokens (words
    and adjacent word pairs, `_tokens`) of each title (`MIN_SHARED_WORDS`). They are found without
    looking at every pair by prefix filtering: order each title's tokens from rarest to most
    common across all titles; two titles that share at least `t` tokens must share one of their
    first `len - t + 1` tokens, so only those are indexed and looked up, and common words
    ("segment", "sam") rarely are. A pair 90% alike character by character but sharing less than
    that (edits in several words, or a very short title) is not reported: not the near-identical titles a
    reader would notice.

    The index remembers the pairs it scored and, given the next set of titles, scores only pairs
    with a new title. `mkdocs serve` keeps one per plugin instance (see `memo_for`).
    """

    def __init__(self, ratio: float = TITLE_RATIO) -> None:
        self.ratio = ratio
        self._titles: set[str] = set()
        self._similar: dict[str, dict[str, float]] = {}
        self._lock = threading.Lock()
        self.compared = 0  # titles compared against the rest, for tests and benchmarks

    def update(self, titles: Iterable[str]) -> None:
        wanted = set(titles)
        with self._lock:
            for gone in self._titles - wanted:
                for other in self._similar.pop(gone, {}):
                    self._similar.get(other, {}).pop(gone, None)
            new = wanted - self._titles
            self._titles = wanted
            if new:
                self._score(sorted(wanted), new)

    def _score(self, titles: list[str], new: set[str]) -> None:
        words = {t: _tokens(t) for t in titles}
        grams = {t: _Bigrams(t) for t in titles}
        # ratio >= r needs at least (1.5r - 1)(len_a + len_b) - 1 shared bigrams (see _Bigrams)
        factor = 1.5 * self.ratio - 1
        frequency: dict[str, int] = {}
        for ws in words.values():
            for w in ws:
                frequency[w] = frequency.get(w, 0) + 1
        postings: dict[str, list[str]] = {}
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        ratio = self.ratio
        for title in titles:
            ws = words[title]
            need = _need(len(ws))
            prefix = sorted(ws, key=lambda w: (frequency[w], w))[: len(ws) - need + 1]
            is_new = title in new
            if is_new:
                self.compared += 1
            seen: set[str] = set()
            for w in prefix:
                for other in postings.get(w, ()):
                    if other in seen or not (is_new or other in new):
                        continue
                    seen.add(other)
                    ows = words[other]
                    if len(ws & ows) < max(need, _need(len(ows))):
                        continue
                    n, m = len(title), len(other)
                    if 2 * min(n, m) < ratio * (n + m):  # difflib's real_quick_ratio bound
                        continue
                    if grams[title].shared_at_most(grams[other]) < factor * (n + m) - 1:
                        continue
                    matcher.set_seqs(other, title)
                    if matcher.quick_ratio() < ratio:
                        continue
                    score = matcher.ratio()
                    if score >= ratio:
                        self._similar.setdefault(title, {})[other] = score
                        self._similar.setdefault(other, {})[title] = score
            for w in prefix:
                postings.setdefault(w, []).append(title)

    def similar(self, title: str) -> dict[str, float]:
        """The other known titles near-identical to `title`, with their ratio."""
        return dict(self._similar.get(title, {}))


# near-identical titles share at least 70% of each title's tokens (see _tokens)
MIN_SHARED_WORDS = 0.7


def _tokens(title: str) -> frozenset[str]:
    """A normalised title's words and pairs of adjacent words.

    The pairs make the index selective where titles reuse a small vocabulary ("segment anything
    for video"): two titles rarely share a pair of words unless they share a phrase. A number
    standing alone is joined to the word before it, so that `sam 2` and `sam2` are one token.
    """
    words: list[str] = []
    for word in title.split():
        if word.isdigit() and words:
            words[-1] += word
        else:
            words.append(word)
    return frozenset(words) | frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def _need(word_count: int) -> int:
    """How many distinct words a title must share with another to be compared with it."""
    return max(1, math.ceil(word_count * MIN_SHARED_WORDS))


class _Bigrams:
    """A title's pairs of adjacent characters, to rule out most pairs of titles cheaply.

    Why it is safe: difflib's ratio is 2M/L, with M characters in matching blocks and L the two
    lengths together. Blocks are separated by at least one unmatched character, so there are at
    most D + 1 of them, D = L - 2M; the bigrams inside blocks, M - (D + 1) of them, occur in both
    titles. So ratio >= r implies at least 3M - L - 1 >= (1.5r - 1)L - 1 shared bigrams (counted
    with repeats). `shared_at_most` bounds that count from above with a bit mask of the distinct
    bigrams (one C-level AND and popcount), adding back what hash collisions and repeats can hide.
    """

    __slots__ = ("mask", "lost", "repeats")

    def __init__(self, text: str) -> None:
        grams = [text[i : i + 2] for i in range(len(text) - 1)]
        distinct = set(grams)
        mask = 0
        for gram in distinct:
            mask |= 1 << ((ord(gram[0]) * 131 + ord(gram[1])) & 4095)
        self.mask = mask
        self.lost = len(distinct) - mask.bit_count()  # distinct bigrams sharing a bit
        self.repeats = len(grams) - len(distinct)

    def shared_at_most(self, other: _Bigrams) -> int:
        return (
            (self.mask & other.mask).bit_count() + min(self.lost, other.lost)
            + min(self.repeats, other.repeats)
        )


_MEMOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMOS_LOCK = threading.Lock()


def memo_for(owner: object) -> TitleIndex:
    """The `TitleIndex` that lives as long as `owner` (the plugin's `EntryCache`)."""
    with _MEMOS_LOCK:
        index = _MEMOS.get(owner)
        if index is None:
            index = _MEMOS[owner] = TitleIndex()
        return index


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


def check_catalog(
    entries: Iterable[Entry],
    *,
    known_keys: Collection[str] = (),
    read: Callable[[Entry], bytes] | None = None,
    memo: TitleIndex | None = None,
    newest: Collection[str] = (),
) -> list[Problem]:
    """Every data-quality problem among `entries` (already valid one by one), in file order.

    `known_keys` are the keys of all entry files, valid or not, for `supersedes`. `read` returns
    an entry's file content, used only to give nested fields their own line. `memo` keeps title
    comparisons between calls (see `TitleIndex`). Entries whose key is in `newest` count as the
    latest files, so a problem about a pair lands on them (used when adding an entry).
    """
    ordered = sorted(entries, key=lambda e: (e.key in newest, e.path, e.key))
    lines = _Lines(read)
    problems: list[Problem] = []
    known = set(known_keys) | {e.key for e in ordered}

    related: set[frozenset[str]] = set()
    for entry in ordered:
        for other in entry.supersedes:
            related.add(frozenset((entry.key, other)))

    def exempt(a: Entry, b: Entry) -> bool:
        return frozenset((a.key, b.key)) in related

    def where(entry: Entry, name: str, sub: str | int | None = None) -> str:
        return f"{entry.path}:{lines.of(entry, name, sub)}"

    # --- one entry at a time --------------------------------------------------------------
    for entry in ordered:
        for i, other in enumerate(entry.supersedes):
            if other == entry.key:
                problems.append(Problem(
                    entry.path, lines.of(entry, "supersedes", i), f"supersedes[{i}]",
                    "an entry cannot supersede itself",
                ))
            elif other not in known:
                close = difflib.get_close_matches(other, sorted(known), n=1, cutoff=0.8)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                problems.append(Problem(
                    entry.path, lines.of(entry, "supersedes", i), f"supersedes[{i}]",
                    f"no entry has the key {other!r}{hint}",
                ))
        if entry.arxiv:
            month = arxiv_month(entry.arxiv)
            if month is not None:
                diff = (entry.date.year * 12 + entry.date.month) - (month[0] * 12 + month[1])
                arxiv_when = f"{month[0]:04d}-{month[1]:02d}"
                if diff < -DATE_BEFORE_ARXIV:
                    problems.append(Problem(
                        entry.path, entry.line_of("date"), "date",
                        f"{entry.date} is {-diff} months before arXiv:{entry.arxiv} was submitted "
                        f"({arxiv_when}); is the year right?",
                        "warning",
                    ))
                elif diff > DATE_AFTER_ARXIV:
                    problems.append(Problem(
                        entry.path, entry.line_of("date"), "date",
                        f"{entry.date} is {diff} months after arXiv:{entry.arxiv} was submitted "
                        f"({arxiv_when}); the date is the first version's release, not the "
                        "venue's",
                        "warning",
                    ))
        # a note, not a warning: a published key never changes, so nothing need be done; and
        # without authors (not known yet) there is no scheme to compare with
        if entry.authors and not key_follows_scheme(
            entry.key, entry.authors, entry.date.year, entry.title
        ):
            prefix = f"{fold_ascii(surname(entry.authors[0])) or 'anon'}{entry.date.year}"
            problems.append(Problem(
                entry.path, entry.line_of("key") if "key" in entry.lines else 1, "key",
                f"key {entry.key!r} does not start with {prefix!r} "
                "(first author's family name and year); fine for a published entry, whose key "
                "never changes",
                NOTE,
            ))

    # --- the same paper twice (errors) ----------------------------------------------------
    same_paper: set[frozenset[str]] = set()
    first_with: dict[str, tuple[Entry, str]] = {}
    for entry in ordered:
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
            same_paper.add(frozenset((entry.key, other.key)))
            what = _describe_identity(ident)
            problems.append(Problem(
                entry.path, lines.of(entry, *_split(field)), field,
                f"{what} is also used by {where(other, *_split(other_field))} "
                f"({shorten(other.title)!r}): the same paper twice",
            ))

    # --- one link, two titles (warnings) -----------------------------------------------------
    first_link: dict[str, tuple[Entry, str]] = {}
    for entry in ordered:
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
            if other.key == entry.key or exempt(entry, other):
                continue
            if frozenset((entry.key, other.key)) in same_paper:
                continue
            if normalize_title(entry.title) == normalize_title(other.title):
                continue  # the title check below reports this pair
            problems.append(Problem(
                entry.path, lines.of(entry, "links", kind), f"links.{kind}",
                f"{shorten(url)} is also the {other_kind} link of "
                f"{where(other, 'links', other_kind)} ({shorten(other.title)!r}); one link with "
                "two titles: is one of them wrong?",
                "warning",
            ))

    # --- near-identical titles (warnings) ----------------------------------------------------
    by_title: dict[str, list[Entry]] = {}
    for entry in ordered:
        by_title.setdefault(normalize_title(entry.title), []).append(entry)
    index = memo if memo is not None else TitleIndex()
    index.update(by_title)
    position = {e.key: i for i, e in enumerate(ordered)}
    for entry in ordered:
        norm = normalize_title(entry.title)
        candidates = [(o, 1.0) for o in by_title[norm] if o.key != entry.key]
        for other_title, score in index.similar(norm).items():
            candidates += [(o, score) for o in by_title.get(other_title, [])]
        earlier = [
            (o, s) for o, s in candidates
            if position[o.key] < position[entry.key]
            and not exempt(entry, o) and frozenset((entry.key, o.key)) not in same_paper
            and not _two_arxiv_papers(entry, o)
        ]
        if not earlier:
            continue
        other, score = min(earlier, key=lambda pair: position[pair[0].key])
        how = "the same title" if score == 1.0 else f"nearly the same title ({score:.0%} alike)"
        problems.append(Problem(
            entry.path, entry.line_of("title"), "title",
            f"{how} as {where(other, 'title')} ({shorten(other.title)!r}): the same paper "
            "twice? If one replaces the other, list its key under `supersedes`",
            "warning",
        ))

    # --- an author list copied from another entry (warnings) ------------------------------
    first_authors: dict[tuple[str, ...], list[Entry]] = {}
    for entry in ordered:
        authors = _folded_authors(entry)
        if len(authors) < MIN_COPIED_AUTHORS:
            continue
        earlier = first_authors.setdefault(authors, [])
        owner = _code_owner(entry)
        same_group = owner is not None and any(_code_owner(o) == owner for o in earlier)
        suspects = [
            o for o in earlier
            if not exempt(entry, o) and frozenset((entry.key, o.key)) not in same_paper
        ]
        earlier.append(entry)
        if suspects and not same_group:
            other = suspects[0]
            problems.append(Problem(
                entry.path, entry.line_of("authors"), "authors",
                f"the same {len(authors)} authors in the same order as "
                f"{where(other, 'authors')} ({shorten(other.title)!r}): copied from the row "
                "above?",
                "warning",
            ))

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
