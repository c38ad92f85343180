"""Full builds for issue 13, side by side: the plugin against the hand-written site, with and
without downloads, the plugin with a cold and a warm persistent cache (`.cache/mkdocs-awesome/`).

    .venv/bin/python benchmarks/issue13.py --sizes 1000,10000 --pairs 1 > benchmarks/results/issue13.md

For each N, the projects of benchmarks/run.py (synth.py + handwritten.py) and two copies without
downloads (plugin `downloads: false`; the hand-written site without its `docs/cite/`). Each round
runs, in this order: plugin cold (cache removed), baseline, plugin warm (cache of the previous
run), for both variants. Wall time and peak RSS from `/usr/bin/time -v` (see run.timed_build),
search index size. Medians over the rounds. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (benchmarks/run.py: project writing and timed builds)


def without_downloads(dirs: dict[str, Path]) -> dict[str, Path]:
    out = {}
    for variant, src in dirs.items():
        dest = src.parent / f"{variant}-nodl"
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(src, dest, ignore=shutil.ignore_patterns("site", ".cache"))
        if variant == "plugin":
            cfg = dest / "mkdocs.yml"
            text = cfg.read_text(encoding="utf-8")
            assert "- awesome" in text or "awesome:" in text
            text = text.replace("- awesome:\n", "- awesome:\n      downloads: false\n", 1) \
                if "- awesome:\n" in text else text.replace("- awesome\n",
                                                            "- awesome:\n      downloads: false\n", 1)
            cfg.write_text(text, encoding="utf-8")
        else:  # no files, and no lines linking to them
            shutil.rmtree(dest / "docs" / "cite", ignore_errors=True)
            for page in (dest / "docs").rglob("*.md"):
                text = page.read_text(encoding="utf-8")
                if "cite/" in text:
                    kept = [line for line in text.split("\n") if "cite/" not in line]
                    page.write_text("\n".join(kept), encoding="utf-8")
        out[variant] = dest
    return out


def one(project: Path, cold: bool) -> dict:
    if cold:
        shutil.rmtree(project / ".cache" / "mkdocs-awesome", ignore_errors=True)
    result = run.timed_build(project, "--strict")
    result["search_bytes"] = (project / "site" / "search" / "search_index.json").stat().st_size
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--pairs", type=int, default=1)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/awesome-bench13"))
    args = ap.parse_args()
    print(f"Machine: {run.machine()}\n")
    print("| N | downloads | rounds | plugin cold s | plugin warm s | hand-written s | cold ÷ hw | "
          "warm ÷ hw | peak RSS cold / warm / hw MiB | cold ÷ hw RSS | search index plugin / hw | "
          "ratio |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|")
    for n in (int(x) for x in args.sizes.split(",")):
        dirs = run.prepare(args.workdir, n)
        variants = {"yes": dirs, "no": without_downloads(dirs)}
        results = {v: {"cold": [], "warm": [], "hw": []} for v in variants}
        for _ in range(args.pairs):
            for v, d in variants.items():
                results[v]["cold"].append(one(d["plugin"], cold=True))
                results[v]["hw"].append(one(d["baseline"], cold=False))
                results[v]["warm"].append(one(d["plugin"], cold=False))
        for v, r in results.items():
            med = {k: statistics.median(x["wall"] for x in r[k]) for k in r}
            rss = {k: statistics.median(x["rss_mib"] for x in r[k]) for k in r}
            sb = {k: r[k][0]["search_bytes"] for k in r}
            print(f"| {n:,} | {v} | {args.pairs} | {med['cold']:.2f} | {med['warm']:.2f} | "
                  f"{med['hw']:.2f} | **{med['cold'] / med['hw']:.2f}** | "
                  f"{med['warm'] / med['hw']:.2f} | {rss['cold']:.0f} / {rss['warm']:.0f} / "
                  f"{rss['hw']:.0f} | **{rss['cold'] / rss['hw']:.2f}** | "
                  f"{sb['cold'] / 1e6:.2f} / {sb['hw'] / 1e6:.2f} MB | "
                  f"**{sb['cold'] / sb['hw']:.2f}** |", flush=True)
        print(f"\nLoad average after N={n}: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
