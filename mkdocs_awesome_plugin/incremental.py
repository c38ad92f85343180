"""What a rebuild under `mkdocs serve --dirty` must write again. No MkDocs imports.

Every generated page and download gets a fingerprint: a hash of what its content is made from
(the entries it shows, the catalogue's categories and tags, the plugin's options and version, the
templates). The plugin reports a file modified to MkDocs only when its fingerprint differs from
the one of the last finished build, so a dirty rebuild renders the edited paper's page, the
listings and downloads that hold it and the catalogue-wide pages (indices, explorer, stats, feeds),
and skips the rest. A plain `mkdocs build` ignores all this and renders everything.

What a fingerprint does not follow (may be stale in a dirty preview until a full build): the nav
drawn on pages that were not rebuilt (counts, new or renamed categories), and anything a paper
page might show from other entries.

Material's search plugin keeps only the pages it indexed in a dirty build; `merge_search`
puts the records of the pages not rebuilt back, so that search stays complete.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from .build import MARKER_RE, CatalogBuild
from .catalog.model import Entry

TEMPLATES = Path(__file__).parent / "render" / "templates"


def _digest(*parts: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def templates_stamp(*folders: str | Path | None) -> str:
    """The template files (packaged and overrides) by name within their folder and content.

    Content, not modification times or absolute paths: a CI runner's fresh checkout (and a
    fresh install of the plugin) dates every file anew, and the build cache it restored must
    still match. Some twenty small files: well under a millisecond to hash."""
    parts = [getattr(sys.modules[__package__], "__version__", "")]
    for index, folder in enumerate(folders):
        if folder is None or not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                try:
                    content = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
                except OSError:
                    content = "unreadable"
                parts.append(f"{index}:{path.relative_to(folder).as_posix()}:{content}")
    return _digest(*parts)


def settings_stamp(*settings: object, overrides: str | Path | None = None) -> str:
    """A hash of what every output depends on: options, site settings, the templates."""
    return _digest(*map(repr, settings), templates_stamp(TEMPLATES, overrides))


def fingerprints(build: CatalogBuild, settings: str) -> dict[str, str]:
    """Source path -> fingerprint of every generated page and download of `build`.

    `settings`: the options and templates stamp the whole output depends on.
    """
    catalog, layout = build.catalog, build.layout
    digests = {key: build.digest(e) for key, e in catalog.entries.items()}
    # the edit and issue links on paper pages come from MkDocs' repo_url and edit_uri
    base = _digest(
        settings, repr(catalog.categories), repr(sorted(catalog.tags.items())),
        repr(sorted(catalog.tag_implies.items())), repr(build.renderer.edit_links),
    )
    everything = _digest(base, *(k + digests[k] for k in sorted(digests)))

    def over(entries: Iterable[Entry]) -> str:
        return _digest(base, *(e.key + digests[e.key] for e in entries))

    scoped: dict[tuple[str, str], str] = {("all", "all"): everything}
    for category in catalog.all_categories():
        scoped["categories", category.slug] = over(catalog.entries_in_subtree(category))
    for tag in catalog.tags:
        scoped["tags", tag] = over(catalog.entries_with_tag(tag))
    for key, entry in catalog.entries.items():
        # a paper page also shows its related papers (titles, authors, years)
        others = sorted(build.renderer.related_to(entry))
        scoped["papers", key] = _digest(base, digests[key], *(k + digests[k] for k in others))

    out: dict[str, str] = {}
    kinds = {"paper": "papers", "category": "categories", "tag": "tags"}
    for page in build.pages():
        scope = "" if page.feature else kinds.get(page.kind, "")
        out[page.src] = scoped.get((scope, page.ref), everything)
    if build.downloads_enabled:
        for (scope, name), fingerprint in scoped.items():
            for ext in ("bib", "json", "ris"):
                out[layout.download_src(scope, name, ext)] = fingerprint
    out[""] = everything  # the catalogue as a whole: pages of the site's own that hold markers
    return out


def date_back_marker_pages(pages: Iterable[tuple[str | None, str]]) -> None:
    """Date back the output of each (source, output) page whose source holds one of our markers,
    so that a dirty build (which compares the two dates) renders it again."""
    for source, output in pages:
        if source and os.path.isfile(output) and MARKER_RE.search(
            Path(source).read_text(encoding="utf-8-sig", errors="replace")
        ):
            os.utime(output, (0, 0))


def merge_search(
    previous: dict[str, list[dict]], fresh: Iterable[dict], built: set[str],
    present: Iterable[str],
) -> dict[str, list[dict]]:
    """Search records by page URL after a dirty build.

    `previous`: records by page of the last build; `fresh`: the records indexed in this build (of
    the pages in `built` only); `present`: the URLs of every page of the site now, in order.
    Pages rebuilt take their fresh records (none if they are excluded from search); pages not
    rebuilt keep theirs; pages gone lose theirs.
    """
    grouped: dict[str, list[dict]] = {}
    for record in fresh:
        grouped.setdefault(str(record.get("location", "")).split("#", 1)[0], []).append(record)
    merged: dict[str, list[dict]] = {}
    for url in present:
        records = grouped.get(url, []) if url in built else previous.get(url, [])
        if records:
            merged[url] = records
    return merged


class Rebuilds:
    """What one plugin object remembers from build to build under `mkdocs serve`."""

    def __init__(self) -> None:
        self.done: dict[str, str] = {}  # fingerprints of the last finished build
        self.pending: dict[str, str] = {}  # of the build under way
        self.built: set[str] = set()  # URLs of the pages rendered in the build under way
        self.present: list[str] = []  # URLs of every page of the site in it
        self.search: dict[str, list[dict]] = {}  # search records by page URL
        self.outputs: set[str] = set()  # paths of the generated outputs of the build under way
        self.written: set[str] = set()  # of the last finished build

    def start(self, build: CatalogBuild, settings: str) -> dict[str, bool]:
        """Begin a build: source path -> whether that output changed since the last build
        (`""`: whether anything in the catalogue did)."""
        self.pending = build.fingerprints = fps = fingerprints(build, settings)
        build.renderer.rows_stamp = settings  # listing rows may come from the cache now
        self.built = set()
        return {src: fp != self.done.get(src) for src, fp in fps.items()}

    def finish(self, search_plugin: object | None = None) -> None:
        """End a build. `search_plugin`: Material's, after a dirty build (its index then holds
        only the pages rebuilt): the records of the others are put back before it writes."""
        self.done = self.pending
        if search_plugin is not None:  # a dirty build: outputs of pages gone are still there
            for path in self.written - self.outputs:
                Path(path).unlink(missing_ok=True)
        self.written = self.outputs
        index = getattr(search_plugin, "search_index", None)
        fresh = getattr(index, "entries", None)
        if not isinstance(fresh, list):
            return
        self.search = merge_search(self.search, fresh, self.built, self.present)
        index.entries = [record for records in self.search.values() for record in records]
        search_plugin.search_index_prev = None  # it would merge its own way: for one page only
