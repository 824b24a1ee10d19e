from django import template

from hefboom.learning.ratings import rating_label as label

register = template.Library()


@register.filter
def rating_label(value):
    """"none" reads "not yet", as Outcome Mapping says it."""
    return label(value)
