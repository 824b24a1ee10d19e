"""Plans pages (`views.py`), the steering-group page and political moments
(`steering_urls.py`)."""

from django.urls import path  # noqa: F401

from hefboom.plans import steering_urls

app_name = "plans"
urlpatterns: list = [
    # The plans pages: /plans/, /plans/dossier/<pk>/, /plans/<pk>/, /plans/step/<pk>/ ...
] + steering_urls.urlpatterns
