"""Catalogue models -> page HTML, through autoescaping Jinja templates (render/environment.py).

Pages are rendered to finished HTML, so MkDocs does not have to parse Markdown that we already hold
as data, and entry text meets exactly one escaping context: HTML, handled by Jinja's autoescape.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin, urlsplit

from markupsafe import Markup

from ..catalog.links import arxiv_url, doi_url
from ..catalog.model import LINK_KINDS, Catalog, Category, Entry
from ..exports.coins import coins_title
from .environment import template_env
from .related import Related, from_keys, related_index, related_inputs, related_keys
from .site import SiteLayout, relative_url

LINK_LABELS = {"paper": "Paper", "code": "Code", "project": "Project page", "demo": "Demo", "data": "Data"}
DOWNLOAD_FORMATS = (("bib", "BibTeX"), ("json", "CSL-JSON"), ("ris", "RIS"))


def chrome_title(text: str) -> str:
    """Entry text made safe for the places MkDocs and Material print titles unescaped.

    Material prints `page.meta.title` and nav titles raw into HTML (header, nav, `<title>`), so we
    hand them HTML-escaped text; it then shows literally.
    """
    return html.escape(text, quote=True)


def short_authors(authors: list[str], limit: int = 3, et_al: bool = False) -> str:
    """`A, B and C`, or `A, B, C et al.` when there are more than `limit` names (or the list
    is known to be incomplete)."""
    if not authors:
        return ""
    if et_al and len(authors) <= limit:
        return ", ".join(authors) + " et al."
    if len(authors) <= limit:
        if len(authors) == 1:
            return authors[0]
        return ", ".join(authors[:-1]) + " and " + authors[-1]
    return ", ".join(authors[:limit]) + " et al."


@dataclass(frozen=True)
class EditLinks:
    """Where a paper's entry file can be edited, and where a problem with it can be reported.

    Built from MkDocs' `repo_url` and `edit_uri`, which point at the docs folder in the
    repository: the entry file's path relative to the docs folder is resolved against that URL,
    the way MkDocs itself makes a page's "edit" link.
    """

    repo_url: str
    docs_url: str | None  # the docs folder's edit URL; None when edit_uri is not a path
    entries_from_docs: str  # the entries folder relative to the docs folder ("../entries")
    entries_shown: str  # the entries folder relative to the docs folder's parent ("entries")
    github: bool

    @classmethod
    def for_site(
        cls, repo_url: str | None, edit_uri: str | None, docs_dir: str | os.PathLike | None,
        entries_dir: str | os.PathLike | None,
    ) -> EditLinks | None:
        """The links for a site, or None when `repo_url` is not set."""
        if not repo_url or docs_dir is None or entries_dir is None:
            return None
        scheme = urlsplit(repo_url).scheme.lower()
        if scheme not in ("http", "https"):
            return None
        base = repo_url if repo_url.endswith("/") else repo_url + "/"
        docs_url = None
        # an edit_uri that is a query or fragment (`?path=`) cannot take a path outside docs/
        if edit_uri and not edit_uri.startswith(("?", "#")):
            docs_url = urljoin(base, edit_uri if edit_uri.endswith("/") else edit_uri + "/")
        docs = Path(docs_dir).resolve()
        rel = Path(os.path.relpath(Path(entries_dir).resolve(), docs)).as_posix()
        return cls(
            repo_url=base.rstrip("/"),
            docs_url=docs_url,
            entries_from_docs=rel,
            entries_shown=posixpath.normpath(f"{docs.name}/{rel}"),
            github=urlsplit(repo_url).netloc.lower() in ("github.com", "www.github.com"),
        )

    def edit_url(self, entry: Entry) -> str | None:
        """The host's editor for `entries/papers/<key>.yaml`."""
        if self.docs_url is None:
            return None
        return urljoin(self.docs_url, f"{self.entries_from_docs}/papers/{quote(entry.key)}.yaml")

    def entry_path(self, entry: Entry) -> str:
        """The entry file's path as named to the reader: relative to the folder holding the
        docs folder (where mkdocs.yml usually sits, at the repository's root)."""
        return f"{self.entries_shown}/papers/{entry.key}.yaml"

    def issue_url(self, entry: Entry) -> str | None:
        """A new GitHub issue naming the entry, its title and body filled in; None elsewhere."""
        if not self.github:
            return None
        title = f"Problem with entry {entry.key}"
        body = (
            f"Entry: `{entry.key}` ({self.entry_path(entry)})\n"
            f"Title: {entry.title}\n\n"
            "What is wrong, and what should it be (with a source, if you have one)?\n"
        )
        return f"{self.repo_url}/issues/new?" + urlencode({"title": title, "body": body})


def edit_links(site_config: Mapping, entries_dir: str | os.PathLike | None) -> EditLinks | None:
    """The "suggest a fix" links of a site from its MkDocs config (`repo_url`, `edit_uri` and
    `docs_dir`, read as a mapping: the core does not import MkDocs), or None without a repo."""
    return EditLinks.for_site(
        site_config.get("repo_url"), site_config.get("edit_uri"), site_config.get("docs_dir"),
        entries_dir,
    )


class PageContext:
    """What a template needs to link from one page to the rest of the catalogue."""

    def __init__(
        self,
        page_url: str,
        layout: SiteLayout,
        catalog: Catalog,
        bibtex_for: Callable[[Entry], str] | None,
        downloads_enabled: bool,
        authors_shown: int,
        row: Callable[[Entry], str] | None = None,
    ):
        self._row = row
        self.page_url = page_url
        self.layout = layout
        self.catalog = catalog
        self.bibtex_for = bibtex_for
        self.downloads_enabled = downloads_enabled
        self.download_formats = DOWNLOAD_FORMATS
        self.authors_shown = authors_shown
        self._titles = {c.slug: c.title for c in catalog.all_categories()}

    def _to(self, src: str) -> str:
        return relative_url(self.layout.url_of(src), self.page_url)

    def row(self, entry: Entry) -> Markup:
        """The entry's listing row (the `paper_row` macro), rendered once per build and linked
        from this page when the page is finished (see `Renderer.row_html`)."""
        assert self._row is not None
        return Markup(self._row(entry))

    def paper_url(self, key: str) -> str:
        return self._to(self.layout.paper_src(key))

    def category_url(self, slug: str) -> str:
        return self._to(self.layout.category_src(slug))

    def category_title(self, slug: str) -> str:
        return self._titles.get(slug, slug)

    def tag_url(self, tag: str) -> str:
        return self._to(self.layout.tag_src(tag))

    def tags_index_url(self) -> str:
        return self._to(self.layout.tags_index_src())

    def categories_index_url(self) -> str:
        return self._to(self.layout.categories_index_src())

    def download_url(self, scope: str, name: str, ext: str) -> str:
        return self._to(self.layout.download_src(scope, name, ext))

    def short_authors(self, entry: Entry) -> str:
        return short_authors(entry.authors, self.authors_shown, entry.et_al)

    @staticmethod
    def arxiv_url(arxiv_id: str) -> str:
        return arxiv_url(arxiv_id)

    @staticmethod
    def doi_url(doi: str) -> str:
        return doi_url(doi)


# A link in a listing row is written as the target's site URL between these two characters, and
# made relative to the page that shows the row when that page is finished (`_relative_links`).
# Entry text never holds control characters (catalog/parse.py refuses them).
_FROM_ROOT, _END = "\x1e", "\x1f"
# rows kept at once (a row with its BibTeX is ~3 KB; 1,024 of them: 8 MB less at the peak of a
# 10,000-paper build than 4,096); the others come from the build cache
ROWS_KEPT = 1024
_ROOTED = re.compile("\x1e([^\x1e\x1f]*)\x1f")


class _RootContext(PageContext):
    """A context whose links are site URLs marked for `_relative_links`: what a listing row is
    rendered with, so that one rendering serves every page that lists the entry."""

    def _to(self, src: str) -> str:
        return _FROM_ROOT + self.layout.url_of(src) + _END


def _relative_links(html_text: str, page_url: str) -> str:
    if _FROM_ROOT not in html_text:
        return html_text
    return _ROOTED.sub(lambda m: relative_url(m.group(1), page_url), html_text)


class Renderer:
    """Renders every generated page of a catalogue. One instance per build."""

    def __init__(
        self,
        catalog: Catalog,
        layout: SiteLayout,
        *,
        bibtex_for: Callable[[Entry], str] | None = None,
        downloads_enabled: bool = True,
        authors_shown: int = 3,
        template_overrides: str | Path | None = None,
        edit_links: EditLinks | None = None,
        cached: Callable | None = None,
    ):
        self.cached = cached  # CatalogBuild.cached: values kept between builds
        self.rows_stamp = ""  # the options and templates the rows are drawn with (row_html)
        self.catalog = catalog
        self.edit_links = edit_links
        self.layout = layout
        self.bibtex_for = bibtex_for
        self.downloads_enabled = downloads_enabled
        self.authors_shown = authors_shown
        self.env = template_env(template_overrides)
        self.env.globals["ctx_link_kinds"] = LINK_KINDS
        self.env.globals["link_labels"] = LINK_LABELS
        # the `title` of a listing row's COinS span (exports/coins.py); an entry is listed on
        # several pages (its categories, their parents, its tags, What's new), so it is built once
        self._coins: dict[str, str] = {}
        self.env.globals["coins"] = self.coins
        self._subtree_counts: dict[str, int] | None = None
        self._related: dict[str, Related] | None = None
        self._related_keys: dict[str, tuple[list[str], ...]] | None = None  # from the cache
        # listing rows by entry key: an entry is listed on its categories' pages, their
        # parents', its tags' and What's new, so each row is rendered once (`row_html`)
        self._rows: dict[str, str] = {}
        self._root: _RootContext | None = None

    def release(self) -> None:
        """Forget the rows, COinS and related papers kept for making pages (see
        `CatalogBuild.release`)."""
        self._rows.clear()
        self._coins.clear()
        self._related = self._related_keys = None

    def row_html(self, entry: Entry) -> str:
        """The entry's listing row (`paper_row` in `_macros.html`, which a site may override),
        with its links marked to be made relative by the page that shows it."""
        text = self._rows.get(entry.key)
        if text is None:
            if len(self._rows) >= ROWS_KEPT:  # the oldest go: listings are drawn in order
                del self._rows[next(iter(self._rows))]
            if self._root is None:
                self._root = _RootContext("", self.layout, self.catalog, self.bibtex_for,
                                          self.downloads_enabled, self.authors_shown)

            def render() -> str:
                return self.env.get_template("_row.html").render(entry=entry, ctx=self._root)

            # between builds too, once the build knows its settings and templates (`rows_stamp`,
            # set by incremental.Rebuilds): a `mkdocs serve` rebuild after one edit draws every
            # row of the listings holding that entry, hundreds at 1,000 papers
            if self.cached is not None and self.rows_stamp:
                # kept encoded (see CatalogBuild.generated_html: pickling a str leaves a UTF-8
                # copy attached to it, and these rows stay in memory)
                stored = self.cached("row", (self.rows_stamp,), (entry,),
                                     lambda: render().encode("utf-8", "surrogatepass"))
                text = stored.decode("utf-8", "surrogatepass") if isinstance(stored, bytes) \
                    else render()
            else:
                text = render()
            self._rows[entry.key] = text
        return text

    def coins(self, entry: Entry) -> str:
        """The entry's COinS query string, built once per build."""
        value = self._coins.get(entry.key)
        if value is None:
            value = self._coins[entry.key] = coins_title(entry)
        return value

    def context(self, page_url: str) -> PageContext:
        return PageContext(
            page_url, self.layout, self.catalog, self.bibtex_for, self.downloads_enabled,
            self.authors_shown, row=self.row_html,
        )

    def render(self, name: str, page_url: str, **values) -> str:
        """The template `name` rendered for the page at `page_url` (`ctx` links from there)."""
        html_text = self.env.get_template(name).render(ctx=self.context(page_url), **values)
        return _relative_links(html_text, page_url)

    def subtree_counts(self) -> dict[str, int]:
        """Distinct papers in each category including its descendants."""
        if self._subtree_counts is None:
            self._subtree_counts = {
                c.slug: len(self.catalog.entries_in_subtree(c)) for c in self.catalog.all_categories()
            }
        return self._subtree_counts

    def related(self, entry: Entry) -> Related:
        """The paper's related papers; the whole index is worked out on the first call, or read
        from the build's cache (`cached`) when the entries' tags, categories, supersedes and
        dates are what they were: at 10,000 papers the index took several seconds per build."""
        if self._related is None:
            if self.cached is None:
                self._related = related_index(self.catalog)
            else:
                self._related = from_keys(self._keys(), self.catalog)
        return self._related.get(entry.key) or Related()

    def _keys(self) -> dict[str, tuple[list[str], ...]]:
        assert self.cached is not None
        if self._related_keys is None:
            self._related_keys = self.cached("related", related_inputs(self.catalog), (),
                                             lambda: related_keys(self.catalog))
        return self._related_keys

    def related_to(self, entry: Entry) -> set[str]:
        """The keys of the papers shown as related on `entry`'s page (its fingerprint covers
        them): from the cached index's keys, when a warm build renders no paper page."""
        if self._related is None and self.cached is not None:
            return {key for part in self._keys().get(entry.key, ()) for key in part}
        related = self.related(entry)
        return {e.key for e in (*related.similar, *related.supersedes, *related.superseded_by)}

    def paper_page(self, entry: Entry, page_url: str) -> str:
        bibtex = self.bibtex_for(entry) if self.bibtex_for else None
        links = self.edit_links
        return self.render(
            "paper.html", page_url, entry=entry, bibtex=bibtex, related=self.related(entry),
            edit_url=links.edit_url(entry) if links else None,
            issue_url=links.issue_url(entry) if links else None,
            entry_path=links.entry_path(entry) if links else None,
        )

    def category_page(self, category: Category, page_url: str) -> str:
        counts = self.subtree_counts()
        direct = self.catalog.entries_in_category(category.slug)
        entries = self.catalog.entries_in_subtree(category)
        children = [(child, counts[child.slug]) for child in category.children]
        child_entries = {
            child.slug: self.catalog.entries_in_subtree(child) for child in category.children
        }
        return self.render(
            "category.html", page_url, category=category, entries=entries, direct=direct,
            children=children, child_entries=child_entries,
        )

    def tag_page(self, tag: str, page_url: str) -> str:
        return self.render(
            "tag.html", page_url, tag=tag, description=self.catalog.tags.get(tag, ""),
            entries=self.catalog.entries_with_tag(tag),
        )

    def tag_counts(self) -> list[tuple[str, str, int]]:
        counts = dict.fromkeys(self.catalog.tags, 0)
        for entry in self.catalog.entries.values():
            for tag in entry.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return [(tag, self.catalog.tags.get(tag, ""), counts[tag]) for tag in self.catalog.tags]

    def tags_index_page(self, page_url: str) -> str:
        return self.render(
            "tags_index.html", page_url, tags=self.tag_counts(), total=len(self.catalog.entries)
        )

    def categories_index_page(self, page_url: str) -> str:
        return self._categories("categories_index.html", page_url)

    def categories_block(self, page_url: str) -> str:
        """The category tree for the `<!-- awesome:categories -->` marker of a site's own page."""
        return self._categories("categories_block.html", page_url)

    def _categories(self, template: str, page_url: str) -> str:
        return self.render(
            template, page_url, categories=self.catalog.categories,
            counts=self.subtree_counts(), total=len(self.catalog.entries),
            ncategories=len(self.catalog.all_categories()),
        )

    def summary_block(self, page_url: str) -> str:
        """Counts and the whole-list downloads, for the `<!-- awesome:summary -->` marker."""
        entries = self.catalog.entries.values()
        return self.render(
            "summary.html", page_url, total=len(self.catalog.entries),
            ncategories=len(self.catalog.all_categories()), ntags=len(self.catalog.tags),
            with_code=sum(1 for e in entries if e.has_code),
        )
