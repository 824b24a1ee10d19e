"""People and organisations, with the contacts and outcomes they were part of."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hefboom.actors.matching import ActorMatcher, persons_named, strip_titles
from hefboom.actors.models import Organisation, OrganisationType, Person
from hefboom.core.access import require_record_editor, visible_contacts
from hefboom.core.actions import save_record
from hefboom.core.widgets import words_match

RECENT = 20  # contacts and outcomes shown on a person's or organisation's page


def person_list(request):
    people = Person.objects.prefetch_related("roles__organisation")
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    return render(request, "actors/person_list.html", {"page": page})


def person_detail(request, pk):
    person = get_object_or_404(Person, pk=pk)
    return render(request, "actors/person_detail.html", {
        "person": person,
        "roles": person.roles.select_related("organisation"),
        **_recent(visible_contacts(request.user).filter(persons=person), person.outcomes.all(),
                  f"?person={person.pk}"),
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
        **_recent(visible_contacts(request.user).filter(organisations=organisation),
                  organisation.outcomes.all(), f"?organisation={organisation.pk}"),
    })


def _recent(contacts, outcomes, query):
    """The latest contacts and outcomes of an actor, with their totals and links to the full lists.

    An active actor has hundreds of contacts over the years; the page shows the latest and
    links to the filtered list instead of rendering them all.
    """
    return {
        "contacts": contacts[:RECENT],
        "contact_count": contacts.count(),
        "contacts_url": reverse("monitoring:contacts") + query,
        "outcomes": outcomes[:RECENT],
        "outcome_count": outcomes.count(),
        "outcomes_url": reverse("monitoring:outcomes") + query,
    }


# Autocomplete and inline creation for the quick-capture forms.

def _person_option(person, today):
    roles = [r for r in person.roles.all()
             if (r.start_date is None or r.start_date <= today)
             and (r.end_date is None or r.end_date >= today)]
    option = {"value": person.pk, "text": str(person), "hint": ""}
    if roles:
        role = roles[0]
        option["hint"] = f"{role.title}, {role.organisation}"
        option["organisation"] = {"value": role.organisation.pk, "text": str(role.organisation)}
    return option


def person_options(request):
    query = request.GET.get("q", "").strip()
    people = persons_named(query) if query else Person.objects.all()
    people = people.prefetch_related("roles__organisation").order_by("last_name", "first_name")[:20]
    today = timezone.localdate()
    return JsonResponse({"results": [_person_option(p, today) for p in people]})


def organisation_options(request):
    query = request.GET.get("q", "").strip()
    organisations = Organisation.objects.filter(words_match(query, "name", "short_name"))
    return JsonResponse({"results": [
        {"value": o.pk, "text": str(o), "hint": o.get_type_display()} for o in organisations[:20]
    ]})


@require_POST
def person_create(request):
    """Create a person from a typed name, unless that name clearly is someone we know."""
    require_record_editor(request.user)
    name = " ".join(request.POST.get("name", "").split())
    if not name:
        return JsonResponse({"error": _("Type a name first.")}, status=400)
    match = ActorMatcher().person(name)
    if match.certain:
        person = match.found
    else:
        words = strip_titles(name).split() if strip_titles(name) else name.split()
        original = name.split()[-len(words):]  # keep the user's capitals
        first, last = (original[0], " ".join(original[1:])) if len(original) > 1 else ("", original[0])
        person = save_record(Person(first_name=first, last_name=last,
                                    source_reference=_("Added while logging")), request.user)
    return JsonResponse(_person_option(person, timezone.localdate()))


@require_POST
def organisation_create(request):
    require_record_editor(request.user)
    name = " ".join(request.POST.get("name", "").split())
    if not name:
        return JsonResponse({"error": _("Type a name first.")}, status=400)
    match = ActorMatcher().organisation(name)
    organisation = match.found if match.certain else save_record(
        Organisation(name=name, type=OrganisationType.OTHER,
                     source_reference=_("Added while logging")), request.user)
    return JsonResponse({"value": organisation.pk, "text": str(organisation),
                         "hint": organisation.get_type_display()})
