"""Charts drawn at build time as inline SVG: no script, no external file.

The geometry is computed here; the markup comes from the templates `chart_columns.svg`,
`chart_bars.svg` and `chart_share.svg` (overridable like every template, see docs/templates.md),
rendered with autoescape, so a label (a category title, a tag, a venue) meets exactly one escaping
context, like everywhere else.

The charts are responsive without scaling their text: horizontal positions are percentages of the
chart's width and vertical ones are pixels, so at 390 px the bars get narrower while labels stay
readable. Colours come from Material's CSS variables (see `assets/explore.css`), so both palettes
work; `fill="currentColor"` is the fallback when that stylesheet is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from .environment import packaged_env

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


def _fmt(x: float) -> str:
    """A compact decimal for an SVG attribute."""
    text = f"{x:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def plural(n: int, word: str = "paper", words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def month_range(first: str, last: str) -> list[str]:
    """Every `YYYY-MM` from `first` to `last`, both included."""
    y, m = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (y, m) <= end:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_label(month: str) -> str:
    """`2024-08` -> `August 2024`."""
    return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"


# --- papers per month: vertical columns --------------------------------------------------------

@dataclass(frozen=True)
class Column:
    x: str  # percent
    width: str  # percent
    y: str
    height: str
    tip: str


@dataclass(frozen=True)
class AxisLabel:
    x: str  # percent
    text: str
    anchor: str




def month_columns(
    counts: Sequence[tuple[str, int]], *, cid: str, label: str, compact: bool = False,
    env: jinja2.Environment | None = None,
) -> Markup:
    """Columns for `(YYYY-MM, count)` pairs in time order (months without papers included)."""
    n = max(len(counts), 1)
    top = 6 if compact else 20
    plot = 56 if compact else 150
    base = top + plot
    height = base + (18 if not compact else 16)
    biggest = max((v for _, v in counts), default=0) or 1
    slot = 100.0 / n
    gap = min(slot * 0.15, 0.6)
    columns = []
    for i, (month, value) in enumerate(counts):
        if value <= 0:
            continue
        h = max(value / biggest * plot, 1.5)
        columns.append(Column(
            x=_fmt(i * slot + gap / 2), width=_fmt(max(slot - gap, 0.05)),
            y=_fmt(base - h), height=_fmt(h), tip=f"{month_label(month)}: {plural(value)}",
        ))
    axis: list[AxisLabel] = []
    months = [m for m, _ in counts]
    januaries = [i for i, m in enumerate(months) if m.endswith("-01")]
    # the first month, unless a January label would sit right next to it
    if months and (not januaries or januaries[0] >= 5):
        axis.append(AxisLabel("0", months[0] if not months[0].endswith("-01") else months[0][:4], "start"))
    step = 1
    if len(januaries) > 8:  # long spans: every other year (or more) keeps labels apart
        step = -(-len(januaries) // 8)
    for j in januaries[::step]:
        if j == 0 and axis:
            continue
        axis.append(AxisLabel(_fmt(j * slot), months[j][:4], "start"))
    template = (env or packaged_env()).get_template("chart_columns.svg")
    return Markup(template.render(
        cid=cid, label=label, compact=compact, height=height, top=top,
        base=base, columns=columns, axis=axis, max_text=plural(biggest) if counts else "",
    ))


# --- horizontal bars with a label line each ---------------------------------------------------

@dataclass(frozen=True)
class BarRow:
    label: str
    value: int
    indent: int = 0


@dataclass(frozen=True)
class _DrawnRow:
    label: str
    full: str
    value: int
    indent: int
    text_y: int
    bar_y: int
    width: str
    tip: str



MAX_LABEL = 44


def _shorten(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def horizontal_bars(
    rows: Iterable[BarRow], *, cid: str, label: str, total: int | None = None,
    env: jinja2.Environment | None = None,
) -> Markup:
    """One row per item: the label with its count on a text line, a bar below.

    Bars are scaled to the largest value, or to `total` when given (a share of all papers).
    """
    rows = list(rows)
    scale = total if total else max((r.value for r in rows), default=0)
    scale = scale or 1
    step, bar = 30, 8
    drawn = []
    for i, r in enumerate(rows):
        y0 = i * step
        drawn.append(_DrawnRow(
            label=_shorten(r.label), full=r.label, value=r.value, indent=r.indent,
            text_y=y0 + 13, bar_y=y0 + 18, width=_fmt(r.value / scale * 100),
            tip=f"{r.label}: {plural(r.value)}",
        ))
    template = (env or packaged_env()).get_template("chart_bars.svg")
    return Markup(template.render(
        cid=cid, label=label, rows=drawn, bar=bar,
        height=max(len(drawn) * step, step),
    ))


# --- a share of the whole: one stacked bar ----------------------------------------------------



def share_bar(
    part: int, total: int, *, cid: str, label: str, part_name: str, rest_name: str,
    env: jinja2.Environment | None = None,
) -> Markup:
    """One bar: `part` of `total` filled, with both shares written below."""
    pct = part / total * 100 if total else 0.0
    template = (env or packaged_env()).get_template("chart_share.svg")
    return Markup(template.render(
        cid=cid, label=label, part=part, width=_fmt(pct),
        part_tip=f"{part_name}: {part} ({pct:.0f}%)",
        rest_tip=f"{rest_name}: {total - part} ({100 - pct:.0f}%)" if total else f"{rest_name}: 0",
    ))
