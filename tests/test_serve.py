"""Live preview: the real `mkdocs serve --livereload` picks up edits to entries, survives a broken
entry (the rest of the site keeps serving, the log names file:line) and recovers when it is fixed.

Timings are not asserted here (see benchmarks/serve_preview.py); timeouts are generous.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sitebuild import FIXTURES, make_project

TIMEOUT = 120  # seconds to wait for any one change to show


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


def wait_for(condition, what: str, log: Path, timeout: float = TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = condition()
        if result:
            return result
        time.sleep(0.25)
    pytest.fail(f"timed out waiting for {what}; server log:\n{log.read_text(errors='replace')[-4000:]}")


@contextlib.contextmanager
def mkdocs_serve(root: Path, log: Path, *flags: str):
    """A real `mkdocs serve --livereload` of `root` on a free port, logging to `log`; yields its
    base URL and stops it (and anything it started) whatever happened meanwhile."""
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", *flags,
             "-a", f"127.0.0.1:{port}"],
            cwd=root, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True,
        )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=15)


@pytest.fixture
def server(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal")
    log = tmp_path / "serve.log"
    with mkdocs_serve(root, log) as base:
        yield root, base, log


def test_serve_rebuilds_on_entry_edits_and_survives_a_broken_entry(server):
    root, base, log = server
    paper = base + "papers/ravi2024sam/"
    entry = root / "entries" / "papers" / "ravi2024sam.yaml"
    original = entry.read_text(encoding="utf-8")

    wait_for(lambda: fetch(paper)[0] == 200, "the first build", log)
    assert "SAM 2: Segment Anything in Images and Videos" in fetch(paper)[1]

    # 1. an edited title shows up
    entry.write_text(original.replace("in Images and Videos", "in Pictures and Films"), "utf-8")
    wait_for(lambda: "SAM 2: Segment Anything in Pictures and Films" in fetch(paper)[1],
             "the edited title", log)

    # 2. a YAML error: the log names file and line; the site keeps serving, the edited page
    # with its last valid version
    broken = original.replace('date: "2024-08-01"', 'date: "2024-08-01" oops: x')
    entry.write_text(broken, encoding="utf-8")
    wait_for(lambda: "entries/papers/ravi2024sam.yaml:6: YAML syntax error" in log.read_text(),
             "the problem in the log", log)
    wait_for(lambda: "keeps this entry's last valid version" in log.read_text(),
             "the rebuild after the broken edit", log)
    status, html = fetch(paper)
    assert status == 200 and "SAM 2: Segment Anything in Pictures and Films" in html
    status, html = fetch(base + "papers/zhu2024medical/")
    assert status == 200 and "Medical SAM 2" in html
    assert fetch(base)[0] == 200

    # 3. fixed: the page is back
    entry.write_text(original, encoding="utf-8")
    wait_for(lambda: "SAM 2: Segment Anything in Images and Videos" in fetch(paper)[1],
             "the fixed entry's page", log)
    text = log.read_text(errors="replace")
    assert "Traceback" not in text
