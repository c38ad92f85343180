"""One build of a catalogue: the pages and downloads it adds to a site. No MkDocs imports.

Used by the MkDocs plugin and by the `generate` command alike.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .catalog.model import Catalog, Entry
from .exports import bibtex as bibtex_export
from .exports import csl as csl_export
from .exports import meta as meta_export
from .exports import ris as ris_export
from .render.pages import Renderer
from .render.site import SiteLayout

MARKER_RE = re.compile(r"<!--\s*awesome:([a-z-]+)\s*-->")


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
        # MkDocs only sees this comment; the finished HTML is swapped in after Markdown,
        # so Markdown never parses entry text.
        return f"<!-- awesome generated {self.kind} page -->\n"


def script_json(data) -> str:
    """JSON safe to place inside a <script> element: no `</script>`, no HTML comment openers."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return (
        text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


class Feature:
    """A part of the site built on the catalogue (explorer, statistics, feeds, ...).

    Subclasses override what they need. `build` gives access to the catalogue, the layout, the
    renderer and the BibTeX of each entry. Features are listed in `features/__init__.py`.
    """

    name = ""
    # package asset files (under mkdocs_awesome_plugin/assets/) the site must load on every page
    css: tuple[str, ...] = ()
    js: tuple[str, ...] = ()

    def __init__(self, build: CatalogBuild):
        self.build = build

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


class CatalogBuild:
    """Everything generated from one loaded catalogue."""

    def __init__(
        self, catalog: Catalog, layout: SiteLayout, *, downloads: bool = True,
        authors_shown: int = 3, features: Iterable[type[Feature]] = (),
        site_url: str | None = None, site_name: str | None = None,
    ):
        self.catalog = catalog
        self.layout = layout
        # absolute URLs (feeds, canonical links) need the site's address when it is known
        self.site_url = site_url
        self.site_name = site_name
        self.downloads_enabled = downloads
        self._bibtex: dict[str, str] = {}
        self._csl: dict[str, str] = {}
        self._ris: dict[str, str] = {}
        self.renderer = Renderer(
            catalog, layout, bibtex_for=self.bibtex_for, downloads_enabled=downloads,
            authors_shown=authors_shown,
        )
        self.features: dict[str, Feature] = {}
        for feature_class in features:
            feature = feature_class(self)
            self.features[feature.name] = feature
        self._pages: dict[str, GeneratedPage] = {}
        for page in self._make_pages():
            self._pages[page.src] = page
        for feature in self.features.values():
            for page in feature.pages():
                self._pages[page.src] = page

    # --- pages ------------------------------------------------------------------------
    def _make_pages(self) -> Iterator[GeneratedPage]:
        layout = self.layout
        yield GeneratedPage(layout.categories_index_src(), "categories", "", "Categories", True)
        for category in self.catalog.all_categories():
            yield GeneratedPage(
                layout.category_src(category.slug), "category", category.slug, category.title, True
            )
        yield GeneratedPage(layout.tags_index_src(), "tags", "", "Tags", True)
        for tag in self.catalog.tags:
            yield GeneratedPage(layout.tag_src(tag), "tag", tag, f"Tag: {tag}", False)
        for entry in self.catalog.entries.values():
            yield GeneratedPage(layout.paper_src(entry.key), "paper", entry.key, entry.title, False)

    def pages(self) -> list[GeneratedPage]:
        return list(self._pages.values())

    def page_for(self, src: str) -> GeneratedPage | None:
        return self._pages.get(src)

    def render_page(self, page: GeneratedPage, page_url: str) -> str:
        if page.feature:
            return self.features[page.feature].render(page, page_url)
        r = self.renderer
        if page.kind == "paper":
            return r.paper_page(self.catalog.entries[page.ref], page_url)
        if page.kind == "category":
            category = self.catalog.category(page.ref)
            assert category is not None
            return r.category_page(category, page_url)
        if page.kind == "tag":
            return r.tag_page(page.ref, page_url)
        if page.kind == "tags":
            return r.tags_index_page(page_url)
        return r.categories_index_page(page_url)

    def expand_markers(self, markdown: str, page_url: str) -> str:
        """Replace `<!-- awesome:summary -->` and `<!-- awesome:categories -->` in user pages."""

        extra: dict[str, Callable[[str], str]] = {}
        for feature in self.features.values():
            extra.update(feature.markers())

        def replace(m: re.Match) -> str:
            name = m.group(1)
            if name in extra:
                return extra[name](page_url)
            if name == "summary":
                return self.renderer.summary_block(page_url)
            if name == "categories":
                tree = self.renderer.categories_index_page(page_url)
                # drop the index page's own heading
                return re.sub(r"<h1[^>]*>.*?</h1>", "", tree, count=1)
            return m.group(0)

        return MARKER_RE.sub(replace, markdown)

    # --- citations ----------------------------------------------------------------------
    def bibtex_for(self, entry: Entry) -> str:
        text = self._bibtex.get(entry.key)
        if text is None:
            text = bibtex_export.entry_to_bibtex(entry).strip() + "\n"
            self._bibtex[entry.key] = text
        return text

    def _bib_file(self, entries: list[Entry]) -> str:
        return "\n".join(self.bibtex_for(e) for e in entries)

    def _csl_item(self, entry: Entry) -> str:
        # one item as it stands inside the file's JSON array (indented by two spaces)
        text = self._csl.get(entry.key)
        if text is None:
            item = json.dumps(csl_export.entry_to_csl(entry), ensure_ascii=False, indent=2)
            text = self._csl[entry.key] = "  " + item.replace("\n", "\n  ")
        return text

    def _csl_file(self, entries: list[Entry]) -> str:
        """Byte for byte what `catalog_to_csl_json` writes, from items converted once."""
        if not entries:
            return "[]\n"
        return "[\n" + ",\n".join(self._csl_item(e) for e in entries) + "\n]\n"

    def _ris_record(self, entry: Entry) -> str:
        text = self._ris.get(entry.key)
        if text is None:
            text = self._ris[entry.key] = ris_export.entry_to_ris(entry)
        return text

    def _files_for(self, scope: str, name: str, entries: list[Entry]):
        # A paper appears in the whole list, its categories and tags and its own files: each
        # entry is converted once per format and the files are joined from those pieces, when
        # they are written (see `download_producers`).
        src = self.layout.download_src
        yield src(scope, name, "bib"), lambda: self._bib_file(entries)
        yield src(scope, name, "json"), lambda: self._csl_file(entries)
        yield src(scope, name, "ris"), lambda: "\n".join(self._ris_record(e) for e in entries)

    def download_producers(self) -> Iterator[tuple[str, Callable[[], str]]]:
        """(source path, function giving the content) of every citation download.

        The plugin calls each function only when MkDocs writes that file, so the ~30,000 files
        of a 10,000-paper list are never all in memory at once.
        """
        catalog = self.catalog
        yield from self._files_for("all", "all", catalog.sorted_entries())
        for category in catalog.all_categories():
            yield from self._files_for(
                "categories", category.slug, catalog.entries_in_subtree(category)
            )
        for tag in catalog.tags:
            yield from self._files_for("tags", tag, catalog.entries_with_tag(tag))
        for entry in catalog.entries.values():
            yield from self._files_for("papers", entry.key, [entry])

    def downloads(self) -> Iterator[tuple[str, str]]:
        """(source path, content) of every citation download."""
        for src, produce in self.download_producers():
            yield src, produce()

    def feature_files(self) -> Iterator[tuple[str, str | bytes]]:
        for feature in self.features.values():
            yield from feature.files()

    def feature_nav(self) -> list[dict]:
        return [item for feature in self.features.values() for item in feature.nav()]

    # --- <head> ---------------------------------------------------------------------------
    def head_html(
        self, page: GeneratedPage | None, page_url: str, canonical_url: str | None,
        *, paper_meta: bool = True,
    ) -> str:
        """Everything added to a page's `<head>`: features' links, and for a paper page the
        Highwire Press meta tags and schema.org JSON-LD."""
        extra = "".join(f.head(page, page_url) for f in self.features.values())
        if page is None or page.kind != "paper" or page.feature or not paper_meta:
            return extra
        entry = self.catalog.entries[page.ref]
        lines = []
        for name, content in meta_export.highwire_meta(entry):
            lines.append(
                f'<meta name="{_attr(name)}" content="{_attr(content)}">'
            )
        data = meta_export.scholarly_article_jsonld(entry, canonical_url)
        lines.append(f'<script type="application/ld+json">{script_json(data)}</script>')
        return extra + "\n".join(lines) + "\n"


def _attr(text: str) -> str:
    return html.escape(text, quote=True)
