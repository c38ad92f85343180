"""The explorer (`/explore/`): every paper in one list, filtered and sorted in the browser.

The build writes `explore/papers.json` (the papers, compact, newest first, plus the category tree
and the tag list); `assets/explore.js` loads it and draws the rows with `createElement` and
`textContent` only. Without JavaScript the page shows a notice linking to the category and tag
pages, which need none.

BibTeX export does not ship BibTeX in the JSON: it would double the file every visitor loads
(at 10,000 synthetic papers: 4.2 MB of JSON, and 4.2 MB more of BibTeX; see
benchmarks/results/explorer.md) for a button few press.
The script fetches the whole-list `cite/all.bib` when the button is pressed and picks the
selected entries by key. When the site's downloads are switched off, the explorer writes its own
copy next to the JSON instead.
"""

from __future__ import annotations

import json
from collections import Counter

from ..catalog.links import arxiv_url
from ..catalog.model import Entry
from ..catalog.names import display_name
from ..catalog.text import one_line
from ..exports import venue_kind
from ..exports.coins import CTX_VER, FORMS
from ..render.pages import chrome_title
from ..render.site import relative_url
from .base import Feature, GeneratedPage
from .news import NewsFeature

SRC = "explore/index.md"
DATA_SRC = "explore/papers.json"
OWN_BIB_SRC = "explore/papers.bib"


KIND_CODES = {"proceedings": "p", "journal": "j", "preprint": "x", "other": "o"}


def paper_record(entry: Entry) -> dict:
    """One paper as the explorer needs it; empty fields are left out to keep the file small."""
    record: dict = {
        "k": entry.key,
        "t": entry.title,
        "a": entry.authors,
        "d": entry.date.iso,
        "cat": entry.categories,
        "tg": entry.tags,
    }
    if entry.et_al:
        record["e"] = 1  # the author list is incomplete
    if entry.venue:
        record["v"] = entry.venue
    if entry.has_code:
        record["c"] = entry.links["code"]
    if entry.arxiv:
        record["x"] = entry.arxiv
    if entry.summary:
        record["s"] = entry.summary
    # what the row's COinS needs beyond the above (assets/explore/coins.js, exports/coins.py):
    # the kind of venue, the DOI, and the text as COinS writes it where it differs (rarely)
    kind = KIND_CODES[venue_kind(entry)]
    if kind != "o":
        record["f"] = kind
    if entry.doi:
        record["i"] = entry.doi
    if one_line(entry.title) != entry.title:
        record["zt"] = one_line(entry.title)
    if entry.venue and one_line(entry.venue) != entry.venue:
        record["zv"] = one_line(entry.venue)
    names = [display_name(a) for a in entry.authors]
    if names != entry.authors:
        record["za"] = names
    return record


class ExploreFeature(Feature):
    name = "explore"
    css = ("explore.css",)
    # classic scripts, in load order: each adds its part to one namespace (see explore.js)
    js = (
        "explore/text.js", "explore/data.js", "explore/state.js", "explore/match.js",
        "explore/export.js", "explore/coins.js", "explore/render.js", "explore/clipboard.js",
        "explore.js",
    )

    def pages(self):
        yield GeneratedPage(SRC, "explore", "", "Explore", True, feature=self.name)

    def nav(self) -> list[dict]:
        return [{chrome_title("Explore"): SRC}]

    def bib_src(self) -> str:
        if self.ctx.downloads_enabled:
            return self.ctx.layout.download_src("all", "all", "bib")
        return OWN_BIB_SRC

    def data(self) -> dict:
        """The content of `explore/papers.json`. URLs in it are relative to the site root."""
        build = self.ctx
        layout = build.layout
        catalog = build.catalog
        marker = "\x00"  # never in a key: keys are [a-z0-9]+
        prefix, suffix = layout.url_of(layout.paper_src(marker)).split(marker)
        subtree = build.renderer.subtree_counts()
        tag_counts = Counter(tag for e in catalog.entries.values() for tag in e.tags)
        return {
            "version": 1,
            "authors_shown": build.renderer.authors_shown,
            "paper_url": [prefix, suffix],
            "arxiv_url": arxiv_url(""),
            "categories": [
                {
                    "slug": c.slug,
                    "title": c.title,
                    "parent": c.parent.slug if c.parent else "",
                    "depth": c.depth,
                    "url": layout.url_of(layout.category_src(c.slug)),
                    "n": subtree[c.slug],
                }
                for c in catalog.all_categories()
            ],
            "tags": [
                {"tag": tag, "url": layout.url_of(layout.tag_src(tag)), "n": tag_counts.get(tag, 0)}
                for tag in catalog.tags
            ],
            "papers": self._papers(catalog.sorted_entries()),
            "feeds": self.feeds(),
            "coins": {
                "ctx_ver": CTX_VER,
                "forms": {KIND_CODES[kind]: list(form) for kind, form in FORMS.items()},
            },
        }

    def _papers(self, entries: list[Entry]) -> list[dict]:
        """`paper_record` of each entry; from the build's cache while the entries are the same
        (10,000 records are half a second of a build)."""
        return self.ctx.remembered("explore-papers", (), entries,
                                   lambda: [paper_record(e) for e in entries])

    def feeds(self) -> dict:
        """[prefix, suffix] of the tag and category feed URLs (site-relative), which the news
        feature writes (it is built with this one, features/__init__.py); the explorer links
        the feeds of the tags and category chosen."""
        build = self.ctx
        marker = "\x00"
        layout = build.layout
        tag = layout.url_of(NewsFeature.tag_feed_src(marker)).split(marker)
        cat = layout.url_of(NewsFeature.category_feed_src(marker)).split(marker)
        return {"tag": tag, "cat": cat}

    def files(self):
        text = json.dumps(self.data(), ensure_ascii=False, separators=(",", ":"))
        yield DATA_SRC, text
        if not self.ctx.downloads_enabled:
            entries = self.ctx.catalog.sorted_entries()
            yield OWN_BIB_SRC, self.ctx.remembered(
                "explore-bib", (), entries,
                lambda: "\n".join(self.ctx.bibtex_for(e) for e in entries))

    def render(self, page: GeneratedPage, page_url: str) -> str:
        build = self.ctx
        layout = build.layout

        def to(src: str) -> str:
            return relative_url(layout.url_of(src), page_url)

        return build.renderer.env.get_template("explore.html").render(
            ctx=build.renderer.context(page_url),
            total=len(build.catalog.entries),
            data_url=to(DATA_SRC),
            bib_url=to(self.bib_src()),
            root_url=relative_url("", page_url),
            downloads=build.downloads_enabled,
        )
