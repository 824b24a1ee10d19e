"""Listening's pages: trends, mentions, alerts, labelling."""

from django.urls import include, path

app_name = "listening"

urlpatterns = [
    path("labels/", include("hefboom.listening.label_urls")),
    path("terms/", include("hefboom.listening.term_urls")),
]
