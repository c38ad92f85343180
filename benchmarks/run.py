"""Build-speed benchmark (issue 6): the plugin's site against the same site hand-written in Markdown.

    .venv/bin/python benchmarks/run.py                       # N = 100, 1,000, 10,000; 3 pairs
    .venv/bin/python benchmarks/run.py --sizes 100,1000 --pairs 1 --out /tmp/build.md   # quick

For each N it writes a synthetic catalogue and its project (`synth.py`, variant "plugin") and the
same site as plain Markdown (`handwritten.py`, variant "baseline") under --workdir, then:

1. full builds: the real `mkdocs build --strict` in a subprocess (under `/usr/bin/time -v` for
   the peak RSS), alternating plugin, baseline, plugin, baseline... for --pairs pairs, the site
   folder removed before each run (outside the timing). One untimed warm-up pair runs first.
   Reported: median wall time of each, the ratio plugin / baseline, the median peak RSS, the
   output size (bytes and files of site/, and of site/search/search_index.json);
2. the plugin's own time: one in-process build (`mkdocs.commands.build.build` on a loaded config, in
   a fresh interpreter) with a wall-clock timer around each plugin hook and around the catalogue
   loading and the download generation. Phases: load+validate (`load_catalog`), generate (the rest
   of `on_files`: page list, `File.generated`, nav), exports (producing the BibTeX/CSL-JSON/RIS
   download contents), render (`on_page_markdown` + `on_page_content` + `on_post_page`);
3. at --profile-sizes (default: the largest N), one in-process build under cProfile: where the
   time goes inside and outside the plugin (the .prof file is kept in --workdir);
4. at --incremental-size (default 1,000, if in --sizes): the rebuild after one entry changes,
   measured two ways: (a) serve-like, in-process: a first build, then one entry's title is edited
   and the config reloaded and built again in the same interpreter, so the same plugin instance
   and its EntryCache are reused (what `mkdocs serve` does on a change; livereload excluded);
   (b) `mkdocs build --dirty` in a subprocess after the same edit (for the baseline: the paper
   page edited, and every page and download file that lists the entry touched).

With --whatif no-title-check --whatif-sizes N, the plugin is also built at N with the
near-identical-title check of catalog/quality.py switched off in memory (whatif.py), alternating
with further baseline builds, and the in-process timer and profile builds at N use the what-if
(the report labels them; the check's cost is the real median minus the what-if median).
--pairs-at 10000=1 lowers the number of real pairs at one size.

Writes a Markdown report to stdout and to --out (default benchmarks/results/build.md), and the raw
figures next to it as JSON. The reproduction command and the analysis are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

ENV = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
TIME_BIN = "/usr/bin/time"
VARIANTS = ("plugin", "baseline")


# --- helpers -----------------------------------------------------------------------------------
def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def project_dirs(workdir: Path, n: int) -> dict[str, Path]:
    return {"plugin": workdir / f"n{n}" / "plugin", "baseline": workdir / f"n{n}" / "baseline"}


def prepare(workdir: Path, n: int) -> dict[str, Path]:
    """Write both projects for size n (in a subprocess, so this process imports nothing heavy)."""
    dirs = project_dirs(workdir, n)
    for d in dirs.values():
        if d.exists():
            shutil.rmtree(d)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from pathlib import Path; import synth, handwritten;"
        "n = int(sys.argv[2]); p = Path(sys.argv[3]); b = Path(sys.argv[4]);"
        "synth.write_project(n, p); handwritten.write_handwritten(p / 'entries', b)"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(HERE), str(n), str(dirs["plugin"]), str(dirs["baseline"])],
        check=True, env=ENV,
    )
    return dirs


def mkdocs_cmd(*extra: str, whatif: str | None = None) -> list[str]:
    if whatif:
        return [sys.executable, str(HERE / "whatif.py"), "build", "-d", "site", *extra]
    return [sys.executable, "-m", "mkdocs", "build", "-d", "site", *extra]


_RSS_WRAPPER = (
    "import resource, subprocess, sys;"
    "r = subprocess.run(sys.argv[1:]).returncode;"
    "print('Maximum resident set size (kbytes): %d' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
    " file=sys.stderr); sys.exit(r)"
)


def timed_build(project: Path, *extra: str, clean: bool = True, whatif: str | None = None) -> dict:
    """One `mkdocs build` in a subprocess: wall seconds, peak RSS (MiB), return code."""
    if clean and (project / "site").exists():
        shutil.rmtree(project / "site")
    cmd = mkdocs_cmd(*extra, whatif=whatif)
    if os.access(TIME_BIN, os.X_OK):
        cmd = [TIME_BIN, "-v", *cmd]
        rss_source = "/usr/bin/time -v"
    else:  # fresh wrapper process: its RUSAGE_CHILDREN max RSS is this one build's
        cmd = [sys.executable, "-c", _RSS_WRAPPER, *cmd]
        rss_source = "getrusage(RUSAGE_CHILDREN) in a wrapper process"
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    env = {**ENV, "AWESOME_BENCH_WHATIF": whatif or ""}
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if proc.returncode != 0:
        raise SystemExit(f"build failed in {project} ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return {
        "wall": wall, "rss_mib": int(m.group(1)) / 1024 if m else None, "load1": load,
        "rss_source": rss_source, "whatif": whatif or "",
    }


def site_size(site: Path) -> dict:
    files = 0
    size = 0
    for root, _dirs, names in os.walk(site):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(root, name))
    index = site / "search" / "search_index.json"
    return {"bytes": size, "files": files, "search_index_bytes": index.stat().st_size if index.exists() else 0}


def worker(mode: str, project: Path, out_json: Path, prof_path: Path | None = None,
           whatif: str | None = None) -> dict:
    """Run an in-process measurement in a fresh interpreter (see `inprocess.py`)."""
    cmd = [sys.executable, str(HERE / "inprocess.py"), mode, str(project), str(out_json)]
    if prof_path is not None:
        cmd.append(str(prof_path))
    env = {**ENV, "AWESOME_BENCH_WHATIF": whatif or ""}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"in-process {mode} failed:\n{proc.stderr[-4000:]}")
    result = json.loads(out_json.read_text())
    result["whatif"] = whatif or ""
    return result


def changed_entry(project: Path) -> Path:
    return sorted((project / "entries" / "papers").glob("*.yaml"))[0]


def edit_title(path: Path) -> str:
    """Append ' (revised)' to an entry's title; return the original text."""
    original = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^(title: '.*)'$", r"\1 (revised)'", original, count=1, flags=re.M),
                    encoding="utf-8")
    return original


def dirty_rebuilds(dirs: dict[str, Path]) -> dict:
    """`mkdocs build --dirty` after one entry changes, for both variants (sites must exist)."""
    out = {}
    entry = changed_entry(dirs["plugin"])
    key = entry.stem
    original = edit_title(entry)
    try:
        out["plugin"] = timed_build(dirs["plugin"], "--dirty", clean=False)
    finally:
        entry.write_text(original, encoding="utf-8")
    # hand-written: edit the paper page, touch every file that lists or exports the entry
    docs = dirs["baseline"] / "docs"
    paper = docs / "papers" / f"{key}.md"
    text = paper.read_text(encoding="utf-8")
    paper.write_text(text.replace("\n", " (revised)\n", 1), encoding="utf-8")
    needle = f"papers/{key}.md"
    touched = 1
    now = time.time() + 1
    for md in docs.rglob("*.md"):
        if md != paper and needle in md.read_text(encoding="utf-8"):
            os.utime(md, (now, now))
            touched += 1
    for f in (docs / "cite").rglob("*"):
        if f.is_file() and (f.stem == key or key in f.read_text(encoding="utf-8")):
            os.utime(f, (now, now))
            touched += 1
    try:
        out["baseline"] = timed_build(dirs["baseline"], "--dirty", clean=False)
        out["baseline"]["files_touched"] = touched
    finally:
        paper.write_text(text, encoding="utf-8")
    out["entry"] = key
    return out


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    versions = {}
    for dist in ("mkdocs", "mkdocs-material", "Jinja2", "Markdown", "PyYAML", "bibtexparser"):
        try:
            from importlib.metadata import version

            versions[dist] = version(dist)
        except Exception:  # noqa: BLE001
            versions[dist] = "?"
    digest = hashlib.sha256()
    for path in sorted((REPO / "mkdocs_awesome_plugin").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    commit = "?"
    try:  # read-only
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                                capture_output=True, text=True).stdout.strip() or "?"
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(), "cpu": cpu, "ram": ram, "python": platform.python_version(),
        "platform": platform.platform(), "versions": versions, "commit": commit,
        "package_sha256": digest.hexdigest()[:12],
    }


# --- report ------------------------------------------------------------------------------------
def fmt_s(x: float | None) -> str:
    return "–" if x is None else (f"{x:.2f}" if x < 100 else f"{x:.0f}")


def fmt_mb(nbytes: int) -> str:
    return f"{nbytes / 1e6:.1f} MB"


def report(data: dict) -> str:
    m = data["machine"]
    lines = [
        "# Build benchmark results",
        "",
        f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, Python {m['python']}, "
        + ", ".join(f"{k} {v}" for k, v in m["versions"].items())
        + f". Commit {m['commit']} (package files sha256 {m['package_sha256']}; uncommitted changes "
        "of others may be included).",
        f"Started {data['started']}, took {data['elapsed_min']:.1f} min. Command: `{data['command']}`",
        "",
        "## Full builds (`mkdocs build --strict`, subprocess, medians)",
        "",
        "| N | pairs | plugin s | baseline s | plugin ÷ baseline | plugin RSS MiB | baseline RSS MiB "
        "| RSS ratio | plugin site | baseline site | search index plugin / baseline |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    sizes = done_sizes(data)
    for n in sizes:
        r = data["results"][str(n)]
        p, b = r["plugin"], r["baseline"]
        lines.append(
            f"| {n:,} | {len(p['runs'])} | {fmt_s(p['median'])} | {fmt_s(b['median'])} "
            f"| **{p['median'] / b['median']:.2f}** | {p['rss_median']:.0f} | {b['rss_median']:.0f} "
            f"| {p['rss_median'] / b['rss_median']:.2f} "
            f"| {fmt_mb(p['site']['bytes'])}, {p['site']['files']:,} files "
            f"| {fmt_mb(b['site']['bytes'])}, {b['site']['files']:,} files "
            f"| {fmt_mb(p['site']['search_index_bytes'])} / {fmt_mb(b['site']['search_index_bytes'])} |"
        )
        w = r.get("plugin_whatif")
        if w:
            lines.append(
                f"| {n:,} what-if: {w['whatif']} | {len(w['runs'])} | {fmt_s(w['median'])} "
                f"| {fmt_s(b['median'])} | {w['median'] / b['median']:.2f} | {w['rss_median']:.0f} "
                f"| {b['rss_median']:.0f} | {w['rss_median'] / b['rss_median']:.2f} | | | |"
            )
    lines += ["", "Every run (wall s, in order; P = plugin, P' = plugin what-if, B = baseline; "
              "1-min load average before the run in brackets):", ""]
    for n in sizes:
        r = data["results"][str(n)]
        firsts = r["plugin"]["runs"] + r.get("plugin_whatif", {}).get("runs", [])
        runs = " ".join(
            f"{'P' if not x['whatif'] else chr(80) + chr(39)} {x['wall']:.2f} [{x['load1']:.1f}] "
            f"· B {y['wall']:.2f} [{y['load1']:.1f}];"
            for x, y in zip(firsts, r["baseline"]["runs"], strict=False)
        )
        lines.append(f"- N = {n:,}: {runs}")
    if 1000 in sizes and 10000 in sizes:
        gp = data["results"]["10000"]["plugin"]["median"] / data["results"]["1000"]["plugin"]["median"]
        gb = data["results"]["10000"]["baseline"]["median"] / data["results"]["1000"]["baseline"]["median"]
        data["growth"] = {"plugin": gp, "baseline": gb}
        lines += ["", f"Growth time(10,000) ÷ time(1,000): plugin **{gp:.2f}**, baseline {gb:.2f}."]

    lines += [
        "",
        "## The plugin's own time (one in-process build with timers around the plugin's code)",
        "",
        "| N | in-process build s | plugin total s | share | load+validate | of which cross-entry "
        "checks | generate | exports | render | of which nav |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sizes:
        t = data["results"][str(n)].get("timers")
        if not t:
            continue
        ph = t["phases"]
        label = f"{n:,}" + (f" (what-if: {t['whatif']})" if t.get("whatif") else "")
        lines.append(
            f"| {label} | {t['build']:.2f} | {ph['total']:.2f} | **{100 * ph['total'] / t['build']:.1f} %** "
            f"| {ph['load_validate']:.2f} | {ph.get('of_which_cross_checks', 0):.2f} "
            f"| {ph['generate']:.2f} | {ph['exports']:.2f} "
            f"| {ph['render']:.2f} | {ph['nav']:.3f} |"
        )
        est = plugin_share(data, n)
        if t.get("whatif") and est is not None:
            lines.append(
                f"| {n:,} estimated with the check | {est[1]:.1f} | {est[0]:.1f} | **{100 * est[0] / est[1]:.1f} %** "
                "| | | | | | |"
            )
    lines += [
        "",
        "Generate = `on_files` without loading and exports (page list, `File.generated`, nav). "
        "Render = the page hooks (`on_page_markdown`, `on_page_content`, `on_post_page`). Writing the "
        "generated files to site/ is done by MkDocs and is not counted here.",
    ]

    inc = data.get("incremental")
    if inc:
        n = inc["n"]
        full = data["results"][str(n)]["plugin"]["median"]
        full_b = data["results"][str(n)]["baseline"]["median"]
        ip = inc["inprocess"]
        lines += [
            "",
            f"## Rebuild after one entry changes (N = {n:,}; entry `{inc['dirty']['entry']}`, title edited)",
            "",
            "| measure | s | ÷ median full build (subprocess) | ÷ first in-process build |",
            "|---|---:|---:|---:|",
            f"| plugin, first in-process build (cold: imports done, empty EntryCache) | {ip['first']:.2f} "
            f"| {ip['first'] / full:.2f} | 1.00 |",
            f"| plugin, serve-like rebuild: same interpreter, config reloaded, same plugin instance "
            f"(EntryCache: {ip['second_cache_hits']} hits, {ip['second_cache_misses']} miss) "
            f"| {ip['second']:.2f} | **{ip['second'] / full:.2f}** | {ip['second'] / ip['first']:.2f} |",
            f"| plugin, `mkdocs build --dirty` (subprocess) | {inc['dirty']['plugin']['wall']:.2f} "
            f"| {inc['dirty']['plugin']['wall'] / full:.2f} | |",
            f"| baseline, `mkdocs build --dirty` ({inc['dirty']['baseline']['files_touched']} files "
            f"edited/touched) | {inc['dirty']['baseline']['wall']:.2f} "
            f"| {inc['dirty']['baseline']['wall'] / full_b:.2f} (of baseline full) | |",
        ]
        phases = ip.get("second_phases")
        if phases:
            lines += [
                "",
                f"Plugin time in the serve-like rebuild: {phases['total']:.2f} s (load+validate "
                f"{phases['load_validate']:.2f}, generate {phases['generate']:.2f}, exports "
                f"{phases['exports']:.2f}, render {phases['render']:.2f}).",
            ]

    for prof in data.get("profiles", {}).values():
        n = prof["n"]
        what = f"; what-if: {prof['whatif']}" if prof.get("whatif") else ""
        lines += [
            "",
            f"## Profile (cProfile, one in-process build, N = {n:,}{what})",
            "",
            f"Profiled build: {prof['total']:.1f} s (cProfile roughly doubles Python-heavy code). "
            f"Plugin hooks: {prof['plugin_total']:.1f} s = {100 * prof['plugin_total'] / prof['total']:.1f} %.",
            "",
            "Where the build goes (cumulative s, nested: rows overlap):",
            "",
            "| part | cumulative s | % of build |",
            "|---|---:|---:|",
        ]
        for name, secs in prof["parts"]:
            lines.append(f"| {name} | {secs:.1f} | {100 * secs / prof['total']:.1f} |")
        lines += ["", "Inside the plugin (cumulative s, top functions of mkdocs_awesome_plugin):", "",
                  "| function | calls | cumulative s | own s |", "|---|---:|---:|---:|"]
        for row in prof["plugin_top"]:
            lines.append(f"| `{row['func']}` | {row['calls']:,} | {row['cum']:.2f} | {row['own']:.2f} |")
        lines += ["", "Top functions overall by own time:", "",
                  "| function | calls | own s | cumulative s |", "|---|---:|---:|---:|"]
        for row in prof["overall_top"]:
            lines.append(f"| `{row['func']}` | {row['calls']:,} | {row['own']:.2f} | {row['cum']:.2f} |")

    # targets
    lines += ["", "## Targets (issue 6)", "", "| target | measured | met |", "|---|---|---|"]
    for name, measured, ok in targets(data):
        lines.append(f"| {name} | {measured} | {'yes' if ok else '**no**' if ok is not None else 'not measured'} |")
    return "\n".join(lines) + "\n"


def done_sizes(data: dict) -> list[int]:
    return [n for n in data["sizes"] if str(n) in data["results"]]


def plugin_share(data: dict, n: int) -> tuple[float, float] | None:
    """(plugin seconds, build seconds) of the in-process timed build at n; when that build ran a
    what-if, the part switched off is added back as (median real build - median what-if build)."""
    r = data["results"].get(str(n))
    if not r or not r.get("timers"):
        return None
    t = r["timers"]
    plugin_s, build_s = t["phases"]["total"], t["build"]
    if t.get("whatif"):
        if "plugin_whatif" not in r:
            return None
        delta = max(0.0, r["plugin"]["median"] - r["plugin_whatif"]["median"])
        plugin_s += delta
        build_s += delta
    return plugin_s, build_s


def targets(data: dict) -> list[tuple[str, str, bool | None]]:
    res = data["results"]
    out = []
    for n in (1000, 10000):
        if str(n) in res:
            ratio = res[str(n)]["plugin"]["median"] / res[str(n)]["baseline"]["median"]
            out.append((f"plugin ÷ baseline at {n:,} ≤ 1.0", f"{ratio:.2f}", ratio <= 1.0))
        else:
            out.append((f"plugin ÷ baseline at {n:,} ≤ 1.0", "–", None))
    g = data.get("growth")
    out.append(("growth time(10,000) ÷ time(1,000) ≤ 11", f"{g['plugin']:.2f}" if g else "–",
                (g["plugin"] <= 11) if g else None))
    largest = max(done_sizes(data))
    est = plugin_share(data, largest)
    if est:
        share = est[0] / est[1]
        note = " (estimated: what-if timers + the check's measured cost)" if res[str(largest)]["timers"].get("whatif") else ""
        out.append((f"plugin's own time ≤ 5 % of the build (at {largest:,})",
                    f"{100 * share:.1f} %{note}", share <= 0.05 if largest == 10000 else None))
    worst = max(res[str(n)]["plugin"]["rss_median"] / res[str(n)]["baseline"]["rss_median"]
                for n in done_sizes(data))
    out.append(("peak RSS ≤ 1.2 × baseline (worst size)", f"{worst:.2f}", worst <= 1.2))
    inc = data.get("incremental")
    if inc:
        full = res[str(inc["n"])]["plugin"]["median"]
        r = inc["inprocess"]["second"] / full
        d = inc["dirty"]["plugin"]["wall"] / full
        out.append((f"rebuild after one entry change at {inc['n']:,} ≤ 30 % of a full build",
                    f"serve-like {100 * r:.0f} %; --dirty {100 * d:.0f} %", r <= 0.30))
    else:
        out.append(("rebuild after one entry change at 1,000 ≤ 30 %", "–", None))
    return out


# --- main --------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated N (default %(default)s)")
    ap.add_argument("--pairs", type=int, default=3, help="plugin/baseline pairs per N (default 3)")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/awesome-bench"))
    ap.add_argument("--out", type=Path, default=HERE / "results" / "build.md")
    ap.add_argument("--profile-sizes", default=None,
                    help="N to profile with cProfile (default: the largest); 'none' to skip")
    ap.add_argument("--incremental-size", type=int, default=1000,
                    help="N for the one-entry rebuild (skipped if not in --sizes); 0 to skip")
    ap.add_argument("--pairs-at", default="",
                    help="per-size override of --pairs, e.g. 10000=1 (comma-separated)")
    ap.add_argument("--whatif", default="", choices=("", "no-title-check"),
                    help="also measure the plugin with a part switched off (see whatif.py)")
    ap.add_argument("--whatif-sizes", default="",
                    help="N at which to run --whatif (comma-separated; default: none)")
    ap.add_argument("--whatif-pairs", type=int, default=2,
                    help="what-if plugin / baseline pairs at each --whatif-sizes N (default 2)")
    ap.add_argument("--no-warmup", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the generated projects")
    args = ap.parse_args(argv)

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    pairs_at = {int(k): int(v) for k, v in (x.split("=") for x in args.pairs_at.split(",") if x)}
    whatif_sizes = {int(x) for x in args.whatif_sizes.split(",") if x} if args.whatif else set()
    if args.profile_sizes is None:
        profile_sizes = [max(sizes)]
    elif args.profile_sizes == "none":
        profile_sizes = []
    else:
        profile_sizes = [int(s) for s in args.profile_sizes.split(",")]
    args.workdir.mkdir(parents=True, exist_ok=True)
    started = time.time()
    data: dict = {
        "command": "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "started": time.strftime("%Y-%m-%d %H:%M", time.localtime(started)),
        "machine": machine(), "sizes": sizes, "results": {},
    }
    warm = not args.no_warmup
    for n in sizes:
        log(f"N={n}: writing projects")
        dirs = prepare(args.workdir, n)
        if warm:
            log(f"N={n}: warm-up pair")
            for v in VARIANTS:
                timed_build(dirs[v], "--strict")
            warm = False
        res: dict = {v: {"runs": []} for v in VARIANTS}
        pairs = pairs_at.get(n, args.pairs)
        schedule = [("plugin", None)] * pairs
        if n in whatif_sizes:
            res["plugin_whatif"] = {"runs": [], "whatif": args.whatif}
            schedule += [("plugin_whatif", args.whatif)] * args.whatif_pairs
        for i, (first, whatif) in enumerate(schedule):
            for v, project, w in ((first, dirs["plugin"], whatif), ("baseline", dirs["baseline"], None)):
                run = timed_build(project, "--strict", whatif=w)
                res[v]["runs"].append(run)
                log(f"N={n} pair {i + 1}/{len(schedule)} {v}: {run['wall']:.2f} s, "
                    f"{run['rss_mib']:.0f} MiB")
            if first == "plugin" and i == pairs - 1:
                res["plugin"]["site"] = site_size(dirs["plugin"] / "site")
        for v in res:
            walls = [r["wall"] for r in res[v]["runs"]]
            res[v]["median"] = statistics.median(walls)
            res[v]["rss_median"] = statistics.median(r["rss_mib"] for r in res[v]["runs"])
        res["baseline"]["site"] = site_size(dirs["baseline"] / "site")
        inproc_whatif = args.whatif if n in whatif_sizes else None
        log(f"N={n}: in-process build with timers" + (f" (what-if {inproc_whatif})" if inproc_whatif else ""))
        res["timers"] = worker("timers", dirs["plugin"], args.workdir / f"n{n}" / "timers.json",
                               whatif=inproc_whatif)
        data["results"][str(n)] = res
        if n == args.incremental_size:
            log(f"N={n}: rebuild after one entry change")
            inc = {"n": n, "dirty": dirty_rebuilds(dirs)}
            inc["inprocess"] = worker("incremental", dirs["plugin"],
                                      args.workdir / f"n{n}" / "incremental.json")
            data["incremental"] = inc
        if n in profile_sizes:
            log(f"N={n}: cProfile build")
            data.setdefault("profiles", {})[str(n)] = worker("profile", dirs["plugin"], args.workdir / f"n{n}" / "profile.json",
                                     args.workdir / f"build-n{n}.prof", whatif=inproc_whatif)
        if not args.keep:
            for v in VARIANTS:
                shutil.rmtree(dirs[v] / "site", ignore_errors=True)
        # partial report after each size, in case a long run is interrupted
        data["elapsed_min"] = (time.time() - started) / 60
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.with_suffix(".json").write_text(json.dumps(data, indent=1), encoding="utf-8")
        args.out.write_text(report(data), encoding="utf-8")
    text = report(data)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    if not args.keep:
        for n in sizes:
            shutil.rmtree(args.workdir / f"n{n}", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
