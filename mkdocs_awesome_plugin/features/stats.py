"""The statistics page (`/stats/`) and the small chart of the `<!-- awesome:chart -->` marker.

Everything is counted and drawn at build time: the page holds inline SVG charts (each with a
`<title>` and an `aria-label`) and the same numbers as tables, and needs no script.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from ..catalog.model import Category, Entry
from ..render import charts
from ..render.pages import chrome_title
from ..render.site import relative_url
from .base import Feature, GeneratedPage

SRC = "stats/index.md"
TOP_VENUES = 15


def papers_per_month(entries: Iterable[Entry]) -> list[tuple[str, int]]:
    """`(YYYY-MM, papers released that month)` from the first to the last month, gaps as 0."""
    counts = Counter(e.date.iso[:7] for e in entries)
    if not counts:
        return []
    return [(m, counts.get(m, 0)) for m in charts.month_range(min(counts), max(counts))]


def papers_per_tag(entries: Iterable[Entry], tags: Iterable[str]) -> list[tuple[str, int]]:
    """Every tag of the vocabulary with its number of papers, most used first (then by name)."""
    counts = Counter(tag for e in entries for tag in e.tags)
    rows = [(tag, counts.get(tag, 0)) for tag in tags]
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows


def top_venues(entries: Iterable[Entry], limit: int = TOP_VENUES) -> tuple[list[tuple[str, int]], int]:
    """The `limit` venues with most papers (then by name), and how many papers have no venue."""
    entries = list(entries)
    counts = Counter(e.venue for e in entries if e.venue)
    rows = sorted(counts.items(), key=lambda r: (-r[1], r[0].casefold(), r[0]))
    return rows[:limit], sum(1 for e in entries if not e.venue)


class StatsFeature(Feature):
    name = "stats"
    css = ("explore.css",)

    def pages(self):
        yield GeneratedPage(SRC, "stats", "", "Statistics", True, feature=self.name)

    def nav(self) -> list[dict]:
        return [{chrome_title("Statistics"): SRC}]

    def markers(self) -> dict[str, Callable[[str], str]]:
        return {"chart": self.home_chart}

    # --- numbers ---------------------------------------------------------------------------
    def _entries(self) -> list[Entry]:
        return list(self.ctx.catalog.entries.values())

    def per_category(self) -> list[tuple[Category, int]]:
        counts = self.ctx.renderer.subtree_counts()
        return [(c, counts[c.slug]) for c in self.ctx.catalog.all_categories()]

    # --- output ----------------------------------------------------------------------------
    def render(self, page: GeneratedPage, page_url: str) -> str:
        build = self.ctx
        renderer = build.renderer
        env = renderer.env
        entries = self._entries()
        total = len(entries)
        with_code = sum(1 for e in entries if e.has_code)
        months = papers_per_month(entries)
        categories = self.per_category()
        tags = papers_per_tag(entries, build.catalog.tags)
        venues, no_venue = top_venues(entries)
        month_chart = charts.month_columns(
            months, cid="aw-chart-months", env=env,
            label=(
                f"Papers per month by release date, {charts.month_label(months[0][0])} to "
                f"{charts.month_label(months[-1][0])}; at most {charts.plural(max(v for _, v in months))} in a month"
            ) if months else "Papers per month: no papers yet",
        )
        code_chart = charts.share_bar(
            with_code, total, cid="aw-chart-code", env=env,
            label=f"Papers with code: {with_code} of {total}",
            part_name="With code", rest_name="Without code",
        )
        category_chart = charts.horizontal_bars(
            [charts.BarRow(c.title, n, c.depth) for c, n in categories], cid="aw-chart-categories", env=env,
            label="Papers per category, subcategories included: " + "; ".join(
                f"{c.title} {n}" for c, n in categories
            ),
        )
        tag_chart = charts.horizontal_bars(
            [charts.BarRow(tag, n) for tag, n in tags], cid="aw-chart-tags", env=env,
            label="Papers per tag: " + "; ".join(f"{tag} {n}" for tag, n in tags),
        )
        venue_chart = charts.horizontal_bars(
            [charts.BarRow(v, n) for v, n in venues], cid="aw-chart-venues", env=env,
            label="Top venues: " + "; ".join(f"{v} {n}" for v, n in venues),
        )
        return renderer.render(
            "stats.html", page_url, mode="page", total=total, with_code=with_code,
            code_pct=round(with_code / total * 100) if total else 0,
            ncategories=len(build.catalog.all_categories()), ntags=len(build.catalog.tags),
            months=[(charts.month_label(m), n) for m, n in months],
            month_chart=month_chart, code_chart=code_chart,
            categories=categories, category_chart=category_chart,
            tags=tags, tag_chart=tag_chart,
            venues=venues, no_venue=no_venue, venue_chart=venue_chart,
        )

    def home_chart(self, page_url: str) -> str:
        """A small papers-per-month chart for the home page, linking to the statistics page."""
        months = papers_per_month(self._entries())
        chart = charts.month_columns(
            months, cid="aw-chart-home", compact=True, env=self.ctx.renderer.env,
            label=(
                f"Papers per month, {charts.month_label(months[0][0])} to "
                f"{charts.month_label(months[-1][0])}"
            ) if months else "Papers per month: no papers yet",
        )
        return self.ctx.renderer.render(
            "stats.html", page_url, mode="home", chart=chart,
            first=charts.month_label(months[0][0]) if months else "",
            last=charts.month_label(months[-1][0]) if months else "",
            stats_url=relative_url(self.ctx.layout.url_of(SRC), page_url),
        )
