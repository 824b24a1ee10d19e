from django.urls import path

from hefboom.coverage import views

app_name = "coverage"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("spectrum/", views.spectrum, name="spectrum"),
]
