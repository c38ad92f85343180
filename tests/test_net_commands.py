"""`mkdocs-awesome add`, `enrich` and `refresh` as contributors run them (real subprocesses)
against a real local HTTP server answering like arXiv and Crossref (`tests/net_server.py`).

Expected values are the papers' facts, written by hand (or read from the repository's curated
entries, which the commands never see: they run on copies in tmp_path).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from net_server import ApiServer

REPO = Path(__file__).resolve().parent.parent
# entries as they were when these tests were written: the catalogue itself keeps changing
FIXTURE_ENTRIES = Path(__file__).resolve().parent / "fixtures" / "net" / "entries"
CLI = [sys.executable, "-m", "mkdocs_awesome_plugin.cli"]
SAM2_AUTHORS = yaml.safe_load((FIXTURE_ENTRIES / "papers/ravi2024sam.yaml").read_text())["authors"]
# a few real entries for the copy the commands work on (ravi2024sam is left out, so `add` can add it)
COPIED = ("cuttano2024samwise", "zhang2024unleashing", "sun2024efficient", "sivakumar2025sasvi",
          "zhang2024corrclip")


@pytest.fixture
def server():
    with ApiServer() as s:
        yield s


@pytest.fixture
def project(tmp_path) -> Path:
    entries = tmp_path / "entries"
    (entries / "papers").mkdir(parents=True)
    for name in ("categories.yaml", "tags.yaml"):
        shutil.copy(FIXTURE_ENTRIES / name, entries / name)
    for key in COPIED:
        shutil.copy(FIXTURE_ENTRIES / "papers" / f"{key}.yaml", entries / "papers" / f"{key}.yaml")
    return tmp_path


def run(*args: str, cwd: Path, server: ApiServer | None = None, env: dict | None = None):
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith("AWESOME_") and k != "GITHUB_ACTIONS"}
    environment.update({"AWESOME_ARXIV_INTERVAL": "0", "AWESOME_CROSSREF_INTERVAL": "0",
                        "AWESOME_NET_RETRIES": "1", "AWESOME_NET_BACKOFF": "0.05",
                        "AWESOME_NET_TIMEOUT": "2"})
    if server is not None:
        environment.update(server.env())
    environment.update(env or {})
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env=environment, stdin=subprocess.DEVNULL)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def set_fields(path: Path, **changes) -> None:
    """Edit an entry copy (as `import` would have left it): None removes a field."""
    from mkdocs_awesome_plugin.catalog.writer import entry_text

    text = path.read_text(encoding="utf-8")
    schema = text.split("\n", 1)[0].split("$schema=", 1)[1]
    data = yaml.safe_load(text)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    path.write_text(entry_text(data, schema), encoding="utf-8")


def assert_no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr + proc.stdout


# --------------------------------------------------------------------------------------------
# add


def test_add_writes_a_complete_entry_that_lint_accepts(project, server):
    proc = run("add", "https://arxiv.org/abs/2408.00714v2", "--category", "sam2",
               "--tag", "foundation-model", "--tag", "video", cwd=project, server=server)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "entries/papers/ravi2024sam.yaml"
    written = yaml.safe_load((project / "entries/papers/ravi2024sam.yaml").read_text())
    assert written["title"] == "SAM 2: Segment Anything in Images and Videos"
    assert written["authors"] == SAM2_AUTHORS and len(written["authors"]) == 18
    assert written["date"] == "2024-08-01"
    assert written["arxiv"] == "2408.00714"
    assert written["arxiv_class"] == "cs.CV"  # arxiv:primary_category
    assert written["links"] == {"paper": "https://arxiv.org/abs/2408.00714"}
    assert written["categories"] == ["sam2"] and written["tags"] == ["foundation-model", "video"]
    lint = run("lint", cwd=project)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert lint.stderr.strip().startswith(f"{len(COPIED) + 1} valid entries, 0 errors")
    # one arXiv request, no Crossref (arXiv gave no DOI)
    assert len(server.api_requests("/api/query")) == 1
    assert server.api_requests("/works/") == []


def test_add_by_doi_reads_crossref(project, server):
    args = ("add", "https://doi.org/10.1609/AAAI.V39I4.32387", "--category", "referring-vos",
            "--tag", "referring", "--tag", "audio-visual")
    # Crossref gives the year only: an entry's date needs the month
    proc = run(*args, cwd=project, server=server)
    assert proc.returncode == 2 and "missing --date" in proc.stderr
    proc = run(*args, "--date", "2024-08", cwd=project, server=server)
    assert proc.returncode == 0, proc.stderr
    path = project / proc.stdout.strip()
    assert path.name == "huang2024unleashing.yaml"
    written = yaml.safe_load(path.read_text())
    assert written["authors"][0] == "Shaofei Huang" and len(written["authors"]) == 8
    assert written["doi"] == "10.1609/AAAI.V39I4.32387"
    assert written["venue"] == "Proceedings of the AAAI Conference on Artificial Intelligence"
    assert written["venue_type"] == "journal"
    assert written["links"]["paper"] == "https://doi.org/10.1609/AAAI.V39I4.32387"
    assert run("lint", cwd=project).returncode == 0


def test_add_refuses_a_paper_already_listed(project, server):
    before = snapshot(project / "entries/papers")
    proc = run("add", "2411.17646", "--category", "referring-vos", "--tag", "video",
               cwd=project, server=server)
    assert proc.returncode == 1
    assert "cuttano2024samwise.yaml" in proc.stderr and "not written" in proc.stderr
    assert_no_traceback(proc)
    assert snapshot(project / "entries/papers") == before


def test_add_on_a_terminal_asks_for_categories_and_tags(project, server, monkeypatch):
    from test_cli import _converse

    for name, value in {**server.env(), "AWESOME_ARXIV_INTERVAL": "0"}.items():
        monkeypatch.setenv(name, value)
    code, out = _converse([*CLI, "add", "2408.00714"], project, [
        ("Categories (separated by spaces): ", "sam2"),
        ("Tags (separated by spaces): ", "foundation-model video"),
    ])
    assert code == 0, out
    assert "entries/papers/ravi2024sam.yaml" in out
    written = yaml.safe_load((project / "entries/papers/ravi2024sam.yaml").read_text())
    assert written["authors"] == SAM2_AUTHORS
    assert (written["categories"], written["tags"]) == (["sam2"], ["foundation-model", "video"])


def test_add_without_categories_off_a_terminal_names_the_missing_flags(project, server):
    proc = run("add", "2408.00714", cwd=project, server=server)
    assert proc.returncode == 2
    assert "missing --category, --tag" in proc.stderr
    assert not (project / "entries/papers/ravi2024sam.yaml").exists()


@pytest.mark.parametrize("setup, message", [
    (lambda s: setattr(s, "arxiv_status", 503), "the server answered HTTP 503"),
    (lambda s: setattr(s, "arxiv_body", b"<feed><entry>"), "not well-formed XML"),
    (lambda s: setattr(s, "delay", 3), "no answer in time"),
])
def test_add_network_failures_point_to_new(project, server, setup, message):
    setup(server)
    before = snapshot(project)
    proc = run("add", "2408.00714", "--category", "sam2", "--tag", "video", cwd=project,
               server=server)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert message in lines[0] and "2408.00714" in lines[0]
    assert "mkdocs-awesome new" in lines[0]
    assert_no_traceback(proc)
    assert snapshot(project) == before


def test_add_connection_refused(project, tmp_path):
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = run("add", "2408.00714", "--category", "sam2", "--tag", "video", cwd=project,
               env={"AWESOME_ARXIV_API": f"http://127.0.0.1:{port}/api/query"})
    assert proc.returncode == 1
    assert "connection refused" in proc.stderr and "mkdocs-awesome new" in proc.stderr
    assert_no_traceback(proc)
    assert not (project / "entries/papers/ravi2024sam.yaml").exists()


# --------------------------------------------------------------------------------------------
# enrich


def test_enrich_shows_a_diff_and_changes_nothing_without_write(project, server):
    papers = project / "entries/papers"
    set_fields(papers / "zhang2024unleashing.yaml", authors=[], date="2024-08")
    before = snapshot(project / "entries")
    proc = run("enrich", "entries/papers/zhang2024unleashing.yaml", cwd=project, server=server)
    assert proc.returncode == 0, proc.stderr
    assert snapshot(project / "entries") == before
    assert proc.stdout.splitlines()[:2] == [
        "--- a/entries/papers/zhang2024unleashing.yaml",
        "+++ b/entries/papers/zhang2024unleashing.yaml",
    ]
    added = [line for line in proc.stdout.splitlines() if line.startswith("+") and
             not line.startswith("+++")]
    assert added == ["+authors:", "+- Yichi Zhang", "+- Zhenrong Shen", "+date: '2024-08-23'"]
    assert "1 with changes (run again with --write to apply)" in proc.stderr


def test_enrich_write_fills_empty_fields_and_lint_accepts(project, server):
    papers = project / "entries/papers"
    original = (papers / "zhang2024unleashing.yaml").read_bytes()
    set_fields(papers / "zhang2024unleashing.yaml", authors=[], date="2024-08")
    proc = run("enrich", "--write", "entries/papers/zhang2024unleashing.yaml", cwd=project,
               server=server)
    assert proc.returncode == 0, proc.stderr
    # filled back to exactly what the curators wrote
    assert (papers / "zhang2024unleashing.yaml").read_bytes() == original
    assert "1 written" in proc.stderr
    assert run("lint", cwd=project).returncode == 0


def test_enrich_never_overwrites_curated_text_and_notes_disagreements(project, server):
    papers = project / "entries/papers"
    # a curated title and author list that differ from arXiv's, and a date in another month
    set_fields(papers / "sun2024efficient.yaml", title="Efficient SAM variants: a survey",
               authors=["Xiaorui Sun", "Jun Liu"], date="2024-09")
    before = snapshot(project / "entries")
    proc = run("enrich", "--write", "entries/papers/sun2024efficient.yaml", cwd=project,
               server=server)
    assert proc.returncode == 0, proc.stderr
    assert snapshot(project / "entries") == before
    assert "0 with changes" in proc.stderr
    assert ("entries/papers/sun2024efficient.yaml:2:1: note: title: the source's title is "
            "'On Efficient Variants of Segment Anything Model: A Survey'") in proc.stderr
    assert ("entries/papers/sun2024efficient.yaml:3:1: note: authors: the source lists 5 "
            "authors (Xiaorui Sun first), the entry 2") in proc.stderr
    assert "sun2024efficient.yaml:6:1: note: date: the source gives 2024-10-07" in proc.stderr


def test_enrich_overwrite_replaces_a_named_field_only(project, server):
    papers = project / "entries/papers"
    set_fields(papers / "sun2024efficient.yaml", title="Efficient SAM variants: a survey",
               authors=["Xiaorui Sun", "Jun Liu"])
    proc = run("enrich", "--write", "--overwrite", "title", cwd=project, server=server)
    assert proc.returncode == 0, proc.stderr
    data = yaml.safe_load((papers / "sun2024efficient.yaml").read_text())
    assert data["title"] == "On Efficient Variants of Segment Anything Model: A Survey"
    assert data["authors"] == ["Xiaorui Sun", "Jun Liu"]


def test_enrich_title_that_is_a_link_label_is_replaced(project, server):
    papers = project / "entries/papers"
    set_fields(papers / "zhang2024unleashing.yaml", title="arXiv")
    proc = run("enrich", "--write", str(papers / "zhang2024unleashing.yaml"), cwd=project,
               server=server)
    assert proc.returncode == 0, proc.stderr
    data = yaml.safe_load((papers / "zhang2024unleashing.yaml").read_text())
    assert data["title"] == ("Unleashing the Potential of SAM2 for Biomedical Images and Videos: "
                             "A Survey")


def test_enrich_batches_ids(project, server):
    # 5 entries with arXiv ids, 2 ids a request -> 3 requests
    proc = run("enrich", "--no-cache", cwd=project, server=server,
               env={"AWESOME_ARXIV_BATCH": "2"})
    assert proc.returncode == 0, proc.stderr
    batches = [r[2]["id_list"][0].split(",") for r in server.api_requests("/api/query")]
    assert [len(b) for b in batches] == [2, 2, 1]
    assert sorted(i for b in batches for i in b) == sorted(
        ["2410.04960", "2411.10086", "2411.17646", "2502.09653", "2408.12889"])


def test_enrich_keeps_the_rate_limit(project, server):
    interval = 0.4
    proc = run("enrich", "--no-cache", cwd=project, server=server,
               env={"AWESOME_ARXIV_BATCH": "1", "AWESOME_ARXIV_INTERVAL": str(interval)})
    assert proc.returncode == 0, proc.stderr
    times = [r[3] for r in server.api_requests("/api/query")]
    assert len(times) == len(COPIED)
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # measured where the requests arrive, so one may come late and the next one early; without
    # the limit they would arrive milliseconds apart
    assert times[-1] - times[0] >= (len(times) - 1) * interval - 0.05, gaps
    assert min(gaps) >= interval / 2, gaps


def test_a_second_run_sends_no_request(project, server):
    first = run("enrich", cwd=project, server=server)
    assert first.returncode == 0, first.stderr
    sent = len(server.requests)
    assert sent >= 2  # arXiv, and Crossref for the DOI without a venue
    assert (project / ".cache/mkdocs-awesome/arxiv/2411.17646.json").is_file()
    second = run("enrich", cwd=project, server=server)
    assert second.returncode == 0, second.stderr
    assert len(server.requests) == sent
    assert second.stdout == first.stdout
    assert second.stderr.rstrip().endswith("0 requests")


def test_an_interrupted_run_resumes(project, server):
    env = {"AWESOME_ARXIV_BATCH": "2"}
    server.arxiv_fail_from = 1  # the first batch is answered, then arXiv fails
    before = snapshot(project / "entries")
    failed = run("enrich", "--write", cwd=project, server=server, env=env)
    assert failed.returncode == 1
    assert "HTTP 503" in failed.stderr and "nothing written" in failed.stderr
    assert_no_traceback(failed)
    assert snapshot(project / "entries") == before
    first_batch = server.api_requests("/api/query")[0][2]["id_list"][0].split(",")
    server.arxiv_fail_from = None
    server.requests.clear()
    resumed = run("enrich", cwd=project, server=server, env=env)
    assert resumed.returncode == 0, resumed.stderr
    asked = [i for r in server.api_requests("/api/query") for i in r[2]["id_list"][0].split(",")]
    assert len(asked) == len(COPIED) - 2 and not set(asked) & set(first_batch)


@pytest.mark.parametrize("setup, message", [
    (lambda s: setattr(s, "arxiv_status", 500), "arXiv"),
    (lambda s: setattr(s, "arxiv_body", b"<html><body>maintenance</body></html>"),
     "not an Atom feed"),
    (lambda s: setattr(s, "crossref_body", b'{"status": "ok", "message": '), "not JSON"),
    (lambda s: setattr(s, "crossref_status", 502), "Crossref 10.1007/s11548-025-03408-y"),
    (lambda s: setattr(s, "delay", 3), "no answer in time"),
])
def test_enrich_failures_are_one_line_and_change_nothing(project, server, setup, message):
    setup(server)
    before = snapshot(project / "entries")
    proc = run("enrich", "--write", cwd=project, server=server)
    assert proc.returncode == 1
    assert message in proc.stderr.splitlines()[0]
    assert "nothing written" in proc.stderr
    assert_no_traceback(proc)
    assert snapshot(project / "entries") == before


# --------------------------------------------------------------------------------------------
# refresh


def test_refresh_finds_a_published_preprint(project, server):
    papers = project / "entries/papers"
    set_fields(papers / "sivakumar2025sasvi.yaml", venue_type="preprint")
    proc = run("refresh", cwd=project, server=server)
    assert proc.returncode == 0, proc.stderr
    assert "+venue: International Journal of Computer Assisted Radiology and Surgery" in proc.stdout
    assert ("-venue_type: preprint\n"
            "+venue: International Journal of Computer Assisted Radiology and Surgery\n"
            "+venue_type: journal\n") in proc.stdout
    run("refresh", "--write", cwd=project, server=server)
    data = yaml.safe_load((papers / "sivakumar2025sasvi.yaml").read_text())
    assert data["venue_type"] == "journal"
    assert run("lint", cwd=project).returncode == 0


def test_refresh_reports_a_newer_arxiv_title(project, server):
    papers = project / "entries/papers"
    first = ("CorrCLIP: Reconstructing Correlations in CLIP with Off-the-Shelf Foundation Models "
             "for Open-Vocabulary Semantic Segmentation")  # the title of arXiv's version 1
    set_fields(papers / "zhang2024corrclip.yaml", title=first)
    before = snapshot(project / "entries")
    proc = run("refresh", "--write", "entries/papers/zhang2024corrclip.yaml", cwd=project,
               server=server)
    assert snapshot(project / "entries") == before
    assert ("zhang2024corrclip.yaml:2:1: note: title: arXiv's newest title is 'CorrCLIP: "
            "Reconstructing Patch Correlations in CLIP for Open-Vocabulary Semantic "
            "Segmentation' (--overwrite title takes it)") in proc.stderr
    proc = run("refresh", "--write", "--overwrite", "title", cwd=project, server=server)
    data = yaml.safe_load((papers / "zhang2024corrclip.yaml").read_text())
    assert data["title"].startswith("CorrCLIP: Reconstructing Patch Correlations")


def test_refresh_asks_afresh_despite_the_cache(project, server):
    run("enrich", cwd=project, server=server)
    sent = len(server.api_requests("/api/query"))
    run("refresh", cwd=project, server=server)
    assert len(server.api_requests("/api/query")) == sent + 1
