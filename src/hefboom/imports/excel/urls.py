"""The import wizard's steps."""

from django.urls import path

from hefboom.imports.excel import views

app_name = "excel_import"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/mapping/", views.mapping, name="mapping"),
    path("<int:pk>/check/", views.check, name="check"),
    path("<int:pk>/", views.result, name="result"),
]
