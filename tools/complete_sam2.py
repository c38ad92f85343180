#!/usr/bin/env python3
"""Build `entries/` for the Awesome SAM2 catalogue. One-off, but safe to run again.

1. Import the seed list (`awesome-sam2-README.md`) with the README importer into a temporary folder.
2. Complete every imported paper from `paper-metadata.yaml`: the metadata's title, authors, date,
   venue and DOI win over the list. Nothing is invented: a field the metadata leaves empty is left
   out. The one wrong arXiv link of the list (the Deblur4DGS row links 2410.17988) is corrected
   only because a metadata record with that exact title says so in its note; that frees the id
   for the row the importer had to skip as a conflict, which is the paper 2410.17988 really is.
3. Give each paper its final key (`key_suggestion` on the real first author, year and title),
   its categories (the list's sections, renamed below), and 1-4 tags from a keyword table.
4. Write `entries/papers/*.yaml`, `entries/categories.yaml` and `entries/tags.yaml`, remove entry
   files this run did not produce, and check: 87 distinct papers, each metadata record used once,
   every paper in every section it was listed under, and `load_catalog` without errors.

Usage: python tools/complete_sam2.py [--readme PATH] [--metadata PATH] [--entries DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mkdocs_awesome_plugin.catalog import load_catalog  # noqa: E402
from mkdocs_awesome_plugin.catalog.identity import (  # noqa: E402
    arxiv_url,
    normalize_arxiv,
    normalize_doi,
    title_identity,
    url_identity,
)
from mkdocs_awesome_plugin.catalog.keys import key_suggestion  # noqa: E402
from mkdocs_awesome_plugin.catalog.writer import Quoted, dump_yaml  # noqa: E402
from mkdocs_awesome_plugin.fileio import write_atomic  # noqa: E402
from mkdocs_awesome_plugin.importers import import_readme, parse_readme  # noqa: E402
from mkdocs_awesome_plugin.importers.awesome_readme.parse import Row  # noqa: E402
from mkdocs_awesome_plugin.importers.awesome_readme.write import dump_entry  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
EXPECTED_PAPERS = 87

# ---------------------------------------------------------------------------------------------
# categories: the importer's slug -> (final slug, title, description), nested as in the list

CATEGORIES = [
    ("sam2", "sam2", "SAM and SAM 2",
     "The Segment Anything models themselves: SAM for images, SAM 2 for images and videos."),
    ("surveys-reviews", "surveys", "Surveys & Reviews",
     "Overviews of the research built on SAM and SAM 2."),
    ("traditional-segmentation", "traditional-segmentation", "Traditional Segmentation",
     "Classic segmentation tasks on natural images and videos.", [
         ("image-segmentation", "image-segmentation", "Image Segmentation",
          "Segmenting and matting still images, including open-vocabulary labelling."),
         ("referring-video-object-segmentation-rvos", "referring-vos",
          "Referring Video Object Segmentation (RVOS)",
          "Segmenting, across a video, the object that a sentence or a sound refers to."),
         ("video-object-segmentation-tracking", "video-object-segmentation",
          "Video Object Segmentation (+ Tracking)",
          "Following and segmenting objects through videos, challenge entries included."),
     ]),
    ("medical-domain", "medical", "Medical Domain",
     "SAM 2 applied to medical images, volumes and videos.", [
         ("medical-video-3d-segmentation", "medical-video-3d", "Medical Video & 3D Segmentation",
          "Surgical and clinical videos, and 3D scans treated as sequences of slices."),
         ("medical-image-segmentation", "medical-image", "Medical Image Segmentation",
          "Medical images such as CT, MRI, OCTA, endoscopy and pathology slides."),
     ]),
    ("camouflaged-object-detection-cod", "camouflaged-object-detection",
     "Camouflaged Object Detection (COD)", "Finding objects that blend into their surroundings.", [
         ("video-cod", "video-cod", "Video COD", "Camouflaged objects in videos."),
         ("image-cod", "image-cod", "Image COD", "Camouflaged objects in still images."),
     ]),
    ("audio-visual-segmentation-avs", "audio-visual-segmentation", "Audio-Visual Segmentation (AVS)",
     "Segmenting whatever makes the sound heard in a video."),
    ("remote-sensing", "remote-sensing", "Remote Sensing",
     "Satellite and aerial images: change detection, land cover and terrain."),
    ("mesh-or-point-cloud-segmentation", "mesh-point-cloud", "3D Mesh and Point Clouds",
     "Carrying 2D masks into 3D meshes, point clouds and scenes.", [
         ("mesh-or-point-cloud-segmentation-2", "mesh-point-cloud-segmentation",
          "Mesh or Point Cloud Segmentation", "Parts and instances segmented in 3D."),
         ("mesh-or-point-cloud-reconstruction", "mesh-point-cloud-reconstruction",
          "Mesh or Point Cloud Reconstruction",
          "Reconstructing 3D and 4D scenes and objects with the help of 2D masks."),
     ]),
    ("image-or-video-generation-editing", "generation-editing", "Image or Video Generation & Editing",
     "Generating and editing images and videos, with masks to guide or decompose them."),
    ("simultaneous-localization-and-mapping-slam", "slam",
     "Simultaneous Localization and Mapping (SLAM)",
     "Building semantic maps while tracking where the camera is."),
    ("light-field-segmentation", "light-field-segmentation", "Light Field Segmentation",
     "Segmenting the many views of a light-field camera at once."),
    ("robotics", "robotics", "Robotics",
     "Perception for robots: scene understanding, manipulation and learning from demonstrations."),
    ("datasets", "datasets", "Datasets",
     "New datasets, and ways of selecting training data, built with the help of SAM 2."),
    ("performance-evaluations", "performance-evaluations", "Performance Evaluations",
     "Studies that measure what vision foundation models are good at."),
    ("unique-applications", "unique-applications", "Unique Applications",
     "Uses of SAM 2 that fit no other section, from agriculture to sports broadcasts."),
]

# ---------------------------------------------------------------------------------------------
# tags: vocabulary, keyword rules, defaults per category, per-paper overrides

TAGS = {
    "foundation-model": "One of the Segment Anything foundation models itself.",
    "survey": "Surveys and reviews of a body of work.",
    "benchmark": "Measures how well existing models do, rather than proposing a new one.",
    "dataset": "Introduces a dataset, or is about collecting and curating training data.",
    "challenge-report": "A technical report on an entry to a competition.",
    "video": "Works on video: segmentation, tracking or synthesis over time.",
    "tracking": "Follows objects, points or changes from frame to frame.",
    "referring": "Segments what a sentence, a sound or another query points at.",
    "open-vocabulary": "Recognises categories named at test time, not a fixed label set.",
    "interactive": "Segmentation steered by clicks, boxes, text or other prompts.",
    "zero-shot": "Uses pretrained models as they are, without training for the task.",
    "fine-tuning": "Adapts a pretrained model with adapters, new heads or further training.",
    "efficiency": "Makes a model faster or lighter, or runs it in real time.",
    "medical": "Medical imaging: CT, MRI, ultrasound, endoscopy, eye scans and more.",
    "surgical": "Surgery: instruments, tissue and scenes in operating-room video.",
    "pathology": "Microscopy slides of tissue in digital pathology.",
    "polyp": "Polyps in colonoscopy images and videos.",
    "3d": "3D data: volumes, meshes, point clouds and reconstructed scenes.",
    "gaussian-splatting": "Builds on 3D or 4D Gaussian splatting.",
    "slam": "Simultaneous localisation and mapping.",
    "robotics": "Robots: manipulation, grasping, legged robots and simulation for them.",
    "editing": "Edits images or videos.",
    "generation": "Generates images or videos, usually with diffusion models.",
    "matting": "Separates soft foreground layers (alpha mattes) from the background.",
    "camouflage": "Objects that are hard to tell from their background.",
    "remote-sensing": "Images taken from satellites, aircraft or drones.",
    "audio-visual": "Uses sound together with images or video.",
    "vision-language": "Combines vision with language models: VLMs, LLMs or text encoders.",
    "representation": "Studies the features a backbone learns, or object-centric representations.",
}

# tag -> pattern searched in the paper's titles (the metadata's and the list's), lowercased
RULES = [
    ("survey", r"\bsurvey\b|\breview\b"),
    ("challenge-report", r"challenge|place report"),
    ("benchmark", r"evaluat|benchmark|robustness|is sam 2 better|revisiting|capability of"),
    ("dataset", r"\bdataset\b|data selection"),
    ("medical", r"medical|biomedical|\bmri\b|\bct\b|clinical|echocardio|tumou?r|lesion|octa\b|"
                r"\bbone\b|patholog|sesamoiditis|tissue"),
    ("surgical", r"surg|cataract"),
    ("pathology", r"patholog"),
    ("polyp", r"polyp"),
    ("camouflage", r"camouflag"),
    ("remote-sensing", r"remote sensing|change detection|aerial|\buav\b|satellite"),
    ("audio-visual", r"audio"),
    ("referring", r"referr|text-driven|referenced"),
    ("open-vocabulary", r"open-vocabulary"),
    ("slam", r"\bslam\b|localization and mapping"),
    ("gaussian-splatting", r"gaussian splatting|4dgs"),
    ("3d", r"\b3d\b|\b4d\b|mesh|point cloud|scene graph|rgb-d"),
    ("robotics", r"robot|manipulation|grasp|humanoid|legged"),
    ("editing", r"edit|dragging"),
    ("generation", r"generat|synthesis|video diffusion"),
    ("matting", r"matting|omnimatte"),
    ("tracking", r"track"),
    ("video", r"video|frame|sequence"),
    ("zero-shot", r"zero[- ]shot|training-free|tuning-free"),
    ("fine-tuning", r"fine-tun|adapter|adapting segment anything model 2|adaptation\b|transfer sam2"),
    ("efficiency", r"efficient|real-time|pruning"),
    ("interactive", r"interactive (?:3d medical|segmentation)|prompt-based|self-prompting|"
                    r"constrained prompting|promptable"),
    ("vision-language", r"\bvlm\b|vision[- ]language|\bllms?\b|\bgpt\b|\bclip\b|text embeddings"),
    ("representation", r"backbone|object-centric"),
]

# importer category slug -> tags every paper listed there gets
CATEGORY_TAGS = {
    "sam2": ["foundation-model"],
    "surveys-reviews": ["survey"],
    "referring-video-object-segmentation-rvos": ["referring", "video"],
    "video-object-segmentation-tracking": ["video"],
    "medical-video-3d-segmentation": ["medical"],
    "medical-image-segmentation": ["medical"],
    "video-cod": ["camouflage", "video"],
    "image-cod": ["camouflage"],
    "audio-visual-segmentation-avs": ["audio-visual"],
    "remote-sensing": ["remote-sensing"],
    "mesh-or-point-cloud-segmentation-2": ["3d"],
    "mesh-or-point-cloud-reconstruction": ["3d"],
    "simultaneous-localization-and-mapping-slam": ["slam"],
    "robotics": ["robotics"],
    "datasets": ["dataset"],
}

# metadata key -> tags, replacing the rules where they read a title wrongly
OVERRIDES = {
    "2408.00714": ["foundation-model", "video", "interactive"],  # SAM 2
    "2304.02643": ["foundation-model", "interactive", "dataset"],  # SAM and its SA-1B data
    "2410.04960": ["survey", "efficiency"],
    "2408.12889": ["survey", "medical", "video"],
    "2408.08315": ["survey", "video"],
    "2411.11922": ["tracking", "video", "zero-shot"],  # SAMURAI: listed under RVOS
    "2408.15876": ["referring", "video", "audio-visual", "vision-language"],
    "2411.15288": ["representation", "benchmark"],  # SAM as a backbone
    "2501.00599": ["video", "vision-language", "referring"],  # VideoRefer
    "2502.09660": ["interactive", "video"],
    "2409.14220": ["tracking", "video"],
    "2408.10125": ["video", "challenge-report"],  # "VOS Track" is a challenge track
    "2408.12447": ["referring", "video", "challenge-report"],
    "2409.09286": ["medical", "3d", "fine-tuning"],  # SAM-OCTA2: layers of a volume
    "2410.16268": ["video", "zero-shot"],  # SAM2Long
    "2411.17576": ["tracking", "video"],
    "2408.03322": ["medical", "video", "benchmark"],  # MedSAM2 benchmark and deployment
    "2408.04593": ["surgical", "medical", "video", "benchmark"],
    "2408.04098": ["surgical", "medical", "video", "benchmark"],
    "2408.04762": ["medical", "3d", "zero-shot"],
    "2408.07931": ["surgical", "medical", "video", "efficiency"],
    "2410.19996": ["surgical", "medical", "tracking", "efficiency"],
    "2410.03143": ["medical", "video", "generation"],  # ECHOPulse
    "2502.20934": ["surgical", "medical", "video", "benchmark"],
    "2408.15224": ["medical", "3d", "interactive"],  # 3D Slicer extension
    "2408.11210": ["medical", "3d", "benchmark", "survey"],
    "2408.02635": ["medical", "3d", "interactive"],
    "2408.08870": ["fine-tuning", "medical", "camouflage"],  # SAM2-UNet
    "2408.04579": ["fine-tuning", "camouflage", "medical"],  # SAM2-Adapter
    "2408.08813": ["medical"],
    "2408.00874": ["medical", "3d", "video"],  # images as video
    "2409.18653": ["camouflage", "video", "benchmark", "fine-tuning"],
    "2407.21596": ["camouflage", "benchmark"],
    "2410.17988": ["robotics", "3d"],
    "2411.03555": ["3d", "tracking", "gaussian-splatting", "robotics"],
    "2411.16183": ["3d", "tracking"],
    "2411.19162": ["3d", "tracking", "robotics"],  # Lost & Found
    "2502.14004": ["3d", "benchmark", "dataset"],  # Inter3D
    "2411.16683": ["video", "matting", "editing"],  # Generative Omnimatte
    "2412.11785": ["video", "generation"],  # InterDyn
    "2411.15260": ["video", "editing", "dataset"],  # VIVID-10M
    "2410.15536": ["robotics"],  # GRS generates tasks, not images
    "2409.13107": ["surgical", "robotics"],
    "2502.11534": ["surgical", "dataset", "tracking"],
    "2502.21201": ["dataset", "video"],  # wildlife behaviour videos
    "2502.20263": ["representation"],
    "10.3390/app14209246": ["video", "tracking", "remote-sensing"],
    "2410.07955": ["remote-sensing", "efficiency"],
    "2410.17856": ["video", "vision-language"],  # ROCKET-1: prompting a game-playing agent
    "2410.04680": ["robotics", "gaussian-splatting", "3d"],
    "2410.08926": ["zero-shot", "benchmark"],  # pupil segmentation
    "2502.20511": ["3d"],  # foot reconstruction
    "2411.13840": ["efficiency", "interactive"],  # light fields in real time
    "2410.00231": ["robotics", "vision-language"],
    "2410.08792": ["robotics", "vision-language", "video"],
    "2502.20900": ["robotics", "vision-language"],
}


def venue_type(venue: str) -> str | None:
    v = venue.casefold()
    if "workshop" in v:
        return "workshop"
    if re.match(r"(cvpr|iccv|eccv|aaai|iclr|icml|neurips|icassp|miccai|midl|acm mm|wacv)\b", v):
        return "conference"
    if re.search(r"journal|transactions|proceedings of the acm on|computers in biology|"
                 r"applied sciences|frontiers in|visual intelligence", v):
        return "journal"
    return None


# ---------------------------------------------------------------------------------------------


@dataclass
class Paper:
    record: dict
    first_row: Row
    rows: list[Row] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # importer slugs
    links: dict[str, str] = field(default_factory=dict)
    arxiv: str | None = None
    paper_url: str = ""
    key: str = ""
    tags: list[str] = field(default_factory=list)


class Metadata:
    def __init__(self, records: list[dict]):
        self.records = records
        self.by_arxiv: dict[str, dict] = {}
        self.by_doi: dict[str, dict] = {}
        self.by_url: dict[str, dict] = {}
        self.by_title: dict[str, list[dict]] = {}
        for rec in records:
            key = str(rec["key"])
            if normalize_arxiv(key):
                self.by_arxiv[normalize_arxiv(key)] = rec
            elif normalize_doi(key):
                self.by_doi[normalize_doi(key).lower()] = rec
            else:
                self.by_url[url_identity(key)] = rec
            if rec.get("doi"):
                self.by_doi.setdefault(normalize_doi(rec["doi"]).lower(), rec)
            self.by_title.setdefault(title_identity(rec["title"]), []).append(rec)

    def for_row(self, row: Row) -> dict | None:
        if row.arxiv:
            return self.by_arxiv.get(row.arxiv)
        if row.doi and row.doi.lower() in self.by_doi:
            return self.by_doi[row.doi.lower()]
        if url_identity(row.url) in self.by_url:
            return self.by_url[url_identity(row.url)]
        same = self.by_title.get(title_identity(row.title), [])
        return same[0] if len(same) == 1 else None

    def correction(self, row: Row) -> dict | None:
        """The record a row's link is wrong for: one whose title is exactly the row's, whose id is
        not the row's, and whose note names the row's id as a wrong link."""
        rec = self.for_row(row)
        if rec is not None and title_identity(rec["title"]) == title_identity(row.title):
            return None
        for other in self.by_title.get(title_identity(row.title), []):
            if other is not rec and row.arxiv and row.arxiv in str(other.get("note", "")) and re.search(
                r"wrong", str(other.get("note", "")), re.IGNORECASE
            ):
                return other
        return None


def record_date(rec: dict, row: Row, notes: list[str]) -> str:
    value = rec.get("date")
    if isinstance(value, dt.date):
        return value.isoformat()
    value = str(value or "").strip()
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
        return value
    if re.fullmatch(r"\d{4}", value) and row.date and row.date.startswith(value):
        notes.append(f"{rec['key']}: the metadata gives only the year {value}; took the month "
                     f"from the list's release {row.date} ({row.where}), which agrees with it")
        return row.date
    raise SystemExit(f"{rec['key']}: no usable date in the metadata ({value!r})")


def tags_for(paper: Paper) -> list[str]:
    key = str(paper.record["key"])
    if key in OVERRIDES:
        return list(OVERRIDES[key])
    text = " ".join({paper.record["title"], *(r.title for r in paper.rows)}).casefold()
    out: list[str] = []
    for slug in paper.categories:
        for tag in CATEGORY_TAGS.get(slug, []):
            if tag not in out:
                out.append(tag)
    for tag, pattern in RULES:
        if tag not in out and re.search(pattern, text):
            out.append(tag)
    if "zero-shot" in out and "fine-tuning" in out:
        out.remove("fine-tuning")
    return out[:4]


def category_items(nodes, slug_map, seen_order) -> list[dict]:
    items = []
    for node in nodes:
        old, new, title, desc = node[:4]
        item = {"slug": new, "title": title, "description": desc}
        slug_map[old] = new
        seen_order.append(old)
        if len(node) > 4:
            item["children"] = category_items(node[4], slug_map, seen_order)
        items.append(item)
    return items


def importer_tree(sections) -> list:
    return [(s.slug, importer_tree(s.children)) for s in sections]


def mapping_tree(nodes) -> list:
    return [(n[0], mapping_tree(n[4]) if len(n) > 4 else []) for n in nodes]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--readme", type=Path, default=DATA / "awesome-sam2-README.md")
    ap.add_argument("--metadata", type=Path, default=DATA / "paper-metadata.yaml")
    ap.add_argument("--entries", type=Path, default=ROOT / "entries")
    args = ap.parse_args(argv)

    readme_text = args.readme.read_text(encoding="utf-8")
    source = args.readme.name
    notes: list[str] = []

    # 1. the importer, into a temporary folder
    with tempfile.TemporaryDirectory() as tmp:
        report = import_readme(readme_text, source, Path(tmp))
        imported = load_catalog(tmp)
        assert not imported.errors, [str(p) for p in imported.errors]
        imported_count = len(imported.entries)
    print("Importer report on the seed list:")
    print(f"  rows read:          {report.rows_read} ({report.commented_rows} commented out, ignored)")
    print(f"  entries:            {len(report.entries)} written to a temporary folder ({imported_count} load)")
    print(f"  categories:         {report.categories}")
    print(f"  duplicates merged:  {report.duplicates_merged} (same section)")
    print(f"  cross-listed:       {report.cross_listed} (one more section for a paper already seen)")
    print(f"  conflicts:          {len(report.conflicts)}")
    for message in report.conflicts:
        print(f"    {message}")
    for note in report.notes:
        print(f"  note: {note}")

    # categories: the mapping must cover the importer's tree exactly, with the same nesting
    slug_map: dict[str, str] = {}
    order: list[str] = []
    category_yaml = category_items(CATEGORIES, slug_map, order)
    if importer_tree(report.parsed.sections) != mapping_tree(CATEGORIES):
        raise SystemExit("the list's sections are not the ones CATEGORIES maps:\n"
                         f"{importer_tree(report.parsed.sections)}")

    # 2. complete from the metadata
    meta = Metadata(yaml.safe_load(args.metadata.read_text(encoding="utf-8")))
    papers: dict[str, Paper] = {}  # metadata key -> paper
    row_paper: dict[int, Paper] = {}  # README line -> paper

    def attach(rec: dict, row: Row, arxiv: str | None, paper_url: str) -> None:
        key = str(rec["key"])
        paper = papers.get(key)
        if paper is None:
            paper = papers[key] = Paper(record=rec, first_row=row, arxiv=arxiv, paper_url=paper_url)
        paper.rows.append(row)
        if row.category not in paper.categories:
            paper.categories.append(row.category)
        for kind, url in row.links.items():
            paper.links.setdefault(kind, url)
        row_paper[row.line] = paper

    for entry in report.entries:
        for row in entry.rows:
            fixed = meta.correction(row)
            if fixed is not None:
                new_id = normalize_arxiv(str(fixed["key"]))
                notes.append(f"{row.where}: {row.title!r} links arXiv {row.arxiv}, but it is "
                             f"arXiv {new_id} (metadata note); link corrected")
                attach(fixed, row, new_id, arxiv_url(new_id))
                continue
            rec = meta.for_row(row)
            if rec is None:
                raise SystemExit(f"{row.where}: no metadata record for {row.title!r} ({row.url})")
            attach(rec, row, row.arxiv, row.url)

    # conflicts: the skipped row is a paper of its own once the wrong link is corrected
    for kept, skipped in report.conflict_rows:
        fix = meta.correction(kept)
        rec = meta.for_row(skipped)
        if fix is None or rec is None or str(rec["key"]) in papers:
            raise SystemExit(f"unresolved conflict: {skipped.where} vs {kept.where}")
        notes.append(f"{skipped.where}: conflict resolved by the metadata: {skipped.title!r} is "
                     f"arXiv {skipped.arxiv} ({rec['title']!r}); {kept.where} is "
                     f"arXiv {normalize_arxiv(str(fix['key']))}")
        for row in report.parsed.rows:
            if row.identity == skipped.identity and title_identity(row.title) == title_identity(skipped.title):
                attach(rec, row, row.arxiv, row.url)

    # 3. fields, keys, tags
    taken: set[str] = set()
    ordered = sorted(papers.values(), key=lambda p: p.first_row.line)
    out_files: dict[str, str] = {}
    unused_fields: list[str] = []
    for paper in ordered:
        rec = paper.record
        date = record_date(rec, paper.first_row, notes)
        authors = [str(a).strip() for a in (rec.get("authors") or [])]
        paper.key = key_suggestion(authors, int(date[:4]), rec["title"], taken)
        taken.add(paper.key)
        paper.tags = tags_for(paper)
        unknown = [t for t in paper.tags if t not in TAGS]
        if unknown or not 1 <= len(paper.tags) <= 4:
            raise SystemExit(f"{rec['key']}: bad tags {paper.tags}")
        data: dict = {"title": str(rec["title"]).strip(), "authors": authors, "date": Quoted(date)}
        # a record whose sources showed only a truncated author line ("Guo, Li et al.")
        if "et al." in str(rec.get("note") or "") and "full list was not found" in str(rec.get("note")):
            data["et_al"] = True
        venue = str(rec.get("venue") or "").strip()
        if venue:
            data["venue"] = venue
            vtype = venue_type(venue)
            if vtype:
                data["venue_type"] = vtype
            else:
                unused_fields.append(f"{rec['key']}: venue type of {venue!r} not obvious; left out")
        if paper.arxiv:
            data["arxiv"] = Quoted(paper.arxiv)
        doi = normalize_doi(str(rec.get("doi") or "")) if rec.get("doi") else None
        if rec.get("doi") and not doi:
            unused_fields.append(f"{rec['key']}: DOI {rec['doi']!r} is not a DOI; left out")
        if doi:
            data["doi"] = doi
        data["categories"] = [slug_map[c] for c in paper.categories]
        data["tags"] = paper.tags
        links = {"paper": paper.paper_url}
        for kind in ("code", "project", "demo", "data"):
            if kind in paper.links:
                links[kind] = paper.links[kind]
        data["links"] = links
        out_files[paper.key] = dump_entry(data)

    # 4. checks before writing
    problems: list[str] = []
    if len(papers) != EXPECTED_PAPERS:
        problems.append(f"expected {EXPECTED_PAPERS} papers, made {len(papers)}")
    unused = [r["key"] for r in meta.records if str(r["key"]) not in papers]
    if unused:
        problems.append(f"metadata records not used: {unused}")
    ids = [p.arxiv or p.paper_url for p in papers.values()]
    if len(set(ids)) != len(ids):
        problems.append("two papers share an id")
    fresh = parse_readme(readme_text, source)
    for row in fresh.rows:
        paper = row_paper.get(row.line)
        if paper is None:
            problems.append(f"{row.where}: row not in any paper")
        elif row.category not in paper.categories:
            problems.append(f"{row.where}: {paper.key} lacks the section {row.category}")
    if problems:
        raise SystemExit("\n".join(problems))

    # write
    entries_dir = args.entries
    papers_dir = entries_dir / "papers"
    papers_dir.mkdir(parents=True, exist_ok=True)
    for key, text in out_files.items():
        path = papers_dir / f"{key}.yaml"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text, overwrite=True)
    removed = [p.name for p in sorted(papers_dir.glob("*.yaml")) if p.stem not in out_files]
    for name in removed:
        (papers_dir / name).unlink()
    write_atomic(entries_dir / "categories.yaml", dump_yaml(category_yaml), overwrite=True)
    write_atomic(entries_dir / "tags.yaml", dump_yaml(TAGS), overwrite=True)

    catalog = load_catalog(entries_dir, base_dir=ROOT)
    print()
    print(f"Wrote {len(out_files)} entries to {entries_dir}"
          + (f" (removed stale: {', '.join(removed)})" if removed else ""))
    print(f"  categories: {len(catalog.all_categories())}, tags: {len(catalog.tags)}")
    used_tags = {t for e in catalog.entries.values() for t in e.tags}
    print(f"  tags never used: {sorted(set(TAGS) - used_tags) or 'none'}")
    for note in notes:
        print(f"  note: {note}")
    for line in unused_fields:
        print(f"  left out: {line}")
    for rec in meta.records:
        if rec.get("confidence") != "high":
            print(f"  low confidence: {rec['key']}: {rec['title']!r} (used as given)")
    for problem in catalog.problems:
        print(f"  {problem.severity}: {problem}")
    if catalog.errors or len(catalog.entries) != EXPECTED_PAPERS:
        print(f"FAILED: {len(catalog.errors)} errors, {len(catalog.entries)} entries loaded")
        return 1
    print(f"OK: {len(catalog.entries)} distinct papers, every listed section kept, "
          f"load_catalog reports 0 errors and {len(catalog.warnings)} warnings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
