"""The commands that reach the network: `add`, `enrich`, `refresh` and `links`.

Each module has `add_arguments(parser)` and `run(args) -> int`; `register` adds all four to
the `mkdocs-awesome` parser.
"""

from __future__ import annotations

import argparse

from . import add, enrich, links, refresh

COMMANDS = {
    "add": (add, "add papers by arXiv id or DOI, filled in from arXiv and Crossref"),
    "enrich": (enrich, "fill empty authors, dates, venues and DOIs from arXiv and Crossref"),
    "refresh": (refresh, "find preprints since published and newer arXiv titles"),
    "links": (links, "find dead and moved links"),
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the four commands to `mkdocs-awesome`'s sub-command parsers."""
    for name, (module, help_text) in COMMANDS.items():
        parser = sub.add_parser(name, help=help_text, description=module.__doc__)
        module.add_arguments(parser)
        parser.set_defaults(func=module.run)
