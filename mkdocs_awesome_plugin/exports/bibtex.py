"""BibTeX export of catalogue entries, built and written with bibtexparser v2.

Choices, each checked against real `bibtex` (plain, plainnat) and `biber` (biblatex) runs in
`tests/test_exports_bibtex.py`:

- Entry types: `@inproceedings` + `booktitle` for conferences and workshops, `@article` +
  `journal` for journals, otherwise `@misc` (with `howpublished` = venue when there is one).
  A paper on arXiv also gets `eprint` + `archivePrefix = {arXiv}`, and `primaryClass` when
  the entry records its primary category (`arxiv_class`).
- `year = {2024}` and `month = jul`: the month macro is predefined by every standard `.bst`
  and by biber, so plain prints "July" and biblatex gets month 7 without warnings. The day is
  not written: BibTeX has no day field and biblatex's `date` next to `year` makes biber warn.
- Text fields (title, author, booktitle, journal, howpublished) are LaTeX-escaped, so nothing
  an entry says can end a field, open math mode or inject an entry. `& % $ # _` become
  `\\& \\% \\$ \\# \\_`; `\\ { } ~ ^` become text commands, `{\\textbackslash}` etc. A bare `\\{`
  would not do: BibTeX counts every brace, escaped or not, when it looks for the end of a
  field. The surrounding braces make BibTeX treat each command as one "special character"
  when sorting and changing case. In names the same commands are written `\\textbraceright{}`
  instead, because biber takes initials from the first character of each name part and turns
  `{\\textbraceright}` into a bare `}` (see `_NAME_SPECIALS`). `@` needs nothing inside a
  braced value.
- `url`, `doi` and `eprint` are verbatim fields in biblatex and go through `\\url` in natbib
  styles, so they are written raw (escaping would corrupt the link); only braces and
  backslashes, which could unbalance the entry, are percent-encoded.
- Non-ASCII text stays UTF-8: pdflatex (utf8 inputenc, T1 fontenc) typesets accented Latin
  letters, and biber reads UTF-8 natively. CJK characters are kept as well; BibTeX and biber
  process them without complaint, but pdflatex needs a CJK package (or a Unicode engine) to
  typeset them, which is a property of the user's document, not of this file.
- Title and venue words that a style's case change would damage are brace-protected: words with a
  capital after the first letter (`{SAM}`, `{iPhone}`), and words mixing digits and letters
  (`{3D}`, `{SAM2-UNet}`).
- Authors are written "von Family, Given" (or "von Family, Jr., Given"; with no given name
  "Family, Jr., {}", as BibTeX rejects a trailing comma); a corporate name written
  `{Meta AI}` stays one brace-protected unit, and a lone word "and" inside a name is braced.
  A paper without authors gets no `author` field (BibTeX styles then warn about it, which is
  right: the validator warns too).

An entry may carry its own `bibtex:` text. It is accepted with any citation key, and the key
is rewritten to the catalogue key, because the exported file needs keys that are unique and
match the site (contributors often paste Google Scholar keys). It must be exactly one entry,
with no `@string`, `@preamble`, comments or text outside the entry, balanced braces and `$`,
and no TeX primitives that could take over the whole document; it is then re-serialized from
its parsed fields, so its own layout never reaches the output.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import bibtexparser
from bibtexparser import model as bib
from bibtexparser.middlewares import AddEnclosingMiddleware

from ..catalog.bibtex_input import MONTH_MACROS, BibtexOverride, parse_bibtex_override
from ..catalog.links import arxiv_url
from ..catalog.model import Entry
from . import one_line, split_name, venue_kind

__all__ = [
    "bibtex_override_problem",
    "catalog_to_bibtex",
    "entry_to_bibtex",
    "entry_type",
    "format_author",
    "latex_escape",
    "override_to_bibtex",
    "protect_title",
]


_LATEX_SPECIALS = {
    "\\": r"{\textbackslash}",
    "{": r"{\textbraceleft}",
    "}": r"{\textbraceright}",
    "~": r"{\textasciitilde}",
    "^": r"{\textasciicircum}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
}
# In names the text commands go unbraced with an empty group: biber builds initials from the
# first character of each name part and turns a part starting with `{\textbraceright}` into
# the initial `}`, which unbalances its .bbl; `\textbraceright{}` it skips cleanly.
# (`\textdollar` is never used: biber decodes it to a bare `$`.)
_NAME_SPECIALS = {
    **_LATEX_SPECIALS,
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}

# BibTeX keys may hold more, but catalogue keys are [a-z0-9]+; anything that could end the
# key early (comma, brace, whitespace) must never get through.
_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.\-]*$")
# punctuation peeled off a word before deciding whether it needs protecting
_LEADING = "([\"'«“‘"
_TRAILING = ")]\"'.,;:!?»”’"


def latex_escape(text: str) -> str:
    """`text` on one line with every LaTeX special character escaped for a BibTeX field."""
    return "".join(_LATEX_SPECIALS.get(ch, ch) for ch in one_line(text))


def _name_escape(text: str) -> str:
    return "".join(_NAME_SPECIALS.get(ch, ch) for ch in one_line(text))


def _needs_protection(word: str) -> bool:
    """Whether a style's case change would damage `word` (an acronym, `iPhone`, `3D`)."""
    if any(ch.isupper() for ch in word[1:]):
        return True
    has_digit = any(ch.isdigit() for ch in word)
    has_letter = any(ch.isalpha() for ch in word)
    return has_digit and has_letter


def protect_title(text: str) -> str:
    """Escape `text` and wrap case-sensitive words in braces: `SAM 2` -> `{SAM} 2`."""
    out: list[str] = []
    for word in one_line(text).split(" "):
        start, end = 0, len(word)
        while start < end and word[start] in _LEADING:
            start += 1
        while end > start and word[end - 1] in _TRAILING:
            end -= 1
        core = word[start:end]
        if core and _needs_protection(core):
            out.append(
                latex_escape(word[:start]) + "{" + latex_escape(core) + "}"
                + latex_escape(word[end:])
            )
        else:
            out.append(latex_escape(word))
    return " ".join(out)


def _name_part(text: str) -> str:
    """Escape one part of a name; a lone word "and" is braced so BibTeX does not split on it."""
    words = [_name_escape(w) for w in text.split()]
    return " ".join("{" + w + "}" if w.lower() == "and" else w for w in words)


def format_author(name: str) -> str:
    """One author as BibTeX wants it: "van der Maaten, Laurens", "{Meta AI}"."""
    parsed = split_name(name)
    if parsed.is_literal:
        return "{" + _name_escape(parsed.literal) + "}"
    family = _name_part(parsed.full_family)
    if not parsed.von and " " in parsed.family:
        # a multi-word family without particles ("Garcia Marquez, Gabriel") stays one unit, so
        # BibTeX cannot mistake a lower-case word in it ("Oliveira e Silva") for a particle
        family = "{" + family + "}"
    if family.lower() == "others":
        family = "{" + family + "}"
    if parsed.suffix:
        # "O'Brien, Jr." alone: an empty group stands in for the given name, as BibTeX
        # refuses a trailing comma and would otherwise read "Jr." as the given name
        given = _name_part(parsed.given) or "{}"
        return f"{family}, {_name_part(parsed.suffix)}, {given}"
    if parsed.given:
        return f"{family}, {_name_part(parsed.given)}"
    return family


# printable ASCII except the characters that could unbalance a BibTeX value
_VERBATIM_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in "{}\\")


def _verbatim(value: str) -> str:
    """A URL/DOI for a verbatim field: raw, except that braces, backslashes and non-ASCII
    characters are percent-encoded (the same link to a browser or resolver)."""
    return quote(one_line(value), safe=_VERBATIM_SAFE)


def entry_type(entry: Entry) -> str:
    """The BibTeX entry type for `entry`: "inproceedings", "article" or "misc"."""
    kind = venue_kind(entry)
    if entry.venue and kind == "proceedings":
        return "inproceedings"
    if entry.venue and kind == "journal":
        return "article"
    return "misc"


def _fields(entry: Entry) -> list[bib.Field]:
    fields: list[tuple[str, str, str]] = []  # (key, value, enclosing)
    if entry.authors:
        names = [format_author(a) for a in entry.authors]
        if entry.et_al:
            names.append("others")  # BibTeX's own word for "et al."
        fields.append(("author", " and ".join(names), "{"))
    fields.append(("title", protect_title(entry.title), "{"))
    kind = entry_type(entry)
    if entry.venue:
        venue_field = {"inproceedings": "booktitle", "article": "journal"}.get(kind, "howpublished")
        fields.append((venue_field, protect_title(entry.venue), "{"))
    fields.append(("year", str(entry.date.year), "{"))
    # an unquoted macro: see the module docstring
    fields.append(("month", MONTH_MACROS[entry.date.month - 1], "no-enclosing"))
    if entry.doi:
        fields.append(("doi", _verbatim(entry.doi), "{"))
    if entry.arxiv:
        fields.append(("eprint", _verbatim(entry.arxiv), "{"))
        fields.append(("archivePrefix", "arXiv", "{"))
        if entry.arxiv_class:
            fields.append(("primaryClass", _verbatim(entry.arxiv_class), "{"))
    url = entry.links.get("paper") or (arxiv_url(entry.arxiv) if entry.arxiv else None)
    if url:
        fields.append(("url", _verbatim(url), "{"))
    return [bib.Field(k, v, enclosing=enc) for k, v, enc in fields]


def _write(block: bib.Entry) -> str:
    """`block` (made for this call, and changed by it) written as BibTeX text."""
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.trailing_comma = True
    library = bibtexparser.Library([block])
    # bibtexparser's default stack with in-place changes allowed: by default it deep-copies the
    # library first, a third of the time of writing one entry (every block here is new)
    stack = [AddEnclosingMiddleware(allow_inplace_modification=True, default_enclosing="{",
                                    reuse_previous_enclosing=False, enclose_integers=True)]
    return bibtexparser.write_string(
        library, unparse_stack=stack, bibtex_format=fmt).strip() + "\n"


def _check_key(key: str) -> None:
    if not _KEY_RE.match(key):
        raise ValueError(f"{key!r} cannot be used as a BibTeX key")


def entry_to_bibtex(entry: Entry) -> str:
    """The BibTeX entry for `entry`, ending in a newline.

    A valid `bibtex:` override is used instead of the generated entry (re-serialized under the
    catalogue key); an invalid one is ignored here, as the validator reports it.
    """
    _check_key(entry.key)
    if entry.bibtex:
        # parsed once when loaded; an Entry built by hand carries only the text
        override = entry.bibtex_override or parse_bibtex_override(entry.bibtex)[0]
        if override is not None:
            return override_to_bibtex(override, entry.key)
    return _write(bib.Entry(entry_type(entry), entry.key, _fields(entry)))


def catalog_to_bibtex(entries: list[Entry]) -> str:
    """All `entries` as one BibTeX file, in the given order, separated by one blank line."""
    return "\n".join(entry_to_bibtex(e) for e in entries)


# ---------------------------------------------------------------------------------------------
# bibtex: overrides (parsed and checked by catalog/bibtex_input.py when the entry is loaded)


def bibtex_override_problem(text: str, key: str) -> str | None:
    """Why an entry's own `bibtex:` text cannot be used, as one line; None if it can.

    Any citation key is accepted (it is rewritten to `key`); see the module docstring.
    """
    _check_key(key)
    problem = parse_bibtex_override(text)[1]
    return None if problem is None else f"bibtex: {problem}"


def override_to_bibtex(text: str | BibtexOverride, key: str) -> str:
    """The override (its text, or as parsed at load time) re-serialized under `key`; raises
    ValueError if it is not usable."""
    _check_key(key)
    if isinstance(text, BibtexOverride):
        block = text
    else:
        block, problem = parse_bibtex_override(text)
        if block is None:
            raise ValueError(f"bibtex: {problem}")
    fields = [bib.Field(name, value, enclosing=enclosing) for name, value, enclosing in block.fields]
    return _write(bib.Entry(block.entry_type, key, fields))
