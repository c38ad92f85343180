"""Write the catalogue's pages and files into a folder, for any static site generator.

Zensical and MkDocs 2 do not run third-party MkDocs plugins, so `mkdocs-awesome generate OUTDIR`
writes what the plugin would add to a site as ordinary files:

- every generated page (categories, tags, papers, and the features' pages) as a Markdown file
  whose body is the finished HTML from `CatalogBuild.render_page`, under YAML front matter with
  `title` (and `tags` for a paper), written with `yaml.safe_dump`;
- the citation downloads (`cite/...`), the features' data files, and the stylesheet and scripts
  under `assets/awesome/`, which the site must load (`extra_css` / `extra_javascript`).

Links between pages are relative and assume directory URLs (`papers/<key>/`), as MkDocs and
Zensical give by default. Titles in front matter are HTML-escaped, as the plugin hands them to
Material, which prints page titles unescaped.

The folder may be the site's own docs folder: files written by an earlier run are listed in
`MANIFEST` (with the stylesheets and scripts to load) and removed when their entry is gone, and a file this command did not write is never
overwritten (unless `force`) nor removed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .build import CatalogBuild, GeneratedPage
from .catalog.model import Catalog
from .features import FEATURES, assets
from .fileio import write_if_changed
from .render.pages import chrome_title
from .render.site import layout_for

MANIFEST = ".awesome-generated.json"  # a dot file: MkDocs and Zensical do not publish it


@dataclass
class GenerateReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # files we did not write; left alone
    css: list[str] = field(default_factory=list)
    js: list[str] = field(default_factory=list)

    def summary(self, outdir: str) -> str:
        lines = [
            f"{outdir}: {len(self.written)} files written, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed"
        ]
        lines += [
            f"{outdir}/{c}: exists and was not written by generate; left alone (use --force)"
            for c in self.conflicts
        ]
        lines.append(f"load in every page: extra_css: {self.css}" + (
            f", extra_javascript: {self.js}" if self.js else ""
        ))
        return "\n".join(lines)


def page_markdown(
    build: CatalogBuild, page: GeneratedPage, extra: dict | None = None, *, tags: bool = True
) -> str:
    """A generated page as a Markdown file: front matter (`title`, a paper's `tags` unless
    `tags` is false, then `extra`), then the page's finished HTML."""
    meta: dict = {"title": chrome_title(page.title)}
    if tags and page.kind == "paper" and not page.feature:
        meta["tags"] = list(build.catalog.entries[page.ref].tags)
    meta.update(extra or {})
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    html = build.render_page(page, build.layout.url_of(page.src)).strip("\n")
    return f"---\n{front}---\n\n{html}\n"


def site_files(catalog: Catalog) -> tuple[dict[str, str | bytes], list[str], list[str]]:
    """(path -> content, css, js) of everything the catalogue adds to a site."""
    build = CatalogBuild(catalog, layout_for(catalog, use_directory_urls=True), features=FEATURES)
    files: dict[str, str | bytes] = {}
    for page in build.pages():
        files[page.src] = page_markdown(build, page)
    for src, content in build.downloads():
        files[src] = content
    for src, content in build.feature_files():
        files[src] = content
    assets, css, js = asset_files()
    files.update(assets)
    return files, css, js


def asset_files() -> tuple[dict[str, bytes], list[str], list[str]]:
    """(path -> content, css, js) of the stylesheets and scripts every page must load."""
    return assets.asset_files(FEATURES)


def _safe_relative(rel: str) -> bool:
    parts = Path(rel).parts
    return bool(parts) and not Path(rel).is_absolute() and ".." not in parts


def generate(catalog: Catalog, outdir: str | os.PathLike, *, force: bool = False) -> GenerateReport:
    """Write the catalogue's pages and files under `outdir` (see the module doc)."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / MANIFEST
    try:
        previous = set(json.loads(manifest_path.read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        previous = set()
    files, css, js = site_files(catalog)
    report = GenerateReport(css=css, js=js)
    ours: set[str] = set()
    for rel, content in sorted(files.items()):
        target = out / rel
        payload = content.encode("utf-8") if isinstance(content, str) else content
        if target.exists() and rel not in previous and not force:
            if target.read_bytes() != payload:
                report.conflicts.append(rel)
                continue
        ours.add(rel)
        if write_if_changed(target, payload):
            report.written.append(rel)
        else:
            report.unchanged.append(rel)
    for rel in sorted(previous - ours):
        if rel in report.conflicts or not _safe_relative(rel):
            continue
        target = out / rel
        if target.is_file():
            target.unlink()
            report.removed.append(rel)
            _remove_empty_parents(target.parent, out)
    manifest = {
        "generator": "mkdocs-awesome generate", "extra_css": css, "extra_javascript": js,
        "files": sorted(ours),
    }
    write_if_changed(manifest_path, json.dumps(manifest, indent=1) + "\n")
    return report


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    stop = stop.resolve()
    while folder.resolve() != stop and stop in folder.resolve().parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
