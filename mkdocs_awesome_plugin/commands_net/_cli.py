"""The one place this package takes from the command-line module (what `new` does and how
problems are printed), so that moving that module changes only these lines."""

from ..cli import _rel, cmd_new, format_problem

__all__ = ["_rel", "cmd_new", "format_problem"]
