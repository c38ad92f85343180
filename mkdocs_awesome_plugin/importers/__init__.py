"""Importers: turn other formats (awesome-list READMEs) into entry files. Free of MkDocs."""

from .awesome_readme import ImportReport, ParsedList, Row, Section, import_readme, parse_readme

__all__ = ["ImportReport", "ParsedList", "Row", "Section", "import_readme", "parse_readme"]
