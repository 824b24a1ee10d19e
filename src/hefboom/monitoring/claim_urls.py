"""URLs: Contribution claims and their Bayesian confidence. (joined into the monitoring namespace)."""

from django.urls import path  # noqa: F401

urlpatterns = []
