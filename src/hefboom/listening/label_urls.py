"""URL patterns; filled in by the views that need them."""

urlpatterns: list = []
