"""`mkdocs-awesome generate --project OUT`: a complete project that builds without our plugin.

Zensical does not run third-party MkDocs plugins, and MkDocs 2 has none, so this writes into OUT
everything the plugin would add to a site, around a copy of the user's own project:

- `OUT/mkdocs.yml`: the user's configuration (tags such as `!ENV` kept) without the `awesome`
  plugin, with `docs_dir: docs`, our stylesheets and scripts, the nav with the category tree
  (with counts) and the tag index merged in (`render.nav.merge_nav`, as the plugin does),
  `not_in_nav` for the paper and tag pages, and `theme.custom_dir: overrides`;
- `OUT/docs/`: a copy of the user's docs folder in which each marker line
  (`<!-- awesome:summary -->`, ...) outside code is replaced by its HTML, a block that Markdown
  passes through; then the generated pages (their finished HTML under front matter), the
  downloads, the features' files and the assets;
- `OUT/overrides/main.html`: prints a page's `awesome_head` front matter in `<head>` (the
  Highwire `citation_*` tags and JSON-LD of a paper page, the feed links of every page). Zensical
  and MkDocs both render it; a copy of the user's own `custom_dir` goes around it.

The user's files are only read. OUT is refused when it holds the project itself, or files that an
earlier run did not write (`MANIFEST` lists those it did).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from .build import MARKER_RE, CatalogBuild, GeneratedPage
from .catalog import load_catalog
from .catalog.model import Catalog
from .features import FEATURES
from .generate import asset_files, page_markdown
from .render.environment import OVERRIDE_FOLDER
from .render.nav import merge_nav
from .render.site import layout_for

MANIFEST = ".awesome-project.json"
HEAD_KEY = "awesome_head"  # front matter key read by overrides/main.html
THEME_OVERRIDE = Path(__file__).parent / "project_theme" / "main.html"

# The plugin's options and their defaults, as `config.AwesomeConfig` declares them (the core
# cannot import it; tests/test_generate_project.py checks the two agree).
PLUGIN_DEFAULTS: dict[str, Any] = {
    "enabled": True, "entries_dir": "entries", "papers_dir": "papers",
    "categories_dir": "categories", "tags_dir": "tags", "downloads_dir": "cite", "nav": True,
    "nav_categories_title": "Categories", "nav_tags_title": "Tags", "nav_counts": True,
    "authors_shown": 3, "downloads": True, "head_metadata": True, "cache_prune": False,
}


class ProjectError(Exception):
    """A project that cannot be written: the message says why."""


# --- mkdocs.yml, read and written with its tags ------------------------------------------------
class Tagged:
    """A YAML value under a tag we do not interpret (`!ENV`, `!!python/name:...`)."""

    def __init__(self, tag: str, value: Any):
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.Dumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict:
    """The user's mkdocs.yml as data, unknown tags kept as `Tagged`."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe)
    except (OSError, yaml.YAMLError) as err:
        raise ProjectError(f"{path}: {err}") from None
    if not isinstance(data, dict):
        raise ProjectError(f"{path}: not a mapping")
    return data


def _resolve_env(value: Any) -> Any:
    """What MkDocs' `!ENV [VAR, ..., default]` gives now (the first variable set, else the
    default); other values as they are."""
    if not isinstance(value, Tagged) or value.tag != "!ENV":
        return value
    names = value.value if isinstance(value.value, list) else [value.value]
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return names[-1] if len(names) > 1 else None


def _split_plugins(plugins: Any) -> tuple[list | dict, dict | None]:
    """(plugins without `awesome`, awesome's options or None when it is not listed)."""
    if isinstance(plugins, dict):  # MkDocs also accepts a mapping of name -> options
        rest = {k: v for k, v in plugins.items() if k != "awesome"}
        return rest, (plugins.get("awesome") or {}) if "awesome" in plugins else None
    rest_list, options = [], None
    for item in plugins or []:
        if item == "awesome":
            options = {}
        elif isinstance(item, dict) and "awesome" in item:
            options = item["awesome"] or {}
        else:
            rest_list.append(item)
    return rest_list, options


def nest_pages(paths: list[str]) -> list:
    """A nav of `paths` as MkDocs makes one when `nav:` is not given: folders become sections,
    an `index.md` comes first in its folder."""

    def key(path: str) -> tuple:  # MkDocs' own order: a folder's files, index first, then
        parts = path.split("/")  # its subfolders
        return (parts[:-1], parts[-1] not in ("index.md", "README.md"), parts[-1])

    nav: list = []
    sections: dict[tuple[str, ...], list] = {(): nav}
    for path in sorted(paths, key=key):
        parts = path.split("/")
        for depth in range(1, len(parts)):
            folder = tuple(parts[:depth])
            if folder not in sections:
                sections[folder] = []
                title = folder[-1].replace("-", " ").replace("_", " ").capitalize()
                sections[folder[:-1]].append({title: sections[folder]})
        sections[tuple(parts[:-1])].append(path)
    return nav


# --- the user's pages ------------------------------------------------------------------------
def expand_markers(markdown: str, build: CatalogBuild, src: str, page_url: str) -> str:
    """`markdown` with every marker line outside code replaced by its HTML, as a block Markdown
    passes through (blank lines around it). A marker in a fenced or indented code block, or one
    we do not know, stays as it is."""
    out: list[str] = []
    fence = ""
    for line in markdown.splitlines(keepends=True):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            out.append(line)
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            out.append(line)
            continue
        if line.startswith(("    ", "\t")) or not MARKER_RE.fullmatch(stripped):
            out.append(line)
            continue
        html = build.fill(stripped, src, page_url)
        out.append(line if html == stripped else f"\n{html.strip()}\n\n")
    return "".join(out)


def with_front_matter(markdown: str, key: str, value: str) -> str:
    """`markdown` with `key: value` added to its YAML front matter (made if there is none)."""
    line = f"{key}: {json.dumps(value, ensure_ascii=False)}\n"  # a JSON string is YAML too
    if markdown.startswith("---\n") and "\n---" in markdown[3:]:
        return "---\n" + line + markdown[4:]
    return f"---\n{line}---\n\n{markdown}"


# --- the project -----------------------------------------------------------------------------
@dataclass
class ProjectReport:
    outdir: str
    pages: int = 0  # generated pages
    user_pages: int = 0
    files: int = 0  # everything written under docs/
    problems: list = field(default_factory=list)
    catalog: Catalog | None = None

    def summary(self) -> str:
        return (
            f"{self.outdir}: a project with {self.user_pages} of your pages, {self.pages} generated"
            f" pages, {self.files} files in docs/; build it with `zensical build` or "
            f"`mkdocs build` inside {self.outdir}"
        )


def _check_outdir(out: Path, base: Path, docs: Path, entries: Path) -> None:
    out_r = out.resolve()
    for inside, name in ((base, "the project"), (docs, "docs_dir"), (entries, "entries_dir")):
        inside = inside.resolve()
        if out_r == inside or inside in out_r.parents or out_r in inside.parents:
            raise ProjectError(f"{out}: holds or is inside {name} ({inside}); choose another folder")
    if out.exists() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise ProjectError(f"{out}: exists, is not empty and was not written by generate --project")


def generate_project(config_file: str | os.PathLike, outdir: str | os.PathLike) -> ProjectReport:
    """Write the project for `config_file` (the user's mkdocs.yml) into `outdir`."""
    config_path = Path(config_file)
    base = config_path.resolve().parent
    config = read_config(config_path)
    plugins, options = _split_plugins(config.get("plugins", []))
    if options is None:
        raise ProjectError(f"{config_path}: the `awesome` plugin is not listed under plugins:")
    unknown = sorted(set(options) - set(PLUGIN_DEFAULTS))
    if unknown:
        raise ProjectError(f"{config_path}: plugins.awesome: unknown option(s) {unknown}")
    opts = {**PLUGIN_DEFAULTS, **options}
    docs = base / str(config.get("docs_dir", "docs"))
    entries = base / opts["entries_dir"]
    out = Path(outdir)
    _check_outdir(out, base, docs, entries)

    theme = dict(config.get("theme") or {"name": "material"})
    if isinstance(theme, str):
        theme = {"name": theme}
    user_custom = base / theme["custom_dir"] if theme.get("custom_dir") else None
    use_dir_urls = bool(config.get("use_directory_urls", True))
    site_url = _resolve_env(config.get("site_url"))
    catalog = load_catalog(entries, base_dir=base)
    report = ProjectReport(str(outdir), problems=list(catalog.problems), catalog=catalog)
    layout = layout_for(
        catalog, papers=opts["papers_dir"].strip("/"), categories=opts["categories_dir"].strip("/"),
        tags=opts["tags_dir"].strip("/"), downloads=opts["downloads_dir"].strip("/"),
        use_directory_urls=use_dir_urls,
    )
    build = CatalogBuild(
        catalog, layout, downloads=opts["downloads"], authors_shown=opts["authors_shown"],
        features=FEATURES, site_url=site_url, site_name=_resolve_env(config.get("site_name")),
        template_overrides=user_custom / OVERRIDE_FOLDER if user_custom else None,
    )

    def head(page: GeneratedPage | None, url: str) -> str:
        canonical = urljoin(site_url if site_url.endswith("/") else site_url + "/", url) \
            if isinstance(site_url, str) and site_url else None
        return build.head_html(page, url, canonical, paper_meta=opts["head_metadata"])

    # start from a clean folder: everything in it was written by an earlier run
    for name in ("docs", "overrides", "mkdocs.yml", MANIFEST):
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    out_docs = out / "docs"
    out_docs.mkdir(parents=True)
    generated = {page.src for page in build.pages()}

    # the user's pages and files
    user_pages: list[str] = []
    if docs.is_dir():
        for path in sorted(docs.rglob("*")):
            rel = path.relative_to(docs).as_posix()
            if not path.is_file() or rel in generated:
                continue
            target = out_docs / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix == ".md":
                url = layout.url_of(rel)
                text = expand_markers(path.read_text(encoding="utf-8"), build, rel, url)
                text = with_front_matter(text, HEAD_KEY, head(None, url))
                target.write_text(text, encoding="utf-8")
                user_pages.append(rel)
            else:
                shutil.copy2(path, target)
            report.files += 1
    report.user_pages = len(user_pages)

    # what the catalogue adds
    def write(rel: str, content: str | bytes) -> None:
        target = out_docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
        report.files += 1

    for page in build.pages():
        url = layout.url_of(page.src)
        write(page.src, page_markdown(build, page, {HEAD_KEY: head(page, url)}, tags=False))
        report.pages += 1
    if opts["downloads"]:
        for src, content in build.downloads():
            write(src, content)
    for src, content in build.feature_files():
        write(src, content)
    assets, css, js = asset_files()
    for src, content in assets.items():
        write(src, content)

    # the theme override, around a copy of the user's custom_dir
    overrides = out / "overrides"
    if user_custom is not None and user_custom.is_dir():
        shutil.copytree(user_custom, overrides,
                        ignore=lambda d, names: [OVERRIDE_FOLDER] if Path(d) == user_custom else [])
    overrides.mkdir(exist_ok=True)
    if (overrides / "main.html").exists():
        raise ProjectError(
            f"{user_custom}/main.html: the project needs its own main.html for the <head> tags; "
            f"move your blocks into another template"
        )
    shutil.copyfile(THEME_OVERRIDE, overrides / "main.html")

    # mkdocs.yml
    new = {k: v for k, v in config.items() if k not in ("docs_dir", "site_dir", "plugins")}
    new["docs_dir"] = "docs"
    theme["custom_dir"] = "overrides"
    new["theme"] = theme
    new["plugins"] = plugins
    for key, names in (("extra_css", css), ("extra_javascript", js)):
        listed = list(config.get(key) or [])
        new[key] = listed + [n for n in names if n not in listed]
    if opts["nav"]:
        nav = config.get("nav") or nest_pages(user_pages)
        new["nav"] = merge_nav(nav, build.nav(
            categories_title=opts["nav_categories_title"], tags_title=opts["nav_tags_title"],
            show_counts=opts["nav_counts"],
        ))
    hidden = [f"/{p.src}" for p in build.pages() if not p.in_nav]
    if hidden:
        listed = str(config.get("not_in_nav") or "")
        new["not_in_nav"] = (listed.rstrip("\n") + "\n" if listed else "") + "\n".join(hidden) + "\n"
    (out / "mkdocs.yml").write_text(
        "# Written by `mkdocs-awesome generate --project`; edit the original and run it again.\n"
        + yaml.dump(new, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8",
    )
    (out / MANIFEST).write_text(json.dumps({"generator": "mkdocs-awesome generate --project",
                                            "source": str(config_path.resolve())}, indent=1) + "\n",
                                encoding="utf-8")
    return report
