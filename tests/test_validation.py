"""Each kind of bad entry gets one message naming the file, the line and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitebuild import GOOD_ENTRY

from mkdocs_awesome_plugin.catalog import load_catalog

FIXTURES = Path(__file__).parent / "fixtures"

GOOD = GOOD_ENTRY

# name -> (file text, expected line, expected field, words the message must contain)
CASES = {
    "syntax": ("title: [unclosed\nauthors: []\n", 2, "", "YAML syntax error"),
    "missing_title": (GOOD.replace("title: A good paper\n", ""), 1, "title", "required field is missing"),
    "wrong_type_authors": (GOOD.replace("authors: [Ada Lovelace]", "authors: Ada Lovelace"), 2, "authors", "expected a list"),
    "unknown_category": (GOOD.replace("[image]", "[imagez]"), 4, "categories[0]", "unknown category 'imagez'; did you mean 'image'"),
    "unknown_tag": (GOOD.replace("[video]", "[vidoe]"), 5, "tags[0]", "unknown tag 'vidoe'; did you mean 'video'"),
    "bad_date": (GOOD.replace('"2024-08"', '"2024-13"'), 3, "date", "no month 13"),
    "bad_date_shape": (GOOD.replace('"2024-08"', '"Aug 2024"'), 3, "date", "YYYY-MM"),
    "javascript_link": (GOOD + "  code: javascript:alert(1)\n", 8, "links.code", "not an http(s) URL"),
    "data_link": (GOOD + "  demo: data:text/html,hi\n", 8, "links.demo", "not an http(s) URL"),
    "scheme_relative_link": (GOOD + "  project: //evil.example/x\n", 8, "links.project", "not an http(s) URL"),
    "missing_paper_link": (GOOD.replace("  paper: https://arxiv.org/abs/2409.00001\n", "  code: https://github.com/a/b\n"), 6, "links.paper", "required link is missing"),
    "key_mismatch": ("key: someoneelse2024\n" + GOOD, 1, "key", "does not match the file name"),
    "unknown_field": (GOOD + "tittle: typo\n", 8, "tittle", "did you mean 'title'"),
    "duplicate_key": (GOOD + "title: Second title\n", 8, "title", "duplicate key 'title'"),
    "python_tag": (GOOD + "summary: !!python/object/apply:os.system [echo hi]\n", 8, "", "unsupported YAML tag"),
    "arxiv_as_number": (GOOD + "arxiv: 2409.10120\n", 8, "arxiv", "in quotes"),
    "et_al_not_bool": (GOOD + "et_al: sometimes\n", 8, "et_al", "expected true or false"),
    "bibtex_override_two_entries": (
        GOOD + "bibtex: |\n  @misc{x, title={A}}\n  @misc{y, title={B}}\n", 8, "bibtex", ""
    ),
    "bibtex_override_unbalanced": (GOOD + "bibtex: '@misc{x, title={A}'\n", 8, "bibtex", "cannot be parsed"),
    "two_line_title": (GOOD.replace("title: A good paper", 'title: "A good\\npaper"'), 1, "title", "single line"),
}


def _write_case(tmp_path: Path, name: str, text: str) -> Path:
    shutil.copy(FIXTURES / "minimal" / "categories.yaml", tmp_path / "categories.yaml")
    shutil.copy(FIXTURES / "minimal" / "tags.yaml", tmp_path / "tags.yaml")
    papers = tmp_path / "papers"
    papers.mkdir()
    key = name.replace("_", "")
    (papers / f"{key}.yaml").write_text(text, encoding="utf-8")
    (papers / "good2024paper.yaml").write_text(
        GOOD.replace("2409.00001", "2409.99999"), encoding="utf-8"
    )
    return papers / f"{key}.yaml"


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_error_names_file_line_and_field(tmp_path, name):
    text, line, field, words = CASES[name]
    path = _write_case(tmp_path, name, text)
    catalog = load_catalog(tmp_path, base_dir=tmp_path)
    rel = path.relative_to(tmp_path).as_posix()
    errors = [p for p in catalog.errors if p.path == rel]
    assert errors, f"no error reported for {name}"
    messages = [str(p) for p in errors]
    match = [p for p in errors if p.line == line and p.field == field and words in p.message]
    assert match, f"expected {rel}:{line}: {field}: …{words}…, got {messages}"
    assert str(match[0]).startswith(f"{rel}:{line}:")
    # the broken entry is left out, the good one is kept
    assert path.stem not in catalog.entries
    assert "good2024paper" in catalog.entries


def test_not_utf8_is_reported_with_its_line(tmp_path):
    path = _write_case(tmp_path, "latin", "")
    path.write_bytes(GOOD.encode() + "summary: caf\xe9\n".encode("latin-1"))
    catalog = load_catalog(tmp_path, base_dir=tmp_path)
    (problem,) = catalog.errors
    assert problem.line == 8
    assert "not valid UTF-8" in problem.message


def test_alias_bomb_is_refused_fast(tmp_path):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        bomb += f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    _write_case(tmp_path, "bomb", bomb)
    catalog = load_catalog(tmp_path, base_dir=tmp_path)
    (problem,) = catalog.errors
    assert problem.path.endswith("bomb.yaml")
    assert problem.line == 1
    assert "anchors" in problem.message


def test_oversized_file_is_refused(tmp_path):
    path = _write_case(tmp_path, "huge", GOOD + "summary: " + "x" * 300_000 + "\n")
    catalog = load_catalog(tmp_path, base_dir=tmp_path)
    assert any("limit is" in p.message and p.path.endswith("huge.yaml") for p in catalog.errors)
    assert path.stem not in catalog.entries


def test_duplicate_arxiv_id_names_both_files(tmp_path):
    _write_case(tmp_path, "first", GOOD + 'arxiv: "2409.00001"\n')
    papers = tmp_path / "papers"
    (papers / "zzz2024second.yaml").write_text(
        GOOD.replace("A good paper", "Another paper") + 'arxiv: "2409.00001"\n'
    )
    catalog = load_catalog(tmp_path, base_dir=tmp_path)
    (problem,) = catalog.errors
    assert problem.path == "papers/zzz2024second.yaml"
    assert problem.line == 8 and problem.field == "arxiv"
    assert "papers/first.yaml:8" in problem.message


def test_duplicate_doi_is_an_error(tmp_path):
    _write_case(tmp_path, "first", GOOD + "doi: 10.1000/abc\n")
    (tmp_path / "papers" / "zzz2024second.yaml").write_text(
        GOOD.replace("2409.00001", "2409.00002") + "doi: https://doi.org/10.1000/ABC\n"
    )
    catalog = load_catalog(tmp_path, base_dir=tmp_path)
    (problem,) = catalog.errors
    assert problem.field == "doi" and "papers/first.yaml" in problem.message


def test_keys_differing_only_in_case_conflict(tmp_path):
    _write_case(tmp_path, "abc", GOOD)
    (tmp_path / "papers" / "ABC.yaml").write_text(GOOD.replace("2409.00001", "2409.00003"))
    catalog = load_catalog(tmp_path, base_dir=tmp_path)
    fields = {(p.path, p.field) for p in catalog.errors}
    assert ("papers/ABC.yaml", "key") in fields


def test_empty_authors_is_only_a_warning(tmp_path):
    _write_case(tmp_path, "noauthors", GOOD.replace("[Ada Lovelace]", "[]"))
    catalog = load_catalog(tmp_path, base_dir=tmp_path)
    assert catalog.errors == []
    (warning,) = catalog.warnings
    assert (warning.line, warning.field) == (2, "authors")
    assert "noauthors" in catalog.entries


def test_minimal_fixture_is_valid():
    catalog = load_catalog(FIXTURES / "minimal")
    assert catalog.problems == []
    assert sorted(catalog.entries) == ["kirillov2023segment", "ravi2024sam", "zhu2024medical"]
    assert catalog.entries["kirillov2023segment"].doi == "10.1109/ICCV51070.2023.00371"
    assert [c.slug for c in catalog.all_categories()] == ["segmentation", "video", "image", "medical"]
