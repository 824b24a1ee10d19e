"""The demo case, loaded once per test module inside a transaction that is rolled back at the
end of the module (each test still runs in its own savepoint, so tests stay independent)."""

import pytest
from django.db import transaction

from hefboom.accounts.models import User
from hefboom.demo.loader import load_demo_case
from hefboom.reporting.selectors import programme_for


@pytest.fixture(scope="module")
def demo_case(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_demo_case()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_case, db):
    """The demo programme (needs `db` so that each test's changes are rolled back)."""
    return programme_for("belgieprogramma-2022-2026")


@pytest.fixture
def me_officer(demo):
    return User.objects.get(username="me-officer")
