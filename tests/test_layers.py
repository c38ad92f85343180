"""The core's layers: a module imports only from the layers below it.

Read from the source with `ast` (nothing is imported), so a new upward import fails here with the
file and line that made it, whatever the tests happen to exercise.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "mkdocs_awesome_plugin"

# What each top-level part of the package may import from (besides itself).
ALLOWED: dict[str, set[str]] = {
    "fileio": set(),
    "schema": {"fileio"},
    "catalog": {"schema", "fileio"},
    "exports": {"catalog"},
    "importers": {"catalog", "schema", "fileio"},
    "render": {"catalog", "exports"},
    "features": {"catalog", "exports", "render"},
    "build": {"catalog", "exports", "render", "features"},
    "generate": {"catalog", "exports", "render", "features", "build", "fileio", "schema"},
    "page_sources": {"build", "features", "fileio"},
    "project": {
        "catalog", "exports", "render", "features", "build", "generate", "fileio", "schema",
    },
    "cli": {
        "catalog", "exports", "render", "features", "build", "generate", "importers", "fileio",
        "schema", "net", "project",
    },
    "net": {"catalog", "fileio"},
    "incremental": {"catalog", "build"},
    "config": set(),
    "plugin_files": set(),
    "plugin": {
        "catalog", "exports", "render", "features", "build", "config", "fileio", "schema",
        "page_sources", "incremental", "plugin_files",
    },
    "__init__": set(),
}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path, package: Path = PACKAGE):
    """(importing module, imported module, line) for every import of our own package."""
    rel = path.relative_to(package.parent).with_suffix("")
    module = ".".join(rel.parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module[: -len(".__init__")]
    if path.name == "__init__.py":
        module = package
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("mkdocs_awesome_plugin"):
                continue
            if target == "mkdocs_awesome_plugin":
                targets = [f"{target}.{alias.name}" for alias in node.names]
            else:
                targets = [target]
            for t in targets:
                yield module, t, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("mkdocs_awesome_plugin."):
                    yield module, alias.name, node.lineno


def test_no_module_imports_from_a_layer_above_it():
    upward = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    for path in files:
        for module, target, line in _imports(path):
            source, dest = _part(module), _part(target)
            assert source in ALLOWED, f"{path}: part {source!r} has no place in the layer table"
            if dest != source and dest not in ALLOWED[source]:
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {source} -> {dest}")
    assert upward == []


def test_the_layer_check_catches_an_upward_import(tmp_path):
    # the check itself must be able to fail: a catalog module importing from exports
    fake = tmp_path / "mkdocs_awesome_plugin"
    (fake / "catalog").mkdir(parents=True)
    bad = fake / "catalog" / "bad.py"
    bad.write_text("import os\n\nfrom ..exports import bibtex\n", encoding="utf-8")
    found = list(_imports(bad, fake))
    assert found == [("mkdocs_awesome_plugin.catalog.bad", "mkdocs_awesome_plugin.exports", 3)]
    assert "exports" not in ALLOWED[_part(found[0][0])]
