"""What a feature is: the pages, files, head tags, nav items and markers it may add, and the
narrow context it sees of a build. `build.CatalogBuild` composes the features listed in
`features/__init__.py`; features never import the build itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..catalog.model import Catalog, Entry
from ..render.pages import Renderer
from ..render.site import SiteLayout

PAGE_MARKER = "<!-- awesome:page -->\n"


@dataclass(frozen=True)
class GeneratedPage:
    """A page the catalogue adds: where it goes and what it shows."""

    src: str
    kind: str  # "paper", "category", "categories", "tag", "tags", or a feature's own kinds
    ref: str  # key, slug or tag ("" for indices)
    title: str
    in_nav: bool
    feature: str = ""  # name of the Feature that renders it; "" for the core pages

    @property
    def placeholder(self) -> str:
        """The page's whole Markdown: its marker (see the module doc)."""
        return PAGE_MARKER


@dataclass
class FeatureContext:
    """What a feature may use from the build: no more than this."""

    catalog: Catalog
    layout: SiteLayout
    renderer: Renderer  # templates, links between pages, per-category counts
    bibtex_for: Callable[[Entry], str]
    downloads_enabled: bool
    # absolute URLs (feeds) need the site's address and name when they are known
    site_url: str | None = None
    site_name: str | None = None
    # cached(kind, parts, entries, produce): produce() from the build's persistent cache when the
    # same parts and the same entries (by content) produced it before; None: no cache
    cached: Callable[[str, tuple[str, ...], Iterable[Entry], Callable[[], object]], object] \
        | None = None

    def remembered(self, kind: str, parts: tuple[str, ...], entries: Iterable[Entry],
                   produce: Callable[[], object]) -> object:
        """`produce()`, through `cached` when the build has a cache."""
        if self.cached is None:
            return produce()
        return self.cached(kind, parts, entries, produce)


class Feature:
    """A part of the site built on the catalogue (explorer, statistics, feeds, ...).

    Subclasses override what they need, using `self.ctx` (a `FeatureContext`). Features are
    listed in `features/__init__.py`.
    """

    name = ""
    # package asset files (under mkdocs_awesome_plugin/assets/) the site must load on every page
    css: tuple[str, ...] = ()
    js: tuple[str, ...] = ()

    def __init__(self, ctx: FeatureContext):
        self.ctx = ctx

    def pages(self) -> Iterable[GeneratedPage]:
        """Pages this feature adds (set `feature=self.name` on them)."""
        return ()

    def render(self, page: GeneratedPage, page_url: str) -> str:
        """Finished HTML of one of this feature's pages."""
        raise NotImplementedError

    def files(self) -> Iterable[tuple[str, str | bytes]]:
        """(source path, content) of extra files: data, feeds, ..."""
        return ()

    def head(self, page: GeneratedPage | None, page_url: str) -> str:
        """Extra `<head>` HTML for any page (`page` is None for the user's own pages)."""
        return ""

    def nav(self) -> list[dict]:
        """Nav items to add after the tag index, as `{title: src}` (titles HTML-escaped)."""
        return []

    def markers(self) -> dict[str, Callable[[str], str]]:
        """`<!-- awesome:NAME -->` markers this feature expands: name -> f(page_url) -> HTML."""
        return {}
