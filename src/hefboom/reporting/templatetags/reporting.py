"""Figures on the reporting pages: 4 not 4.00, and shares of the target as percentages."""

from django import template

from hefboom.reporting.charts import figure as format_figure

register = template.Library()


@register.filter
def figure(value):
    return format_figure(value)


@register.filter
def percent(share):
    """A share of the target (1.25) as a percentage ("125%"); a dash when there is none."""
    if share is None:
        return "—"
    return f"{round(share * 100)}%"
