"""Model rules of the strategy domain."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hefboom.core.actions import save_record
from hefboom.strategy.models import Dossier, Programme, ProgressMarker, Theme


def test_programme_cannot_end_before_it_starts(db):
    programme = Programme(code="p", name="P", start_date=dt.date(2026, 1, 1),
                          end_date=dt.date(2022, 1, 1))
    with pytest.raises(ValidationError) as exc:
        save_record(programme, None)
    assert "end_date" in exc.value.message_dict
    assert "cannot be before the start date" in exc.value.message_dict["end_date"][0]
    assert not Programme.objects.exists()


def test_database_also_refuses_a_programme_ending_before_it_starts(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Programme.objects.create(code="p", name="P", start_date=dt.date(2026, 1, 1),
                                 end_date=dt.date(2022, 1, 1))


def test_progress_marker_level_must_be_expect_like_or_love(boundary_partner):
    marker = ProgressMarker(boundary_partner=boundary_partner, level="adore", order=1,
                            statement="Iets")
    with pytest.raises(ValidationError) as exc:
        save_record(marker, None)
    assert "level" in exc.value.message_dict


def test_progress_marker_order_is_unique_per_partner_and_level(boundary_partner):
    save_record(ProgressMarker(boundary_partner=boundary_partner, level="expect", order=1,
                               statement="Eerste"), None)
    with pytest.raises(ValidationError):
        save_record(ProgressMarker(boundary_partner=boundary_partner, level="expect", order=1,
                                   statement="Dubbel"), None)
    save_record(ProgressMarker(boundary_partner=boundary_partner, level="like", order=1,
                               statement="Ander niveau"), None)
    assert ProgressMarker.objects.count() == 2


def test_progress_marker_dossier_must_share_the_partners_theme(boundary_partner, programme):
    other_theme = save_record(Theme(programme=programme, code="klimaat", name="Klimaat"), None)
    climate_dossier = save_record(Dossier(theme=other_theme, code="kf", name="Klimaatfinanciering"),
                                  None)
    marker = ProgressMarker(boundary_partner=boundary_partner, dossier=climate_dossier,
                            level="expect", order=1, statement="X")
    with pytest.raises(ValidationError) as exc:
        save_record(marker, None)
    assert "another theme" in exc.value.message_dict["dossier"][0]


def test_records_keep_who_changed_them_and_a_history(mia, dossier):
    dossier.name = "Hervestiging en humanitaire toegang"
    save_record(dossier, mia)
    dossier.refresh_from_db()
    assert dossier.updated_by == mia
    assert dossier.history.count() == 2
    latest = dossier.history.first()
    assert latest.history_user == mia
    assert latest.name == "Hervestiging en humanitaire toegang"
    assert dossier.history.last().name == "Hervestiging"
