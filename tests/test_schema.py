"""The entry JSON Schema is the one statement of an entry's shape: the loader validates with it,
and the field table in docs/contributing.md describes the same fields."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sitebuild import GOOD_ENTRY

from mkdocs_awesome_plugin.catalog import parse_entry
from mkdocs_awesome_plugin.catalog.entry_schema import entry_validator
from mkdocs_awesome_plugin.catalog.model import LINK_KINDS, VENUE_TYPES
from mkdocs_awesome_plugin.catalog.parse import FIELDS

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads(
    (ROOT / "mkdocs_awesome_plugin" / "schema" / "entry.schema.json").read_text("utf-8")
)
CONTRIBUTING = ROOT / "docs" / "contributing.md"


def _field_table() -> dict[str, bool]:
    """`| field | required | what it holds |` of contributing.md as {field: required}."""
    lines = CONTRIBUTING.read_text("utf-8").splitlines()
    start = lines.index("| field | required | what it holds |")
    rows: dict[str, bool] = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        names_cell, required_cell = (cell.strip() for cell in line.strip("|").split("|")[:2])
        assert required_cell in ("yes", "no"), line
        for name in re.findall(r"`([^`]+)`", names_cell):
            rows[name] = required_cell == "yes"
    return rows


def _schema_fields() -> dict[str, bool]:
    """Every field of the schema, nested link kinds as `links.<kind>`, as {field: required}."""
    fields: dict[str, bool] = {}
    for name, spec in SCHEMA["properties"].items():
        required = name in SCHEMA["required"]
        if spec.get("type") == "object":
            for sub in spec["properties"]:
                fields[f"{name}.{sub}"] = required and sub in spec.get("required", [])
        else:
            fields[name] = required
    return fields


def test_contributing_table_and_schema_name_the_same_fields():
    table, schema = _field_table(), _schema_fields()
    assert len(table) >= 15  # the table was found and read
    assert sorted(set(table) - set(schema)) == [], "in the table, not in the schema"
    assert sorted(set(schema) - set(table)) == [], "in the schema, not in the table"


def test_contributing_table_and_schema_agree_on_what_is_required():
    table, schema = _field_table(), _schema_fields()
    differ = {name: (table[name], schema[name]) for name in table if table[name] != schema[name]}
    assert differ == {}
    assert table["title"] is True and table["links.paper"] is True and table["venue"] is False


def test_the_parser_has_one_row_per_schema_field_and_the_model_the_schema_names():
    assert set(FIELDS) | {"key"} == set(SCHEMA["properties"])
    assert set(LINK_KINDS) == set(SCHEMA["properties"]["links"]["properties"])
    assert set(VENUE_TYPES) == {v for v in SCHEMA["properties"]["venue_type"]["enum"] if v}


def test_the_validator_is_compiled_once():
    assert entry_validator() is entry_validator()


GOOD = GOOD_ENTRY


def _problems(text: str) -> list[tuple[int, str, str, str]]:
    entry, problems = parse_entry(text.encode("utf-8"), "good2024paper", "p.yaml")
    return [(p.line, p.field, p.severity.value, p.message) for p in problems]


@pytest.mark.parametrize(
    "text, expected",
    [
        (GOOD + "venue_type: poster\n",
         (8, "venue_type", "'poster' is not one of conference, workshop, journal, preprint, other")),
        (GOOD.replace("[video]", "[Video]"),
         (5, "tags[0]", "'Video' is not a tag (lowercase letters, digits and single hyphens)")),
        (GOOD.replace("[image]", "[my image]"),
         (4, "categories[0]",
          "'my image' is not a category slug (lowercase letters, digits and single hyphens)")),
        (GOOD.replace("[Ada Lovelace]", "[Ada Lovelace, Alan Turing, Ada Lovelace]"),
         (2, "authors[2]", "'Ada Lovelace' is listed twice")),
        (GOOD.replace("[image]", "[]"), (4, "categories", "must list at least one item")),
        (GOOD.replace("A good paper", "x" * 501),
         (1, "title", "is 501 characters long; the limit is 500")),
        (GOOD.replace("A good paper", '""'), (1, "title", "must not be empty")),
        (GOOD + "summary: [a, list]\n", (8, "summary", "expected text, got a list")),
        (GOOD + "supersedes: [Not-A-Key]\n",
         (8, "supersedes[0]", "'Not-A-Key' is not an entry key (lowercase letters and digits)")),
        (GOOD + "links2: {}\n", (8, "links2", "unknown field; did you mean 'links'?")),
        (GOOD + "  github: https://github.com/a/b\n",
         (8, "links.github",
          "unknown link kind (allowed: paper, code, project, demo, data)")),
        (GOOD.replace("links:\n  paper: https://arxiv.org/abs/2409.00001\n", "links: here\n"),
         (6, "links", "expected a mapping of links, got text")),
        (GOOD + "doi: 11.1/x\n", (8, "doi", "'11.1/x' is not a DOI such as '10.1000/xyz123'")),
        (GOOD + "added: 2024-02-30\n", (8, "added", "'2024-02-30' is not a real day")),
        (GOOD + "added: 2024-08-01 10:00:00\n",
         (8, "added", "must be YYYY-MM or YYYY-MM-DD, without a time")),
    ],
)
def test_schema_errors_are_worded_for_a_contributor(text, expected):
    line, field, message = expected
    assert (line, field, "error", message) in _problems(text)


def test_one_message_per_field_even_when_several_keywords_fail():
    problems = _problems(GOOD.replace("A good paper", '"' + "x" * 600 + '\\nmore"'))
    assert [p for p in problems if p[1] == "title"] == [
        (1, "title", "error", "is 605 characters long; the limit is 500"),
    ]


def test_what_the_schema_allows_loads():
    text = GOOD + "venue:\nsummary:\ndoi:\nvenue_type:\narxiv: 'arXiv:2409.00001v2'\n"
    entry, problems = parse_entry(text.encode("utf-8"), "good2024paper", "p.yaml")
    assert problems == []
    assert entry.arxiv == "2409.00001" and entry.venue is None and entry.doi is None


def test_arxiv_title_and_confidence_are_optional_fields_of_the_model():
    from mkdocs_awesome_plugin.catalog.model import CONFIDENCE_LEVELS

    assert set(CONFIDENCE_LEVELS) == {v for v in SCHEMA["properties"]["confidence"]["enum"] if v}
    text = GOOD + "arxiv_title: ' The preprint title '\nconfidence: medium\n"
    entry, problems = parse_entry(text.encode("utf-8"), "good2024paper", "p.yaml")
    assert problems == []
    assert (entry.arxiv_title, entry.confidence) == ("The preprint title", "medium")
    entry, _ = parse_entry(GOOD.encode("utf-8"), "good2024paper", "p.yaml")
    assert (entry.arxiv_title, entry.confidence) == (None, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        (GOOD + "confidence: sure\n", (8, "confidence", "'sure' is not one of high, medium, low")),
        (GOOD + 'arxiv_title: "two\\nlines"\n', (8, "arxiv_title", "must be a single line")),
        (GOOD + "arxiv_title: '  '\n", (8, "arxiv_title", "must not be empty")),
    ],
)
def test_arxiv_title_and_confidence_are_checked(text, expected):
    line, field, message = expected
    assert (line, field, "error", message) in _problems(text)


def _entry_files() -> list[Path]:
    """Every entry-shaped YAML file the repository has: the catalogue and the test fixtures."""
    files = sorted((ROOT / "entries" / "papers").glob("*.yaml"))
    files += sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*.yaml") if p.parent.name == "papers")
    return files


def _damaged(data: dict, rng) -> dict:
    """`data` with one to three random changes of the kinds contributors make, and worse."""
    import copy
    import datetime

    values = [
        1, 2.5, True, None, [], {}, "", "x" * 700, "two\nlines", ["a", "a"], [1, 2], [None],
        datetime.date(2024, 8, 1), "2024-13", "2024-08-01T10:00", "javascript:alert(1)",
        "http://example.org/a b", "https://arxiv.org/abs/2408.00714", {"unknown": "x"}, [["a"]],
        "10.1000/xyz", "2408.00714", "sam", ["video", 3], [{"name": "x"}], "article", "high",
    ]
    out = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        action = rng.random()
        fields = sorted(set(SCHEMA["properties"]) | set(out))
        name = rng.choice(fields)
        if action < 0.15 and out:
            out.pop(rng.choice(sorted(out)), None)
        elif action < 0.25:
            out[rng.choice(["extra", "Title", "link", "tag"])] = rng.choice(values)
        elif action < 0.55 and isinstance(out.get("links"), dict):
            kind = rng.choice([*SCHEMA["properties"]["links"]["properties"], "homepage"])
            if rng.random() < 0.2:
                out["links"].pop(kind, None)
            else:
                out["links"][kind] = rng.choice(values)
        elif action < 0.7 and isinstance(out.get(name), list) and out[name]:
            out[name][rng.randrange(len(out[name]))] = rng.choice(values)
        else:
            out[name] = rng.choice(values)
    return out


def test_the_fast_check_agrees_with_jsonschema_on_every_entry_broken_or_not():
    # `schema_errors` asks fastjsonschema first and trusts its yes; so a yes from it must always
    # be a yes from jsonschema (else errors go unreported), and a no should be a no (else valid
    # entries are validated twice). Checked on every entry file here and on thousands of
    # randomly damaged copies.
    import random

    import yaml

    from mkdocs_awesome_plugin.catalog.entry_schema import entry_checker, json_view

    def fast_says_valid(data) -> bool:
        try:
            entry_checker()(json_view(data))
        except Exception:
            return False
        return True

    rng = random.Random(17)
    files = _entry_files()
    assert len(files) > 300
    cases = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text("utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        if isinstance(data, dict):
            cases.append(data)
            cases += [_damaged(data, rng) for _ in range(12)]
    disagree = []
    valid = invalid = 0
    for data in cases:
        reference = not any(True for _ in entry_validator().iter_errors(json_view(data)))
        valid += reference
        invalid += not reference
        if fast_says_valid(data) != reference:
            disagree.append((reference, data))
    assert valid > 300 and invalid > 2000  # both kinds were tried
    assert disagree == []
