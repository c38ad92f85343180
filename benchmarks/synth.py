"""Deterministic synthetic catalogue + MkDocs project for the build benchmarks (issue 6).

    python benchmarks/synth.py N OUT

writes OUT/entries/{categories.yaml,tags.yaml,papers/<key>.yaml} in the entry format of
docs/contributing.md, and a project using it: OUT/mkdocs.yml (Material with `font: false`, the
same theme features and Markdown extensions as the real site, `search` and our `awesome` plugin)
and OUT/docs/index.md (with the summary and category-tree markers, as the real home page).

Shape (fixed, so tests can count by hand):
- 6 top-level categories ("groups"), each with 5 leaf subcategories: 36 categories, 30 leaves;
  every category has a one-line description; papers are filed under leaves only;
- 60 tags, each with a description;
- per paper: a title of ~90 characters, 3-12 authors, 1-2 categories, 1-4 tags (skewed: a few
  tags are popular, most are rare), a date between 2021-01 and 2025-12 (half with a day), a
  unique arXiv id for ~90 % (the others have a unique DOI), a code link for ~50 %, a project
  page for ~15 %, a venue for ~60 %, a one-line summary for ~20 %.

The same N always gives byte-identical files (a seeded `random.Random`, no clock, no hash order).
"""

from __future__ import annotations

import random
import sys
import unicodedata
from pathlib import Path

SEED = 20240806
N_GROUPS = 6
LEAVES_PER_GROUP = 5
N_TAGS = 60

SCHEMA_LINE = "# yaml-language-server: $schema=../../mkdocs_awesome_plugin/schema/entry.schema.json\n"

GROUPS = [
    ("image-segmentation", "Image Segmentation", "Segmenting still images, from natural scenes to documents."),
    ("video-understanding", "Video Understanding", "Objects, actions and scenes followed through time."),
    ("medical-imaging", "Medical Imaging", "Clinical images, volumes and videos."),
    ("three-d", "3D & Scenes", "Point clouds, meshes, radiance fields and reconstructed scenes."),
    ("robotics", "Robotics & Embodied AI", "Perception for agents that act in the world."),
    ("generation", "Generation & Editing", "Synthesising and editing images and videos with masks."),
]
LEAF_TOPICS = [
    ["semantic", "instance", "panoptic", "open-vocabulary", "interactive"],
    ["video-object", "referring-video", "multi-object-tracking", "action", "long-video"],
    ["ct-mri", "ultrasound", "endoscopy", "pathology", "ophthalmology"],
    ["point-cloud", "nerf", "gaussian", "mesh", "scene-graph"],
    ["grasping", "navigation", "manipulation", "autonomous-driving", "drones"],
    ["image-editing", "video-editing", "inpainting", "text-to-image", "animation"],
]

TAG_NAMES = [
    "video", "tracking", "referring", "open-vocabulary", "interactive", "zero-shot",
    "fine-tuning", "efficiency", "medical", "surgical", "pathology", "polyp", "3d",
    "gaussian-splatting", "slam", "robotics", "grasping", "autonomous-driving", "remote-sensing",
    "agriculture", "camouflage", "shadow", "mirror", "transparent", "salient", "audio",
    "language-model", "diffusion", "editing", "inpainting", "matting", "dataset", "benchmark",
    "survey", "challenge-report", "foundation-model", "distillation", "quantization", "mobile",
    "prompt-learning", "adapter", "semi-supervised", "weakly-supervised", "self-supervised",
    "domain-adaptation", "few-shot", "continual-learning", "uncertainty", "adversarial",
    "privacy", "annotation", "active-learning", "multimodal", "depth", "optical-flow",
    "event-camera", "thermal", "underwater", "microscopy", "satellite",
]
assert len(TAG_NAMES) == N_TAGS and len(set(TAG_NAMES)) == N_TAGS

GIVEN = [
    "Nikhila", "Valentin", "Yuan-Ting", "Ronghang", "Chaitanya", "Tengyu", "Haitham", "Roman",
    "Chloe", "Laura", "Eric", "Junting", "Kalyan", "Nicolas", "Chao-Yuan", "Ross", "Piotr",
    "Christoph", "Alexander", "Hanzi", "Jiaqi", "Wei", "Xinyu", "Mei", "Sofia", "Lukas", "Ana",
    "Mateo", "Amara", "Kwame", "Priya", "Arjun", "Yuki", "Haruto", "Sara", "Omar", "Fatima",
    "Ilya", "Elena", "Jonas", "Léa", "Zoë", "Björn", "Søren", "Ines", "Tomás", "Dmitri", "Aiko",
]
FAMILY = [
    "Ravi", "Gabeur", "Hu", "Ryali", "Ma", "Khedr", "Rädle", "Rolland", "Gustafson", "Mintun",
    "Pan", "Alwala", "Carion", "Wu", "Girshick", "Dollár", "Feichtenhofer", "Kirillov", "Zhang",
    "Wang", "Li", "Chen", "Liu", "Yang", "Zhao", "Huang", "Zhou", "Xu", "Sun", "Müller",
    "Schmidt", "García", "Rossi", "Nakamura", "Tanaka", "Kim", "Park", "Singh", "Patel",
    "Okafor", "Mensah", "Ivanova", "Novak", "Dubois", "Martin", "Silva", "van der Maaten",
    "de Souza", "O'Brien", "Nguyen",
]
ACRONYM_A = ["SAM", "Seg", "Mask", "Track", "Med", "Vid", "Geo", "Open", "Any", "Prompt", "Mem", "Flow"]
ACRONYM_B = ["Former", "Net", "Anything", "Fusion", "Adapter", "Tracker", "Diff", "GPT", "CLIP", "Bench", "Mamba", "2"]
ADJ = [
    "Efficient", "Robust", "Scalable", "Unified", "Lightweight", "Interactive", "Temporal",
    "Zero-Shot", "Open-Vocabulary", "Memory-Augmented", "Promptable", "Self-Supervised",
    "Uncertainty-Aware", "Real-Time", "Multi-Modal", "Hierarchical", "Training-Free",
]
NOUN = [
    "Segmentation", "Tracking", "Mask Propagation", "Object Discovery", "Video Matting",
    "Instance Segmentation", "Scene Understanding", "Annotation", "Adaptation", "Distillation",
    "Grounding", "Reconstruction", "Editing", "Retrieval", "Inpainting",
]
OBJECT = [
    "Surgical Videos", "Remote Sensing Imagery", "Point Clouds", "Medical Volumes",
    "Long Videos", "Camouflaged Objects", "Underwater Scenes", "Robotic Grasping",
    "Autonomous Driving", "Histopathology Slides", "Microscopy Images", "Thermal Video",
    "Satellite Images", "Egocentric Video", "3D Gaussian Splatting", "Polyp Detection",
]
TAILS = [
    "with Segment Anything 2", "via Memory Attention", "using Vision Foundation Models",
    "in the Wild", "with Sparse Prompts", "at Scale", "without Labels",
    "from a Single Click", "across Domains", "for Embedded Devices",
]
STOP = {"a", "an", "the", "of", "for", "with", "via", "in", "on", "at", "and", "from", "using", "to"}
VENUES = [
    ("CVPR {y}", "conference"), ("ICCV {y}", "conference"), ("ECCV {y}", "conference"),
    ("NeurIPS {y}", "conference"), ("ICLR {y}", "conference"), ("MICCAI {y}", "conference"),
    ("WACV {y}", "conference"), ("CVPR {y} Workshops", "workshop"),
    ("IEEE Transactions on Medical Imaging", "journal"), ("Medical Image Analysis", "journal"),
    ("IEEE TPAMI", "journal"), ("Remote Sensing", "journal"), ("arXiv", "preprint"),
]
GITHUB_USERS = ["facebookresearch", "openmmlab", "hustvl", "yformer", "mlcv-lab", "med-ai", "robo-vision"]
SUMMARY_STARTS = [
    "Extends SAM 2 with", "Adapts the memory bank of SAM 2 to", "Benchmarks SAM 2 on",
    "Distils SAM 2 into a small model for", "Prompts SAM 2 automatically for",
]


def categories() -> list[tuple[str, str, str, list[tuple[str, str, str]]]]:
    """(slug, title, description, leaves) per group; leaves are (slug, title, description)."""
    out = []
    for (slug, title, desc), topics in zip(GROUPS, LEAF_TOPICS, strict=True):
        leaves = []
        for topic in topics:
            words = topic.replace("-", " ").split()
            leaf_title = " ".join(w.upper() if w in ("ct", "mri", "nerf") else w.capitalize() for w in words)
            leaves.append((f"{slug}-{topic}", leaf_title, f"{leaf_title} within {title.lower()}."))
        out.append((slug, title, desc, leaves))
    return out


def leaf_slugs() -> list[str]:
    return [leaf[0] for group in categories() for leaf in group[3]]


def _q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in folded if ch.isalnum())


def _title(rng: random.Random) -> str:
    name = rng.choice(ACRONYM_A) + rng.choice(ACRONYM_B)
    parts = [f"{name}:", rng.choice(ADJ), rng.choice(NOUN), "for", rng.choice(OBJECT)]
    title = " ".join(parts)
    tails = TAILS[:]
    rng.shuffle(tails)
    for tail in tails:
        if len(title) >= 82:
            break
        if len(title) + 1 + len(tail) <= 100:
            title += " " + tail
    while len(title) < 80:
        title += " and " + rng.choice(NOUN)
    return title


def _authors(rng: random.Random) -> list[str]:
    count = rng.randint(3, 12)
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if name not in names:
            names.append(name)
    return names


def _weights(n: int, skew: float) -> list[float]:
    return [1.0 / (i + 1) ** skew for i in range(n)]


def _pick(rng: random.Random, items: list[str], weights: list[float], k: int) -> list[str]:
    out: list[str] = []
    while len(out) < k:
        item = rng.choices(items, weights)[0]
        if item not in out:
            out.append(item)
    return out


def write_vocabulary(entries: Path) -> None:
    lines = []
    for slug, title, desc, leaves in categories():
        lines += [f"- slug: {slug}", f"  title: {_q(title)}", f"  description: {_q(desc)}", "  children:"]
        for leaf_slug, leaf_title, leaf_desc in leaves:
            lines += [f"  - slug: {leaf_slug}", f"    title: {_q(leaf_title)}",
                      f"    description: {_q(leaf_desc)}"]
    (entries / "categories.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tag_lines = [
        f"{tag}: {_q(f'Papers about {tag.replace(chr(45), chr(32))}, or that rely on it heavily.')}"
        for tag in TAG_NAMES
    ]
    (entries / "tags.yaml").write_text("\n".join(tag_lines) + "\n", encoding="utf-8")


def entry_texts(n: int) -> dict[str, str]:
    """key -> YAML text of each of the `n` entries."""
    rng = random.Random(SEED)
    leaves = leaf_slugs()
    leaf_w = _weights(len(leaves), 0.5)
    tag_w = _weights(len(TAG_NAMES), 1.0)
    out: dict[str, str] = {}
    for i in range(n):
        title = _title(rng)
        authors = _authors(rng)
        year = rng.randint(2021, 2025)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28) if rng.random() < 0.5 else None
        date = f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
        # key: first author's family name, year, first significant title word (docs/contributing.md)
        # the family name is everything after the given name (particles included: van der Maaten)
        family = _ascii_word(authors[0].split(" ", 1)[1])
        words = [_ascii_word(w) for w in title.replace(":", " ").replace("-", " ").split()]
        words = [w for w in words if w and w not in STOP]
        key = f"{family}{year}{words[0]}"
        for extra in words[1:]:
            if key not in out:
                break
            key = f"{family}{year}{words[0]}{extra}"
        suffix = 0
        base = key
        while key in out:
            suffix += 1
            key = f"{base}{_letters(suffix + 1)}"  # b, c, ... z, aa, ...
        cats = _pick(rng, leaves, leaf_w, 1 if rng.random() < 0.7 else 2)
        tags = _pick(rng, TAG_NAMES, tag_w, rng.randint(1, 4))
        has_arxiv = rng.random() < 0.9
        arxiv = f"{year % 100:02d}{month:02d}.{10000 + i:05d}"
        lines = [SCHEMA_LINE.rstrip("\n"), f"title: {_q(title)}", "authors:"]
        lines += [f"- {_q(a)}" for a in authors]
        lines.append(f"date: {_q(date)}")
        if rng.random() < 0.6:
            venue, vtype = rng.choice(VENUES)
            lines.append(f"venue: {_q(venue.format(y=min(year + 1, 2025)))}")
            lines.append(f"venue_type: {vtype}")
        if has_arxiv:
            lines.append(f"arxiv: {_q(arxiv)}")
        else:
            lines.append(f"doi: {_q(f'10.5555/synth.{i}')}")
        lines.append("categories:")
        lines += [f"- {c}" for c in cats]
        lines.append("tags:")
        lines += [f"- {t}" for t in tags]
        lines.append("links:")
        lines.append(f"  paper: https://arxiv.org/abs/{arxiv}" if has_arxiv
                     else f"  paper: https://doi.org/10.5555/synth.{i}")
        if rng.random() < 0.5:
            lines.append(f"  code: https://github.com/{rng.choice(GITHUB_USERS)}/{key}")
        if rng.random() < 0.15:
            lines.append(f"  project: https://{key}.github.io/")
        if rng.random() < 0.2:
            lines.append(f"summary: {_q(rng.choice(SUMMARY_STARTS) + ' ' + rng.choice(OBJECT).lower() + '.')}")
        out[key] = "\n".join(lines) + "\n"
    return out


def _letters(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


HOME = """# Synthetic list

A synthetic catalogue for the build benchmarks.

<!-- awesome:summary -->

## Browse by category

<!-- awesome:categories -->

Looking for a topic that cuts across categories? See the [tag index](tags/index.md).
"""

# The real site's theme and Markdown setup (mkdocs.yml), with a fixed site_url.
THEME_YAML = """theme:
  name: material
  font: false
  palette:
    - media: "(prefers-color-scheme)"
      toggle:
        icon: material/brightness-auto
        name: Switch to light mode
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: indigo
      toggle:
        icon: material/brightness-7
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: indigo
      toggle:
        icon: material/brightness-4
        name: Switch to system preference
  features:
    - navigation.instant
    - navigation.instant.progress
    - navigation.tracking
    - navigation.indexes
    - navigation.top
    - navigation.footer
    - search.suggest
    - search.highlight
    - content.code.copy
    - content.tooltips

markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.superfences
  - pymdownx.details
"""

PLUGIN_CONFIG = """site_name: Synthetic list
site_url: http://127.0.0.1:8000/
docs_dir: docs

{theme}
plugins:
  - search
  - awesome:
      entries_dir: entries

nav:
  - Home: index.md
"""


def write_project(n: int, out: Path) -> Path:
    """Write the entries and the plugin project into `out`; return `out`."""
    out = Path(out)
    entries = out / "entries"
    papers = entries / "papers"
    papers.mkdir(parents=True, exist_ok=True)
    for old in papers.glob("*.yaml"):
        old.unlink()
    write_vocabulary(entries)
    for key, text in entry_texts(n).items():
        (papers / f"{key}.yaml").write_text(text, encoding="utf-8")
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "index.md").write_text(HOME, encoding="utf-8")
    (out / "mkdocs.yml").write_text(PLUGIN_CONFIG.format(theme=THEME_YAML), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python benchmarks/synth.py N OUT", file=sys.stderr)
        return 2
    n, out = int(argv[0]), Path(argv[1])
    write_project(n, out)
    from mkdocs_awesome_plugin.catalog import load_catalog

    catalog = load_catalog(out / "entries", base_dir=out)
    errors = catalog.errors
    for problem in errors[:20]:
        print(problem, file=sys.stderr)
    print(f"{out}: {len(catalog.entries)} entries, {len(catalog.all_categories())} categories, "
          f"{len(catalog.tags)} tags, {len(errors)} errors, {len(catalog.warnings)} warnings")
    return 1 if errors or len(catalog.entries) != n else 0


if __name__ == "__main__":
    sys.exit(main())
