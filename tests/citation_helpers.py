"""Shared helpers for the citation export tests: fixture loading and real TeX tool runs."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from mkdocs_awesome_plugin.catalog.load import parse_entry
from mkdocs_awesome_plugin.catalog.model import Entry

FIXTURES = Path(__file__).parent / "fixtures" / "citations"

# Export order used by every test: the nasty ones first, so a broken entry would also break
# the ones after it in the .bib file.
FIXTURE_KEYS = (
    "specials", "inject", "accents", "cjk", "override", "sam2", "clip", "unet", "doionly",
)


def load_fixture(key: str) -> Entry:
    """Parse `tests/fixtures/citations/<key>.yaml` with the real loader."""
    path = FIXTURES / f"{key}.yaml"
    entry, problems = parse_entry(path.read_bytes(), key, str(path))
    assert entry is not None, [str(p) for p in problems]
    assert not problems, [str(p) for p in problems]
    return entry


def load_fixtures() -> list[Entry]:
    """All citation fixtures, in `FIXTURE_KEYS` order."""
    return [load_fixture(k) for k in FIXTURE_KEYS]


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def require_tool(name: str) -> str:
    """The path of `name`; a missing tool fails the test under CI=true and skips it elsewhere."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed"
        if in_ci():
            pytest.fail(message + " (required when CI=true)")
        pytest.skip(message)
    return path


def import_or_skip(module: str):
    """Import `module`; if missing, fail under CI=true and skip elsewhere."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if in_ci():
            pytest.fail(f"{module} is not installed (required when CI=true)")
        pytest.skip(f"{module} is not installed")


@dataclass
class Run:
    """One finished tool run."""

    args: list[str]
    returncode: int
    output: str


def run_tool(args: list[str], cwd: Path, timeout: float = 60) -> Run:
    """Run a TeX tool in `cwd` without a terminal, capturing its output."""
    proc = subprocess.run(
        args, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, timeout=timeout, check=False,
    )
    return Run(args, proc.returncode, proc.stdout.decode("utf-8", "replace"))


def pdflatex(cwd: Path, job: str) -> Run:
    return run_tool(
        [require_tool("pdflatex"), "-interaction=nonstopmode", "-halt-on-error", job], cwd
    )


def latex_errors(log_text: str) -> list[str]:
    """The `! ...` error lines of a LaTeX log."""
    return [line for line in log_text.splitlines() if line.startswith("!")]


def undeclared_chars_preamble(text: str) -> str:
    """`\\DeclareUnicodeCharacter` lines for the CJK (and later) characters in `text`.

    pdflatex cannot typeset CJK without a CJK package, which is a property of the citing
    document rather than of the .bib file; the test documents map those characters to `?`
    so that the bibliography still typesets and every BibTeX/biber message can be checked.
    """
    chars = sorted({ch for ch in text if ord(ch) >= 0x2E80})
    return "".join(f"\\DeclareUnicodeCharacter{{{ord(ch):04X}}}{{?}}\n" for ch in chars)


def latex_document(bib_text: str, preamble: str, body: str) -> str:
    """A minimal pdflatex document: UTF-8 input, T1 fonts (Latin Modern, no bitmap fonts)."""
    return (
        "\\documentclass{article}\n"
        "\\usepackage[utf8]{inputenc}\n"
        "\\usepackage[T1]{fontenc}\n"
        "\\usepackage{lmodern}\n"
        + undeclared_chars_preamble(bib_text)
        + preamble
        + "\\begin{document}\n\\nocite{*}\n"
        + body
        + "\\end{document}\n"
    )


def check_bib_with_bibtex(
    tmp_path: Path, bib_text: str, style: str = "plain", packages: str = "\\usepackage{url}\n"
) -> list[str]:
    """Cite every entry of `bib_text` with pdflatex + bibtex; assert zero errors and warnings.

    Returns the keys that reached the bibliography.
    """
    import re

    require_tool("pdflatex")
    bibtex = require_tool("bibtex")
    work = tmp_path / f"bibtex-{style}"
    work.mkdir()
    (work / "refs.bib").write_text(bib_text, encoding="utf-8")
    body = f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n"
    (work / "doc.tex").write_text(
        latex_document(bib_text, packages, body), encoding="utf-8"
    )
    first = pdflatex(work, "doc")
    assert first.returncode == 0, latex_errors(first.output) or first.output[-2000:]
    run = run_tool([bibtex, "doc"], work)
    blg = (work / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, blg
    # BibTeX reports problems as "Warning--..." lines and "(There were N error messages)"
    assert "Warning--" not in blg, blg
    assert "error message" not in blg, blg
    assert "warning$ -- 0" in blg  # the style issued no warnings at all
    for _ in range(2):
        final = pdflatex(work, "doc")
        assert final.returncode == 0, latex_errors(final.output) or final.output[-2000:]
    log = (work / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert not latex_errors(log)
    assert "undefined references" not in log
    bbl = (work / "doc.bbl").read_text(encoding="utf-8")
    return re.findall(r"\\bibitem(?:\[[^\]]*\])?\{(\w+)\}", bbl)


def check_bib_with_biber(tmp_path: Path, bib_text: str) -> list[str]:
    """Cite every entry with biblatex + biber; assert zero errors and warnings. Returns keys."""
    import re

    require_tool("pdflatex")
    biber = require_tool("biber")
    work = tmp_path / "biber"
    work.mkdir()
    (work / "refs.bib").write_text(bib_text, encoding="utf-8")
    packages = (
        "\\usepackage[backend=biber,style=alphabetic,giveninits=true]{biblatex}\n"
        "\\addbibresource{refs.bib}\n\\usepackage{hyperref}\n"
    )
    (work / "doc.tex").write_text(
        latex_document(bib_text, packages, "\\printbibliography\n"), encoding="utf-8"
    )
    first = pdflatex(work, "doc")
    assert first.returncode == 0, latex_errors(first.output) or first.output[-2000:]
    run = run_tool([biber, "doc"], work)
    blg = (work / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, blg
    problems = [line for line in blg.splitlines() if "WARN" in line or "ERROR" in line]
    assert problems == [], blg
    for _ in range(2):
        final = pdflatex(work, "doc")
        assert final.returncode == 0, latex_errors(final.output) or final.output[-2000:]
    log = (work / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert not latex_errors(log)
    assert "Please rerun LaTeX" not in log and "undefined references" not in log
    bbl = (work / "doc.bbl").read_text(encoding="utf-8")
    return re.findall(r"\\entry\{(\w+)\}", bbl)
