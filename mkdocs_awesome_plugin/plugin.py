"""The `awesome` MkDocs plugin: event wiring only. The work is done by the MkDocs-free core."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import nest_paths

from . import incremental, page_sources
from .build import CatalogBuild, join_search, problem_log, split_search
from .catalog import EntryCache, load_catalog
from .catalog.diskcache import FOLDER, DiskCache, prune_unused
from .config import AwesomeConfig
from .features import FEATURES, assets
from .plugin_files import CatalogFile, ProducedFile
from .render.environment import OVERRIDE_FOLDER, compiled_templates_for
from .render.pages import chrome_title, edit_links

log = get_plugin_logger(__name__)

CSS = [assets.PREFIX + name for name in assets.stylesheets(FEATURES)]
JS = [assets.PREFIX + assets.SCRIPT] if assets.script_parts(FEATURES) else []


class AwesomePlugin(BasePlugin[AwesomeConfig]):
    """Reads `entries/` and adds category, tag and paper pages plus citation downloads."""

    def __init__(self) -> None:
        super().__init__()
        self.cache = EntryCache()  # kept across `mkdocs serve` rebuilds (see on_startup)
        self.build: CatalogBuild | None = None
        self.dirty, self.rebuilds = False, incremental.Rebuilds()  # what a dirty rebuild redoes
        self.full_build = self.pruning = False  # `mkdocs build` without --dirty; cache_prune

    def on_startup(self, *, command, dirty) -> None:
        """Default priority. Defining it makes MkDocs keep this plugin object across serve
        rebuilds, which is what lets the entry cache and the last build's fingerprints live
        between them; `dirty` is `mkdocs serve --dirty`."""
        if not self.config.enabled:
            return
        self.dirty, self.full_build = dirty, command == "build" and not dirty

    def on_config(self, config):
        """Default priority: only reads our options and adds our stylesheets and scripts."""
        if not self.config.enabled:
            return
        self.base_dir = base = Path(config.config_file_path or ".").resolve().parent
        self.entries_path = (base / self.config.entries_dir).resolve()
        track = self.pruning = self.config.cache_prune and self.full_build
        self.cache.disk = DiskCache(base / FOLDER / "entries.sqlite", track)  # parsed entries
        self.cache.checks = DiskCache(base / FOLDER / "checks.sqlite", track)  # checks across them
        self.fragments = DiskCache(base / FOLDER / "fragments.sqlite", track)  # rendered pages
        for listed, names in ((config.extra_css, CSS), (config.extra_javascript, JS)):
            known = [str(x) for x in listed]
            listed.extend(u for u in names if u not in known)
        return config

    @event_priority(-50)
    def on_files(self, files: Files, *, config) -> Files:
        """Runs late (-50) so that other plugins' files are present and ours are not touched by
        theirs: our pages replace a docs/ file of the same path, and the nav sees every page."""
        if not self.config.enabled:
            return files
        catalog = load_catalog(self.entries_path, base_dir=self.base_dir, cache=self.cache)
        for is_error, line in problem_log(catalog.problems):
            # errors are warnings to MkDocs, so that `--strict` fails
            (log.warning if is_error else log.info)(line)
        self.build = build = CatalogBuild.for_site(
            catalog, self.config, use_directory_urls=config.use_directory_urls, features=FEATURES,
            site_url=config.site_url, site_name=config.site_name,
            template_overrides=_overrides(config), fragments=self.fragments,
            edit=edit_links(config, self.entries_path))
        user_pages = [f.src_uri for f in files.documentation_pages() if f.inclusion.is_in_nav()]
        changed = self.rebuilds.start(build, incremental.settings_stamp(  # what pages show
            sorted(i for i in self.config.items() if i[0] != "cache_prune"), config.site_url,
            config.site_name,
            config.use_directory_urls, overrides=_overrides(config)))
        if self.dirty and changed[""]:
            incremental.date_back_marker_pages(  # the home page's counts, for one
                (f.abs_src_path, f.abs_dest_path) for f in files.documentation_pages())
        sources = page_sources.write_page_sources(build.pages(), self.base_dir)
        for page in build.pages():
            if (clash := files.get_file_from_path(page.src)) is not None:
                log.warning(f"{page.src}: a file in docs/ has the path of a generated page; "
                            "the generated page replaces it")
                files.remove(clash)
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(file := CatalogFile.generated(  # a real source path: see page_sources
                config, page.src, abs_src_path=sources[page.src], inclusion=inclusion))
            file.changed = changed[page.src]
        if self.config.downloads:
            for src, produce in build.download_producers():
                files.append(ProducedFile(config, src, produce, changed=changed.get(src, True)))
        self.rebuilds.present = [f.url for f in files.documentation_pages()]
        if self.dirty:  # what a dirty build must delete when it is gone (40,000 paths at 10,000)
            self.rebuilds.outputs = {f.abs_dest_path for f in files if isinstance(f, CatalogFile)}
        for src, content in build.feature_files():
            files.append(File.generated(config, src, content=content))
        for url, content in assets.asset_files(FEATURES)[0].items():  # CSS, the joined script
            files.append(File.generated(config, url, content=content))
        if self.config.nav:
            nav = config.nav if config.nav is not None else nest_paths(user_pages)
            config.nav = build.site_nav(nav, self.config)
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        """Default priority: only sets a generated page's title, which MkDocs and Material print
        in `<title>`, the header and search. Its Markdown is already its marker."""
        if not self.config.enabled or self.build is None:
            return markdown
        if (generated := self.build.page_for(page.file.src_uri)) is not None:
            page.meta["title"] = chrome_title(generated.title)
        return markdown

    @event_priority(50)
    def on_page_content(self, html_text, *, page, config, files):
        """Runs early (50) so that other plugins' `on_page_content` see the finished HTML: the
        markers left by Markdown are filled here, on generated and user pages alike."""
        if not self.config.enabled or self.build is None:
            return html_text
        if self.build.page_for(page.file.src_uri) is None:
            return self.build.page_html(html_text, page.file.src_uri, page.url)
        # Markdown saw only the marker, so the page's TOC is read from the finished HTML
        html_text, tokens = self.build.generated_html(html_text, page.file.src_uri, page.url)
        page.toc = get_toc(tokens)
        return html_text

    def on_env(self, env, *, config, files):
        """Default priority: the theme's templates compile once per process, not once per
        `mkdocs serve` rebuild (`render.environment.compiled_templates_for`)."""
        if not self.config.enabled:
            return env
        if env.bytecode_cache is None:
            env.bytecode_cache = compiled_templates_for(env)
        return env

    @event_priority(100)
    def _search_sees_less(self, context, *, page, config, nav):
        """Runs first (100), so that the search plugin's `on_page_context` (default priority)
        indexes the page without the parts it would skip anyway (`build.split_search`)."""
        if self.config.enabled:
            page.content, self._taken = split_search(page.content or "")
            if self.build is not None:  # every page's HTML and every download is made by now
                self.build.release()
        return context

    @event_priority(-100)
    def _search_saw(self, context, *, page, config, nav):
        """Runs last (-100): the parts taken out go back, before the page's template renders."""
        if self.config.enabled:
            page.content, self._taken = join_search(page.content, self._taken), []
        return context

    on_page_context = CombinedEvent(_search_sees_less, _search_saw)

    def on_post_page(self, output, *, page, config):
        """Default priority: adds our `<head>` tags to the final HTML, whatever the theme, and
        notes which pages this build rendered (for the search records of a dirty build)."""
        if not self.config.enabled or self.build is None:
            return output
        self.rebuilds.built.add(page.url)
        head = self.build.head_html(self.build.page_for(page.file.src_uri), page.url,
                                    page.canonical_url, paper_meta=self.config.head_metadata)
        return output.replace("</head>", head + "</head>", 1) if head else output

    @event_priority(10)
    def on_post_build(self, *, config) -> None:
        """Runs before the search plugin's (default priority) writes its index, to put back the
        records of the pages a dirty build skipped; also writes out the persistent caches."""
        if not self.config.enabled:
            return
        for cache in (self.cache.disk, self.cache.checks, self.fragments):
            cache.flush()
        self.rebuilds.finish(config.plugins.get("material/search") if self.dirty else None)
        if self.pruning:  # a whole `mkdocs build`: what it did not use is stale
            log.info(prune_unused((self.cache.disk, self.cache.checks, self.fragments)))

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
    return Path(config.theme.custom_dir) / OVERRIDE_FOLDER if config.theme.custom_dir else None
