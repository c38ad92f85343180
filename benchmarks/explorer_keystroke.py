"""Explorer speed at scale: keystroke-to-redraw time on /explore/ with a synthetic catalogue.

    .venv/bin/python benchmarks/explorer_keystroke.py                  # 10,000 papers
    .venv/bin/python benchmarks/explorer_keystroke.py --papers 2000 --keep /tmp/x
    .venv/bin/python benchmarks/explorer_keystroke.py --write benchmarks/results/explorer.md

Steps: write N entries in our YAML format into a temporary folder (seeded generator below:
titles of ~90 characters, 3-12 authors, 30 categories in a tree, 60 tags), build the site with
the real `mkdocs build`, serve it on 127.0.0.1, open /explore/ in headless Chromium (Debian's,
through Playwright) and type into the search box one key at a time.

What is timed, in the page with performance.now(): from the keydown event (a capturing
listener) to (a) the end of the explorer's input handler (filter + redraw of the DOM),
(b) the next animation frame, and (c) a task after that frame, by which time the frame with the
new results has been rendered. The median of every keystroke is reported; the target is
< 100 ms for (c). Page weights of the explorer (HTML, JSON, JS, CSS; raw and gzip) are measured
at N papers and on the real 87-paper site.

This is a benchmark, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser import browser_page, serve_dir  # noqa: E402

SEED = 4

WORDS = """segment anything video memory tracking medical mask prompt adapter zero shot efficient
real time streaming temporal spatial attention transformer encoder decoder foundation model
interactive referring open vocabulary camouflaged polyp surgical remote sensing point cloud mesh
gaussian splatting depth scene robot grasping editing diffusion generation matting audio visual
language benchmark dataset survey fine tuning distillation lightweight mobile edge semantic
instance panoptic object part boundary refinement uncertainty annotation label weak supervision
self supervised contrastive feature fusion multimodal ultrasound endoscopy pathology retina
satellite aerial change detection tumour organ lesion cell nucleus""".split()
GIVEN = """Wei Li Ming Hana Omar Lucia Jurgen Ana Yuki Ravi Priya Chen Sofia Lars Elena Kofi Amara
Mateo Ines Noah Emma Liam Olga Ivan Zara Yusuf Mei Jun Sara Tomas""".split()
FAMILY = """Zhang Wang Chen Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Kim Park Lee Nguyen Garcia Martinez
Rossi Muller Schmidt Dubois Silva Santos Kowalski Novak Tanaka Suzuki Sato Ivanova Haddad Okafor
Mensah Fernandez Lopez Gonzalez Costa Jensen Larsen Berg""".split()
VENUES = ["CVPR", "ICCV", "ECCV", "NeurIPS", "ICLR", "ICML", "MICCAI", "WACV", "BMVC", "AAAI",
          "IEEE TMI", "IEEE TPAMI", "Medical Image Analysis", "ICRA", "IROS", "ACM MM"]


def generate(root: Path, n: int) -> None:
    """N entries, ~30 categories (6 parents with 4 children each, plus 6 leaves), 60 tags."""
    rng = random.Random(SEED)
    categories = []
    leaves = []
    for g in range(6):
        children = []
        for c in range(4):
            slug = f"group{g}-topic{c}"
            children.append({"slug": slug, "title": f"{WORDS[g * 5 + c].title()} {WORDS[40 + g * 4 + c].title()}",
                             "description": f"Papers about {WORDS[g * 5 + c]} and {WORDS[40 + g * 4 + c]}."})
            leaves.append(slug)
        categories.append({"slug": f"group{g}", "title": f"Group {g}: {WORDS[g * 7].title()}",
                           "children": children})
    for extra in range(6):
        slug = f"extra{extra}"
        categories.append({"slug": slug, "title": f"{WORDS[70 + extra].title()} Studies"})
        leaves.append(slug)
    tags = {f"tag{i}-{WORDS[i]}": f"Papers on {WORDS[i]}." for i in range(60)}
    tag_names = list(tags)
    (root / "papers").mkdir(parents=True)
    (root / "categories.yaml").write_text(yaml.safe_dump(categories, sort_keys=False), encoding="utf-8")
    (root / "tags.yaml").write_text(yaml.safe_dump(tags, sort_keys=False), encoding="utf-8")
    for i in range(n):
        words = []
        while len(" ".join(words)) < 85:
            words.append(rng.choice(WORDS))
        title = " ".join(words).capitalize()[:95]
        authors = []
        for _ in range(rng.randint(3, 12)):
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            while name in authors:
                name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}-{rng.choice(FAMILY)}"
            authors.append(name)
        year = rng.randint(2019, 2025)
        month = rng.randint(1, 12)
        date = f"{year}-{month:02d}" + (f"-{rng.randint(1, 28):02d}" if rng.random() < 0.5 else "")
        key = f"{authors[0].split()[-1].lower().replace('-', '')}{year}{words[0].lower()}{i}"
        entry = {
            "title": title,
            "authors": authors,
            "date": date,
            "added": f"{min(year + rng.randint(0, 1), 2025)}-{rng.randint(1, 12):02d}",
            "categories": rng.sample(leaves, rng.randint(1, 2)),
            "tags": rng.sample(tag_names[:12] if rng.random() < 0.5 else tag_names, rng.randint(1, 4)),
            "links": {"paper": f"https://arxiv.org/abs/{year % 100:02d}{month:02d}.{i:05d}"},
            "arxiv": f"{year % 100:02d}{month:02d}.{i:05d}",
        }
        if rng.random() < 0.6:
            entry["venue"] = f"{rng.choice(VENUES)} {year}"
            entry["venue_type"] = "conference"
        if rng.random() < 0.45:
            entry["links"]["code"] = f"https://github.com/example/{key}"
        if rng.random() < 0.4:
            entry["summary"] = " ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "."
        (root / "papers" / f"{key}.yaml").write_text(
            yaml.safe_dump(entry, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )


def make_site(tmp: Path, n: int) -> tuple[Path, float]:
    root = tmp / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Synthetic list\n\n<!-- awesome:summary -->\n", encoding="utf-8")
    generate(root / "entries", n)
    config = {
        "site_name": "Synthetic list",
        "site_url": "http://127.0.0.1:8000/",
        "theme": {"name": "material", "font": False,
                  "features": ["navigation.instant", "navigation.indexes", "content.code.copy"]},
        "plugins": ["search", {"awesome": {"entries_dir": "entries"}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], cwd=root,
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    took = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}")
    return root / "site", took


def weights(site: Path) -> dict[str, tuple[int, int]]:
    files = {
        "explore/index.html": site / "explore" / "index.html",
        "explore/papers.json": site / "explore" / "papers.json",
        "explore.js": site / "assets" / "awesome" / "explore.js",
        "explore.css": site / "assets" / "awesome" / "explore.css",
        "cite/all.bib (fetched on export only)": site / "cite" / "all.bib",
    }
    out = {}
    for name, path in files.items():
        data = path.read_bytes()
        out[name] = (len(data), len(gzip.compress(data, 6)))
    # the explorer's script is the entry plus its parts under explore/, all loaded by the page
    parts = sorted((site / "assets" / "awesome" / "explore").glob("*.js"))
    if parts:
        raw = sum(p.stat().st_size for p in parts)
        zipped = sum(len(gzip.compress(p.read_bytes(), 6)) for p in parts)
        out["explore/*.js (parts)"] = (raw, zipped)
    return out


MEASURE_JS = """
() => {
  window.__aw = [];
  const box = document.querySelector('#aw-q');
  box.addEventListener('keydown', () => { window.__awT0 = performance.now(); }, true);
  // registered after the explorer's own listener, so it runs once the redraw is done
  box.addEventListener('input', () => {
    const t0 = window.__awT0, handler = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      setTimeout(() => {
        window.__aw.push({
          handler: handler - t0, frame: frame - t0, painted: performance.now() - t0,
          rows: document.querySelectorAll('[data-aw-results] article').length,
          text: box.value,
        });
      }, 0);
    });
  });
}
"""

# keystrokes: words typed one key at a time, erased, retyped; broad and narrow result sets
SEQUENCE = (list("segment") + ["Backspace"] * 7 + list("video mask") + ["Backspace"] * 10
            + list("wang") + ["Backspace"] * 4 + list("cvpr 2024"))


def measure(site: Path, rounds: int = 1, settle: float = 20.0) -> dict:
    """Type the sequence right after the explorer is ready (while Material's search worker is
    still indexing the site), then again after `settle` seconds of quiet."""
    with serve_dir(site) as base, browser_page((1280, 900)) as (page, trouble):
        start = time.perf_counter()
        page.goto(base + "explore/")
        page.wait_for_selector("[data-aw-ready=yes]", timeout=120000)
        ready = time.perf_counter() - start
        first_load_ms = page.evaluate(
            "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
        )
        page.evaluate(MEASURE_JS)
        page.click("#aw-q")
        phases = {}
        for phase in ("at once", "settled", "with filters"):
            if phase == "settled":
                page.keyboard.press("Control+A")
                page.keyboard.press("Backspace")
                page.wait_for_timeout(settle * 1000)
            if phase == "with filters":
                # a tag, a category and "has code" on: every keystroke then also counts the
                # papers that fail one facet only (see match.facets)
                page.select_option("#aw-tag", index=1)
                page.select_option("#aw-cat", index=1)
                page.check("[data-aw-code]")
                page.click("#aw-q")
                page.wait_for_timeout(1000)
            page.evaluate("window.__aw = []")
            for _ in range(rounds):
                for key in SEQUENCE:
                    page.keyboard.press(key)
                    page.wait_for_timeout(60)
                page.keyboard.press("Control+A")
                page.keyboard.press("Backspace")
            page.wait_for_timeout(300)
            phases[phase] = page.evaluate("window.__aw")
        trouble.assert_clean()
    return {"ready_s": ready, "dcl_ms": first_load_ms, "phases": phases, "settle": settle}


def summary(samples: list[dict], key: str) -> tuple[float, float, float]:
    values = sorted(s[key] for s in samples)
    p90 = values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]
    return statistics.median(values), p90, values[-1]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def chromium_version() -> str:
    try:
        return subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def real_site_weights(tmp: Path) -> dict[str, tuple[int, int]]:
    out = tmp / "real-site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=REPO,
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if proc.returncode != 0:
        sys.exit(f"building the real site failed:\n{proc.stderr}")
    return weights(out)


def report(n, build_s, result, big, small, command) -> str:
    samples = result["phases"]["settled"]
    lines = [
        "# Explorer benchmark: keystroke to redrawn results",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {os.cpu_count()} CPUs (`nproc`), {cpu_model()}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {chromium_version()} (headless, via Playwright).",
        "",
        f"Synthetic catalogue: {n:,} papers, 30 categories (6 parents with 4 subcategories + 6), "
        f"60 tags; `mkdocs build` of the whole site took {build_s:.1f} s.",
        "",
        f"Opening /explore/: results on screen {result['ready_s'] * 1000:.0f} ms after navigation "
        f"(DOMContentLoaded at {result['dcl_ms']:.0f} ms; then the JSON is fetched, indexed and the "
        f"first 200 rows drawn).",
        "",
        f"Keystrokes measured: {len(samples)} per phase (typing and erasing \"segment\", "
        f"\"video mask\", \"wang\", \"cvpr 2024\" one key at a time, 60 ms apart, then "
        f"clearing the box; 200 rows drawn at most, the rest behind \"Show more\"). Phase "
        f"\"at once\" starts as soon as the results show, while Material's search worker is "
        f"still indexing the site's search_index.json in the background; phase \"settled\" "
        f"starts after {result['settle']:.0f} s of quiet; phase \"with filters\" follows it "
        f"with the first tag, the first category and \"has code\" chosen. Every keystroke "
        f"also recounts every facet value (tags, categories, venues, years, has code).",
        "",
        "| phase | from keydown to | median | p90 | max |",
        "|---|---|---:|---:|---:|",
    ]
    for phase, phase_samples in result["phases"].items():
        for key, label in (("handler", "end of the input handler (filter + DOM update)"),
                           ("frame", "next animation frame"),
                           ("painted", "a task after that frame (results rendered)")):
            med, p90, top = summary(phase_samples, key)
            lines.append(f"| {phase} | {label} | {med:.1f} ms | {p90:.1f} ms | {top:.1f} ms |")
    med = summary(samples, "painted")[0]
    busy = summary(result["phases"]["at once"], "painted")[0]
    filtered = summary(result["phases"]["with filters"], "painted")[0]
    lines += [
        "",
        f"Target: < 100 ms. Result at {n:,} papers, keystroke to rendered results: "
        f"**{med:.1f} ms** median once settled, **{busy:.1f} ms** median while the search "
        f"worker is still busy, **{filtered:.1f} ms** median with filters on (facet counts "
        f"included in all three).",
        "",
        "## Page weights",
        "",
        "Bytes as written to the site, and gzip -6 (what a server with compression sends).",
        "",
        f"| file | 87 papers (real site) | gzip | {n:,} papers | gzip |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in big:
        s, b = small[name], big[name]
        lines.append(f"| {name} | {s[0]:,} | {s[1]:,} | {b[0]:,} | {b[1]:,} |")
    lines += [
        "",
        "BibTeX is not in the JSON: at these sizes it would add about as many bytes again to "
        "every visit; `cite/all.bib` is fetched only when a reader exports a selection.",
        "",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=1, help="times the key sequence is typed")
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp dir)")
    parser.add_argument("--write", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="aw-explorer-")) if args.keep is None else args.keep
    if args.keep is not None and tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        print(f"generating {args.papers:,} papers and building in {tmp} ...", file=sys.stderr)
        site, build_s = make_site(tmp, args.papers)
        print(f"built in {build_s:.1f} s; measuring ...", file=sys.stderr)
        result = measure(site, args.rounds)
        big = weights(site)
        small = real_site_weights(tmp)
        command = "python benchmarks/explorer_keystroke.py" + "".join(
            f" {a}" for a in (argv if argv is not None else sys.argv[1:])
        )
        text = report(args.papers, build_s, result, big, small, command)
        print(text)
        if args.write:
            args.write.write_text(text, encoding="utf-8")
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
