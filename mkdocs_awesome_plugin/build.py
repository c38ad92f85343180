"""One build of a catalogue: the pages and downloads it adds to a site. No MkDocs imports.

Used by the MkDocs plugin and by the `generate` command alike.

HTML reaches a page one way: through a marker, an HTML comment `<!-- awesome:NAME -->` that
Markdown passes through untouched and `fill` replaces in the finished HTML. A generated page's
Markdown is the single marker `<!-- awesome:page -->`; a site's own pages may hold `summary`,
`categories` and the features' markers (`chart`). Markdown therefore never parses entry text, and
a marker shown in a code block stays text (Markdown has escaped it).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urljoin

from .catalog.diskcache import DiskCache, cache_key
from .catalog.model import Catalog, Entry
from .catalog.problems import Problem
from .exports import bibtex as bibtex_export
from .exports import csl as csl_export
from .exports import meta as meta_export
from .exports import ris as ris_export
from .features.base import PAGE_MARKER, Feature, FeatureContext, GeneratedPage
from .render.nav import CatalogNav, NavCategory, merge_nav
from .render.pages import EditLinks, Renderer, chrome_title
from .render.site import SiteLayout, layout_for
from .render.toc import toc_tokens

MARKER_RE = re.compile(r"<!--\s*awesome:([a-z-]+)\s*-->")
_ABSENT = object()  # not read ahead (None: read, and not in the cache)


# a relative URL path that `urljoin` appends to a plain base unchanged: no scheme, query,
# fragment, leading "/" or "." segment
_PLAIN_PATH = re.compile(r"(?:[\w~-][\w.~-]*/)*(?:[\w~-][\w.~-]*)?")


@functools.lru_cache(maxsize=8)
def _appends(base: str) -> bool:
    return all(urljoin(base, probe) == base + probe for probe in ("a", "a/b/", "a.html"))


def site_join(base: str, url: str) -> str:
    """`urljoin(base, url)`, without parsing either when `url` is a plain relative path and
    `base` takes one by appending (what canonical URLs of our pages are: one per page)."""
    if _PLAIN_PATH.fullmatch(url) and _appends(base):
        return base + url
    return urljoin(base, url)


def entry_digest(entry: Entry) -> str:
    """A hash of everything about `entry` that its outputs are made from."""
    # repr covers every field shown (dataclass); the BibTeX override is left out of it
    h = hashlib.blake2b(digest_size=16)
    for part in (repr(entry), repr(entry.bibtex_override)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def problem_log(problems: Iterable[Problem]) -> Iterator[tuple[bool, str]]:
    """(is an error, line) to print in a build log: errors and warnings one per line; notes,
    lint's business (an imported list may have one per entry), counted in one line."""
    notes = 0
    for problem in problems:
        if problem.severity == "note":
            notes += 1
        else:
            yield problem.severity == "error", str(problem)
    if notes:
        yield False, f"{notes} notes; run `mkdocs-awesome lint` to see them"


_NOSEARCH, _NOSEARCH_END = "<!--aw:nosearch-->", "<!--/aw:nosearch-->"
_TAKEN = "<!--aw:taken:"


def split_search(html_text: str) -> tuple[str, list[str]]:
    """`html_text` with the parts our templates mark `<!--aw:nosearch-->` (listing rows, a paper
    page's citation and related sections) taken out, each replaced by a placeholder, and the
    parts taken; `join_search` puts them back. A part ends at the first `<!--/aw:nosearch-->`
    after its start (parts do not nest); a start without an end is left as it is.

    What a site search indexes of a page is the first value: Material's search parses each page's
    whole HTML in pure Python, and spent about a fifth of a 1,000-paper build on rows and sections
    it then skipped (`data-search-exclude`). The plugin hands it that view (see plugin.py).
    Found with `str.find`, not a regular expression: a lazy `.*?` steps through a listing of
    10,000 rows one character at a time (3 s of such a build, against 0.3 s).
    """
    start = html_text.find(_NOSEARCH)
    if start < 0:
        return html_text, []
    kept: list[str] = []
    taken: list[str] = []
    done = 0
    while start >= 0:
        end = html_text.find(_NOSEARCH_END, start + len(_NOSEARCH))
        if end < 0:
            break
        end += len(_NOSEARCH_END)
        kept.append(html_text[done:start])
        kept.append(f"{_TAKEN}{len(taken)}-->")
        taken.append(html_text[start:end])
        done = end
        start = html_text.find(_NOSEARCH, done)
    kept.append(html_text[done:])
    return "".join(kept), taken


def join_search(html_text: str, taken: list[str]) -> str:
    """The inverse of `split_search`, also after the search view was changed in between."""
    if not taken:
        return html_text
    pieces = html_text.split(_TAKEN)
    out = [pieces[0]]
    for piece in pieces[1:]:
        number, close, rest = piece.partition("-->")
        if close and number.isdigit() and int(number) < len(taken):
            out.append(taken[int(number)])
            out.append(rest)
        else:  # not one of ours
            out.append(_TAKEN)
            out.append(piece)
    return "".join(out)


_SEARCH_EXCLUDED = re.compile(
    r'<(h[2-6])(?=[\s>])|<(p)(?= class="aw-paper__(?:meta|buttons)")'
    r'|<(tr)(?=><th scope="row">[^<]*</th><td><a class="aw-url")'
)
_H1 = re.compile(r"<h1[\s>].*?</h1>\n?", re.S)


def search_lean(html_text: str) -> str:
    """A paper page's HTML giving one record in Material's search index, with what a reader
    searches for (title, authors, summary, venue, ids, categories, tags), not the BibTeX, the
    links or any later section (`data-search-exclude`, which Material strips after indexing).

    Material starts a record at each heading with an id and at the first element when it is
    not a heading: the title goes first, out of the page's `<div>`, so that the page is one.
    """
    title = _H1.search(html_text)
    if title is not None and html_text[: title.start()].lstrip().startswith("<div"):
        html_text = title.group(0) + html_text[: title.start()] + html_text[title.end():]
    html_text = _SEARCH_EXCLUDED.sub(
        lambda m: f'<{m.group(1) or m.group(2) or m.group(3)} data-search-exclude="true"', html_text
    )
    # a space between a label and its value and between tag links: the index joins them
    return html_text.replace("</th><td>", "</th> <td>").replace("</a><a ", "</a> <a ")


class CatalogBuild:
    """Everything generated from one loaded catalogue."""

    def __init__(
        self, catalog: Catalog, layout: SiteLayout, *, downloads: bool = True,
        authors_shown: int = 3, features: Iterable[type[Feature]] = (),
        site_url: str | None = None, site_name: str | None = None,
        template_overrides: str | Path | None = None, fragments: DiskCache | None = None,
        edit: EditLinks | None = None,
    ):
        self.catalog = catalog
        # rendered core pages on disk, by fingerprint (set by incremental.Rebuilds) and URL
        self.fragments = fragments
        self.fingerprints: dict[str, str] = {}
        self.layout = layout
        self.downloads_enabled = downloads
        self._bibtex: dict[str, str] = {}
        self._csl: dict[str, str] = {}
        self._ris: dict[str, str] = {}
        self._digests: dict[str, str] = {}  # entry_digest by key, for the cache keys
        self.renderer = Renderer(
            catalog, layout, bibtex_for=self.bibtex_for, downloads_enabled=downloads,
            authors_shown=authors_shown, template_overrides=template_overrides,
            # "suggest a fix" links on paper pages, when the site names its repository
            edit_links=edit, cached=self.cached if fragments is not None else None,
        )
        self.context = FeatureContext(
            catalog, layout, self.renderer, self.bibtex_for, downloads, site_url, site_name,
            cached=self.cached if fragments is not None else None,
        )
        self.features: dict[str, Feature] = {}
        for feature_class in features:
            feature = feature_class(self.context)
            self.features[feature.name] = feature
        self._markers: dict[str, Callable[[str], str]] = {
            "summary": self.renderer.summary_block,
            "categories": self.renderer.categories_block,
        }
        for feature in self.features.values():
            self._markers.update(feature.markers())
        self._pages: dict[str, GeneratedPage] = {}
        self._papers_in_order: tuple[dict[str, int], list[str]] | None = None
        self._ahead: dict[str, dict[tuple[str, str], object]] = {}  # read ahead, per kind
        self._last_asked: dict[str, int | None] = {}  # place of the last paper asked for
        self._head_features: list[Feature] | None = None
        for page in self._make_pages():
            self._pages[page.src] = page
        for feature in self.features.values():
            for page in feature.pages():
                self._pages[page.src] = page

    @classmethod
    def for_site(
        cls, catalog: Catalog, options, *, use_directory_urls: bool, features=(), **site,
    ) -> CatalogBuild:
        """The build of `catalog` for a site, from the plugin's options (`papers_dir`,
        `categories_dir`, `tags_dir`, `downloads_dir`, `downloads`, `authors_shown`); `site`:
        `site_url`, `site_name`, `template_overrides`."""
        folders = {
            name: options[f"{name}_dir"].strip("/")
            for name in ("papers", "categories", "tags", "downloads")
        }
        layout = layout_for(catalog, use_directory_urls=use_directory_urls, **folders)
        return cls(
            catalog, layout, downloads=options["downloads"],
            authors_shown=options["authors_shown"], features=features, **site,
        )

    # the features read these from their context, so a change after construction reaches them
    @property
    def site_url(self) -> str | None:
        return self.context.site_url

    @site_url.setter
    def site_url(self, value: str | None) -> None:
        self.context.site_url = value

    @property
    def site_name(self) -> str | None:
        return self.context.site_name

    @site_name.setter
    def site_name(self, value: str | None) -> None:
        self.context.site_name = value

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

    # --- reading cached paper pages and heads in batches ---------------------------------
    READ_AHEAD = 200  # paper pages whose cached values one query reads

    def _canonical(self, src: str) -> str:
        """A page's canonical URL as MkDocs makes it (`Page._set_canonical_url`), "" without
        a site_url."""
        base = self.site_url
        if not base:
            return ""
        return site_join(base if base.endswith("/") else base + "/", self.layout.url_of(src))

    @staticmethod
    def _key(kind: str, src: str, fingerprint: str, url: str) -> str:
        # "page": the page's HTML at `url` ("final": as the plugin hands it to MkDocs, with
        # its TOC); "head": its <head> tags for the canonical `url`
        if kind == "head":
            return cache_key("head", fingerprint, url)
        return cache_key(kind, fingerprint, src, url)

    def _cached_paper(self, kind: str, page: GeneratedPage, fingerprint: str, url: str) -> object:
        """The fragment cache's value for this paper page's `kind`, or None (`_key` says what
        each kind is; `_put_paper` stores one). A full build asks for the paper pages in the order
        this build listed them: once two come in a row, the values of the next `READ_AHEAD`
        are read in one query and then found by page and URL, without hashing a key. A dirty
        rebuild, which renders a few papers here and there, reads each on its own."""
        ahead = self._ahead.setdefault(kind, {})
        order, papers = self._paper_order()
        at = order.get(page.src)
        last, self._last_asked[kind] = self._last_asked.get(kind), at
        found = ahead.pop((page.src, url), _ABSENT)
        if found is not _ABSENT:
            return found
        key = self._key(kind, page.src, fingerprint, url)
        if at is None or last is None or at != last + 1:
            return self.fragments.get(key)
        ahead.clear()
        wanted = {key: (page.src, url)}
        for src in papers[at + 1 : at + 1 + self.READ_AHEAD]:
            if other := self.fingerprints.get(src):
                other_url = self._canonical(src) if kind == "head" else self.layout.url_of(src)
                wanted[self._key(kind, src, other, other_url)] = (src, other_url)
        values = self.fragments.get_many(list(wanted))
        ahead.update((place, values.get(k)) for k, place in wanted.items())
        return ahead.pop((page.src, url))

    def _put_paper(self, kind: str, page: GeneratedPage, fingerprint: str, url: str,
                   value: object) -> None:
        self.fragments.put(self._key(kind, page.src, fingerprint, url), value)

    def _paper_order(self) -> tuple[dict[str, int], list[str]]:
        if self._papers_in_order is None:
            papers = [p.src for p in self._pages.values() if p.kind == "paper" and not p.feature]
            self._papers_in_order = ({src: i for i, src in enumerate(papers)}, papers)
        return self._papers_in_order

    def render_page(self, page: GeneratedPage, page_url: str) -> str:
        """The finished HTML of a generated page, linking relative to `page_url`; from the
        fragment cache when the page's fingerprint is known (features' pages are not cached:
        they may depend on more than the entries, such as today's date)."""
        fingerprint = self.fingerprints.get(page.src) if not page.feature else None
        if fingerprint is None or self.fragments is None:
            return self._render_page(page, page_url)
        if page.kind == "paper":
            html_text = self._cached_paper("page", page, fingerprint, page_url)
        else:
            html_text = self.fragments.get(self._key("page", page.src, fingerprint, page_url))
            if isinstance(html_text, str):
                self._keep_rows(page)
        if not isinstance(html_text, str):
            html_text = self._render_page(page, page_url)
            self._put_paper("page", page, fingerprint, page_url, html_text)
        return html_text

    def _render_page(self, page: GeneratedPage, page_url: str) -> str:
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

    def generated_html(self, html_text: str, src: str, page_url: str) -> tuple[str, list[dict]]:
        """`page_html` of a generated page, and its table of contents (`toc_tokens`).

        A paper page whose Markdown gave only its marker (no other plugin added to it) is kept
        in the fragment cache in this finished form: a warm build then neither joins it nor
        reads its headings again (a second of a 10,000-paper build)."""
        page = self._pages.get(src)
        fingerprint = self.fingerprints.get(src) if page is not None else None
        if (fingerprint is None or self.fragments is None or page.kind != "paper"
                or page.feature or html_text.strip() != PAGE_MARKER.strip()):
            html_text = self.page_html(html_text, src, page_url)
            return html_text, toc_tokens(html_text)
        found = self._cached_paper("final", page, fingerprint, page_url)
        if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], bytes):
            return found[0].decode("utf-8"), found[1]
        html_text = self.page_html(html_text, src, page_url, cached_page=False)
        tokens = toc_tokens(html_text)
        # stored encoded: pickling the str itself would leave a UTF-8 copy attached to the page
        # MkDocs holds until the end of the build (CPython caches it): 40 MB at 10,000 papers
        stored = (html_text.encode("utf-8", "surrogatepass"), tokens)
        self._put_paper("final", page, fingerprint, page_url, stored)
        return html_text, tokens

    def page_html(self, html_text: str, src: str, page_url: str, *,
                  cached_page: bool = True) -> str:
        """`fill`, and a paper page made ready for a site search index (`search_lean`).
        `cached_page`: the generated page from the fragment cache (see `render_page`)."""
        # Material's search parser stops skipping an excluded element at the first closing tag
        # of the same name (its elements compare by tag): a listing's `data-search-exclude`
        # ends at a row's first `</div>`. Each row is excluded on its own too.
        # only what a search sees is marked (the rest is taken out of its view: split_search)
        html_text, taken = split_search(self.fill(html_text, src, page_url, cached_page))
        html_text = html_text.replace(
            '<article class="aw-paper"', '<article data-search-exclude="true" class="aw-paper"')
        page = self._pages.get(src)
        if page is not None and page.kind == "paper" and not page.feature:
            html_text = search_lean(html_text)
        return join_search(html_text, taken)

    def fill(self, html_text: str, src: str, page_url: str, cached_page: bool = True) -> str:
        """`html_text` (a page after Markdown) with its markers replaced by their HTML.

        `src` is the page's source path: for a generated page the `page` marker becomes the page.
        Unknown markers are left as they are (an HTML comment shows nothing).
        """
        if "<!--" not in html_text:
            return html_text
        page = self._pages.get(src)

        def replace(m: re.Match) -> str:
            name = m.group(1)
            if name == "page" and page is not None:
                if not cached_page:
                    return self._render_page(page, page_url)
                return self.render_page(page, page_url)
            produce = self._markers.get(name)
            return produce(page_url) if produce is not None else m.group(0)

        return MARKER_RE.sub(replace, html_text)

    def digest(self, entry: Entry) -> str:
        """`entry_digest(entry)`, worked out once per build (cache keys, fingerprints)."""
        if (digest := self._digests.get(entry.key)) is None:
            digest = self._digests[entry.key] = entry_digest(entry)
        return digest

    def cached(self, kind: str, parts: tuple[str, ...], entries: Iterable[Entry],
               produce: Callable[[], object]) -> object:
        """`produce()`, from the fragment cache when the same `parts` and the same entries (by
        content) made it before (features' files: the feeds)."""
        if self.fragments is None:
            return produce()
        key = self._value_key(kind, parts, entries)
        value = self.fragments.get(key)
        if value is None:
            value = produce()
            self.fragments.put(key, value)
        return value

    def _value_key(self, kind: str, parts: tuple[str, ...], entries: Iterable[Entry]) -> str:
        return cache_key(kind, *parts, *(self.digest(e) for e in entries))

    def _keep_rows(self, page: GeneratedPage) -> None:
        """When a build prunes its cache (`cache_prune`), the rows of a listing page that came
        whole from the cache are kept: the next edit to one of its papers draws them again."""
        stamp = self.renderer.rows_stamp
        if self.fragments is None or not self.fragments.tracking or not stamp:
            return
        if page.kind == "category" and (category := self.catalog.category(page.ref)):
            listed = self.catalog.entries_in_subtree(category)
        elif page.kind == "tag":
            listed = self.catalog.entries_with_tag(page.ref)
        else:
            return
        self.fragments.keep(self._value_key("row", (stamp,), (e,)) for e in listed)

    def release(self) -> None:
        """Forget what only making pages and downloads needed (each entry's citations, listing
        rows, related papers): MkDocs has them all once it writes pages. Anything asked for
        later is made again (or read from the cache)."""
        for memo in (self._bibtex, self._csl, self._ris):
            memo.clear()
        for kind in ("page", "final"):
            self._ahead.pop(kind, None)  # pages read ahead and not asked for
        self.renderer.release()

    # --- citations ----------------------------------------------------------------------
    def _piece(self, memo: dict[str, str], form: str, entry: Entry,
               make: Callable[[Entry], str]) -> str:
        """One entry's citation in one format: made once per build, and kept in the fragment
        cache between builds by a hash of the entry (a warm build converts no entry)."""
        text = memo.get(entry.key)
        if text is None:
            key = cache_key(form, self.digest(entry)) if self.fragments is not None else ""
            text = self.fragments.get(key) if key else None
            if not isinstance(text, str):
                text = make(entry)
                if key:
                    self.fragments.put(key, text)
            memo[entry.key] = text
        return text

    def _read_pieces(self, memo: dict[str, str], form: str, entries: list[Entry]) -> None:
        """Put in `memo` the cached pieces of `entries` it lacks, read in batches (a file of
        many papers asks for all of theirs at once)."""
        if self.fragments is None or len(entries) < 2 or len(memo) >= len(self.catalog.entries):
            return  # (the last: the whole list's file read them all)
        wanted = {cache_key(form, self.digest(e)): e.key for e in entries if e.key not in memo}
        if wanted:
            for key, text in self.fragments.get_many(list(wanted)).items():
                if isinstance(text, str):
                    memo[wanted[key]] = text

    def bibtex_for(self, entry: Entry) -> str:
        return self._piece(self._bibtex, "bibtex", entry,
                           lambda e: bibtex_export.entry_to_bibtex(e).strip() + "\n")

    def _bib_file(self, entries: list[Entry]) -> str:
        self._read_pieces(self._bibtex, "bibtex", entries)
        return "\n".join(self.bibtex_for(e) for e in entries)

    def _csl_item(self, entry: Entry) -> str:
        # one item as it stands inside the file's JSON array (indented by two spaces)
        def make(e: Entry) -> str:
            item = json.dumps(csl_export.entry_to_csl(e), ensure_ascii=False, indent=2)
            return "  " + item.replace("\n", "\n  ")

        return self._piece(self._csl, "csl", entry, make)

    def _csl_file(self, entries: list[Entry]) -> str:
        """Byte for byte what `catalog_to_csl_json` writes, from items converted once."""
        if not entries:
            return "[]\n"
        self._read_pieces(self._csl, "csl", entries)
        return "[\n" + ",\n".join(self._csl_item(e) for e in entries) + "\n]\n"

    def _ris_record(self, entry: Entry) -> str:
        return self._piece(self._ris, "ris", entry, ris_export.entry_to_ris)

    def _ris_file(self, entries: list[Entry]) -> str:
        self._read_pieces(self._ris, "ris", entries)
        return "\n".join(self._ris_record(e) for e in entries)

    def _files_for(self, scope: str, name: str, entries: list[Entry]):
        # A paper appears in the whole list, its categories and tags and its own files: each
        # entry is converted once per format and the files are joined from those pieces, when
        # they are written (see `download_producers`).
        src = self.layout.download_src
        yield src(scope, name, "bib"), lambda: self._bib_file(entries)
        yield src(scope, name, "json"), lambda: self._csl_file(entries)
        yield src(scope, name, "ris"), lambda: self._ris_file(entries)

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

    def nav(
        self, *, categories_title: str = "Categories", tags_title: str = "Tags",
        show_counts: bool = True,
    ) -> CatalogNav:
        """What the catalogue adds to the site's nav (merged by `render.nav.merge_nav`)."""
        counts = self.renderer.subtree_counts()
        layout = self.layout

        def node(category) -> NavCategory:
            return NavCategory(
                chrome_title(category.title), layout.category_src(category.slug),
                counts[category.slug], tuple(node(c) for c in category.children),
            )

        return CatalogNav(
            categories_title=chrome_title(categories_title),
            categories_index=layout.categories_index_src(),
            categories=tuple(node(c) for c in self.catalog.categories),
            tags_title=chrome_title(tags_title),
            tags_index=layout.tags_index_src(),
            features=tuple(self.feature_nav()),
            show_counts=show_counts,
        )

    def site_nav(self, nav: list, options) -> list:
        """The site's `nav` with the catalogue's merged in, per the plugin's `options`
        (`nav_categories_title`, `nav_tags_title`, `nav_counts`)."""
        return merge_nav(nav, self.nav(
            categories_title=options["nav_categories_title"],
            tags_title=options["nav_tags_title"], show_counts=options["nav_counts"],
        ))

    # --- <head> ---------------------------------------------------------------------------
    def head_html(
        self, page: GeneratedPage | None, page_url: str, canonical_url: str | None,
        *, paper_meta: bool = True,
    ) -> str:
        """Everything added to a page's `<head>`: features' links, and for a paper page the
        Highwire Press meta tags and schema.org JSON-LD."""
        extra = "".join(f.head(page, page_url) for f in self._heads)
        if page is None or page.kind != "paper" or page.feature or not paper_meta:
            return extra
        # from the fragment cache, like the page itself: 1.7 s of 10,000 papers' build
        fingerprint = self.fingerprints.get(page.src)
        cached = fingerprint and self.fragments is not None
        canonical = canonical_url or ""
        head = self._cached_paper("head", page, fingerprint, canonical) if cached else None
        if not isinstance(head, str):
            entry = self.catalog.entries[page.ref]
            head = self.renderer.env.get_template("head_citation.html").render(
                meta=meta_export.highwire_meta(entry),
                jsonld=meta_export.scholarly_article_jsonld(entry, canonical_url),
            )
            if cached:
                self._put_paper("head", page, fingerprint, canonical, head)
        return extra + head + "\n"

    @property
    def _heads(self) -> list[Feature]:
        """The features that add to `<head>` (the others would add "" to every page)."""
        if self._head_features is None:
            self._head_features = [
                f for f in self.features.values() if type(f).head is not Feature.head]
        return self._head_features
