"""CSL-JSON (checked by formatting it with citeproc-py) and RIS exports."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from citation_helpers import FIXTURE_KEYS, import_or_skip, load_fixture, load_fixtures

from mkdocs_awesome_plugin.exports.csl import catalog_to_csl_json
from mkdocs_awesome_plugin.exports.ris import catalog_to_ris, entry_to_ris


@pytest.fixture(scope="module")
def entries():
    return load_fixtures()


@pytest.fixture(scope="module")
def csl_items(entries):
    return {item["id"]: item for item in json.loads(catalog_to_csl_json(entries))}


# --- CSL-JSON ---------------------------------------------------------------------------------


def test_csl_items_in_order_with_types(entries, csl_items):
    assert [i["id"] for i in json.loads(catalog_to_csl_json(entries))] == list(FIXTURE_KEYS)
    assert {k: i["type"] for k, i in csl_items.items()} == {
        "specials": "paper-conference",
        "inject": "article-journal",
        "accents": "article-journal",
        "cjk": "article",
        "override": "paper-conference",
        "sam2": "article",
        "clip": "paper-conference",
        "unet": "article-journal",
        "doionly": "article",
    }


def test_csl_preprint_item(csl_items):
    assert csl_items["sam2"] == {
        "id": "sam2",
        "type": "article",
        "title": "SAM 2: Segment Anything in Images and Videos",
        "author": [
            {"family": "Ravi", "given": "Nikhila"},
            {"family": "Gabeur", "given": "Valentin"},
            {"family": "Hu", "given": "Yuan-Ting"},
        ],
        "issued": {"date-parts": [[2024, 8, 1]]},
        "publisher": "arXiv",
        "number": "2408.00714",
        "genre": "Preprint",
        "URL": "https://arxiv.org/abs/2408.00714",
        "abstract": "Extends SAM to video with a streaming memory.",
    }


def test_csl_published_items(csl_items):
    unet = csl_items["unet"]
    assert unet["container-title"] == "IEEE Transactions on Medical Imaging"
    assert unet["DOI"] == "10.1109/TMI.2024.1234567"
    assert unet["issued"] == {"date-parts": [[2024, 8]]}
    # a published paper's arXiv id is not its issue "number"
    assert "number" not in unet and "publisher" not in unet
    clip = csl_items["clip"]
    assert clip["container-title"] == "International Conference on Machine Learning (ICML)"
    # plain Unicode, no LaTeX escaping
    assert csl_items["specials"]["title"] == (
        "R&D at 50% off: $5 #1 snake_case ~tilde ^caret \\backslash {braced} and a stray } here"
    )


def test_csl_names(csl_items):
    assert csl_items["accents"]["author"] == [
        {"family": "Videnović", "given": "Aleksandar"},
        {"family": "Sánchez", "given": "José"},
        {"family": "Müller", "given": "Jürgen"},
        {"family": "O'Brien", "given": "Patrick", "suffix": "Jr."},
        {"family": "van der Maaten", "given": "Laurens"},
        {"literal": "Meta AI"},
        {"family": "Fan", "given": 'Linxi "Jim"'},
        {"family": "Tristan", "given": "Jean-Baptiste"},
        {"family": "Ronaldo"},
        {"family": "Di Caprio", "given": "Leonardo"},
        {"family": "O'Brien", "suffix": "Jr."},
    ]


def test_citeproc_formats_every_item(entries):
    citeproc = import_or_skip("citeproc")
    from citeproc.source.json import CiteProcJSON

    items = json.loads(catalog_to_csl_json(entries))
    # a style shipped inside citeproc-py itself, so no network or extra files are needed
    style = citeproc.CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = citeproc.CitationStylesBibliography(
        style, CiteProcJSON(items), citeproc.formatter.plain
    )
    for item in items:
        bibliography.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
    rendered = {key: str(text) for key, text in zip(bibliography.keys, bibliography.bibliography(), strict=True)}
    assert sorted(rendered) == sorted(FIXTURE_KEYS)
    assert rendered["sam2"].startswith(
        "Ravi, N., Gabeur, V. and Hu, Y.-T. (2024) “SAM 2: Segment Anything in Images and Videos”"
    )
    assert "Kirillov, A. and Mintun, E. (2023)" in rendered["override"]
    assert "de los Santos, M. (2020)" in rendered["doionly"]
    assert "分割一切: 中文 Segment Anything 模型" in rendered["cjk"]
    assert "Medical Image Analysis" in rendered["accents"]
    for item in items:
        assert item["title"] in rendered[item["id"]]


# --- RIS --------------------------------------------------------------------------------------


def records(text: str) -> list[list[str]]:
    out, current = [], []
    for line in text.splitlines():
        if not line:
            assert not current, "blank line inside a record"
            continue
        current.append(line)
        if line == "ER  - ":
            out.append(current)
            current = []
    assert not current, "record without ER"
    return out


def test_ris_one_record_per_paper(entries):
    text = catalog_to_ris(entries)
    recs = records(text)
    assert len(recs) == len(entries)
    for rec, key in zip(recs, FIXTURE_KEYS, strict=True):
        assert rec[0].startswith("TY  - ") and rec[1] == f"ID  - {key}" and rec[-1] == "ER  - "
        for line in rec:
            assert re.match(r"^[A-Z][A-Z0-9]  - ", line), line
    types = {rec[1][6:]: rec[0][6:] for rec in recs}
    assert types == {
        "specials": "CPAPER", "inject": "JOUR", "accents": "JOUR", "cjk": "GEN",
        "override": "CPAPER", "sam2": "GEN", "clip": "CPAPER", "unet": "JOUR", "doionly": "GEN",
    }


def test_ris_preprint_record():
    assert entry_to_ris(load_fixture("sam2")) == (
        "TY  - GEN\n"
        "ID  - sam2\n"
        "TI  - SAM 2: Segment Anything in Images and Videos\n"
        "AU  - Ravi, Nikhila\n"
        "AU  - Gabeur, Valentin\n"
        "AU  - Hu, Yuan-Ting\n"
        "PY  - 2024\n"
        "DA  - 2024/08/01/\n"
        "PB  - arXiv\n"
        "M1  - arXiv:2408.00714\n"
        "UR  - https://arxiv.org/abs/2408.00714\n"
        "AB  - Extends SAM to video with a streaming memory.\n"
        "ER  - \n"
    )


def test_ris_journal_and_conference_records():
    unet = entry_to_ris(load_fixture("unet")).splitlines()
    assert "T2  - IEEE Transactions on Medical Imaging" in unet
    assert "JO  - IEEE Transactions on Medical Imaging" in unet
    assert "DO  - 10.1109/TMI.2024.1234567" in unet
    assert "DA  - 2024/08//" in unet
    clip = entry_to_ris(load_fixture("clip")).splitlines()
    assert clip[0] == "TY  - CPAPER"
    assert "T2  - International Conference on Machine Learning (ICML)" in clip
    assert not any(line.startswith("JO") for line in clip)


def test_ris_authors():
    lines = entry_to_ris(load_fixture("accents")).splitlines()
    assert [line[6:] for line in lines if line.startswith("AU")] == [
        "Videnović, Aleksandar",
        "Sánchez, José",
        "Müller, Jürgen",
        "O'Brien, Patrick, Jr.",
        "van der Maaten, Laurens",
        "Meta AI",
        'Fan, Linxi "Jim"',
        "Tristan, Jean-Baptiste",
        "Ronaldo",
        "Di Caprio, Leonardo",
        "O'Brien, , Jr.",
    ]


def test_ris_values_are_one_line():
    # the loader refuses newlines, but an export must not trust that
    entry = dataclasses.replace(
        load_fixture("sam2"), title="Two\nlines\r\nhere", authors=["Ann\nSmith"],
        summary="a\u2028b",
    )
    lines = entry_to_ris(entry).splitlines()
    assert "TI  - Two lines here" in lines
    assert "AU  - Smith, Ann" in lines
    assert "AB  - a b" in lines
