"""The geometry of listening's trend charts: bars per period (stacked by slice, tone or frame) and
lines of mean sentiment, every bar segment and point a link to the texts behind it.

Coordinates are computed here and handed to the template as ready strings, so that the template
never formats a number (a localised "12,5" would break the SVG), like `strategy.chart`.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hefboom.listening.queries import Trend, period_end, period_start

WIDTH, HEIGHT = 1000, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 44, 14, 26
MAX_TICKS = 12
TONES = (("neg", gettext_lazy("negative")), ("neu", gettext_lazy("neutral")),
         ("pos", gettext_lazy("positive")))
FRAME_LABELS = {
    "economic": gettext_lazy("economic"), "human_rights": gettext_lazy("human rights"),
    "security": gettext_lazy("security"), "health": gettext_lazy("health"),
    "solidarity": gettext_lazy("solidarity"), "legal": gettext_lazy("legal"),
}


def _n(x: float) -> str:
    return f"{x:.1f}"


def period_label(day: dt.date, grain: str) -> str:
    if grain == "year":
        return str(day.year)
    if grain == "month":
        return date_format(day, "YEAR_MONTH_FORMAT")
    return date_format(day, "SHORT_DATE_FORMAT")


def group_label(group: str | None, measure: str) -> str:
    if measure == "frames":
        return str(FRAME_LABELS.get(group, group))
    return group if group else _("unknown")


@dataclass
class Segment:
    css: str
    x: str
    y: str
    width: str
    height: str
    href: str
    title: str


@dataclass
class Point:
    x: str
    y: str
    href: str
    title: str


@dataclass
class Line:
    css: str
    label: str
    path: str = ""
    points: list = field(default_factory=list)


@dataclass
class Tick:
    x: str
    label: str


@dataclass
class LegendItem:
    css: str
    label: str


@dataclass
class TrendChart:
    width: int = WIDTH
    height: int = HEIGHT
    segments: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    legend: list = field(default_factory=list)
    axis_y: str = _n(HEIGHT - BOTTOM)
    left: str = _n(LEFT)
    right: str = _n(WIDTH - RIGHT)
    top_label: str = ""
    zero_y: str = ""  # the line of neutral sentiment, when lines are drawn
    description: str = ""
    periods: int = 0

    @property
    def empty(self) -> bool:
        return not self.segments and not self.lines


def _periods(first: dt.date, last: dt.date, grain: str) -> list[dt.date]:
    days, day = [], period_start(first, grain)
    while day <= last:
        days.append(day)
        day = period_end(day, grain)
    return days


def build(trend: Trend, link) -> TrendChart:
    """The chart of `trend`. `link(period, group=None, frame=None, tone=None)` gives the URL of
    the texts behind a point."""
    chart = TrendChart()
    grain, measure = trend.scope.grain, trend.measure
    if not trend.points:
        return chart
    periods = _periods(min(p.period for p in trend.points), max(p.period for p in trend.points), grain)
    index = {day: i for i, day in enumerate(periods)}
    chart.periods = len(periods)
    slot = (WIDTH - LEFT - RIGHT) / len(periods)
    bar_width = max(1.0, slot * 0.8)
    plot = HEIGHT - TOP - BOTTOM

    def x_of(day):
        return LEFT + slot * index[day]

    # Bars: what stacks in each period, and under which class and link.
    stacks: dict[dt.date, list[tuple[str, int, str, str]]] = {day: [] for day in periods}
    if measure == "frames":
        order = {g: i for i, g in enumerate(trend.groups)}
        for p in trend.points:
            stacks[p.period].append((f"g{order[p.group] % 8}", p.items, link(p.period, frame=p.group),
                                     group_label(p.group, measure)))
        chart.legend = [LegendItem(f"g{i % 8}", group_label(g, measure)) for i, g in enumerate(trend.groups)]
    elif trend.scope.by:
        order = {g: i for i, g in enumerate(trend.groups)}
        if measure == "volume":
            for p in trend.points:
                stacks[p.period].append((f"g{order[p.group] % 8}", p.items, link(p.period, group=p.group),
                                         group_label(p.group, measure)))
        chart.legend = [LegendItem(f"g{i % 8}", group_label(g, measure)) for i, g in enumerate(trend.groups)]
    elif measure == "sentiment":
        for p in trend.points:
            for (tone, label), n in zip(TONES, (p.negative, p.neutral, p.positive), strict=True):
                stacks[p.period].append((f"t-{tone}", n, link(p.period, tone=tone), str(label)))
            unscored = p.items - p.negative - p.neutral - p.positive
            stacks[p.period].append(("t-none", unscored, link(p.period), _("no sentiment")))
        chart.legend = [LegendItem(f"t-{tone}", str(label)) for tone, label in TONES]
    else:
        for p in trend.points:
            stacks[p.period].append(("g0", p.items, link(p.period), _("texts")))

    highest = max((sum(n for _c, n, _h, _t in stack) for stack in stacks.values()), default=0)
    if highest:
        chart.top_label = str(highest)
        for day, stack in stacks.items():
            y = HEIGHT - BOTTOM
            for css, n, href, label in stack:
                if not n:
                    continue
                height = n / highest * plot
                y -= height
                chart.segments.append(Segment(
                    css=css, x=_n(x_of(day) + (slot - bar_width) / 2), y=_n(y), width=_n(bar_width),
                    height=_n(height), href=href,
                    title=f"{period_label(day, grain)} · {label}: {n}"))

    # Lines of mean sentiment: one for all texts, or one per slice.
    if measure == "sentiment":
        chart.zero_y = _n(TOP + plot / 2)
        series: dict[str | None, list] = {}
        for p in trend.points:
            if p.mean_sentiment is not None:
                series.setdefault(p.group, []).append(p)
        names = trend.groups if trend.scope.by else [None]
        for i, group in enumerate(names):
            points = series.get(group, [])
            if not points:
                continue
            line = Line(css=f"g{i % 8}" if trend.scope.by else "mean",
                        label=group_label(group, measure) if trend.scope.by else _("mean sentiment"))
            coords = []
            for p in points:
                x = x_of(p.period) + slot / 2
                y = TOP + plot / 2 - p.mean_sentiment * plot / 2
                coords.append(f"{_n(x)},{_n(y)}")
                line.points.append(Point(_n(x), _n(y), link(p.period, group=group),
                                         f"{period_label(p.period, grain)} · {line.label}: "
                                         f"{p.mean_sentiment:+.2f} ({p.scored})"))
            line.path = "M" + " L".join(coords)
            chart.lines.append(line)
        if not trend.scope.by:
            chart.legend.append(LegendItem("mean", _("mean sentiment (−1 … +1, right scale)")))

    step = max(1, -(-len(periods) // MAX_TICKS))
    chart.ticks = [Tick(_n(x_of(day) + slot / 2), period_label(day, grain)) for day in periods[::step]]
    chart.description = _("%(n)s texts from %(first)s to %(last)s") % {
        "n": trend.total, "first": period_label(periods[0], grain),
        "last": period_label(periods[-1], grain)}
    return chart
