"""`mkdocs-awesome lint`, `new` and `import` as contributors run them: real subprocesses.

Expected output is written by hand from the fixtures (`fixtures/minimal`, `fixtures/cli/planted`).
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mkdocs_awesome_plugin.fileio import write_atomic
from mkdocs_awesome_plugin.schema import schema_reference

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "mkdocs_awesome_plugin.cli"]
SCHEMA_COPY = "../entry.schema.json"  # outside this repository: a copy beside papers/


def run(*args: str, cwd: Path, env: dict | None = None, stdin: str | None = None):
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run(
        [*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=environment,
        input=stdin if stdin is not None else "",
    )


@pytest.fixture
def project(tmp_path) -> Path:
    """A folder holding `entries/` copied from the minimal fixture."""
    shutil.copytree(FIXTURES / "minimal", tmp_path / "entries")
    return tmp_path


@pytest.fixture
def planted(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "cli" / "planted", tmp_path / "entries")
    return tmp_path


# --------------------------------------------------------------------------------------------
# lint


def test_lint_clean_entries_exit_zero(project):
    proc = run("lint", cwd=project)
    assert proc.returncode == 0
    assert proc.stdout == ""
    assert proc.stderr.strip() == "3 valid entries, 0 errors, 0 warnings"


def test_lint_github_format_is_the_default_on_github_actions(planted):
    proc = run("lint", cwd=planted, env={"GITHUB_ACTIONS": "true"})
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert (
        "::error file=entries/papers/vale2024nu.yaml,line=9,col=1,title=mkdocs-awesome lint::"
        "supersedes[0]: no entry has the key 'lee2024alphaa'; did you mean 'lee2024alpha'?"
    ) in lines
    assert (
        "::warning file=entries/papers/anon2024lambda.yaml,line=2,col=1,title=mkdocs-awesome lint::"
        "authors: the author list is empty"
    ) in lines
    assert (
        "::notice file=entries/papers/mykey2024mu.yaml,line=1,col=1,title=mkdocs-awesome lint::"
        "key: key 'mykey2024mu' does not start with 'vale2024' (first author's family name and "
        "year); fine for a published entry, whose key never changes"
    ) in lines
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_lint_only_warnings_exit_zero(project):
    (project / "entries" / "papers" / "ravi2024sam.yaml").write_text(
        "title: A Paper\nauthors: []\ndate: '2024-08'\ncategories: [video]\ntags: [video]\n"
        "links:\n  paper: https://example.org/p\n",
        encoding="utf-8",
    )
    proc = run("lint", "--format", "json", cwd=project)
    assert proc.returncode == 0
    report = json.loads(proc.stdout)
    assert report["errors"] == 0 and report["warnings"] == 1
    assert [(p["path"], p["line"], p["field"]) for p in report["problems"]] == [
        ("entries/papers/ravi2024sam.yaml", 2, "authors"),
    ]


def test_lint_a_key_off_the_scheme_is_only_a_note(project):
    papers = project / "entries" / "papers"
    (papers / "ravi2024sam.yaml").rename(papers / "sam2.yaml")
    proc = run("lint", cwd=project)
    assert proc.returncode == 0
    assert proc.stdout == (
        "entries/papers/sam2.yaml:1:1: note: key: key 'sam2' does not start with 'ravi2024' "
        "(first author's family name and year); fine for a published entry, whose key never "
        "changes\n"
    )
    assert proc.stderr.strip() == "3 valid entries, 0 errors, 0 warnings, 1 notes"
    github = run("lint", "--format", "github", cwd=project)
    assert github.stdout.startswith("::notice file=entries/papers/sam2.yaml,line=1,col=1,")


def test_lint_paths_limit_the_report(planted):
    proc = run("lint", "entries/papers/uno2024kappa.yaml", cwd=planted)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "entries/papers/uno2024kappa.yaml:4:1: error: categories[0]: unknown category 'vdeo'; "
        "did you mean 'video'?",
        "entries/papers/uno2024kappa.yaml:5:1: error: tags[1]: unknown tag 'vidoe'; "
        "did you mean 'video'?",
    ]
    proc = run("lint", "entries/papers/wong2025xi.yaml", cwd=planted)
    assert proc.returncode == 0 and proc.stdout == ""


def test_lint_path_keeps_a_pair_problem_reported_on_the_other_file(planted):
    # the duplicate is reported on park2024beta.yaml, naming kim2024gamma.yaml: a hook given
    # only kim2024gamma.yaml must still show it
    proc = run("lint", "entries/papers/kim2024gamma.yaml", cwd=planted)
    assert proc.returncode == 1
    (line,) = proc.stdout.splitlines()
    assert line.startswith("entries/papers/park2024beta.yaml:8:1: error: links.paper:")


def test_lint_an_entries_folder_given_as_path(planted, tmp_path):
    proc = run("lint", str(planted / "entries"), "--format", "json", cwd=tmp_path.parent)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["errors"] == 7


def test_lint_missing_path(project):
    proc = run("lint", "entries/papers/nope.yaml", cwd=project)
    assert proc.returncode == 1
    assert proc.stdout.strip() == "entries/papers/nope.yaml:1:1: error: no such file or folder"


# --------------------------------------------------------------------------------------------
# new

NEW_ARGS = (
    "new", "--arxiv", "2410.04960", "--title", "On Efficient Variants of Segment Anything Model: A Survey",
    "--author", "Xiaorui Sun", "--author", "Jun Liu", "--author", "Heng Tao Shen",
    "--category", "image", "--tag", "zero-shot", "--venue", "IJCV", "--venue-type", "journal",
)


def test_new_writes_a_valid_entry_and_lint_passes(project):
    proc = run(*NEW_ARGS, cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "entries/papers/sun2024efficient.yaml\n"
    text = (project / "entries" / "papers" / "sun2024efficient.yaml").read_text(encoding="utf-8")
    assert text == (
        f"# yaml-language-server: $schema={SCHEMA_COPY}\n"
        "title: 'On Efficient Variants of Segment Anything Model: A Survey'\n"
        "authors:\n- Xiaorui Sun\n- Jun Liu\n- Heng Tao Shen\n"
        "date: '2024-10'\n"
        "venue: IJCV\n"
        "venue_type: journal\n"
        "arxiv: '2410.04960'\n"
        "categories:\n- image\n"
        "tags:\n- zero-shot\n"
        "links:\n  paper: https://arxiv.org/abs/2410.04960\n"
    )
    lint = run("lint", cwd=project)
    assert lint.returncode == 0
    assert lint.stderr.strip() == "4 valid entries, 0 errors, 0 warnings"


def test_new_picks_the_next_key_and_never_overwrites(project):
    first = run(*NEW_ARGS, cwd=project)
    assert first.returncode == 0
    # the same first author, year and first word: the next title word is added
    second = run(
        "new", "--arxiv", "2410.99999", "--title", "Efficient Tracking with SAM 2",
        "--author", "Xiaorui Sun", "--category", "video", "--tag", "video", cwd=project,
    )
    assert second.stdout == "entries/papers/sun2024efficienttracking.yaml\n"
    # the same paper again: refused before anything is written
    again = run(*NEW_ARGS, cwd=project)
    assert again.returncode == 1
    assert "arxiv: arXiv id 2410.04960 is also used by entries/papers/sun2024efficient.yaml:" in again.stderr
    assert sorted(p.name for p in (project / "entries" / "papers").iterdir()) == [
        "kirillov2023segment.yaml", "ravi2024sam.yaml", "sun2024efficient.yaml",
        "sun2024efficienttracking.yaml", "zhu2024medical.yaml",
    ]


def test_new_paper_link_without_arxiv_and_all_links(project):
    proc = run(
        "new", "--title", "Leaf <Counting> | with SAM", "--author", "Ann Lee",
        "--date", "2025-01-15", "--paper", "https://doi.org/10.1000/leaf",
        "--doi", "10.1000/leaf", "--code", "https://github.com/lee/leaf",
        "--project", "https://lee.example.org/leaf", "--category", "image", "--category", "medical",
        "--tag", "medical", "--summary", "Counts leaves.", "--schema", "https://example.org/s.json",
        cwd=project,
    )
    assert proc.returncode == 0, proc.stderr
    text = (project / "entries" / "papers" / "lee2025leaf.yaml").read_text(encoding="utf-8")
    assert text == (
        "# yaml-language-server: $schema=https://example.org/s.json\n"
        "title: Leaf <Counting> | with SAM\n"
        "authors:\n- Ann Lee\n"
        "date: '2025-01-15'\n"
        "doi: 10.1000/leaf\n"
        "categories:\n- image\n- medical\n"
        "tags:\n- medical\n"
        "links:\n  paper: https://doi.org/10.1000/leaf\n  code: https://github.com/lee/leaf\n"
        "  project: https://lee.example.org/leaf\n"
        "summary: Counts leaves.\n"
    )
    assert run("lint", cwd=project).returncode == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (("--title", "X", "--category", "image", "--tag", "video"),
         "missing --date (or --arxiv), --paper (or --arxiv)"),
        (("--arxiv", "2408.1", "--title", "X", "--category", "image", "--tag", "video"),
         "--arxiv: '2408.1' is not an arXiv id such as 2408.00714"),
        (("--arxiv", "2408.11111", "--title", "X", "--category", "imag", "--tag", "video"),
         "--category: unknown category 'imag'; did you mean 'image'?"),
        (("--arxiv", "2408.11111", "--title", "X", "--category", "image", "--tag", "video",
          "--code", "javascript:alert(1)"),
         "--code: 'javascript:alert(1)' is not an http(s) URL"),
        (("--arxiv", "2408.11111", "--title", "X", "--category", "image", "--tag", "video",
          "--date", "2024-13"),
         "--date: '2024-13' has no month 13"),
    ],
)
def test_new_bad_flags_write_nothing(project, args, message):
    proc = run("new", *args, cwd=project)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert len(list((project / "entries" / "papers").iterdir())) == 3


def test_new_without_flags_off_a_terminal_asks_for_flags(project):
    proc = run("new", cwd=project)
    assert proc.returncode == 2
    assert "give the paper's fields as options" in proc.stderr


def test_new_warns_but_writes_when_only_warnings(project):
    proc = run(
        "new", "--arxiv", "2408.00874", "--title", "Medical SAM 2: Segment Medical Images As Videos!",
        "--category", "medical", "--tag", "medical", "--paper", "https://example.org/other",
        cwd=project,
    )
    # same arXiv id as zhu2024medical: an error, nothing written
    assert proc.returncode == 1
    proc = run(
        "new", "--paper", "https://example.org/other", "--date", "2024-09",
        "--title", "Medical SAM 2: Segment Medical Images As Videos!",
        "--category", "medical", "--tag", "medical", cwd=project,
    )
    assert proc.returncode == 0
    assert proc.stdout == "entries/papers/anon2024medical.yaml\n"
    assert "entries/papers/anon2024medical.yaml:3:1: warning: authors: the author list is empty" in proc.stderr
    assert "entries/papers/anon2024medical.yaml:2:1: warning: title: nearly the same title" in proc.stderr


def _converse(cmd: list[str], cwd: Path, answers: list[tuple[str, str]], timeout: float = 30):
    """Run `cmd` on a pseudo-terminal; for each (prompt, answer) wait for the prompt, then type."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""

    def read_until(token: bytes) -> bool:
        nonlocal seen
        end = time.monotonic() + timeout
        while token not in seen and time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    return token in seen
                if not chunk:
                    break
                seen += chunk
        return token in seen

    transcript = b""
    try:
        for prompt, answer in answers:
            assert read_until(prompt.encode()), f"no prompt {prompt!r} in:\n{(transcript + seen).decode()}"
            cut = seen.index(prompt.encode()) + len(prompt)
            transcript += seen[:cut]
            seen = seen[cut:]
            os.write(master, answer.encode() + b"\n")
        proc.wait(timeout=timeout)
        read_until(b"\x00never")  # drain what is left
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return proc.returncode, (transcript + seen).decode(errors="replace")


def test_new_on_a_terminal_asks_field_by_field_and_re_asks(project):
    code, out = _converse(
        [*CLI, "new"], project,
        [
            ("arXiv id (optional, Enter to skip): ", "2409.1"),
            ("arXiv id (optional, Enter to skip): ", "2409.09484"),
            ("Title: ", ""),
            ("Title: ", "Self-Prompting Polyp Segmentation in Colonoscopy"),
            ("Author 1 (Enter when done): ", "Mobina Mansoori"),
            ("Author 2 (Enter when done): ", "Mobina Mansoori"),
            ("Author 2 (Enter when done): ", "Sajjad Shahabodini"),
            ("Author 3 (Enter when done): ", ""),
            ("(YYYY-MM or YYYY-MM-DD) [2024-09]: ", "2024-9"),
            ("(YYYY-MM or YYYY-MM-DD) [2024-09]: ", ""),
            ("Paper link [https://arxiv.org/abs/2409.09484]: ", ""),
            ("Code link (optional, Enter to skip): ", "ftp://x"),
            ("Code link (optional, Enter to skip): ", "https://github.com/sajjad-sh33/YOLO_SAM2"),
            ("Categories (separated by spaces): ", "medicl"),
            ("Categories (separated by spaces): ", "medical"),
            ("Tags (separated by spaces): ", "medical video"),
            ("Venue, e.g. CVPR 2025 (optional, Enter to skip): ", "ICASSP 2025"),
            ("(conference, workshop, journal, preprint, other) (optional, Enter to skip): ", "conf"),
            ("(conference, workshop, journal, preprint, other) (optional, Enter to skip): ",
             "conference"),
        ],
    )
    assert code == 0, out
    assert "'2409.1' is not an arXiv id such as 2408.00714" in out
    assert "an answer is needed" in out
    assert "'Mobina Mansoori' is listed already" in out
    assert "'2024-9' is not a date of the form YYYY-MM or YYYY-MM-DD" in out
    assert "'ftp://x' is not an http(s) URL" in out
    assert "unknown category 'medicl'; did you mean 'medical'?" in out
    assert "'conf' is not one of conference, workshop, journal, preprint, other" in out
    assert "entries/papers/mansoori2024self.yaml" in out
    text = (project / "entries" / "papers" / "mansoori2024self.yaml").read_text(encoding="utf-8")
    assert text == (
        f"# yaml-language-server: $schema={SCHEMA_COPY}\n"
        "title: Self-Prompting Polyp Segmentation in Colonoscopy\n"
        "authors:\n- Mobina Mansoori\n- Sajjad Shahabodini\n"
        "date: '2024-09'\n"
        "venue: ICASSP 2025\n"
        "venue_type: conference\n"
        "arxiv: '2409.09484'\n"
        "categories:\n- medical\n"
        "tags:\n- medical\n- video\n"
        "links:\n  paper: https://arxiv.org/abs/2409.09484\n"
        "  code: https://github.com/sajjad-sh33/YOLO_SAM2\n"
    )
    assert run("lint", cwd=project).returncode == 0


def test_new_on_a_terminal_asks_only_for_missing_required_fields(project):
    code, out = _converse(
        [*CLI, "new", "--arxiv", "2410.11111", "--title", "Only Tags Missing",
         "--author", "Ann Lee", "--category", "image"],
        project,
        [("Tags (separated by spaces): ", "zero-shot")],
    )
    assert code == 0, out
    assert "Title:" not in out and "Venue" not in out
    assert (project / "entries" / "papers" / "lee2024only.yaml").is_file()


def test_schema_line_is_repo_relative_in_this_repository(tmp_path):
    assert schema_reference(REPO / "entries" / "papers") == (
        "../../mkdocs_awesome_plugin/schema/entry.schema.json"
    )
    assert schema_reference(REPO / "tests" / "fixtures" / "minimal" / "papers") == (
        "../../../../mkdocs_awesome_plugin/schema/entry.schema.json"
    )
    # elsewhere: a copy of the schema beside the papers folder, so every clone has it
    assert schema_reference(tmp_path / "papers") == "../entry.schema.json"
    copied = json.loads((tmp_path / "entry.schema.json").read_text(encoding="utf-8"))
    assert copied["title"] == "Awesome-list paper entry"
    assert copied["required"] == ["title", "authors", "date", "categories", "tags", "links"]


def test_import_writes_the_schema_line(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "# List\n\n## Things\n\n| Release | Title | Code |\n| :--- | :--- | :---: |\n"
        "| 2024.08 | [SAM 2](https://arxiv.org/abs/2408.00714) | NA |\n",
        encoding="utf-8",
    )
    proc = run("import", "README.md", "--entries", "entries", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    (entry,) = (tmp_path / "entries" / "papers").iterdir()
    first = entry.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../entry.schema.json"
    assert (tmp_path / "entries" / "entry.schema.json").is_file()


# --------------------------------------------------------------------------------------------
# atomic writes


def test_write_atomic_never_clobbers(tmp_path):
    target = tmp_path / "a.yaml"
    assert write_atomic(target, "one\n", overwrite=False)
    assert not write_atomic(target, "two\n", overwrite=False)
    assert target.read_text() == "one\n"
    assert write_atomic(target, "three\n", overwrite=True)
    assert target.read_text() == "three\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]  # no temporary files left
