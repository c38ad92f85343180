"""The core (entries -> models -> pages / exports / CLI) must work without MkDocs installed.

MkDocs 2.0 drops the plugin system, so only the adapter (`plugin.py`, `plugin_files.py`, its
MkDocs file classes, and `config.py`) may import it. The test
imports every other module in a fresh interpreter where `import mkdocs` fails, then builds the
minimal catalogue's pages there.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

from sitebuild import FIXTURES

import mkdocs_awesome_plugin

ADAPTER = {"mkdocs_awesome_plugin.plugin", "mkdocs_awesome_plugin.plugin_files",
           "mkdocs_awesome_plugin.config"}


def _core_modules() -> list[str]:
    names = [
        m.name for m in pkgutil.walk_packages(mkdocs_awesome_plugin.__path__, "mkdocs_awesome_plugin.")
    ]
    return sorted(set(names) - ADAPTER)


def test_core_modules_import_and_render_without_mkdocs():
    modules = _core_modules()
    assert "mkdocs_awesome_plugin.build" in modules and "mkdocs_awesome_plugin.cli" in modules
    script = f"""
import sys
sys.modules["mkdocs"] = None  # any 'import mkdocs...' now raises ImportError
import importlib
for name in {modules!r}:
    importlib.import_module(name)
from mkdocs_awesome_plugin.build import CatalogBuild
from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.features import FEATURES
from mkdocs_awesome_plugin.render.site import SiteLayout
catalog = load_catalog({str(FIXTURES / "minimal")!r})
build = CatalogBuild(catalog, SiteLayout(), features=FEATURES)
html = build.render_page(build.page_for("papers/ravi2024sam.md"), "papers/ravi2024sam/")
assert "SAM 2: Segment Anything in Images and Videos" in html
print(len(build.pages()))
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) > 3 + 4 + 3  # papers, categories, tags and more
