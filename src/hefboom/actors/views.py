"""People and organisations, with the contacts and outcomes they were part of."""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hefboom.actors import actions
from hefboom.actors.forms import EndForm, MembershipForm, MergeForm, RoleForm
from hefboom.actors.matching import ActorMatcher, persons_named, strip_titles
from hefboom.actors.models import (
    Government,
    Membership,
    Organisation,
    OrganisationType,
    Person,
    PersonRole,
)
from hefboom.actors.selectors import best_role, holder_on, partner_organisations
from hefboom.core.access import require_record_editor, visible_contacts
from hefboom.core.actions import save_record
from hefboom.core.forms import attempt, run_action
from hefboom.core.widgets import words_match

RECENT = 20  # contacts and outcomes shown on a person's or organisation's page


def person_list(request):
    people = Person.objects.prefetch_related("roles__organisation")
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    return render(request, "actors/person_list.html", {"page": page})


def person_detail(request, pk):
    return _person_page(request, get_object_or_404(
        Person.objects.select_related("created_by", "updated_by"), pk=pk))



def _person_page(request, person):
    """The person's page: roles now and earlier, the latest contacts each with the role the
    person held on its date. The forms to add a role and merge a duplicate are pages of their
    own, so that reading a person costs no form rendering."""
    roles = list(person.roles.select_related("organisation", "government"))
    today = timezone.localdate()
    recent = _recent(visible_contacts(request.user).filter(persons=person)
                     .prefetch_related("organisations"),
                     person.outcomes.all(), f"?person={person.pk}")
    recent["contacts"] = list(recent["contacts"])
    for contact in recent["contacts"]:
        contact.role_then = best_role(roles, contact.date,
                                      [o.pk for o in contact.organisations.all()])
    return render(request, "actors/person_detail.html", {
        "person": person,
        "roles": roles,
        "current_roles": [r for r in roles if r.is_held_on(today)
                          or (r.start_date and r.start_date > today)],
        "earlier_roles": [r for r in roles if r.end_date and r.end_date < today],
        "today": today,
        **recent,
    })


def _form_page(request, person, form, title, action, status=200):
    return render(request, "actors/person_form.html", {
        "person": person, "form": form, "title": title, "action": action}, status=status)


def role_add(request, pk):
    require_record_editor(request.user)
    person = get_object_or_404(Person, pk=pk)
    return _save_form(
        request, RoleForm(request.POST or None, person=person), actions.add_role,
        "actors/person_form.html",
        {"person": person, "title": _("Add a role to %(person)s") % {"person": person},
         "action": _("Add role")},
        done=_("Role added."), next_url=person)


@require_POST
def role_end(request, pk):
    require_record_editor(request.user)
    role = get_object_or_404(PersonRole.objects.select_related("person"), pk=pk)
    return _end_span(request, actions.end_role, role, done=_("Role ended."),
                     missing=_("Give the date the role ended."), next_url=role.person)


def person_merge(request, pk):
    """Merge a duplicate into this person: choose it, see what will move, confirm."""
    require_record_editor(request.user)
    into = get_object_or_404(Person, pk=pk)
    title = _("Merge a duplicate into %(person)s") % {"person": into}
    form = MergeForm(request.POST or None)
    if request.method != "POST":
        return _form_page(request, into, form, title, _("Show what will move"))
    if not form.is_valid():
        return _form_page(request, into, form, title, _("Show what will move"), 400)
    duplicate = form.cleaned_data["duplicate"]
    refusal = actions._refusal(duplicate, into)
    if refusal:
        form.add_error("duplicate", refusal)
        return _form_page(request, into, form, title, _("Show what will move"), 400)
    if not form.cleaned_data["confirmed"]:
        return render(request, "actors/person_merge.html", {
            "into": into, "duplicate": duplicate,
            "preview": actions.merge_preview(duplicate, into, visible_contacts(request.user)),
        })
    try:
        actions.merge_persons(duplicate, into, request.user)
    except ValidationError as exc:
        form.add_error(None, exc)
        return _form_page(request, into, form, title, _("Show what will move"), 400)
    messages.success(request, _("%(duplicate)s was merged into %(into)s.")
                     % {"duplicate": duplicate, "into": into})
    return redirect(into)


def organisation_list(request):
    organisations = Organisation.objects.select_related("parent")
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(request, "actors/organisation_list.html", {"page": page})


def organisation_detail(request, pk):
    organisation = get_object_or_404(
        Organisation.objects.select_related("parent", "created_by", "updated_by"), pk=pk)
    roles = list(organisation.roles.select_related("person", "government")
                 .order_by("title", "start_date", "pk"))
    holders = [r for r in roles if r.single_holder]
    recent = _recent(visible_contacts(request.user).filter(organisations=organisation),
                     organisation.outcomes.all(), f"?organisation={organisation.pk}")
    recent["contacts"] = list(recent["contacts"])
    if holders:  # e.g. a cabinet: who was the minister at each contact's date
        for contact in recent["contacts"]:
            contact.holder_then = holder_on(holders, contact.date)
    return render(request, "actors/organisation_detail.html", {
        "organisation": organisation,
        "functions": [(title, list(group)) for title, group
                      in groupby(roles, key=lambda r: r.title)],
        "has_holders": bool(holders),
        "children": organisation.children.all(),
        "memberships": organisation.memberships.order_by(F("start_date").desc(nulls_last=True)),
        "today": timezone.localdate(),
        **recent,
    })


# Memberships: the organisation as a member organisation or a coalition we take part in.

def _memberships_of(organisation) -> str:
    return organisation.get_absolute_url() + "#memberships"


def membership_add(request, pk):
    actions.require_membership_editor(request.user)
    organisation = get_object_or_404(Organisation, pk=pk)
    return _save_form(
        request, MembershipForm(request.POST or None, organisation=organisation),
        actions.add_membership, "actors/membership_form.html",
        {"organisation": organisation,
         "title": _("Add a membership of %(organisation)s") % {"organisation": organisation}},
        done=_("Membership added."), next_url=_memberships_of(organisation))


def membership_edit(request, pk):
    actions.require_membership_editor(request.user)
    membership = get_object_or_404(Membership.objects.select_related("organisation"), pk=pk)
    organisation = membership.organisation
    return _save_form(
        request, MembershipForm(request.POST or None, instance=membership,
                                organisation=organisation),
        actions.change_membership, "actors/membership_form.html",
        {"organisation": organisation,
         "title": _("Change a membership of %(organisation)s") % {"organisation": organisation}},
        done=_("Membership changed."), next_url=_memberships_of(organisation))


@require_POST
def membership_end(request, pk):
    actions.require_membership_editor(request.user)
    membership = get_object_or_404(Membership.objects.select_related("organisation"), pk=pk)
    return _end_span(request, actions.end_membership, membership, done=_("Membership ended."),
                     missing=_("Give the date the membership ended."),
                     next_url=_memberships_of(membership.organisation))


# The shape the role and membership views share.

def _save_form(request, form, action, template, context, *, done, next_url):
    """A form page that writes through one action: GET shows it; a valid POST calls
    `action(user, form.instance)` (for an edit with the version the form was based on) and
    goes to `next_url` with the message `done`. An invalid form or a refusal (on the form)
    shows the page again with status 400."""
    if request.method != "POST":
        return render(request, template, {**context, "form": form})
    if form.is_valid():
        based_on = ({"expected_version": form.cleaned_data.get("expected_version")}
                    if form.instance.pk else {})
        if run_action(form, action, request.user, form.instance, **based_on):
            messages.success(request, done)
            return redirect(next_url)
    return render(request, template, {**context, "form": form}, status=400)


def _end_span(request, action, span, *, done, missing, next_url):
    """End a role or a membership on the posted date through `action(user, span, day)`; a
    refusal, or no date (`missing`), is an error message. Back to `next_url` either way."""
    form = EndForm(request.POST)
    if not form.is_valid():
        messages.error(request, missing)
    elif attempt(request, action, request.user, span, form.cleaned_data["end_date"]):
        messages.success(request, done)
    return redirect(next_url)


def government_list(request):
    governments = (Government.objects.prefetch_related("parties")
                   .annotate(role_count=Count("roles")))
    return render(request, "actors/government_list.html", {"governments": governments})


def government_detail(request, pk):
    government = get_object_or_404(
        Government.objects.select_related("created_by", "updated_by").prefetch_related(
            Prefetch("parties", Organisation.objects.order_by("spectrum_position", "name"))), pk=pk)
    roles = government.roles.select_related("person", "organisation").order_by(
        "organisation__name", "organisation_id", "start_date", "pk")
    return render(request, "actors/government_detail.html", {
        "government": government,
        "composition": [(organisation, list(group)) for organisation, group
                        in groupby(roles, key=lambda r: r.organisation)],
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
    roles = [r for r in person.roles.all() if r.is_held_on(today)]
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


def partner_options(request):
    """Member organisations and coalitions (any membership), for a record's partners."""
    query = request.GET.get("q", "").strip()
    partners = partner_organisations().filter(words_match(query, "name", "short_name"))
    return JsonResponse({"results": [
        {"value": o.pk, "text": str(o), "hint": o.get_type_display()} for o in partners[:20]
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
