"""An entry's own `bibtex:` text: parsed and checked once, when the entry is loaded.

The text is input like any other field, so its check lives here, beside the other field checks;
the BibTeX export only re-serializes the parsed result (`BibtexOverride`) under the entry's key.
It is parsed with bibtexparser v2, the library the export writes with.

What is accepted (the export's module docstring says why): any citation key, since it is replaced
by the catalogue key; exactly one entry, with no `@string`, `@preamble`, comments or text outside
the entry; balanced braces and `$`; no TeX primitives that reach beyond one bibliography item.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import bibtexparser
from bibtexparser import model as bib
from bibtexparser.middlewares import RemoveEnclosingMiddleware

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# TeX commands that reach beyond one bibliography item: file and shell access, definitions,
# conditionals and group/document structure (an unmatched \iffalse swallows the rest of the
# bibliography; \end{document} stops it). Formatting and accent commands stay allowed.
_FORBIDDEN_CS = re.compile(
    r"\\(input|include|includeonly|InputIfFileExists|openin|openout|read|readline|write|"
    r"immediate|special|directlua|latelua|luaexec|ShellEscape|"
    r"def|edef|gdef|xdef|let|futurelet|newcommand|renewcommand|providecommand|"
    r"DeclareRobustCommand|newenvironment|renewenvironment|catcode|uccode|lccode|mathcode|"
    r"csname|endcsname|expandafter|noexpand|afterassignment|aftergroup|everypar|everymath|"
    r"makeatletter|makeatother|usepackage|RequirePackage|documentclass|"
    r"if[A-Za-z]*|fi|else|or|unless|loop|repeat|"
    r"begin|end|endinput|stop|bye|dump|batchmode|errorstopmode|nonstopmode|scrollmode|"
    r"verb|begingroup|endgroup|bgroup|egroup|outer|long|global|jobname|"
    r"nocite|cite|bibliography|bibliographystyle|addbibresource|printbibliography)"
    r"(?![A-Za-z@])"
)
_FIELD_KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]*$")
_TYPE_RE = re.compile(r"^[A-Za-z]+$")
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")


@dataclass(frozen=True)
class BibtexOverride:
    """A checked override, ready to write: the entry type (lowercase) and its fields in order.

    Each field is `(name, value, enclosing)`: `enclosing` is `"{"` for a braced value, or
    `"no-enclosing"` for a bare number or month macro (kept bare, lowercased).
    """

    entry_type: str
    fields: tuple[tuple[str, str, str], ...]


def _brace_problem(value: str) -> str | None:
    """Why the braces of `value` would confuse BibTeX, which counts every brace, even `\\{`."""
    depth = 0
    for ch in value:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return "has a '}' without a matching '{'"
    return None if depth == 0 else "has a '{' that is never closed"


def _math_problem(value: str) -> str | None:
    """Why the `$` signs of `value` would leave math mode open across bibliography items."""
    unescaped = len(re.findall(r"(?<!\\)\$", value))
    return "has an odd number of '$' (math mode would stay open)" if unescaped % 2 else None


def _one_line(text: str) -> str:
    return _BREAKS.sub(" ", text).strip()


def parse_bibtex_override(text: str) -> tuple[BibtexOverride | None, str | None]:
    """The override's single entry, checked; or a one-line reason it cannot be used."""
    # bibtexparser logs its own complaints; we report one clear message instead
    parser_log = logging.getLogger("bibtexparser")
    level = parser_log.level
    parser_log.setLevel(logging.CRITICAL)
    try:
        library = bibtexparser.parse_string(text, parse_stack=[RemoveEnclosingMiddleware()])
    except Exception as exc:  # the splitter raises on some malformed input
        return None, f"cannot be parsed ({_one_line(str(exc)) or type(exc).__name__})"
    finally:
        parser_log.setLevel(level)
    if library.failed_blocks:
        failed = library.failed_blocks[0]
        reason = _one_line(str(failed.error or "")) or "unbalanced braces or a missing field value"
        return None, f"cannot be parsed ({reason})"
    if library.strings:
        return None, "@string definitions are not allowed; write the values out"
    if library.preambles:
        return None, "@preamble is not allowed"
    stray = [c for c in library.comments
             if isinstance(c, bib.ExplicitComment) or c.comment.strip()]
    if stray:
        return None, "only one @entry is allowed, without comments or other text"
    if len(library.entries) != 1:
        return None, f"must hold exactly one entry, found {len(library.entries)}"
    block = library.entries[0]
    if not _TYPE_RE.match(block.entry_type):
        return None, f"{block.entry_type!r} is not an entry type"
    if block.entry_type.lower() in ("string", "preamble", "comment"):
        return None, f"@{block.entry_type} is not allowed"
    if not block.fields:
        return None, "the entry has no fields"
    fields: list[tuple[str, str, str]] = []
    for field in block.fields:
        where = f"field {field.key!r}"
        if not _FIELD_KEY_RE.match(field.key):
            return None, f"{field.key!r} is not a field name"
        value = field.value
        bare = field.enclosing == "no-enclosing"
        if bare and not value.isdigit():
            if not (field.key.lower() == "month" and value.lower() in MONTH_MACROS):
                return None, f"{where} uses the macro or concatenation {value!r}; write it in braces"
        problem = _brace_problem(value) or _math_problem(value)
        if problem:
            return None, f"{where} {problem}"
        forbidden = _FORBIDDEN_CS.search(value)
        if forbidden:
            return None, f"{where} uses {forbidden.group(0)}, which is not allowed"
        # keep macros and bare numbers as they were; everything else goes in braces
        fields.append((field.key, value.lower(), "no-enclosing") if bare else (field.key, value, "{"))
    return BibtexOverride(block.entry_type.lower(), tuple(fields)), None
