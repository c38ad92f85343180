"""`mkdocs-awesome init`: from a list to a site that builds and serves (real mkdocs)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from mkdocs_awesome_plugin.cli import main

SHAPES = Path(__file__).parent / "fixtures" / "importer" / "shapes" / "shapes-README.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def test_init_from_a_readme_builds(tmp_path, capsys):
    assert main(["init", "--from", str(SHAPES), "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "wrote mkdocs.yml" in out and "wrote .github/workflows/check.yml" in out
    for name in ("docs/index.md", ".github/workflows/deploy.yml", ".pre-commit-config.yaml",
                 "README.md", "entries/papers/peep2024careful.yaml", "entries/categories.yaml"):
        assert (tmp_path / name).is_file(), name
    assert "site_name: \"Shapes of Paper Lists\"" in (tmp_path / "mkdocs.yml").read_text()
    assert "<!-- awesome:categories -->" in (tmp_path / "docs/index.md").read_text()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tmp_path,
                          capture_output=True, text=True, env=ENV)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "site" / "papers" / "peep2024careful" / "index.html").read_text()
    assert "Careful Counting of Sheep" in page


def test_init_never_overwrites(tmp_path, capsys):
    (tmp_path / "README.md").write_text("# Mine\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    assert main(["init", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "skipped mkdocs.yml (exists)" in out
    assert "skipped README.md (exists); to list the papers in it, add the lines" in out
    assert (tmp_path / "README.md").read_text() == "# Mine\n"
    assert (tmp_path / "mkdocs.yml").read_text() == "site_name: Mine\n"
    assert "wrote docs/index.md" in out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_init_then_serve(tmp_path):
    assert main(["init", "--from", str(SHAPES), "--dir", str(tmp_path)]) == 0
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        body = ""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/papers/peep2024careful/",
                                            timeout=5) as resp:
                    body = resp.read().decode("utf-8")
                    break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.5)
        assert "Careful Counting of Sheep" in body, proc.stdout.read1().decode() if proc.poll() is not None else ""
    finally:
        proc.terminate()
        proc.wait(timeout=30)
