"""Uptake's pages: where our passages appear, side by side, attach as evidence."""

from django.urls import path

from hefboom.uptake import views

app_name = "uptake"

urlpatterns = [
    path("documents/", views.document_list, name="documents"),
    path("documents/add/", views.document_upload, name="document_upload"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("documents/<int:pk>/edit/", views.document_edit, name="document_edit"),
    path("outputs/<int:pk>/", views.output_matches, name="output"),
    path("matches/<int:pk>/", views.match_detail, name="match"),
    path("matches/<int:pk>/evidence/", views.match_add_evidence, name="match_evidence"),
]
