"""Template tags for showing who was what on a record's date."""

from django import template

from hefboom.actors.models import PersonRole, held_on
from hefboom.actors.selectors import best_role, roles_at

register = template.Library()


@register.simple_tag
def participants_then(contact):
    """A contact's persons with the role each held on the contact's date, and its organisations
    with who held their one-holder function then (the minister of a cabinet): past contacts keep
    the roles of their day. Four queries at most, however many participants there are."""
    persons = list(contact.persons.all())
    organisations = list(contact.organisations.all())
    organisation_ids = [o.pk for o in organisations]
    roles = roles_at(persons, contact.date, organisation_ids) if persons else {}
    holders: dict = {}
    if organisations:
        for role in (PersonRole.objects.filter(held_on(contact.date), single_holder=True,
                                               organisation_id__in=organisation_ids)
                     .select_related("person")):
            holders.setdefault(role.organisation_id, []).append(role)
    return {
        "persons": [(person, roles.get(person.pk)) for person in persons],
        "organisations": [(o, best_role(holders.get(o.pk, []), contact.date))
                          for o in organisations],
    }
