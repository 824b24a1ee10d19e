"""URLs: evidence, contribution links and the outcome pathway (joined into the monitoring namespace).

The outcome page itself keeps its name `monitoring:outcome` (see urls.py).
"""

from django.urls import path

from hefboom.monitoring import pathway_views as views

urlpatterns = [
    path("outcomes/<int:pk>/evidence/new/", views.evidence_add, name="evidence_add"),
    path("evidence/<int:pk>/edit/", views.evidence_edit, name="evidence_edit"),
    path("evidence/<int:pk>/file/", views.evidence_file, name="evidence_file"),
    path("outcomes/<int:pk>/contributions/new/", views.contribution_add, name="contribution_add"),
    path("link/<str:kind>/<int:pk>/to-outcome/", views.contribution_to_outcome,
         name="contribution_to_outcome"),
    path("contributions/<int:pk>/edit/", views.contribution_edit, name="contribution_edit"),
    path("contributions/<int:pk>/remove/", views.contribution_remove, name="contribution_remove"),
    path("options/contacts/", views.contact_options, name="contact_options"),
    path("options/outputs/", views.output_options, name="output_options"),
    path("options/activities/", views.activity_options, name="activity_options"),
    path("options/outcomes/", views.outcome_options, name="outcome_options"),
]
