"""`{% evaluation_tags record %}`: the evaluation questions a record is tagged to, editable."""

from django import template

from hefboom.evaluation.selectors import tags_context

register = template.Library()


@register.inclusion_tag("evaluation/_tags.html", takes_context=True)
def evaluation_tags(context, record):
    return tags_context(context["request"].user, record) | {
        "csrf_token": context.get("csrf_token")}
