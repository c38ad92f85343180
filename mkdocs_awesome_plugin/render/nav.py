"""The site's nav with the catalogue's sections merged in. Plain data in and out; no MkDocs.

A nav has MkDocs' own shape (`nav:` in mkdocs.yml): a list whose items are a source path, or a
one-key dict `{title: path}` or `{title: [items]}`. Titles are HTML-escaped by the caller, since
Material prints nav titles unescaped.

Where our sections go:
- the user's nav names neither our categories index nor our tag index: the categories section,
  the tag index and the features' items go after the nav's first item (the home page);
- it names one of them: each is replaced where it stands (a `{title: categories index}` item keeps
  the user's title and gets our tree), and the features' items the nav does not name already go
  at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class NavCategory:
    """One category of the tree: its title (HTML-escaped), page, paper count and children."""

    title: str
    src: str
    count: int
    children: tuple[NavCategory, ...] = ()


@dataclass(frozen=True)
class CatalogNav:
    """Everything the catalogue adds to the nav."""

    categories_title: str
    categories_index: str  # source path of the categories index page
    categories: tuple[NavCategory, ...]
    tags_title: str
    tags_index: str
    features: tuple[dict, ...] = ()  # `{title: src}` items that follow the tag index
    show_counts: bool = True

    def category_item(self, category: NavCategory) -> dict:
        label = f"{category.title} ({category.count})" if self.show_counts else category.title
        if not category.children:
            return {label: category.src}
        return {label: [category.src] + [self.category_item(c) for c in category.children]}

    def categories_section(self) -> dict:
        return {
            self.categories_title: [self.categories_index]
            + [self.category_item(c) for c in self.categories]
        }

    def tags_item(self) -> dict:
        return {self.tags_title: self.tags_index}


def merge_nav(nav: list, ours: CatalogNav) -> list:
    """`nav` with the catalogue's sections added (see the module doc). `nav` is not changed."""
    nav = list(nav)
    section = ours.categories_section()
    tags = ours.tags_item()
    mentioned = set(nav_paths(nav))
    if ours.categories_index in mentioned or ours.tags_index in mentioned:
        replaced = [_replace(item, ours, section, tags) for item in nav]
        return replaced + [f for f in ours.features if not set(nav_paths([f])) & mentioned]
    position = 1 if nav else 0
    return nav[:position] + [section, tags, *ours.features] + nav[position:]


def nav_paths(nav: list) -> Iterator[str]:
    """Every source path a nav names, at any depth."""
    for item in nav:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from nav_paths(value)


def _replace(item, ours: CatalogNav, section: dict, tags: dict):
    if isinstance(item, str):
        if item == ours.categories_index:
            return section
        if item == ours.tags_index:
            return tags
        return item
    if isinstance(item, dict):
        out = {}
        for title, value in item.items():
            if value == ours.categories_index:
                out[title] = next(iter(section.values()))
            elif isinstance(value, list):
                out[title] = [_replace(v, ours, section, tags) for v in value]
            else:
                out[title] = value
        return out
    return item
