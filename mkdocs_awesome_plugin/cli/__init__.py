"""`mkdocs-awesome`: command-line tools over the same core the plugin uses.

    new       add a paper: writes entries/papers/<key>.yaml (asks for the fields on a terminal)
    lint      check entries like a compiler (the same problems `mkdocs build` reports)
    import    turn an awesome-list README into entries
    readme    regenerate the list in README.md between two marker comments
    generate  write the generated pages and files for any static site generator

One module per command (`new`, `lint`, `import_`, `readme`, `generate`), each with its
`add_parser` and `run`; `app` assembles them. Exit status: 0 when all is well, 1 when the command
found problems (lint errors, an out-of-date README, an entry that would not be valid), 2 for a
usage error (missing file, bad markers).
"""

from .app import build_parser, main

__all__ = ["build_parser", "main"]
