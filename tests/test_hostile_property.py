"""Property-based: arbitrary Unicode (control characters included) in every text field.

Each generated entry is either accepted, or rejected with a message naming the file, line and
field. An accepted entry's title appears escaped on its page, its BibTeX parses, and a real
MkDocs build of a batch of them never crashes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import bibtexparser
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitebuild import FIXTURES, make_project, mkdocs_build

from mkdocs_awesome_plugin.build import CatalogBuild
from mkdocs_awesome_plugin.catalog import load_catalog, parse_entry
from mkdocs_awesome_plugin.catalog.model import Catalog
from mkdocs_awesome_plugin.render.site import SiteLayout

# Any code point except surrogates (which UTF-8 cannot carry), control characters included.
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=60
)
# Text biased towards the characters that break outputs.
nasty = st.text(
    alphabet=st.sampled_from(list("<>&\"'`{}[]()|\\%$#_~^@*!:;-=/\n\r\t\x00\x07\x1b\u2028\u202e é张 a")),
    min_size=1, max_size=40,
)
field_text = st.one_of(any_text, nasty)


def entry_yaml(title, authors, venue, summary) -> bytes:
    data = {
        "title": title,
        "authors": authors,
        "date": "2024-08",
        "categories": ["image"],
        "tags": ["video"],
        "links": {"paper": "https://example.org/p"},
        "venue": venue,
        "summary": summary,
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


class _H1Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.inside = True

    def handle_endtag(self, tag):
        if tag == "h1":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def _build_for(entry) -> CatalogBuild:
    base = load_catalog(FIXTURES / "minimal")
    catalog = Catalog(entries={entry.key: entry}, categories=base.categories, tags=base.tags)
    return CatalogBuild(catalog, SiteLayout())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=field_text, authors=st.lists(field_text, max_size=4), venue=field_text, summary=field_text)
def test_entry_is_accepted_or_rejected_clearly(title, authors, venue, summary):
    data = entry_yaml(title, authors, venue, summary)
    entry, problems = parse_entry(data, "prop2024x", "papers/prop2024x.yaml")
    if entry is None:
        errors = [p for p in problems if p.severity == "error"]
        assert errors, "rejected without an error"
        for p in errors:
            assert p.path == "papers/prop2024x.yaml"
            assert p.line >= 1
            assert p.message
            assert str(p).startswith(f"papers/prop2024x.yaml:{p.line}:")
        return
    build = _build_for(entry)
    page = build.page_for("papers/prop2024x.md")
    out = build.render_page(page, "papers/prop2024x/")
    # the title reads back exactly from the page's heading: it was escaped, not interpreted
    parser = _H1Text()
    parser.feed(out)
    assert parser.text == entry.title
    assert "<script" not in out.lower()
    # the BibTeX parses back to one entry with no failed blocks
    library = bibtexparser.parse_string(build.bibtex_for(entry))
    assert [e.key for e in library.entries] == ["prop2024x"]
    assert library.failed_blocks == []
    # <head> JSON-LD cannot close its script element
    head = build.head_html(page, "papers/prop2024x/", None)
    assert head.lower().count("</script") == 1


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(batch=st.lists(st.tuples(field_text, field_text), min_size=8, max_size=8))
def test_real_build_of_generated_entries_never_crashes(tmp_path_factory, batch):
    tmp = tmp_path_factory.mktemp("prop")
    root = make_project(tmp, FIXTURES / "minimal")
    papers = root / "entries" / "papers"
    accepted = {}
    for i, (title, venue) in enumerate(batch):
        key = f"gen2024n{i}"
        data = entry_yaml(title, ["A B"], venue, "x")
        (papers / f"{key}.yaml").write_bytes(
            data.replace(b"https://example.org/p", f"https://example.org/{i}".encode())
        )
        entry, _ = parse_entry(data, key, key)
        if entry is not None:
            accepted[key] = entry.title
    built = mkdocs_build(root)
    assert built.returncode == 0, built.output
    assert "Traceback" not in built.output
    for key, title in accepted.items():
        page = (built.site / "papers" / key / "index.html").read_text(encoding="utf-8")
        parser = _H1Text()
        parser.feed(page)
        assert parser.text == title
    rejected = set(f"gen2024n{i}" for i in range(len(batch))) - set(accepted)
    for key in rejected:
        assert re.search(rf"entries/papers/{key}\.yaml:\d+:", built.output), built.output
        assert not (built.site / "papers" / key).exists()
    library = bibtexparser.parse_file(str(built.site / "cite" / "all.bib"))
    assert library.failed_blocks == []
    assert len(library.entries) == 3 + len(accepted)


def test_generated_cases_cover_both_outcomes():
    # Sanity check of the strategy itself: hand-picked values that must be accepted/rejected.
    ok, _ = parse_entry(entry_yaml("Fine <b>", ["A"], "V", "S"), "k2024a", "k")
    bad, problems = parse_entry(entry_yaml("Bell\x07", ["A"], "V", "S"), "k2024a", "k")
    assert ok is not None and bad is None
    assert problems[0].field == "title"
