"""`python -m mkdocs_awesome_plugin.cli`: the same as the `mkdocs-awesome` script."""

import sys

from .app import main

# guarded so that importing every module (as the no-MkDocs test does) runs no command
if __name__ == "__main__":
    sys.exit(main())
