"""Problems found in the input: one severity type, one problem type, one way to print them.

`lint`, `new`, the build log and the GitHub annotations all print problems through
`format_problem`, so a problem reads the same wherever it appears.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """How much a problem matters.

    An error is certain and leaves the entry out of the site; a warning is a likely mistake that
    can also be right and never fails a build; a note asks for nothing (logged at info level).
    A `str` enum, so that `problem.severity == "error"` keeps working for callers and JSON.
    """

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    def __str__(self) -> str:
        return self.value


ERROR = Severity.ERROR
WARNING = Severity.WARNING
NOTE = Severity.NOTE


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, reported like a compiler diagnostic."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = ERROR
    col: int = 1

    def __post_init__(self) -> None:
        # callers may pass the plain string ("warning"); keep one type inside
        if not isinstance(self.severity, Severity):
            object.__setattr__(self, "severity", Severity(self.severity))

    def __str__(self) -> str:
        return format_problem(self, "log")


STYLES = ("text", "log", "github", "json")
_GITHUB_LEVEL = {ERROR: "error", WARNING: "warning", NOTE: "notice"}


def format_problem(problem: Problem, style: str = "text") -> str | dict:
    """`problem` printed in one of `STYLES`.

    - `text`: `path:line:col: severity: field: message`, as `lint` prints it;
    - `log`: `path:line: field: message`, for the build log, whose level already says the
      severity (errors are MkDocs warnings so that `--strict` fails; the rest is info);
    - `github`: a workflow annotation (`::error file=…,line=…,col=…,title=…::field: message`);
    - `json`: a dict with path, line, col, severity, field and message (not a string).
    """
    field = f" {problem.field}:" if problem.field else ""
    if style == "text":
        return (
            f"{problem.path}:{problem.line}:{problem.col}: {problem.severity.value}:{field} "
            f"{problem.message}"
        )
    if style == "log":
        return f"{problem.path}:{problem.line}:{field} {problem.message}"
    if style == "github":
        message = f"{problem.field}: {problem.message}" if problem.field else problem.message
        # workflow commands need %, CR and LF escaped in the message, and also , and : in values
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = problem.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return (
            f"::{_GITHUB_LEVEL[problem.severity]} file={path},line={problem.line},"
            f"col={problem.col},title=mkdocs-awesome lint::{message}"
        )
    if style == "json":
        return {
            "path": problem.path, "line": problem.line, "col": problem.col,
            "severity": problem.severity.value, "field": problem.field,
            "message": problem.message,
        }
    raise ValueError(f"unknown problem style {style!r}; known: {', '.join(STYLES)}")


class ProblemCollector:
    """Collects the problems of one file."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def add(self, line: int, field: str, message: str, severity: Severity = ERROR,
            col: int = 1) -> None:
        self.problems.append(Problem(self.path, line, field, message, severity, col))

    def error(self, line: int, field: str, message: str, col: int = 1) -> None:
        self.add(line, field, message, ERROR, col)

    def warning(self, line: int, field: str, message: str, col: int = 1) -> None:
        self.add(line, field, message, WARNING, col)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)
