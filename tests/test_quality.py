"""Data-quality checks across entries (catalog/quality.py), through the real `lint` command and
the real `mkdocs build`.

`fixtures/cli/planted/` holds one planted problem per file (and pairs that must stay quiet); the
expected file, line, severity and words below are written by hand from reading those files.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import REPO, make_project, mkdocs_build

from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.catalog.model import Entry, PartialDate
from mkdocs_awesome_plugin.catalog.quality import check_catalog
from mkdocs_awesome_plugin.catalog.titles import TitleIndex

PLANTED = Path(__file__).parent / "fixtures" / "cli" / "planted"
CLI = [sys.executable, "-m", "mkdocs_awesome_plugin.cli"]

# (file, line, severity, field, words in the message)
EXPECTED = [
    ("anon2024lambda.yaml", 2, "warning", "authors", "the author list is empty"),
    ("lee2024alphab.yaml", 1, "warning", "title",
     "nearly the same title (98% alike) as papers/lee2024alpha.yaml:1"),
    ("lee2024copied.yaml", 2, "warning", "authors",
     "the same 3 authors in the same order as papers/lee2024alpha.yaml:2"),
    ("mykey2024mu.yaml", 1, "note", "key", "does not start with 'vale2024'"),
    ("ortiz2024epsilon.yaml", 7, "error", "links.paper",
     "arXiv id 2409.20002 is also used by papers/ng2024delta.yaml:8"),
    ("park2024beta.yaml", 8, "error", "links.paper",
     "the paper link mdpi.com/2076-3417/14/20/9246 is also used by papers/kim2024gamma.yaml:7"),
    ("reyes2024eta.yaml", 9, "warning", "links.code",
     "is also the code link of papers/quinn2024zeta.yaml:8"),
    ("sato2023theta.yaml", 3, "warning", "date",
     "2023-01 is 19 months before arXiv:2408.30003 was submitted (2024-08)"),
    ("tan2026iota.yaml", 3, "warning", "date",
     "2026-06 is 22 months after arXiv:2408.30004 was submitted (2024-08)"),
    ("uno2024kappa.yaml", 4, "error", "categories[0]", "unknown category 'vdeo'; did you mean 'video'?"),
    ("uno2024kappa.yaml", 5, "error", "tags[1]", "unknown tag 'vidoe'; did you mean 'video'?"),
    ("vale2024nu.yaml", 9, "error", "supersedes[0]",
     "no entry has the key 'lee2024alphaa'; did you mean 'lee2024alpha'?"),
    ("yuki2024omicron.yaml", 6, "error", "", "YAML syntax error"),
    ("zhao2024pi.yaml", 8, "error", "arxiv", "arXiv id 2408.10001 is also used by papers/lee2024alpha.yaml:9"),
]


def run_lint(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run(
        [*CLI, "lint", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        env=environment,
    )


@pytest.fixture
def planted(tmp_path) -> Path:
    shutil.copytree(PLANTED, tmp_path / "planted")
    return tmp_path / "planted"


def test_lint_finds_every_planted_problem_and_nothing_else(planted):
    proc = run_lint("--format", "json", "--entries", ".", cwd=planted)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    found = [
        (Path(p["path"]).name, p["line"], p["severity"], p["field"], p["message"])
        for p in report["problems"]
    ]
    for name, line, severity, field, words in EXPECTED:
        match = [f for f in found if f[:4] == (name, line, severity, field) and words in f[4]]
        assert match, f"expected papers/{name}:{line}: {severity}: {field}: …{words}…\nfound {found}"
    # nothing else: the supersedes pair, the same-lab author list and the clean files are quiet
    assert sorted(f[:3] for f in found) == sorted(e[:3] for e in EXPECTED)
    assert (report["errors"], report["warnings"], report["notes"]) == (7, 6, 1)


def test_lint_text_output_is_path_line_col(planted):
    proc = run_lint("--entries", ".", cwd=planted)
    lines = proc.stdout.splitlines()
    assert "papers/vale2024nu.yaml:9:1: error: supersedes[0]: no entry has the key 'lee2024alphaa'; " \
        "did you mean 'lee2024alpha'?" in lines
    # libyaml's wording (PyYAML's own parser, used without libyaml, words it differently)
    assert "papers/yuki2024omicron.yaml:6:6: error: YAML syntax error: did not find expected ',' " \
        "or ']' (parsing a flow sequence started on line 5)" in lines
    assert proc.stderr.strip().endswith("14 valid entries, 7 errors, 6 warnings, 1 notes")


def test_mkdocs_build_reports_the_same_problems_as_lint(tmp_path, planted):
    root = make_project(tmp_path, planted)
    proc = run_lint("--format", "json", cwd=root)
    problems = json.loads(proc.stdout)["problems"]
    assert len(problems) == 14
    built = mkdocs_build(root)
    for p in problems:
        field = f" {p['field']}:" if p["field"] else ""
        line = f"{p['path']}:{p['line']}:{field} {p['message']}"
        # errors and warnings one per line; notes (lint's business) only counted (issue 13)
        assert (line in built.output) == (p["severity"] != "note"), line
    notes = sum(p["severity"] == "note" for p in problems)
    assert f"{notes} notes; run `mkdocs-awesome lint` to see them" in built.output
    # errors fail a strict build; warnings alone do not
    assert mkdocs_build(root, strict=True).returncode != 0
    # the duplicate is left out like any entry with errors; the first of the pair stays
    assert not (built.site / "papers" / "park2024beta" / "index.html").exists()
    assert (built.site / "papers" / "kim2024gamma" / "index.html").exists()


def test_real_catalogue_is_clean():
    proc = run_lint("--format", "json", cwd=REPO)
    report = json.loads(proc.stdout)
    assert proc.returncode == 0
    assert report["problems"] == []
    assert report["entries"] >= 87


# --------------------------------------------------------------------------------------------
# single rules, on hand-made entries


def entry(key: str, title: str, *, date=(2024, 8), arxiv=None, authors=("Ann Lee",), code=None,
          paper=None, supersedes=()) -> Entry:
    links = {"paper": paper or f"https://example.org/{key}"}
    if code:
        links["code"] = code
    return Entry(
        key=key, path=f"papers/{key}.yaml", title=title, authors=list(authors),
        date=PartialDate(*date), categories=["image"], tags=["video"], links=links, arxiv=arxiv,
        supersedes=list(supersedes),
        lines={"title": 1, "authors": 2, "date": 3, "links": 4, "arxiv": 6, "supersedes": 7},
    )


@pytest.mark.parametrize(
    "date, warned",
    [
        ((2024, 5), False),  # 3 months before the arXiv month: allowed
        ((2024, 4), True),  # 4 months before
        ((2026, 2), False),  # 18 months after: allowed
        ((2026, 3), True),  # 19 months after
    ],
)
def test_date_window_around_the_arxiv_month(date, warned):
    problems = check_catalog([entry(f"lee{date[0]}x", "X", date=date, arxiv="2408.00001")])
    assert any(p.field == "date" for p in problems) is warned


def test_old_style_arxiv_ids_give_a_month():
    problems = check_catalog([entry("lee2007x", "X", date=(2007, 1), arxiv="cs/0701001")])
    assert problems == []
    problems = check_catalog([entry("lee1999x", "X", date=(1999, 12), arxiv="math.GT/9912001")])
    assert problems == []


def test_near_identical_titles_with_two_arxiv_ids_are_two_papers():
    # e.g. challenge reports for two tracks of one challenge
    a = entry("lee2024lsvos", "LSVOS Challenge Report: VOS Track", arxiv="2408.10125")
    b = entry("lee2024lsvosb", "LSVOS Challenge Report: RVOS Track", arxiv="2408.12447")
    assert check_catalog([a, b]) == []
    c = entry("lee2024lsvosc", "LSVOS challenge report - VOS track")  # no arXiv id: warned
    (problem,) = check_catalog([a, b, c])
    assert (problem.path, problem.field) == ("papers/lee2024lsvosc.yaml", "title")


def test_titles_differing_only_in_case_and_punctuation_are_the_same_title():
    a = entry("lee2024sam", "SAM 2: Segment Anything!")
    b = entry("lee2024samb", "sam 2 - segment anything")
    (problem,) = check_catalog([a, b])
    assert problem.path == "papers/lee2024samb.yaml"
    assert problem.message.startswith("the same title as papers/lee2024sam.yaml:1")


def test_supersedes_silences_the_pair():
    a = entry("lee2024sam", "SAM 2", code="https://github.com/x/sam2",
              authors=["Ann Lee", "Bo Chen", "Cy Diaz"])
    b = entry("lee2025sam", "SAM 2", date=(2025, 1), code="https://github.com/x/sam2",
              authors=["Ann Lee", "Bo Chen", "Cy Diaz"], supersedes=["lee2024sam"])
    assert check_catalog([a, b]) == []


def test_a_problem_lands_on_the_entry_being_added():
    old = entry("lee2024zed", "Same Title")
    new = entry("lee2024abe", "Same Title")
    (problem,) = check_catalog([old, new])
    assert problem.path == "papers/lee2024zed.yaml"  # the later file name
    (problem,) = check_catalog([old, new], newest={"lee2024abe"})
    assert problem.path == "papers/lee2024abe.yaml"


def test_title_index_compares_only_new_titles_on_the_next_build():
    index = TitleIndex()
    titles = [f"a study of topic number {i} in depth" for i in range(50)]
    index.update(titles)
    assert index.compared == 50
    index.update(titles[:-1] + ["a study of topic number 49 in depth!!"])
    assert index.compared == 51
    assert "a study of topic number 48 in depth" in index.similar("a study of topic number 47 in depth")


def test_the_plugin_cache_keeps_title_comparisons(tmp_path):
    from mkdocs_awesome_plugin.catalog import EntryCache
    from mkdocs_awesome_plugin.catalog.titles import memo_for

    cache = EntryCache()
    load_catalog(PLANTED, cache=cache)
    before = memo_for(cache).compared
    load_catalog(PLANTED, cache=cache)
    assert memo_for(cache).compared == before


def test_title_index_finds_every_near_pair_that_shares_most_of_its_words():
    # a few hundred titles with small random edits, checked against difflib pair by pair. The
    # documented rule: a pair is reported when difflib's ratio is >= 0.9 and the two titles share
    # at least 70% of each one's words and adjacent word pairs (edits in most words are not).
    import difflib
    import math
    import random

    rng = random.Random(5)
    words = "segment anything model video medical tracking memory prompt zero shot sam 2 adapter " \
            "efficient real time surgical polyp camouflaged object detection remote sensing".split()
    titles = set()
    for _ in range(120):
        title = " ".join(rng.choice(words) for _ in range(rng.randint(2, 9)))
        titles.add(title)
        edited = list(title)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(edited))
            edited[i : i + 1] = rng.choice([[], ["x"], [edited[i], "e"], [" "]])
        titles.add("".join(edited))
    titles = sorted(titles | {"sam 2", "sam2", "a", ""})
    index = TitleIndex()
    index.update(titles)
    for i, a in enumerate(titles):
        for b in titles[i + 1 :]:
            near = max(
                difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(),
                difflib.SequenceMatcher(None, b, a, autojunk=False).ratio(),
            ) >= 0.9
            def tokens(t):
                w = []
                for x in t.split():  # a lone number joins the word before it: sam 2 = sam2
                    if x.isdigit() and w:
                        w[-1] += x
                    else:
                        w.append(x)
                return set(w) | {f"{x} {y}" for x, y in zip(w, w[1:], strict=False)}

            wa, wb = tokens(a), tokens(b)
            shares_half = len(wa & wb) >= max(
                1, math.ceil(len(wa) * 0.7), math.ceil(len(wb) * 0.7)
            )
            if near and shares_half and b not in index.similar(a):
                # the index compares each pair once, in one order; difflib's ratio may differ
                # slightly by order, so only a pair near in both orders must be found
                both = min(
                    difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(),
                    difflib.SequenceMatcher(None, b, a, autojunk=False).ratio(),
                ) >= 0.9
                assert not both, (a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        # typos, case and punctuation, a word added: what a contributor actually produces
        ("Text-Promtable propagation for referring medical image sequence segmentation",
         "Text-Promptable Propagation for Referring Medical Image Sequence Segmentation"),
        ("Picking the Cream of the Crop:Visual-Centric Data Selection with Collaborative Agents",
         "Picking the Cream of the Crop: Visual-Centric Data Selection with Collaborative Agents"),
        ("VideoRefer Suite: Advancing Spatial-Temporal Object Understanding with Video LLMs",
         "VideoRefer Suite: Advancing Spatial-Temporal Object Understanding with Video LLM"),
        ("SAM 2 in Robotic Surgery: An Empirical Evaluation for Robustness and Generalization in "
         "Surgical Video Segmentation",
         "SAM 2 in Robotic Surgery: Empirical Evaluation for Robustness and Generalization in "
         "Surgical Video Segmentation"),
    ],
)
def test_realistic_near_identical_titles_are_found(a, b):
    from mkdocs_awesome_plugin.catalog.quality import normalize_title

    index = TitleIndex()
    na, nb = normalize_title(a), normalize_title(b)
    index.update([na, nb, "an unrelated paper about remote sensing change detection"])
    # identical once normalised is caught before the index; otherwise the index must pair them
    assert na == nb or nb in index.similar(na)


def test_title_index_scales_without_comparing_every_pair():
    # 3,000 distinct synthetic titles over a shared vocabulary: only a few hundred pairs may be
    # scored, not the 4.5 million pairs there are
    import random

    rng = random.Random(11)
    vocab = [f"w{i}" for i in range(400)] + ["segment", "anything", "sam", "video", "model"] * 40
    titles = sorted({" ".join(rng.choice(vocab) for _ in range(10)) for _ in range(3000)})
    index = TitleIndex()
    calls = 0
    import difflib

    original = difflib.SequenceMatcher.ratio

    def counting(self):
        nonlocal calls
        calls += 1
        return original(self)

    difflib.SequenceMatcher.ratio = counting
    try:
        index.update(titles)
    finally:
        difflib.SequenceMatcher.ratio = original
    assert index.compared == len(titles)
    assert calls < 3000


def test_title_index_finds_the_same_pairs_one_title_at_a_time_as_all_at_once():
    # a first build scores all titles through the token index; `mkdocs serve` adds a few at a
    # time through rapidfuzz alone: both must report the same pairs with the same scores
    import random

    rng = random.Random(7)
    words = "segment anything model video medical tracking memory prompt sam 2 adapter " \
            "surgical polyp camouflaged object detection".split()
    titles = set()
    for _ in range(150):
        title = " ".join(rng.choice(words) for _ in range(rng.randint(3, 9)))
        titles.add(title)
        titles.add(title.replace(" ", "", 1) if rng.random() < 0.5 else title + "s")
    titles = sorted(titles)
    at_once = TitleIndex()
    at_once.update(titles)
    one_by_one = TitleIndex()
    for i in range(1, len(titles) + 1):
        one_by_one.update(titles[:i])
    assert one_by_one.compared == at_once.compared == len(titles)
    pairs = {t: at_once.similar(t) for t in titles}
    assert sum(len(v) for v in pairs.values()) > 50  # the corpus has pairs to find
    assert {t: one_by_one.similar(t) for t in titles} == pairs


def test_one_function_per_documented_check():
    from mkdocs_awesome_plugin.catalog import quality

    rows = [line for line in quality.__doc__.splitlines()
            if line.startswith("| ") and line.rstrip().endswith(("| error |", "| warning |",
                                                                  "| note |"))]
    assert len(rows) == len(quality.CHECKS) == 9
    assert all(check.__doc__ for check in quality.CHECKS)


def test_at_least_counts_bits_like_counting_one_position_at_a_time():
    # the bit-sliced counter behind the title index, against a plain count per position
    import random

    from mkdocs_awesome_plugin.catalog.bitsets import at_least

    rng = random.Random(3)
    for _ in range(200):
        width = rng.randint(1, 70)
        masks = [rng.getrandbits(width) for _ in range(rng.randint(0, 40))]
        count = rng.randint(1, 45)
        expected = 0
        for position in range(width):
            if sum(mask >> position & 1 for mask in masks) >= count:
                expected |= 1 << position
        assert at_least(masks, count) == expected, (masks, count)
