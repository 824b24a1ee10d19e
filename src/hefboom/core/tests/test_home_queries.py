"""The home page costs the same number of queries however many records there are."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.core import views
from hefboom.monitoring import actions
from hefboom.monitoring.models import Channel, Contact, FollowUp, Outcome


def _records(alice, dossier, cabinet, advisor, n):
    for i in range(n):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i)
        actions.record_contact(
            alice, Contact(date=day, channel=Channel.CALL, summary=f"Gesprek {i}"),
            our_participants=[alice], dossiers=[dossier], persons=[advisor], organisations=[cabinet],
            follow_ups=[FollowUp(description=f"Nota sturen {i}", owner=alice,
                                 due_date=day + dt.timedelta(days=900))])
        actions.record_outcome(
            alice, Outcome(title=f"Verandering {i}", description="Wie veranderde wat", date=day,
                           change_type="policy_content"),
            dossiers=[dossier], social_actor_organisations=[cabinet])


@pytest.mark.parametrize(("user", "queries"), [("alice", 8), ("mia", 12), ("carol", 12), ("victor", 6)])
def test_the_home_page_does_not_query_more_with_more_records(
        user, queries, request, client, alice, dossier, cabinet, advisor, monkeypatch,
        django_assert_num_queries):
    monkeypatch.setattr(views, "HOME_LIST", 3)
    client.force_login(request.getfixturevalue(user))
    _records(alice, dossier, cabinet, advisor, 2)
    with django_assert_num_queries(queries):
        client.get(reverse("home"))
    _records(alice, dossier, cabinet, advisor, 4)
    with django_assert_num_queries(queries):
        html = client.get(reverse("home")).content.decode()
    if user == "alice":  # her open follow-ups: the first HOME_LIST only, oldest due first
        assert html.count("Nota sturen") == 3
        assert "Nota sturen 0" in html
    if user in ("mia", "carol"):  # the outcomes without evidence: the first HOME_LIST only
        assert html.count("Verandering") == 3 + 6  # and the six in "recent outcomes" (of 8)
