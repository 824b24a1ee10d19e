"""Every page of the network app answers on the demo case (real roles, governments, dates)."""

import pytest
from django.urls import reverse

from hefboom.accounts.models import User
from hefboom.actors.models import Organisation, Person
from hefboom.strategy.models import Dossier


@pytest.fixture
def demo(demo_module, db):
    assert demo_module.loaded
    return demo_module


def test_every_briefing_dossier_and_hand_over_page_of_the_demo_answers(client, demo):
    reader = User.objects.filter(role="me_officer", is_active=True).first()
    client.force_login(reader)
    urls = [reverse("network:overview")]
    urls += [reverse("network:person_briefing", args=[pk])
             for pk in Person.objects.values_list("pk", flat=True)]
    urls += [reverse("network:organisation_briefing", args=[pk])
             for pk in Organisation.objects.values_list("pk", flat=True)]
    urls += [reverse("network:dossier", args=[pk]) for pk in Dossier.objects.values_list("pk", flat=True)]
    urls += [reverse("network:handover", args=[pk]) for pk in User.objects.values_list("pk", flat=True)]
    failed = [url for url in urls if client.get(url).status_code != 200]
    assert not failed
    assert len(urls) > 20
