"""Listening terms pages (included under listening/terms/)."""

from django.urls import path

from hefboom.listening import term_views

urlpatterns = [
    path("", term_views.organisation_terms, name="terms"),
    path("dossier/<int:pk>/", term_views.dossier_terms, name="dossier_terms"),
]
