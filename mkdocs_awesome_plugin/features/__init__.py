"""Parts of the site built on the catalogue beyond the core pages. Each is a `build.Feature`."""

from __future__ import annotations

FEATURES: list = []
