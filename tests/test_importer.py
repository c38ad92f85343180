"""The awesome-list README importer, on a small fixture holding every quirk of real lists.

Expected values are written out by hand from reading `fixtures/importer/quirks-README.md`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.importers import import_readme, parse_readme
from mkdocs_awesome_plugin.importers.awesome_readme.inline import clean_heading, strip_emoji
from mkdocs_awesome_plugin.importers.awesome_readme.parse import classify_link
from mkdocs_awesome_plugin.importers.awesome_readme.plan import plan_entries
from mkdocs_awesome_plugin.importers.awesome_readme.write import SCHEMA_LINE

FIXTURES = Path(__file__).parent / "fixtures" / "importer"
README = FIXTURES / "quirks-README.md"
SRC = "quirks-README.md"
APPLE = "\uf8ff"  # Mac Roman's 0xF0, the lead byte of a 4-byte emoji


def readme_text() -> str:
    return README.read_text(encoding="utf-8")


def tree(sections):
    return [(s.slug, s.title, tree(s.children)) for s in sections]


# --------------------------------------------------------------------------------------------
# cleaning


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("üîó Code", "Code"),  # 🔗 read as Mac Roman, lead byte lost
        (APPLE + "üîó Code", "Code"),  # ... and with it
        (APPLE + "üñ•Ô∏è Demo", "Demo"),  # 🖥️ with its variation selector
        ("üìñ Repo", "Repo"),
        ("üåêProject page", "Project page"),
        ("üìäData", "Data"),
        ("🔥 Hot 🔗", "Hot"),  # real emoji
        ("Zürich Ångström", "Zürich Ångström"),  # real accents are kept
        ("\u201cécole\u201d", "\u201cécole\u201d"),  # would re-encode to a letter: kept
    ],
)
def test_strip_emoji(raw, clean):
    assert strip_emoji(raw) == clean


@pytest.mark.parametrize(
    "raw, clean",
    [
        ('🔥 Medical <a id="medical"></a>', "Medical"),
        ('üìñ **Surveys** <a id="surveys"></a>', "Surveys"),
        ('**CT Scans** <a id="ct"></a>', "CT Scans"),
        ("Video Object Segmentation (+ Tracking)", "Video Object Segmentation (+ Tracking)"),
        ("[Linked](https://example.com) heading", "Linked heading"),
    ],
)
def test_clean_heading(raw, clean):
    assert clean_heading(raw) == clean


@pytest.mark.parametrize(
    "label, url, kind",
    [
        ("üîó Code", "https://github.com/a/b", "code"),
        ("üìñ Repo", "https://github.com/a/b", "code"),
        ("üîó Code", "https://someone.github.io/paper/", "project"),  # a page, not code
        ("üîó Code", "https://roboticimaging.org/Projects/LFSAM/", "project"),
        ("üåêProject page", "https://github.com/a/b", "project"),  # the label comes first
        ("üìäData", "https://zenodo.org/records/1", "data"),
        ("**Demo**", "https://demo.example.com/", "demo"),
        ("**Explanation**", "https://blog.example.com/post", None),
        ("weights", "https://huggingface.co/a/b", "code"),
    ],
)
def test_classify_link(label, url, kind):
    assert classify_link(label, url) == kind


# --------------------------------------------------------------------------------------------
# parsing


def test_sections_become_a_category_tree():
    parsed = parse_readme(readme_text(), SRC)
    # "Contents" and "Contributing" hold no paper; "Papers/Projects" is seen through
    assert tree(parsed.sections) == [
        ("foundation", "Foundation", []),
        ("surveys", "Surveys", []),
        ("medical", "Medical", [
            ("medical-images", "Medical Images", [
                ("ct-scans", "CT Scans", []),
            ]),
        ]),
        ("remote-sensing", "Remote Sensing", []),
    ]
    assert [s.level for s in parsed.categories()] == [2, 3, 3, 4, 5, 3]


def test_rows_and_their_lines():
    parsed = parse_readme(readme_text(), SRC)
    assert [(r.line, r.category) for r in parsed.rows] == [
        (6, "foundation"),
        (17, "surveys"),
        (18, "surveys"),
        (25, "medical-images"),
        (26, "medical-images"),
        (31, "medical-images"),
        (32, "medical-images"),  # |2024.12|[..](..)|[..](..)| without spaces
        (33, "medical-images"),  # trailing "| " after the last cell
        (38, "ct-scans"),
        (39, "ct-scans"),  # an extra empty "| |" cell
        (44, "remote-sensing"),
        (45, "remote-sensing"),
    ]
    # one row in a one-line comment, two in a comment block inside a table
    assert parsed.commented_rows == 3
    assert not any("Hidden" in r.title or "Commented" in r.title for r in parsed.rows)


def test_row_fields():
    rows = {r.line: r for r in parse_readme(readme_text(), SRC).rows}
    bullet = rows[6]
    assert (bullet.kind, bullet.title, bullet.date, bullet.arxiv) == ("bullet", "Foo Model", "2024-01", "2401.00001")
    assert bullet.links == {"code": "https://github.com/org/foo", "demo": "https://foo.example.com/demo"}
    pdf = rows[18]
    assert (pdf.arxiv, pdf.url, pdf.date) == ("2410.22222", "https://arxiv.org/abs/2410.22222", "2024-10")
    assert pdf.written_url == "https://arxiv.org/pdf/2410.22222v2.pdf"
    assert rows[17].links == {"code": "https://github.com/org/foo-survey"}
    assert rows[26].links == {}  # empty cell
    assert rows[31].links == {}  # (To be released)
    assert rows[31].arxiv is None and rows[31].doi is None
    assert rows[31].url == "https://www.sciencedirect.com/science/article/pii/S0000000000000001"
    assert rows[32].links == {"project": "https://cells.github.io/"}
    assert rows[33].links == {}  # NA
    assert (rows[38].doi, rows[38].arxiv) == ("10.1234/bone.2025.1", None)
    assert rows[38].links == {"project": "https://bone-ct.github.io/"}  # "Code" on a github.io page
    assert rows[39].url == "https://ieeexplore.ieee.org/abstract/document/10000001"
    assert rows[39].links == {"data": "https://zenodo.org/records/123"}
    assert rows[44].url == "https://www.mdpi.com/2072-4292/16/1/1"


def test_notes_name_what_was_left_out():
    notes = parse_readme(readme_text(), SRC).notes
    assert any(n.startswith("quirks-README.md:6:") and "Explanation" in n for n in notes)


def test_slug_collisions_get_a_number():
    text = (
        "## Mesh\n\n### Mesh\n| Release | Title | Code |\n| --- | --- | --- |\n"
        "| 2024.08 | [A](https://arxiv.org/abs/2408.00001) | NA |\n"
        "### Reconstruction\n| Release | Title | Code |\n| --- | --- | --- |\n"
        "| 2024.09 | [B](https://arxiv.org/abs/2409.00001) | NA |\n"
    )
    parsed = parse_readme(text, "x.md")
    assert tree(parsed.sections) == [
        ("mesh", "Mesh", [("mesh-2", "Mesh", []), ("reconstruction", "Reconstruction", [])]),
    ]
    assert any(n.startswith("x.md:3:") and "'mesh-2'" in n for n in parsed.notes)


def test_rows_outside_sections_and_without_month():
    text = (
        "| Release | Title | Code |\n| --- | --- | --- |\n"
        "| 2024.08 | [Orphan](https://arxiv.org/abs/2408.00001) | NA |\n\n"
        "## S\n| Date | Paper | Code |\n| --- | --- | --- |\n"
        "| soon | [No Month](https://example.org/paper) | NA |\n"
        "| | [Month From Id](https://arxiv.org/abs/2311.00002) | NA |\n"
        "| 2024.02 | Plain title, no link | NA |\n"
    )
    parsed = parse_readme(text, "y.md")
    assert [(r.line, r.title, r.date) for r in parsed.rows] == [(9, "Month From Id", "2023-11")]
    joined = "\n".join(parsed.notes)
    assert "y.md:3:" in joined and "y.md:8:" in joined and "y.md:10:" in joined


# --------------------------------------------------------------------------------------------
# merging


def test_merging():
    plan = plan_entries(parse_readme(readme_text(), SRC))
    got = {
        e.key: (e.title, e.date, e.categories, e.arxiv, e.doi, e.first.url, e.links)
        for e in plan.entries
    }
    assert got == {
        "anon2024foo": ("Foo Model", "2024-01", ["foundation"], "2401.00001", None,
                        "https://arxiv.org/abs/2401.00001",
                        {"code": "https://github.com/org/foo", "demo": "https://foo.example.com/demo"}),
        "anon2024survey": ("A Survey of Foo Models", "2024-07", ["surveys"], "2407.11111", None,
                           "https://arxiv.org/abs/2407.11111",
                           {"code": "https://github.com/org/foo-survey"}),
        "anon2024bar": ("Bar: A Review", "2024-10", ["surveys", "medical-images"], "2410.22222", None,
                        "https://arxiv.org/abs/2410.22222", {}),
        "anon2024segmenting": ("Segmenting Organs with Foo", "2024-08", ["medical-images"], "2408.44444",
                               None, "https://arxiv.org/abs/2408.44444",
                               {"code": "https://github.com/org/organs"}),
        "anon2024grading": ("Grading Lesions Clinically", "2024-11", ["medical-images"], None, None,
                            "https://www.sciencedirect.com/science/article/pii/S0000000000000001", {}),
        "anon2024tracking": ("Tracking Cells in Video", "2024-12", ["medical-images"], "2412.77777", None,
                             "https://arxiv.org/abs/2412.77777", {"project": "https://cells.github.io/"}),
        "anon2025bone": ("Bone CT with Foo", "2025-01", ["ct-scans"], None, "10.1234/bone.2025.1",
                         "https://doi.org/10.1234/bone.2025.1", {"project": "https://bone-ct.github.io/"}),
        "anon2025lung": ("Lung CT Adapter", "2025-02", ["ct-scans"], None, None,
                         "https://ieeexplore.ieee.org/abstract/document/10000001",
                         {"data": "https://zenodo.org/records/123"}),
        "anon2024crop": ("Crop Fields from Above", "2024-09", ["remote-sensing"], None, None,
                         "https://www.mdpi.com/2072-4292/16/1/1", {}),
    }
    assert plan.duplicates_merged == 1  # lines 25 and 33: same section
    assert plan.cross_listed == 1  # "Bar: A Review": surveys (pdf link) and medical-images (abs link)
    assert [(a.line, b.line) for a, b in plan.conflicts] == [(32, 45)]
    # the release months of the two "Bar" rows differ: the first is kept, and that is said
    assert any(n.startswith("quirks-README.md:26:") for n in plan.notes)


# --------------------------------------------------------------------------------------------
# writing


@pytest.fixture
def entries(tmp_path) -> Path:
    return tmp_path / "entries"


def test_import_writes_a_valid_catalogue(entries):
    report = import_readme(readme_text(), SRC, entries)
    assert (report.rows_read, report.entries_written, report.entries_skipped) == (12, 9, 0)
    assert (report.categories, report.duplicates_merged, report.cross_listed) == (6, 1, 1)
    assert report.commented_rows == 3
    assert len(report.conflicts) == 1
    assert "quirks-README.md:32" in report.conflicts[0] and "quirks-README.md:45" in report.conflicts[0]
    assert "Tracking Cells in Video" in report.conflicts[0]
    assert "A Different Title on a Taken Link" in report.conflicts[0]
    summary = report.summary()
    assert "read 12 paper rows" in summary and "9 entries: 9 written" in summary
    assert "1 conflict." in summary and "quirks-README.md:45" in summary

    files = sorted(p.name for p in (entries / "papers").iterdir())
    assert files == [
        "anon2024bar.yaml", "anon2024crop.yaml", "anon2024foo.yaml", "anon2024grading.yaml",
        "anon2024segmenting.yaml", "anon2024survey.yaml", "anon2024tracking.yaml",
        "anon2025bone.yaml", "anon2025lung.yaml",
    ]  # no temporary files left behind

    catalog = load_catalog(entries)
    assert catalog.errors == []
    assert len(catalog.entries) == 9
    assert [c.slug for c in catalog.all_categories()] == [
        "foundation", "surveys", "medical", "medical-images", "ct-scans", "remote-sensing",
    ]
    assert list(catalog.tags) == ["untagged"]
    bar = catalog.entries["anon2024bar"]
    assert bar.categories == ["surveys", "medical-images"]
    assert bar.arxiv == "2410.22222" and bar.date.iso == "2024-10"
    assert bar.authors == [] and bar.tags == ["untagged"]
    assert catalog.entries["anon2025bone"].doi == "10.1234/bone.2025.1"


def test_written_file_text(entries):
    import_readme(readme_text(), SRC, entries)
    text = (entries / "papers" / "anon2024foo.yaml").read_text(encoding="utf-8")
    assert text == (
        "# yaml-language-server: $schema=../entry.schema.json\n"
        "title: Foo Model\n"
        "authors: []\n"
        "date: '2024-01'\n"
        "arxiv: '2401.00001'\n"
        "categories:\n"
        "- foundation\n"
        "tags:\n"
        "- untagged\n"
        "links:\n"
        "  paper: https://arxiv.org/abs/2401.00001\n"
        "  code: https://github.com/org/foo\n"
        "  demo: https://foo.example.com/demo\n"
    )
    assert SCHEMA_LINE == (
        "# yaml-language-server: $schema=../../mkdocs_awesome_plugin/schema/entry.schema.json"
    )
    assert yaml.safe_load((entries / "categories.yaml").read_text(encoding="utf-8")) == [
        {"slug": "foundation", "title": "Foundation"},
        {"slug": "surveys", "title": "Surveys"},
        {"slug": "medical", "title": "Medical", "children": [
            {"slug": "medical-images", "title": "Medical Images", "children": [
                {"slug": "ct-scans", "title": "CT Scans"},
            ]},
        ]},
        {"slug": "remote-sensing", "title": "Remote Sensing"},
    ]


def test_existing_file_is_not_overwritten_without_force(entries):
    papers = entries / "papers"
    papers.mkdir(parents=True)
    mine = "# curated by hand\ntitle: Mine\n"
    (papers / "anon2024crop.yaml").write_text(mine, encoding="utf-8")

    report = import_readme(readme_text(), SRC, entries)
    assert (report.entries_written, report.entries_skipped) == (8, 1)
    assert (papers / "anon2024crop.yaml").read_text(encoding="utf-8") == mine
    assert report.skipped == [
        "quirks-README.md:44: papers/anon2024crop.yaml exists; not overwritten (use force)"
    ]

    forced = import_readme(readme_text(), SRC, entries, force=True)
    assert (forced.entries_written, forced.entries_skipped) == (9, 0)
    assert (papers / "anon2024crop.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../entry.schema.json\n"
    )


def test_second_import_writes_nothing(entries):
    import_readme(readme_text(), SRC, entries)
    before = {p.name: p.read_bytes() for p in (entries / "papers").iterdir()}
    again = import_readme(readme_text(), SRC, entries)
    assert (again.entries_written, again.entries_skipped, again.categories_added) == (0, 9, 0)
    assert {p.name: p.read_bytes() for p in (entries / "papers").iterdir()} == before


def test_paper_held_under_another_key_is_not_written_again(entries):
    papers = entries / "papers"
    papers.mkdir(parents=True)
    (papers / "smith2024bar.yaml").write_text(
        "title: Bar\narxiv: '2410.22222'\nlinks:\n  paper: https://arxiv.org/pdf/2410.22222\n",
        encoding="utf-8",
    )
    report = import_readme(readme_text(), SRC, entries)
    assert not (papers / "anon2024bar.yaml").exists()
    assert report.entries_skipped == 1
    assert report.skipped == ["quirks-README.md:18: 'Bar: A Review' is already in papers/smith2024bar.yaml"]


def test_existing_categories_and_tags_are_kept(entries):
    entries.mkdir()
    (entries / "categories.yaml").write_text(
        "- slug: surveys\n  title: Surveys and Reviews\n  description: Kept as written.\n",
        encoding="utf-8",
    )
    (entries / "tags.yaml").write_text("video: Works on video.\n", encoding="utf-8")
    report = import_readme(readme_text(), SRC, entries)
    assert report.categories_added == 5
    cats = yaml.safe_load((entries / "categories.yaml").read_text(encoding="utf-8"))
    assert cats[0] == {"slug": "surveys", "title": "Surveys and Reviews", "description": "Kept as written."}
    assert [c["slug"] for c in cats] == ["surveys", "foundation", "medical", "remote-sensing"]
    tags = yaml.safe_load((entries / "tags.yaml").read_text(encoding="utf-8"))
    assert list(tags) == ["video", "untagged"]
    assert load_catalog(entries).errors == []


def test_the_importer_does_not_need_mkdocs():
    package = Path(__file__).parents[1] / "mkdocs_awesome_plugin" / "importers"
    sources = sorted(package.rglob("*.py"))
    assert {"parse.py", "plan.py", "write.py"} <= {s.name for s in sources}
    for source in sources:
        assert "mkdocs" not in "".join(
            line for line in source.read_text(encoding="utf-8").splitlines(True)
            if line.startswith(("import ", "from "))
        ), source


def test_fixture_is_intact():
    # the fixture carries U+F8FF (Mac Roman 0xF0) on purpose, on lines 4, 6 (three), 25 and 38;
    # guard against an editor dropping it
    assert readme_text().count(APPLE) == 6
