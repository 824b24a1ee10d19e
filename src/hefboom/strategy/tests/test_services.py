"""Services of the integrated approach: created on install, translated when they are the
defaults, shown as typed when the organisation names its own."""

import pytest
from django.utils import translation

from hefboom.core.actions import save_record
from hefboom.strategy.models import DEFAULT_SERVICES, Service


@pytest.mark.django_db
def test_the_four_services_exist_after_migrating():
    assert list(Service.objects.values_list("code", flat=True)) == [
        code for code, _name in DEFAULT_SERVICES]


@pytest.mark.django_db
def test_default_service_names_follow_the_language_and_typed_names_do_not():
    policy = Service.objects.get(code="policy")
    own = save_record(Service(code="juridisch", name="Juridische dienst", order=9), None)
    with translation.override("nl"):
        assert str(policy) == "Beleid"
        assert str(own) == "Juridische dienst"
    with translation.override("fr"):
        assert str(policy) == "Politique"
    with translation.override("en"):
        assert str(policy) == "Policy"
