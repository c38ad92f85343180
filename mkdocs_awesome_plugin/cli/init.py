"""`mkdocs-awesome init [--from README.md | refs.bib]`: a paper-list site in an empty or existing
repository.

Writes `mkdocs.yml` (Material and the `awesome` plugin), `docs/index.md` with the markers,
`entries/` (imported from `--from` when given), the pull-request and deploy workflows, a
pre-commit configuration, `requirements.txt` and a README with the list markers. An existing file
is never overwritten: it is named as skipped, and for `README.md` the markers to add are shown.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib.resources import files
from pathlib import Path
from string import Template

from ..fileio import write_atomic

# template file -> where it goes in the repository
TEMPLATES = (
    ("mkdocs.yml", "mkdocs.yml"),
    ("docs/index.md", "docs/index.md"),
    ("github/check.yml", ".github/workflows/check.yml"),
    ("github/deploy.yml", ".github/workflows/deploy.yml"),
    ("pre-commit-config.yaml", ".pre-commit-config.yaml"),
    ("requirements.txt", "requirements.txt"),
    ("README.md", "README.md"),
)
STARTER_CATEGORIES = "- slug: papers\n  title: Papers\n"
STARTER_TAGS = "untagged: Not yet tagged by a curator.\n"


def _site_name(root: Path, source: Path | None) -> str:
    for path in (source, root / "README.md"):
        if path is not None and path.suffix.lower() == ".md" and path.is_file():
            m = re.search(r"^#\s+(.+?)\s*#*\s*$", path.read_text(encoding="utf-8", errors="replace"),
                          re.MULTILINE)
            if m:
                name = re.sub(r"\[([^\]]*)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|<[^>]*>|[*_`]", r"\1",
                              m.group(1)).strip()
                if name:
                    return name
    return root.resolve().name.replace("-", " ").replace("_", " ").title() or "Papers"


def init_site(root: Path, source: Path | None = None, *, name: str | None = None,
              quiet: bool = False) -> list[str]:
    """Write the files of a paper-list site under `root`; returns what was done, one line each.

    Nothing that exists is overwritten. With `source`, its papers are imported into
    `root/entries` (an existing entry file is kept, as `import` does).
    """
    root = Path(root)
    done: list[str] = []
    site_name = name or _site_name(root, source)
    # YAML and Markdown both read the name: keep it on one line, without YAML's special openers
    site_name = re.sub(r"\s+", " ", site_name).strip().lstrip("!&*%@`|>'\"{[#?:-,") or "Papers"
    templates = files("mkdocs_awesome_plugin") / "init_templates"
    for template, target in TEMPLATES:
        text = Template(templates.joinpath(template).read_text(encoding="utf-8"))
        value = site_name if not target.endswith(".yml") else site_name.replace('"', "'")
        if target == "mkdocs.yml":
            value = '"' + value.replace("\\", "/") + '"'
        out = root / target
        out.parent.mkdir(parents=True, exist_ok=True)
        if write_atomic(out, text.safe_substitute(site_name=value), overwrite=False):
            done.append(f"wrote {target}")
        elif target == "README.md" and "<!-- awesome:readme:start -->" not in out.read_text(
                encoding="utf-8", errors="replace"):
            done.append("skipped README.md (exists); to list the papers in it, add the lines "
                        "<!-- awesome:readme:start --> and <!-- awesome:readme:end --> and run "
                        "mkdocs-awesome readme")
        else:
            done.append(f"skipped {target} (exists)")
    entries = root / "entries"
    if source is not None:
        from ..importers import import_bibtex, import_readme

        text = source.read_text(encoding="utf-8")
        importer = import_bibtex if source.suffix.lower() == ".bib" else import_readme
        report = importer(text, str(source), entries)
        done.append(report.summary() if not quiet else f"imported {report.entries_written} entries")
    else:
        (entries / "papers").mkdir(parents=True, exist_ok=True)
        for file_name, text in (("categories.yaml", STARTER_CATEGORIES), ("tags.yaml", STARTER_TAGS)):
            if write_atomic(entries / file_name, text, overwrite=False):
                done.append(f"wrote entries/{file_name}")
            else:
                done.append(f"skipped entries/{file_name} (exists)")
    return done


def add_parser(sub) -> argparse.ArgumentParser:
    """The `init` sub-command and its options."""
    p = sub.add_parser("init", help="set up a paper-list site here (mkdocs.yml, docs, entries, CI)",
                       description=__doc__)
    p.add_argument("--from", dest="source", metavar="README.md|refs.bib",
                   help="import the papers of this list or BibTeX file into entries/")
    p.add_argument("--dir", default=".", help="the repository folder (default: here)")
    p.add_argument("--name", help="the site's name (default: the README's first heading)")
    return p


def run(args: argparse.Namespace) -> int:
    """Write the site's files, never overwriting one, and say what was done."""
    source = Path(args.source) if args.source else None
    if source is not None and not source.is_file():
        print(f"{source}: no such file", file=sys.stderr)
        return 2
    try:
        for line in init_site(Path(args.dir), source, name=args.name):
            print(line)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"init: {exc}", file=sys.stderr)
        return 2
    print("next: mkdocs serve --livereload   (then open http://127.0.0.1:8000/)")
    return 0
