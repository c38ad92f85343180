"""One problem type, one severity type, one formatter; one did-you-mean; the `bibtex:` override
checked and parsed once, in catalog."""

from __future__ import annotations

import json

import pytest
from sitebuild import GOOD_ENTRY

from mkdocs_awesome_plugin.catalog import Problem, Severity, format_problem, parse_entry
from mkdocs_awesome_plugin.catalog.bibtex_input import BibtexOverride, parse_bibtex_override
from mkdocs_awesome_plugin.catalog.model import Problem as ModelProblem
from mkdocs_awesome_plugin.catalog.suggest import closest, did_you_mean
from mkdocs_awesome_plugin.exports.bibtex import entry_to_bibtex

PROBLEM = Problem("entries/papers/a, b:c.yaml", 7, "links.code", "100% 'x'\nnot a URL",
                  "warning", 3)


def test_problem_is_one_type_and_severity_one_enum():
    assert ModelProblem is Problem
    assert PROBLEM.severity is Severity.WARNING
    assert PROBLEM.severity == "warning"  # callers comparing with text keep working
    assert Problem("p", 1, "", "m").severity is Severity.ERROR
    with pytest.raises(ValueError):
        Problem("p", 1, "", "m", "fatal")


def test_text_style_is_the_documented_compiler_form():
    assert format_problem(PROBLEM) == (
        "entries/papers/a, b:c.yaml:7:3: warning: links.code: 100% 'x'\nnot a URL"
    )
    assert format_problem(Problem("p.yaml", 1, "", "file is missing", Severity.NOTE)) == (
        "p.yaml:1:1: note: file is missing"
    )


def test_log_style_is_what_str_gives():
    assert str(PROBLEM) == format_problem(PROBLEM, "log")
    assert str(PROBLEM) == "entries/papers/a, b:c.yaml:7: links.code: 100% 'x'\nnot a URL"


def test_github_style_escapes_the_workflow_command():
    assert format_problem(PROBLEM, "github") == (
        "::warning file=entries/papers/a%2C b%3Ac.yaml,line=7,col=3,title=mkdocs-awesome lint::"
        "links.code: 100%25 'x'%0Anot a URL"
    )
    note = Problem("p.yaml", 2, "key", "k", Severity.NOTE)
    assert format_problem(note, "github").startswith("::notice file=p.yaml,line=2,col=1,")


def test_json_style_is_a_plain_dict():
    data = format_problem(PROBLEM, "json")
    assert json.loads(json.dumps(data)) == {
        "path": "entries/papers/a, b:c.yaml", "line": 7, "col": 3, "severity": "warning",
        "field": "links.code", "message": "100% 'x'\nnot a URL",
    }


def test_unknown_style_is_refused():
    with pytest.raises(ValueError, match="unknown problem style"):
        format_problem(PROBLEM, "xml")


@pytest.mark.parametrize(
    "value, choices, expected",
    [
        ("vidoe", ["video", "image"], "video"),
        ("imag", ["video", "image"], "image"),
        ("lee2024alphaa", ["lee2024alpha", "kim2024gamma"], "lee2024alpha"),
        ("tittle", ["title", "tags"], "title"),
        ("zhu2024medical", ["ravi2024sam", "kirillov2023segment"], None),
        ("graph", ["video", "image"], None),
    ],
)
def test_one_did_you_mean(value, choices, expected):
    assert closest(value, choices) == expected
    assert did_you_mean(value, choices) == (f"; did you mean {expected!r}?" if expected else "")


OVERRIDE = "@InProceedings{Scholar2020x,\n title={A {B} c},\n year=2020,\n month = JAN\n}\n"
ENTRY = GOOD_ENTRY + "bibtex: |\n"


def test_the_override_is_parsed_once_and_kept_on_the_entry():
    text = ENTRY + "".join(f"  {line}\n" for line in OVERRIDE.splitlines())
    entry, problems = parse_entry(text.encode(), "good2024paper", "p.yaml")
    assert problems == []
    assert entry.bibtex_override == BibtexOverride(
        "inproceedings",
        (("title", "A {B} c", "{"), ("year", "2020", "{"),
         ("month", "jan", "no-enclosing")),
    )
    assert entry_to_bibtex(entry) == (
        "@inproceedings{good2024paper,\n  title = {A {B} c},\n  year = {2020},\n"
        "  month = jan,\n}\n"
    )


def test_an_override_problem_has_no_prefix_and_names_the_field_once():
    text = ENTRY + "  '@misc{x, title={A}'\n"
    entry, problems = parse_entry(text.encode(), "good2024paper", "p.yaml")
    assert entry is None
    (problem,) = problems
    assert (problem.line, problem.field) == (8, "bibtex")
    assert problem.message.startswith("cannot be parsed")
    assert parse_bibtex_override("@misc{a, title = {\\input{x}}}") == (
        None, "field 'title' uses \\input, which is not allowed",
    )
