"""URLs: Evidence, contribution links and the outcome pathway. (joined into the monitoring namespace)."""

from django.urls import path  # noqa: F401

urlpatterns = []
