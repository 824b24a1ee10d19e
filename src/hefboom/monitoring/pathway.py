"""Layout of an outcome's pathway: what contributed to it, on a time axis, in lanes by type.

Pure Python (no database, no Django), so the geometry is unit-tested on its own; the outcome
page draws the result as inline SVG. Dates run left to right; the outcome stands at the right,
every contribution has an edge to it, and nodes that would collide move to another row of
their lane.

Partner organisations have no date of their own. They stand in their own lane at the date of
the earliest dated work linked to the outcome (or at the outcome's date when nothing else is
linked): the partnership is shown as present from the start of the pathway, and the lane makes
clear that its place on the axis is not a date of the partner's.
"""

import datetime as dt
from dataclasses import dataclass, field

# Lanes from top to bottom; also the colour classes of the nodes (pathway-<kind>).
KINDS = ("contact", "activity", "output", "organisation", "outcome")

WIDTH = 960
PLOT_LEFT = 150  # room for the lane names
TARGET_WIDTH = 190  # the outcome's box at the right
PLOT_RIGHT = WIDTH - TARGET_WIDTH - 40
TOP = 8
AXIS_HEIGHT = 34
ROW_HEIGHT = 24
LANE_PADDING = 8
MIN_LANE_HEIGHT = 40
RADIUS = 8
LABEL_CHARS = 22  # longer titles are cut; the full title is in the node's <title>
TARGET_CHARS = 23
CHAR_WIDTH = 6.3  # average width of a character at the label size, in SVG units
LABEL_GAP = 4
MIN_SPAN_DAYS = 30


@dataclass(frozen=True)
class Source:
    """One contribution link as the graph needs it."""

    kind: str  # one of KINDS
    key: int  # the link's id, to keep the order stable
    date: dt.date | None  # None for partner organisations
    title: str
    url: str
    evidence: int = 0  # evidence items behind the link


@dataclass(frozen=True)
class Node:
    source: Source
    date: dt.date  # where it stands on the axis (see the module note for organisations)
    x: float
    y: float
    row: int
    label: str
    label_x: float
    label_anchor: str  # "start" (label right of the node) or "end" (left of it)
    edge: str  # SVG path from the node to the outcome

    @property
    def left(self) -> float:
        if self.label_anchor == "end":
            return self.label_x - label_width(self.label)
        return self.x - RADIUS

    @property
    def right(self) -> float:
        if self.label_anchor == "end":
            return self.x + RADIUS
        return self.label_x + label_width(self.label)

    @property
    def hit_box(self) -> tuple[float, float, float, float]:
        """x, y, width, height of the clickable area: the node and its label."""
        return (round(self.left, 1), round(self.y - ROW_HEIGHT / 2 + 1, 1),
                round(self.right - self.left, 1), ROW_HEIGHT - 2)


@dataclass(frozen=True)
class Lane:
    kind: str
    label: str
    top: float
    height: float
    rows: int

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


@dataclass(frozen=True)
class Tick:
    x: float
    date: dt.date
    unit: str  # "year", "month" or "day": how the template writes the date


@dataclass(frozen=True)
class Target:
    """The outcome itself, at the right."""

    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]  # the title, wrapped onto at most two lines
    title: str
    date: dt.date
    date_x: float  # where the outcome's date falls on the axis

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


@dataclass
class Pathway:
    width: float
    height: float
    axis_y: float
    plot_left: float
    plot_right: float
    target: Target
    lanes: list[Lane] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.nodes


def truncate(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap(text: str, width: int, lines: int) -> tuple[str, ...]:
    """Break `text` into at most `lines` lines of `width` characters; the last one is cut."""
    words, result = text.split(), []
    while words and len(result) < lines - 1:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= width:
            line += " " + words.pop(0)
        result.append(truncate(line, width))
    if words:
        result.append(truncate(" ".join(words), width))
    return tuple(result)


def label_width(label: str) -> float:
    return len(label) * CHAR_WIDTH


def lay_out(outcome_date: dt.date, outcome_title: str, sources, *, lane_labels=None) -> Pathway:
    """Place `sources` (what contributed) and the outcome; see the module note."""
    sources = sorted(sources, key=lambda s: (KINDS.index(s.kind), s.date or dt.date.min, s.key))
    lane_labels = lane_labels or {}
    dated = [s.date for s in sources if s.date]
    earliest = min(dated, default=outcome_date)
    placed = [(s, s.date or earliest) for s in sources]
    scale = _TimeScale([d for _s, d in placed] + [outcome_date])

    lanes, nodes, top = [], [], TOP
    for kind in KINDS:
        in_lane = [(s, d) for s, d in placed if s.kind == kind]
        if not in_lane:
            continue
        rows = _rows(in_lane, scale)
        count = max(row for *_rest, row in rows) + 1
        height = max(MIN_LANE_HEIGHT, count * ROW_HEIGHT + 2 * LANE_PADDING)
        lanes.append(Lane(kind, lane_labels.get(kind, kind), top, height, count))
        for source, day, x, label, anchor, row in rows:
            y = top + LANE_PADDING + row * ROW_HEIGHT + ROW_HEIGHT / 2
            label_x = x + RADIUS + LABEL_GAP if anchor == "start" else x - RADIUS - LABEL_GAP
            nodes.append(Node(source, day, round(x, 1), round(y, 1), row, label,
                              round(label_x, 1), anchor, ""))
        top += height

    lanes_bottom = max(top, TOP + 80)
    target_height = 64
    target = Target(
        x=WIDTH - TARGET_WIDTH, y=round((TOP + lanes_bottom) / 2 - target_height / 2, 1),
        width=TARGET_WIDTH, height=target_height, lines=wrap(outcome_title, TARGET_CHARS, 2),
        title=outcome_title, date=outcome_date, date_x=round(scale.x(outcome_date), 1),
    )
    nodes = [_with_edge(node, target) for node in nodes]
    axis_y = lanes_bottom + 6
    return Pathway(width=WIDTH, height=axis_y + AXIS_HEIGHT, axis_y=axis_y, plot_left=PLOT_LEFT,
                   plot_right=PLOT_RIGHT, target=target, lanes=lanes, nodes=nodes,
                   ticks=scale.ticks())


def _rows(in_lane, scale):
    """Give each node of a lane the first row where it and its label overlap nothing."""
    spans = []
    for source, day in in_lane:
        x = scale.x(day)
        label = truncate(source.title)
        right_end = x + RADIUS + LABEL_GAP + label_width(label)
        anchor = "start" if right_end <= PLOT_RIGHT + 30 else "end"
        if anchor == "start":
            left, right = x - RADIUS, right_end
        else:
            left, right = x - RADIUS - LABEL_GAP - label_width(label), x + RADIUS
        spans.append((left, right, source, day, x, label, anchor))
    spans.sort(key=lambda span: (span[0], span[2].key))
    row_ends: list[float] = []
    placed = []
    for left, right, source, day, x, label, anchor in spans:
        row = next((r for r, end in enumerate(row_ends) if end + LABEL_GAP <= left), len(row_ends))
        if row == len(row_ends):
            row_ends.append(right)
        row_ends[row] = right
        placed.append((source, day, x, label, anchor, row))
    return placed


def _with_edge(node: Node, target: Target) -> Node:
    start_x = node.x + RADIUS
    end_x, end_y = target.x, target.middle
    bend = (start_x + end_x) / 2
    edge = (f"M{start_x:.1f},{node.y:.1f} C{bend:.1f},{node.y:.1f} {bend:.1f},{end_y:.1f} "
            f"{end_x:.1f},{end_y:.1f}")
    return Node(node.source, node.date, node.x, node.y, node.row, node.label, node.label_x,
                node.label_anchor, edge)


class _TimeScale:
    """Maps dates onto the plot's width, with a little room at both ends."""

    def __init__(self, dates):
        first, last = min(dates), max(dates)
        span = (last - first).days
        # A short pathway gets room around it; a long one a little margin at both ends.
        pad = (MIN_SPAN_DAYS - span) // 2 + 1 if span < MIN_SPAN_DAYS else max(1, span // 40)
        self.start = first - dt.timedelta(days=pad)
        self.end = last + dt.timedelta(days=pad)
        self.days = (self.end - self.start).days

    def x(self, day: dt.date) -> float:
        return PLOT_LEFT + (day - self.start).days / self.days * (PLOT_RIGHT - PLOT_LEFT)

    def ticks(self) -> list[Tick]:
        if self.days > 3 * 366:
            years = range(self.start.year + 1, self.end.year + 1)
            step = max(1, -(-len(years) // 10))
            days = [dt.date(year, 1, 1) for year in years[::step]]
            unit = "year"
        elif self.days > 120:
            months = self.days // 30
            step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 10)
            days, year, month = [], self.start.year, self.start.month
            while True:
                month += 1
                if month > 12:
                    year, month = year + 1, 1
                day = dt.date(year, month, 1)
                if day > self.end:
                    break
                if (month - 1) % step == 0:
                    days.append(day)
            unit = "month"
        else:
            step = 7 if self.days <= 70 else 14
            days = [self.start + dt.timedelta(days=n) for n in range(step, self.days, step)]
            unit = "day"
        return [Tick(round(self.x(day), 1), day, unit) for day in days if self.start < day <= self.end]
