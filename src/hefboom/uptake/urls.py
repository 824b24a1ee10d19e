"""Uptake's pages: where our passages appear, side by side, attach as evidence."""

app_name = "uptake"

urlpatterns: list = []
