"""The steering-group page and political moments (included by `plans/urls.py`)."""

from django.urls import path  # noqa: F401

urlpatterns: list = [
    # /plans/steering/<theme pk>/, /plans/moments/ ...
]
