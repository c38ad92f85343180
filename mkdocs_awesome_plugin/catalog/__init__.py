"""Entries, categories and tags: models, safe loading with line numbers, validation."""

from .load import EntryCache, load_catalog, parse_entry
from .model import Catalog, Category, Entry, PartialDate, Problem

__all__ = [
    "Catalog", "Category", "Entry", "EntryCache", "PartialDate", "Problem",
    "load_catalog", "parse_entry",
]
