"""Parts of the site built on the catalogue beyond the core pages.

Each is a `build.Feature` and sees the build only through its `FeatureContext` (`self.ctx`).
"""

from __future__ import annotations

from .base import Feature
from .explore import ExploreFeature
from .news import NewsFeature
from .stats import StatsFeature

# nav order: Explore, Statistics, What's new
FEATURES: list[type[Feature]] = [ExploreFeature, StatsFeature, NewsFeature]
