"""How long a contributor waits, in `mkdocs serve --livereload`, between saving an entry and
seeing the rebuilt page; and how much of a rebuild is the plugin's own work.

    .venv/bin/python benchmarks/serve_preview.py            # the real entries and 1,000 synthetic
    .venv/bin/python benchmarks/serve_preview.py --sizes 87,real --trials 3

For each size it builds a throw-away project (this repository's mkdocs.yml and docs/, plus
either a copy of entries/ ("real") or N synthetic entries over the real categories and tags;
87 is the size of the catalogue when the preview target was set) and measures:

1. save -> page: the real `mkdocs serve --livereload` in a subprocess; an entry's title is
   changed and the paper page is fetched every 50 ms (`--poll`) until it shows the new title. This includes
   MkDocs' file polling (every 0.5 s), its 0.1 s debounce and the whole rebuild.
2. the rebuild's parts, in a fresh process that does what `serve` does (plugins kept across
   builds through `on_startup`, a new config per build): total build time, and the time inside
   the plugin's hooks, split into loading and checking entries (`load_catalog`, including the
   quality checks), building the catalogue's pages and files (`on_files`), rendering pages
   (`on_page_content`) and adding `<head>` metadata (`on_post_page`).
3. `mkdocs-awesome lint` wall time, in a new process.

Results are printed as Markdown, for benchmarks/results/serve.md. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------------------------
# projects


def make_project(root: Path, size: int | None) -> Path:
    """This repository's site with the real entries (size None) or `size` synthetic ones."""
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    if size is None:
        shutil.copytree(REPO / "entries", root / "entries")
    else:
        write_synthetic(root / "entries", size)
    return root


def write_synthetic(entries: Path, size: int, seed: int = 20240801) -> None:
    """`size` valid entries over the real categories and tags, with distinct titles and ids."""
    rng = random.Random(seed)
    shutil.copytree(REPO / "entries", entries, ignore=shutil.ignore_patterns("papers"))
    papers = entries / "papers"
    papers.mkdir()
    real = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((REPO / "entries/papers").glob("*.yaml"))]
    words = sorted({w for e in real for w in re.findall(r"[A-Za-z][A-Za-z-]{3,}", e["title"])})
    people = sorted({a for e in real for a in e["authors"]})
    categories = [e["categories"] for e in real]
    tags = [e["tags"] for e in real]
    keys: set[str] = set()
    for i in range(size):
        year, month = rng.choice([(2024, m) for m in range(8, 13)] + [(2025, m) for m in range(1, 8)])
        title = " ".join(rng.sample(words, rng.randint(6, 12))).capitalize() + f" {i}"
        authors = rng.sample(people, rng.randint(1, 8))
        surname = re.sub(r"[^a-z]", "", authors[0].split()[-1].lower()) or "anon"
        base = key = f"{surname}{year}{re.sub(r'[^a-z]', '', title.split()[0].lower())}"
        n = 1
        while key in keys:
            n += 1
            key = f"{base}{n}"
        keys.add(key)
        arxiv = f"{year % 100:02d}{month:02d}.{10000 + i:05d}"
        data = {
            "title": title, "authors": authors, "date": f"{year}-{month:02d}", "arxiv": arxiv,
            "categories": rng.choice(categories), "tags": rng.choice(tags),
            "links": {"paper": f"https://arxiv.org/abs/{arxiv}",
                      "code": f"https://github.com/synthetic{i}/repo"},
        }
        (papers / f"{key}.yaml").write_text(
            yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000),
            encoding="utf-8",
        )


# --------------------------------------------------------------------------------------------
# 1. save -> page through the real server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, OSError):
        return ""


def serve_latency(root: Path, trials: int, poll: float = 0.05, dirty: bool = False) -> dict:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = root / "serve.log"
    papers = sorted((root / "entries" / "papers").glob("*.yaml"))
    rng = random.Random(7)
    chosen = rng.sample(papers, trials)
    started = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", *(["--dirty"] if dirty else []),
             "-a", f"127.0.0.1:{port}"],
            cwd=root, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"},
        )
    latencies: list[float] = []
    try:
        first = chosen[0].stem
        while "aw-title" not in _fetch(f"{base}papers/{first}/"):
            if time.perf_counter() - started > 900:
                raise SystemExit("the first build did not finish in 15 minutes:\n" + log.read_text())
            time.sleep(0.1)
        first_build = time.perf_counter() - started
        time.sleep(1.0)  # let the watcher settle
        for i, path in enumerate(chosen):
            text = path.read_text("utf-8")
            marker = f"Benchmark edit {i} {time.time_ns()}"
            data = yaml.safe_load(text)
            data["title"] = marker
            path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
            saved = time.perf_counter()
            url = f"{base}papers/{path.stem}/"
            while marker not in _fetch(url):
                if time.perf_counter() - saved > 600:
                    raise SystemExit("an edit did not show in 10 minutes:\n" + log.read_text()[-3000:])
                time.sleep(poll)
            latencies.append(time.perf_counter() - saved)
            time.sleep(1.5)  # a quiet moment between edits, as when typing
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    built = [float(x) for x in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text())]
    return {"first_build": first_build, "latencies": latencies, "server_builds": built}


# --------------------------------------------------------------------------------------------
# 2. the parts of a rebuild, in-process


def inprocess(root: Path) -> dict:
    """Run in a fresh process (see main): two builds as `serve` does them, hooks timed."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from mkdocs_awesome_plugin import plugin as plugin_module

    spent: dict[str, float] = {}

    def timed(name, func):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

        wrapper.__dict__.update(func.__dict__)  # keeps MkDocs' event priority
        wrapper.__name__ = func.__name__
        return wrapper

    from mkdocs.plugins import CombinedEvent

    cls = plugin_module.AwesomePlugin
    for hook in ("on_config", "on_files", "on_page_markdown", "on_page_content", "on_page_context",
                 "on_post_page", "on_post_build"):
        method = cls.__dict__[hook]
        if isinstance(method, CombinedEvent):  # each part timed under the event's name
            setattr(cls, hook, CombinedEvent(*(timed(hook, part) for part in method.methods)))
        else:
            setattr(cls, hook, timed(hook, method))
    plugin_module.load_catalog = timed("load_catalog", plugin_module.load_catalog)
    build_class = plugin_module.CatalogBuild
    build_class.for_site = classmethod(timed("CatalogBuild", build_class.for_site.__func__))

    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    os.chdir(root)
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)

    def one_build() -> dict:
        spent.clear()
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
        plugin = config.plugins["awesome"]  # the instance kept since on_startup
        hits, misses = plugin.cache.hits, plugin.cache.misses
        start = time.perf_counter()
        build(config, serve_url="http://127.0.0.1:8000/")
        total = time.perf_counter() - start
        return {"total": total, **{k: round(v, 4) for k, v in spent.items()},
                "cache_hits": plugin.cache.hits - hits,
                "cache_misses": plugin.cache.misses - misses,
                "pages": len(plugin.build.pages()) if plugin.build else 0}

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    cold = one_build()
    entry = sorted((root / "entries" / "papers").glob("*.yaml"))[0]
    data = yaml.safe_load(entry.read_text("utf-8"))
    data["title"] = "Edited " + data["title"]
    entry.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    warm = one_build()
    shutil.rmtree(site)
    return {"cold": cold, "warm": warm}


def lint_time(root: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs_awesome_plugin.cli", "lint"], cwd=root,
                   capture_output=True, check=False)
    return time.perf_counter() - start


# --------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // 1024**2
        mem_text = f", {mem} GB RAM"
    except (OSError, AttributeError):
        mem_text = ""
    import material
    import mkdocs

    return (
        f"{cpu}, {os.cpu_count()} logical CPUs{mem_text}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, MkDocs {mkdocs.__version__}, "
        f"Material {getattr(material, '__version__', '?')}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="real,1000",
                        help="comma-separated: N synthetic entries, or `real` for entries/")
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--poll", type=float, default=0.05,
                        help="seconds between fetches of the edited page (default: 0.05)")
    parser.add_argument("--modes", default="plain",
                        help="comma-separated: plain (`mkdocs serve --livereload`) and/or dirty "
                             "(`--dirty` too, the README's command), run one after the other "
                             "on the same project")
    parser.add_argument("--latency-only", action="store_true",
                        help="only save -> page (no in-process parts, no lint)")
    parser.add_argument("--inprocess", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inprocess:
        print(json.dumps(inprocess(Path(args.inprocess))))
        return

    print(f"Machine: {machine()}\n")
    print(f"Load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print(f"Command: `{Path(sys.executable).name} benchmarks/serve_preview.py --sizes {args.sizes} "
          f"--trials {args.trials} --poll {args.poll} --modes {args.modes}"
          f"{' --latency-only' if args.latency_only else ''}`\n")
    rows = []
    for size_text in args.sizes.split(","):
        size = None if size_text == "real" else int(size_text)
        with tempfile.TemporaryDirectory(prefix=f"bench-{size_text}-") as tmp:
            root = make_project(Path(tmp) / "project", size)
            count = len(list((root / "entries" / "papers").glob("*.yaml")))
            modes = args.modes.split(",")
            served = {m: serve_latency(root, args.trials, args.poll, m == "dirty") for m in modes}
            if args.latency_only:
                parts, lint = None, None
            else:
                proc = subprocess.run(
                    [sys.executable, __file__, "--inprocess", str(root)], capture_output=True,
                    text=True, check=True,
                )
                parts = json.loads(proc.stdout.strip().splitlines()[-1])
                lint = lint_time(root)
        rows.append((count, served, parts, lint))
        print(f"## {count} entries\n")
        print(f"- load average when done: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
              f"(other work on the machine slows every figure)")
        for mode, one in served.items():
            lat = one["latencies"]
            print(f"- {mode}: first build of `mkdocs serve`: {one['first_build']:.1f} s")
            print(f"- {mode}: save -> rebuilt page (n={len(lat)}): median "
                  f"{statistics.median(lat):.2f} s, min {min(lat):.2f} s, max {max(lat):.2f} s "
                  f"(all: {', '.join(f'{x:.2f}' for x in lat)})")
            rebuilds = one["server_builds"][1:]
            if rebuilds:
                print(f"- {mode}: MkDocs' own 'Documentation built in' for those rebuilds: median "
                      f"{statistics.median(rebuilds):.2f} s")
        if parts is None:
            print()
            continue
        hooks = ("on_config", "on_files", "on_page_markdown", "on_page_content", "on_page_context",
                 "on_post_page", "on_post_build")
        for label, one in (("first build", parts["cold"]), ("rebuild after one edit", parts["warm"])):
            mine = sum(one.get(h, 0.0) for h in hooks)
            detail = ", ".join(f"{h} {one[h]:.3f}" for h in ("load_catalog", *hooks) if h in one)
            print(f"- in-process {label} (plugin kept, as `serve` does): {one['total']:.2f} s, of "
                  f"which the plugin's hooks {mine:.2f} s ({100 * mine / one['total']:.0f}%): {detail}")
        print(f"- `mkdocs-awesome lint` (new process): {lint:.2f} s\n")


if __name__ == "__main__":
    main()
