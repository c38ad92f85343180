"""Parts of the site built on the catalogue beyond the core pages. Each is a `build.Feature`."""

from __future__ import annotations

from .explore import ExploreFeature
from .news import NewsFeature
from .stats import StatsFeature

# nav order: Explore, Statistics, What's new
FEATURES: list = [ExploreFeature, StatsFeature, NewsFeature]
