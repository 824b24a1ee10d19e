"""Shared fixtures: a small programme and named users whose roles make tests read as sentences.

Alice and Bob are policy officers (Alice takes part in the confidential meeting, Bob does not),
Mia is the M&E officer, Carol the administrator and Victor an external evaluator (viewer).
All names are invented.
"""

import datetime as dt
import os
import shutil

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from hefboom.accounts.models import Role, User
from hefboom.actors.models import Organisation, OrganisationType, Person, PoliticalLevel
from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Channel, Confidentiality, Contact
from hefboom.strategy.models import BoundaryPartner, Dossier, Programme, Theme

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _migrated_rows(request):
    """Transactional tests (the browser tests) empty every table when they end, the rows the
    migrations made included; the four default services are made again for each one."""
    names = request.fixturenames
    marker = request.node.get_closest_marker("django_db")
    if ("transactional_db" in names or "live_server" in names
            or (marker is not None and marker.kwargs.get("transaction"))):
        from hefboom.strategy.models import ensure_default_services

        request.getfixturevalue("transactional_db")
        ensure_default_services()


class FastPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's own algorithm with few rounds, for tests only: a hash records its rounds, so any
    Hefboom (a subprocess under test too) verifies it, at a thousandth of the cost of a login."""

    iterations = 1_000


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["conftest.FastPBKDF2PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Background tasks run inline in tests (the immediate backend still checks that their
    arguments could be stored in the queue); tests of the worker ask for the database backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def make_user(username, role, **extra):
    user = User(username=username, role=role, first_name=username.capitalize(), **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def alice(db):
    return make_user("alice", Role.POLICY_OFFICER)


@pytest.fixture
def bob(db):
    return make_user("bob", Role.POLICY_OFFICER)


@pytest.fixture
def mia(db):
    return make_user("mia", Role.ME_OFFICER)


@pytest.fixture
def carol(db):
    return make_user("carol", Role.ADMINISTRATOR)


@pytest.fixture
def victor(db):
    return make_user("victor", Role.VIEWER)


@pytest.fixture
def programme(db):
    return save_record(
        Programme(code="be-test", name="Testprogramma", funder="DGD",
                  start_date=dt.date(2022, 1, 1), end_date=dt.date(2026, 12, 31)),
        None,
    )


@pytest.fixture
def theme(programme):
    return save_record(Theme(programme=programme, code="migratie", name="Migratie"), None)


@pytest.fixture
def dossier(theme):
    return save_record(Dossier(theme=theme, code="hervestiging", name="Hervestiging"), None)


@pytest.fixture
def boundary_partner(theme):
    return save_record(BoundaryPartner(theme=theme, name="Federale regering"), None)


@pytest.fixture
def cabinet(db):
    return save_record(
        Organisation(name="Kabinet Testminister", type=OrganisationType.CABINET,
                     political_level=PoliticalLevel.FEDERAL),
        None,
    )


@pytest.fixture
def advisor(db):
    return save_record(Person(first_name="Lotte", last_name="Verzonnen"), None)


@pytest.fixture
def open_contact(alice, dossier, cabinet):
    contact = Contact(date=dt.date(2023, 3, 1), channel=Channel.CALL,
                      summary="Telefoon over hervestigingsquota")
    return actions.record_contact(alice, contact, our_participants=[alice], dossiers=[dossier],
                                  organisations=[cabinet])


@pytest.fixture
def confidential_contact(alice, dossier, cabinet, advisor):
    contact = Contact(date=dt.date(2023, 4, 2), channel=Channel.MEETING,
                      summary="Vertrouwelijk overleg over de nieuwe structuur",
                      confidentiality=Confidentiality.CONFIDENTIAL)
    return actions.record_contact(alice, contact, our_participants=[alice], dossiers=[dossier],
                                  organisations=[cabinet], persons=[advisor])


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo case, loaded once for a whole test module (loading takes seconds).

    It is loaded inside a transaction that is rolled back when the module is done; each test
    still runs in its own savepoint (request `db` too), so tests cannot see each other's changes.
    Not for tests that need committed data (the live server of browser tests).
    """
    from django.db import transaction

    from hefboom.demo.loader import load_demo_case

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load_demo_case()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def english(client):
    """Tests read messages in English; test_i18n checks the Dutch default and French."""
    from django.utils import translation

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


CHROMIUM = os.environ.get("HEFBOOM_CHROMIUM") or shutil.which("chromium")


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM:
        pytest.fail("Chromium is missing: run scripts/ensure-chromium or set HEFBOOM_CHROMIUM.")
    # Playwright's sync API runs an event loop in this thread; the Django calls made here are
    # plain test set-up, not concurrent access.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def logged_in_page(live_server, browser_page):
    """A browser page logged in as `username` (call it with the user, e.g. logged_in_page(alice))."""

    def log_in(user, password=PASSWORD):
        browser_page.goto(live_server.url + "/login/")
        browser_page.fill("input[name=username]", user.username)
        browser_page.fill("input[name=password]", password)
        browser_page.click("main button[type=submit]")
        browser_page.wait_for_url(live_server.url + "/")
        return browser_page

    return log_in
