"""How the CLI prints problems and names paths: the one place for every command."""

from __future__ import annotations

import os
import sys

from ..catalog.model import Problem


def display_path(path: str | os.PathLike) -> str:
    """A path as the problems name it: relative to the working folder, with `/`."""
    try:
        return os.path.normpath(os.path.relpath(os.path.abspath(path))).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return os.path.normpath(os.path.abspath(path)).replace(os.sep, "/")


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """`problems` in file order: by path, line and column."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.col))


def format_problem(problem: Problem, fmt: str) -> str:
    """One problem as `path:line:col: error|warning|note: field: message`, or a GitHub
    annotation (`::error`, `::warning`, `::notice`)."""
    if fmt == "github":
        level = {"error": "error", "warning": "warning"}.get(problem.severity, "notice")
        message = f"{problem.field}: {problem.message}" if problem.field else problem.message
        # workflow commands need %, CR and LF escaped in the message, and also , and : in values
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = problem.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return (
            f"::{level} file={path},line={problem.line},col={problem.col},"
            f"title=mkdocs-awesome lint::{message}"
        )
    field = f" {problem.field}:" if problem.field else ""
    return f"{problem.path}:{problem.line}:{problem.col}: {problem.severity}:{field} {problem.message}"


def problem_record(problem: Problem) -> dict:
    """One problem as a JSON object (`lint --format json`)."""
    return {"path": problem.path, "line": problem.line, "col": problem.col,
            "severity": problem.severity, "field": problem.field, "message": problem.message}


def print_problems(problems: list[Problem], *, fmt: str = "text", file=None) -> None:
    """Print `problems` one a line, in the order given (standard error unless `file`)."""
    for p in problems:
        print(format_problem(p, fmt), file=file or sys.stderr)
