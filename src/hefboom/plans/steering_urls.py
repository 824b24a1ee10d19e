"""The steering-group page and political moments (included by `plans/urls.py`)."""

from django.urls import path

from hefboom.plans import steering_views

urlpatterns: list = [
    path("steering/", steering_views.steering_index, name="steering_index"),
    path("steering/<int:pk>/", steering_views.steering_page, name="steering"),
    path("moments/", steering_views.moment_list, name="moments"),
    path("moments/new/", steering_views.moment_create, name="moment_create"),
    path("moments/<int:pk>/edit/", steering_views.moment_edit, name="moment_edit"),
    path("moments/<int:pk>/delete/", steering_views.moment_delete, name="moment_delete"),
]
