"""The arXiv and Crossref clients and the field rules, on the local server's answers
(`fixtures/net/`, the papers' facts written by hand)."""

from __future__ import annotations

import pytest
from net_server import FIXTURES, ApiServer
from test_net_commands import FIXTURE_ENTRIES, SAM2_AUTHORS, run

from mkdocs_awesome_plugin.net import NetError
from mkdocs_awesome_plugin.net.arxiv import ArxivClient, parse_feed
from mkdocs_awesome_plugin.net.cache import Cache
from mkdocs_awesome_plugin.net.crossref import CrossrefClient, parse_work
from mkdocs_awesome_plugin.net.fields import (
    code_link_from_comment,
    crossref_venue,
    is_link_label,
    merge,
)
from mkdocs_awesome_plugin.net.http import Http


@pytest.fixture
def server():
    with ApiServer() as s:
        yield s


def http() -> Http:
    return Http(timeout=2, retries=0, backoff=0)


def test_arxiv_feed_gives_the_facts(server, tmp_path):
    client = ArxivClient(http(), Cache(tmp_path), api=f"{server.url}/api/query", interval=0,
                         batch=50)
    records = client.fetch(["arXiv:2408.00714v2", "2410.04960", "2408.00714"])
    assert list(records) == ["2408.00714", "2410.04960"]
    sam2 = records["2408.00714"]
    assert sam2.title == "SAM 2: Segment Anything in Images and Videos"
    assert sam2.authors == SAM2_AUTHORS
    assert (sam2.published, sam2.primary_category) == ("2024-08-01", "cs.CV")
    # a title the feed wraps over two lines comes back on one
    assert records["2410.04960"].title == ("On Efficient Variants of Segment Anything Model: "
                                           "A Survey")
    assert len(server.api_requests("/api/query")) == 1


def test_arxiv_unknown_id_is_none_and_remembered(server, tmp_path):
    client = ArxivClient(http(), Cache(tmp_path), api=f"{server.url}/api/query", interval=0,
                         batch=50)
    # a well-formed id no paper has (arXiv's monthly numbers have not reached 99999)
    assert client.fetch(["2412.99999"]) == {"2412.99999": None}
    assert client.fetch(["2412.99999"]) == {"2412.99999": None}
    assert len(server.api_requests("/api/query")) == 1


def test_arxiv_error_entry_is_a_net_error():
    feed = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
            b"<id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title>"
            b"<summary>incorrect id format for 1234</summary></entry></feed>")
    with pytest.raises(NetError, match="arXiv says: incorrect id format for 1234"):
        parse_feed(feed, "arXiv 1234")


def test_crossref_sends_the_polite_mailto(server, tmp_path):
    client = CrossrefClient(http(), None, api=server.url, interval=0, mailto="list@example.org")
    work = client.work("10.1109/CVPR52734.2025.00322")
    assert work.title == "SAMWISE: Infusing wisdom in SAM2 for Text-Driven Video Segmentation"
    assert work.authors[0] == "Claudia Cuttano" and len(work.authors) == 5
    assert crossref_venue(work) == "CVPR 2025"
    (_, path, query, _), = server.requests
    assert path == "/works/10.1109%2FCVPR52734.2025.00322"
    assert query == {"mailto": ["list@example.org"]}
    assert client.work("10.1000/not-registered") is None


def test_crossref_malformed_answers():
    with pytest.raises(NetError, match="Crossref 10.1/x: the answer is not JSON"):
        parse_work(b"<html>", "Crossref 10.1/x")
    with pytest.raises(NetError, match="not a Crossref work"):
        parse_work(b'{"status": "failed", "message": "no"}', "Crossref 10.1/x")
    text = (FIXTURES / "crossref" / "10.1609%2Faaai.v39i4.32387.json").read_bytes()
    assert parse_work(text, "x").date == "2025"


def test_code_link_from_comment():
    assert code_link_from_comment(
        "12 pages. Code: https://github.com/example/repo.") == "https://github.com/example/repo"
    assert code_link_from_comment("Project page: https://example.org/p") is None
    assert code_link_from_comment("see https://github.com/") is None
    assert code_link_from_comment("") is None


@pytest.mark.parametrize("title, label", [
    ("arXiv", True), ("[Paper]", True), ("PDF", True), ("https://arxiv.org/abs/2408.00714", True),
    ("2408.00714", True), ("SAM 2: Segment Anything in Images and Videos", False),
    ("Paper Code Project", True), ("Code as Policies", False),
])
def test_is_link_label(title, label):
    assert is_link_label(title) is label


def test_merge_fills_empty_and_keeps_curated():
    current = {"title": "My title", "authors": ["A B"], "date": "2024-08", "venue": "",
               "links": {"paper": "https://arxiv.org/abs/2408.00714"}}
    found = {"title": "Another title", "authors": ["A B", "C D"], "date": "2024-09-02",
             "venue": "Some Journal 12 (2025)", "doi": "10.1000/xyz",
             "links": {"paper": "https://arxiv.org/abs/2408.00714",
                       "code": "https://github.com/example/repo"}}
    result = merge(current, found)
    assert result.fields["title"] == "My title" and result.fields["authors"] == ["A B"]
    assert result.fields["date"] == "2024-08"  # another month: a note, not a change
    assert result.fields["venue"] == "Some Journal 12 (2025)"
    assert result.fields["doi"] == "10.1000/xyz"
    assert result.fields["links"]["code"] == "https://github.com/example/repo"
    assert sorted(result.changed) == ["doi", "links.code", "venue"]
    assert [n for n, _ in result.notes] == ["title", "authors", "date"]


def test_bad_setting_is_a_one_line_usage_error(tmp_path):
    (tmp_path / "entries").mkdir()
    import shutil

    shutil.copytree(FIXTURE_ENTRIES, tmp_path / "entries", dirs_exist_ok=True)
    proc = run("enrich", cwd=tmp_path, env={"AWESOME_ARXIV_INTERVAL": "soon"})
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("mkdocs-awesome enrich: AWESOME_ARXIV_INTERVAL='soon' is not "
                                   "a number")


def test_hidden_characters_from_a_source_are_removed_with_a_note():
    from mkdocs_awesome_plugin.net.fields import merge

    current = {"title": "arXiv", "authors": [], "links": {"paper": "https://arxiv.org/abs/2408.00714"}}
    found = {"title": "SAM 2: Segment\u202e Anything", "authors": ["Nikhila\u200b Ravi"],
             "venue": "ICLR\u00ad 2025"}
    result = merge(current, found)
    assert result.fields["title"] == "SAM 2: Segment Anything"
    assert result.fields["authors"] == ["Nikhila Ravi"]
    assert result.fields["venue"] == "ICLR 2025"
    assert sorted(name for name, _ in result.notes) == ["authors", "title", "venue"]
