"""The admin refuses the same roles as the person page (PersonRole.clean), and shows governments
with their roles."""

import datetime as dt

from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from hefboom.actors.actions import add_role
from hefboom.actors.models import Government, Person, PersonRole
from hefboom.core.actions import save_record


def role_formset(user, person, **row):
    request = RequestFactory().get("/")
    request.user = user
    admin = site._registry[Person]
    inline = admin.get_inline_instances(request, person)[0]
    data = {"roles-TOTAL_FORMS": "1", "roles-INITIAL_FORMS": "0",
            **{f"roles-0-{name}": value for name, value in row.items()}}
    return inline.get_formset(request, person)(data, instance=person, prefix="roles")


def test_the_admin_inline_refuses_an_overlapping_minister(carol, alice, advisor, cabinet):
    minister = save_record(Person(first_name="Eerste", last_name="Minister"), alice)
    add_role(alice, PersonRole(person=minister, organisation=cabinet, title="Minister",
                               single_holder=True, start_date=dt.date(2020, 1, 1)))
    formset = role_formset(carol, advisor, organisation=cabinet.pk, title="Minister",
                           start_date="2023-01-01")
    assert not formset.is_valid()
    assert "held by Eerste Minister (1 Jan 2020 – now)" in str(formset.errors)
    formset = role_formset(carol, advisor, organisation=cabinet.pk, title="Adviseur",
                           start_date="2023-01-01")
    assert formset.is_valid(), formset.errors


def test_the_government_admin_lists_its_roles(client, carol, alice, advisor, cabinet):
    government = save_record(Government(name="Regering Proef", political_level="federal",
                                        start_date=dt.date(2020, 10, 1)), alice)
    add_role(alice, PersonRole(person=advisor, organisation=cabinet, title="Adviseur",
                               government=government, start_date=dt.date(2021, 1, 1)))
    client.force_login(carol)
    html = client.get(reverse("admin:actors_government_change", args=[government.pk])
                      ).content.decode()
    assert "Adviseur" in html and "Regering Proef" in html
