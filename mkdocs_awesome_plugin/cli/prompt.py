"""`new`'s answer checks and its terminal prompter.

A check takes the raw text of a flag or an answer and returns the value to write, or raises
`BadAnswer` saying why the text is not acceptable. The same checks serve the flags (a bad flag is
a usage error) and the questions (a bad answer is asked again).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from ..catalog.identity import arxiv_id_anywhere, normalize_doi
from ..catalog.links import http_url_problem
from ..catalog.model import VENUE_TYPES
from ..catalog.suggest import did_you_mean
from ..catalog.validators import parse_date, text_problem


class BadAnswer(Exception):
    """An answer that is not acceptable; the message says why."""


def one_line(limit: int) -> Callable[[str], str]:
    """A check for one line of text of at most `limit` characters."""
    def check(raw: str) -> str:
        problem = text_problem(raw, limit=limit)
        if problem:
            raise BadAnswer(problem)
        return raw.strip()

    return check


def check_date(raw: str) -> str:
    """`YYYY-MM` or `YYYY-MM-DD`."""
    date, problem = parse_date(raw)
    if problem:
        raise BadAnswer(problem)
    return date.iso


def check_url(raw: str) -> str:
    """An http(s) link an entry may hold."""
    problem = http_url_problem(raw)
    if problem:
        raise BadAnswer(problem)
    return raw


def normalised_by(normalize: Callable[[str], str | None], example: str) -> Callable[[str], str]:
    """A check that keeps what `normalize` makes of the answer; None from it means the answer
    is not `example`."""
    def check(raw: str) -> str:
        value = normalize(raw)
        if value is None:
            raise BadAnswer(f"{raw!r} is not {example}")
        return value

    return check


# an arXiv id, or a pasted arxiv.org link
check_arxiv = normalised_by(arxiv_id_anywhere, "an arXiv id such as 2408.00714")
# a DOI, bare or as a doi.org link
check_doi = normalised_by(normalize_doi, "a DOI such as 10.1000/xyz123")


def check_venue_type(raw: str) -> str:
    """One of `VENUE_TYPES`."""
    if raw not in VENUE_TYPES:
        raise BadAnswer(f"{raw!r} is not one of {', '.join(VENUE_TYPES)}{did_you_mean(raw, VENUE_TYPES)}")
    return raw


def check_words(choices, what: str) -> Callable[[str], list[str]]:
    """A check for one or more of `choices`, separated by spaces or commas, none twice."""
    def check(raw: str) -> list[str]:
        items = [w for w in raw.replace(",", " ").split() if w]
        if not items:
            raise BadAnswer(f"give at least one {what}")
        for item in items:
            if item not in choices:
                raise BadAnswer(f"unknown {what} {item!r}{did_you_mean(item, choices)}")
        if len(set(items)) != len(items):
            raise BadAnswer(f"a {what} is listed twice")
        return items

    return check


class Prompter:
    """Asks for one field at a time on the terminal, re-asking until the answer is valid."""

    def __init__(self, out=sys.stderr):
        self.out = out

    def ask(self, label: str, check: Callable[[str], object], *, default: str | None = None,
            optional: bool = False, hint: str | None = None):
        """The checked answer; `default` on Enter, None on Enter when `optional`.

        Raises EOFError when standard input ends."""
        if hint is None:
            hint = f" [{default}]" if default else (" (optional, Enter to skip)" if optional else "")
        while True:
            self.out.write(f"{label}{hint}: ")
            self.out.flush()
            line = sys.stdin.readline()
            if not line:
                raise EOFError
            raw = line.strip()
            if not raw and default:
                raw = default
            if not raw:
                if optional:
                    return None
                print("  an answer is needed", file=self.out)
                continue
            try:
                return check(raw)
            except BadAnswer as exc:
                print(f"  {exc}", file=self.out)

    def ask_list(self, label: str, check: Callable[[str], str]) -> list[str]:
        """Answers asked one by one (`Author 1`, `Author 2`, ...) until an empty one."""
        items: list[str] = []
        while True:
            answer = self.ask(f"{label} {len(items) + 1}", check, optional=True,
                              hint=" (Enter when done)")
            if answer is None:
                return items
            if answer in items:
                print(f"  {answer!r} is listed already", file=self.out)
                continue
            items.append(answer)
