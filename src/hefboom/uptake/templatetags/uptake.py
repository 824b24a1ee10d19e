"""`{% uptake_for_output output %}`: the "Where our words appear" section of an output's page."""

from django import template

from hefboom.uptake.models import ReuseMatch

register = template.Library()


@register.inclusion_tag("uptake/_output_section.html", takes_context=True)
def uptake_for_output(context, output):
    matches = ReuseMatch.objects.filter(output=output)
    return {
        "output": output,
        "match_count": matches.count(),
        "source_count": matches.values("document", "item_id").distinct().count(),
        "user": context.get("user"),
    }
