#!/usr/bin/env python3
"""Add the papers the Awesome SAM2 list gained since the seed snapshot. Safe to run again.

Source: `../shared/data/awesome-sam2-additions.yaml` (checked facts, not the list's text).

1. Every `status: include` record becomes `entries/papers/<key>.yaml` with its facts: title,
   authors in order, et_al, date, venue, venue_type, arXiv id, DOI and links (paper = the arXiv
   abstract page when there is an arXiv id, else the record's paper URL; code; project). A field
   the record leaves empty stays out. The list's own links are never used: where they were wrong
   (a placeholder or wrong arXiv id, another paper's project page, an unrelated data repo) the
   record's facts already hold the corrected value and its `note` says so.
   `pending` records stay out; they are printed with their reason.
2. Categories: each record's section paths (`list.sections`) are mapped onto the slugs of
   `entries/categories.yaml` by SECTION_MAP below (the same mapping is documented at the top of
   that file). Seed papers keep their categories and also get the ones `seed_papers_now` gives;
   only their `categories:` list is touched.
3. Tags: read from `tools/sam2_additions_tags.yaml` (record id -> 1-4 tags), so the choices
   can be reviewed on their own; every tag must be in `entries/tags.yaml`, and `surgical`
   needs `medical`, `gaussian-splatting` needs `3d`.
4. Keys: `key_suggestion` on the first author, year and title, avoiding the seed's keys and
   the keys given so far (in the records' order, so a re-run gives the same keys). Files an
   earlier run wrote for records that are no longer `include` are removed.
5. `--with-confidence` also writes each record's `confidence` (high, medium, low) into its
   entry, for a schema that has that field.

Then `load_catalog` must load `entries/` without errors.

Usage: python tools/sam2_additions.py [--data PATH] [--entries DIR] [--with-confidence]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mkdocs_awesome_plugin.catalog import load_catalog  # noqa: E402
from mkdocs_awesome_plugin.catalog.identity import (  # noqa: E402
    arxiv_url,
    doi_url,
    normalize_arxiv,
    normalize_doi,
    paper_identities,
)
from mkdocs_awesome_plugin.catalog.keys import key_suggestion  # noqa: E402
from mkdocs_awesome_plugin.catalog.writer import entry_text  # noqa: E402
from mkdocs_awesome_plugin.fileio import write_atomic  # noqa: E402

# ../shared/data beside the main checkout; a worktree sits one level deeper (wt/<name>)
DATA = next(
    (d / "shared" / "data" / "awesome-sam2-additions.yaml" for d in ROOT.parents
     if (d / "shared" / "data" / "awesome-sam2-additions.yaml").is_file()),
    ROOT.parent / "shared" / "data" / "awesome-sam2-additions.yaml",
)
TAGS_FILE = Path(__file__).with_name("sam2_additions_tags.yaml")
SCHEMA = "../../mkdocs_awesome_plugin/schema/entry.schema.json"
EXPECTED_INCLUDE = 214
IMPLIES = {"surgical": "medical", "gaussian-splatting": "3d"}

# The list's section path -> our category slug. Seed sections keep their slugs (old URLs);
# renamed ones map onto the old slug; new sections have new categories.
SECTION_MAP = {
    "Surveys & Reviews": "surveys",
    "Traditional Segmentation > Image Segmentation": "image-segmentation",
    "Traditional Segmentation > Image Segmentation > Segmentation Applications":
        "segmentation-applications",
    "Traditional Segmentation > Image Segmentation > Other Image Tasks": "other-image-tasks",
    "Traditional Segmentation > Video Segmentation": "video-object-segmentation",
    "Traditional Segmentation > Video Segmentation > "
    "Referring/Reasoning Video Object Segmentation": "referring-vos",
    "Traditional Segmentation > Other Video Tasks": "other-video-tasks",
    "Audio-visual segmentation (AVS)": "audio-visual-segmentation",
    "Graph Learning": "graph-learning",
    "Medical Domain > Medical Video & 3D Segmentation": "medical-video-3d",
    "Medical Domain > Medical Image Segmentation": "medical-image",
    "Medical Domain > Other Medical Applications": "other-medical-applications",
    "Camouflaged Object Detection (COD) > Video COD": "video-cod",
    "Camouflaged Object Detection (COD) > Image COD": "image-cod",
    "Remote Sensing": "remote-sensing",
    "3D Processing & Point Clouds > 3D Segmentation": "mesh-point-cloud-segmentation",
    "3D Processing & Point Clouds > 3D Reconstruction": "mesh-point-cloud-reconstruction",
    "3D Processing & Point Clouds > Other 3D Applications": "other-3d-applications",
    "Image or Video Generation & Editing": "generation-editing",
    "Simultaneous Localization and Mapping (SLAM / VO)": "slam",
    "Light Field Segmentation": "light-field-segmentation",
    "Robotics": "robotics",
    "Adaptation, Compression & Edge Applications": "adaptation-compression-edge",
    "Training > Datasets": "datasets",
    "Training > Datasets > Used for Data Augmentation (/Tool)": "data-augmentation",
    "Training > Training Helper": "training-helper",
    "Training > Performance Evaluations": "performance-evaluations",
    "Training > Performance Evaluations > Post Processing": "post-processing",
    "Training > Robustness": "robustness",
    "Training > Unique Applications/Usage": "unique-applications",
}

# Record id -> the paper link, where the record's own URL is unusable. Each is the record's
# note: the Cell Stem Cell URL is cut off at "S1934-5909(25" (a parenthesis broke the list's
# Markdown); its DOI, a fact in the same record, resolves to the article.
PAPER_LINK_FROM_DOI = {"https://www.cell.com/cell-stem-cell/fulltext/S1934-5909(25"}

# Record id -> its authors written "Family, Given", where the record's note says the names
# are given family name first (so the key, BibTeX and citation tags take the right surname).
FAMILY_FIRST = {
    "2503.12781": ["Zhang, Jiaxing", "Tang, Hao"],  # note: "written surname-first"
    "2507.10899": ["Wang, Zhicheng"],  # note: "'Wang Zhicheng', family name first"
}


# Record id -> (venue, title) where the record's `venue` also carries a remark on the published
# version ("Scientific Reports (2025) — published version titled '...'"; "ICML 2026 (per the
# authors' OpenReview abstract of the retitled version)", the new title being in the note).
# The venue is the part before the remark; the entry takes the published title, as every entry
# with a venue does.
PUBLISHED_TITLE = {
    "2504.02918": (
        "ICML 2026",
        "Evaluating Newtonian Mechanics in Video Generative Models with Real Physical Systems",
    ),
    "2503.03942": (
        "Scientific Reports (2025)",
        "A fine-tuned foundational model SurgiSAM2 for surgical video anatomy segmentation "
        "and detection",
    ),
}


def fail(message: str) -> None:
    raise SystemExit(f"sam2_additions: {message}")


def paper_link(rec: dict) -> str:
    """The paper link: arXiv abstract page, else the record's URL (the longer of id and the
    list's paper_url when one extends the other, as the id of one record is cut short)."""
    if rec["arxiv"]:
        return arxiv_url(normalize_arxiv(str(rec["arxiv"])))
    rid = str(rec["id"])
    if rid in PAPER_LINK_FROM_DOI:
        return doi_url(normalize_doi(rec["doi"]))
    listed = str(rec["list"].get("paper_url") or "")
    url = listed if listed.startswith(rid) else rid
    if not re.match(r"^https?://\S+$", url):
        fail(f"{rid}: no usable paper URL")
    return url


def authors_of(rec: dict) -> list[str]:
    authors = [str(a).strip() for a in rec["authors"]]
    fixed = FAMILY_FIRST.get(str(rec["id"]))
    if fixed:
        # only the named leading names change form; the order and the others stay
        if [n.split(", ")[1] + " " + n.split(", ")[0] for n in fixed] != [
            " ".join(reversed(a.split(" ", 1))) for a in authors[: len(fixed)]
        ]:
            fail(f"{rec['id']}: FAMILY_FIRST does not match the record's names {authors}")
        authors[: len(fixed)] = fixed
    return authors


def categories_of(sections: list[str], known: set[str], where: str) -> list[str]:
    out: list[str] = []
    for section in sections:
        slug = SECTION_MAP.get(section)
        if slug is None:
            fail(f"{where}: section {section!r} is not in SECTION_MAP")
        if slug not in known:
            fail(f"{where}: category {slug!r} is not in entries/categories.yaml")
        if slug not in out:
            out.append(slug)
    return out


def check_tags(rid: str, tags: list, vocabulary: set[str]) -> list[str]:
    if not isinstance(tags, list) or not 1 <= len(tags) <= 4 or len(set(tags)) != len(tags):
        fail(f"{TAGS_FILE.name}: {rid}: needs 1-4 distinct tags, got {tags!r}")
    for tag in tags:
        if tag not in vocabulary:
            fail(f"{TAGS_FILE.name}: {rid}: {tag!r} is not in entries/tags.yaml")
        if tag in IMPLIES and IMPLIES[tag] not in tags:
            fail(f"{TAGS_FILE.name}: {rid}: {tag!r} needs {IMPLIES[tag]!r} too")
    return list(tags)


def entry_fields(rec: dict, key_taken: set[str], tags: list[str], categories: list[str],
                 with_confidence: bool) -> tuple[str, dict]:
    authors = authors_of(rec)
    date = str(rec["date"])
    if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", date):
        fail(f"{rec['id']}: date {date!r} is not YYYY-MM or YYYY-MM-DD")
    title = PUBLISHED_TITLE.get(str(rec["id"]), ("", rec["title"]))[1]
    key = key_suggestion(authors, int(date[:4]), title, frozenset(key_taken))
    links = {"paper": paper_link(rec)}
    for kind in ("code", "project"):
        url = str(rec.get(kind) or "").strip()
        if url:
            if not re.match(r"^https?://\S+$", url):
                fail(f"{rec['id']}: {kind} {url!r} is not a URL")
            links[kind] = url
    title, venue = str(rec["title"]).strip(), str(rec.get("venue") or "").strip()
    if str(rec["id"]) in PUBLISHED_TITLE:
        venue, title = PUBLISHED_TITLE[str(rec["id"])]
        said = f"{rec['venue']} {rec['note']}".replace("\n", " ")
        if not (str(rec["venue"]).startswith(venue + " ") and title in said):
            fail(f"{rec['id']}: PUBLISHED_TITLE does not match the record's venue")
    fields = {
        "title": title,
        "authors": authors,
        "et_al": bool(rec.get("et_al")),
        "date": date,
        "venue": venue,
        "venue_type": str(rec.get("venue_type") or "").strip(),
        "arxiv": normalize_arxiv(str(rec["arxiv"])) if rec["arxiv"] else "",
        "doi": normalize_doi(str(rec["doi"])) if rec["doi"] else "",
        "categories": categories,
        "tags": tags,
        "links": links,
    }
    if with_confidence:
        fields["confidence"] = rec["confidence"]
    return key, fields


def record_identities(rec: dict) -> set[str]:
    urls = [str(rec["id"]), paper_link(rec)] if not rec["arxiv"] else []
    return set(paper_identities(arxiv=str(rec["arxiv"] or ""), doi=str(rec["doi"] or ""),
                                urls=urls))


def entry_identities(data: dict) -> set[str]:
    links = data.get("links") or {}
    urls = [links["paper"]] if links.get("paper") else []
    return set(paper_identities(arxiv=str(data.get("arxiv") or ""),
                                doi=str(data.get("doi") or ""), urls=urls))


def add_categories(path: Path, extra: list[str]) -> bool:
    """Append `extra` slugs to the `categories:` block of an entry file, touching nothing else."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "categories:"), None)
    if start is None:
        fail(f"{path}: no block-style categories: list")
    end = start + 1
    while end < len(lines) and lines[end].startswith("- "):
        end += 1
    present = [line[2:].strip() for line in lines[start + 1:end]]
    new = [slug for slug in extra if slug not in present]
    if not new:
        return False
    lines[end:end] = [f"- {slug}\n" for slug in new]
    text = "".join(lines)
    if yaml.safe_load(text)["categories"] != present + new:
        fail(f"{path}: editing categories went wrong")
    write_atomic(path, text, overwrite=True)
    return True


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--entries", type=Path, default=ROOT / "entries")
    ap.add_argument("--tags", type=Path, default=TAGS_FILE)
    ap.add_argument("--with-confidence", action="store_true",
                    help="write each record's confidence into its entry")
    args = ap.parse_args(argv)

    data = yaml.safe_load(args.data.read_text(encoding="utf-8"))
    records = data["papers"]
    include = [r for r in records if r["status"] == "include"]
    pending = [r for r in records if r["status"] != "include"]
    if len(include) != EXPECTED_INCLUDE:
        fail(f"expected {EXPECTED_INCLUDE} include records, found {len(include)}")
    if set(data["sections_now"]) != set(SECTION_MAP):
        fail("sections_now and SECTION_MAP differ: "
             f"{sorted(set(data['sections_now']) ^ set(SECTION_MAP))}")

    categories_yaml = yaml.safe_load((args.entries / "categories.yaml").read_text("utf-8"))
    known: set[str] = set()

    def walk(items):
        for item in items:
            known.add(item["slug"])
            walk(item.get("children") or [])

    walk(categories_yaml)
    vocabulary = set(yaml.safe_load((args.entries / "tags.yaml").read_text("utf-8")))
    tag_choices = yaml.safe_load(args.tags.read_text(encoding="utf-8"))

    papers_dir = args.entries / "papers"
    all_ids = set().union(*(record_identities(r) for r in records))
    include_ids = set().union(*(record_identities(r) for r in include))
    seed_arxiv = {str(a) for a in data["seed_papers_now"]}
    seed: dict[str, dict] = {}  # key -> data: the seed's entries
    ours: set[str] = set()  # keys an earlier run of this script wrote
    for path in sorted(papers_dir.glob("*.yaml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        idents = entry_identities(entry)
        if str(entry.get("arxiv") or "") not in seed_arxiv and idents & all_ids:
            ours.add(path.stem)
        else:
            seed[path.stem] = entry
            if idents & include_ids:
                fail(f"{path}: a seed paper is also an include record")

    # 1-4. the new entries
    taken = set(seed)
    written: set[str] = set()
    unused_tags = set(map(str, tag_choices))
    for rec in include:
        rid = str(rec["id"])
        tags = check_tags(rid, tag_choices.get(rid), vocabulary)
        unused_tags.discard(rid)
        cats = categories_of(rec["list"]["sections"], known, rid)
        key, fields = entry_fields(rec, taken, tags, cats, args.with_confidence)
        taken.add(key)
        written.add(key)
        write_atomic(papers_dir / f"{key}.yaml", entry_text(fields, SCHEMA), overwrite=True)
    if unused_tags:
        fail(f"{args.tags.name}: no include record for {sorted(unused_tags)}")
    for stale in sorted(ours - written):
        (papers_dir / f"{stale}.yaml").unlink()
        print(f"removed {stale}.yaml (not written by this run)")

    # 2. the seed papers, also where the list files them now
    by_arxiv = {str(e.get("arxiv")): k for k, e in seed.items() if e.get("arxiv")}
    changed = []
    for arxiv, sections in data["seed_papers_now"].items():
        key = by_arxiv.get(str(arxiv))
        if key is None and not sections:
            continue  # an id the seed does not hold, filed nowhere now: nothing to add
        if key is None:
            fail(f"seed_papers_now: no seed entry with arXiv id {arxiv}")
        extra = categories_of(sections or [], known, f"seed {arxiv}")
        if add_categories(papers_dir / f"{key}.yaml", extra):
            changed.append(key)

    catalog = load_catalog(args.entries)
    errors = [p for p in catalog.problems if p.severity == "error"]
    for problem in errors:
        print(problem, file=sys.stderr)
    print(f"{len(written)} entries written, {len(seed)} seed entries "
          f"({len(changed)} got categories: {', '.join(changed) or '-'}), "
          f"{len(catalog.entries)} loaded, {len(errors)} errors")
    print(f"{len(pending)} pending records left out:")
    for rec in pending:
        print(f"  {rec['id']}  {rec['title'][:70]}  -- {rec.get('status_reason', '')}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
