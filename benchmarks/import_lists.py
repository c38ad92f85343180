"""How well `mkdocs-awesome import` reads real paper lists.

    python benchmarks/import_lists.py README-a.md README-b.md ... [--build]

For each README: the distinct arXiv ids it links, the entries written, the share of those ids
that became entries, the entries titled with a link label (`paper`, `[PDF]`) or an alias (`SAMURAI:`),
the share of entries with authors, and the time the import took. With `--build`, each imported
catalogue is also built by a plain `mkdocs build` (in a site made by `mkdocs-awesome init`).
The READMEs are not part of the repository: fetch the lists named in docs/importing.md.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mkdocs_awesome_plugin.catalog.identity import arxiv_id_anywhere  # noqa: E402
from mkdocs_awesome_plugin.importers import import_readme  # noqa: E402
from mkdocs_awesome_plugin.importers.awesome_readme.blocks import mask_comments  # noqa: E402
from mkdocs_awesome_plugin.importers.awesome_readme.records import is_label  # noqa: E402

_ARXIV_LINK = re.compile(r"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/[^\s)\]\"'<>|]+",
                         re.IGNORECASE)


def linked_arxiv_ids(text: str) -> set[str]:
    """The distinct arXiv ids the README links (outside HTML comments)."""
    lines, _, _ = mask_comments(text.splitlines())
    ids = set()
    for m in _ARXIV_LINK.finditer("\n".join(lines)):
        ident = arxiv_id_anywhere(m.group(0).rstrip(".,;"))
        if ident:
            ids.add(ident)
    return ids


def bad_title(title: str) -> bool:
    """A link label (`paper`, `[PDF]`) or a bare alias (`SAMURAI:`) instead of a title."""
    return is_label(title) or title.rstrip().endswith(":")


def measure(path: Path, build: bool) -> dict:
    text = path.read_text(encoding="utf-8", errors="replace")
    ids = linked_arxiv_ids(text)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        start = time.perf_counter()
        report = import_readme(text, path.name, site / "entries")
        seconds = time.perf_counter() - start
        entries = report.entries
        imported = {e.arxiv for e in entries if e.arxiv} | {
            r.arxiv for e in entries for r in e.rows if r.arxiv
        }
        built = None
        if build:
            from mkdocs_awesome_plugin.cli.init import init_site

            init_site(site, source=None, quiet=True)
            done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                                   str(site / "mkdocs.yml")], capture_output=True, text=True)
            built = done.returncode == 0
            if not built:
                print(done.stderr[-2000:], file=sys.stderr)
    return {
        "list": path.stem,
        "arxiv_ids": len(ids),
        "entries": len(entries),
        "imported": len(ids & imported) / len(ids) if ids else 1.0,
        "bad_titles": sum(bad_title(e.title) for e in entries),
        "with_authors": sum(bool(e.authors) for e in entries) / len(entries) if entries else 0.0,
        "skipped": sum(len(v) for v in report.skips.values()),
        "seconds": seconds,
        "build": built,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readmes", nargs="+", type=Path)
    parser.add_argument("--build", action="store_true", help="also run mkdocs build on each result")
    args = parser.parse_args(argv)
    print("| list | arXiv ids linked | entries | ids imported | label/alias titles "
          "| entries with authors | skipped non-papers | time | build |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for path in args.readmes:
        r = measure(path, args.build)
        build = "" if r["build"] is None else ("ok" if r["build"] else "FAILED")
        print(f"| {r['list']} | {r['arxiv_ids']} | {r['entries']} | {r['imported']:.1%} | "
              f"{r['bad_titles']} | {r['with_authors']:.0%} | {r['skipped']} | "
              f"{r['seconds']:.2f} s | {build} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
