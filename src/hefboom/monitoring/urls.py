from django.urls import path

from hefboom.monitoring import claim_urls, followup_urls, pathway_urls, quick, views

app_name = "monitoring"
urlpatterns = [
    path("contacts/", views.contact_list, name="contacts"),
    path("contacts/new/", views.contact_create, name="contact_create"),
    path("contacts/<int:pk>/", views.contact_detail, name="contact"),
    path("contacts/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
    path("activities/", views.activity_list, name="activities"),
    path("activities/new/", views.activity_create, name="activity_create"),
    path("activities/<int:pk>/", views.activity_detail, name="activity"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("outputs/", views.output_list, name="outputs"),
    path("outputs/new/", views.output_create, name="output_create"),
    path("outputs/<int:pk>/", views.output_detail, name="output"),
    path("outputs/<int:pk>/edit/", views.output_edit, name="output_edit"),
    path("outcomes/", views.outcome_list, name="outcomes"),
    path("outcomes/new/", views.outcome_create, name="outcome_create"),
    path("outcomes/<int:pk>/", views.outcome_detail, name="outcome"),
    path("outcomes/<int:pk>/edit/", views.outcome_edit, name="outcome_edit"),
    path("<str:kind>/<int:pk>/delete/", views.record_delete, name="delete"),
    path("bin/", views.bin_list, name="bin"),
    path("quick/<str:kind>/", quick.quick_capture, name="quick"),
    path("bin/<str:kind>/<int:pk>/restore/", views.record_restore, name="restore"),
]

urlpatterns += claim_urls.urlpatterns + pathway_urls.urlpatterns + followup_urls.urlpatterns
