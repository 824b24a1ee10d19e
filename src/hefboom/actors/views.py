"""People and organisations, with the contacts and outcomes they were part of."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from hefboom.actors.models import Organisation, Person
from hefboom.core.access import visible_contacts


def person_list(request):
    people = Person.objects.prefetch_related("roles__organisation")
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    return render(request, "actors/person_list.html", {"page": page})


def person_detail(request, pk):
    person = get_object_or_404(Person, pk=pk)
    return render(request, "actors/person_detail.html", {
        "person": person,
        "roles": person.roles.select_related("organisation"),
        "contacts": visible_contacts(request.user).filter(persons=person)
        .prefetch_related("dossiers"),
        "outcomes": person.outcomes.all(),
    })


def organisation_list(request):
    organisations = Organisation.objects.select_related("parent")
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(request, "actors/organisation_list.html", {"page": page})


def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation.objects.select_related("parent"), pk=pk)
    return render(request, "actors/organisation_detail.html", {
        "organisation": organisation,
        "roles": organisation.roles.select_related("person"),
        "children": organisation.children.all(),
        "contacts": visible_contacts(request.user).filter(organisations=organisation)
        .prefetch_related("dossiers"),
        "outcomes": organisation.outcomes.all(),
    })
