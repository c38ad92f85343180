"""The `mkdocs-awesome` parser, assembled from the command modules, and `main`."""

from __future__ import annotations

import argparse

from . import generate, import_, lint, new, readme

# in the order `--help` lists them
COMMANDS = (new, lint, import_, readme, generate)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per command module."""
    parser = argparse.ArgumentParser(
        prog="mkdocs-awesome", description="Tools for a curated list of papers kept as YAML entries."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(sub).set_defaults(func=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit status (130 when interrupted)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
