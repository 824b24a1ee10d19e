"""URLs: Contribution claims and their Bayesian confidence. (joined into the monitoring namespace)."""

from django.urls import path

from hefboom.monitoring import claim_views

urlpatterns = [
    path("claims/", claim_views.claim_list, name="claims"),
    path("outcomes/<int:pk>/claims/new/", claim_views.claim_create, name="claim_create"),
    path("claims/<int:pk>/", claim_views.claim_detail, name="claim"),
    path("claims/<int:pk>/edit/", claim_views.claim_edit, name="claim_edit"),
    path("claims/<int:pk>/move-to-bin/", claim_views.claim_delete, name="claim_delete"),
    path("claims/<int:pk>/evidence/new/", claim_views.claim_evidence_create,
         name="claim_evidence_create"),
    path("claims/<int:pk>/evidence/<int:item_pk>/edit/", claim_views.claim_evidence_edit,
         name="claim_evidence_edit"),
    path("claims/<int:pk>/evidence/<int:item_pk>/remove/", claim_views.claim_evidence_remove,
         name="claim_evidence_remove"),
]
