"""Where each generated page and download lives, and how pages link to each other.

The site layout is decided here once, so that the MkDocs plugin and the `generate` command agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalog.model import Catalog


@dataclass
class SiteLayout:
    """Source paths (as MkDocs `src_uri`) of everything the catalogue adds to a site.

    A category with subcategories is written as `<slug>/index.md` so that Material's
    `navigation.indexes` can make it the page of its nav section; a leaf is `<slug>.md`.
    Both get the URL `categories/<slug>/`.
    """

    papers: str = "papers"
    categories: str = "categories"
    tags: str = "tags"
    downloads: str = "cite"
    use_directory_urls: bool = True
    parent_slugs: frozenset = field(default_factory=frozenset)

    # --- source paths -------------------------------------------------------------------
    def paper_src(self, key: str) -> str:
        return f"{self.papers}/{key}.md"

    def category_src(self, slug: str) -> str:
        if slug in self.parent_slugs:
            return f"{self.categories}/{slug}/index.md"
        return f"{self.categories}/{slug}.md"

    def categories_index_src(self) -> str:
        return f"{self.categories}/index.md"

    def tag_src(self, tag: str) -> str:
        return f"{self.tags}/{tag}.md"

    def tags_index_src(self) -> str:
        return f"{self.tags}/index.md"

    def download_src(self, scope: str, name: str, ext: str) -> str:
        """`scope` is `all`, `categories`, `tags` or `papers`."""
        if scope == "all":
            return f"{self.downloads}/{name}.{ext}"
        return f"{self.downloads}/{scope}/{name}.{ext}"

    # --- URLs -----------------------------------------------------------------------------
    def url_of(self, src: str) -> str:
        """The site-relative URL MkDocs gives to `src` (mirrors MkDocs' own rule)."""
        if not src.endswith(".md"):
            return src
        stem = src[:-3]
        if not self.use_directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"


def layout_for(catalog: Catalog, **options) -> SiteLayout:
    """The layout of `catalog`'s site; `options` are SiteLayout's folders and URL style."""
    parents = frozenset(c.slug for c in catalog.all_categories() if c.children)
    return SiteLayout(parent_slugs=parents, **options)


def relative_url(target: str, source_page_url: str) -> str:
    """Link from the page at `source_page_url` to the site-relative `target` URL.

    Both are site-relative, as MkDocs writes `page.url`: `''` is the home page, `papers/x/` a page
    with directory URLs, `papers/x.html` one without. Called for every link of every generated
    page, so it splits strings instead of going through `posixpath.relpath`.
    """
    source_dir = source_page_url.split("/")[:-1]  # drops the file name, or the '' after a '/'
    parts = target.split("/")
    target_dir, leaf = parts[:-1], parts[-1]
    common = 0
    for a, b in zip(source_dir, target_dir, strict=False):
        if a != b:
            break
        common += 1
    up = len(source_dir) - common
    rest = target_dir[common:]
    path = "../" * up + "".join(f"{segment}/" for segment in rest) + leaf
    return path or "./"
