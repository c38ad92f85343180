"""`mkdocs` with one part of the plugin switched off, to measure what that part costs.

    AWESOME_BENCH_WHATIF=no-title-check python benchmarks/whatif.py build -d site

Runs the normal MkDocs command line after patching the package in memory (nothing on disk is
changed). Used by `run.py --whatif ...`; figures measured this way are labelled "what-if" in the
report and never count for the targets.

What-ifs:
- `no-title-check`: the near-identical-title warning of `catalog/quality.py` (`TitleIndex`, which
  compares every new title with every known one: quadratic in the number of entries on a cold
  build) records titles without comparing them. Every other check still runs.
"""

from __future__ import annotations

import os
import sys

WHATIFS = ("no-title-check",)


def apply(name: str | None) -> bool:
    """Apply the what-if `name` (a no-op for None/""); False if the code it patches is gone."""
    if not name:
        return True
    if name not in WHATIFS:
        raise SystemExit(f"unknown what-if {name!r}; known: {', '.join(WHATIFS)}")
    try:
        from mkdocs_awesome_plugin.catalog import quality
    except ImportError:
        return False
    index = getattr(quality, "TitleIndex", None)
    if index is None or not hasattr(index, "_add"):
        return False

    def _add_without_comparing(self, title: str) -> None:
        self.compared = getattr(self, "compared", 0) + 1
        self._titles.add(title)

    index._add = _add_without_comparing
    return True


if __name__ == "__main__":
    if not apply(os.environ.get("AWESOME_BENCH_WHATIF")):
        print("whatif: the code to patch was not found; running unpatched", file=sys.stderr)
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", *sys.argv[1:]]
    cli()
