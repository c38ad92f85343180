"""BibTeX export: hand-written expectations, bibtexparser round trips, and real
pdflatex + bibtex (plain, plainnat) and pdflatex + biber (biblatex) runs."""

from __future__ import annotations

import dataclasses
import re

import bibtexparser
import pytest
from citation_helpers import (
    FIXTURE_KEYS,
    check_bib_with_biber,
    check_bib_with_bibtex,
    load_fixture,
    load_fixtures,
)

from mkdocs_awesome_plugin.exports.bibtex import (
    bibtex_override_problem,
    catalog_to_bibtex,
    entry_to_bibtex,
    format_author,
    override_to_bibtex,
    protect_title,
)


@pytest.fixture(scope="module")
def entries():
    return load_fixtures()


@pytest.fixture(scope="module")
def bib_text(entries) -> str:
    return catalog_to_bibtex(entries)


@pytest.fixture(scope="module")
def parsed(bib_text):
    """The exported file read back by bibtexparser, entries by key."""
    library = bibtexparser.parse_string(bib_text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return {e.key: e for e in library.entries}


def fields_of(entry) -> dict[str, str]:
    return {f.key: f.value for f in entry.fields}


# --- structure --------------------------------------------------------------------------------


def test_file_holds_exactly_the_catalogue_entries_in_order(bib_text, parsed):
    library = bibtexparser.parse_string(bib_text)
    # nothing injected: no extra entries, strings, preambles or comments
    assert [e.key for e in library.entries] == list(FIXTURE_KEYS)
    assert library.strings == [] and library.preambles == []
    assert all(not c.comment.strip() for c in library.comments)
    assert "evil" not in " ".join(parsed)
    # one blank line between entries
    chunks = bib_text.strip("\n").split("\n\n")
    assert [re.match(r"@\w+\{(\w+),", c).group(1) for c in chunks] == list(FIXTURE_KEYS)


def test_entry_types(parsed):
    expected = {
        "specials": "inproceedings",  # venue_type: workshop
        "inject": "article",  # venue_type: journal
        "accents": "article",  # inferred from "Medical Image Analysis"
        "cjk": "misc",  # arXiv only
        "override": "inproceedings",  # from the override text
        "sam2": "misc",  # arXiv only
        "clip": "inproceedings",  # inferred from "International Conference ..."
        "unet": "article",
        "doionly": "misc",
    }
    assert {k: e.entry_type for k, e in parsed.items()} == expected


def test_arxiv_only_paper_fields(parsed, bib_text):
    assert fields_of(parsed["sam2"]) == {
        "author": "Ravi, Nikhila and Gabeur, Valentin and Hu, Yuan-Ting",
        "title": "{SAM} 2: Segment Anything in Images and Videos",
        "year": "2024",
        "month": "aug",
        "eprint": "2408.00714",
        "archivePrefix": "arXiv",
        "url": "https://arxiv.org/abs/2408.00714",
    }
    # the month is the bare macro, not a braced string
    assert "month = aug," in bib_text


def test_conference_and_journal_fields(parsed):
    clip = fields_of(parsed["clip"])
    assert clip["title"] == (
        "Learning Transferable Visual Models From Natural Language Supervision ({CLIP})"
    )
    assert clip["booktitle"] == "International Conference on Machine Learning ({ICML})"
    assert (clip["eprint"], clip["archivePrefix"], clip["month"]) == ("2103.00020", "arXiv", "jul")
    unet = fields_of(parsed["unet"])
    assert unet["title"] == (
        "{SAM2-UNet}: Segment Anything 2 Makes Strong Encoder for {3D} Segmentation"
    )
    assert unet["journal"] == "{IEEE} Transactions on Medical Imaging"
    assert unet["doi"] == "10.1109/TMI.2024.1234567"
    assert "booktitle" not in unet


def test_special_characters_are_escaped(parsed):
    specials = fields_of(parsed["specials"])
    assert specials["title"] == (
        r"{R\&D} at 50\% off: \$5 \#1 snake\_case {\textasciitilde}tilde "
        r"{\textasciicircum}caret {\textbackslash}backslash "
        r"{\textbraceleft}braced{\textbraceright} and a stray {\textbraceright} here"
    )
    # "\relax" starts with a lower-case letter, so BibTeX's grammar reads it as a particle
    assert specials["author"] == (
        r"Smith, Ann \& Bob\_Lab and Jones, Cara 100\% and "
        r"\textbackslash{}relax \textbraceleft{}Evil\textbraceright{} Doe\textasciitilde{}, Dan"
    )
    assert specials["booktitle"] == (
        r"Workshop on {A\&B\_C} \#3 {\textasciitilde} {\$x{\textasciicircum}2\$} "
        r"{{\textbackslash}LaTeX}"
    )
    # URLs stay raw for \url and biblatex's verbatim fields; only braces are percent-encoded
    assert specials["url"] == "https://example.org/q?a=%7Bb%7D&c=%7D&d=x_y#frag~1"


def test_injection_attempts_stay_inside_their_fields(parsed):
    inject = fields_of(parsed["inject"])
    assert inject["title"] == (
        r"Closing {\textbraceright} early @misc{\textbraceleft}evil, "
        r"title={\textbraceleft}pwned{\textbraceright}{\textbraceright} then "
        r"@comment{\textbraceleft}x{\textbraceright} and "
        r"{\textbackslash}end{\textbraceleft}document{\textbraceright}"
    )
    assert inject["author"] == (
        r"Hacker, Eve \textbraceright{} and {Mallory @misc\textbraceleft{}evil2,} and "
        # BibTeX's grammar reads the lower-case "and" as a particle; braced, it cannot split
        r"{and} Victor, Trent"
    )
    assert inject["doi"] == "10.1007/978-3-031-16443-9_5"


def test_names_accents_particles_suffixes_corporate(parsed):
    accents = fields_of(parsed["accents"])
    assert accents["author"] == (
        "Videnović, Aleksandar and Sánchez, José and Müller, Jürgen and "
        "O'Brien, Jr., Patrick and van der Maaten, Laurens and {Meta AI} and "
        'Fan, Linxi "Jim" and Tristan, Jean-Baptiste and Ronaldo and '
        # "Di" is capitalised, so BibTeX's grammar makes it part of a two-word family name,
        # which is braced to stay one unit
        "{Di Caprio}, Leonardo and O'Brien, Jr., {}"
    )
    assert accents["title"] == "Über Flows for {Müller-Lyer} Illusions in {CT} Scans"
    assert (accents["year"], accents["month"]) == ("2021", "dec")
    assert fields_of(parsed["doionly"])["author"] == "de los Santos, Maria"
    cjk = fields_of(parsed["cjk"])
    assert cjk["title"] == "分割一切: 中文 Segment Anything 模型"
    assert cjk["author"] == "张伟 and Zhang, Wei"


def test_doi_only_paper(parsed):
    assert fields_of(parsed["doionly"]) == {
        "author": "de los Santos, Maria",
        "title": "A Dataset of Things",
        "year": "2020",
        "month": "jan",
        "doi": "10.5281/zenodo.123_456",
        "url": "https://example.org/files/a_b%20c.pdf?x=1&y=2#page=3",
    }


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Nikhila Ravi", "Ravi, Nikhila"),
        ("Laurens van der Maaten", "van der Maaten, Laurens"),
        ("Ludwig van Beethoven", "van Beethoven, Ludwig"),
        ("Van Morrison", "Morrison, Van"),
        ("Martin Luther King Jr.", "King, Jr., Martin Luther"),
        ("Patrick O'Brien, Jr.", "O'Brien, Jr., Patrick"),
        ("O'Brien, Jr.", "O'Brien, Jr., {}"),
        ("van der Maaten, Laurens", "van der Maaten, Laurens"),
        ("King, Jr., Martin", "King, Jr., Martin"),
        ("Garcia Marquez, Gabriel", "{Garcia Marquez}, Gabriel"),
        ("{Meta AI}", "{Meta AI}"),
        ("{Research & Development Group}", r"{Research \& Development Group}"),
        ("Ronaldo", "Ronaldo"),
        ("Jean-Baptiste Tristan", "Tristan, Jean-Baptiste"),
        ('Linxi "Jim" Fan', 'Fan, Linxi "Jim"'),
        ("Anna  Maria\tSmith", "Smith, Anna Maria"),
        ("Bob And Alice", "Alice, Bob {And}"),
    ],
)
def test_format_author(name, expected):
    assert format_author(name) == expected


@pytest.mark.parametrize(
    "title, expected",
    [
        ("SAM 2", "{SAM} 2"),
        ("CLIP", "{CLIP}"),
        ("SAM2-UNet rocks", "{SAM2-UNet} rocks"),
        ("(CLIP): the iPhone of 3D?", "({CLIP}): the {iPhone} of {3D}?"),
        ("A Survey", "A Survey"),
        ("50% & more", r"50\% \& more"),
        ("line\nbreak", "line break"),
    ],
)
def test_protect_title(title, expected):
    assert protect_title(title) == expected


def test_round_trip_is_stable(entries):
    """Reading the output and writing it again with bibtexparser changes nothing."""
    for entry in entries:
        text = entry_to_bibtex(entry)
        library = bibtexparser.parse_string(text)
        assert len(library.entries) == 1 and not library.failed_blocks, text
        fmt = bibtexparser.BibtexFormat()
        fmt.indent = "  "
        fmt.trailing_comma = True
        again = bibtexparser.write_string(library, bibtex_format=fmt)
        assert again.strip() == text.strip()


def test_every_value_has_balanced_braces_as_bibtex_counts_them(parsed):
    # BibTeX counts every brace, escaped or not, so `\{` would break a field
    for entry in parsed.values():
        for key, value in fields_of(entry).items():
            depth = 0
            for ch in value:
                depth += {"{": 1, "}": -1}.get(ch, 0)
                assert depth >= 0, (entry.key, key, value)
            assert depth == 0, (entry.key, key, value)
            assert "\\{" not in value and "\\}" not in value


# --- overrides --------------------------------------------------------------------------------


def test_override_is_reserialized_under_the_catalogue_key(parsed):
    override = fields_of(parsed["override"])
    assert override == {
        "author": r"Kirillov, Alexander and Mintun, Eric and Doll{\'a}r, Piotr and Girshick, Ross",
        "title": "Segment {Anything}",
        "booktitle": (
            "Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)"
        ),
        "month": "oct",
        "year": "2023",
        "pages": "4015--4026",
    }


def test_valid_override_with_other_key():
    text = "@Article{Scholar2020x,\n title={A {B} c},\n year=2020,\n month = jan\n}\n"
    assert bibtex_override_problem(text, "mine2020a") is None
    assert override_to_bibtex(text, "mine2020a") == (
        "@article{mine2020a,\n  title = {A {B} c},\n  year = {2020},\n  month = jan,\n}\n"
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ("@misc{a, title={x}}\n@misc{b, title={y}}", "exactly one entry, found 2"),
        ("", "exactly one entry, found 0"),
        ('@string{me = "Me"}\n@misc{a, author = me}', "@string"),
        ('@preamble{"\\newcommand{\\x}{y}"}\n@misc{a, title={x}}', "@preamble"),
        ("@comment{hello}\n@misc{a, title={x}}", "comments"),
        ("stray text\n@misc{a, title={x}}", "comments or other text"),
        (r"@misc{a, title = {x \} y}}", "'}' without a matching '{'"),
        (r"@misc{a, title = {x \{ y}}", "never closed"),
        ("@misc{a, title = {$x}}", "odd number of '$'"),
        (r"@misc{a, title = {\input{/etc/passwd}}}", r"\input"),
        (r"@misc{a, title = {\iffalse}}", r"\iffalse"),
        (r"@misc{a, note = {\end{document}}}", r"\end"),
        ("@misc{a, title = foo}", "macro"),
        ('@misc{a, title = "x" # foo}', "macro"),
        ("@misc{a, title = {x}, title = {y}}", "cannot be parsed"),
        ("@misc{a, title = {x}", "cannot be parsed"),
        ("@misc{a,}", "no fields"),
    ],
)
def test_override_problems(text, message):
    problem = bibtex_override_problem(text, "key2024")
    assert problem is not None and message in problem, problem
    assert "\n" not in problem
    with pytest.raises(ValueError):
        override_to_bibtex(text, "key2024")


def test_invalid_override_falls_back_to_the_generated_entry():
    entry = dataclasses.replace(load_fixture("sam2"), bibtex="@misc{x, title = {oops}")
    text = entry_to_bibtex(entry)
    assert text == entry_to_bibtex(dataclasses.replace(entry, bibtex=None))
    assert "{SAM} 2" in text


def test_paper_without_authors_has_no_author_field():
    entry = dataclasses.replace(load_fixture("clip"), authors=[])
    library = bibtexparser.parse_string(entry_to_bibtex(entry))
    assert "author" not in library.entries[0]
    assert library.entries[0]["title"].startswith("Learning Transferable")


def test_bad_key_is_refused():
    entry = dataclasses.replace(load_fixture("sam2"), key="a,b")
    with pytest.raises(ValueError):
        entry_to_bibtex(entry)


# --- real engines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "style, packages",
    [
        ("plain", "\\usepackage{url}\n"),
        # plainnat prints url and doi through \url, which checks the raw URL characters
        ("plainnat", "\\usepackage{natbib}\n\\usepackage{url}\n\\usepackage{hyperref}\n"),
    ],
)
def test_pdflatex_bibtex(tmp_path, bib_text, style, packages):
    keys = check_bib_with_bibtex(tmp_path, bib_text, style=style, packages=packages)
    assert sorted(keys) == sorted(FIXTURE_KEYS)


def test_pdflatex_biblatex_biber(tmp_path, bib_text):
    # alphabetic labels and initials exercise biber's name handling hardest
    keys = check_bib_with_biber(tmp_path, bib_text)
    assert sorted(keys) == sorted(FIXTURE_KEYS)


def test_primary_class_is_written_for_an_arxiv_paper(tmp_path):
    from mkdocs_awesome_plugin.catalog import parse_entry
    from mkdocs_awesome_plugin.exports.bibtex import entry_to_bibtex

    text = (
        "title: 'SAM 2: Segment Anything in Images and Videos'\n"
        "authors: [Nikhila Ravi]\n"
        "date: '2024-08-01'\n"
        "arxiv: '2408.00714'\n"
        "arxiv_class: cs.CV\n"
        "categories: [sam2]\n"
        "tags: [video]\n"
        "links: {paper: 'https://arxiv.org/abs/2408.00714'}\n"
    )
    entry, problems = parse_entry(text.encode(), "ravi2024sam", "ravi2024sam.yaml")
    assert problems == [] and entry.arxiv_class == "cs.CV"
    bib = entry_to_bibtex(entry)
    assert "primaryClass = {cs.CV}" in bib
    assert "eprint = {2408.00714}" in bib
    bad, problems = parse_entry(text.replace("cs.CV", "'cs CV!'").encode(), "ravi2024sam", "x.yaml")
    assert bad is None
    assert [(p.line, p.field) for p in problems] == [(5, "arxiv_class")]
    assert "not an arXiv category" in problems[0].message
