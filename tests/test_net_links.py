"""`mkdocs-awesome links` against a real local web server: real status codes, permanent and
temporary redirects, a server refusing HEAD, a slow answer and a port nobody listens on."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest
import yaml
from net_server import ApiServer
from test_net_commands import FIXTURE_ENTRIES, run, snapshot

from mkdocs_awesome_plugin.catalog.writer import entry_text
from mkdocs_awesome_plugin.net.links import check_links


@pytest.fixture
def server():
    with ApiServer() as s:
        yield s


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_check_links_classifies_each_answer(server):
    base = server.url
    refused = f"http://127.0.0.1:{closed_port()}/x"
    urls = {name: f"{base}/page/{name}" for name in
            ("ok", "gone", "broken", "moved", "moved308", "elsewhere", "no-head", "slow")}
    results = check_links([*urls.values(), refused], timeout=1.0)
    assert results[urls["ok"]].dead is None and results[urls["ok"]].moved_to is None
    assert results[urls["gone"]].dead == "HTTP 404"
    assert results[urls["broken"]].dead == "HTTP 500"
    assert results[urls["moved"]].moved_to == f"{base}/page/ok"
    assert results[urls["moved308"]].moved_to == f"{base}/page/new-home"
    # a temporary redirect is followed and is not a move
    assert results[urls["elsewhere"]].dead is None and results[urls["elsewhere"]].moved_to is None
    assert results[urls["no-head"]].dead is None and results[urls["no-head"]].status == 200
    assert results[urls["slow"]].dead == "no answer within 1 s"
    assert results[refused].dead == "connection refused"
    methods = [(m, p) for m, p, _, _ in server.requests if p == "/page/no-head"]
    assert methods == [("HEAD", "/page/no-head"), ("GET", "/page/no-head")]


def test_check_links_keeps_to_the_limit_per_host(server):
    urls = [f"{server.url}/page/ok?n={i}" for i in range(12)]
    server.delay = 0
    results = check_links(urls, per_host=1, workers=6)
    assert all(r.dead is None for r in results.values())
    assert len([r for r in server.requests if r[1] == "/page/ok"]) == 12


def _project(tmp_path: Path, links: dict[str, str]) -> Path:
    entries = tmp_path / "entries"
    (entries / "papers").mkdir(parents=True)
    for name in ("categories.yaml", "tags.yaml"):
        shutil.copy(FIXTURE_ENTRIES / name, entries / name)
    source = FIXTURE_ENTRIES / "papers/cuttano2024samwise.yaml"
    text = source.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["links"] = links
    schema = text.split("\n", 1)[0].split("$schema=", 1)[1]
    (entries / "papers/cuttano2024samwise.yaml").write_text(entry_text(data, schema))
    return tmp_path


def test_links_reports_path_line_problems(tmp_path, server):
    base = server.url
    refused = f"http://127.0.0.1:{closed_port()}/demo"
    project = _project(tmp_path, {
        "paper": f"{base}/page/ok", "code": f"{base}/page/gone",
        "project": f"{base}/page/moved308", "demo": refused, "data": f"{base}/page/slow",
    })
    before = snapshot(project / "entries")
    proc = run("links", "--timeout", "1", cwd=project)
    assert proc.returncode == 1
    path = "entries/papers/cuttano2024samwise.yaml"
    assert proc.stdout.splitlines() == [
        f"{path}:21:1: error: links.code: dead link {base}/page/gone (HTTP 404)",
        f"{path}:22:1: warning: links.project: {base}/page/moved308 moved permanently to "
        f"{base}/page/new-home",
        f"{path}:23:1: error: links.demo: dead link {refused} (connection refused)",
        f"{path}:24:1: error: links.data: dead link {base}/page/slow (no answer within 1 s)",
    ]
    assert proc.stderr.strip() == "5 links checked, 3 dead, 1 moved"
    assert snapshot(project / "entries") == before


def test_links_json_and_github_formats(tmp_path, server):
    project = _project(tmp_path, {"paper": f"{server.url}/page/ok",
                                  "code": f"{server.url}/page/broken"})
    report = json.loads(run("links", "--format", "json", cwd=project).stdout)
    assert report["links"] == 2 and report["dead"] == 1
    assert report["problems"] == [{
        "path": "entries/papers/cuttano2024samwise.yaml", "line": 21, "col": 1,
        "severity": "error", "field": "links.code",
        "message": f"dead link {server.url}/page/broken (HTTP 500)"}]
    github = run("links", "--format", "github", cwd=project).stdout.strip()
    assert github.startswith("::error file=entries/papers/cuttano2024samwise.yaml,line=21,col=1,")
    assert "links.code: dead link" in github


def test_links_write_applies_permanent_redirects_only(tmp_path, server):
    base = server.url
    project = _project(tmp_path, {"paper": f"{base}/page/moved",
                                  "code": f"{base}/page/elsewhere"})
    proc = run("links", "--write", cwd=project)
    assert proc.returncode == 0, proc.stderr
    data = yaml.safe_load((project / "entries/papers/cuttano2024samwise.yaml").read_text())
    assert data["links"] == {"paper": f"{base}/page/ok", "code": f"{base}/page/elsewhere"}
    assert data["title"] == "SAMWISE: Infusing wisdom in SAM2 for Text-Driven Video Segmentation"
    assert run("lint", cwd=project).returncode == 0
