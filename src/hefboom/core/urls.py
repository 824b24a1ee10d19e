from django.urls import path

from hefboom.core import views

urlpatterns = [path("", views.home, name="home")]
