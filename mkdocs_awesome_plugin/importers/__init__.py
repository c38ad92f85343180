"""Importers: turn other formats (awesome-list READMEs, BibTeX files) into entry files.

Free of MkDocs.
"""

from .awesome_readme import ImportReport, ParsedList, Row, Section, import_readme, parse_readme
from .bibtex import import_bibtex, read_bibtex

__all__ = [
    "ImportReport", "ParsedList", "Row", "Section", "import_bibtex", "import_readme",
    "parse_readme", "read_bibtex",
]
