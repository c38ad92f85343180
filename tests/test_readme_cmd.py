"""`mkdocs-awesome readme`: the list in README.md between two markers, regenerated from entries.

The fixture `fixtures/cli/readme/` holds a README with stale content between the markers and
entries chosen to try to break the table: a title full of Markdown and HTML, links with
parentheses, pipes and quotes, a category without papers. The expected README is written by hand.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "cli" / "readme"
CLI = [sys.executable, "-m", "mkdocs_awesome_plugin.cli"]

EXPECTED = r"""# A list

Some intro text.

## Papers

<!-- awesome:readme:start -->

<!-- Generated from entries/ by `mkdocs-awesome readme`; edit the entries, not this list. -->

### Segmentation & Tracking

| Release | Title | Code |
| :--- | :--- | :---: |
| 2024.08 | [SAM 2: Segment Anything in Images and Videos](https://arxiv.org/abs/2408.00714) | [Code](https://github.com/facebookresearch/sam2) |

#### Video \*Objects\*

| Release | Title | Code |
| :--- | :--- | :---: |
| 2024.08 | [SAM 2: Segment Anything in Images and Videos](https://arxiv.org/abs/2408.00714) | [Code](https://github.com/facebookresearch/sam2) |
| 2024.09 | [Pipes \| and \[a link\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; \`code\` \*bold\* \_it\_ \\ \~del\~ \$x\$ &amp;amp;](https://en.wikipedia.org/wiki/Segmentation_%28image%29) | [Code](https://example.org/a%7Cb%3Cc%3E%22d%60e) |

### Medical

| Release | Title | Code |
| :--- | :--- | :---: |
| 2023.12 | [An Older Medical Paper](https://example.org/older) | [Code](https://gitlab.com/aaa/older) |
| 2024.08 | [Medical SAM 2: Segment Medical Images As Video](https://arxiv.org/abs/2408.00874) | NA |

<!-- awesome:readme:end -->

## License

CC0
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, "readme", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
    )


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "list")
    return tmp_path / "list"


def test_readme_regenerates_then_check_passes(project):
    assert run("--check", cwd=project).returncode == 1  # the fixture starts stale
    proc = run(cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "README.md: updated (4 papers)\n"
    assert (project / "README.md").read_text(encoding="utf-8") == EXPECTED
    check = run("--check", cwd=project)
    assert check.returncode == 0
    assert check.stdout == "README.md: up to date (4 papers)\n"
    # idempotent: a second run changes nothing, not even the file's time
    before = (project / "README.md").stat().st_mtime_ns
    assert run(cwd=project).returncode == 0
    assert (project / "README.md").stat().st_mtime_ns == before


def test_check_fails_after_an_entry_is_edited(project):
    assert run(cwd=project).returncode == 0
    entry = project / "entries" / "papers" / "zhu2024medical.yaml"
    entry.write_text(entry.read_text().replace("As Video", "As Videos"), encoding="utf-8")
    proc = run("--check", cwd=project)
    assert proc.returncode == 1
    assert "README.md: out of date; run `mkdocs-awesome readme`" in proc.stderr
    assert "+| 2024.08 | [Medical SAM 2: Segment Medical Images As Videos]" in proc.stderr
    # --check never writes
    assert (project / "README.md").read_text(encoding="utf-8") == EXPECTED
    assert run(cwd=project).returncode == 0
    assert run("--check", cwd=project).returncode == 0


def test_nothing_in_an_entry_breaks_the_table_or_injects_html(project):
    assert run(cwd=project).returncode == 0
    html = markdown.markdown(
        (project / "README.md").read_text(encoding="utf-8"), extensions=["tables"]
    )
    assert "<img" not in html and "<script" not in html
    assert 'href="javascript:' not in html
    rows = [r for r in html.split("<tr>")[1:]]
    assert all(r.count("<td") in (0, 3) for r in rows)  # header rows have <th>
    # (Python-Markdown leaves `\~` and `\$` as written; GitHub, like CommonMark, unescapes them)
    assert (
        '<a href="https://en.wikipedia.org/wiki/Segmentation_%28image%29">Pipes | and '
        "[a link](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; `code` *bold* _it_ \\ "
    ) in html


def test_crlf_readme_keeps_its_line_endings(project):
    readme = project / "README.md"
    readme.write_bytes(readme.read_bytes().replace(b"\n", b"\r\n"))
    assert run(cwd=project).returncode == 0
    data = readme.read_bytes()
    assert data == EXPECTED.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize(
    "text, message",
    [
        ("# List\n", "README.md: no line <!-- awesome:readme:start -->"),
        ("<!-- awesome:readme:start -->\n", "README.md: no line <!-- awesome:readme:end -->"),
        ("<!-- awesome:readme:end -->\n<!-- awesome:readme:start -->\n",
         "README.md:1: <!-- awesome:readme:end --> comes before <!-- awesome:readme:start -->"),
        ("<!-- awesome:readme:start -->\n<!-- awesome:readme:end -->\n<!-- awesome:readme:start -->\n",
         "README.md:3: <!-- awesome:readme:start --> appears a second time"),
    ],
)
def test_bad_markers_are_usage_errors(project, text, message):
    (project / "README.md").write_text(text, encoding="utf-8")
    proc = run(cwd=project)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith(message)
    assert (project / "README.md").read_text(encoding="utf-8") == text


def test_entries_with_errors_block_the_readme(project):
    (project / "entries" / "papers" / "bad2024x.yaml").write_text("title: [\n", encoding="utf-8")
    proc = run(cwd=project)
    assert proc.returncode == 1
    assert "entries/papers/bad2024x.yaml:2:1: error: YAML syntax error" in proc.stderr
    assert "README.md: not generated" in proc.stderr
    assert (project / "README.md").read_text(encoding="utf-8") == (FIXTURE / "README.md").read_text()
