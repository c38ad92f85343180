"""How low the plugin's share of a cold build could go: the per-paper work no cache can skip
on a first build, timed alone, against the rest of a measured build.

    python benchmarks/cold_floor.py PROJECT TIMERS_JSON [--rounds 3]

PROJECT is a plugin project (`synth.py`); TIMERS_JSON the output of `inprocess.py timers` for a
cold build of it, whose `build - plugin` is what MkDocs and Material spend. Each part below is
timed over every entry of PROJECT (median of `--rounds`), outside any build:

- read: the entry files' bytes;
- yaml_c: those bytes through libyaml's C loader (`yaml.CSafeLoader`), which knows no line
  numbers: less than the plugin must do to name `file:line` in its messages;
- load: the plugin's own `load_catalog` without a cache (parse, validate, checks across entries);
- paper_pages: every paper page's template rendered once (`Renderer.paper_page`);
- rows: every listing row rendered once (`Renderer.row_html`);
- bibtex: every entry written as BibTeX (shown on its page, and the explorer's copy button).

The share printed for a set of parts is `parts / (mkdocs + parts)`: the plugin's share of a cold
build if it did only those parts and nothing else.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs_awesome_plugin.build import CatalogBuild  # noqa: E402
from mkdocs_awesome_plugin.catalog.load import load_catalog  # noqa: E402
from mkdocs_awesome_plugin.exports.bibtex import entry_to_bibtex  # noqa: E402
from mkdocs_awesome_plugin.features import FEATURES  # noqa: E402
from mkdocs_awesome_plugin.render.site import layout_for  # noqa: E402


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def parts(project: Path) -> dict[str, float]:
    entries = project / "entries"
    files = sorted((entries / "papers").glob("*.yaml"))
    times: dict[str, float] = {}
    data: list[bytes] = []
    times["read"] = _timed(lambda: data.extend(f.read_bytes() for f in files))
    times["yaml_c"] = _timed(lambda: [yaml.load(b, Loader=yaml.CSafeLoader) for b in data])
    held = {}
    times["load"] = _timed(lambda: held.setdefault("catalog", load_catalog(entries)))
    catalog = held["catalog"]
    build = CatalogBuild(catalog, layout_for(catalog, use_directory_urls=True), features=FEATURES)
    renderer = build.renderer
    papers = [(catalog.entries[p.ref], build.layout.url_of(p.src))
              for p in build.pages() if p.kind == "paper" and not p.feature]
    renderer.related(papers[0][0])  # the related-papers index is made once, not per page
    times["paper_pages"] = _timed(lambda: [renderer.paper_page(e, url) for e, url in papers])
    times["rows"] = _timed(lambda: [renderer.row_html(e) for e, _ in papers])
    times["bibtex"] = _timed(lambda: [entry_to_bibtex(e) for e, _ in papers])
    times["papers"] = len(papers)
    return times


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("project", type=Path)
    ap.add_argument("timers", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    timers = json.loads(args.timers.read_text(encoding="utf-8"))
    mkdocs = timers["build"] - timers["phases"]["total"]
    runs = [parts(args.project) for _ in range(args.rounds)]
    median = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"papers {median.pop('papers'):.0f}; MkDocs and Material in the measured cold build: "
          f"{mkdocs:.1f} s (build {timers['build']:.1f} s, plugin {timers['phases']['total']:.1f} s)")
    for name, seconds in median.items():
        print(f"  {name:12} {seconds:6.2f} s")
    for label, names in (
        ("C parse only", ("read", "yaml_c")),
        ("C parse + paper template + rows + BibTeX",
         ("read", "yaml_c", "paper_pages", "rows", "bibtex")),
        ("plugin's load + paper template + rows + BibTeX",
         ("load", "paper_pages", "rows", "bibtex")),
    ):
        floor = sum(median[n] for n in names)
        print(f"share if the plugin did only {label}: {floor:.2f} s = "
              f"{100 * floor / (mkdocs + floor):.1f} %")


if __name__ == "__main__":
    main()
