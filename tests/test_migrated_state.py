"""Every transactional test finds the rows the migrations make (the four default services,
re-made by conftest's `_migrated_rows`), even after an earlier transactional test emptied the
tables."""

import pytest

from hefboom.strategy.models import DEFAULT_SERVICES, Service

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("run", [1, 2])
def test_the_default_services_are_there_in_every_transactional_test(run):
    assert sorted(Service.objects.values_list("code", flat=True)) == sorted(
        code for code, _name in DEFAULT_SERVICES)
    Service.objects.all().delete()  # committed: the next test must still find them


def test_a_live_server_test_starts_from_the_migrated_state_too(live_server):
    assert Service.objects.count() == len(DEFAULT_SERVICES)
    Service.objects.all().delete()
