"""Near-identical titles: the rapidfuzz-based `TitleIndex` against the hand-written index it
replaced (taken from git history), on the real and the synthetic catalogues.

    .venv/bin/python benchmarks/synth.py 1000 /tmp/syn1000
    .venv/bin/python benchmarks/titles.py entries /tmp/syn1000/entries [--reps 3]

For each catalogue, and for the same titles plus edited copies of 30% of them (so that there are
pairs to find), it reports the CPU time (process time: the machine may be shared) to index all
titles (median of --reps, alternating the two),
the pairs each finds and whether pairs and scores are identical, and the time to update the index
after one title changed (what `mkdocs serve` does).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mkdocs_awesome_plugin.catalog import load_catalog  # noqa: E402
from mkdocs_awesome_plugin.catalog.quality import normalize_title  # noqa: E402
from mkdocs_awesome_plugin.catalog.titles import TitleIndex  # noqa: E402

# the last commit with the hand-written index (prefix filtering, bigram and quick_ratio bounds)
HAND_COMMIT = "25b90ca"


def hand_index_class(commit: str) -> type:
    source = subprocess.run(
        ["git", "show", f"{commit}:mkdocs_awesome_plugin/catalog/quality.py"],
        cwd=REPO, check=True, capture_output=True, text=True,
    ).stdout
    module = types.ModuleType("hand_quality")
    module.__package__ = "mkdocs_awesome_plugin.catalog"
    exec(compile(source, "hand_quality.py", "exec"), module.__dict__)
    return module.TitleIndex


def edited_copies(titles: list[str], share: float, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    out = set(titles)
    for title in rng.sample(titles, int(len(titles) * share)):
        chars = list(title)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(chars))
            chars[i : i + 1] = rng.choice([[], ["x"], [chars[i], "e"], [" "]])
        out.add(" ".join("".join(chars).split()))
    return sorted(out)


def run(cls: type, titles: list[str]) -> tuple[float, dict, float]:
    index = cls()
    start = time.process_time()
    index.update(titles)
    full = time.process_time() - start
    pairs = {frozenset((a, b)): round(s, 12) for a in titles for b, s in index.similar(a).items()}
    start = time.process_time()
    index.update(titles[:-1] + [titles[-1] + " x"])
    return full, pairs, time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("entries", nargs="+", type=Path)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--commit", default=HAND_COMMIT)
    args = ap.parse_args()
    hand = hand_index_class(args.commit)
    print("| titles | N | hand-written CPU s | rapidfuzz CPU s | pairs (hand / rapidfuzz) | same pairs "
          "and scores | one title changed: hand / rapidfuzz s |")
    print("|---|---:|---:|---:|---:|---|---:|")
    for root in args.entries:
        base = sorted({normalize_title(e.title) for e in load_catalog(root).entries.values()})
        for label, titles in ((str(root), base), (f"{root} + 30% edited", edited_copies(base, 0.3))):
            times: dict[str, list[float]] = {"hand": [], "rf": []}
            results = {}
            for _ in range(args.reps):
                for name, cls in (("hand", hand), ("rf", TitleIndex)):
                    full, pairs, one = run(cls, titles)
                    times[name].append(full)
                    results[name] = (pairs, one)
            (hp, hone), (rp, rone) = results["hand"], results["rf"]
            print(f"| {label} | {len(titles):,} | {statistics.median(times['hand']):.3f} | "
                  f"{statistics.median(times['rf']):.3f} | {len(hp)} / {len(rp)} | "
                  f"{'yes' if hp == rp else 'NO'} | {hone:.3f} / {rone:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
