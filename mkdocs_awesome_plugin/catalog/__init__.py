"""Entries, categories and tags: models, safe loading with line numbers, validation."""

from .cache import EntryCache
from .load import load_catalog
from .model import Catalog, Category, Entry, PartialDate
from .parse import parse_entry
from .problems import Problem, Severity, format_problem

__all__ = [
    "Catalog", "Category", "Entry", "EntryCache", "PartialDate", "Problem", "Severity",
    "format_problem", "load_catalog", "parse_entry",
]
