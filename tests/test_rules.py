"""The one home of each shared rule: paper identity, people's names and the entry writer."""

from __future__ import annotations

import pytest
import yaml

from mkdocs_awesome_plugin.catalog.identity import (
    arxiv_id_anywhere,
    arxiv_month,
    doi_from_url,
    link_identity,
    normalize_arxiv,
    normalize_doi,
    paper_identities,
    title_identity,
)
from mkdocs_awesome_plugin.catalog.keys import key_suggestion
from mkdocs_awesome_plugin.catalog.names import display_name, split_name
from mkdocs_awesome_plugin.catalog.writer import entry_text
from mkdocs_awesome_plugin.exports.bibtex import format_author


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2408.00714", "2408.00714"),
        ("2408.00714v3", "2408.00714"),
        ("arXiv:2408.00714", "2408.00714"),
        ("https://arxiv.org/abs/2408.00714v2", "2408.00714"),
        ("https://arxiv.org/pdf/2408.00714.pdf", "2408.00714"),
        ("http://export.arxiv.org/html/2408.00714v1", "2408.00714"),
        ("cs/0112017v1", "cs/0112017"),
        ("2408.0071", None),
        ("https://example.org/abs/2408.00714", None),
    ],
)
def test_arxiv_ids_in_every_form(value, expected):
    assert arxiv_id_anywhere(value) == expected


def test_doi_detection_is_one_rule():
    assert normalize_doi("10.1109/CVPR52733.2024.00123") == "10.1109/CVPR52733.2024.00123"
    assert normalize_doi("doi:10.1000/xyz") == "10.1000/xyz"
    assert normalize_doi("https://dx.doi.org/10.1000/xyz") == "10.1000/xyz"
    assert normalize_doi("11.1000/xyz") is None
    # a link is a DOI link only on a DOI resolver, whatever its path looks like
    assert doi_from_url("https://doi.org/10.1000/xyz") == "10.1000/xyz"
    assert doi_from_url("https://example.org/10.1000/xyz") is None
    assert doi_from_url("https://example.org/?u=https://doi.org/10.1000/xyz") is None


def test_link_identity_ignores_scheme_www_slash_and_version():
    assert link_identity("https://arxiv.org/abs/2408.00714v2") == "arxiv:2408.00714"
    assert link_identity("http://www.github.com/org/repo/") == "url:github.com/org/repo"
    assert link_identity("https://github.com/org/repo#readme") == "url:github.com/org/repo"
    assert link_identity("https://doi.org/10.1000/XYZ") == "doi:10.1000/xyz"
    assert paper_identities(
        arxiv="2408.00714", doi="10.1000/XYZ", urls=["https://arxiv.org/pdf/2408.00714v1"]
    ) == ["arxiv:2408.00714", "doi:10.1000/xyz"]


def test_title_identity_and_arxiv_month():
    assert title_identity("SAM 2: Segment Anything!") == title_identity("sam2 — segment  anything")
    assert title_identity("Über Flows") == title_identity("uber flows")
    assert title_identity("分割一切") != title_identity("分割")
    assert arxiv_month("2408.00714") == (2024, 8)
    assert arxiv_month("cs/9912001") == (1999, 12)
    assert arxiv_month("2413.00001") is None
    assert normalize_arxiv("not an id") is None


@pytest.mark.parametrize(
    "name, given, von, family, suffix",
    [
        ("Hans zu Putlitz", "Hans", "zu", "Putlitz", ""),
        ("Laurens van der Maaten", "Laurens", "van der", "Maaten", ""),
        ("van der Maaten, Laurens", "Laurens", "van der", "Maaten", ""),
        ("Martin Luther King Jr.", "Martin Luther", "", "King", "Jr."),
        ("Patrick O'Brien, Jr.", "Patrick", "", "O'Brien", "Jr."),
        ("King, Jr., Martin", "Martin", "", "King", "Jr."),
        ("Jean de La Fontaine", "Jean", "de", "La Fontaine", ""),
        ("Van Morrison", "Van", "", "Morrison", ""),
    ],
)
def test_names_split_by_bibtex_rules(name, given, von, family, suffix):
    parsed = split_name(name)
    assert (parsed.given, parsed.von, parsed.family, parsed.suffix) == (given, von, family, suffix)


def test_key_and_bibtex_author_agree_on_the_family_name():
    # the key's surname and the BibTeX family name come from the same split
    assert key_suggestion(["Hans zu Putlitz"], 2024, "Quantum Widgets") == "zuputlitz2024quantum"
    assert format_author("Hans zu Putlitz") == "zu Putlitz, Hans"
    assert key_suggestion(["Laurens van der Maaten"], 2008, "Visualizing Data") == (
        "vandermaaten2008visualizing"
    )
    assert format_author("Laurens van der Maaten") == "van der Maaten, Laurens"


def test_names_keep_latex_characters_as_data():
    assert split_name("{Meta AI}").literal == "Meta AI"
    assert display_name("Doe, Jane~{X}") == "Jane~{X} Doe"


def test_entry_writer_order_quoting_and_round_trip():
    fields = {
        "links": {"code": "https://github.com/org/x", "paper": "https://arxiv.org/abs/2408.00714"},
        "tags": ["video"],
        "title": "SAM 2: Segment Anything in Images and Videos",
        "categories": ["sam2"],
        "arxiv": "2408.00714",
        "date": "2024-08",
        "authors": ["Nikhila Ravi"],
        "venue": "",
        "et_al": False,
    }
    text = entry_text(fields, "../schema.json")
    assert text == (
        "# yaml-language-server: $schema=../schema.json\n"
        "title: 'SAM 2: Segment Anything in Images and Videos'\n"
        "authors:\n- Nikhila Ravi\n"
        "date: '2024-08'\n"
        "arxiv: '2408.00714'\n"
        "categories:\n- sam2\n"
        "tags:\n- video\n"
        "links:\n  paper: https://arxiv.org/abs/2408.00714\n  code: https://github.com/org/x\n"
    )
    assert yaml.safe_load(text)["arxiv"] == "2408.00714"
    with pytest.raises(ValueError, match="tittle"):
        entry_text({**fields, "tittle": "x"}, None)


def test_tracking_and_view_parameters_are_recognised():
    from mkdocs_awesome_plugin.catalog.links import without_tracking

    assert without_tracking("https://github.com/a/b?tab=readme-ov-file") == "https://github.com/a/b"
    assert without_tracking("https://x.org/p?utm_source=tw&id=3&utm_medium=s") == (
        "https://x.org/p?id=3"
    )
    assert without_tracking("https://x.org/p?id=3#frag") == "https://x.org/p?id=3#frag"
    assert without_tracking("https://x.org/p?tab=1&fbclid=z#f") == "https://x.org/p#f"


def test_hidden_characters_are_found_and_stripped():
    from mkdocs_awesome_plugin.catalog.text import strip_hidden
    from mkdocs_awesome_plugin.catalog.validators import hidden_character

    assert hidden_character("SAM\u202e2") == (3, "\u202e")
    assert hidden_character("a\u200bb") == (1, "\u200b")
    assert hidden_character("Videnović 分割") is None
    assert strip_hidden("\ufeffS\u00adA\u2066M\u2069") == ("SAM", 4)


def test_lint_notes_tracking_parameters_on_the_link_line(tmp_path):
    from mkdocs_awesome_plugin.catalog import load_catalog

    (tmp_path / "papers").mkdir()
    (tmp_path / "categories.yaml").write_text("- slug: sam2\n  title: SAM 2\n", encoding="utf-8")
    (tmp_path / "tags.yaml").write_text("video: Works on video.\n", encoding="utf-8")
    (tmp_path / "papers" / "ravi2024sam.yaml").write_text(
        "title: 'SAM 2: Segment Anything in Images and Videos'\n"
        "authors: [Nikhila Ravi]\n"
        "date: '2024-08'\n"
        "categories: [sam2]\n"
        "tags: [video]\n"
        "links:\n"
        "  paper: https://arxiv.org/abs/2408.00714\n"
        "  code: https://github.com/facebookresearch/sam2?tab=readme-ov-file\n",
        encoding="utf-8",
    )
    catalog = load_catalog(tmp_path)
    notes = [p for p in catalog.problems if p.field == "links.code"]
    assert len(notes) == 1
    assert (notes[0].line, notes[0].severity) == (8, "note")
    assert "https://github.com/facebookresearch/sam2" in notes[0].message
    assert "ravi2024sam" in catalog.entries  # a note never keeps an entry out
