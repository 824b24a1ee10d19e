"""The UI speaks Dutch by default, and French or English when chosen."""

import pytest
from django.urls import reverse
from django.utils import translation

from hefboom.monitoring.models import Contact, FollowUp
from hefboom.strategy.models import ProgressMarker


@pytest.mark.parametrize(
    "language, words",
    [
        (None, ["Afmelden", "Dossiers", "Contacten"]),
        ("nl", ["Afmelden", "Contacten"]),
        ("fr", ["Déconnexion", "Contacts"]),
        ("en", ["Log out", "Contacts"]),
    ],
)
def test_navigation_in_each_language(client, alice, language, words):
    client.defaults.pop("HTTP_ACCEPT_LANGUAGE", None)
    if language:
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    client.force_login(alice)
    with translation.override(None):
        page = client.get(reverse("home")).content.decode()
    for word in words:
        assert word in page, (language, word)


def test_language_switch_sticks(client, alice):
    client.force_login(alice)
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    client.defaults.pop("HTTP_ACCEPT_LANGUAGE", None)
    with translation.override(None):
        assert "Déconnexion" in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_model_and_field_names_are_translated(language):
    with translation.override(language):
        assert str(Contact._meta.verbose_name_plural) != "contacts" or language == "fr"
        assert str(FollowUp._meta.get_field("description").verbose_name) != "follow-up"
        assert str(ProgressMarker._meta.get_field("level").verbose_name) != "level"


def test_missing_and_forbidden_pages_explain_themselves(client, victor, settings):
    settings.DEBUG = False
    client.force_login(victor)
    missing = client.get("/monitoring/contacts/999999/")
    assert missing.status_code == 404
    assert "not shared with you" in missing.content.decode()
    forbidden = client.get(reverse("monitoring:contact_create"))
    assert forbidden.status_code == 403
    assert "Your role does not allow this" in forbidden.content.decode()
