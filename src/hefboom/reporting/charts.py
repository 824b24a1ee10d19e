"""The geometry of the dashboard's small SVG charts: actual against target per programme year.

Coordinates are computed here and handed to the template as ready strings, so that the template
never formats a number (a localised "12,5" would break the SVG), like `strategy.chart`.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 320, 170
LEFT, RIGHT, TOP, BOTTOM = 8, 8, 18, 22  # room for the value labels and the year labels


def figure(value) -> str:
    """A figure as people write it: 4 not 4.00, 12.5 not 12.50, localised."""
    if value is None:
        return "—"
    value = Decimal(value)
    places = max(0, -value.normalize().as_tuple().exponent) if value != value.to_integral() else 0
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def _n(x: float) -> str:
    return f"{x:.1f}"


@dataclass
class Bar:
    kind: str  # "target" or "actual"
    year: int
    value: Decimal
    x: str
    y: str
    width: str
    height: str
    label_x: str
    label_y: str
    label: str
    title: str


@dataclass
class YearLabel:
    year: int
    x: str
    current: bool


@dataclass
class Chart:
    """One indicator's bars, ready for `reporting/_chart.html`."""

    indicator: object
    width: int = WIDTH
    height: int = HEIGHT
    bars: list = field(default_factory=list)
    years: list = field(default_factory=list)
    baseline_y: str = ""
    baseline_label: str = ""
    axis_y: str = ""
    description: str = ""
    rows: list = field(default_factory=list)  # (year, target label, actual label) for the table

    @property
    def empty(self) -> bool:
        return not self.bars


def indicator_chart(row) -> Chart:
    """Bars of target and actual for every programme year up to the row's year (a
    `selectors.IndicatorRow`), with the baseline as a dashed line when there is one."""
    indicator = row.indicator
    history = sorted(row.history.items())
    values = [v for _year, pair in history for v in pair if v is not None]
    if indicator.baseline_value is not None:
        values.append(indicator.baseline_value)
    chart = Chart(indicator=indicator, axis_y=_n(HEIGHT - BOTTOM))
    chart.rows = [(year, figure(target), figure(actual)) for year, (target, actual) in history]
    top = max(values, default=Decimal(0))
    if not history:
        return chart
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / len(history)
    bar_width = min(28.0, slot * 0.36)

    def y_of(value) -> float:
        return HEIGHT - BOTTOM - (float(value) / float(top) * plot_height if top else 0)

    for i, (year, (target, actual)) in enumerate(history):
        centre = LEFT + slot * i + slot / 2
        chart.years.append(YearLabel(year, _n(centre), year == row.year))
        for kind, value, x in (("target", target, centre - bar_width - 1),
                               ("actual", actual, centre + 1)):
            if value is None:
                continue
            y = y_of(value)
            word = _("target") if kind == "target" else _("actual")
            chart.bars.append(Bar(
                kind=kind, year=year, value=value, x=_n(x), y=_n(y), width=_n(bar_width),
                height=_n(HEIGHT - BOTTOM - y), label_x=_n(x + bar_width / 2), label_y=_n(y - 3),
                label=figure(value), title=f"{year}: {word} {figure(value)}",
            ))
    if indicator.baseline_value is not None:
        chart.baseline_y = _n(y_of(indicator.baseline_value))
        chart.baseline_label = _("baseline %(value)s") % {"value": figure(indicator.baseline_value)}
    parts = [_("%(year)s: target %(target)s, actual %(actual)s")
             % {"year": year, "target": target, "actual": actual}
             for year, target, actual in chart.rows]
    chart.description = "; ".join(parts)
    return chart
