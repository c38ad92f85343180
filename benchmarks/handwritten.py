"""The baseline for the build benchmarks: the plugin's site written by hand as plain Markdown.

    python benchmarks/handwritten.py ENTRIES_DIR OUT

reads a catalogue (normally one written by `synth.py`) and writes OUT/mkdocs.yml and OUT/docs/, a
project that uses no plugin of ours, only Material and `search`, with the same theme setup and
the same pages and nav shape as the plugin's site:

- `index.md`: the home page with the summary line, the download links and the category tree;
- `categories/index.md`, `categories/<parent>/index.md`, `categories/<leaf>.md`: the category
  pages, in the nav, nested as the plugin nests them, with the same paper counts in the titles;
  a parent page lists its subcategories, then one `##` section per subcategory;
- `tags/index.md` in the nav (a table of tag, count and description), `tags/<tag>.md` out of it;
- `papers/<key>.md` out of the nav, with the same fields as the plugin's paper page: title,
  venue / code / arXiv, all authors, summary, link buttons, a table of fields (released, added,
  venue, arXiv, DOI, categories, tags, every link, citation key) and a fenced `bibtex` block;
- every row of a listing shows the date, the title linked to the paper page, the first authors,
  the venue, code and arXiv badges, the tags (linked) and the links.

Pages out of the nav are declared with MkDocs 1.6 `not_in_nav`. Links are ordinary Markdown links
to `.md` files, which MkDocs resolves and validates as it does for any hand-written site.

Like-for-like output: the citation downloads (cite/all.*, cite/{categories,tags,papers}/*.{bib,
json,ris}) are written as static files in docs/, byte-identical to the plugin's (they are made
with the package's exporters here, once, outside the timed build). What a hand-written Markdown
site does not have: the per-row "cite" button (the plugin puts each entry's BibTeX in a
`data-clipboard-text` attribute of every row), the Highwire/JSON-LD metadata in paper pages'
<head>, and the plugin's small stylesheet. The `bibtex` fence is highlighted by Pygments (that is
what `pymdownx.highlight` does with a fenced block); the plugin writes its BibTeX block unhighlighted.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

import yaml

from mkdocs_awesome_plugin.build import CatalogBuild
from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.catalog.links import arxiv_url, doi_url
from mkdocs_awesome_plugin.catalog.model import LINK_KINDS, Catalog, Category, Entry
from mkdocs_awesome_plugin.render.pages import LINK_LABELS, chrome_title, short_authors
from mkdocs_awesome_plugin.render.site import SiteLayout

try:  # run as a script or imported with benchmarks/ on sys.path
    from synth import THEME_YAML
except ImportError:  # pragma: no cover
    from .synth import THEME_YAML

DOWNLOAD_FORMATS = (("bib", "BibTeX"), ("json", "CSL-JSON"), ("ris", "RIS"))
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md(text: str) -> str:
    """Entry text as literal Markdown text."""
    return text.translate(_MD_SPECIAL)


class Writer:
    def __init__(self, catalog: Catalog, layout: SiteLayout):
        self.catalog = catalog
        self.layout = layout
        self.build = CatalogBuild(catalog, layout)
        self.titles = {c.slug: c.title for c in catalog.all_categories()}
        self.counts = {c.slug: len(catalog.entries_in_subtree(c)) for c in catalog.all_categories()}

    # a link from the page at `src` to the file `target` (both docs-relative)
    @staticmethod
    def rel(target: str, src: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(src) or ".")

    def downloads(self, src: str, scope: str, name: str, label: str) -> str:
        links = " · ".join(
            f"[{fmt}]({self.rel(self.layout.download_src(scope, name, ext), src)})"
            for ext, fmt in DOWNLOAD_FORMATS
        )
        return f"Download {label}: {links}"

    def row(self, entry: Entry, src: str) -> str:
        paper = self.rel(self.layout.paper_src(entry.key), src)
        line2 = []
        if entry.authors:
            line2.append(md(short_authors(entry.authors, 3)))
        if entry.venue:
            line2.append(f"*{md(entry.venue)}*")
        if entry.has_code:
            line2.append(f"[code]({entry.links['code']})")
        if entry.arxiv:
            line2.append(f"[arXiv:{entry.arxiv}]({arxiv_url(entry.arxiv)})")
        tags = " ".join(f"[{t}]({self.rel(self.layout.tag_src(t), src)})" for t in entry.tags)
        links = " ".join(f"[{k}]({entry.links[k]})" for k in LINK_KINDS if entry.links.get(k))
        return (
            f"- `{entry.date.iso}` [{md(entry.title)}]({paper})  \n"
            f"  {' · '.join(line2)}  \n"
            f"  {tags} — {links}"
        )

    def listing(self, entries: list[Entry], src: str) -> str:
        if not entries:
            return "No papers yet."
        return "\n".join(self.row(e, src) for e in entries)

    # --- pages ------------------------------------------------------------------------------
    def paper_page(self, entry: Entry) -> str:
        src = self.layout.paper_src(entry.key)
        out = [f"# {md(entry.title)}", ""]
        badges = []
        if entry.venue:
            badges.append(f"*{md(entry.venue)}*")
        if entry.has_code:
            badges.append(f"[code]({entry.links['code']})")
        if entry.arxiv:
            badges.append(f"[arXiv:{entry.arxiv}]({arxiv_url(entry.arxiv)})")
        if badges:
            out += [" · ".join(badges), ""]
        out += [md(", ".join(entry.authors)) if entry.authors else "Authors not recorded.", ""]
        if entry.summary:
            out += [md(entry.summary), ""]
        buttons = [
            f"[{LINK_LABELS[k]}]({entry.links[k]}){{ .md-button"
            + (" .md-button--primary" if k == "paper" else "") + " }"
            for k in LINK_KINDS if entry.links.get(k)
        ]
        out += [" ".join(buttons), "", "| Field | Value |", "|---|---|",
                f"| Released | {entry.date.iso} |"]
        if entry.added:
            out.append(f"| Added to the list | {entry.added.iso} |")
        if entry.venue:
            vt = f" ({entry.venue_type})" if entry.venue_type else ""
            out.append(f"| Venue | {md(entry.venue)}{vt} |")
        if entry.arxiv:
            out.append(f"| arXiv | [{entry.arxiv}]({arxiv_url(entry.arxiv)}) |")
        if entry.doi:
            out.append(f"| DOI | [{md(entry.doi)}]({doi_url(entry.doi)}) |")
        cats = ", ".join(
            f"[{md(self.titles.get(s, s))}]({self.rel(self.layout.category_src(s), src)})"
            for s in entry.categories
        )
        tags = " ".join(f"[{t}]({self.rel(self.layout.tag_src(t), src)})" for t in entry.tags)
        out += [f"| Categories | {cats} |", f"| Tags | {tags} |"]
        for k in LINK_KINDS:
            if entry.links.get(k):
                out.append(f"| {LINK_LABELS[k]} | <{entry.links[k]}> |")
        out += [f"| Citation key | `{entry.key}` |", "", "## Cite", "", "```bibtex",
                self.build.bibtex_for(entry).rstrip("\n"), "```", "",
                self.downloads(src, "papers", entry.key, "this citation"), ""]
        return "\n".join(out)

    def category_page(self, category: Category) -> str:
        src = self.layout.category_src(category.slug)
        entries = self.catalog.entries_in_subtree(category)
        direct = self.catalog.entries_in_category(category.slug)
        out = [f"# {md(category.title)}", ""]
        if category.ancestors:
            crumbs = "".join(
                f"[{md(p.title)}]({self.rel(self.layout.category_src(p.slug), src)}) › "
                for p in category.ancestors
            )
            out += [crumbs + md(category.title), ""]
        if category.description:
            out += [md(category.description), ""]
        noun = "paper" if len(entries) == 1 else "papers"
        sub = ""
        if category.children:
            n = len(category.children)
            sub = f" in this category and its {n} subcategor{'y' if n == 1 else 'ies'}"
        out += [f"**{len(entries)}** {noun}{sub}, newest first.", "",
                self.downloads(src, "categories", category.slug, "these citations"), ""]
        if category.children:
            for child in category.children:
                desc = f" — {md(child.description)}" if child.description else ""
                out.append(f"- [{md(child.title)}]({self.rel(self.layout.category_src(child.slug), src)})"
                           f" ({self.counts[child.slug]}){desc}")
            out.append("")
        if category.children and not direct:
            for child in category.children:
                out += [f"## {md(child.title)}", "",
                        self.listing(self.catalog.entries_in_subtree(child), src), ""]
        else:
            out += [self.listing(entries, src), ""]
        return "\n".join(out)

    def tag_page(self, tag: str) -> str:
        src = self.layout.tag_src(tag)
        entries = self.catalog.entries_with_tag(tag)
        noun = "paper" if len(entries) == 1 else "papers"
        return "\n".join([
            f"# Tag: {tag}", "", md(self.catalog.tags.get(tag, "")), "",
            f"**{len(entries)}** {noun}, newest first. "
            f"[All tags]({self.rel(self.layout.tags_index_src(), src)})", "",
            self.downloads(src, "tags", tag, "these citations"), "",
            self.listing(entries, src), "",
        ])

    def tags_index_page(self) -> str:
        src = self.layout.tags_index_src()
        counts = dict.fromkeys(self.catalog.tags, 0)
        for entry in self.catalog.entries.values():
            for tag in entry.tags:
                counts[tag] += 1
        out = ["# Tags", "", f"{len(self.catalog.tags)} tags over {len(self.catalog.entries)} papers.",
               "", "| Tag | Papers | Description |", "|---|---:|---|"]
        for tag, desc in self.catalog.tags.items():
            out.append(f"| [{tag}]({self.rel(self.layout.tag_src(tag), src)}) | {counts[tag]} | {md(desc)} |")
        return "\n".join(out) + "\n"

    def tree(self, nodes: list[Category], src: str, indent: str = "") -> list[str]:
        out = []
        for node in nodes:
            desc = f"  \n{indent}  {md(node.description)}" if node.description else ""
            out.append(f"{indent}- [{md(node.title)}]({self.rel(self.layout.category_src(node.slug), src)})"
                       f" ({self.counts[node.slug]}){desc}")
            if node.children:
                out += self.tree(node.children, src, indent + "    ")
        return out

    def categories_index_page(self) -> str:
        src = self.layout.categories_index_src()
        return "\n".join([
            "# Categories", "",
            f"{len(self.catalog.entries)} papers in {len(self.catalog.all_categories())} categories.",
            "", *self.tree(self.catalog.categories, src), "",
        ])

    def home_page(self) -> str:
        src = "index.md"
        entries = self.catalog.entries.values()
        with_code = sum(1 for e in entries if e.has_code)
        return "\n".join([
            "# Synthetic list", "", "A synthetic catalogue for the build benchmarks.", "",
            f"**{len(self.catalog.entries)}** papers · **{len(self.catalog.all_categories())}** "
            f"categories · **{len(self.catalog.tags)}** tags · **{with_code}** with code", "",
            self.downloads(src, "all", "all", "the whole list"), "",
            "## Browse by category", "", *self.tree(self.catalog.categories, src), "",
            "Looking for a topic that cuts across categories? See the [tag index](tags/index.md).", "",
        ])

    def nav(self) -> list:
        def item(category: Category):
            label = f"{chrome_title(category.title)} ({self.counts[category.slug]})"
            src = self.layout.category_src(category.slug)
            if not category.children:
                return {label: src}
            return {label: [src] + [item(c) for c in category.children]}

        return [
            {"Home": "index.md"},
            {"Categories": [self.layout.categories_index_src()] + [item(c) for c in self.catalog.categories]},
            {"Tags": self.layout.tags_index_src()},
        ]


CONFIG_HEAD = """site_name: Synthetic list
site_url: http://127.0.0.1:8000/
docs_dir: docs

{theme}
plugins:
  - search

# paper and tag pages are reachable from listings, not from the nav (MkDocs 1.6)
not_in_nav: |
  /papers/
  /tags/*.md
  !/tags/index.md

"""


def write_handwritten(entries_dir: Path, out: Path) -> Path:
    # Generation time only: the near-identical-title warning is quadratic on a cold load and says
    # nothing the baseline needs (see whatif.py); the plugin's builds still run it.
    try:
        import whatif
    except ImportError:  # pragma: no cover
        from . import whatif
    whatif.apply("no-title-check")
    catalog = load_catalog(entries_dir)
    if catalog.errors:
        raise SystemExit(f"{entries_dir}: {len(catalog.errors)} errors, first: {catalog.errors[0]}")
    parents = frozenset(c.slug for c in catalog.all_categories() if c.children)
    layout = SiteLayout(parent_slugs=parents)
    w = Writer(catalog, layout)
    docs = Path(out) / "docs"

    def put(rel: str, text: str) -> None:
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    put("index.md", w.home_page())
    put(layout.categories_index_src(), w.categories_index_page())
    for category in catalog.all_categories():
        put(layout.category_src(category.slug), w.category_page(category))
    put(layout.tags_index_src(), w.tags_index_page())
    for tag in catalog.tags:
        put(layout.tag_src(tag), w.tag_page(tag))
    for entry in catalog.entries.values():
        put(layout.paper_src(entry.key), w.paper_page(entry))
    for rel, content in w.build.downloads():
        put(rel, content)
    config = CONFIG_HEAD.format(theme=THEME_YAML) + yaml.safe_dump(
        {"nav": w.nav()}, sort_keys=False, allow_unicode=True, width=1000
    )
    (Path(out) / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Path(out)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: python benchmarks/handwritten.py ENTRIES_DIR OUT", file=sys.stderr)
        return 2
    out = write_handwritten(Path(argv[0]), Path(argv[1]))
    pages = sum(1 for _ in (out / "docs").rglob("*.md"))
    print(f"{out}: {pages} Markdown pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
