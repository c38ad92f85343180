"""The stylesheets and the script every page of the site loads, from `mkdocs_awesome_plugin/assets/`.

Stylesheets are served as they are. The features' scripts (today the explorer's parts, in the
order `Feature.js` lists them) are joined into one file, `assets/awesome/explore.js`: each part is
a classic script adding to one namespace, so the joined file runs exactly as the parts would one
after another. One script tag instead of nine is nine fewer requests for a reader on a phone,
and MkDocs and Material draw each script tag of every page through a template filter, which was
measurable at a thousand pages. The parts stay separate files in the package, where Node's tests
load them one by one (tests/js/).

Used by the plugin, by `generate` and by `generate --project`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .base import Feature

ASSETS = Path(__file__).resolve().parents[1] / "assets"
PREFIX = "assets/awesome/"  # where the site serves them
SCRIPT = "explore.js"  # the one script file, joined from the parts


def stylesheets(features: list[type[Feature]]) -> list[str]:
    """File names (under ASSETS) of the stylesheets: ours, then the features', once each."""
    return list(dict.fromkeys(["awesome.css", *(name for f in features for name in f.css)]))


def script_parts(features: list[type[Feature]]) -> list[str]:
    """File names (under ASSETS) of the script parts, in load order, once each."""
    return list(dict.fromkeys(name for f in features for name in f.js))


@cache
def _joined(parts: tuple[str, ...]) -> bytes:
    chunks = [b"/* mkdocs-awesome-plugin: " + ", ".join(parts).encode() + b", joined */\n"]
    for name in parts:
        text = (ASSETS / name).read_bytes()
        chunks.append(text if text.endswith(b"\n") else text + b"\n")
    return b"".join(chunks)


def script_bundle(features: list[type[Feature]]) -> bytes:
    """The script parts joined, in order, into one file's content (read once per process)."""
    return _joined(tuple(script_parts(features)))


def asset_files(features: list[type[Feature]]) -> tuple[dict[str, bytes], list[str], list[str]]:
    """(site path -> content, stylesheet URLs, script URLs) of what every page must load."""
    css = stylesheets(features)
    files = {PREFIX + name: (ASSETS / name).read_bytes() for name in css}
    js: list[str] = []
    if script_parts(features):
        files[PREFIX + SCRIPT] = script_bundle(features)
        js.append(PREFIX + SCRIPT)
    return files, [PREFIX + name for name in css], js
