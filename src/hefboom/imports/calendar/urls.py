from django.urls import path

from hefboom.imports.calendar import views

app_name = "calendar_import"
urlpatterns = [
    path("", views.review, name="review"),
    path("upload/", views.upload, name="upload"),
    path("decide/", views.decide, name="decide"),
]
