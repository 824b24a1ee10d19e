"""Each page reads in a fixed number of queries, however much data there is."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hefboom.monitoring.models import OutputType

from .conftest import activity, contact, link, outcome, output

pytestmark = pytest.mark.django_db

PAGES = {
    "overview": lambda case: reverse("synergy:overview") + "?start=2022-01-01",
    "overview, a dossier": lambda case: reverse("synergy:overview") + f"?dossier={case.dossier.pk}",
    "overview, row filters": lambda case: reverse("synergy:overview")
    + f"?theme={case.dossier.theme_id}&service={case.services['policy'].pk}&involved=many"
    f"&partner={case.coalition.pk}",
    "members": lambda case: reverse("synergy:members") + "?year=2024",
    "member": lambda case: reverse("synergy:member", args=[case.coalition.pk]),
    "export": lambda case: reverse("synergy:member_export"),
}
# The number each page may take (session and user included); it must not grow with the data.
QUERIES = {"overview": 21, "overview, a dossier": 22, "overview, row filters": 24,
           "members": 10, "member": 17, "export": 16}


def more_of_everything(case, user, count):
    """`count` more outcomes, each reached with a contact, an output and a campaign that
    carry services and partners, in two dossiers."""
    s = case.services
    for i in range(count):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=20 * i)
        dossier = case.dossier if i % 2 else case.finance
        reached = outcome(day + dt.timedelta(days=10), f"Uitkomst {i}", dossier)
        met = contact(user, day, f"Overleg {i}", dossier, services=[s["policy"], s["movement"]],
                      partners=[case.noordhuis], confidential=i % 3 == 0)
        made = output(day, f"Campagne {i}", dossier, type=OutputType.CAMPAIGN,
                      services=[s["communication"], s["international"]],
                      partners=[case.coalition])
        done = activity(day, f"Actie {i}", dossier, services=[s["movement"]],
                        partners=[case.noordhuis, case.coalition])
        link(reached, contact=met)
        link(reached, output=made)
        link(reached, activity=done)
        link(reached, organisation=case.noordhuis)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("page", PAGES)
def test_the_query_count_is_pinned_and_does_not_grow(client, case, alice, page,
                                                     django_assert_num_queries):
    client.force_login(alice)
    url = PAGES[page](case)
    with django_assert_num_queries(QUERIES[page]):
        client.get(url)
    more_of_everything(case, alice, 12)
    with django_assert_num_queries(QUERIES[page]):
        response = client.get(url)
    assert response.status_code == 200
