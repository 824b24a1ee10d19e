"""Listening's pages: trends, mentions, alerts, labelling."""

from django.urls import include, path

from hefboom.listening import views

app_name = "listening"

urlpatterns = [
    path("", views.home, name="home"),
    path("<str:kind>/<int:pk>/trend/", views.trend_page, name="trend"),
    path("<str:kind>/<int:pk>/texts/", views.texts_page, name="texts"),
    # kind: dossier or theme (with a pk), or mentions or alerts (pk 0)
    path("<str:kind>/<int:pk>/export/", views.export, name="export"),
    path("mentions/", views.mentions_page, name="mentions"),
    path("alerts/", views.alerts_page, name="alerts"),
    path("alerts/status/", views.alert_status, name="alert_status"),
    path("labels/", include("hefboom.listening.label_urls")),
    path("terms/", include("hefboom.listening.term_urls")),
]
