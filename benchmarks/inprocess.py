"""In-process measurements of one MkDocs build of a plugin project; used by `run.py`.

    python benchmarks/inprocess.py timers|incremental|profile PROJECT OUT_JSON [PROF_FILE]

- timers: one build (`mkdocs.commands.build.build` on a config loaded as the CLI loads it) with a
  wall-clock timer around every plugin hook and around `load_catalog`, the download generator and
  the nav, so the plugin's share is measured without profiler overhead;
- incremental: a first build, then one entry's title edited and the config reloaded and built
  again in the same interpreter: MkDocs hands back the same plugin instance (it defines
  `on_startup`), so its EntryCache is reused, as under `mkdocs serve`. The entry is restored after;
- profile: one build under cProfile; writes the stats to PROF_FILE and a summary to OUT_JSON.

Each mode runs in a fresh interpreter (run.py starts one per measurement); builds go to
PROJECT/site-inprocess, removed afterwards.
"""

from __future__ import annotations

import cProfile
import functools
import json
import logging
import pstats
import re
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

TIMES: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
HOOKS = ("on_startup", "on_config", "on_files", "on_env", "on_page_markdown", "on_page_content",
         "on_page_context", "on_post_page", "on_post_build")
PAGE_HOOKS = ("on_page_markdown", "on_page_content", "on_page_context", "on_post_page")


def _timed(fn, key):
    @functools.wraps(fn)  # keeps `mkdocs_priority` set by @event_priority
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[key] += time.perf_counter() - t0
            CALLS[key] += 1

    return wrapper


def install_timers() -> None:
    """Wrap the plugin's code; must run before the config (and so the plugin) is loaded."""
    from mkdocs.plugins import CombinedEvent

    from mkdocs_awesome_plugin import build as build_mod
    from mkdocs_awesome_plugin import plugin as plugin_mod

    cls = plugin_mod.AwesomePlugin
    for name in HOOKS:
        hook = cls.__dict__.get(name)
        if isinstance(hook, CombinedEvent):  # e.g. on_page_context: each part timed
            setattr(cls, name, CombinedEvent(*(_timed(part, name) for part in hook.methods)))
        elif hook is not None:
            setattr(cls, name, _timed(hook, name))
    build_mod.merge_nav = _timed(build_mod.merge_nav, "nav")  # called by CatalogBuild.site_nav
    plugin_mod.load_catalog = _timed(plugin_mod.load_catalog, "load_catalog")
    from mkdocs_awesome_plugin.catalog import load as load_mod

    if hasattr(load_mod, "check_catalog"):  # cross-entry checks (catalog/quality.py)
        load_mod.check_catalog = _timed(load_mod.check_catalog, "check_catalog")
    # downloads are produced when MkDocs writes them (after on_page_content), not in a hook:
    # their content is timed as the plugin's (writing them is MkDocs' copy, as for any file)
    from mkdocs_awesome_plugin import plugin_files

    produced = plugin_files.ProducedFile.content_bytes
    plugin_files.ProducedFile.content_bytes = property(
        _timed(produced.fget, "downloads"), produced.fset)
    build_mod.CatalogBuild.__init__ = _timed(build_mod.CatalogBuild.__init__, "catalog_build_init")


def phases(times: dict[str, float]) -> dict[str, float]:
    total = sum(times.get(h, 0.0) for h in HOOKS) + times.get("downloads", 0.0)
    on_files = times.get("on_files", 0.0)
    return {
        "total": total,
        "load_validate": times.get("load_catalog", 0.0),
        "of_which_cross_checks": times.get("check_catalog", 0.0),
        "exports": times.get("downloads", 0.0),
        "generate": on_files - times.get("load_catalog", 0.0),
        "render": sum(times.get(h, 0.0) for h in PAGE_HOOKS),
        "nav": times.get("nav", 0.0),
        "other_hooks": sum(times.get(h, 0.0) for h in ("on_config", "on_startup", "on_env")),
    }


def load(project: Path, site: Path):
    from mkdocs.config import load_config

    return load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))


def build(cfg, serve_url: str | None = None) -> float:
    from mkdocs.commands.build import build as mkdocs_build

    t0 = time.perf_counter()
    mkdocs_build(cfg, serve_url=serve_url)
    return time.perf_counter() - t0


def mode_timers(project: Path) -> dict:
    install_timers()
    site = project / "site-inprocess"
    cfg = load(project, site)
    cfg.plugins.on_startup(command="build", dirty=False)
    TIMES.clear()
    CALLS.clear()
    seconds = build(cfg)
    plugin = cfg.plugins["awesome"]
    cfg.plugins.on_shutdown()
    shutil.rmtree(site, ignore_errors=True)
    return {"build": seconds, "times": dict(TIMES), "calls": dict(CALLS), "phases": phases(TIMES),
            "cache_misses": plugin.cache.misses}


def mode_incremental(project: Path) -> dict:
    install_timers()
    site = project / "site-inprocess"
    serve_url = "http://127.0.0.1:8000/"
    cfg = load(project, site)
    cfg.plugins.on_startup(command="serve", dirty=False)
    plugin = cfg.plugins["awesome"]
    TIMES.clear()
    first = build(cfg, serve_url)
    first_phases = phases(TIMES)
    entry = sorted((project / "entries" / "papers").glob("*.yaml"))[0]
    original = entry.read_text(encoding="utf-8")
    hits, misses = plugin.cache.hits, plugin.cache.misses
    try:
        entry.write_text(
            re.sub(r"^(title: '.*)'$", r"\1 (revised)'", original, count=1, flags=re.M),
            encoding="utf-8",
        )
        TIMES.clear()
        t0 = time.perf_counter()
        cfg2 = load(project, site)  # as `mkdocs serve` does before each rebuild
        load_seconds = time.perf_counter() - t0
        assert cfg2.plugins["awesome"] is plugin, "MkDocs did not keep the plugin instance"
        second = build(cfg2, serve_url) + load_seconds
        second_phases = phases(TIMES)
    finally:
        entry.write_text(original, encoding="utf-8")
    cfg2.plugins.on_shutdown()
    shutil.rmtree(site, ignore_errors=True)
    return {
        "first": first, "second": second, "config_reload": load_seconds,
        "first_phases": first_phases, "second_phases": second_phases,
        "second_cache_hits": plugin.cache.hits - hits,
        "second_cache_misses": plugin.cache.misses - misses, "entry": entry.stem,
    }


# (path suffix, function name) -> label, for the "where the build goes" table
PARTS = [
    (("mkdocs/commands/build.py", "build"), "whole build (`mkdocs.commands.build.build`)"),
    (("mkdocs_awesome_plugin/plugin.py", "on_files"), "plugin `on_files` (load, page list, downloads, nav)"),
    (("mkdocs_awesome_plugin/catalog/load.py", "load_catalog"), "  plugin: load + validate entries"),
    (("yaml/composer.py", "get_single_node"), "    of which PyYAML (pure-Python loader) composing"),
    (("mkdocs_awesome_plugin/catalog/quality.py", "check_catalog"), "    of which cross-entry checks (quality.py)"),
    (("mkdocs_awesome_plugin/catalog/quality.py", "update"), "      of which near-identical titles (TitleIndex)"),
    (("mkdocs_awesome_plugin/build.py", "downloads"), "  plugin: citation downloads (bib/json/ris)"),
    (("mkdocs_awesome_plugin/build.py", "bibtex_for"), "  plugin: BibTeX per entry (bibtexparser)"),
    (("mkdocs/structure/nav.py", "get_navigation"), "MkDocs: nav"),
    (("mkdocs/commands/build.py", "_populate_page"), "MkDocs: read + Markdown → HTML of every page"),
    (("mkdocs_awesome_plugin/plugin.py", "on_page_markdown"), "  plugin `on_page_markdown`"),
    (("mkdocs_awesome_plugin/plugin.py", "on_page_content"), "  plugin `on_page_content` (renders our pages)"),
    (("mkdocs/structure/files.py", "copy_static_files"), "MkDocs: write static and generated files (downloads)"),
    (("mkdocs/commands/build.py", "_build_page"), "MkDocs + Material: theme template of every page"),
    (("mkdocs/structure/nav.py", "__init__"), "  nav objects"),
    (("material/plugins/search/plugin.py", "on_page_context"), "  Material search: index each page"),
    (("mkdocs_awesome_plugin/plugin.py", "on_post_page"), "  plugin `on_post_page` (head metadata)"),
    (("mkdocs/utils/__init__.py", "write_file"), "  writing HTML files"),
    (("mkdocs/structure/pages.py", "validate_anchor_links"), "MkDocs: anchor validation"),
    (("material/plugins/search/plugin.py", "on_post_build"), "Material search: write the index"),
    (("mkdocs/commands/build.py", "_build_theme_template"), "MkDocs: sitemap, 404"),
]


def _name(key: tuple) -> str:
    filename, line, func = key
    path = filename.replace("\\", "/")
    for marker in ("site-packages/", "/work/main/", "/lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{line}({func})"


def mode_profile(project: Path, prof_file: Path) -> dict:
    site = project / "site-inprocess"
    cfg = load(project, site)
    cfg.plugins.on_startup(command="build", dirty=False)
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    from mkdocs.commands.build import build as mkdocs_build

    mkdocs_build(cfg)
    profiler.disable()
    total = time.perf_counter() - t0
    cfg.plugins.on_shutdown()
    shutil.rmtree(site, ignore_errors=True)
    profiler.dump_stats(str(prof_file))
    stats = pstats.Stats(profiler).stats  # (file, line, func) -> (cc, nc, tt, ct, callers)

    def find(suffix: str, func: str) -> float | None:
        best = None
        for (filename, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.items():
            if name == func and filename.replace("\\", "/").endswith(suffix):
                best = ct if best is None else max(best, ct)
        return best

    parts = []
    for (suffix, func), label in PARTS:
        secs = find(suffix, func)
        if secs is not None:
            parts.append((label, secs))
    plugin_total = 0.0
    for (filename, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.items():
        if filename.replace("\\", "/").endswith("mkdocs_awesome_plugin/plugin.py") and name in HOOKS:
            plugin_total += ct
    rows = [
        {"func": _name(k), "calls": v[1], "own": v[2], "cum": v[3]} for k, v in stats.items()
    ]
    plugin_rows = [r for r in rows if "mkdocs_awesome_plugin/" in r["func"]]
    plugin_rows.sort(key=lambda r: r["cum"], reverse=True)
    rows.sort(key=lambda r: r["own"], reverse=True)
    return {
        "total": total, "plugin_total": plugin_total, "parts": parts,
        "plugin_top": plugin_rows[:25], "overall_top": rows[:25],
        "pages": len([f for f in cfg.plugins["awesome"].build.pages()]),
    }


def main(argv: list[str]) -> int:
    mode, project, out_json = argv[0], Path(argv[1]).resolve(), Path(argv[2])
    logging.basicConfig(level=logging.WARNING)
    import os

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import whatif

    if not whatif.apply(os.environ.get("AWESOME_BENCH_WHATIF")):
        print("whatif: the code to patch was not found; running unpatched", file=sys.stderr)
    os.chdir(project)
    if mode == "timers":
        result = mode_timers(project)
    elif mode == "incremental":
        result = mode_incremental(project)
    elif mode == "profile":
        result = mode_profile(project, Path(argv[3]))
        result["n"] = len(list((project / "entries" / "papers").glob("*.yaml")))
    else:
        raise SystemExit(f"unknown mode {mode}")
    out_json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
