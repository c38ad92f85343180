"""The importer on the shapes real paper lists use, and on BibTeX files.

Expected values are written out by hand from reading the fixtures
(`fixtures/importer/shapes/shapes-README.md`, `fixtures/importer/refs.bib`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.cli import main
from mkdocs_awesome_plugin.importers import import_readme, parse_readme, read_bibtex
from mkdocs_awesome_plugin.importers.awesome_readme.plan import plan_entries

FIXTURES = Path(__file__).parent / "fixtures" / "importer"
SHAPES = FIXTURES / "shapes" / "shapes-README.md"


def parsed():
    return parse_readme(SHAPES.read_text(encoding="utf-8"), "s.md")


def test_every_shape_gives_its_facts():
    plan = plan_entries(parsed())
    got = {e.key: (e.title, e.authors, e.et_al, e.venue, e.date, e.arxiv, e.doi, e.paper,
                   e.links, e.categories, e.summary) for e in plan.entries}
    assert got == {
        # table, title cell "Title [(paper)](…)", date 202403, columns in their own order
        "lovelace2024gentle": (
            "Gentle Segmentation of Tiny Things", ["Ada Lovelace", "Alan Turing"], False,
            "CVPR 2024", "2024-03", "2403.01234", None, "https://arxiv.org/abs/2403.01234",
            {"code": "https://github.com/ex/tiny"}, ["tables"],
            "Keywords: TinySeg; Institute: Analytical Lab"),
        # the link is the title; OpenReview; "Jan 2024"
        "hopper2024quiet": (
            "Quiet Tracking", ["Grace Hopper"], False, "ICLR 2024", "2024-01", None, None,
            "https://openreview.net/forum?id=abc123", {}, ["tables"], None),
        # title column last, "[[PDF]]" label, arXiv /html/ with a version
        "anon2023folding": (
            "Folding Papers Neatly", [], False, None, "2023-11", "2311.05555", None,
            "https://arxiv.org/abs/2311.05555", {"code": "https://github.com/ex/fold"},
            ["tables"], None),
        # "[Title](url), Lombardi et al., SIGGRAPH 2021"; its DOI row merges by title
        "lombardi2021radiance": (
            "Radiance in a Teacup", ["Lombardi"], True, "SIGGRAPH 2021", "2021-05", "2105.00042",
            "10.1145/1234567.1234568", "https://doi.org/10.1145/1234567.1234568",
            {"code": "https://github.com/ex/teacup"}, ["lists"], None),
        # "[arXiv:…] **Title**, Author, Author [[Paper](…)]"
        "peep2024careful": (
            "Careful Counting of Sheep", ["Bo Peep", "Little Boy Blue"], False, None, "2024-09",
            "2409.02097", None, "https://arxiv.org/abs/2409.02097",
            {"code": "https://github.com/ex/sheep"}, ["lists"], None),
        # "**ALIAS:** authors.<br/> "Full Title." Venue (2024). … [2024.06]"
        "contrary2024shepherding": (
            "Shepherding Sheep with Language Models", ["Mary Contrary", "Jack Horner"], False,
            "NeurIPS 2024", "2024-06", "2406.07777", None, "https://arxiv.org/abs/2406.07777",
            {"code": "https://github.com/ex/shepherd"}, ["lists"], None),
        # a paragraph record over four lines
        "author2023diffusing": (
            "Diffusing Ideas Slowly", ["Ann Author", "Ben Builder"], False, None, "2023-05",
            "2305.11111", None, "https://arxiv.org/abs/2305.11111",
            {"code": "https://github.com/ex/diffuse"}, ["paragraphs"], None),
    }
    assert plan.merged_published == 1  # the DOI row of the teacup
    assert plan.duplicates_merged == 1  # the teacup's /pdf/ link inside <details>
    assert plan.conflicts == []


def test_non_papers_are_counted_by_reason():
    p = parsed()
    plan_entries(p)
    # the contents list and "Back to top"; the ACM version of a paper already published by DOI
    # has no month; the toolbox has no paper link (its own link is its title, so it is kept
    # out as having no month and no arXiv id)
    assert p.skips == {"toc": ["s.md:6", "s.md:7", "s.md:47"], "no-month": ["s.md:25", "s.md:42"]}
    assert p.links_cleaned == 1  # ?utm_source=list


def test_report_counts_and_a_valid_catalogue(tmp_path):
    report = import_readme(SHAPES.read_text(encoding="utf-8"), "s.md", tmp_path / "entries")
    summary = report.summary()
    assert "13 records read: 8 paper rows, 5 skipped as not papers; 7 papers" in summary
    assert "2 merged duplicates, 1 of them preprint and published version" in summary
    assert "skipped 3: table-of-contents or back-to-top links" in summary
    assert "1 link without tracking or view parameters" in summary
    catalog = load_catalog(tmp_path / "entries")
    assert catalog.errors == []
    teacup = catalog.entries["lombardi2021radiance"]
    assert teacup.authors == ["Lombardi"] and teacup.et_al is True


def test_hidden_characters_are_stripped_with_a_note():
    text = "## S\n\n- [Bidi\u202e Title\u200b Here](https://arxiv.org/abs/2401.01234)\n"
    p = parse_readme(text, "h.md")
    assert p.rows[0].title == "Bidi Title Here"
    assert p.hidden_stripped == 2
    assert any(n.startswith("h.md:3:") and "hidden" in n for n in p.notes)


def test_bibtex_entries():
    records, notes = read_bibtex((FIXTURES / "refs.bib").read_text(encoding="utf-8"), "refs.bib")
    by_key = {r["key"]: r for r in records}
    assert set(by_key) == {"mueller2024segment", "ravi2024sam", "yearonly2021"}
    sam = by_key["mueller2024segment"]
    assert sam["title"] == "SAM on Über-Large Scenes"  # {\"U} decoded, {SAM} unbraced
    assert sam["authors"] == ["Jörg Müller", "Anna van der Berg"] and sam["et_al"] is True
    assert sam["venue"].startswith("Proceedings of the IEEE/CVF Conference")  # @string expanded
    assert (sam["venue_type"], sam["date"], sam["doi"]) == ("conference", "2024-06",
                                                            "10.1109/CVPR.2024.00001")
    assert sam["links"] == {"paper": "https://doi.org/10.1109/CVPR.2024.00001"}
    ravi = by_key["ravi2024sam"]
    assert (ravi["arxiv"], ravi["date"], ravi["venue_type"]) == ("2408.00714", "2024-08", "preprint")
    assert by_key["yearonly2021"]["authors"] == ["Pedro García"]
    assert by_key["yearonly2021"]["links"] == {"paper": "https://example.org/paper?id=7"}
    assert any("refs.bib:12:" in n and "'Ravi2024SAM2'" in n for n in notes)
    assert any("refs.bib:21:" in n and "no paper link" in n for n in notes)
    assert any("refs.bib:27:" in n and "no month" in n for n in notes)


def test_import_command_reads_bib(tmp_path, capsys):
    entries = tmp_path / "entries"
    assert main(["import", str(FIXTURES / "refs.bib"), "--entries", str(entries)]) == 0
    assert "3 written" in capsys.readouterr().out
    catalog = load_catalog(entries)
    assert catalog.errors == []
    assert sorted(catalog.entries) == ["mueller2024segment", "ravi2024sam", "yearonly2021"]
