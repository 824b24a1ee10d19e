"""Narratives: references to records, confidentiality, the bin, versions and roles."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.core.actions import delete_record
from hefboom.learning import actions, selectors
from hefboom.learning.models import Narrative, NarrativeReference

from .conftest import YEAR_2023


def narrative_form(scope, **overrides):
    data = {"period_start": "2023-01-01", "period_end": "2023-12-31",
            "title": "Hervestiging in 2023", "status": "draft", "text": ""}
    data["dossier" if scope._meta.model_name == "dossier" else "theme"] = scope.pk
    data.update(overrides)
    return data


def write(user, scope, text, **fields):
    narrative = Narrative(dossier=scope, period_start=YEAR_2023[0], period_end=YEAR_2023[1],
                          title=fields.pop("title", "Hervestiging in 2023"), text=text, **fields)
    return actions.save_narrative(user, narrative)


def test_alice_writes_a_narrative_whose_references_show_the_records_current_titles(
        client, alice, dossier, outcome, output):
    client.force_login(alice)
    text = f"Na de [@output:{output.pk}] besliste de regering: [@outcome:{outcome.pk}]."
    response = client.post(reverse("learning:narrative_create"), narrative_form(dossier, text=text))
    narrative = Narrative.objects.get()
    assert response.status_code == 302 and response["Location"] == narrative.get_absolute_url()
    assert sorted(narrative.references.values_list("kind", "object_id")) == [
        ("outcome", outcome.pk), ("output", output.pk)]

    outcome.title = "Autonome hervestigingsstructuur"
    outcome.save()
    page = client.get(narrative.get_absolute_url()).content.decode()
    assert f'href="{outcome.get_absolute_url()}">Autonome hervestigingsstructuur</a>' in page
    assert f'href="{output.get_absolute_url()}">Inputnota hervestiging</a>' in page


def test_bob_never_sees_the_confidential_contacts_title_through_a_narrative(
        client, alice, bob, dossier, confidential_contact):
    narrative = write(alice, dossier, f"Het overleg [@contact:{confidential_contact.pk}] hielp.")
    client.force_login(alice)
    assert "Vertrouwelijk overleg" in client.get(narrative.get_absolute_url()).content.decode()

    client.force_login(bob)
    page = client.get(narrative.get_absolute_url()).content.decode()
    assert "Vertrouwelijk overleg" not in page
    assert "[unavailable record]" in page
    assert "Vertrouwelijk" not in selectors.narrative_text(narrative, bob)
    editor = client.get(reverse("learning:narrative_edit", args=[narrative.pk])).content.decode()
    assert "Vertrouwelijk" not in editor


def test_bob_cannot_refer_to_a_confidential_contact_and_learns_nothing_about_it(
        client, bob, dossier, confidential_contact):
    client.force_login(bob)
    token = f"[@contact:{confidential_contact.pk}]"
    response = client.post(reverse("learning:narrative_create"),
                           narrative_form(dossier, text=f"Zie {token}."))
    errors = response.context["form"].errors["text"]
    assert errors == [f"{token} refers to no record you can see; remove it or choose another "
                      "record after typing @."]
    missing = client.post(reverse("learning:narrative_create"),
                          narrative_form(dossier, text="Zie [@contact:999999]."))
    # The same message as for a record that does not exist: nothing is revealed.
    assert missing.context["form"].errors["text"][0].replace("999999", str(confidential_contact.pk)) \
        == errors[0]
    assert not Narrative.objects.exists()


def test_the_suggestions_for_at_leave_out_confidential_contacts_and_the_bin(
        client, alice, bob, dossier, open_contact, confidential_contact, outcome, output, advisor, cabinet):
    delete_record(output, alice)
    client.force_login(bob)
    results = client.get(reverse("learning:reference_options"), {"q": "over"}).json()["results"]
    tokens = [r["token"] for r in results]
    assert f"[@contact:{open_contact.pk}]" in tokens
    assert f"[@contact:{confidential_contact.pk}]" not in tokens
    assert not any("Vertrouwelijk" in r["text"] for r in results)
    everything = client.get(reverse("learning:reference_options"), {"q": ""}).json()["results"]
    assert {r["kind"] for r in everything} == {"contact", "outcome", "person", "organisation"}
    assert f"[@output:{output.pk}]" not in [r["token"] for r in everything]
    client.force_login(alice)
    results = client.get(reverse("learning:record_options", args=["contact"]),
                         {"q": "vertrouwelijk"}).json()["results"]
    assert [r["value"] for r in results] == [confidential_contact.pk]


def test_a_reference_to_a_record_in_the_bin_is_refused_and_nothing_is_saved(client, alice, dossier, output):
    delete_record(output, alice)
    client.force_login(alice)
    token = f"[@output:{output.pk}]"
    response = client.post(reverse("learning:narrative_create"),
                           narrative_form(dossier, text=f"Eerst {token}, dan [@outcom:3]."))
    errors = response.context["form"].errors["text"]
    assert any(token in e and "in the bin" in e for e in errors), errors
    assert any("[@outcom:3] is not a reference" in e for e in errors), errors
    assert not Narrative.objects.exists() and not NarrativeReference.objects.exists()


def test_a_record_deleted_later_shows_as_unavailable_and_the_text_can_still_be_saved(
        client, alice, bob, dossier, output, confidential_contact):
    narrative = write(alice, dossier, f"[@output:{output.pk}] en [@contact:{confidential_contact.pk}]")
    delete_record(output, alice)
    client.force_login(alice)
    page = client.get(narrative.get_absolute_url()).content.decode()
    assert "Inputnota" not in page and page.count("[unavailable record]") == 1
    # Bob edits the title; the references already there are kept, even those he cannot see.
    client.force_login(bob)
    response = client.post(reverse("learning:narrative_edit", args=[narrative.pk]),
                           narrative_form(dossier, title="Nieuwe titel", text=narrative.text,
                                          expected_version=1))
    assert response.status_code == 302
    narrative.refresh_from_db()
    assert narrative.title == "Nieuwe titel" and narrative.version == 2
    assert narrative.references.count() == 2


def test_every_save_is_a_version_and_the_versions_page_shows_the_difference(client, alice, dossier):
    narrative = write(alice, dossier, "Eerste zin.\nTweede zin.")
    narrative.text = "Eerste zin.\nEen betere tweede zin."
    actions.save_narrative(alice, narrative, expected_version=1)
    client.force_login(alice)
    page = client.get(reverse("learning:narrative_history", args=[narrative.pk])).content.decode()
    assert page.index("Version 2") < page.index("Version 1")
    assert '<li class="added"><span aria-hidden="true">+</span> Een betere tweede zin.</li>' in page
    assert '<li class="removed"><span aria-hidden="true">-</span> Tweede zin.</li>' in page
    old = client.get(reverse("learning:narrative_history", args=[narrative.pk]), {"version": 1})
    assert "Tweede zin." in old.context["shown"].text


def test_an_edit_based_on_an_old_version_is_refused(client, alice, bob, dossier):
    narrative = write(alice, dossier, "Tekst van Alice.")
    narrative.text = "Alice past aan."
    actions.save_narrative(alice, narrative, expected_version=1)
    client.force_login(bob)
    response = client.post(reverse("learning:narrative_edit", args=[narrative.pk]),
                           narrative_form(dossier, text="Bob overschrijft.", expected_version=1))
    assert response.status_code == 200
    assert "saved this record after you opened it" in str(response.context["form"].non_field_errors())
    narrative.refresh_from_db()
    assert narrative.text == "Alice past aan."


@pytest.mark.parametrize("overrides, message", [
    ({"theme": "THEME"}, "Choose either a theme or a dossier, not both."),
    ({"dossier": ""}, "Choose either a theme or a dossier, not both."),
    ({"period_end": "2022-01-01"}, "The period cannot end before it starts."),
])
def test_bad_scope_or_period_is_named_and_nothing_saved(client, alice, theme, dossier, overrides, message):
    overrides = {k: theme.pk if v == "THEME" else v for k, v in overrides.items()}
    client.force_login(alice)
    response = client.post(reverse("learning:narrative_create"), narrative_form(dossier, **overrides))
    assert message in str(response.context["form"].errors)
    assert not Narrative.objects.exists()


def test_one_narrative_per_dossier_and_period(client, alice, dossier):
    write(alice, dossier, "Eerste.")
    client.force_login(alice)
    response = client.post(reverse("learning:narrative_create"), narrative_form(dossier, title="Tweede"))
    assert "This dossier already has a narrative for this period." in str(response.context["form"].errors)
    assert Narrative.objects.count() == 1


def test_the_draft_button_fills_the_text_without_saving(client, bob, dossier, open_contact,
                                                          confidential_contact, outcome):
    client.force_login(bob)
    response = client.post(reverse("learning:narrative_create"),
                           narrative_form(dossier, title="", text="Mijn inleiding.", generate="1"))
    text = response.context["form"]["text"].value()
    assert text.startswith("Mijn inleiding.\n\n## March 2023")
    assert f"[@contact:{open_contact.pk}]" in text and f"[@outcome:{outcome.pk}]" in text
    assert f"[@contact:{confidential_contact.pk}]" not in text
    assert not Narrative.objects.exists()


def test_victor_reads_narratives_but_cannot_write_them(client, alice, victor, dossier, outcome):
    narrative = write(alice, dossier, f"[@outcome:{outcome.pk}]")
    client.force_login(victor)
    assert client.get(narrative.get_absolute_url()).status_code == 200
    assert client.get(reverse("learning:narratives")).status_code == 200
    assert client.get(reverse("learning:narrative_create")).status_code == 403
    response = client.post(reverse("learning:narrative_edit", args=[narrative.pk]),
                           narrative_form(dossier, text="Overschreven", expected_version=1))
    assert response.status_code == 403
    narrative.refresh_from_db()
    assert narrative.text == f"[@outcome:{outcome.pk}]"


def test_narratives_for_a_programme_theme_or_dossier_and_period(alice, programme, theme, dossier):
    on_dossier = write(alice, dossier, "")
    on_theme = actions.save_narrative(alice, Narrative(
        theme=theme, period_start=dt.date(2022, 1, 1), period_end=dt.date(2023, 12, 31), title="Migratie"))
    assert list(selectors.narratives_for(dossier, *YEAR_2023)) == [on_dossier]
    assert set(selectors.narratives_for(theme, *YEAR_2023)) == {on_dossier, on_theme}
    assert list(selectors.narratives_for(programme, dt.date(2022, 1, 1), dt.date(2022, 12, 31))) == [on_theme]
    assert list(selectors.narratives_for(programme, *YEAR_2023, status="final")) == []


def test_the_narrative_page_needs_the_same_queries_however_many_references(
        client, alice, dossier, outcome, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hefboom.monitoring import actions as monitoring
    from hefboom.monitoring.models import Outcome

    narrative = write(alice, dossier, f"[@outcome:{outcome.pk}]")
    client.force_login(alice)
    with CaptureQueriesContext(connection) as few:
        client.get(narrative.get_absolute_url())
    more = [monitoring.record_outcome(alice, Outcome(title=f"Verandering {i}", description="…",
                                                     date=dt.date(2023, 2, 1), change_type="agenda"),
                                      dossiers=[dossier]) for i in range(10)]
    narrative.text += "".join(f" [@outcome:{o.pk}]" for o in more)
    actions.save_narrative(alice, narrative)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(narrative.get_absolute_url()).content.decode()
    assert "Verandering 9" in page


def test_the_list_filters_by_theme_dossier_and_year(client, alice, victor, theme, dossier):
    on_dossier = write(alice, dossier, "", title="Dossierverhaal 2023")
    actions.save_narrative(alice, Narrative(theme=theme, period_start=dt.date(2024, 1, 1),
                                            period_end=dt.date(2024, 12, 31), title="Themaverhaal 2024"))
    client.force_login(victor)
    url = reverse("learning:narratives")
    assert len(client.get(url).context["narratives"]) == 2
    assert list(client.get(url, {"dossier": dossier.pk}).context["narratives"]) == [on_dossier]
    assert [n.title for n in client.get(url, {"theme": theme.pk, "year": 2024}).context["narratives"]] == [
        "Themaverhaal 2024"]
    assert "New narrative" not in client.get(url).content.decode()  # victor only reads


def test_the_list_shows_narratives_in_pages_of_fifty(client, victor, dossier):
    # Ten years of a narrative per dossier and year: the list stays one page long.
    Narrative.objects.bulk_create([
        Narrative(dossier=dossier, period_start=dt.date(1960 + i, 1, 1), period_end=dt.date(1960 + i, 12, 31),
                  title=f"Jaarverhaal {1960 + i}") for i in range(55)])
    client.force_login(victor)
    url = reverse("learning:narratives")
    first = client.get(url)
    assert len(first.context["narratives"]) == 50
    assert "Jaarverhaal 2014" in first.content.decode() and "page=2" in first.content.decode()
    second = client.get(url, {"page": 2, "dossier": dossier.pk})
    titles = [n.title for n in second.context["narratives"]]
    assert titles == [f"Jaarverhaal {year}" for year in range(1964, 1959, -1)]
    assert f"dossier={dossier.pk}&amp;page=1" in second.content.decode()
