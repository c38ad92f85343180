"""Options of the `awesome` plugin, as written under `plugins:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class AwesomeConfig(Config):
    # switch the whole plugin off, e.g. for a quick docs-only build
    enabled = c.Type(bool, default=True)

    # where the entries live, relative to mkdocs.yml
    entries_dir = c.Type(str, default="entries")

    # where generated pages and downloads go in the site (URL prefixes)
    papers_dir = c.Type(str, default="papers")
    categories_dir = c.Type(str, default="categories")
    tags_dir = c.Type(str, default="tags")
    downloads_dir = c.Type(str, default="cite")

    # navigation: add the category tree and the tag index to the nav
    nav = c.Type(bool, default=True)
    nav_categories_title = c.Type(str, default="Categories")
    nav_tags_title = c.Type(str, default="Tags")
    nav_counts = c.Type(bool, default=True)

    # listings
    authors_shown = c.Type(int, default=3)

    # downloads: BibTeX, CSL-JSON and RIS for the list, each category, tag and paper
    downloads = c.Type(bool, default=True)

    # reference-manager metadata (Highwire Press tags and JSON-LD) in paper pages' <head>
    head_metadata = c.Type(bool, default=True)

    # after `mkdocs build` (not --dirty, not serve): delete from the build cache every value that
    # build did not use, so a cache kept between CI runs does not grow with each edit
    cache_prune = c.Type(bool, default=False)
