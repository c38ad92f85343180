"""The `mkdocs-awesome` parser, assembled from the command modules, and `main`."""

from __future__ import annotations

import argparse

from . import add, enrich, generate, import_, init, links, lint, new, readme, refresh

# in the order `--help` lists them
COMMANDS = (init, new, lint, import_, readme, generate)
# the commands that reach the network (arXiv, Crossref, the links themselves); each module has
# `add_arguments(parser)` and `run(args)`
NETWORK_COMMANDS = {
    "add": (add, "add papers by arXiv id or DOI, filled in from arXiv and Crossref"),
    "enrich": (enrich, "fill empty authors, dates, venues and DOIs from arXiv and Crossref"),
    "refresh": (refresh, "find preprints since published and newer arXiv titles"),
    "links": (links, "find dead and moved links"),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per command module."""
    parser = argparse.ArgumentParser(
        prog="mkdocs-awesome", description="Tools for a curated list of papers kept as YAML entries."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(sub).set_defaults(func=command.run)
    for name, (module, help_text) in NETWORK_COMMANDS.items():
        network = sub.add_parser(name, help=help_text, description=module.__doc__)
        module.add_arguments(network)
        network.set_defaults(func=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit status (130 when interrupted)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
