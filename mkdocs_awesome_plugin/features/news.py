"""What's new: the `/new/` page (the most recently added papers) and Atom feeds.

Feeds: `feeds/all.xml` for the whole list, `feeds/categories/<slug>.xml` for each category
(its subcategories included) and `feeds/tags/<tag>.xml` for each tag, each holding the newest
`FEED_SIZE` papers. Every page links the whole-list feed in its `<head>`; a category or tag
page links its own feed as well (`rel="alternate"`).
"""

from __future__ import annotations

import heapq
import posixpath
from itertools import groupby

from ..catalog.model import Entry
from ..exports import feed as atom
from ..render import charts
from ..render.pages import chrome_title
from ..render.site import relative_url
from .base import Feature, GeneratedPage

SRC = "new/index.md"
FEEDS_DIR = "feeds"
NEW_SIZE = 50
FEED_SIZE = 50

EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


class NewsFeature(Feature):
    name = "news"
    css = ("explore.css",)

    def __init__(self, ctx):
        super().__init__(ctx)
        self._heads: dict[tuple, str] = {}  # feed links of a page's <head>, by their (title, URL)

    # --- where things are ------------------------------------------------------------------
    @staticmethod
    def all_feed_src() -> str:
        return f"{FEEDS_DIR}/all.xml"

    @staticmethod
    def category_feed_src(slug: str) -> str:
        return f"{FEEDS_DIR}/categories/{slug}.xml"

    @staticmethod
    def tag_feed_src(tag: str) -> str:
        return f"{FEEDS_DIR}/tags/{tag}.xml"

    def _site_url(self) -> str | None:
        url = self.ctx.site_url
        if not url:
            return None
        return url if url.endswith("/") else url + "/"

    def _href(self, target_src: str, feed_src: str) -> str:
        """URL of a site file as written inside the feed at `feed_src`."""
        target = self.ctx.layout.url_of(target_src)
        site = self._site_url()
        if site:
            return site + target
        return relative_url(target, feed_src)

    # --- Feature hooks -----------------------------------------------------------------------
    def pages(self):
        yield GeneratedPage(SRC, "new", "", "What's new", True, feature=self.name)

    def nav(self) -> list[dict]:
        return [{chrome_title("What's new"): SRC}]

    def newest(self, entries=None, limit: int = NEW_SIZE) -> list[Entry]:
        """The first `limit` of `entries` (default: all) in `atom.newest_first` order: the
        catalogue is put in that order once, and each tag's or category's feed takes its
        papers' places in it (about a hundred feeds each sorting thousands of papers were
        half a second of a 10,000-paper build)."""
        catalog = self.ctx.catalog
        memo = getattr(self, "_order", None)
        if memo is None or memo[0] is not catalog:
            everything = atom.newest_first(catalog.entries.values())
            memo = self._order = (catalog, everything, {e.key: i for i, e in enumerate(everything)})
        _, everything, place = memo
        if entries is None:
            return everything[:limit]
        entries = list(entries)
        if any(e.key not in place for e in entries):
            return atom.newest_first(entries)[:limit]  # not this catalogue's entries
        return heapq.nsmallest(limit, entries, key=lambda e: place[e.key])

    def render(self, page: GeneratedPage, page_url: str) -> str:
        renderer = self.ctx.renderer
        catalog = self.ctx.catalog
        entries = self.newest()
        groups = [
            (charts.month_label(month), month, list(items))
            for month, items in groupby(entries, key=lambda e: e.added_or_date.iso[:7])
        ]
        feeds = [
            (c, relative_url(self.ctx.layout.url_of(self.category_feed_src(c.slug)), page_url))
            for c in catalog.all_categories()
        ]
        tag_feeds = [
            (tag, relative_url(self.ctx.layout.url_of(self.tag_feed_src(tag)), page_url))
            for tag in catalog.tags
        ]
        return renderer.render(
            "new.html", page_url, groups=groups, shown=len(entries),
            total=len(catalog.entries),
            feed_url=relative_url(self.ctx.layout.url_of(self.all_feed_src()), page_url),
            category_feeds=feeds, tag_feeds=tag_feeds,
        )

    def files(self):
        catalog = self.ctx.catalog
        layout = self.ctx.layout
        # Material (9.5+) fetches `sitemap.xml` next to the target of every
        # `<link rel="alternate">` on a page, to map pages between language versions. Next to
        # our feeds that would be a 404 on every page (and an error in the browser console),
        # so each feeds folder gets an empty sitemap.
        for folder in (FEEDS_DIR, f"{FEEDS_DIR}/categories", f"{FEEDS_DIR}/tags"):
            yield f"{folder}/sitemap.xml", EMPTY_SITEMAP
        yield self.all_feed_src(), self._feed(
            self.all_feed_src(), "New papers", "The papers added to the list most recently.",
            SRC, self.newest(limit=FEED_SIZE),
        )
        for category in catalog.all_categories():
            src = self.category_feed_src(category.slug)
            yield src, self._feed(
                src, f"New papers: {category.title}",
                category.description or f"The papers added to {category.title} most recently.",
                layout.category_src(category.slug),
                self.newest(catalog.entries_in_subtree(category), FEED_SIZE),
            )
        for tag, description in catalog.tags.items():
            src = self.tag_feed_src(tag)
            yield src, self._feed(
                src, f"New papers tagged {tag}",
                description or f"The papers tagged {tag} added most recently.",
                layout.tag_src(tag), self.newest(catalog.entries_with_tag(tag), FEED_SIZE),
            )

    def _feed(self, feed_src: str, title: str, subtitle: str, page_src: str, entries) -> bytes:
        """The feed's document; from the build's cache when the same papers made it before (the
        ~100 feeds of a list were a third of a `mkdocs serve` rebuild)."""
        entries = list(entries)
        layout = self.ctx.layout
        parts = (feed_src, title, subtitle, page_src, self._site_url() or "",
                 self.ctx.site_name or "", layout.url_of(page_src),
                 layout.url_of(layout.paper_src("k")))
        return self.ctx.remembered("feed", parts, entries, lambda: self._write_feed(
            feed_src, title, subtitle, page_src, entries))

    def _write_feed(self, feed_src: str, title: str, subtitle: str, page_src: str,
                    entries: list[Entry]) -> bytes:
        layout = self.ctx.layout
        site = self._site_url()
        site_name = self.ctx.site_name
        if site:
            feed_id = site + feed_src

            def id_for(entry: Entry) -> str:
                return site + layout.url_of(layout.paper_src(entry.key))
        else:
            feed_id = atom.key_urn("feed:" + posixpath.splitext(feed_src)[0])

            def id_for(entry: Entry) -> str:
                return atom.key_urn(entry.key)

        info = atom.FeedInfo(
            title=f"{site_name}: {title}" if site_name else title,
            subtitle=subtitle,
            feed_id=feed_id,
            self_href=self._href(feed_src, feed_src),
            alternate_href=self._href(page_src, feed_src),
            author=f"{site_name} contributors" if site_name else "The list's contributors",
        )
        return atom.atom_feed(
            info, entries,
            link_for=lambda e: self._href(layout.paper_src(e.key), feed_src),
            id_for=id_for,
        )

    def head(self, page: GeneratedPage | None, page_url: str) -> str:
        layout = self.ctx.layout
        links = [("New papers (Atom)", relative_url(layout.url_of(self.all_feed_src()), page_url))]
        if page is not None and page.kind == "category" and not page.feature:
            category = self.ctx.catalog.category(page.ref)
            if category is not None:
                links.append((
                    f"New papers: {category.title} (Atom)",
                    relative_url(layout.url_of(self.category_feed_src(category.slug)), page_url),
                ))
        if page is not None and page.kind == "tag" and not page.feature:
            if page.ref in self.ctx.catalog.tags:
                links.append((
                    f"New papers tagged {page.ref} (Atom)",
                    relative_url(layout.url_of(self.tag_feed_src(page.ref)), page_url),
                ))
        key = tuple(links)  # most pages differ only in their depth: render each set once
        html_text = self._heads.get(key)
        if html_text is None:
            template = self.ctx.renderer.env.get_template("head_feeds.html")
            html_text = self._heads[key] = template.render(links=links) + "\n"
        return html_text
