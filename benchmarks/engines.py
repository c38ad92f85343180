"""Both engines on one synthetic catalogue: the plugin's `mkdocs build` against
`mkdocs-awesome generate --project` followed by `zensical build` (issue 14).

    .venv/bin/python benchmarks/engines.py --sizes 1000,10000 --out benchmarks/results/engines.md

For each N, `synth.write_project` writes the catalogue and its plugin project under --workdir.
Then, each in a subprocess under `/usr/bin/time -v` (wall time and peak RSS), --runs times:
1. `mkdocs build` of the plugin project (site folder removed first);
2. `mkdocs-awesome generate --project OUT` (OUT removed first);
3. `zensical build --clean` inside OUT (Zensical's cache cleared, so every run is a full build).
Medians are reported, with the number of pages each build wrote.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

ENV = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
TIME_BIN = "/usr/bin/time"


def timed(cmd: list[str], cwd: Path) -> dict:
    """Run `cmd` in `cwd`: wall seconds and peak RSS (MiB, when /usr/bin/time is there)."""
    if os.access(TIME_BIN, os.X_OK):
        cmd = [TIME_BIN, "-v", *cmd]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed in {cwd}:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return {"wall": wall, "rss_mib": int(m.group(1)) / 1024 if m else None}


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def measure(n: int, workdir: Path, runs: int) -> dict:
    project = synth.write_project(n, workdir / f"engines-{n}")
    out = workdir / f"engines-{n}-zensical"
    bin_dir = Path(sys.executable).parent
    rows: dict[str, list[dict]] = {"mkdocs": [], "generate": [], "zensical": []}
    for _ in range(runs):
        shutil.rmtree(project / "site", ignore_errors=True)
        rows["mkdocs"].append(timed([sys.executable, "-m", "mkdocs", "build", "-d", "site"],
                                    project))
        shutil.rmtree(out, ignore_errors=True)
        rows["generate"].append(timed([str(bin_dir / "mkdocs-awesome"), "generate", "--project",
                                       str(out)], project))
        rows["zensical"].append(timed([sys.executable, "-m", "zensical", "build", "--clean"], out))
    result = {"n": n, "pages_mkdocs": pages(project / "site"), "pages_zensical": pages(out / "site")}
    for name, items in rows.items():
        result[name] = statistics.median(r["wall"] for r in items)
        rss = [r["rss_mib"] for r in items if r["rss_mib"] is not None]
        result[name + "_rss"] = max(rss) if rss else None
    return result


def report(results: list[dict], runs: int) -> str:
    def mb(x):
        return f"{x:,.0f} MiB" if x is not None else "n/a"

    lines = [
        f"Medians of {runs} run(s); peak RSS is the largest of the runs.", "",
        "| papers | pages (MkDocs / Zensical) | MkDocs + plugin | generate --project "
        "| zensical build | generate + Zensical |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['n']:,} | {r['pages_mkdocs']:,} / {r['pages_zensical']:,} "
            f"| {r['mkdocs']:.1f} s, {mb(r['mkdocs_rss'])} "
            f"| {r['generate']:.1f} s, {mb(r['generate_rss'])} "
            f"| {r['zensical']:.1f} s, {mb(r['zensical_rss'])} "
            f"| {r['generate'] + r['zensical']:.1f} s |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--workdir", default="/tmp/awesome-engines")
    parser.add_argument("--out", default=str(HERE / "results" / "engines.md"))
    args = parser.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        results.append(measure(n, workdir, args.runs))
        print(f"N={n}: {results[-1]}", file=sys.stderr, flush=True)
    text = report(results, args.runs)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
