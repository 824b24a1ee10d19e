"""Party positions on the spectrum: who may change them, and bad values change nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from hefboom.actors.models import Organisation
from hefboom.coverage.actions import set_spectrum_positions

URL = reverse("coverage:spectrum")


def test_mia_places_the_parties(client, mia, red, blue, unplaced):
    client.force_login(mia)
    response = client.post(URL, {f"party-{red.pk}": "3", f"party-{blue.pk}": "8",
                                 f"party-{unplaced.pk}": "5"})
    assert response.status_code == 302
    assert dict(Organisation.objects.values_list("name", "spectrum_position")) == {
        "Rode Partij": 3, "Blauwe Partij": 8, "Grijze Partij": 5}
    assert Organisation.objects.get(pk=unplaced.pk).history.first().history_user == mia


def test_an_out_of_range_value_is_refused_and_nothing_changes(client, mia, red, blue):
    client.force_login(mia)
    response = client.post(URL, {f"party-{red.pk}": "4", f"party-{blue.pk}": "11"})
    assert response.status_code == 400
    assert "less than or equal to 10" in response.content.decode()
    assert dict(Organisation.objects.values_list("name", "spectrum_position")) == {
        "Rode Partij": 2, "Blauwe Partij": 8}


def test_the_action_refuses_bad_values_and_non_parties(mia, red, cabinet):
    with pytest.raises(ValidationError, match="from 0 .far left. to 10"):
        set_spectrum_positions(mia, {red: -1})
    with pytest.raises(ValidationError, match="is not a political party"):
        set_spectrum_positions(mia, {cabinet: 5})
    red.refresh_from_db()
    assert red.spectrum_position == 2


@pytest.mark.parametrize("who", ["alice", "victor"])
def test_policy_officers_and_viewers_may_not_place_parties(client, request, who, red):
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {f"party-{red.pk}": "9"}).status_code == 403
    with pytest.raises(PermissionDenied):
        set_spectrum_positions(user, {red: 9})
    red.refresh_from_db()
    assert red.spectrum_position == 2


def test_the_dashboard_offers_the_form_to_the_me_officer_only(client, mia, alice):
    client.force_login(mia)
    assert URL in client.get(reverse("coverage:dashboard")).content.decode()
    client.force_login(alice)
    assert URL not in client.get(reverse("coverage:dashboard")).content.decode()
