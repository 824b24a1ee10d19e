"""Form widgets shared by the apps."""

from django import forms
from django.db.models import Q


def words_match(query: str, *field_names: str) -> Q:
    """The condition behind every server-searched field: each word of `query` occurs (any case)
    in at least one of the fields."""
    condition = Q()
    for word in query.split():
        any_field = Q()
        for name in field_names:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    return condition


class ServerSearched:
    """A select searched on the server (Tom Select in the browser, see hefboom.js).

    Only the selected options are rendered, so a form stays light however many persons or
    organisations there are; `create_url` lets the user add a missing one inline.
    """

    def __init__(self, url: str, create_url: str = "", *, preload: bool = False, attrs=None):
        super().__init__(attrs)
        self.url, self.create_url, self.preload = url, create_url, preload

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-autocomplete"] = self.url
        if self.create_url:
            attrs["data-create"] = self.create_url
        if self.preload:
            attrs["data-preload"] = "focus"
        return attrs

    def optgroups(self, name, value, attrs=None):
        selected = [v for v in value if v]
        queryset = self.choices.queryset.filter(pk__in=selected) if selected else []
        options = [
            self.create_option(name, obj.pk, str(obj), True, index)
            for index, obj in enumerate(queryset)
        ]
        if not self.allow_multiple_selected:
            options.insert(0, self.create_option(name, "", "", not selected, 0))
        return [(None, options, 0)]


class Autocomplete(ServerSearched, forms.SelectMultiple):
    """Several persons, organisations or dossiers."""


class AutocompleteOne(ServerSearched, forms.Select):
    """One person or organisation, e.g. in a list filter."""
