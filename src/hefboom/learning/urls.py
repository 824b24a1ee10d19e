from datetime import date

from django.urls import path, register_converter

from hefboom.learning import views


class IsoDate:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return date.fromisoformat(value)

    def to_url(self, value):
        return value.isoformat() if isinstance(value, date) else str(value)


register_converter(IsoDate, "isodate")

app_name = "learning"
urlpatterns = [
    path("partners/", views.partner_list, name="partners"),
    path("partners/<int:pk>/ladder/", views.ladder, name="ladder"),
    path("partners/<int:pk>/journal/", views.journal_open, name="journal_open"),
    path("partners/<int:pk>/journal/<isodate:start>/<isodate:end>/", views.journal_detail,
         name="journal"),
    path("partners/<int:pk>/journal/<isodate:start>/<isodate:end>/edit/", views.journal_edit,
         name="journal_edit"),
    path("narratives/", views.narrative_list, name="narratives"),
    path("narratives/new/", views.narrative_create, name="narrative_create"),
    path("narratives/<int:pk>/", views.narrative_detail, name="narrative"),
    path("narratives/<int:pk>/edit/", views.narrative_edit, name="narrative_edit"),
    path("narratives/<int:pk>/versions/", views.narrative_history, name="narrative_history"),
    path("options/", views.reference_options, name="reference_options"),
    path("options/<str:kind>/", views.reference_options, name="record_options"),
]
