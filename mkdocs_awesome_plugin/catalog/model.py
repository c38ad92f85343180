"""The catalogue's data model. Plain dataclasses; nothing here knows about MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field

from .bibtex_input import BibtexOverride
from .problems import Problem, Severity

__all__ = [
    "CONFIDENCE_LEVELS", "LINK_KINDS", "VENUE_TYPES", "Catalog", "Category", "Entry", "PartialDate", "Problem",
    "Severity",
]

LINK_KINDS = ("paper", "code", "project", "demo", "data")
VENUE_TYPES = ("conference", "workshop", "journal", "preprint", "other")
# how sure an entry's facts are (see docs/contributing.md, "The entry format")
CONFIDENCE_LEVELS = ("high", "medium", "low")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the month or to the day (`YYYY-MM` or `YYYY-MM-DD`)."""

    year: int
    month: int
    day: int | None = None

    @property
    def iso(self) -> str:
        base = f"{self.year:04d}-{self.month:02d}"
        return base if self.day is None else f"{base}-{self.day:02d}"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day or 0)

    def __str__(self) -> str:
        return self.iso


@dataclass
class Entry:
    """One paper, as read from `entries/papers/<key>.yaml`."""

    key: str
    path: str
    title: str
    authors: list[str]
    date: PartialDate
    categories: list[str]
    tags: list[str]
    links: dict[str, str]
    venue: str | None = None
    venue_type: str | None = None
    arxiv: str | None = None
    doi: str | None = None
    added: PartialDate | None = None
    summary: str | None = None
    supersedes: list[str] = field(default_factory=list)
    bibtex: str | None = None
    # the `bibtex:` text as parsed and checked when loaded, so the export need not parse it again
    bibtex_override: BibtexOverride | None = field(default=None, repr=False, compare=False)
    # the author list is known to be incomplete ("Guo, Li et al."): shown as "et al.",
    # written to BibTeX as "and others"
    et_al: bool = False
    # the arXiv version's title when the published one (`title`) differs
    arxiv_title: str | None = None
    # how sure the facts are: one of CONFIDENCE_LEVELS, or None when not said
    confidence: str | None = None
    # arXiv's primary category ("cs.CV"), written to BibTeX as primaryClass
    arxiv_class: str | None = None
    # line of each top-level field in the source file, for messages
    lines: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def has_code(self) -> bool:
        return bool(self.links.get("code"))

    @property
    def added_or_date(self) -> PartialDate:
        return self.added or self.date

    def line_of(self, name: str) -> int:
        return self.lines.get(name.split(".")[0], 1)


@dataclass
class Category:
    """A node of the category tree in `entries/categories.yaml`."""

    slug: str
    title: str
    description: str | None = None
    children: list[Category] = field(default_factory=list)
    parent: Category | None = field(default=None, repr=False, compare=False)

    def walk(self):
        """This category, then its descendants, depth first in display order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1

    @property
    def ancestors(self) -> list[Category]:
        chain: list[Category] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))


@dataclass
class Catalog:
    """Everything loaded from an entries folder: valid entries plus the problems found.

    A catalogue is not changed once loaded: the listings of each category and tag are sorted
    once and remembered, since every page, download and chart asks for them again.
    """

    entries: dict[str, Entry]
    categories: list[Category]
    tags: dict[str, str]
    problems: list[Problem] = field(default_factory=list)
    # tag -> the tags it implies (tags.yaml `implies:`, followed through); already applied to
    # the entries' tags
    tag_implies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def _remember(self, key, compute):
        value = self._memo.get(key)
        if value is None:
            value = self._memo[key] = compute()
        return value

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == Severity.WARNING]

    def all_categories(self) -> list[Category]:
        return self._remember(
            "all", lambda: [c for root in self.categories for c in root.walk()]
        )

    def category(self, slug: str) -> Category | None:
        by_slug = self._remember("slugs", lambda: {c.slug: c for c in self.all_categories()})
        return by_slug.get(slug)

    def sorted_entries(self, entries=None) -> list[Entry]:
        """Newest first; ties broken by title then key so output is stable. The whole
        catalogue's order is worked out once (listings, explorer, downloads ask for it)."""
        if entries is None:
            return list(self._remember("sorted", lambda: self._sorted(self.entries.values())))
        return self._sorted(entries)

    @staticmethod
    def _sorted(entries) -> list[Entry]:
        items = list(entries)
        items.sort(key=lambda e: (e.title.casefold(), e.key))
        items.sort(key=lambda e: e.date.sort_key, reverse=True)
        return items

    def _listings(self) -> tuple[dict, dict, dict]:
        """The entries of every tag, category and category subtree, in `sorted_entries` order:
        one pass over the catalogue sorted once (the order is total, so filtering the sorted
        list gives each subset sorted), instead of a scan and a sort per tag and category."""

        def compute():
            within: dict[str, set[str]] = {}  # slug -> it and the categories above it
            for category in self.all_categories():
                within[category.slug] = {category.slug, *(c.slug for c in category.ancestors)}
            by_tag: dict[str, list[Entry]] = {}
            by_category: dict[str, list[Entry]] = {}
            by_subtree: dict[str, list[Entry]] = {}
            for entry in self.sorted_entries():
                for tag in dict.fromkeys(entry.tags):
                    by_tag.setdefault(tag, []).append(entry)
                subtrees: set[str] = set()
                for slug in dict.fromkeys(entry.categories):
                    by_category.setdefault(slug, []).append(entry)
                    subtrees |= within.get(slug, set())
                for slug in subtrees:
                    by_subtree.setdefault(slug, []).append(entry)
            return by_tag, by_category, by_subtree

        return self._remember("listings", compute)

    def entries_in_category(self, slug: str) -> list[Entry]:
        return self._listings()[1].get(slug, [])

    def entries_in_subtree(self, category: Category) -> list[Entry]:
        if self.category(category.slug) is category:
            return self._listings()[2].get(category.slug, [])

        def compute():  # a category from elsewhere than this catalogue's tree
            slugs = {c.slug for c in category.walk()}
            return self.sorted_entries(
                e for e in self.entries.values() if slugs.intersection(e.categories)
            )

        return self._remember(("subtree", id(category)), compute)

    def entries_with_tag(self, tag: str) -> list[Entry]:
        return self._listings()[0].get(tag, [])
