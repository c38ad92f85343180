"""Text that cannot lie: bidirectional controls and invisible characters in any text of an entry
are errors at the character's own line and column (issue 16, "Trojan Source")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_awesome_plugin.catalog import load_catalog, parse_entry

FIXTURES = Path(__file__).parent / "fixtures"
RLO, ZWSP = "\u202e", "\u200b"

GOOD = """\
title: A good paper
arxiv_title: The preprint
authors: [Ada Lovelace, Alan Turing]
date: "2024-08"
categories: [image]
tags: [video]
links:
  paper: https://arxiv.org/abs/2409.00001
  code: https://github.com/a/b
venue: CVPR 2025
summary: One line.
arxiv: "2409.00001"
doi: 10.1000/abc
supersedes: [old2024paper]
added: "2024-09"
venue_type: conference
bibtex: |
  @misc{x,
    title = {Ok},
  }
"""

# field, the text in GOOD to put the character after, the problem's line, field and column
SITES = [
    ("title", "title: A good", 1, "title", 14),
    ("arxiv_title", "arxiv_title: The", 2, "arxiv_title", 17),
    ("first author", "[Ada", 3, "authors[0]", 14),
    ("second author", "Alan", 3, "authors[1]", 29),
    ("date", 'date: "2024', 4, "date", 12),
    ("category", "[image", 5, "categories[0]", 19),
    ("tag", "[video", 6, "tags[0]", 13),
    ("paper link", "paper: https://arxiv", 8, "links.paper", 23),
    ("code link", "code: https://github", 9, "links.code", 23),
    ("venue", "venue: CVPR", 10, "venue", 12),
    ("summary", "summary: One", 11, "summary", 13),
    ("arxiv", 'arxiv: "2409', 12, "arxiv", 13),
    ("doi", "doi: 10.1000", 13, "doi", 13),
    ("supersedes", "[old2024", 14, "supersedes[0]", 21),
    ("added", 'added: "2024', 15, "added", 13),
    ("venue_type", "venue_type: conf", 16, "venue_type", 17),
    ("bibtex", "title = {Ok", 19, "bibtex", 16),
]


def _problems(text: str):
    entry, problems = parse_entry(text.encode("utf-8"), "good2024paper", "p.yaml")
    return entry, [(p.line, p.col, p.field, p.message) for p in problems]


def test_the_fixture_entry_is_valid():
    entry, problems = _problems(GOOD)
    assert problems == [] and entry is not None


@pytest.mark.parametrize("char", [RLO, ZWSP, "\u2066", "\u00ad", "\ufeff", "\u2060"])
@pytest.mark.parametrize("site", SITES, ids=[s[0] for s in SITES])
def test_a_hidden_character_in_any_text_field_is_an_error_at_its_column(site, char):
    _, after, line, field, col = site
    assert GOOD.count(after) == 1
    entry, problems = _problems(GOOD.replace(after, after + char))
    assert entry is None
    (problem,) = [p for p in problems if p[2] == field]
    assert problem[:3] == (line, col, field)
    assert f"U+{ord(char):04X}" in problem[3]


def test_the_message_names_the_character_and_what_it_does():
    _, problems = _problems(GOOD.replace("A good", "A " + RLO + "good"))
    assert problems == [(1, 10, "title", "contains the bidirectional control U+202E "
                         "(RIGHT-TO-LEFT OVERRIDE), which makes the text display other than it "
                         "reads; remove it")]
    _, problems = _problems(GOOD.replace("A good", "A" + ZWSP + " good"))
    assert problems == [(1, 9, "title", "contains the invisible character U+200B "
                         "(ZERO WIDTH SPACE); remove it")]


def test_a_character_written_as_a_yaml_escape_is_found_at_the_escape():
    text = GOOD.replace("title: A good paper", 'title: "A good \\u202Epaper"')
    _, problems = _problems(text)
    assert [(p[0], p[1], p[2]) for p in problems] == [(1, 16, "title")]


def test_the_build_reports_it_with_path_line_and_column(tmp_path):
    shutil.copy(FIXTURES / "minimal" / "categories.yaml", tmp_path / "categories.yaml")
    shutil.copy(FIXTURES / "minimal" / "tags.yaml", tmp_path / "tags.yaml")
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "good2024paper.yaml").write_text(
        GOOD.replace("A good", "A " + RLO + "good"), encoding="utf-8"
    )
    catalog = load_catalog(tmp_path, base_dir=tmp_path)
    (problem,) = catalog.errors
    assert (problem.path, problem.line, problem.col, problem.field) == (
        "papers/good2024paper.yaml", 1, 10, "title",
    )
    assert "good2024paper" not in catalog.entries
