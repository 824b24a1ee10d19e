"""Template tags for showing who was what on a record's date."""

from django import template

from hefboom.actors.selectors import roles_at

register = template.Library()


@register.simple_tag
def participants_then(contact):
    """[(person, the role they held on the contact's date or None)] for a contact's persons, in
    two queries however many there are: past contacts keep the role held then."""
    persons = list(contact.persons.all())
    organisation_ids = [o.pk for o in contact.organisations.all()]
    roles = roles_at(persons, contact.date, organisation_ids) if persons else {}
    return [(person, roles.get(person.pk)) for person in persons]
