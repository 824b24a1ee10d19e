"""Filters for the record lists (django-filter); the same filtered set feeds the exports."""

import django_filters as filters
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from hefboom.accounts.models import User
from hefboom.actors.models import Organisation, OrganisationType, Person, PoliticalLevel
from hefboom.actors.selectors import partner_organisations
from hefboom.core.widgets import AutocompleteOne
from hefboom.monitoring.models import (
    ActivityType,
    ChangeType,
    Channel,
    OutputType,
    Substantiation,
)
from hefboom.strategy.models import Dossier, Service, Theme

DATE = {"type": "date"}


def _person():
    return AutocompleteOne(reverse_lazy("actors:person_options"))


def _organisation():
    return AutocompleteOne(reverse_lazy("actors:organisation_options"))


def _partner():
    return AutocompleteOne(reverse_lazy("actors:partner_options"))


def _parties(request=None):
    return Organisation.objects.filter(type=OrganisationType.PARTY)


class RecordFilter(filters.FilterSet):
    """What every list can be filtered on: dossier, theme and period."""

    dossier = filters.ModelChoiceFilter(field_name="dossiers", queryset=Dossier.objects.all(),
                                        label=_("Dossier"))
    theme = filters.ModelChoiceFilter(field_name="dossiers__theme", queryset=Theme.objects.all(),
                                      label=_("Theme"))
    date_from = filters.DateFilter(field_name="date", lookup_expr="gte", label=_("From"),
                                   widget=filters.widgets.forms.DateInput(attrs=DATE))
    date_to = filters.DateFilter(field_name="date", lookup_expr="lte", label=_("To"),
                                 widget=filters.widgets.forms.DateInput(attrs=DATE))

    # Filters that can match one record through several links (two dossiers of one theme, two
    # organisations at one level) and so repeat its row; only they need DISTINCT, which is costly
    # on large lists (the paginator's count then runs over a DISTINCT subquery).
    repeating_filters = ("theme", "party", "level", "institution")

    @property
    def qs(self):
        qs = super().qs
        data = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
        if any(data.get(name) for name in self.repeating_filters if name in self.filters):
            qs = qs.distinct()
        return qs


class WorkFilter(RecordFilter):
    """Contacts, activities and outputs: also by the service involved and the member
    organisation or coalition that took part (one value each, so no repeated rows)."""

    service = filters.ModelChoiceFilter(field_name="services", queryset=Service.objects.all(),
                                        label=_("Service"))
    partner = filters.ModelChoiceFilter(field_name="partners", queryset=partner_organisations(),
                                        label=_("Member organisation or coalition"),
                                        widget=_partner())


def filter_party(organisations_field, persons_field):
    """Records involving a party: the party itself, its groups and services, or its members."""

    def apply(qs, name, party):
        if not party:
            return qs
        condition = Q(**{organisations_field: party}) | Q(**{f"{organisations_field}__parent": party})
        if persons_field:
            condition |= Q(**{f"{persons_field}__roles__organisation": party})
        return qs.filter(condition)

    return apply


class ContactFilter(WorkFilter):
    channel = filters.ChoiceFilter(choices=Channel.choices, label=_("Channel"))
    person = filters.ModelChoiceFilter(field_name="persons", queryset=Person.objects.all(),
                                       label=_("Person"), widget=_person())
    organisation = filters.ModelChoiceFilter(field_name="organisations",
                                             queryset=Organisation.objects.all(),
                                             label=_("Organisation"), widget=_organisation())
    party = filters.ModelChoiceFilter(queryset=_parties, label=_("Party"),
                                      method=filter_party("organisations", "persons"))
    level = filters.ChoiceFilter(field_name="organisations__political_level",
                                 choices=PoliticalLevel.choices, label=_("Political level"))
    institution = filters.ChoiceFilter(field_name="organisations__type",
                                       choices=OrganisationType.choices,
                                       label=_("Institution type"))
    participant = filters.ModelChoiceFilter(field_name="our_participants",
                                            queryset=User.objects.filter(is_active=True),
                                            label=_("Our participant"))
    order = filters.OrderingFilter(fields=(("date", "date"), ("channel", "channel")),
                                   label=_("Sort"))


class ActivityFilter(WorkFilter):
    type = filters.ChoiceFilter(choices=ActivityType.choices, label=_("Type"))
    organisation = filters.ModelChoiceFilter(field_name="organisations",
                                             queryset=Organisation.objects.all(),
                                             label=_("Organisation"), widget=_organisation())
    party = filters.ModelChoiceFilter(queryset=_parties, label=_("Party"),
                                      method=filter_party("organisations", None))
    level = filters.ChoiceFilter(field_name="organisations__political_level",
                                 choices=PoliticalLevel.choices, label=_("Political level"))
    institution = filters.ChoiceFilter(field_name="organisations__type",
                                       choices=OrganisationType.choices,
                                       label=_("Institution type"))
    participant = filters.ModelChoiceFilter(field_name="our_participants",
                                            queryset=User.objects.filter(is_active=True),
                                            label=_("Our participant"))
    order = filters.OrderingFilter(fields=(("date", "date"), ("title", "title"), ("type", "type")),
                                   label=_("Sort"))


class OutputFilter(WorkFilter):
    type = filters.ChoiceFilter(choices=OutputType.choices, label=_("Type"))
    participant = filters.ModelChoiceFilter(field_name="created_by",
                                            queryset=User.objects.filter(is_active=True),
                                            label=_("Logged by"))
    order = filters.OrderingFilter(fields=(("date", "date"), ("title", "title"), ("type", "type")),
                                   label=_("Sort"))


class OutcomeFilter(RecordFilter):
    type = filters.ChoiceFilter(field_name="change_type", choices=ChangeType.choices,
                                label=_("Type of change"))
    person = filters.ModelChoiceFilter(field_name="social_actor_persons",
                                       queryset=Person.objects.all(), label=_("Person"),
                                       widget=_person())
    organisation = filters.ModelChoiceFilter(field_name="social_actor_organisations",
                                             queryset=Organisation.objects.all(),
                                             label=_("Organisation"), widget=_organisation())
    party = filters.ModelChoiceFilter(
        queryset=_parties, label=_("Party"),
        method=filter_party("social_actor_organisations", "social_actor_persons"))
    level = filters.ChoiceFilter(field_name="political_level", choices=PoliticalLevel.choices,
                                 label=_("Political level"))
    institution = filters.ChoiceFilter(field_name="social_actor_organisations__type",
                                       choices=OrganisationType.choices,
                                       label=_("Institution type"))
    substantiation = filters.ChoiceFilter(choices=Substantiation.choices,
                                          label=_("Substantiation status"))
    participant = filters.ModelChoiceFilter(field_name="created_by",
                                            queryset=User.objects.filter(is_active=True),
                                            label=_("Logged by"))
    order = filters.OrderingFilter(
        fields=(("date", "date"), ("title", "title"), ("change_type", "type")), label=_("Sort"))
