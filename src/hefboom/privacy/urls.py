from django.urls import path

from hefboom.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.processing_register),
    path("register/", views.processing_register, name="register"),
    path("person/<int:pk>/", views.person_overview, name="person"),
    path("person/<int:pk>/export.json", views.person_export, {"fmt": "json"}, name="export_json"),
    path("person/<int:pk>/export.html", views.person_export, {"fmt": "html"}, name="export_html"),
    path("person/<int:pk>/mentions/", views.person_mentions, name="person_mentions"),
    path("person/<int:pk>/erase/", views.person_erase, name="erase"),
    path("retention/", views.retention_list, name="retention"),
    path("retention/<int:pk>/", views.retention_decide, name="retention_decide"),
    path("audit/", views.audit, name="audit"),
]
