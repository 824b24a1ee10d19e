"""Political moments: upcoming first, then past; written by colleagues who may edit records,
with at least one dossier, and edits on an older version refused."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.core.actions import save_record
from hefboom.plans.models import Moment
from hefboom.plans.moments import delete_moment
from hefboom.strategy.models import Dossier, Theme

TODAY = dt.date.today()


def days(n):
    return TODAY + dt.timedelta(days=n)


def moment(user, title, day, dossiers, **extra):
    return save_record(Moment(title=title, date=day, kind="plenary", **extra), user,
                       m2m={"dossiers": dossiers})


@pytest.fixture
def klimaat_dossier(programme):
    klimaat = save_record(Theme(programme=programme, code="klimaat", name="Klimaat"), None)
    return save_record(Dossier(theme=klimaat, code="loss-and-damage", name="Loss and damage"),
                       None)


def form_data(dossiers, **values):
    data = {"date": days(30).isoformat(), "end_date": "", "title": "Plenaire stemming",
            "kind": "plenary", "political_level": "federal", "url": "", "notes": "",
            "dossiers": [d.pk for d in dossiers]}
    data.update(values)
    return data


def test_upcoming_moments_come_first_soonest_first_then_past_ones_latest_first(
        client, victor, mia, dossier):
    moment(mia, "Volgend jaar", days(300), [dossier])
    moment(mia, "Volgende maand", days(30), [dossier])
    moment(mia, "Lang geleden", days(-300), [dossier])
    moment(mia, "Vorige maand", days(-30), [dossier])
    moment(mia, "Top die nog loopt", days(-3), [dossier], end_date=days(2))
    client.force_login(victor)
    response = client.get(reverse("plans:moments"))
    assert [m.title for m in response.context["upcoming"]] == [
        "Top die nog loopt", "Volgende maand", "Volgend jaar"]
    assert [m.title for m in response.context["past"]] == ["Vorige maand", "Lang geleden"]
    html = response.content.decode()
    assert "Add a moment" not in html  # a viewer only reads


def test_the_list_filters_by_theme_and_by_dossier(client, victor, mia, dossier, klimaat_dossier):
    moment(mia, "Migratiedebat", days(10), [dossier])
    moment(mia, "COP", days(20), [klimaat_dossier])
    moment(mia, "Begroting", days(30), [dossier, klimaat_dossier])
    client.force_login(victor)
    by_theme = client.get(reverse("plans:moments"), {"theme": klimaat_dossier.theme_id})
    assert [m.title for m in by_theme.context["upcoming"]] == ["COP", "Begroting"]
    by_dossier = client.get(reverse("plans:moments"), {"dossier": dossier.pk})
    assert [m.title for m in by_dossier.context["upcoming"]] == ["Migratiedebat", "Begroting"]
    ignored = client.get(reverse("plans:moments"), {"dossier": "x"})
    assert len(ignored.context["upcoming"]) == 3


def test_a_policy_officer_adds_a_moment_in_the_future(client, alice, dossier):
    client.force_login(alice)
    response = client.post(reverse("plans:moment_create"), form_data([dossier]))
    assert response.status_code == 302
    saved = Moment.objects.get()
    assert saved.date == days(30) and list(saved.dossiers.all()) == [dossier]
    assert saved.created_by == alice and saved.history.count() == 1


def test_a_viewer_may_not_add_edit_or_delete(client, victor, mia, dossier):
    existing = moment(mia, "Plenaire", days(5), [dossier])
    client.force_login(victor)
    assert client.get(reverse("plans:moment_create")).status_code == 403
    assert client.post(reverse("plans:moment_create"), form_data([dossier])).status_code == 403
    assert client.post(reverse("plans:moment_edit", args=[existing.pk]),
                       form_data([dossier], title="Anders")).status_code == 403
    assert client.post(reverse("plans:moment_delete", args=[existing.pk])).status_code == 403
    existing.refresh_from_db()
    assert existing.title == "Plenaire"


def test_a_moment_needs_a_dossier_and_an_end_after_its_start(client, alice, dossier):
    client.force_login(alice)
    response = client.post(reverse("plans:moment_create"), form_data([]))
    assert response.status_code == 200
    assert response.context["form"].errors["dossiers"]
    response = client.post(reverse("plans:moment_create"),
                           form_data([dossier], end_date=days(10).isoformat()))
    assert "The end date cannot be before the start date." in response.content.decode()
    assert not Moment.objects.exists()


def test_the_save_action_refuses_a_moment_without_dossiers(alice):
    from django.core.exceptions import ValidationError

    from hefboom.plans.moments import save_moment

    with pytest.raises(ValidationError) as refused:
        save_moment(alice, Moment(title="Stemming", date=days(3), kind="plenary"), dossiers=[])
    assert "dossiers" in refused.value.error_dict
    assert not Moment.objects.exists()


def test_an_edit_based_on_an_older_version_is_refused_and_names_who_changed_it(
        client, alice, bob, dossier):
    existing = moment(alice, "Plenaire", days(5), [dossier])
    client.force_login(alice)
    page = client.get(reverse("plans:moment_edit", args=[existing.pk]))
    seen = page.context["form"]["expected_version"].value()
    existing.title = "Plenaire stemming over de migratiewet"
    save_record(existing, bob, m2m={"dossiers": [dossier]})
    response = client.post(reverse("plans:moment_edit", args=[existing.pk]),
                           form_data([dossier], title="Mijn titel", expected_version=seen))
    assert response.status_code == 200
    assert "Bob saved this record after you opened it" in response.content.decode()
    existing.refresh_from_db()
    assert existing.title == "Plenaire stemming over de migratiewet"
    # Saving again keeps one's own values, deliberately.
    again = client.post(reverse("plans:moment_edit", args=[existing.pk]), response.context["form"].data)
    assert again.status_code == 302
    existing.refresh_from_db()
    assert existing.title == "Mijn titel"


def test_deleting_a_moment_keeps_who_removed_it_in_the_history(client, alice, mia, dossier):
    existing = moment(mia, "Plenaire", days(5), [dossier])
    client.force_login(alice)
    assert client.get(reverse("plans:moment_delete", args=[existing.pk])).status_code == 200
    response = client.post(reverse("plans:moment_delete", args=[existing.pk]))
    assert response.status_code == 302
    assert not Moment.objects.exists()
    removal = Moment.history.filter(id=existing.pk, history_type="-").get()
    assert removal.history_user == alice


def test_the_delete_action_is_for_editors_only(victor, mia, dossier):
    from django.core.exceptions import PermissionDenied

    existing = moment(mia, "Plenaire", days(5), [dossier])
    with pytest.raises(PermissionDenied):
        delete_moment(victor, existing)
    assert Moment.objects.filter(pk=existing.pk).exists()


def test_the_list_costs_the_same_number_of_queries_with_more_moments(
        client, alice, mia, dossier, klimaat_dossier, django_assert_num_queries):
    client.force_login(alice)

    def more(n):
        for i in range(n):
            moment(mia, f"Vooruit {i}", days(i + 1), [dossier, klimaat_dossier])
            moment(mia, f"Voorbij {i}", days(-i - 1), [dossier])

    more(2)
    # session and user, upcoming (+ dossiers), past count, page (+ dossiers), themes, dossiers
    with django_assert_num_queries(9):
        client.get(reverse("plans:moments"))
    more(5)
    with django_assert_num_queries(9):
        html = client.get(reverse("plans:moments")).content.decode()
    assert "Vooruit 4" in html and "Voorbij 4" in html
