"""The `awesome` MkDocs plugin: event wiring only. The work is done by the MkDocs-free core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import nest_paths

from . import page_sources
from .build import CatalogBuild
from .catalog import EntryCache, load_catalog
from .config import AwesomeConfig
from .features import FEATURES
from .render.environment import OVERRIDE_FOLDER
from .render.nav import merge_nav
from .render.pages import chrome_title, edit_links
from .render.site import layout_for
from .render.toc import toc_tokens

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
ASSET_PREFIX = "assets/awesome/"


class AwesomePlugin(BasePlugin[AwesomeConfig]):
    """Reads `entries/` and adds category, tag and paper pages plus citation downloads."""

    def __init__(self) -> None:
        super().__init__()
        # survives `mkdocs serve` rebuilds (see on_startup): parsed entries keyed by mtime/size
        self.cache = EntryCache()
        self.build: CatalogBuild | None = None
        self.entries_path: Path | None = None

    def on_startup(self, *, command, dirty) -> None:
        """Default priority. Defining it makes MkDocs keep this plugin object across serve
        rebuilds, which is what lets the entry cache live between them."""
        if not self.config.enabled:
            return

    def on_config(self, config):
        """Default priority: only reads our options and adds our stylesheets and scripts."""
        if not self.config.enabled:
            return
        base = Path(config.config_file_path or ".").resolve().parent
        self.entries_path = (base / self.config.entries_dir).resolve()
        self.base_dir = base
        for listed, names in (
            (config.extra_css, ["awesome.css", *(n for f in FEATURES for n in f.css)]),
            (config.extra_javascript, [n for f in FEATURES for n in f.js]),
        ):
            for uri in (ASSET_PREFIX + name for name in names):
                if uri not in [str(x) for x in listed]:
                    listed.append(uri)
        return config

    @event_priority(-50)
    def on_files(self, files: Files, *, config) -> Files:
        """Runs late (-50) so that other plugins' files are present and ours are not touched by
        theirs: our pages replace a docs/ file of the same path, and the nav sees every page."""
        if not self.config.enabled:
            return files
        catalog = load_catalog(self.entries_path, base_dir=self.base_dir, cache=self.cache)
        for problem in catalog.problems:
            # Errors are warnings to MkDocs, so `--strict` fails; lint-only notes stay at info.
            if problem.severity == "error":
                log.warning(str(problem))
            else:
                log.info(str(problem))
        layout = layout_for(
            catalog, papers=self.config.papers_dir.strip("/"),
            categories=self.config.categories_dir.strip("/"), tags=self.config.tags_dir.strip("/"),
            downloads=self.config.downloads_dir.strip("/"),
            use_directory_urls=config.use_directory_urls,
        )
        self.build = build = CatalogBuild(
            catalog, layout, downloads=self.config.downloads,
            authors_shown=self.config.authors_shown, features=FEATURES,
            site_url=config.site_url, site_name=config.site_name,
            template_overrides=_overrides(config), edit=edit_links(config, self.entries_path),
        )
        user_pages = [f.src_uri for f in files.documentation_pages() if f.inclusion.is_in_nav()]
        sources = page_sources.write_page_sources(build.pages(), self.base_dir)
        for page in build.pages():
            if files.get_file_from_path(page.src) is not None:
                log.warning(f"{page.src}: a file in docs/ has the path of a generated page; "
                            "the generated page replaces it")
                files.remove(files.get_file_from_path(page.src))
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src, abs_src_path=sources[page.src],
                                        inclusion=inclusion))  # a real path: see page_sources
        if self.config.downloads:
            for src, produce in build.download_producers():
                files.append(ProducedFile(config, src, produce))
        for src, content in build.feature_files():
            files.append(File.generated(config, src, content=content))
        for name in sorted({"awesome.css"} | {n for f in FEATURES for n in (*f.css, *f.js)}):
            files.append(
                File.generated(config, ASSET_PREFIX + name, abs_src_path=str(ASSETS / name))
            )
        if self.config.nav:
            ours = build.nav(
                categories_title=self.config.nav_categories_title,
                tags_title=self.config.nav_tags_title, show_counts=self.config.nav_counts,
            )
            nav = config.nav if config.nav is not None else nest_paths(user_pages)
            config.nav = merge_nav(nav, ours)
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        """Default priority: only sets a generated page's title, which MkDocs and Material print
        in `<title>`, the header and search. Its Markdown is already its marker."""
        if not self.config.enabled or self.build is None:
            return markdown
        generated = self.build.page_for(page.file.src_uri)
        if generated is not None:
            page.meta["title"] = chrome_title(generated.title)
        return markdown

    @event_priority(50)
    def on_page_content(self, html_text, *, page, config, files):
        """Runs early (50) so that other plugins' `on_page_content` see the finished HTML: the
        markers left by Markdown are filled here, on generated and user pages alike."""
        if not self.config.enabled or self.build is None:
            return html_text
        html_text = self.build.fill(html_text, page.file.src_uri, page.url)
        if self.build.page_for(page.file.src_uri) is not None:
            # Markdown saw only the marker, so the page's TOC is read from the finished HTML.
            page.toc = get_toc(toc_tokens(html_text))
        return html_text

    def on_post_page(self, output, *, page, config):
        """Default priority: adds our `<head>` tags to the final HTML, whatever the theme."""
        if not self.config.enabled or self.build is None:
            return output
        generated = self.build.page_for(page.file.src_uri)
        head = self.build.head_html(
            generated, page.url, page.canonical_url, paper_meta=self.config.head_metadata
        )
        index = output.find("</head>") if head else -1
        return output if index < 0 else output[:index] + head + output[index:]

    def on_serve(self, server, *, config, builder):
        """Default priority: also rebuild when an entry or a template override changes (MkDocs
        watches neither: entries/ is outside docs/, and the theme only with --watch-theme)."""
        if not self.config.enabled:
            return server
        for path in (self.entries_path, _overrides(config)):
            if path is not None and path.is_dir():
                server.watch(str(path))
        return server


def _overrides(config) -> Path | None:
    """The folder whose files replace our packaged templates (see docs/templates.md)."""
    custom_dir = config.theme.custom_dir
    return Path(custom_dir) / OVERRIDE_FOLDER if custom_dir else None


class ProducedFile(File):
    """A generated file produced when read or written: holding every download's text through
    the build cost ~130 MB at 10,000 papers. Overrides only File's public members: the content
    properties, `copy_file` (how MkDocs writes a non-page file) and `is_modified`."""

    def __init__(self, config, src_uri: str, produce: Callable[[], str | bytes]):
        super().__init__(src_uri, src_dir=None, dest_dir=config.site_dir,
                         use_directory_urls=config.use_directory_urls)
        self.generated_by = "awesome"
        self.produce = produce

    @property
    def content_bytes(self) -> bytes:
        content = self.produce()
        return content.encode("utf-8") if isinstance(content, str) else content

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.produce = lambda: value  # another plugin set the content: it replaces ours

    @property
    def content_string(self) -> str:
        content = self.produce()
        return content if isinstance(content, str) else content.decode("utf-8-sig")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.produce = lambda: value

    def copy_file(self, dirty: bool = False) -> None:
        (dest := Path(self.abs_dest_path)).parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(self.content_bytes)

    def is_modified(self) -> bool:
        return True  # produced from the entries on every build, like any in-memory file
