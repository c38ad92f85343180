"""The `awesome` MkDocs plugin: event wiring only. The work is done by the MkDocs-free core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import nest_paths

from .build import CatalogBuild
from .catalog import EntryCache, load_catalog
from .config import AwesomeConfig
from .features import FEATURES
from .render.pages import chrome_title
from .render.site import SiteLayout

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
ASSET_PREFIX = "assets/awesome/"
CSS_URI = ASSET_PREFIX + "awesome.css"
MARKER_PREFIX = "<!-- awesome:"


class AwesomePlugin(BasePlugin[AwesomeConfig]):
    """Reads `entries/` and adds category, tag and paper pages plus citation downloads."""

    def __init__(self) -> None:
        super().__init__()
        # survives `mkdocs serve` rebuilds (see on_startup): parsed entries keyed by mtime/size
        self.cache = EntryCache()
        self.build: CatalogBuild | None = None
        self.entries_path: Path | None = None

    def on_startup(self, *, command, dirty) -> None:
        # Defining on_startup makes MkDocs keep this plugin object across serve rebuilds,
        # which is what lets the entry cache live between them.
        self.command = command

    def on_config(self, config):
        if not self.config.enabled:
            return
        base = Path(config.config_file_path or ".").resolve().parent
        self.entries_path = (base / self.config.entries_dir).resolve()
        self.base_dir = base
        for uri in [CSS_URI] + [f"{ASSET_PREFIX}{name}" for f in FEATURES for name in f.css]:
            if uri not in [str(x) for x in config.extra_css]:
                config.extra_css.append(uri)
        for uri in [f"{ASSET_PREFIX}{name}" for f in FEATURES for name in f.js]:
            if uri not in [str(x) for x in config.extra_javascript]:
                config.extra_javascript.append(uri)
        return config

    # Runs late so that other plugins' files are present and ours are not touched by theirs.
    @event_priority(-50)
    def on_files(self, files: Files, *, config) -> Files:
        if not self.config.enabled:
            return files
        catalog = load_catalog(self.entries_path, base_dir=self.base_dir, cache=self.cache)
        for problem in catalog.problems:
            # Errors are warnings to MkDocs, so `--strict` fails; lint-only notes stay at info.
            if problem.severity == "error":
                log.warning(str(problem))
            else:
                log.info(str(problem))
        parents = frozenset(c.slug for c in catalog.all_categories() if c.children)
        layout = SiteLayout(
            papers=self.config.papers_dir.strip("/"),
            categories=self.config.categories_dir.strip("/"),
            tags=self.config.tags_dir.strip("/"),
            downloads=self.config.downloads_dir.strip("/"),
            use_directory_urls=config.use_directory_urls,
            parent_slugs=parents,
        )
        self.build = CatalogBuild(
            catalog, layout, downloads=self.config.downloads,
            authors_shown=self.config.authors_shown, features=FEATURES,
            site_url=config.site_url, site_name=config.site_name,
        )
        user_pages = [f.src_uri for f in files.documentation_pages() if f.inclusion.is_in_nav()]
        for page in self.build.pages():
            if files.get_file_from_path(page.src) is not None:
                log.warning(f"{page.src}: a file in docs/ has the path of a generated page; "
                            "the generated page replaces it")
                files.remove(files.get_file_from_path(page.src))
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.src, content=page.placeholder, inclusion=inclusion)
            )
        if self.config.downloads:
            for src, produce in self.build.download_producers():
                files.append(_LazyFile.made(config, src, produce))
        for src, content in self.build.feature_files():
            files.append(File.generated(config, src, content=content))
        asset_names = {"awesome.css"} | {n for f in FEATURES for n in (*f.css, *f.js)}
        for name in sorted(asset_names):
            files.append(
                File.generated(config, ASSET_PREFIX + name, abs_src_path=str(ASSETS / name))
            )
        if self.config.nav:
            config.nav = self._nav(config.nav, user_pages)
        return files

    def _nav(self, nav, user_pages):
        """The nav with the category tree and the tag index added (list order, with counts)."""
        assert self.build is not None
        counts = self.build.renderer.subtree_counts()
        layout = self.build.layout
        show_counts = self.config.nav_counts

        def label(category) -> str:
            text = chrome_title(category.title)
            return f"{text} ({counts[category.slug]})" if show_counts else text

        def item(category):
            src = layout.category_src(category.slug)
            if not category.children:
                return {label(category): src}
            return {label(category): [src] + [item(child) for child in category.children]}

        categories_title = chrome_title(self.config.nav_categories_title)
        categories_section = {
            categories_title: [layout.categories_index_src()]
            + [item(c) for c in self.build.catalog.categories]
        }
        tags_item = {chrome_title(self.config.nav_tags_title): layout.tags_index_src()}
        feature_items = self.build.feature_nav()
        if nav is None:
            nav = nest_paths(user_pages)
        else:
            nav = list(nav)
        ours = (layout.categories_index_src(), layout.tags_index_src())
        mentioned = set(_nav_values(nav))
        if ours[0] in mentioned or ours[1] in mentioned:
            return [_replace_nav(x, ours, categories_section, tags_item) for x in nav] + [
                item for item in feature_items if not set(_nav_values([item])) & mentioned
            ]
        position = 1 if nav else 0
        return nav[:position] + [categories_section, tags_item, *feature_items] + nav[position:]

    def on_page_markdown(self, markdown, *, page, config, files):
        if not self.config.enabled or self.build is None:
            return markdown
        generated = self.build.page_for(page.file.src_uri)
        if generated is not None:
            # Set the title MkDocs and Material print in <title>, the header and search.
            page.meta["title"] = chrome_title(generated.title)
            return generated.placeholder
        if MARKER_PREFIX in markdown:
            return self.build.expand_markers(markdown, page.url)
        return markdown

    def on_page_content(self, html_text, *, page, config, files):
        if not self.config.enabled or self.build is None:
            return html_text
        generated = self.build.page_for(page.file.src_uri)
        if generated is None:
            return html_text
        return self.build.render_page(generated, page.url)

    def on_post_page(self, output, *, page, config):
        if not self.config.enabled or self.build is None:
            return output
        generated = self.build.page_for(page.file.src_uri)
        head = self.build.head_html(
            generated, page.url, page.canonical_url, paper_meta=self.config.head_metadata
        )
        if not head:
            return output
        index = output.find("</head>")
        if index < 0:
            return output
        return output[:index] + head + output[index:]

    def on_serve(self, server, *, config, builder):
        if self.config.enabled and self.entries_path is not None:
            server.watch(str(self.entries_path))
        return server


def _nav_values(nav):
    for x in nav:
        if isinstance(x, str):
            yield x
        elif isinstance(x, dict):
            for value in x.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _nav_values(value)


def _replace_nav(x, ours, categories_section, tags_item):
    if isinstance(x, str):
        if x == ours[0]:
            return categories_section
        if x == ours[1]:
            return tags_item
        return x
    if isinstance(x, dict):
        out = {}
        for title, value in x.items():
            if value == ours[0]:
                out[title] = next(iter(categories_section.values()))
            elif isinstance(value, list):
                out[title] = [_replace_nav(v, ours, categories_section, tags_item) for v in value]
            else:
                out[title] = value
        return out
    return x



class _LazyFile(File):
    """A generated file whose content is produced each time MkDocs asks for it.

    MkDocs reads `_content` when it copies the file to the site (and for `content_bytes` or
    `content_string`); producing it there, instead of holding every download's text from
    `on_files` to the end of the build, keeps the plugin's memory close to a plain site's.
    """

    _produce: Callable[[], str]

    @classmethod
    def made(cls, config, src_uri: str, produce: Callable[[], str]) -> _LazyFile:
        file = cls.generated(config, src_uri, content="")
        file._produce = produce
        return file

    @property  # type: ignore[override]
    def _content(self) -> str | bytes | None:
        produce = self.__dict__.get("_produce")
        if produce is not None:
            return produce()
        return self.__dict__.get("_fixed_content")

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        # set by File.generated and by the content setters: a fixed content replaces the producer
        self.__dict__.pop("_produce", None)
        self.__dict__["_fixed_content"] = value
