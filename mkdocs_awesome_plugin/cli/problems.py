"""How the CLI prints problems and names paths: the one place for every command."""

from __future__ import annotations

import os
import sys

from ..catalog.problems import Problem, format_problem


def display_path(path: str | os.PathLike) -> str:
    """A path as the problems name it: relative to the working folder, with `/`."""
    try:
        return os.path.normpath(os.path.relpath(os.path.abspath(path))).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return os.path.normpath(os.path.abspath(path)).replace(os.sep, "/")


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """`problems` in file order: by path, line and column."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.col))


def problem_record(problem: Problem) -> dict:
    """One problem as a JSON object (`lint --format json`)."""
    return format_problem(problem, "json")


def print_problems(problems: list[Problem], *, fmt: str = "text", file=None) -> None:
    """Print `problems` one a line, in the order given (standard error unless `file`)."""
    for p in problems:
        print(format_problem(p, fmt), file=file or sys.stderr)
