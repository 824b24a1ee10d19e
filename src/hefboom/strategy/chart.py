"""Zoom levels, windows and the geometry of the timeline's inline SVG.

Coordinates are computed here and handed to the template as ready strings, so that the
template never formats a number (a localised "12,5" would break the SVG).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hefboom.strategy.timeline import KINDS

ZOOMS = ("years", "quarters", "months", "weeks")
ZOOM_LABELS = {
    "years": gettext_lazy("Years"),
    "quarters": gettext_lazy("Quarters"),
    "months": gettext_lazy("Months"),
    "weeks": gettext_lazy("Weeks"),
}
AUTO_BINS = 16  # without a chosen zoom: the finest zoom that needs at most this many bars
MAX_BINS = 270  # a chosen zoom that would need more bars than this falls back to a coarser one
MARKS_LIMIT = 300  # up to this many events in the window are drawn one by one


def floor(day: date, zoom: str) -> date:
    """The first day of the bin (year, quarter, month or ISO week) that holds `day`."""
    if zoom == "years":
        return day.replace(month=1, day=1)
    if zoom == "quarters":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if zoom == "months":
        return day.replace(day=1)
    return day - timedelta(days=day.weekday())


def following(start: date, zoom: str) -> date:
    """The first day of the bin after the one starting at `start`."""
    if zoom == "weeks":
        return start + timedelta(days=7)
    months = {"years": 12, "quarters": 3, "months": 1}[zoom]
    month = start.month - 1 + months
    return start.replace(year=start.year + month // 12, month=month % 12 + 1, day=1)


def preceding(start: date, zoom: str) -> date:
    if zoom == "weeks":
        return start - timedelta(days=7)
    months = {"years": 12, "quarters": 3, "months": 1}[zoom]
    month = start.month - 1 - months
    return start.replace(year=start.year + month // 12, month=month % 12 + 1, day=1)


def bin_starts(start: date, end: date, zoom: str) -> list[date]:
    starts, day = [], floor(start, zoom)
    while day <= end:
        starts.append(day)
        day = following(day, zoom)
    return starts


def count_bins(start: date, end: date, zoom: str) -> int:
    if zoom == "weeks":
        return (floor(end, zoom) - floor(start, zoom)).days // 7 + 1
    months = {"years": 12, "quarters": 3, "months": 1}[zoom]
    first, last = floor(start, zoom), floor(end, zoom)
    return ((last.year - first.year) * 12 + last.month - first.month) // months + 1


def auto_zoom(start: date, end: date) -> str:
    for zoom in reversed(ZOOMS):
        if count_bins(start, end, zoom) <= AUTO_BINS:
            return zoom
    return "years"


def fitting_zoom(start: date, end: date, zoom: str) -> str:
    """`zoom`, or the nearest coarser one when `zoom` would draw too many bars."""
    index = ZOOMS.index(zoom)
    while index > 0 and count_bins(start, end, ZOOMS[index]) > MAX_BINS:
        index -= 1
    return ZOOMS[index]


def aligned_unit(start: date, end: date) -> str | None:
    """The zoom of which the window is exactly one bin (a year, a quarter...), if any."""
    for zoom in ZOOMS:
        if floor(start, zoom) == start and following(start, zoom) - timedelta(days=1) == end:
            return zoom
    return None


def bin_label(start: date, zoom: str, *, long: bool = False) -> str:
    if zoom == "years":
        return str(start.year)
    if zoom == "quarters":
        return _("Q%(quarter)s %(year)s") % {"quarter": (start.month - 1) // 3 + 1,
                                              "year": start.year}
    if zoom == "months":
        return date_format(start, "F Y" if long else "M Y")
    if long:
        return _("week of %(day)s") % {"day": date_format(start, "j F Y")}
    return date_format(start, "j M")


@dataclass
class Window:
    """The period the timeline shows, and at which zoom."""

    start: date
    end: date
    zoom: str
    chosen: bool = False  # the reader picked this window (rather than the whole period)

    @property
    def label(self) -> str:
        unit = aligned_unit(self.start, self.end)
        if unit:
            return bin_label(self.start, unit, long=True)
        return f"{date_format(self.start, 'j M Y')} – {date_format(self.end, 'j M Y')}"

    def shifted(self, direction: int) -> tuple[date, date]:
        """The window before (-1) or after (+1) this one, of the same length or unit."""
        unit = aligned_unit(self.start, self.end)
        if unit:
            start = following(self.start, unit) if direction > 0 else preceding(self.start, unit)
            return start, following(start, unit) - timedelta(days=1)
        length = timedelta(days=(self.end - self.start).days + 1)
        return self.start + direction * length, self.end + direction * length

    def zoomed_out(self) -> tuple[date, date] | None:
        """The year, quarter or month around this window; None means the whole period."""
        unit = aligned_unit(self.start, self.end)
        if unit in ("quarters", "months", "weeks"):
            outer = {"quarters": "years", "months": "quarters", "weeks": "months"}[unit]
            start = floor(self.start, outer)
            return start, following(start, outer) - timedelta(days=1)
        return None


# Geometry, in the SVG's own units (the SVG scales to the page's width).

WIDTH, LEFT, RIGHT = 1000, 112, 10
PLOT = WIDTH - LEFT - RIGHT
BAR_TOP, BAR_HEIGHT = 18, 110
AXIS_Y = BAR_TOP + BAR_HEIGHT
LANES_TOP, LANE = AXIS_Y + 34, 24


def _n(value: float) -> str:
    return f"{value:.1f}"


@dataclass
class Chart:
    window: Window
    bars: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    lanes: list = field(default_factory=list)
    legend: list = field(default_factory=list)
    total: int = 0
    highest: int = 0
    height: int = AXIS_Y + 24
    too_many: bool = False
    summary: bool = False  # bars only, leading to the timeline (the dossier page)

    @property
    def axis_y(self) -> str:
        return _n(AXIS_Y)

    @property
    def tick_y(self) -> str:
        return _n(AXIS_Y + 5)

    left, right, bar_top = _n(LEFT), _n(WIDTH - RIGHT), _n(BAR_TOP)


def _kind_counts(counts: dict) -> str:
    return ", ".join(f"{n} {kind.label.lower() if n == 1 else kind.plural.lower()}"
                     for kind in KINDS if (n := counts.get(kind.key)))


def build_chart(window: Window, index: list, kinds: list[str], link, events=None, *,
                summary: bool = False) -> Chart:
    """Stacked bars per bin from the timeline's `index`, and marks in lanes for `events`.

    `index` is [(ISO day, type order, pk)] in date order; `link(start, end)` gives the URL
    that zooms into a bin. A `summary` chart never draws marks (the dossier page shows it
    and links to the timeline).
    """
    chart = Chart(window)
    start, end = window.start, window.end
    span = (end - start).days + 1

    def x(day: date) -> float:
        return LEFT + PLOT * (day - start).days / span

    starts = bin_starts(start, end, window.zoom)
    # One pass over the sorted index, comparing ISO texts: no date is parsed per event.
    limits = [day.isoformat() for day in starts[1:]] + [(end + timedelta(days=1)).isoformat()]
    first_day = start.isoformat()
    per_bin = [[0] * len(KINDS) for _day in starts]
    current = 0
    for day, order, _pk in index:
        if day < first_day:
            continue
        while current < len(limits) and day >= limits[current]:
            current += 1
        if current == len(limits):
            break
        per_bin[current][order] += 1
    per_bin = [{kind.key: n for kind, n in zip(KINDS, counts, strict=True) if n}
               for counts in per_bin]
    totals: dict[str, int] = {}
    for counts in per_bin:
        for key, n in counts.items():
            totals[key] = totals.get(key, 0) + n
    chart.total = sum(totals.values())
    chart.highest = max((sum(c.values()) for c in per_bin), default=0)
    scale = BAR_HEIGHT / chart.highest if chart.highest else 0
    every = max(1, -(-len(starts) // 12))  # label at most about twelve bins
    for index, bin_start in enumerate(starts):
        first = max(bin_start, start)
        last = min(following(bin_start, window.zoom) - timedelta(days=1), end)
        x0, x1 = x(first), x(last + timedelta(days=1))
        gap = 1.5 if x1 - x0 > 6 else 0.2
        counts, y = per_bin[index], AXIS_Y
        segments = []
        for kind in KINDS:
            if counts.get(kind.key):
                height = counts[kind.key] * scale
                y -= height
                segments.append({"kind": kind.key, "y": _n(y), "height": _n(height)})
        total = sum(counts.values())
        label = bin_label(bin_start, window.zoom, long=True)
        title = ngettext("%(period)s: %(n)s event", "%(period)s: %(n)s events", total) % {
            "period": label, "n": total}
        if total:
            title += f" ({_kind_counts(counts)})"
        chart.bars.append({
            "x": _n(x0 + gap / 2), "width": _n(max(x1 - x0 - gap, 0.5)), "segments": segments,
            "title": title, "href": link(first, last), "total": total,
            "start": first.isoformat(),
        })
        if index % every == 0:
            chart.ticks.append({"x": _n(x0), "label_x": _n(x0 + 3),
                                "label": bin_label(bin_start, window.zoom)})
    chart.legend = [{"key": k.key, "label": k.plural, "count": totals.get(k.key, 0)}
                    for k in KINDS if k.key in kinds]
    if events is None:
        chart.too_many = chart.total > 0 and not summary
        chart.summary = summary
        return chart
    for row, key in enumerate(kinds):
        kind = next(k for k in KINDS if k.key == key)
        y = LANES_TOP + row * LANE + LANE / 2
        marks = [{
            "x": _n(x(event.date) + PLOT / span / 2), "url": event.url,
            "title": f"{event.day} · {event.label}: {event.title[:160]}",
        } for event in events if event.kind.key == key]
        chart.lanes.append({"key": key, "label": kind.plural, "y": _n(y), "text_y": _n(y + 4),
                            "line_y": _n(y), "marks": marks})
    chart.height = LANES_TOP + len(kinds) * LANE + 8
    return chart


def whole_window(index: list, zoom: str | None = None, *, start=None, end=None) -> Window:
    """The window that holds all of `index` (or from `start` / to `end`), snapped to whole bins."""
    first = start or (date.fromisoformat(index[0][0]) if index else None) or end or (
        timezone.localdate())
    last = end or (date.fromisoformat(index[-1][0]) if index else None) or first
    last = max(first, last)
    if not zoom:
        # The whole period opens in years, as an overview, once it spans several years.
        several_years = not (start and end) and count_bins(first, last, "years") > 1
        zoom = "years" if several_years else auto_zoom(first, last)
    zoom = fitting_zoom(first, last, zoom)
    if not start:
        first = floor(first, zoom)
    if not end:
        last = following(floor(last, zoom), zoom) - timedelta(days=1)
    return Window(first, last, zoom)
